import { graphql } from '../gql';

export const AdmissionRequestFields = graphql(`
  fragment ConsoleAdmissionRequest on AdmissionRequest {
    id
    status
    version
    patientAge
    patientSex
    discipline
    urgency
    wishedAt
    clinicalSummary
    patientName
    callbackContact
    createdAt
    updatedAt
    expiresAt
    requester { name kind }
    acceptedUnit { id name }
    targets {
      unit { id name }
      establishment { id name organization { id } }
      status
      answer
      refusalReason
      comment
      proposedAt
      answeredBy
      answeredAt
    }
  }
`);

export const AdmissionRequestsQuery = graphql(`
  query ConsoleAdmissionRequests($filter: AdmissionRequestFilter, $first: Int, $after: String) {
    admissionRequests(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...ConsoleAdmissionRequest } }
    }
  }
`);

export const AnswerAdmissionRequestMutation = graphql(`
  mutation ConsoleAnswerAdmissionRequest($id: ID!, $unitId: ID!, $input: AdmissionAnswerInput!, $expectedVersion: Int!) {
    answerAdmissionRequest(id: $id, unitId: $unitId, input: $input, expectedVersion: $expectedVersion) {
      ...ConsoleAdmissionRequest
    }
  }
`);

/** Reads a request again after a CONFLICT, to show its current state. */
export const AdmissionRequestQuery = graphql(`
  query ConsoleAdmissionRequest($id: ID!) {
    admissionRequest(id: $id) { ...ConsoleAdmissionRequest }
  }
`);

export const AdmissionRequestChangedSubscription = graphql(`
  subscription ConsoleAdmissionRequestChanged($filter: AdmissionRequestChangeFilter) {
    admissionRequestChanged(filter: $filter) {
      position
      action
      at
      actor
      request { ...ConsoleAdmissionRequest }
    }
  }
`);

/** The requester accepts the time a unit proposed. */
export const AcceptAdmissionProposalMutation = graphql(`
  mutation ConsoleAcceptAdmissionProposal($id: ID!, $unitId: ID!, $expectedVersion: Int!) {
    acceptAdmissionProposal(id: $id, unitId: $unitId, expectedVersion: $expectedVersion) {
      ...ConsoleAdmissionRequest
    }
  }
`);

/** The requester withdraws the request (a held bed is released). */
export const CancelAdmissionRequestMutation = graphql(`
  mutation ConsoleCancelAdmissionRequest($id: ID!, $expectedVersion: Int!, $reason: String) {
    cancelAdmissionRequest(id: $id, expectedVersion: $expectedVersion, reason: $reason) {
      ...ConsoleAdmissionRequest
    }
  }
`);

/** The accepting unit records that the patient arrived. */
export const RecordAdmissionMutation = graphql(`
  mutation ConsoleRecordAdmission($id: ID!, $expectedVersion: Int!) {
    recordAdmission(id: $id, expectedVersion: $expectedVersion) {
      ...ConsoleAdmissionRequest
    }
  }
`);
