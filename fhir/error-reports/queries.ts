/**
 * The GraphQL the ror-task resources run through the gateway's executor with the caller's
 * credentials (schemas/offer.graphql, docs/feedback.md): the offer subgraph decides who may
 * report (hub users, applications with offer.report), who reads a report (the regional team and
 * its sender) and who answers it (the regional team), so Task has exactly GraphQL's rules.
 */
import type { FhirErrorReportFieldsFragment } from '../../schemas/operations.js';

export type ErrorReportRecord = FhirErrorReportFieldsFragment;

/** One selection for reads, searches, writes and the subscription's visibility check. */
export const ERROR_REPORT_FIELDS = /* GraphQL */ `
  fragment FhirErrorReportFields on Feedback {
    id kind message senderLogin senderProfessionalId senderKind status resolution newValue identifierAnalyst
    closedBy closedByProfessionalId closingNote version createdAt updatedAt
    subject { type id }
    details { ruleErrorId errorValue proposedValue pathElementError systemRequester identifierRequester focusType }
  }
`;

export const ERROR_REPORT_QUERY = /* GraphQL */ `
  query FhirErrorReport($id: ID!) { errorReport(id: $id) { ...FhirErrorReportFields } }
  ${ERROR_REPORT_FIELDS}
`;

export const ERROR_REPORTS_QUERY = /* GraphQL */ `
  query FhirErrorReports($filter: ErrorReportFilter, $first: Int, $after: String) {
    errorReports(filter: $filter, first: $first, after: $after) {
      edges { cursor node { ...FhirErrorReportFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${ERROR_REPORT_FIELDS}
`;

export const REPORT_ERROR_MUTATION = /* GraphQL */ `
  mutation FhirReportError($subjectType: FeedbackSubjectType!, $subjectId: ID!, $message: String!, $details: ErrorReportDetailsInput!) {
    reportError(subjectType: $subjectType, subjectId: $subjectId, message: $message, details: $details) { ...FhirErrorReportFields }
  }
  ${ERROR_REPORT_FIELDS}
`;

export const ANSWER_ERROR_REPORT_MUTATION = /* GraphQL */ `
  mutation FhirAnswerErrorReport($id: ID!, $input: ErrorReportAnswerInput!) {
    answerErrorReport(id: $id, input: $input) { ...FhirErrorReportFields }
  }
  ${ERROR_REPORT_FIELDS}
`;
