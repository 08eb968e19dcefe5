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

export type CrisisPlanActionInput = {
  description: string;
  levelCode: string;
  owner?: string | null | undefined;
};

export type CrisisPlanContactInput = {
  availability?: string | null | undefined;
  email?: string | null | undefined;
  name: string;
  phone?: string | null | undefined;
  role: string;
};

/** The whole form (each save replaces it); triggers and actions name levels of the form. */
export type CrisisPlanContentInput = {
  actions: Array<CrisisPlanActionInput>;
  contacts: Array<CrisisPlanContactInput>;
  levels: Array<CrisisPlanLevelInput>;
  summary?: string | null | undefined;
  triggers: Array<CrisisPlanTriggerInput>;
};

export type CrisisPlanKind =
  /** Plan blanc of a health establishment (PGTHSSE level 2). */
  | 'BLANC'
  /** Plan bleu of a medico-social establishment. */
  | 'BLEU';

export type CrisisPlanLevelInput = {
  /** Unique in the plan: capitals, digits and _ (at most 32). */
  code: string;
  description?: string | null | undefined;
  label: string;
};

export type CrisisPlanTriggerInput = {
  description: string;
  indicator?: string | null | undefined;
  levelCode: string;
  threshold?: string | null | undefined;
};

export type DeclareTensionInput = {
  /** Actions taken now, from the repertoire. */
  actions?: Array<TensionActionInput> | null | undefined;
  disciplineGroupCode: string;
  establishmentId: string;
  levelCode: PlanLevel;
  notes?: string | null | undefined;
  /** When the tension started; now by default (not in the future). */
  startedAt?: string | null | undefined;
};

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

/** Delivery of a mail: PENDING until sent (retried with backoff on failure), then SENT, or FAILED after the last attempt. */
export type MailDeliveryStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SENT';

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

export type TensionActionInput = {
  /** Code of an active action of hetActionRepertoire. */
  actionCode: string;
  notes?: string | null | undefined;
};

/** Filter of tensionChanged; all given criteria must hold. */
export type TensionChangeFilter = {
  departmentCode?: string | null | undefined;
  establishmentId?: string | null | undefined;
  /** The declaration's level after the change. */
  levelCodes?: Array<PlanLevel> | null | undefined;
};

/** Criteria of a tension list; all given criteria must hold. */
export type TensionFilter = {
  /** Département of the establishment (resolved through the offer). */
  departmentCode?: string | null | undefined;
  disciplineGroupCode?: string | null | undefined;
  establishmentId?: string | null | undefined;
  levelCodes?: Array<PlanLevel> | null | undefined;
  status?: TensionStatus | null | undefined;
};

export type TensionStatus =
  | 'CLOSED'
  | 'IN_PROGRESS';

export type TensionTimelineKind =
  | 'ACTION_ADDED'
  | 'CLOSED'
  | 'DECLARED'
  | 'DISCIPLINE_GROUP_CHANGED'
  | 'LEVEL_CHANGED';

/** History window: the tensions in progress at some moment of the last 7, 15 or 30 days, or all. */
export type TensionWindow =
  | 'ALL'
  | 'D7'
  | 'D15'
  | 'D30';

export type UpdateTensionInput = {
  disciplineGroupCode?: string | null | undefined;
  levelCode?: PlanLevel | null | undefined;
  notes?: string | null | undefined;
};

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

export type ConsoleTensionFragment = { id: string, status: TensionStatus, level: PlanLevel, disciplineGroup: string, disciplineGroupCode: string, startedAt: string, endedAt: string | null, version: number, declaredBy: string | null, levelDetail: { code: PlanLevel, rank: number, label: string }, establishment: { id: string, name: string, organization: { id: string }, address: { city: string | null, departmentCode: string } }, timeline: Array<{ id: string, at: string, author: string, kind: TensionTimelineKind, levelCode: PlanLevel, disciplineGroupCode: string, notes: string | null, action: { code: string, label: string } | null }> };

export type ConsoleTensionsQueryVariables = Exact<{
  filter?: TensionFilter | null | undefined;
  window?: TensionWindow | null | undefined;
  first?: number | null | undefined;
}>;


export type ConsoleTensionsQuery = { tensions: { totalCount: number, edges: Array<{ node: { id: string, status: TensionStatus, level: PlanLevel, disciplineGroup: string, disciplineGroupCode: string, startedAt: string, endedAt: string | null, version: number, declaredBy: string | null, levelDetail: { code: PlanLevel, rank: number, label: string }, establishment: { id: string, name: string, organization: { id: string }, address: { city: string | null, departmentCode: string } }, timeline: Array<{ id: string, at: string, author: string, kind: TensionTimelineKind, levelCode: PlanLevel, disciplineGroupCode: string, notes: string | null, action: { code: string, label: string } | null }> } }> } };

export type ConsoleTensionQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleTensionQuery = { tension: { id: string, status: TensionStatus, level: PlanLevel, disciplineGroup: string, disciplineGroupCode: string, startedAt: string, endedAt: string | null, version: number, declaredBy: string | null, notifications: Array<{ recipient: string, subject: string, status: MailDeliveryStatus, attempts: number, sentAt: string | null, createdAt: string }>, solidarity: { establishment: { establishment: { id: string, name: string }, beds: { available: number, total: number } }, solidarityEstablishments: Array<{ establishment: { id: string, name: string }, beds: { available: number, total: number } }> }, levelDetail: { code: PlanLevel, rank: number, label: string }, establishment: { id: string, name: string, organization: { id: string }, address: { city: string | null, departmentCode: string } }, timeline: Array<{ id: string, at: string, author: string, kind: TensionTimelineKind, levelCode: PlanLevel, disciplineGroupCode: string, notes: string | null, action: { code: string, label: string } | null }> } | null };

export type ConsoleTensionReferenceQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleTensionReferenceQuery = { tensionLevels: Array<{ code: PlanLevel, rank: number, label: string }>, disciplineGroups: Array<{ code: string, label: string }>, hetActionRepertoire: Array<{ code: string, label: string, actions: Array<{ code: string, label: string, active: boolean }> }> };

export type ConsoleDeclarableEstablishmentQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleDeclarableEstablishmentQuery = { establishment: { id: string, name: string, address: { city: string | null } } | null };

export type ConsoleDeclarableOrganizationQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleDeclarableOrganizationQuery = { organization: { id: string, establishments: Array<{ id: string, name: string, address: { city: string | null } }> } | null };

export type ConsoleDeclareTensionMutationVariables = Exact<{
  input: DeclareTensionInput;
}>;


export type ConsoleDeclareTensionMutation = { declareTension: { id: string, status: TensionStatus, level: PlanLevel, disciplineGroup: string, disciplineGroupCode: string, startedAt: string, endedAt: string | null, version: number, declaredBy: string | null, levelDetail: { code: PlanLevel, rank: number, label: string }, establishment: { id: string, name: string, organization: { id: string }, address: { city: string | null, departmentCode: string } }, timeline: Array<{ id: string, at: string, author: string, kind: TensionTimelineKind, levelCode: PlanLevel, disciplineGroupCode: string, notes: string | null, action: { code: string, label: string } | null }> } };

export type ConsoleUpdateTensionMutationVariables = Exact<{
  id: string;
  input: UpdateTensionInput;
  expectedVersion: number;
}>;


export type ConsoleUpdateTensionMutation = { updateTension: { id: string, status: TensionStatus, level: PlanLevel, disciplineGroup: string, disciplineGroupCode: string, startedAt: string, endedAt: string | null, version: number, declaredBy: string | null, levelDetail: { code: PlanLevel, rank: number, label: string }, establishment: { id: string, name: string, organization: { id: string }, address: { city: string | null, departmentCode: string } }, timeline: Array<{ id: string, at: string, author: string, kind: TensionTimelineKind, levelCode: PlanLevel, disciplineGroupCode: string, notes: string | null, action: { code: string, label: string } | null }> } };

export type ConsoleAddTensionActionsMutationVariables = Exact<{
  id: string;
  actions: Array<TensionActionInput> | TensionActionInput;
}>;


export type ConsoleAddTensionActionsMutation = { addTensionActions: { id: string, status: TensionStatus, level: PlanLevel, disciplineGroup: string, disciplineGroupCode: string, startedAt: string, endedAt: string | null, version: number, declaredBy: string | null, levelDetail: { code: PlanLevel, rank: number, label: string }, establishment: { id: string, name: string, organization: { id: string }, address: { city: string | null, departmentCode: string } }, timeline: Array<{ id: string, at: string, author: string, kind: TensionTimelineKind, levelCode: PlanLevel, disciplineGroupCode: string, notes: string | null, action: { code: string, label: string } | null }> } };

export type ConsoleCloseTensionMutationVariables = Exact<{
  id: string;
  notes?: string | null | undefined;
}>;


export type ConsoleCloseTensionMutation = { closeTension: { id: string, status: TensionStatus, level: PlanLevel, disciplineGroup: string, disciplineGroupCode: string, startedAt: string, endedAt: string | null, version: number, declaredBy: string | null, levelDetail: { code: PlanLevel, rank: number, label: string }, establishment: { id: string, name: string, organization: { id: string }, address: { city: string | null, departmentCode: string } }, timeline: Array<{ id: string, at: string, author: string, kind: TensionTimelineKind, levelCode: PlanLevel, disciplineGroupCode: string, notes: string | null, action: { code: string, label: string } | null }> } };

export type ConsoleHetIndicatorsQueryVariables = Exact<{
  from: string;
  to: string;
  departmentCode?: string | null | undefined;
}>;


export type ConsoleHetIndicatorsQuery = { hetIndicators: { from: string, to: string, departmentCode: string | null, alerts: number, triggers: number, arsInvolvements: number } };

export type ConsoleTensionMailsQueryVariables = Exact<{
  filter?: TensionFilter | null | undefined;
  window?: TensionWindow | null | undefined;
  first?: number | null | undefined;
}>;


export type ConsoleTensionMailsQuery = { tensions: { edges: Array<{ node: { id: string, establishment: { id: string, name: string }, notifications: Array<{ recipient: string, subject: string, status: MailDeliveryStatus, attempts: number, sentAt: string | null, createdAt: string }> } }> } };

export type ConsoleTensionChangedSubscriptionVariables = Exact<{
  filter?: TensionChangeFilter | null | undefined;
}>;


export type ConsoleTensionChangedSubscription = { tensionChanged: { id: string, at: string, action: string, tension: { id: string, status: TensionStatus, level: PlanLevel, disciplineGroup: string, disciplineGroupCode: string, startedAt: string, endedAt: string | null, version: number, declaredBy: string | null, levelDetail: { code: PlanLevel, rank: number, label: string }, establishment: { id: string, name: string, organization: { id: string }, address: { city: string | null, departmentCode: string } }, timeline: Array<{ id: string, at: string, author: string, kind: TensionTimelineKind, levelCode: PlanLevel, disciplineGroupCode: string, notes: string | null, action: { code: string, label: string } | null }> }, entries: Array<{ author: string }> } };

export type ConsoleCrisisPlanFragment = { kind: CrisisPlanKind, version: number, updatedAt: string, updatedBy: string, establishment: { id: string, name: string }, content: { summary: string | null, levels: Array<{ code: string, label: string, description: string | null }>, triggers: Array<{ levelCode: string, description: string, indicator: string | null, threshold: string | null }>, contacts: Array<{ role: string, name: string, phone: string | null, email: string | null, availability: string | null }>, actions: Array<{ levelCode: string, description: string, owner: string | null }> }, versions: Array<{ version: number, author: string, at: string }> };

export type ConsoleMyCrisisPlansQueryVariables = Exact<{
  kind: CrisisPlanKind;
}>;


export type ConsoleMyCrisisPlansQuery = { myCrisisPlans: Array<{ kind: CrisisPlanKind, version: number, updatedAt: string, updatedBy: string, establishment: { id: string, name: string }, content: { summary: string | null, levels: Array<{ code: string, label: string, description: string | null }>, triggers: Array<{ levelCode: string, description: string, indicator: string | null, threshold: string | null }>, contacts: Array<{ role: string, name: string, phone: string | null, email: string | null, availability: string | null }>, actions: Array<{ levelCode: string, description: string, owner: string | null }> }, versions: Array<{ version: number, author: string, at: string }> }> };

export type ConsoleSaveCrisisPlanMutationVariables = Exact<{
  kind: CrisisPlanKind;
  establishmentId: string;
  content: CrisisPlanContentInput;
  expectedVersion: number;
}>;


export type ConsoleSaveCrisisPlanMutation = { saveCrisisPlan: { kind: CrisisPlanKind, version: number, updatedAt: string, updatedBy: string, establishment: { id: string, name: string }, content: { summary: string | null, levels: Array<{ code: string, label: string, description: string | null }>, triggers: Array<{ levelCode: string, description: string, indicator: string | null, threshold: string | null }>, contacts: Array<{ role: string, name: string, phone: string | null, email: string | null, availability: string | null }>, actions: Array<{ levelCode: string, description: string, owner: string | null }> }, versions: Array<{ version: number, author: string, at: string }> } };

export const ConsoleAdmissionRequestFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAdmissionRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"patientAge"}},{"kind":"Field","name":{"kind":"Name","value":"patientSex"}},{"kind":"Field","name":{"kind":"Name","value":"discipline"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"wishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"clinicalSummary"}},{"kind":"Field","name":{"kind":"Name","value":"patientName"}},{"kind":"Field","name":{"kind":"Name","value":"callbackContact"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"acceptedUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"refusalReason"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"proposedAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleAdmissionRequestFragment, unknown>;
export const ConsoleTensionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleTension"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tension"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"levelDetail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"label"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"StringValue","value":"24","block":false}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroup"}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroupCode"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"declaredBy"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"departmentCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"author"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"levelCode"}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroupCode"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}}]}}]} as unknown as DocumentNode<ConsoleTensionFragment, unknown>;
export const ConsoleCrisisPlanFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleCrisisPlan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CrisisPlan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"levels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"triggers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"levelCode"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"indicator"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"levelCode"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"author"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<ConsoleCrisisPlanFragment, unknown>;
export const ConsoleMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roleAssignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"right"}},{"kind":"Field","name":{"kind":"Name","value":"perimeterKind"}},{"kind":"Field","name":{"kind":"Name","value":"perimeterId"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveRights"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleMeQuery, ConsoleMeQueryVariables>;
export const ConsolePlaceSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsolePlaceSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"criteria"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlaceSearchInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"placeSearch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"criteria"},"value":{"kind":"Variable","name":{"kind":"Name","value":"criteria"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"centre"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}},{"kind":"Field","name":{"kind":"Name","value":"radiusKm"}},{"kind":"Field","name":{"kind":"Name","value":"communeCode"}},{"kind":"Field","name":{"kind":"Name","value":"communeName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"distanceKm"}},{"kind":"Field","name":{"kind":"Name","value":"freeBeds"}},{"kind":"Field","name":{"kind":"Name","value":"installedBeds"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"discipline"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"channel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"display"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nature"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"display"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsolePlaceSearchQuery, ConsolePlaceSearchQueryVariables>;
export const ConsoleRequestAdmissionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleRequestAdmission"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestAdmission"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleRequestAdmissionMutation, ConsoleRequestAdmissionMutationVariables>;
export const ConsoleAdmissionRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleAdmissionRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequestFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"admissionRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleAdmissionRequest"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAdmissionRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"patientAge"}},{"kind":"Field","name":{"kind":"Name","value":"patientSex"}},{"kind":"Field","name":{"kind":"Name","value":"discipline"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"wishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"clinicalSummary"}},{"kind":"Field","name":{"kind":"Name","value":"patientName"}},{"kind":"Field","name":{"kind":"Name","value":"callbackContact"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"acceptedUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"refusalReason"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"proposedAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleAdmissionRequestsQuery, ConsoleAdmissionRequestsQueryVariables>;
export const ConsoleAnswerAdmissionRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAnswerAdmissionRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionAnswerInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"answerAdmissionRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"unitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleAdmissionRequest"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAdmissionRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"patientAge"}},{"kind":"Field","name":{"kind":"Name","value":"patientSex"}},{"kind":"Field","name":{"kind":"Name","value":"discipline"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"wishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"clinicalSummary"}},{"kind":"Field","name":{"kind":"Name","value":"patientName"}},{"kind":"Field","name":{"kind":"Name","value":"callbackContact"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"acceptedUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"refusalReason"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"proposedAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleAnswerAdmissionRequestMutation, ConsoleAnswerAdmissionRequestMutationVariables>;
export const ConsoleAdmissionRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleAdmissionRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"admissionRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleAdmissionRequest"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAdmissionRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"patientAge"}},{"kind":"Field","name":{"kind":"Name","value":"patientSex"}},{"kind":"Field","name":{"kind":"Name","value":"discipline"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"wishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"clinicalSummary"}},{"kind":"Field","name":{"kind":"Name","value":"patientName"}},{"kind":"Field","name":{"kind":"Name","value":"callbackContact"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"acceptedUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"refusalReason"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"proposedAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleAdmissionRequestQuery, ConsoleAdmissionRequestQueryVariables>;
export const ConsoleAdmissionRequestChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ConsoleAdmissionRequestChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequestChangeFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"admissionRequestChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleAdmissionRequest"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleAdmissionRequest"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdmissionRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"patientAge"}},{"kind":"Field","name":{"kind":"Name","value":"patientSex"}},{"kind":"Field","name":{"kind":"Name","value":"discipline"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"wishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"clinicalSummary"}},{"kind":"Field","name":{"kind":"Name","value":"patientName"}},{"kind":"Field","name":{"kind":"Name","value":"callbackContact"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"acceptedUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"refusalReason"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"proposedAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredBy"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}}]}}]} as unknown as DocumentNode<ConsoleAdmissionRequestChangedSubscription, ConsoleAdmissionRequestChangedSubscriptionVariables>;
export const ConsoleTensionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleTensions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TensionFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"window"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TensionWindow"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tensions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"Variable","name":{"kind":"Name","value":"window"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleTension"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleTension"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tension"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"levelDetail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"label"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"StringValue","value":"24","block":false}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroup"}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroupCode"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"declaredBy"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"departmentCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"author"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"levelCode"}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroupCode"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}}]}}]} as unknown as DocumentNode<ConsoleTensionsQuery, ConsoleTensionsQueryVariables>;
export const ConsoleTensionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleTension"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleTension"}},{"kind":"Field","name":{"kind":"Name","value":"notifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"solidarity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"beds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"solidarityEstablishments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"beds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleTension"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tension"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"levelDetail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"label"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"StringValue","value":"24","block":false}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroup"}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroupCode"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"declaredBy"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"departmentCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"author"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"levelCode"}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroupCode"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}}]}}]} as unknown as DocumentNode<ConsoleTensionQuery, ConsoleTensionQueryVariables>;
export const ConsoleTensionReferenceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleTensionReference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tensionLevels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"label"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"StringValue","value":"24","block":false}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hetActionRepertoire"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleTensionReferenceQuery, ConsoleTensionReferenceQueryVariables>;
export const ConsoleDeclarableEstablishmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleDeclarableEstablishment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"establishment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleDeclarableEstablishmentQuery, ConsoleDeclarableEstablishmentQueryVariables>;
export const ConsoleDeclarableOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleDeclarableOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"establishments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleDeclarableOrganizationQuery, ConsoleDeclarableOrganizationQueryVariables>;
export const ConsoleDeclareTensionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleDeclareTension"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeclareTensionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declareTension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleTension"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleTension"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tension"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"levelDetail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"label"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"StringValue","value":"24","block":false}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroup"}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroupCode"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"declaredBy"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"departmentCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"author"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"levelCode"}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroupCode"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}}]}}]} as unknown as DocumentNode<ConsoleDeclareTensionMutation, ConsoleDeclareTensionMutationVariables>;
export const ConsoleUpdateTensionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleUpdateTension"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTensionInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleTension"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleTension"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tension"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"levelDetail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"label"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"StringValue","value":"24","block":false}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroup"}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroupCode"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"declaredBy"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"departmentCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"author"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"levelCode"}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroupCode"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}}]}}]} as unknown as DocumentNode<ConsoleUpdateTensionMutation, ConsoleUpdateTensionMutationVariables>;
export const ConsoleAddTensionActionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAddTensionActions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actions"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TensionActionInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addTensionActions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"actions"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actions"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleTension"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleTension"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tension"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"levelDetail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"label"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"StringValue","value":"24","block":false}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroup"}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroupCode"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"declaredBy"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"departmentCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"author"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"levelCode"}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroupCode"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}}]}}]} as unknown as DocumentNode<ConsoleAddTensionActionsMutation, ConsoleAddTensionActionsMutationVariables>;
export const ConsoleCloseTensionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleCloseTension"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"notes"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeTension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"notes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"notes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleTension"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleTension"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tension"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"levelDetail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"label"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"StringValue","value":"24","block":false}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroup"}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroupCode"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"declaredBy"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"departmentCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"author"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"levelCode"}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroupCode"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}}]}}]} as unknown as DocumentNode<ConsoleCloseTensionMutation, ConsoleCloseTensionMutationVariables>;
export const ConsoleHetIndicatorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleHetIndicators"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hetIndicators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"departmentCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"departmentCode"}},{"kind":"Field","name":{"kind":"Name","value":"alerts"}},{"kind":"Field","name":{"kind":"Name","value":"triggers"}},{"kind":"Field","name":{"kind":"Name","value":"arsInvolvements"}}]}}]}}]} as unknown as DocumentNode<ConsoleHetIndicatorsQuery, ConsoleHetIndicatorsQueryVariables>;
export const ConsoleTensionMailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleTensionMails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TensionFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"window"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TensionWindow"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tensions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"Variable","name":{"kind":"Name","value":"window"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleTensionMailsQuery, ConsoleTensionMailsQueryVariables>;
export const ConsoleTensionChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ConsoleTensionChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TensionChangeFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tensionChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"tension"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleTension"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"author"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleTension"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tension"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"levelDetail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"label"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"StringValue","value":"24","block":false}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroup"}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroupCode"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"declaredBy"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"departmentCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"author"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"levelCode"}},{"kind":"Field","name":{"kind":"Name","value":"disciplineGroupCode"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}}]}}]} as unknown as DocumentNode<ConsoleTensionChangedSubscription, ConsoleTensionChangedSubscriptionVariables>;
export const ConsoleMyCrisisPlansDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleMyCrisisPlans"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CrisisPlanKind"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myCrisisPlans"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleCrisisPlan"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleCrisisPlan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CrisisPlan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"levels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"triggers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"levelCode"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"indicator"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"levelCode"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"author"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<ConsoleMyCrisisPlansQuery, ConsoleMyCrisisPlansQueryVariables>;
export const ConsoleSaveCrisisPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleSaveCrisisPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CrisisPlanKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"establishmentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"content"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CrisisPlanContentInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveCrisisPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"establishmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"establishmentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"content"},"value":{"kind":"Variable","name":{"kind":"Name","value":"content"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleCrisisPlan"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleCrisisPlan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CrisisPlan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}},{"kind":"Field","name":{"kind":"Name","value":"establishment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"levels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"triggers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"levelCode"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"indicator"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"availability"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"levelCode"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"author"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<ConsoleSaveCrisisPlanMutation, ConsoleSaveCrisisPlanMutationVariables>;