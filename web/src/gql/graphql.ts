/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AdmissionAnswer =
  | 'ACCEPT'
  /** Propose another time (`proposedAt`). */
  | 'PROPOSE'
  | 'REFUSE';

export type AdmissionAnswerInput = {
  answer: AdmissionAnswer;
  comment?: string | null | undefined;
  /** With ACCEPT: hold a bed for the patient (lowers the unit's free beds until admission or ROR_ADMISSION_HOLD_MINUTES). */
  holdBed?: boolean | null | undefined;
  /** Required with PROPOSE: the time the unit proposes. */
  proposedAt?: string | null | undefined;
  /** Required with REFUSE. */
  reason?: AdmissionRefusalReason | null | undefined;
};

export type AdmissionRefusalReason =
  /** The unit does not suit the patient. */
  | 'NOT_SUITED'
  /** No free bed. */
  | 'NO_BED'
  | 'OTHER';

export type AdmissionRequestChangeFilter = {
  establishmentId?: string | null | undefined;
  requestId?: string | null | undefined;
  side?: AdmissionSide | null | undefined;
  unitIds?: Array<string> | null | undefined;
};

export type AdmissionRequestFilter = {
  createdBefore?: string | null | undefined;
  createdFrom?: string | null | undefined;
  /** Requests sent to units of this establishment (FINESS ET). */
  establishmentId?: string | null | undefined;
  /** Both sides when absent. */
  side?: AdmissionSide | null | undefined;
  statuses?: Array<AdmissionRequestStatus> | null | undefined;
  /** Requests sent to any of these units. */
  unitIds?: Array<string> | null | undefined;
};

export type AdmissionRequestInput = {
  /** The operational activity needed (TRE_R211 code). */
  activityCode?: string | null | undefined;
  /** How the receiving unit reaches the requester: a phone number or an e-mail address. */
  callbackContact: string;
  /** Minimal clinical summary, confidential to the two parties (at most 2,000 characters; stored encrypted). */
  clinicalSummary: string;
  /** The discipline needed (the offer's Discipline values). */
  discipline?: string | null | undefined;
  /** An application acting for a professional: that professional's RPPS number (11 digits). */
  onBehalfOf?: string | null | undefined;
  /** Years, 0 to 130. */
  patientAge: number;
  /** Optional; stored encrypted, seen only by the two parties. */
  patientName?: string | null | undefined;
  patientSex: PatientSex;
  /** The units asked, at once (1 to 10); the first to accept wins, the others are withdrawn. */
  unitIds: Array<string>;
  urgency: AdmissionUrgency;
  /** When the admission is wished; now when absent. */
  wishedAt?: string | null | undefined;
};

/** Where a request stands, all its units together. */
export type AdmissionRequestStatus =
  /** A unit accepted: the patient is expected there. */
  | 'ACCEPTED'
  /** Cancelled by the requester (closed). */
  | 'CANCELLED'
  /** The patient was admitted (closed). */
  | 'COMPLETED'
  /** No acceptance before the expiry delay (closed). */
  | 'EXPIRED'
  /** Waiting for an answer. */
  | 'PENDING'
  /** Every unit refused (closed). */
  | 'REFUSED';

export type AdmissionRequesterKind =
  | 'APPLICATION'
  | 'USER';

export type AdmissionSide =
  /** Requests sent to units the caller answers for. */
  | 'RECEIVED'
  /** Requests the caller sent. */
  | 'SENT';

/** Where a request stands at one of the units it was sent to. */
export type AdmissionTargetStatus =
  | 'ACCEPTED'
  /** The patient was admitted here. */
  | 'COMPLETED'
  | 'PENDING'
  /** The unit proposed another time; the requester may accept it. */
  | 'PROPOSED'
  | 'REFUSED'
  /** Closed without this unit's acceptance: another unit accepted first, or the request was cancelled or expired. */
  | 'WITHDRAWN';

export type AdmissionUrgency =
  /** Now: the patient is waiting (ED, GP's office). */
  | 'IMMEDIATE'
  /** Within the day. */
  | 'SAME_DAY'
  /** At the wished date. */
  | 'SCHEDULED'
  /** Within 48 hours. */
  | 'WITHIN_48H';

export type AlertProposalStatus =
  | 'ACKNOWLEDGED'
  | 'DISMISSED'
  | 'PROPOSED';

/** Why a BJML is or is not computed. */
export type BjmlQuality =
  /** MODE_SORTIE filled in fewer than 80 % of the history's passages: admissions undercounted. */
  | 'EXIT_MODE_UNFILLED'
  /** More than 20 % of the history days have no passages. */
  | 'MISSING_DAYS'
  /** No day with passages in the history window. */
  | 'NO_HISTORY'
  | 'OK';

/** Discipline of a unit, as the capacity module groups them. */
export type Discipline =
  | 'ADULT_ICU'
  | 'CONTINUOUS_CARE'
  | 'ED_SHORT_STAY'
  | 'HAD'
  | 'INTENSIVE_CARE'
  | 'LONG_STAY'
  | 'MEDICINE'
  | 'OBSTETRICS'
  | 'PAEDIATRICS'
  | 'PAEDIATRIC_ICU'
  | 'PSYCHIATRY'
  | 'SMR'
  | 'SURGERY';

/** Where a day's indicators come from. */
export type EmergencyDaySource =
  /** Aggregated history loaded without passages (the demo's past years). */
  | 'HISTORY'
  /** Computed from the RPU passages imported for that day. */
  | 'RPU';

/** The patient's sex, as the beds' sex (TRE_R332): men's beds, women's beds, undifferentiated beds take either. */
export type PatientSex =
  | 'FEMALE'
  | 'MALE';

/** What a right or role applies to. A grant on a legal entity covers its establishments and units. */
export type PerimeterKind =
  | 'ESTABLISHMENT'
  | 'ORGANIZATION'
  | 'PROFESSIONAL'
  | 'TRANSVERSAL'
  | 'UNIT';

/** A point and a radius. */
export type PlaceNearInput = {
  latitude: number;
  longitude: number;
  /** At most 200 km. */
  radiusKm: number;
};

/**
 * What a place search asks. Exactly one origin: `near`, or `communeCode` (INSEE COG), or
 * `postalCode` — for the last two, the commune's point is the centre and `radiusKm` the radius.
 * Every other criterion is optional; all must hold.
 */
export type PlaceSearchInput = {
  /** Operational activities (TRE_R211 codes); the unit offers any of them. */
  activityCodes?: Array<string> | null | undefined;
  /** Care modes (TRE_R213 codes); any of them. */
  careModeCodes?: Array<string> | null | undefined;
  /** INSEE code of a commune (official geographic code), e.g. 45234 for Orléans. */
  communeCode?: string | null | undefined;
  /** Disciplines (the offer's Discipline values, e.g. MEDICINE); any of them. */
  disciplines?: Array<string> | null | undefined;
  /** Specific equipment (TRE_R212 codes); the unit has all of them. */
  equipmentCodes?: Array<string> | null | undefined;
  /** Only units with at least one free bed for the patient. */
  freeBedsOnly?: boolean | null | undefined;
  /** Only units whose figures are at most this many minutes old. */
  maxFiguresAgeMinutes?: number | null | undefined;
  near?: PlaceNearInput | null | undefined;
  /** The patient's age in years: the unit's patient age range contains it. */
  patientAge?: number | null | undefined;
  /** The patient's sex: free beds count the beds of that sex plus undifferentiated ones. */
  patientSex?: PatientSex | null | undefined;
  /** A postal code; when it serves several communes, the most populated one is the centre. */
  postalCode?: string | null | undefined;
  /** Radius around a commune or postal code, at most 200 km (default 30). */
  radiusKm?: number | null | undefined;
};

/** Code of a tension level (the `code` of `tensionLevels`); labels are data and may differ per region. */
export type PlanLevel =
  /** HET level 1: tension confirmed (PGTHSSE level 1, plan de mobilisation interne). */
  | 'HET_1'
  /** HET level 2: tension heightened. */
  | 'HET_2'
  /** HET level 3: large-scale or lasting tension. */
  | 'HET_3'
  /** Plan blanc (PGTHSSE level 2), for the declaration's discipline group. */
  | 'PLAN_BLANC'
  /** Former code, never returned: now HET_1. */
  | 'PLAN_BLANC_1'
  /** Former code, never returned: now PLAN_BLANC. */
  | 'PLAN_BLANC_2'
  /** Département-level plan blanc (prefect). */
  | 'PLAN_BLANC_ELARGI'
  /** Watch: indicators followed, no tension yet. */
  | 'VEILLE';

/** Band of an area: share of its establishments populated respecting the quality criterion. */
export type PopulationBand =
  /** More than 75 %. */
  | 'ABOVE_75'
  | 'FROM_1_TO_25'
  | 'FROM_26_TO_50'
  | 'FROM_51_TO_75'
  /** 0 %. */
  | 'NONE'
  /** No establishment in the area. */
  | 'NO_DATA';

/** The roles (profiles) of the regional ROR: named sets of rights. */
export type Role =
  /** Demandeur d'admission directe (regional extension: direct admissions) */
  | 'ADMISSION_REQUESTER'
  /** Saisie des lits disponibles */
  | 'BED_ENTRY'
  /** Gestionnaire de lits (regional extension: direct admissions) */
  | 'BED_MANAGER'
  /** Référent Établissement ROR */
  | 'ESTABLISHMENT_REFERENT'
  /** Référent Plan Blanc */
  | 'PLAN_BLANC_REFERENT'
  /** Référent Plan Bleu */
  | 'PLAN_BLEU_REFERENT'
  /** Déclaration tension */
  | 'TENSION_DECLARANT'
  /** Référent UO */
  | 'UNIT_REFERENT';

/** Sector of the national population follow-up. */
export type Sector =
  | 'MCO'
  /** Elderly people (personnes âgées). */
  | 'PA'
  /** Disabled people (personnes handicapées). */
  | 'PH'
  | 'PSY'
  | 'SSR';

/** What a tension signal was raised on. */
export type TensionSignal =
  | 'ADMISSION_RATE'
  | 'ADMITTED_LOS'
  /** Available medicine + surgery beds below the week's BJML. */
  | 'BEDS_BELOW_BJML'
  | 'PRESENT_15'
  | 'VISITS'
  | 'VISITS_75';

export type ConsoleDashboardCapacityQueryVariables = Exact<{
  departmentCode: string;
}>;


export type ConsoleDashboardCapacityQuery = { capacitySynthesis: { totals: { units: number, unitsWithoutCapacity: number, installedBeds: number, availableBeds: number, oldestUpdate: string | null }, groups: Array<{ key: string, label: string | null, totals: { units: number, unitsWithoutCapacity: number, installedBeds: number, availableBeds: number, oldestUpdate: string | null } }> } };

export type ConsoleDashboardTensionsQueryVariables = Exact<{
  departmentCode: string;
}>;


export type ConsoleDashboardTensionsQuery = { tensions: { totalCount: number, edges: Array<{ node: { id: string, disciplineGroup: string, level: PlanLevel, startedAt: string, declaredBy: string | null, establishment: { id: string, name: string }, levelDetail: { rank: number, label: string } } }> } };

export type ConsoleDashboardAdmissionsQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type ConsoleDashboardAdmissionsQuery = { admissionIndicators: Array<{ periodStart: string, received: number, accepted: number, refused: number, withdrawn: number, expired: number, medianAnswerMinutes: number | null, establishment: { id: string, name: string, address: { departmentCode: string } } }> };

export type ConsoleDashboardPopulationQueryVariables = Exact<{
  departmentCode: string;
}>;


export type ConsoleDashboardPopulationQuery = { populationIndicators: Array<{ areaCode: string, areaName: string | null, sector: Sector | null, establishments: number, populated: number, populatedRate: number, quality: number, qualityRate: number, band: PopulationBand }> };

export type ConsoleDashboardCapacityChangedSubscriptionVariables = Exact<{
  departmentCode: string;
}>;


export type ConsoleDashboardCapacityChangedSubscription = { capacityChanged: { at: string, unit: { name: string, establishment: { name: string } }, capacity: { updatedBy: string | null } } };

export type ConsoleDashboardTensionChangedSubscriptionVariables = Exact<{
  departmentCode: string;
}>;


export type ConsoleDashboardTensionChangedSubscription = { tensionChanged: { at: string, action: string, tension: { establishment: { name: string } }, entries: Array<{ author: string }> } };

export type ConsoleDepartmentsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleDepartmentsQuery = { populationIndicators: Array<{ areaCode: string, areaName: string | null, sector: Sector | null }> };

export type ConsoleDashboardUnitsQueryVariables = Exact<{
  departmentCode: string;
  after?: string | null | undefined;
}>;


export type ConsoleDashboardUnitsQuery = { units: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, discipline: Discipline, capacity: { installedBeds: number, availableBeds: number, updatedAt: string } | null } }> } };

export type ConsoleDepartmentEstablishmentsQueryVariables = Exact<{
  departmentCode: string;
}>;


export type ConsoleDepartmentEstablishmentsQuery = { establishments: { totalCount: number, edges: Array<{ node: { id: string, name: string, address: { city: string | null } } }> } };

export type ConsoleBjmlQueryVariables = Exact<{
  establishmentId: string;
}>;


export type ConsoleBjmlQuery = { bjml: { year: number, week: number, years: number, expectedDays: number, observedDays: number, exitModeFilledRate: number | null, quality: BjmlQuality, bjml: number | null, mean: number | null, p75: number | null } };

export type ConsoleEmergencyIndicatorsQueryVariables = Exact<{
  establishmentId: string;
  from: string;
  to: string;
}>;


export type ConsoleEmergencyIndicatorsQuery = { emergencyIndicators: { receptionCapacity: number, receptionCapacityIsDefault: boolean, days: Array<{ day: string, visits: number, visits75: number, admissionRate: number | null, admittedMeanLengthOfStay: number | null, presentAt15: number, loadAt15: number, source: EmergencyDaySource }> } };

export type ConsoleAlertProposalFragment = { id: string, day: string, signal: TensionSignal, value: number, threshold: number, band: number | null, status: AlertProposalStatus, createdAt: string, decidedAt: string | null, decidedBy: string | null, establishment: { id: string, name: string } };

export type ConsoleAlertProposalsQueryVariables = Exact<{
  from: string;
}>;


export type ConsoleAlertProposalsQuery = { waiting: Array<{ id: string, day: string, signal: TensionSignal, value: number, threshold: number, band: number | null, status: AlertProposalStatus, createdAt: string, decidedAt: string | null, decidedBy: string | null, establishment: { id: string, name: string } }>, recent: Array<{ id: string, day: string, signal: TensionSignal, value: number, threshold: number, band: number | null, status: AlertProposalStatus, createdAt: string, decidedAt: string | null, decidedBy: string | null, establishment: { id: string, name: string } }> };

export type ConsoleAcknowledgeAlertProposalMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleAcknowledgeAlertProposalMutation = { acknowledgeAlertProposal: { id: string, day: string, signal: TensionSignal, value: number, threshold: number, band: number | null, status: AlertProposalStatus, createdAt: string, decidedAt: string | null, decidedBy: string | null, establishment: { id: string, name: string } } };

export type ConsoleDismissAlertProposalMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleDismissAlertProposalMutation = { dismissAlertProposal: { id: string, day: string, signal: TensionSignal, value: number, threshold: number, band: number | null, status: AlertProposalStatus, createdAt: string, decidedAt: string | null, decidedBy: string | null, establishment: { id: string, name: string } } };

export type ConsoleMeQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleMeQuery = { me: { id: string, firstName: string, lastName: string, account: { login: string } | null, roleAssignments: Array<{ id: string, role: Role | null, right: string | null, perimeterKind: PerimeterKind, perimeterId: string | null, effectiveRights: Array<string> }> } | null };

export type ConsolePlaceSearchQueryVariables = Exact<{
  criteria: PlaceSearchInput;
  first?: number | null | undefined;
}>;


export type ConsolePlaceSearchQuery = { placeSearch: { totalCount: number, centre: { latitude: number, longitude: number, radiusKm: number, communeCode: string | null, communeName: string | null }, edges: Array<{ node: { distanceKm: number, freeBeds: number, installedBeds: number | null, updatedAt: string | null, stale: boolean, unit: { id: string, name: string, discipline: Discipline, establishment: { id: string, name: string }, contacts: Array<{ role: string | null, value: string, channel: { code: string, display: string | null }, nature: { display: string | null } }> } } }> } };

export type ConsoleRequestAdmissionMutationVariables = Exact<{
  input: AdmissionRequestInput;
}>;


export type ConsoleRequestAdmissionMutation = { requestAdmission: { id: string, status: AdmissionRequestStatus, targets: Array<{ status: AdmissionTargetStatus, unit: { id: string, name: string } }> } };

export type ConsoleAdmissionRequestFragment = { id: string, status: AdmissionRequestStatus, version: number, patientAge: number, patientSex: PatientSex, discipline: string | null, urgency: AdmissionUrgency, wishedAt: string | null, clinicalSummary: string, patientName: string | null, callbackContact: string, createdAt: string, updatedAt: string, expiresAt: string, requester: { name: string, kind: AdmissionRequesterKind }, acceptedUnit: { id: string, name: string } | null, targets: Array<{ status: AdmissionTargetStatus, answer: AdmissionAnswer | null, refusalReason: AdmissionRefusalReason | null, comment: string | null, proposedAt: string | null, answeredBy: string | null, answeredAt: string | null, unit: { id: string, name: string }, establishment: { id: string, name: string, organization: { id: string } } }> };

export type ConsoleAdmissionRequestsQueryVariables = Exact<{
  filter?: AdmissionRequestFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type ConsoleAdmissionRequestsQuery = { admissionRequests: { totalCount: number, edges: Array<{ node: { id: string, status: AdmissionRequestStatus, version: number, patientAge: number, patientSex: PatientSex, discipline: string | null, urgency: AdmissionUrgency, wishedAt: string | null, clinicalSummary: string, patientName: string | null, callbackContact: string, createdAt: string, updatedAt: string, expiresAt: string, requester: { name: string, kind: AdmissionRequesterKind }, acceptedUnit: { id: string, name: string } | null, targets: Array<{ status: AdmissionTargetStatus, answer: AdmissionAnswer | null, refusalReason: AdmissionRefusalReason | null, comment: string | null, proposedAt: string | null, answeredBy: string | null, answeredAt: string | null, unit: { id: string, name: string }, establishment: { id: string, name: string, organization: { id: string } } }> } }> } };

export type ConsoleAnswerAdmissionRequestMutationVariables = Exact<{
  id: string;
  unitId: string;
  input: AdmissionAnswerInput;
  expectedVersion: number;
}>;


export type ConsoleAnswerAdmissionRequestMutation = { answerAdmissionRequest: { id: string, status: AdmissionRequestStatus, version: number, patientAge: number, patientSex: PatientSex, discipline: string | null, urgency: AdmissionUrgency, wishedAt: string | null, clinicalSummary: string, patientName: string | null, callbackContact: string, createdAt: string, updatedAt: string, expiresAt: string, requester: { name: string, kind: AdmissionRequesterKind }, acceptedUnit: { id: string, name: string } | null, targets: Array<{ status: AdmissionTargetStatus, answer: AdmissionAnswer | null, refusalReason: AdmissionRefusalReason | null, comment: string | null, proposedAt: string | null, answeredBy: string | null, answeredAt: string | null, unit: { id: string, name: string }, establishment: { id: string, name: string, organization: { id: string } } }> } };

export type ConsoleAdmissionRequestQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleAdmissionRequestQuery = { admissionRequest: { id: string, status: AdmissionRequestStatus, version: number, patientAge: number, patientSex: PatientSex, discipline: string | null, urgency: AdmissionUrgency, wishedAt: string | null, clinicalSummary: string, patientName: string | null, callbackContact: string, createdAt: string, updatedAt: string, expiresAt: string, requester: { name: string, kind: AdmissionRequesterKind }, acceptedUnit: { id: string, name: string } | null, targets: Array<{ status: AdmissionTargetStatus, answer: AdmissionAnswer | null, refusalReason: AdmissionRefusalReason | null, comment: string | null, proposedAt: string | null, answeredBy: string | null, answeredAt: string | null, unit: { id: string, name: string }, establishment: { id: string, name: string, organization: { id: string } } }> } | null };

export type ConsoleAdmissionRequestChangedSubscriptionVariables = Exact<{
  filter?: AdmissionRequestChangeFilter | null | undefined;
}>;


export type ConsoleAdmissionRequestChangedSubscription = { admissionRequestChanged: { position: string, action: string, at: string, actor: string, request: { id: string, status: AdmissionRequestStatus, version: number, patientAge: number, patientSex: PatientSex, discipline: string | null, urgency: AdmissionUrgency, wishedAt: string | null, clinicalSummary: string, patientName: string | null, callbackContact: string, createdAt: string, updatedAt: string, expiresAt: string, requester: { name: string, kind: AdmissionRequesterKind }, acceptedUnit: { id: string, name: string } | null, targets: Array<{ status: AdmissionTargetStatus, answer: AdmissionAnswer | null, refusalReason: AdmissionRefusalReason | null, comment: string | null, proposedAt: string | null, answeredBy: string | null, answeredAt: string | null, unit: { id: string, name: string }, establishment: { id: string, name: string, organization: { id: string } } }> } } };

export const ConsoleAlertProposalFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAlertProposal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AlertProposal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"band"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}}]}}]} as unknown as DocumentNode<ConsoleAlertProposalFragment, unknown>;
export const ConsoleAdmissionRequestFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAdmissionRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"patientAge"}},{"kind":"Field","name":{"kind":"Name","value":"patientSex"}},{"kind":"Field","name":{"kind":"Name","value":"discipline"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"wishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"clinicalSummary"}},{"kind":"Field","name":{"kind":"Name","value":"patientName"}},{"kind":"Field","name":{"kind":"Name","value":"callbackContact"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"acceptedUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"refusalReason"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"proposedAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleAdmissionRequestFragment, unknown>;
export const ConsoleDashboardCapacityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleDashboardCapacity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"capacitySynthesis"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DISCIPLINE"}]}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"departmentCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"units"}},{"kind":"Field","name":{"kind":"Name","value":"unitsWithoutCapacity"}},{"kind":"Field","name":{"kind":"Name","value":"installedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"availableBeds"}},{"kind":"Field","name":{"kind":"Name","value":"oldestUpdate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"units"}},{"kind":"Field","name":{"kind":"Name","value":"unitsWithoutCapacity"}},{"kind":"Field","name":{"kind":"Name","value":"installedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"availableBeds"}},{"kind":"Field","name":{"kind":"Name","value":"oldestUpdate"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleDashboardCapacityQuery, ConsoleDashboardCapacityQueryVariables>;
export const ConsoleDashboardTensionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleDashboardTensions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tensions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"departmentCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"IN_PROGRESS"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroup"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"levelDetail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"declaredBy"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleDashboardTensionsQuery, ConsoleDashboardTensionsQueryVariables>;
export const ConsoleDashboardAdmissionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleDashboardAdmissions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"admissionIndicators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"EnumValue","value":"WEEK"}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"EnumValue","value":"ESTABLISHMENT"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departmentCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"refused"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"medianAnswerMinutes"}}]}}]}}]} as unknown as DocumentNode<ConsoleDashboardAdmissionsQuery, ConsoleDashboardAdmissionsQueryVariables>;
export const ConsoleDashboardPopulationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleDashboardPopulation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"populationIndicators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"EnumValue","value":"DEPARTMENT"}},{"kind":"Argument","name":{"kind":"Name","value":"departmentCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"areaCode"}},{"kind":"Field","name":{"kind":"Name","value":"areaName"}},{"kind":"Field","name":{"kind":"Name","value":"sector"}},{"kind":"Field","name":{"kind":"Name","value":"establishments"}},{"kind":"Field","name":{"kind":"Name","value":"populated"}},{"kind":"Field","name":{"kind":"Name","value":"populatedRate"}},{"kind":"Field","name":{"kind":"Name","value":"quality"}},{"kind":"Field","name":{"kind":"Name","value":"qualityRate"}},{"kind":"Field","name":{"kind":"Name","value":"band"}}]}}]}}]} as unknown as DocumentNode<ConsoleDashboardPopulationQuery, ConsoleDashboardPopulationQueryVariables>;
export const ConsoleDashboardCapacityChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ConsoleDashboardCapacityChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"capacityChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"departmentCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"capacity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleDashboardCapacityChangedSubscription, ConsoleDashboardCapacityChangedSubscriptionVariables>;
export const ConsoleDashboardTensionChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ConsoleDashboardTensionChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tensionChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"departmentCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"tension"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"author"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleDashboardTensionChangedSubscription, ConsoleDashboardTensionChangedSubscriptionVariables>;
export const ConsoleDepartmentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleDepartments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"populationIndicators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"EnumValue","value":"DEPARTMENT"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"areaCode"}},{"kind":"Field","name":{"kind":"Name","value":"areaName"}},{"kind":"Field","name":{"kind":"Name","value":"sector"}}]}}]}}]} as unknown as DocumentNode<ConsoleDepartmentsQuery, ConsoleDepartmentsQueryVariables>;
export const ConsoleDashboardUnitsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleDashboardUnits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"units"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"departmentCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"discipline"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"availableBeds"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleDashboardUnitsQuery, ConsoleDashboardUnitsQueryVariables>;
export const ConsoleDepartmentEstablishmentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleDepartmentEstablishments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"establishments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"departmentCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleDepartmentEstablishmentsQuery, ConsoleDepartmentEstablishmentsQueryVariables>;
export const ConsoleBjmlDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleBjml"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"establishmentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bjml"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"establishmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"establishmentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"week"}},{"kind":"Field","name":{"kind":"Name","value":"years"}},{"kind":"Field","name":{"kind":"Name","value":"expectedDays"}},{"kind":"Field","name":{"kind":"Name","value":"observedDays"}},{"kind":"Field","name":{"kind":"Name","value":"exitModeFilledRate"}},{"kind":"Field","name":{"kind":"Name","value":"quality"}},{"kind":"Field","name":{"kind":"Name","value":"bjml"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"p75"}}]}}]}}]} as unknown as DocumentNode<ConsoleBjmlQuery, ConsoleBjmlQueryVariables>;
export const ConsoleEmergencyIndicatorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleEmergencyIndicators"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"establishmentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emergencyIndicators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"establishmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"establishmentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receptionCapacity"}},{"kind":"Field","name":{"kind":"Name","value":"receptionCapacityIsDefault"}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"visits"}},{"kind":"Field","name":{"kind":"Name","value":"visits75"}},{"kind":"Field","name":{"kind":"Name","value":"admissionRate"}},{"kind":"Field","name":{"kind":"Name","value":"admittedMeanLengthOfStay"}},{"kind":"Field","name":{"kind":"Name","value":"presentAt15"}},{"kind":"Field","name":{"kind":"Name","value":"loadAt15"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleEmergencyIndicatorsQuery, ConsoleEmergencyIndicatorsQueryVariables>;
export const ConsoleAlertProposalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleAlertProposals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"waiting"},"name":{"kind":"Name","value":"alertProposals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"PROPOSED"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleAlertProposal"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"recent"},"name":{"kind":"Name","value":"alertProposals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleAlertProposal"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAlertProposal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AlertProposal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"band"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}}]}}]} as unknown as DocumentNode<ConsoleAlertProposalsQuery, ConsoleAlertProposalsQueryVariables>;
export const ConsoleAcknowledgeAlertProposalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAcknowledgeAlertProposal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acknowledgeAlertProposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleAlertProposal"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAlertProposal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AlertProposal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"band"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}}]}}]} as unknown as DocumentNode<ConsoleAcknowledgeAlertProposalMutation, ConsoleAcknowledgeAlertProposalMutationVariables>;
export const ConsoleDismissAlertProposalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleDismissAlertProposal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dismissAlertProposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleAlertProposal"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAlertProposal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AlertProposal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"band"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}}]}}]} as unknown as DocumentNode<ConsoleDismissAlertProposalMutation, ConsoleDismissAlertProposalMutationVariables>;
export const ConsoleMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roleAssignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"right"}},{"kind":"Field","name":{"kind":"Name","value":"perimeterKind"}},{"kind":"Field","name":{"kind":"Name","value":"perimeterId"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveRights"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleMeQuery, ConsoleMeQueryVariables>;
export const ConsolePlaceSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsolePlaceSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"criteria"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlaceSearchInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"placeSearch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"criteria"},"value":{"kind":"Variable","name":{"kind":"Name","value":"criteria"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"centre"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"radiusKm"}},{"kind":"Field","name":{"kind":"Name","value":"communeCode"}},{"kind":"Field","name":{"kind":"Name","value":"communeName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"distanceKm"}},{"kind":"Field","name":{"kind":"Name","value":"freeBeds"}},{"kind":"Field","name":{"kind":"Name","value":"installedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"discipline"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"channel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"display"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nature"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsolePlaceSearchQuery, ConsolePlaceSearchQueryVariables>;
export const ConsoleRequestAdmissionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRequestAdmission"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestAdmission"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleRequestAdmissionMutation, ConsoleRequestAdmissionMutationVariables>;
export const ConsoleAdmissionRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleAdmissionRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequestFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"admissionRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleAdmissionRequest"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAdmissionRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"patientAge"}},{"kind":"Field","name":{"kind":"Name","value":"patientSex"}},{"kind":"Field","name":{"kind":"Name","value":"discipline"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"wishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"clinicalSummary"}},{"kind":"Field","name":{"kind":"Name","value":"patientName"}},{"kind":"Field","name":{"kind":"Name","value":"callbackContact"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"acceptedUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"refusalReason"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"proposedAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleAdmissionRequestsQuery, ConsoleAdmissionRequestsQueryVariables>;
export const ConsoleAnswerAdmissionRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAnswerAdmissionRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionAnswerInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"answerAdmissionRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"unitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleAdmissionRequest"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAdmissionRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"patientAge"}},{"kind":"Field","name":{"kind":"Name","value":"patientSex"}},{"kind":"Field","name":{"kind":"Name","value":"discipline"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"wishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"clinicalSummary"}},{"kind":"Field","name":{"kind":"Name","value":"patientName"}},{"kind":"Field","name":{"kind":"Name","value":"callbackContact"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"acceptedUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"refusalReason"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"proposedAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleAnswerAdmissionRequestMutation, ConsoleAnswerAdmissionRequestMutationVariables>;
export const ConsoleAdmissionRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleAdmissionRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"admissionRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleAdmissionRequest"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAdmissionRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"patientAge"}},{"kind":"Field","name":{"kind":"Name","value":"patientSex"}},{"kind":"Field","name":{"kind":"Name","value":"discipline"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"wishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"clinicalSummary"}},{"kind":"Field","name":{"kind":"Name","value":"patientName"}},{"kind":"Field","name":{"kind":"Name","value":"callbackContact"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"acceptedUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"refusalReason"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"proposedAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleAdmissionRequestQuery, ConsoleAdmissionRequestQueryVariables>;
export const ConsoleAdmissionRequestChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ConsoleAdmissionRequestChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequestChangeFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"admissionRequestChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleAdmissionRequest"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAdmissionRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"patientAge"}},{"kind":"Field","name":{"kind":"Name","value":"patientSex"}},{"kind":"Field","name":{"kind":"Name","value":"discipline"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"wishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"clinicalSummary"}},{"kind":"Field","name":{"kind":"Name","value":"patientName"}},{"kind":"Field","name":{"kind":"Name","value":"callbackContact"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"acceptedUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"refusalReason"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"proposedAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleAdmissionRequestChangedSubscription, ConsoleAdmissionRequestChangedSubscriptionVariables>;