/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ConsoleMe {\n    me {\n      id\n      firstName\n      lastName\n      account { login }\n      roleAssignments { id role right perimeterKind perimeterId effectiveRights }\n    }\n  }\n": typeof types.ConsoleMeDocument,
    "\n  query ConsolePlaceSearch($criteria: PlaceSearchInput!, $first: Int, $after: String) {\n    placeSearch(criteria: $criteria, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      centre { latitude longitude radiusKm communeCode communeName }\n      edges {\n        node {\n          distanceKm\n          freeBeds\n          installedBeds\n          updatedAt\n          stale\n          unit {\n            id\n            name\n            discipline\n            establishment { id name }\n            contacts { role value channel { code display } nature { display } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsolePlaceSearchDocument,
    "\n  mutation ConsoleRequestAdmission($input: AdmissionRequestInput!) {\n    requestAdmission(input: $input) {\n      id\n      status\n      targets { unit { id name } status }\n    }\n  }\n": typeof types.ConsoleRequestAdmissionDocument,
    "\n  fragment ConsoleAdmissionRequest on AdmissionRequest {\n    id\n    status\n    version\n    patientAge\n    patientSex\n    discipline\n    urgency\n    wishedAt\n    clinicalSummary\n    patientName\n    callbackContact\n    createdAt\n    updatedAt\n    expiresAt\n    requester { name kind }\n    acceptedUnit { id name }\n    targets {\n      unit { id name }\n      establishment { id name organization { id } }\n      status\n      answer\n      refusalReason\n      comment\n      proposedAt\n      answeredBy\n      answeredAt\n    }\n  }\n": typeof types.ConsoleAdmissionRequestFragmentDoc,
    "\n  query ConsoleAdmissionRequests($filter: AdmissionRequestFilter, $first: Int, $after: String) {\n    admissionRequests(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...ConsoleAdmissionRequest } }\n    }\n  }\n": typeof types.ConsoleAdmissionRequestsDocument,
    "\n  mutation ConsoleAnswerAdmissionRequest($id: ID!, $unitId: ID!, $input: AdmissionAnswerInput!, $expectedVersion: Int!) {\n    answerAdmissionRequest(id: $id, unitId: $unitId, input: $input, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n": typeof types.ConsoleAnswerAdmissionRequestDocument,
    "\n  query ConsoleAdmissionRequest($id: ID!) {\n    admissionRequest(id: $id) { ...ConsoleAdmissionRequest }\n  }\n": typeof types.ConsoleAdmissionRequestDocument,
    "\n  subscription ConsoleAdmissionRequestChanged($filter: AdmissionRequestChangeFilter) {\n    admissionRequestChanged(filter: $filter) {\n      position\n      action\n      at\n      actor\n      request { ...ConsoleAdmissionRequest }\n    }\n  }\n": typeof types.ConsoleAdmissionRequestChangedDocument,
    "\n  mutation ConsoleAcceptAdmissionProposal($id: ID!, $unitId: ID!, $expectedVersion: Int!) {\n    acceptAdmissionProposal(id: $id, unitId: $unitId, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n": typeof types.ConsoleAcceptAdmissionProposalDocument,
    "\n  mutation ConsoleCancelAdmissionRequest($id: ID!, $expectedVersion: Int!, $reason: String) {\n    cancelAdmissionRequest(id: $id, expectedVersion: $expectedVersion, reason: $reason) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n": typeof types.ConsoleCancelAdmissionRequestDocument,
    "\n  mutation ConsoleRecordAdmission($id: ID!, $expectedVersion: Int!) {\n    recordAdmission(id: $id, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n": typeof types.ConsoleRecordAdmissionDocument,
};
const documents: Documents = {
    "\n  query ConsoleMe {\n    me {\n      id\n      firstName\n      lastName\n      account { login }\n      roleAssignments { id role right perimeterKind perimeterId effectiveRights }\n    }\n  }\n": types.ConsoleMeDocument,
    "\n  query ConsolePlaceSearch($criteria: PlaceSearchInput!, $first: Int, $after: String) {\n    placeSearch(criteria: $criteria, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      centre { latitude longitude radiusKm communeCode communeName }\n      edges {\n        node {\n          distanceKm\n          freeBeds\n          installedBeds\n          updatedAt\n          stale\n          unit {\n            id\n            name\n            discipline\n            establishment { id name }\n            contacts { role value channel { code display } nature { display } }\n          }\n        }\n      }\n    }\n  }\n": types.ConsolePlaceSearchDocument,
    "\n  mutation ConsoleRequestAdmission($input: AdmissionRequestInput!) {\n    requestAdmission(input: $input) {\n      id\n      status\n      targets { unit { id name } status }\n    }\n  }\n": types.ConsoleRequestAdmissionDocument,
    "\n  fragment ConsoleAdmissionRequest on AdmissionRequest {\n    id\n    status\n    version\n    patientAge\n    patientSex\n    discipline\n    urgency\n    wishedAt\n    clinicalSummary\n    patientName\n    callbackContact\n    createdAt\n    updatedAt\n    expiresAt\n    requester { name kind }\n    acceptedUnit { id name }\n    targets {\n      unit { id name }\n      establishment { id name organization { id } }\n      status\n      answer\n      refusalReason\n      comment\n      proposedAt\n      answeredBy\n      answeredAt\n    }\n  }\n": types.ConsoleAdmissionRequestFragmentDoc,
    "\n  query ConsoleAdmissionRequests($filter: AdmissionRequestFilter, $first: Int, $after: String) {\n    admissionRequests(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...ConsoleAdmissionRequest } }\n    }\n  }\n": types.ConsoleAdmissionRequestsDocument,
    "\n  mutation ConsoleAnswerAdmissionRequest($id: ID!, $unitId: ID!, $input: AdmissionAnswerInput!, $expectedVersion: Int!) {\n    answerAdmissionRequest(id: $id, unitId: $unitId, input: $input, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n": types.ConsoleAnswerAdmissionRequestDocument,
    "\n  query ConsoleAdmissionRequest($id: ID!) {\n    admissionRequest(id: $id) { ...ConsoleAdmissionRequest }\n  }\n": types.ConsoleAdmissionRequestDocument,
    "\n  subscription ConsoleAdmissionRequestChanged($filter: AdmissionRequestChangeFilter) {\n    admissionRequestChanged(filter: $filter) {\n      position\n      action\n      at\n      actor\n      request { ...ConsoleAdmissionRequest }\n    }\n  }\n": types.ConsoleAdmissionRequestChangedDocument,
    "\n  mutation ConsoleAcceptAdmissionProposal($id: ID!, $unitId: ID!, $expectedVersion: Int!) {\n    acceptAdmissionProposal(id: $id, unitId: $unitId, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n": types.ConsoleAcceptAdmissionProposalDocument,
    "\n  mutation ConsoleCancelAdmissionRequest($id: ID!, $expectedVersion: Int!, $reason: String) {\n    cancelAdmissionRequest(id: $id, expectedVersion: $expectedVersion, reason: $reason) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n": types.ConsoleCancelAdmissionRequestDocument,
    "\n  mutation ConsoleRecordAdmission($id: ID!, $expectedVersion: Int!) {\n    recordAdmission(id: $id, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n": types.ConsoleRecordAdmissionDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMe {\n    me {\n      id\n      firstName\n      lastName\n      account { login }\n      roleAssignments { id role right perimeterKind perimeterId effectiveRights }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleMe {\n    me {\n      id\n      firstName\n      lastName\n      account { login }\n      roleAssignments { id role right perimeterKind perimeterId effectiveRights }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePlaceSearch($criteria: PlaceSearchInput!, $first: Int, $after: String) {\n    placeSearch(criteria: $criteria, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      centre { latitude longitude radiusKm communeCode communeName }\n      edges {\n        node {\n          distanceKm\n          freeBeds\n          installedBeds\n          updatedAt\n          stale\n          unit {\n            id\n            name\n            discipline\n            establishment { id name }\n            contacts { role value channel { code display } nature { display } }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsolePlaceSearch($criteria: PlaceSearchInput!, $first: Int, $after: String) {\n    placeSearch(criteria: $criteria, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      centre { latitude longitude radiusKm communeCode communeName }\n      edges {\n        node {\n          distanceKm\n          freeBeds\n          installedBeds\n          updatedAt\n          stale\n          unit {\n            id\n            name\n            discipline\n            establishment { id name }\n            contacts { role value channel { code display } nature { display } }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRequestAdmission($input: AdmissionRequestInput!) {\n    requestAdmission(input: $input) {\n      id\n      status\n      targets { unit { id name } status }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleRequestAdmission($input: AdmissionRequestInput!) {\n    requestAdmission(input: $input) {\n      id\n      status\n      targets { unit { id name } status }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleAdmissionRequest on AdmissionRequest {\n    id\n    status\n    version\n    patientAge\n    patientSex\n    discipline\n    urgency\n    wishedAt\n    clinicalSummary\n    patientName\n    callbackContact\n    createdAt\n    updatedAt\n    expiresAt\n    requester { name kind }\n    acceptedUnit { id name }\n    targets {\n      unit { id name }\n      establishment { id name organization { id } }\n      status\n      answer\n      refusalReason\n      comment\n      proposedAt\n      answeredBy\n      answeredAt\n    }\n  }\n"): (typeof documents)["\n  fragment ConsoleAdmissionRequest on AdmissionRequest {\n    id\n    status\n    version\n    patientAge\n    patientSex\n    discipline\n    urgency\n    wishedAt\n    clinicalSummary\n    patientName\n    callbackContact\n    createdAt\n    updatedAt\n    expiresAt\n    requester { name kind }\n    acceptedUnit { id name }\n    targets {\n      unit { id name }\n      establishment { id name organization { id } }\n      status\n      answer\n      refusalReason\n      comment\n      proposedAt\n      answeredBy\n      answeredAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAdmissionRequests($filter: AdmissionRequestFilter, $first: Int, $after: String) {\n    admissionRequests(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...ConsoleAdmissionRequest } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleAdmissionRequests($filter: AdmissionRequestFilter, $first: Int, $after: String) {\n    admissionRequests(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...ConsoleAdmissionRequest } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAnswerAdmissionRequest($id: ID!, $unitId: ID!, $input: AdmissionAnswerInput!, $expectedVersion: Int!) {\n    answerAdmissionRequest(id: $id, unitId: $unitId, input: $input, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleAnswerAdmissionRequest($id: ID!, $unitId: ID!, $input: AdmissionAnswerInput!, $expectedVersion: Int!) {\n    answerAdmissionRequest(id: $id, unitId: $unitId, input: $input, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAdmissionRequest($id: ID!) {\n    admissionRequest(id: $id) { ...ConsoleAdmissionRequest }\n  }\n"): (typeof documents)["\n  query ConsoleAdmissionRequest($id: ID!) {\n    admissionRequest(id: $id) { ...ConsoleAdmissionRequest }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleAdmissionRequestChanged($filter: AdmissionRequestChangeFilter) {\n    admissionRequestChanged(filter: $filter) {\n      position\n      action\n      at\n      actor\n      request { ...ConsoleAdmissionRequest }\n    }\n  }\n"): (typeof documents)["\n  subscription ConsoleAdmissionRequestChanged($filter: AdmissionRequestChangeFilter) {\n    admissionRequestChanged(filter: $filter) {\n      position\n      action\n      at\n      actor\n      request { ...ConsoleAdmissionRequest }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAcceptAdmissionProposal($id: ID!, $unitId: ID!, $expectedVersion: Int!) {\n    acceptAdmissionProposal(id: $id, unitId: $unitId, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleAcceptAdmissionProposal($id: ID!, $unitId: ID!, $expectedVersion: Int!) {\n    acceptAdmissionProposal(id: $id, unitId: $unitId, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCancelAdmissionRequest($id: ID!, $expectedVersion: Int!, $reason: String) {\n    cancelAdmissionRequest(id: $id, expectedVersion: $expectedVersion, reason: $reason) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCancelAdmissionRequest($id: ID!, $expectedVersion: Int!, $reason: String) {\n    cancelAdmissionRequest(id: $id, expectedVersion: $expectedVersion, reason: $reason) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRecordAdmission($id: ID!, $expectedVersion: Int!) {\n    recordAdmission(id: $id, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleRecordAdmission($id: ID!, $expectedVersion: Int!) {\n    recordAdmission(id: $id, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;