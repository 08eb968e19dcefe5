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
    "\n  fragment ConsoleTension on Tension {\n    id\n    status\n    level\n    levelDetail { code rank label(regionCode: \"24\") }\n    disciplineGroup\n    disciplineGroupCode\n    startedAt\n    endedAt\n    version\n    declaredBy\n    establishment { id name organization { id } address { city departmentCode } }\n    timeline { id at author kind action { code label } levelCode disciplineGroupCode notes }\n  }\n": typeof types.ConsoleTensionFragmentDoc,
    "\n  query ConsoleTensions($filter: TensionFilter, $window: TensionWindow, $first: Int) {\n    tensions(filter: $filter, window: $window, first: $first) {\n      totalCount\n      edges { node { ...ConsoleTension } }\n    }\n  }\n": typeof types.ConsoleTensionsDocument,
    "\n  query ConsoleTension($id: ID!) {\n    tension(id: $id) {\n      ...ConsoleTension\n      notifications { recipient subject status attempts sentAt createdAt }\n      solidarity {\n        establishment { establishment { id name } beds { available total } }\n        solidarityEstablishments { establishment { id name } beds { available total } }\n      }\n    }\n  }\n": typeof types.ConsoleTensionDocument,
    "\n  query ConsoleTensionReference {\n    tensionLevels { code rank label(regionCode: \"24\") }\n    disciplineGroups { code label }\n    hetActionRepertoire { code label actions { code label active } }\n  }\n": typeof types.ConsoleTensionReferenceDocument,
    "\n  query ConsoleDeclarableEstablishment($id: ID!) {\n    establishment(id: $id) { id name address { city } }\n  }\n": typeof types.ConsoleDeclarableEstablishmentDocument,
    "\n  query ConsoleDeclarableOrganization($id: ID!) {\n    organization(id: $id) { id establishments { id name address { city } } }\n  }\n": typeof types.ConsoleDeclarableOrganizationDocument,
    "\n  mutation ConsoleDeclareTension($input: DeclareTensionInput!) {\n    declareTension(input: $input) { ...ConsoleTension }\n  }\n": typeof types.ConsoleDeclareTensionDocument,
    "\n  mutation ConsoleUpdateTension($id: ID!, $input: UpdateTensionInput!, $expectedVersion: Int!) {\n    updateTension(id: $id, input: $input, expectedVersion: $expectedVersion) { ...ConsoleTension }\n  }\n": typeof types.ConsoleUpdateTensionDocument,
    "\n  mutation ConsoleAddTensionActions($id: ID!, $actions: [TensionActionInput!]!) {\n    addTensionActions(id: $id, actions: $actions) { ...ConsoleTension }\n  }\n": typeof types.ConsoleAddTensionActionsDocument,
    "\n  mutation ConsoleCloseTension($id: ID!, $notes: String) {\n    closeTension(id: $id, notes: $notes) { ...ConsoleTension }\n  }\n": typeof types.ConsoleCloseTensionDocument,
    "\n  query ConsoleHetIndicators($from: DateTime!, $to: DateTime!, $departmentCode: String) {\n    hetIndicators(from: $from, to: $to, departmentCode: $departmentCode) { from to departmentCode alerts triggers arsInvolvements }\n  }\n": typeof types.ConsoleHetIndicatorsDocument,
    "\n  query ConsoleTensionMails($filter: TensionFilter, $window: TensionWindow, $first: Int) {\n    tensions(filter: $filter, window: $window, first: $first) {\n      edges { node { id establishment { id name } notifications { recipient subject status attempts sentAt createdAt } } }\n    }\n  }\n": typeof types.ConsoleTensionMailsDocument,
    "\n  subscription ConsoleTensionChanged($filter: TensionChangeFilter) {\n    tensionChanged(filter: $filter) {\n      id\n      at\n      action\n      tension { ...ConsoleTension }\n      entries { author }\n    }\n  }\n": typeof types.ConsoleTensionChangedDocument,
    "\n  fragment ConsoleCrisisPlan on CrisisPlan {\n    kind\n    version\n    updatedAt\n    updatedBy\n    establishment { id name }\n    content {\n      summary\n      levels { code label description }\n      triggers { levelCode description indicator threshold }\n      contacts { role name phone email availability }\n      actions { levelCode description owner }\n    }\n    versions { version author at }\n  }\n": typeof types.ConsoleCrisisPlanFragmentDoc,
    "\n  query ConsoleMyCrisisPlans($kind: CrisisPlanKind!) {\n    myCrisisPlans(kind: $kind) { ...ConsoleCrisisPlan }\n  }\n": typeof types.ConsoleMyCrisisPlansDocument,
    "\n  mutation ConsoleSaveCrisisPlan($kind: CrisisPlanKind!, $establishmentId: ID!, $content: CrisisPlanContentInput!, $expectedVersion: Int!) {\n    saveCrisisPlan(kind: $kind, establishmentId: $establishmentId, content: $content, expectedVersion: $expectedVersion) { ...ConsoleCrisisPlan }\n  }\n": typeof types.ConsoleSaveCrisisPlanDocument,
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
    "\n  fragment ConsoleTension on Tension {\n    id\n    status\n    level\n    levelDetail { code rank label(regionCode: \"24\") }\n    disciplineGroup\n    disciplineGroupCode\n    startedAt\n    endedAt\n    version\n    declaredBy\n    establishment { id name organization { id } address { city departmentCode } }\n    timeline { id at author kind action { code label } levelCode disciplineGroupCode notes }\n  }\n": types.ConsoleTensionFragmentDoc,
    "\n  query ConsoleTensions($filter: TensionFilter, $window: TensionWindow, $first: Int) {\n    tensions(filter: $filter, window: $window, first: $first) {\n      totalCount\n      edges { node { ...ConsoleTension } }\n    }\n  }\n": types.ConsoleTensionsDocument,
    "\n  query ConsoleTension($id: ID!) {\n    tension(id: $id) {\n      ...ConsoleTension\n      notifications { recipient subject status attempts sentAt createdAt }\n      solidarity {\n        establishment { establishment { id name } beds { available total } }\n        solidarityEstablishments { establishment { id name } beds { available total } }\n      }\n    }\n  }\n": types.ConsoleTensionDocument,
    "\n  query ConsoleTensionReference {\n    tensionLevels { code rank label(regionCode: \"24\") }\n    disciplineGroups { code label }\n    hetActionRepertoire { code label actions { code label active } }\n  }\n": types.ConsoleTensionReferenceDocument,
    "\n  query ConsoleDeclarableEstablishment($id: ID!) {\n    establishment(id: $id) { id name address { city } }\n  }\n": types.ConsoleDeclarableEstablishmentDocument,
    "\n  query ConsoleDeclarableOrganization($id: ID!) {\n    organization(id: $id) { id establishments { id name address { city } } }\n  }\n": types.ConsoleDeclarableOrganizationDocument,
    "\n  mutation ConsoleDeclareTension($input: DeclareTensionInput!) {\n    declareTension(input: $input) { ...ConsoleTension }\n  }\n": types.ConsoleDeclareTensionDocument,
    "\n  mutation ConsoleUpdateTension($id: ID!, $input: UpdateTensionInput!, $expectedVersion: Int!) {\n    updateTension(id: $id, input: $input, expectedVersion: $expectedVersion) { ...ConsoleTension }\n  }\n": types.ConsoleUpdateTensionDocument,
    "\n  mutation ConsoleAddTensionActions($id: ID!, $actions: [TensionActionInput!]!) {\n    addTensionActions(id: $id, actions: $actions) { ...ConsoleTension }\n  }\n": types.ConsoleAddTensionActionsDocument,
    "\n  mutation ConsoleCloseTension($id: ID!, $notes: String) {\n    closeTension(id: $id, notes: $notes) { ...ConsoleTension }\n  }\n": types.ConsoleCloseTensionDocument,
    "\n  query ConsoleHetIndicators($from: DateTime!, $to: DateTime!, $departmentCode: String) {\n    hetIndicators(from: $from, to: $to, departmentCode: $departmentCode) { from to departmentCode alerts triggers arsInvolvements }\n  }\n": types.ConsoleHetIndicatorsDocument,
    "\n  query ConsoleTensionMails($filter: TensionFilter, $window: TensionWindow, $first: Int) {\n    tensions(filter: $filter, window: $window, first: $first) {\n      edges { node { id establishment { id name } notifications { recipient subject status attempts sentAt createdAt } } }\n    }\n  }\n": types.ConsoleTensionMailsDocument,
    "\n  subscription ConsoleTensionChanged($filter: TensionChangeFilter) {\n    tensionChanged(filter: $filter) {\n      id\n      at\n      action\n      tension { ...ConsoleTension }\n      entries { author }\n    }\n  }\n": types.ConsoleTensionChangedDocument,
    "\n  fragment ConsoleCrisisPlan on CrisisPlan {\n    kind\n    version\n    updatedAt\n    updatedBy\n    establishment { id name }\n    content {\n      summary\n      levels { code label description }\n      triggers { levelCode description indicator threshold }\n      contacts { role name phone email availability }\n      actions { levelCode description owner }\n    }\n    versions { version author at }\n  }\n": types.ConsoleCrisisPlanFragmentDoc,
    "\n  query ConsoleMyCrisisPlans($kind: CrisisPlanKind!) {\n    myCrisisPlans(kind: $kind) { ...ConsoleCrisisPlan }\n  }\n": types.ConsoleMyCrisisPlansDocument,
    "\n  mutation ConsoleSaveCrisisPlan($kind: CrisisPlanKind!, $establishmentId: ID!, $content: CrisisPlanContentInput!, $expectedVersion: Int!) {\n    saveCrisisPlan(kind: $kind, establishmentId: $establishmentId, content: $content, expectedVersion: $expectedVersion) { ...ConsoleCrisisPlan }\n  }\n": types.ConsoleSaveCrisisPlanDocument,
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleTension on Tension {\n    id\n    status\n    level\n    levelDetail { code rank label(regionCode: \"24\") }\n    disciplineGroup\n    disciplineGroupCode\n    startedAt\n    endedAt\n    version\n    declaredBy\n    establishment { id name organization { id } address { city departmentCode } }\n    timeline { id at author kind action { code label } levelCode disciplineGroupCode notes }\n  }\n"): (typeof documents)["\n  fragment ConsoleTension on Tension {\n    id\n    status\n    level\n    levelDetail { code rank label(regionCode: \"24\") }\n    disciplineGroup\n    disciplineGroupCode\n    startedAt\n    endedAt\n    version\n    declaredBy\n    establishment { id name organization { id } address { city departmentCode } }\n    timeline { id at author kind action { code label } levelCode disciplineGroupCode notes }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleTensions($filter: TensionFilter, $window: TensionWindow, $first: Int) {\n    tensions(filter: $filter, window: $window, first: $first) {\n      totalCount\n      edges { node { ...ConsoleTension } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleTensions($filter: TensionFilter, $window: TensionWindow, $first: Int) {\n    tensions(filter: $filter, window: $window, first: $first) {\n      totalCount\n      edges { node { ...ConsoleTension } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleTension($id: ID!) {\n    tension(id: $id) {\n      ...ConsoleTension\n      notifications { recipient subject status attempts sentAt createdAt }\n      solidarity {\n        establishment { establishment { id name } beds { available total } }\n        solidarityEstablishments { establishment { id name } beds { available total } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleTension($id: ID!) {\n    tension(id: $id) {\n      ...ConsoleTension\n      notifications { recipient subject status attempts sentAt createdAt }\n      solidarity {\n        establishment { establishment { id name } beds { available total } }\n        solidarityEstablishments { establishment { id name } beds { available total } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleTensionReference {\n    tensionLevels { code rank label(regionCode: \"24\") }\n    disciplineGroups { code label }\n    hetActionRepertoire { code label actions { code label active } }\n  }\n"): (typeof documents)["\n  query ConsoleTensionReference {\n    tensionLevels { code rank label(regionCode: \"24\") }\n    disciplineGroups { code label }\n    hetActionRepertoire { code label actions { code label active } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDeclarableEstablishment($id: ID!) {\n    establishment(id: $id) { id name address { city } }\n  }\n"): (typeof documents)["\n  query ConsoleDeclarableEstablishment($id: ID!) {\n    establishment(id: $id) { id name address { city } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDeclarableOrganization($id: ID!) {\n    organization(id: $id) { id establishments { id name address { city } } }\n  }\n"): (typeof documents)["\n  query ConsoleDeclarableOrganization($id: ID!) {\n    organization(id: $id) { id establishments { id name address { city } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeclareTension($input: DeclareTensionInput!) {\n    declareTension(input: $input) { ...ConsoleTension }\n  }\n"): (typeof documents)["\n  mutation ConsoleDeclareTension($input: DeclareTensionInput!) {\n    declareTension(input: $input) { ...ConsoleTension }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateTension($id: ID!, $input: UpdateTensionInput!, $expectedVersion: Int!) {\n    updateTension(id: $id, input: $input, expectedVersion: $expectedVersion) { ...ConsoleTension }\n  }\n"): (typeof documents)["\n  mutation ConsoleUpdateTension($id: ID!, $input: UpdateTensionInput!, $expectedVersion: Int!) {\n    updateTension(id: $id, input: $input, expectedVersion: $expectedVersion) { ...ConsoleTension }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAddTensionActions($id: ID!, $actions: [TensionActionInput!]!) {\n    addTensionActions(id: $id, actions: $actions) { ...ConsoleTension }\n  }\n"): (typeof documents)["\n  mutation ConsoleAddTensionActions($id: ID!, $actions: [TensionActionInput!]!) {\n    addTensionActions(id: $id, actions: $actions) { ...ConsoleTension }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCloseTension($id: ID!, $notes: String) {\n    closeTension(id: $id, notes: $notes) { ...ConsoleTension }\n  }\n"): (typeof documents)["\n  mutation ConsoleCloseTension($id: ID!, $notes: String) {\n    closeTension(id: $id, notes: $notes) { ...ConsoleTension }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleHetIndicators($from: DateTime!, $to: DateTime!, $departmentCode: String) {\n    hetIndicators(from: $from, to: $to, departmentCode: $departmentCode) { from to departmentCode alerts triggers arsInvolvements }\n  }\n"): (typeof documents)["\n  query ConsoleHetIndicators($from: DateTime!, $to: DateTime!, $departmentCode: String) {\n    hetIndicators(from: $from, to: $to, departmentCode: $departmentCode) { from to departmentCode alerts triggers arsInvolvements }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleTensionMails($filter: TensionFilter, $window: TensionWindow, $first: Int) {\n    tensions(filter: $filter, window: $window, first: $first) {\n      edges { node { id establishment { id name } notifications { recipient subject status attempts sentAt createdAt } } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleTensionMails($filter: TensionFilter, $window: TensionWindow, $first: Int) {\n    tensions(filter: $filter, window: $window, first: $first) {\n      edges { node { id establishment { id name } notifications { recipient subject status attempts sentAt createdAt } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleTensionChanged($filter: TensionChangeFilter) {\n    tensionChanged(filter: $filter) {\n      id\n      at\n      action\n      tension { ...ConsoleTension }\n      entries { author }\n    }\n  }\n"): (typeof documents)["\n  subscription ConsoleTensionChanged($filter: TensionChangeFilter) {\n    tensionChanged(filter: $filter) {\n      id\n      at\n      action\n      tension { ...ConsoleTension }\n      entries { author }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleCrisisPlan on CrisisPlan {\n    kind\n    version\n    updatedAt\n    updatedBy\n    establishment { id name }\n    content {\n      summary\n      levels { code label description }\n      triggers { levelCode description indicator threshold }\n      contacts { role name phone email availability }\n      actions { levelCode description owner }\n    }\n    versions { version author at }\n  }\n"): (typeof documents)["\n  fragment ConsoleCrisisPlan on CrisisPlan {\n    kind\n    version\n    updatedAt\n    updatedBy\n    establishment { id name }\n    content {\n      summary\n      levels { code label description }\n      triggers { levelCode description indicator threshold }\n      contacts { role name phone email availability }\n      actions { levelCode description owner }\n    }\n    versions { version author at }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMyCrisisPlans($kind: CrisisPlanKind!) {\n    myCrisisPlans(kind: $kind) { ...ConsoleCrisisPlan }\n  }\n"): (typeof documents)["\n  query ConsoleMyCrisisPlans($kind: CrisisPlanKind!) {\n    myCrisisPlans(kind: $kind) { ...ConsoleCrisisPlan }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSaveCrisisPlan($kind: CrisisPlanKind!, $establishmentId: ID!, $content: CrisisPlanContentInput!, $expectedVersion: Int!) {\n    saveCrisisPlan(kind: $kind, establishmentId: $establishmentId, content: $content, expectedVersion: $expectedVersion) { ...ConsoleCrisisPlan }\n  }\n"): (typeof documents)["\n  mutation ConsoleSaveCrisisPlan($kind: CrisisPlanKind!, $establishmentId: ID!, $content: CrisisPlanContentInput!, $expectedVersion: Int!) {\n    saveCrisisPlan(kind: $kind, establishmentId: $establishmentId, content: $content, expectedVersion: $expectedVersion) { ...ConsoleCrisisPlan }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;