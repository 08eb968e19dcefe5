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

/** Which capacity changes a subscriber wants; all given criteria must hold. */
export type CapacityChangeFilter = {
  departmentCode?: string | null | undefined;
  discipline?: string | null | undefined;
  establishmentId?: string | null | undefined;
  unitIds?: Array<string> | null | undefined;
};

export type CapacityEntry = {
  /** The version the writer read (0 for a unit without capacity yet). */
  expectedVersion: number;
  input: CapacityInput;
  unitId: string;
};

/** A level of a capacity synthesis. */
export type CapacityGrouping =
  | 'DEPARTMENT'
  | 'DISCIPLINE'
  | 'ESTABLISHMENT'
  | 'POLE'
  | 'REGION';

/** Figures a bed manager enters; every field is required so that an entry states the whole situation. */
export type CapacityInput = {
  availableMen: number;
  availableUndifferentiated: number;
  availableWomen: number;
  closedBeds: number;
  installedBeds: number;
  mobilisedBeds: number;
  nature?: CapacityNature | null | undefined;
  /** At most 2000 characters. */
  notes?: string | null | undefined;
  reopenableBeds: number;
  reopenedBeds: number;
};

/** What is counted (IG TRE_R329 NatureCapacite): beds, or places (day hospital, HAD). */
export type CapacityNature =
  | 'BED'
  | 'PLACE';

/** How a capacity figure reached the hub (IG TRE_R335 TypeSourceCapacite). */
export type CapacitySource =
  | 'AUTOMATIC_FEED'
  | 'IMPORT'
  | 'MANUAL';

export type CapacitySynthesisFilter = {
  departmentCode?: string | null | undefined;
  disciplines?: Array<string> | null | undefined;
  establishmentId?: string | null | undefined;
  regionCode?: string | null | undefined;
  view?: CapacityView | null | undefined;
};

/** Which units a synthesis covers (sanitary, medico-social or medico-technical view). */
export type CapacityView =
  /** Elderly and disabled units. */
  | 'MEDICO_SOCIAL'
  /** Mortuary, operating theatre, pharmacy... */
  | 'MEDICO_TECHNICAL'
  /** MCO, SMR, psychiatry, HAD units. */
  | 'SANITARY';

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

/** A true radius around a WGS84 point (great-circle distance, see docs/offer-search.md). */
export type NearInput = {
  /** -90 to 90. */
  latitude: number;
  /** -180 to 180. */
  longitude: number;
  /** Greater than 0, at most 500. */
  radiusKm: number;
};

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

export type PlannedClosureInput = {
  beds: number;
  endDate: string;
  notes?: string | null | undefined;
  reason: PlannedClosureReason;
  startDate: string;
};

export type PlannedClosureReason =
  | 'OTHER'
  | 'SEASONAL'
  | 'STAFF'
  | 'WORKS';

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

export type SavedCapacityFilterInput = {
  filter: CapacitySynthesisFilter;
  groupBy: Array<CapacityGrouping>;
  isDefault?: boolean | null | undefined;
  name: string;
};

export type UnitFilter = {
  /** Field of activity (TRE_R227). */
  activityFieldCode?: string | null | undefined;
  /** Care mode (TRE_R213), any of these. */
  careModeCodes?: Array<string> | null | undefined;
  /** FINESS category of the unit's establishment. */
  categoryCode?: string | null | undefined;
  /** Département of the unit's establishment. */
  departmentCode?: string | null | undefined;
  discipline?: Discipline | null | undefined;
  /** Specific equipment (TRE_R212): the unit has at least one of these. */
  equipmentCodes?: Array<string> | null | undefined;
  establishmentId?: string | null | undefined;
  /** Units of any of these establishments (FINESS ET numbers, at most 1000). */
  establishmentIds?: Array<string> | null | undefined;
  /** Include archived units (default: only active ones). */
  includeArchived?: boolean | null | undefined;
  kind?: UnitKind | null | undefined;
  /** Accent- and case-insensitive name search on the unit's name followed by its establishment's: contains the text or is similar to it (pg_trgm); ranks the results when `near` is absent. */
  name?: string | null | undefined;
  /** Units whose establishment lies within this radius, ordered by distance. */
  near?: NearInput | null | undefined;
  /** Operational activities (TRE_R211): the unit has at least one of these. */
  operationalActivityCodes?: Array<string> | null | undefined;
  /** Units taking patients of this age in years (min <= age <= max, a missing bound is open). */
  patientAge?: number | null | undefined;
  poleId?: string | null | undefined;
  /** Region (INSEE code) of the unit's establishment. */
  regionCode?: string | null | undefined;
  /** Specific acts (TRE_R210): the unit performs at least one of these. */
  specificActCodes?: Array<string> | null | undefined;
  ufCode?: string | null | undefined;
};

/** Unit type, as the regional ROR classifies units. */
export type UnitKind =
  | 'DISABLED'
  | 'ELDERLY'
  /** Hospital at home. */
  | 'HAD'
  /** Medicine, surgery, obstetrics (also long-stay units, USLD). */
  | 'MCO'
  /** Mortuary, operating theatre, pharmacy... */
  | 'MEDICO_TECHNICAL'
  | 'PSYCHIATRY'
  /** Medical and rehabilitation care (SMR, formerly SSR). */
  | 'SMR';

export type ConsoleCapacityFragment = { installedBeds: number, closedBeds: number, reopenedBeds: number, reopenableBeds: number, mobilisedBeds: number, totalOperational: number, remainingToMobilise: number | null, notes: string | null, source: CapacitySource, updatedAt: string, updatedBy: string | null, version: number, available: { men: number, women: number, undifferentiated: number, total: number } };

export type ConsoleCapacityUnitFragment = { id: string, name: string, ufCode: string, discipline: Discipline, pole: { id: string, name: string } | null, establishment: { id: string, name: string, organization: { id: string }, address: { departmentCode: string } }, capacity: { installedBeds: number, closedBeds: number, reopenedBeds: number, reopenableBeds: number, mobilisedBeds: number, totalOperational: number, remainingToMobilise: number | null, notes: string | null, source: CapacitySource, updatedAt: string, updatedBy: string | null, version: number, available: { men: number, women: number, undifferentiated: number, total: number } } | null };

export type ConsoleCapacityUnitsQueryVariables = Exact<{
  filter: UnitFilter;
  first?: number | null | undefined;
}>;


export type ConsoleCapacityUnitsQuery = { units: { totalCount: number, edges: Array<{ node: { id: string, name: string, ufCode: string, discipline: Discipline, pole: { id: string, name: string } | null, establishment: { id: string, name: string, organization: { id: string }, address: { departmentCode: string } }, capacity: { installedBeds: number, closedBeds: number, reopenedBeds: number, reopenableBeds: number, mobilisedBeds: number, totalOperational: number, remainingToMobilise: number | null, notes: string | null, source: CapacitySource, updatedAt: string, updatedBy: string | null, version: number, available: { men: number, women: number, undifferentiated: number, total: number } } | null } }> } };

export type ConsoleCapacityOrganizationQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleCapacityOrganizationQuery = { organization: { id: string, establishments: Array<{ id: string, name: string }> } | null };

export type ConsoleCapacityEstablishmentsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ConsoleCapacityEstablishmentsQuery = { establishments: { edges: Array<{ node: { id: string, name: string } }> } };

export type ConsoleUpdateUnitCapacityMutationVariables = Exact<{
  unitId: string;
  input: CapacityInput;
  expectedVersion: number;
}>;


export type ConsoleUpdateUnitCapacityMutation = { updateUnitCapacity: { installedBeds: number, closedBeds: number, reopenedBeds: number, reopenableBeds: number, mobilisedBeds: number, totalOperational: number, remainingToMobilise: number | null, notes: string | null, source: CapacitySource, updatedAt: string, updatedBy: string | null, version: number, available: { men: number, women: number, undifferentiated: number, total: number } } };

export type ConsoleUpdateCapacitiesMutationVariables = Exact<{
  entries: Array<CapacityEntry> | CapacityEntry;
}>;


export type ConsoleUpdateCapacitiesMutation = { updateCapacities: Array<{ installedBeds: number, closedBeds: number, reopenedBeds: number, reopenableBeds: number, mobilisedBeds: number, totalOperational: number, remainingToMobilise: number | null, notes: string | null, source: CapacitySource, updatedAt: string, updatedBy: string | null, version: number, available: { men: number, women: number, undifferentiated: number, total: number } }> };

export type ConsoleCapacityChangedSubscriptionVariables = Exact<{
  filter?: CapacityChangeFilter | null | undefined;
}>;


export type ConsoleCapacityChangedSubscription = { capacityChanged: { id: string, at: string, unit: { id: string }, capacity: { installedBeds: number, closedBeds: number, reopenedBeds: number, reopenableBeds: number, mobilisedBeds: number, totalOperational: number, remainingToMobilise: number | null, notes: string | null, source: CapacitySource, updatedAt: string, updatedBy: string | null, version: number, available: { men: number, women: number, undifferentiated: number, total: number } } } };

export type ConsoleCapacitySynthesisQueryVariables = Exact<{
  groupBy: Array<CapacityGrouping> | CapacityGrouping;
  filter?: CapacitySynthesisFilter | null | undefined;
}>;


export type ConsoleCapacitySynthesisQuery = { capacitySynthesis: { totals: { units: number, unitsWithoutCapacity: number, installedBeds: number, availableBeds: number, closedBeds: number, reopenedBeds: number, reopenableBeds: number, mobilisedBeds: number, totalOperational: number, remainingToMobilise: number, oldestUpdate: string | null }, groups: Array<{ level: CapacityGrouping, key: string, label: string | null, totals: { units: number, unitsWithoutCapacity: number, installedBeds: number, availableBeds: number, closedBeds: number, reopenedBeds: number, reopenableBeds: number, mobilisedBeds: number, totalOperational: number, remainingToMobilise: number, oldestUpdate: string | null }, groups: Array<{ level: CapacityGrouping, key: string, label: string | null, totals: { units: number, unitsWithoutCapacity: number, installedBeds: number, availableBeds: number, closedBeds: number, reopenedBeds: number, reopenableBeds: number, mobilisedBeds: number, totalOperational: number, remainingToMobilise: number, oldestUpdate: string | null } }> }> } };

export type ConsoleCapacityTotalsFragment = { units: number, unitsWithoutCapacity: number, installedBeds: number, availableBeds: number, closedBeds: number, reopenedBeds: number, reopenableBeds: number, mobilisedBeds: number, totalOperational: number, remainingToMobilise: number, oldestUpdate: string | null };

export type ConsoleSavedCapacityFiltersQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleSavedCapacityFiltersQuery = { mySavedCapacityFilters: Array<{ id: string, name: string, isDefault: boolean, establishmentId: string | null, disciplines: Array<string> }> };

export type ConsoleSaveCapacityFilterMutationVariables = Exact<{
  input: SavedCapacityFilterInput;
}>;


export type ConsoleSaveCapacityFilterMutation = { saveCapacityFilter: { id: string, name: string, isDefault: boolean, establishmentId: string | null, disciplines: Array<string> } };

export type ConsoleDeleteCapacityFilterMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleDeleteCapacityFilterMutation = { deleteCapacityFilter: boolean };

export type ConsolePlannedClosuresQueryVariables = Exact<{
  filter: UnitFilter;
  first?: number | null | undefined;
}>;


export type ConsolePlannedClosuresQuery = { units: { edges: Array<{ node: { id: string, name: string, establishment: { id: string, name: string }, plannedClosures: Array<{ id: string, startDate: string, endDate: string, beds: number, reason: PlannedClosureReason, notes: string | null, createdAt: string, createdBy: string | null }> } }> } };

export type ConsoleAddPlannedClosureMutationVariables = Exact<{
  unitId: string;
  input: PlannedClosureInput;
}>;


export type ConsoleAddPlannedClosureMutation = { addPlannedClosure: { id: string } };

export type ConsoleRemovePlannedClosureMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleRemovePlannedClosureMutation = { removePlannedClosure: boolean };

export type ConsoleCapacitySnapshotsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleCapacitySnapshotsQuery = { capacitySnapshots: Array<{ date: string, takenAt: string, units: number, csvPath: string }> };

export type ConsoleCapacityUnitQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleCapacityUnitQuery = { unit: { id: string, name: string, ufCode: string, discipline: Discipline, pole: { id: string, name: string } | null, establishment: { id: string, name: string, organization: { id: string }, address: { departmentCode: string } }, capacity: { installedBeds: number, closedBeds: number, reopenedBeds: number, reopenableBeds: number, mobilisedBeds: number, totalOperational: number, remainingToMobilise: number | null, notes: string | null, source: CapacitySource, updatedAt: string, updatedBy: string | null, version: number, available: { men: number, women: number, undifferentiated: number, total: number } } | null } | null };

export type ConsoleCapacityPerimeterPlaceQueryVariables = Exact<{
  establishmentId: string;
  unitId: string;
  byUnit: boolean;
}>;


export type ConsoleCapacityPerimeterPlaceQuery = { establishment?: { id: string, name: string } | null, unit?: { id: string, establishment: { id: string, name: string } } | null };

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

export const ConsoleCapacityFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleCapacity"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Capacity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"available"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"men"}},{"kind":"Field","name":{"kind":"Name","value":"women"}},{"kind":"Field","name":{"kind":"Name","value":"undifferentiated"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"closedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"reopenedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"reopenableBeds"}},{"kind":"Field","name":{"kind":"Name","value":"mobilisedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"totalOperational"}},{"kind":"Field","name":{"kind":"Name","value":"remainingToMobilise"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<ConsoleCapacityFragment, unknown>;
export const ConsoleCapacityUnitFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleCapacityUnit"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Unit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"ufCode"}},{"kind":"Field","name":{"kind":"Name","value":"discipline"}},{"kind":"Field","name":{"kind":"Name","value":"pole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departmentCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"capacity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleCapacity"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleCapacity"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Capacity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"available"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"men"}},{"kind":"Field","name":{"kind":"Name","value":"women"}},{"kind":"Field","name":{"kind":"Name","value":"undifferentiated"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"closedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"reopenedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"reopenableBeds"}},{"kind":"Field","name":{"kind":"Name","value":"mobilisedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"totalOperational"}},{"kind":"Field","name":{"kind":"Name","value":"remainingToMobilise"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<ConsoleCapacityUnitFragment, unknown>;
export const ConsoleCapacityTotalsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleCapacityTotals"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CapacityTotals"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"units"}},{"kind":"Field","name":{"kind":"Name","value":"unitsWithoutCapacity"}},{"kind":"Field","name":{"kind":"Name","value":"installedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"availableBeds"}},{"kind":"Field","name":{"kind":"Name","value":"closedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"reopenedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"reopenableBeds"}},{"kind":"Field","name":{"kind":"Name","value":"mobilisedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"totalOperational"}},{"kind":"Field","name":{"kind":"Name","value":"remainingToMobilise"}},{"kind":"Field","name":{"kind":"Name","value":"oldestUpdate"}}]}}]} as unknown as DocumentNode<ConsoleCapacityTotalsFragment, unknown>;
export const ConsoleAdmissionRequestFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAdmissionRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"patientAge"}},{"kind":"Field","name":{"kind":"Name","value":"patientSex"}},{"kind":"Field","name":{"kind":"Name","value":"discipline"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"wishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"clinicalSummary"}},{"kind":"Field","name":{"kind":"Name","value":"patientName"}},{"kind":"Field","name":{"kind":"Name","value":"callbackContact"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"acceptedUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"refusalReason"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"proposedAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleAdmissionRequestFragment, unknown>;
export const ConsoleCapacityUnitsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleCapacityUnits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UnitFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"units"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleCapacityUnit"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleCapacity"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Capacity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"available"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"men"}},{"kind":"Field","name":{"kind":"Name","value":"women"}},{"kind":"Field","name":{"kind":"Name","value":"undifferentiated"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"closedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"reopenedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"reopenableBeds"}},{"kind":"Field","name":{"kind":"Name","value":"mobilisedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"totalOperational"}},{"kind":"Field","name":{"kind":"Name","value":"remainingToMobilise"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleCapacityUnit"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Unit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"ufCode"}},{"kind":"Field","name":{"kind":"Name","value":"discipline"}},{"kind":"Field","name":{"kind":"Name","value":"pole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departmentCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"capacity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleCapacity"}}]}}]}}]} as unknown as DocumentNode<ConsoleCapacityUnitsQuery, ConsoleCapacityUnitsQueryVariables>;
export const ConsoleCapacityOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleCapacityOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"establishments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleCapacityOrganizationQuery, ConsoleCapacityOrganizationQueryVariables>;
export const ConsoleCapacityEstablishmentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleCapacityEstablishments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"establishments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleCapacityEstablishmentsQuery, ConsoleCapacityEstablishmentsQueryVariables>;
export const ConsoleUpdateUnitCapacityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleUpdateUnitCapacity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CapacityInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateUnitCapacity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleCapacity"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleCapacity"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Capacity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"available"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"men"}},{"kind":"Field","name":{"kind":"Name","value":"women"}},{"kind":"Field","name":{"kind":"Name","value":"undifferentiated"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"closedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"reopenedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"reopenableBeds"}},{"kind":"Field","name":{"kind":"Name","value":"mobilisedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"totalOperational"}},{"kind":"Field","name":{"kind":"Name","value":"remainingToMobilise"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<ConsoleUpdateUnitCapacityMutation, ConsoleUpdateUnitCapacityMutationVariables>;
export const ConsoleUpdateCapacitiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleUpdateCapacities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entries"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CapacityEntry"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCapacities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"entries"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entries"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleCapacity"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleCapacity"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Capacity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"available"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"men"}},{"kind":"Field","name":{"kind":"Name","value":"women"}},{"kind":"Field","name":{"kind":"Name","value":"undifferentiated"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"closedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"reopenedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"reopenableBeds"}},{"kind":"Field","name":{"kind":"Name","value":"mobilisedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"totalOperational"}},{"kind":"Field","name":{"kind":"Name","value":"remainingToMobilise"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<ConsoleUpdateCapacitiesMutation, ConsoleUpdateCapacitiesMutationVariables>;
export const ConsoleCapacityChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ConsoleCapacityChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CapacityChangeFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"capacityChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capacity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleCapacity"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleCapacity"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Capacity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"available"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"men"}},{"kind":"Field","name":{"kind":"Name","value":"women"}},{"kind":"Field","name":{"kind":"Name","value":"undifferentiated"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"closedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"reopenedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"reopenableBeds"}},{"kind":"Field","name":{"kind":"Name","value":"mobilisedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"totalOperational"}},{"kind":"Field","name":{"kind":"Name","value":"remainingToMobilise"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<ConsoleCapacityChangedSubscription, ConsoleCapacityChangedSubscriptionVariables>;
export const ConsoleCapacitySynthesisDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleCapacitySynthesis"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CapacityGrouping"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CapacitySynthesisFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"capacitySynthesis"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleCapacityTotals"}}]}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleCapacityTotals"}}]}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleCapacityTotals"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleCapacityTotals"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CapacityTotals"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"units"}},{"kind":"Field","name":{"kind":"Name","value":"unitsWithoutCapacity"}},{"kind":"Field","name":{"kind":"Name","value":"installedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"availableBeds"}},{"kind":"Field","name":{"kind":"Name","value":"closedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"reopenedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"reopenableBeds"}},{"kind":"Field","name":{"kind":"Name","value":"mobilisedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"totalOperational"}},{"kind":"Field","name":{"kind":"Name","value":"remainingToMobilise"}},{"kind":"Field","name":{"kind":"Name","value":"oldestUpdate"}}]}}]} as unknown as DocumentNode<ConsoleCapacitySynthesisQuery, ConsoleCapacitySynthesisQueryVariables>;
export const ConsoleSavedCapacityFiltersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleSavedCapacityFilters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mySavedCapacityFilters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"establishmentId"}},{"kind":"Field","name":{"kind":"Name","value":"disciplines"}}]}}]}}]} as unknown as DocumentNode<ConsoleSavedCapacityFiltersQuery, ConsoleSavedCapacityFiltersQueryVariables>;
export const ConsoleSaveCapacityFilterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSaveCapacityFilter"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SavedCapacityFilterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveCapacityFilter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"establishmentId"}},{"kind":"Field","name":{"kind":"Name","value":"disciplines"}}]}}]}}]} as unknown as DocumentNode<ConsoleSaveCapacityFilterMutation, ConsoleSaveCapacityFilterMutationVariables>;
export const ConsoleDeleteCapacityFilterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleDeleteCapacityFilter"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteCapacityFilter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<ConsoleDeleteCapacityFilterMutation, ConsoleDeleteCapacityFilterMutationVariables>;
export const ConsolePlannedClosuresDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsolePlannedClosures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UnitFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"units"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plannedClosures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"beds"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsolePlannedClosuresQuery, ConsolePlannedClosuresQueryVariables>;
export const ConsoleAddPlannedClosureDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAddPlannedClosure"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlannedClosureInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addPlannedClosure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"unitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ConsoleAddPlannedClosureMutation, ConsoleAddPlannedClosureMutationVariables>;
export const ConsoleRemovePlannedClosureDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRemovePlannedClosure"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removePlannedClosure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<ConsoleRemovePlannedClosureMutation, ConsoleRemovePlannedClosureMutationVariables>;
export const ConsoleCapacitySnapshotsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleCapacitySnapshots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"capacitySnapshots"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"takenAt"}},{"kind":"Field","name":{"kind":"Name","value":"units"}},{"kind":"Field","name":{"kind":"Name","value":"csvPath"}}]}}]}}]} as unknown as DocumentNode<ConsoleCapacitySnapshotsQuery, ConsoleCapacitySnapshotsQueryVariables>;
export const ConsoleCapacityUnitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleCapacityUnit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleCapacityUnit"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleCapacity"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Capacity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"installedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"available"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"men"}},{"kind":"Field","name":{"kind":"Name","value":"women"}},{"kind":"Field","name":{"kind":"Name","value":"undifferentiated"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"closedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"reopenedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"reopenableBeds"}},{"kind":"Field","name":{"kind":"Name","value":"mobilisedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"totalOperational"}},{"kind":"Field","name":{"kind":"Name","value":"remainingToMobilise"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleCapacityUnit"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Unit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"ufCode"}},{"kind":"Field","name":{"kind":"Name","value":"discipline"}},{"kind":"Field","name":{"kind":"Name","value":"pole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departmentCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"capacity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleCapacity"}}]}}]}}]} as unknown as DocumentNode<ConsoleCapacityUnitQuery, ConsoleCapacityUnitQueryVariables>;
export const ConsoleCapacityPerimeterPlaceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleCapacityPerimeterPlace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"establishmentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"byUnit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"establishment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"establishmentId"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"skip"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"byUnit"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"byUnit"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleCapacityPerimeterPlaceQuery, ConsoleCapacityPerimeterPlaceQueryVariables>;
export const ConsoleMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roleAssignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"right"}},{"kind":"Field","name":{"kind":"Name","value":"perimeterKind"}},{"kind":"Field","name":{"kind":"Name","value":"perimeterId"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveRights"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleMeQuery, ConsoleMeQueryVariables>;
export const ConsolePlaceSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsolePlaceSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"criteria"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlaceSearchInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"placeSearch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"criteria"},"value":{"kind":"Variable","name":{"kind":"Name","value":"criteria"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"centre"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"radiusKm"}},{"kind":"Field","name":{"kind":"Name","value":"communeCode"}},{"kind":"Field","name":{"kind":"Name","value":"communeName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"distanceKm"}},{"kind":"Field","name":{"kind":"Name","value":"freeBeds"}},{"kind":"Field","name":{"kind":"Name","value":"installedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"discipline"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"channel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"display"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nature"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsolePlaceSearchQuery, ConsolePlaceSearchQueryVariables>;
export const ConsoleRequestAdmissionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRequestAdmission"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestAdmission"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleRequestAdmissionMutation, ConsoleRequestAdmissionMutationVariables>;
export const ConsoleAdmissionRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleAdmissionRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequestFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"admissionRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleAdmissionRequest"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAdmissionRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"patientAge"}},{"kind":"Field","name":{"kind":"Name","value":"patientSex"}},{"kind":"Field","name":{"kind":"Name","value":"discipline"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"wishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"clinicalSummary"}},{"kind":"Field","name":{"kind":"Name","value":"patientName"}},{"kind":"Field","name":{"kind":"Name","value":"callbackContact"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"acceptedUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"refusalReason"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"proposedAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleAdmissionRequestsQuery, ConsoleAdmissionRequestsQueryVariables>;
export const ConsoleAnswerAdmissionRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAnswerAdmissionRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionAnswerInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"answerAdmissionRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"unitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleAdmissionRequest"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAdmissionRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"patientAge"}},{"kind":"Field","name":{"kind":"Name","value":"patientSex"}},{"kind":"Field","name":{"kind":"Name","value":"discipline"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"wishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"clinicalSummary"}},{"kind":"Field","name":{"kind":"Name","value":"patientName"}},{"kind":"Field","name":{"kind":"Name","value":"callbackContact"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"acceptedUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"refusalReason"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"proposedAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleAnswerAdmissionRequestMutation, ConsoleAnswerAdmissionRequestMutationVariables>;
export const ConsoleAdmissionRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleAdmissionRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"admissionRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleAdmissionRequest"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAdmissionRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"patientAge"}},{"kind":"Field","name":{"kind":"Name","value":"patientSex"}},{"kind":"Field","name":{"kind":"Name","value":"discipline"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"wishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"clinicalSummary"}},{"kind":"Field","name":{"kind":"Name","value":"patientName"}},{"kind":"Field","name":{"kind":"Name","value":"callbackContact"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"acceptedUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"refusalReason"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"proposedAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleAdmissionRequestQuery, ConsoleAdmissionRequestQueryVariables>;
export const ConsoleAdmissionRequestChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ConsoleAdmissionRequestChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequestChangeFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"admissionRequestChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleAdmissionRequest"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAdmissionRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"patientAge"}},{"kind":"Field","name":{"kind":"Name","value":"patientSex"}},{"kind":"Field","name":{"kind":"Name","value":"discipline"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"wishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"clinicalSummary"}},{"kind":"Field","name":{"kind":"Name","value":"patientName"}},{"kind":"Field","name":{"kind":"Name","value":"callbackContact"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"acceptedUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"refusalReason"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"proposedAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleAdmissionRequestChangedSubscription, ConsoleAdmissionRequestChangedSubscriptionVariables>;