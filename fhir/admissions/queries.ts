/**
 * The GraphQL the admission resources run through the gateway's executor, with the caller's
 * credentials (schemas/admissions.graphql): the admissions subgraph decides who sees a request
 * (its requester and the answerers of its units, nobody else) and who may answer or cancel it,
 * so ServiceRequest and Task have exactly GraphQL's authorisation, in one place.
 */

/** One selection for reads, searches, writes and the subscription's visibility check. */
export const ADMISSION_REQUEST_FIELDS = /* GraphQL */ `
  fragment FhirAdmissionRequestFields on AdmissionRequest {
    id status version patientAge patientSex discipline activityCode urgency wishedAt
    clinicalSummary patientName callbackContact
    requester { name kind professionalId onBehalfOf }
    targets {
      unit { id } establishment { id } status answer refusalReason comment proposedAt bedHeldUntil answeredBy answeredAt
    }
    acceptedUnit { id }
    createdAt updatedAt expiresAt closedAt
  }
`;

export const ADMISSION_REQUEST_QUERY = /* GraphQL */ `
  query FhirAdmissionRequest($id: ID!) { admissionRequest(id: $id) { ...FhirAdmissionRequestFields } }
  ${ADMISSION_REQUEST_FIELDS}
`;

export const ADMISSION_REQUESTS_QUERY = /* GraphQL */ `
  query FhirAdmissionRequests($filter: AdmissionRequestFilter, $first: Int, $after: String) {
    admissionRequests(filter: $filter, first: $first, after: $after) {
      edges { cursor node { ...FhirAdmissionRequestFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${ADMISSION_REQUEST_FIELDS}
`;

export const ANSWER_MUTATION = /* GraphQL */ `
  mutation FhirAnswerAdmission($id: ID!, $unitId: ID!, $input: AdmissionAnswerInput!, $expectedVersion: Int!) {
    answerAdmissionRequest(id: $id, unitId: $unitId, input: $input, expectedVersion: $expectedVersion) { ...FhirAdmissionRequestFields }
  }
  ${ADMISSION_REQUEST_FIELDS}
`;

export const CANCEL_MUTATION = /* GraphQL */ `
  mutation FhirCancelAdmission($id: ID!, $expectedVersion: Int!, $reason: String) {
    cancelAdmissionRequest(id: $id, expectedVersion: $expectedVersion, reason: $reason) { ...FhirAdmissionRequestFields }
  }
  ${ADMISSION_REQUEST_FIELDS}
`;


export type AdmissionRequestStatus = 'PENDING' | 'ACCEPTED' | 'COMPLETED' | 'REFUSED' | 'CANCELLED' | 'EXPIRED';
export type AdmissionTargetStatus = 'PENDING' | 'ACCEPTED' | 'REFUSED' | 'PROPOSED' | 'WITHDRAWN' | 'COMPLETED';
export type AdmissionUrgency = 'IMMEDIATE' | 'SAME_DAY' | 'WITHIN_48H' | 'SCHEDULED';

export interface AdmissionTargetRecord {
  unit: { id: string };
  establishment: { id: string };
  status: AdmissionTargetStatus;
  answer: 'ACCEPT' | 'REFUSE' | 'PROPOSE' | null;
  refusalReason: 'NO_BED' | 'NOT_SUITED' | 'OTHER' | null;
  comment: string | null;
  proposedAt: string | null;
  bedHeldUntil: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
}

export interface AdmissionRequestRecord {
  id: string;
  status: AdmissionRequestStatus;
  version: number;
  patientAge: number;
  patientSex: 'FEMALE' | 'MALE';
  discipline: string | null;
  activityCode: string | null;
  urgency: AdmissionUrgency;
  wishedAt: string | null;
  clinicalSummary: string;
  patientName: string | null;
  callbackContact: string;
  requester: { name: string; kind: 'USER' | 'APPLICATION'; professionalId: string | null; onBehalfOf: string | null };
  targets: AdmissionTargetRecord[];
  acceptedUnit: { id: string } | null;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  closedAt: string | null;
}

export interface AdmissionRequestPage {
  edges: Array<{ cursor: string; node: AdmissionRequestRecord }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const ACCEPT_PROPOSAL_MUTATION = /* GraphQL */ `
  mutation FhirAcceptAdmissionProposal($id: ID!, $unitId: ID!, $expectedVersion: Int!) {
    acceptAdmissionProposal(id: $id, unitId: $unitId, expectedVersion: $expectedVersion) { ...FhirAdmissionRequestFields }
  }
  ${ADMISSION_REQUEST_FIELDS}
`;

export const RECORD_ADMISSION_MUTATION = /* GraphQL */ `
  mutation FhirRecordAdmission($id: ID!, $expectedVersion: Int!) {
    recordAdmission(id: $id, expectedVersion: $expectedVersion) { ...FhirAdmissionRequestFields }
  }
  ${ADMISSION_REQUEST_FIELDS}
`;

/** Every admission document, by operation name (checked against the supergraph by the tests). */
export const FHIR_ADMISSION_OPERATIONS = {
  FhirAdmissionRequest: ADMISSION_REQUEST_QUERY,
  FhirAdmissionRequests: ADMISSION_REQUESTS_QUERY,
  FhirAnswerAdmission: ANSWER_MUTATION,
  FhirCancelAdmission: CANCEL_MUTATION,
  FhirAcceptAdmissionProposal: ACCEPT_PROPOSAL_MUTATION,
  FhirRecordAdmission: RECORD_ADMISSION_MUTATION,
} as const;
