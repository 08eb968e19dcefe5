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
    "\n  query ConsoleDashboardCapacity($departmentCode: String!) {\n    capacitySynthesis(groupBy: [DISCIPLINE], filter: { departmentCode: $departmentCode }) {\n      totals { units unitsWithoutCapacity installedBeds availableBeds oldestUpdate }\n      groups { key label totals { units unitsWithoutCapacity installedBeds availableBeds oldestUpdate } }\n    }\n  }\n": typeof types.ConsoleDashboardCapacityDocument,
    "\n  query ConsoleDashboardTensions($departmentCode: String!) {\n    tensions(filter: { departmentCode: $departmentCode, status: IN_PROGRESS }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          establishment { id name }\n          disciplineGroup\n          level\n          levelDetail { rank label }\n          startedAt\n          declaredBy\n        }\n      }\n    }\n  }\n": typeof types.ConsoleDashboardTensionsDocument,
    "\n  query ConsoleDashboardAdmissions($from: DateTime!, $to: DateTime!) {\n    admissionIndicators(from: $from, to: $to, period: WEEK, groupBy: ESTABLISHMENT) {\n      periodStart\n      establishment { id name address { departmentCode } }\n      received\n      accepted\n      refused\n      withdrawn\n      expired\n      medianAnswerMinutes\n    }\n  }\n": typeof types.ConsoleDashboardAdmissionsDocument,
    "\n  query ConsoleDashboardPopulation($departmentCode: String!) {\n    populationIndicators(level: DEPARTMENT, departmentCode: $departmentCode) {\n      areaCode\n      areaName\n      sector\n      establishments\n      populated\n      populatedRate\n      quality\n      qualityRate\n      band\n    }\n  }\n": typeof types.ConsoleDashboardPopulationDocument,
    "\n  subscription ConsoleDashboardCapacityChanged($departmentCode: String!) {\n    capacityChanged(filter: { departmentCode: $departmentCode }) {\n      at\n      unit { name establishment { name } }\n      capacity { updatedBy }\n    }\n  }\n": typeof types.ConsoleDashboardCapacityChangedDocument,
    "\n  subscription ConsoleDashboardTensionChanged($departmentCode: String!) {\n    tensionChanged(filter: { departmentCode: $departmentCode }) {\n      at\n      action\n      tension { establishment { name } }\n      entries { author }\n    }\n  }\n": typeof types.ConsoleDashboardTensionChangedDocument,
    "\n  query ConsoleDepartments {\n    populationIndicators(level: DEPARTMENT) { areaCode areaName sector }\n  }\n": typeof types.ConsoleDepartmentsDocument,
    "\n  query ConsoleDashboardUnits($departmentCode: String!, $after: String) {\n    units(filter: { departmentCode: $departmentCode }, first: 200, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id discipline capacity { installedBeds availableBeds updatedAt } } }\n    }\n  }\n": typeof types.ConsoleDashboardUnitsDocument,
    "\n  query ConsoleDepartmentEstablishments($departmentCode: String!) {\n    establishments(filter: { departmentCode: $departmentCode }, first: 100) {\n      totalCount\n      edges { node { id name address { city } } }\n    }\n  }\n": typeof types.ConsoleDepartmentEstablishmentsDocument,
    "\n  query ConsoleBjml($establishmentId: ID!) {\n    bjml(establishmentId: $establishmentId) {\n      year\n      week\n      years\n      expectedDays\n      observedDays\n      exitModeFilledRate\n      quality\n      bjml\n      mean\n      p75\n    }\n  }\n": typeof types.ConsoleBjmlDocument,
    "\n  query ConsoleEmergencyIndicators($establishmentId: ID!, $from: String!, $to: String!) {\n    emergencyIndicators(establishmentId: $establishmentId, from: $from, to: $to) {\n      receptionCapacity\n      receptionCapacityIsDefault\n      days {\n        day\n        visits\n        visits75\n        admissionRate\n        admittedMeanLengthOfStay\n        presentAt15\n        loadAt15\n        source\n      }\n    }\n  }\n": typeof types.ConsoleEmergencyIndicatorsDocument,
    "\n  fragment ConsoleAlertProposal on AlertProposal {\n    id\n    establishment { id name }\n    day\n    signal\n    value\n    threshold\n    band\n    status\n    createdAt\n    decidedAt\n    decidedBy\n  }\n": typeof types.ConsoleAlertProposalFragmentDoc,
    "\n  query ConsoleAlertProposals($from: String!) {\n    waiting: alertProposals(status: PROPOSED) { ...ConsoleAlertProposal }\n    recent: alertProposals(from: $from) { ...ConsoleAlertProposal }\n  }\n": typeof types.ConsoleAlertProposalsDocument,
    "\n  mutation ConsoleAcknowledgeAlertProposal($id: ID!) {\n    acknowledgeAlertProposal(id: $id) { ...ConsoleAlertProposal }\n  }\n": typeof types.ConsoleAcknowledgeAlertProposalDocument,
    "\n  mutation ConsoleDismissAlertProposal($id: ID!) {\n    dismissAlertProposal(id: $id) { ...ConsoleAlertProposal }\n  }\n": typeof types.ConsoleDismissAlertProposalDocument,
    "\n  query ConsoleMe {\n    me {\n      id\n      firstName\n      lastName\n      account { login }\n      roleAssignments { id role right perimeterKind perimeterId effectiveRights }\n    }\n  }\n": typeof types.ConsoleMeDocument,
    "\n  query ConsolePlaceSearch($criteria: PlaceSearchInput!, $first: Int) {\n    placeSearch(criteria: $criteria, first: $first) {\n      totalCount\n      centre { latitude longitude radiusKm communeCode communeName }\n      edges {\n        node {\n          distanceKm\n          freeBeds\n          installedBeds\n          updatedAt\n          stale\n          unit {\n            id\n            name\n            discipline\n            establishment { id name }\n            contacts { role value channel { code display } nature { display } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsolePlaceSearchDocument,
    "\n  mutation ConsoleRequestAdmission($input: AdmissionRequestInput!) {\n    requestAdmission(input: $input) {\n      id\n      status\n      targets { unit { id name } status }\n    }\n  }\n": typeof types.ConsoleRequestAdmissionDocument,
    "\n  fragment ConsoleAdmissionRequest on AdmissionRequest {\n    id\n    status\n    version\n    patientAge\n    patientSex\n    discipline\n    urgency\n    wishedAt\n    clinicalSummary\n    patientName\n    callbackContact\n    createdAt\n    updatedAt\n    expiresAt\n    requester { name kind }\n    acceptedUnit { id name }\n    targets {\n      unit { id name }\n      establishment { id name organization { id } }\n      status\n      answer\n      refusalReason\n      comment\n      proposedAt\n      answeredBy\n      answeredAt\n    }\n  }\n": typeof types.ConsoleAdmissionRequestFragmentDoc,
    "\n  query ConsoleAdmissionRequests($filter: AdmissionRequestFilter, $first: Int) {\n    admissionRequests(filter: $filter, first: $first) {\n      totalCount\n      edges { node { ...ConsoleAdmissionRequest } }\n    }\n  }\n": typeof types.ConsoleAdmissionRequestsDocument,
    "\n  mutation ConsoleAnswerAdmissionRequest($id: ID!, $unitId: ID!, $input: AdmissionAnswerInput!, $expectedVersion: Int!) {\n    answerAdmissionRequest(id: $id, unitId: $unitId, input: $input, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n": typeof types.ConsoleAnswerAdmissionRequestDocument,
    "\n  query ConsoleAdmissionRequest($id: ID!) {\n    admissionRequest(id: $id) { ...ConsoleAdmissionRequest }\n  }\n": typeof types.ConsoleAdmissionRequestDocument,
    "\n  subscription ConsoleAdmissionRequestChanged($filter: AdmissionRequestChangeFilter) {\n    admissionRequestChanged(filter: $filter) {\n      position\n      action\n      at\n      actor\n      request { ...ConsoleAdmissionRequest }\n    }\n  }\n": typeof types.ConsoleAdmissionRequestChangedDocument,
};
const documents: Documents = {
    "\n  query ConsoleDashboardCapacity($departmentCode: String!) {\n    capacitySynthesis(groupBy: [DISCIPLINE], filter: { departmentCode: $departmentCode }) {\n      totals { units unitsWithoutCapacity installedBeds availableBeds oldestUpdate }\n      groups { key label totals { units unitsWithoutCapacity installedBeds availableBeds oldestUpdate } }\n    }\n  }\n": types.ConsoleDashboardCapacityDocument,
    "\n  query ConsoleDashboardTensions($departmentCode: String!) {\n    tensions(filter: { departmentCode: $departmentCode, status: IN_PROGRESS }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          establishment { id name }\n          disciplineGroup\n          level\n          levelDetail { rank label }\n          startedAt\n          declaredBy\n        }\n      }\n    }\n  }\n": types.ConsoleDashboardTensionsDocument,
    "\n  query ConsoleDashboardAdmissions($from: DateTime!, $to: DateTime!) {\n    admissionIndicators(from: $from, to: $to, period: WEEK, groupBy: ESTABLISHMENT) {\n      periodStart\n      establishment { id name address { departmentCode } }\n      received\n      accepted\n      refused\n      withdrawn\n      expired\n      medianAnswerMinutes\n    }\n  }\n": types.ConsoleDashboardAdmissionsDocument,
    "\n  query ConsoleDashboardPopulation($departmentCode: String!) {\n    populationIndicators(level: DEPARTMENT, departmentCode: $departmentCode) {\n      areaCode\n      areaName\n      sector\n      establishments\n      populated\n      populatedRate\n      quality\n      qualityRate\n      band\n    }\n  }\n": types.ConsoleDashboardPopulationDocument,
    "\n  subscription ConsoleDashboardCapacityChanged($departmentCode: String!) {\n    capacityChanged(filter: { departmentCode: $departmentCode }) {\n      at\n      unit { name establishment { name } }\n      capacity { updatedBy }\n    }\n  }\n": types.ConsoleDashboardCapacityChangedDocument,
    "\n  subscription ConsoleDashboardTensionChanged($departmentCode: String!) {\n    tensionChanged(filter: { departmentCode: $departmentCode }) {\n      at\n      action\n      tension { establishment { name } }\n      entries { author }\n    }\n  }\n": types.ConsoleDashboardTensionChangedDocument,
    "\n  query ConsoleDepartments {\n    populationIndicators(level: DEPARTMENT) { areaCode areaName sector }\n  }\n": types.ConsoleDepartmentsDocument,
    "\n  query ConsoleDashboardUnits($departmentCode: String!, $after: String) {\n    units(filter: { departmentCode: $departmentCode }, first: 200, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id discipline capacity { installedBeds availableBeds updatedAt } } }\n    }\n  }\n": types.ConsoleDashboardUnitsDocument,
    "\n  query ConsoleDepartmentEstablishments($departmentCode: String!) {\n    establishments(filter: { departmentCode: $departmentCode }, first: 100) {\n      totalCount\n      edges { node { id name address { city } } }\n    }\n  }\n": types.ConsoleDepartmentEstablishmentsDocument,
    "\n  query ConsoleBjml($establishmentId: ID!) {\n    bjml(establishmentId: $establishmentId) {\n      year\n      week\n      years\n      expectedDays\n      observedDays\n      exitModeFilledRate\n      quality\n      bjml\n      mean\n      p75\n    }\n  }\n": types.ConsoleBjmlDocument,
    "\n  query ConsoleEmergencyIndicators($establishmentId: ID!, $from: String!, $to: String!) {\n    emergencyIndicators(establishmentId: $establishmentId, from: $from, to: $to) {\n      receptionCapacity\n      receptionCapacityIsDefault\n      days {\n        day\n        visits\n        visits75\n        admissionRate\n        admittedMeanLengthOfStay\n        presentAt15\n        loadAt15\n        source\n      }\n    }\n  }\n": types.ConsoleEmergencyIndicatorsDocument,
    "\n  fragment ConsoleAlertProposal on AlertProposal {\n    id\n    establishment { id name }\n    day\n    signal\n    value\n    threshold\n    band\n    status\n    createdAt\n    decidedAt\n    decidedBy\n  }\n": types.ConsoleAlertProposalFragmentDoc,
    "\n  query ConsoleAlertProposals($from: String!) {\n    waiting: alertProposals(status: PROPOSED) { ...ConsoleAlertProposal }\n    recent: alertProposals(from: $from) { ...ConsoleAlertProposal }\n  }\n": types.ConsoleAlertProposalsDocument,
    "\n  mutation ConsoleAcknowledgeAlertProposal($id: ID!) {\n    acknowledgeAlertProposal(id: $id) { ...ConsoleAlertProposal }\n  }\n": types.ConsoleAcknowledgeAlertProposalDocument,
    "\n  mutation ConsoleDismissAlertProposal($id: ID!) {\n    dismissAlertProposal(id: $id) { ...ConsoleAlertProposal }\n  }\n": types.ConsoleDismissAlertProposalDocument,
    "\n  query ConsoleMe {\n    me {\n      id\n      firstName\n      lastName\n      account { login }\n      roleAssignments { id role right perimeterKind perimeterId effectiveRights }\n    }\n  }\n": types.ConsoleMeDocument,
    "\n  query ConsolePlaceSearch($criteria: PlaceSearchInput!, $first: Int) {\n    placeSearch(criteria: $criteria, first: $first) {\n      totalCount\n      centre { latitude longitude radiusKm communeCode communeName }\n      edges {\n        node {\n          distanceKm\n          freeBeds\n          installedBeds\n          updatedAt\n          stale\n          unit {\n            id\n            name\n            discipline\n            establishment { id name }\n            contacts { role value channel { code display } nature { display } }\n          }\n        }\n      }\n    }\n  }\n": types.ConsolePlaceSearchDocument,
    "\n  mutation ConsoleRequestAdmission($input: AdmissionRequestInput!) {\n    requestAdmission(input: $input) {\n      id\n      status\n      targets { unit { id name } status }\n    }\n  }\n": types.ConsoleRequestAdmissionDocument,
    "\n  fragment ConsoleAdmissionRequest on AdmissionRequest {\n    id\n    status\n    version\n    patientAge\n    patientSex\n    discipline\n    urgency\n    wishedAt\n    clinicalSummary\n    patientName\n    callbackContact\n    createdAt\n    updatedAt\n    expiresAt\n    requester { name kind }\n    acceptedUnit { id name }\n    targets {\n      unit { id name }\n      establishment { id name organization { id } }\n      status\n      answer\n      refusalReason\n      comment\n      proposedAt\n      answeredBy\n      answeredAt\n    }\n  }\n": types.ConsoleAdmissionRequestFragmentDoc,
    "\n  query ConsoleAdmissionRequests($filter: AdmissionRequestFilter, $first: Int) {\n    admissionRequests(filter: $filter, first: $first) {\n      totalCount\n      edges { node { ...ConsoleAdmissionRequest } }\n    }\n  }\n": types.ConsoleAdmissionRequestsDocument,
    "\n  mutation ConsoleAnswerAdmissionRequest($id: ID!, $unitId: ID!, $input: AdmissionAnswerInput!, $expectedVersion: Int!) {\n    answerAdmissionRequest(id: $id, unitId: $unitId, input: $input, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n": types.ConsoleAnswerAdmissionRequestDocument,
    "\n  query ConsoleAdmissionRequest($id: ID!) {\n    admissionRequest(id: $id) { ...ConsoleAdmissionRequest }\n  }\n": types.ConsoleAdmissionRequestDocument,
    "\n  subscription ConsoleAdmissionRequestChanged($filter: AdmissionRequestChangeFilter) {\n    admissionRequestChanged(filter: $filter) {\n      position\n      action\n      at\n      actor\n      request { ...ConsoleAdmissionRequest }\n    }\n  }\n": types.ConsoleAdmissionRequestChangedDocument,
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
export function graphql(source: "\n  query ConsoleDashboardCapacity($departmentCode: String!) {\n    capacitySynthesis(groupBy: [DISCIPLINE], filter: { departmentCode: $departmentCode }) {\n      totals { units unitsWithoutCapacity installedBeds availableBeds oldestUpdate }\n      groups { key label totals { units unitsWithoutCapacity installedBeds availableBeds oldestUpdate } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleDashboardCapacity($departmentCode: String!) {\n    capacitySynthesis(groupBy: [DISCIPLINE], filter: { departmentCode: $departmentCode }) {\n      totals { units unitsWithoutCapacity installedBeds availableBeds oldestUpdate }\n      groups { key label totals { units unitsWithoutCapacity installedBeds availableBeds oldestUpdate } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDashboardTensions($departmentCode: String!) {\n    tensions(filter: { departmentCode: $departmentCode, status: IN_PROGRESS }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          establishment { id name }\n          disciplineGroup\n          level\n          levelDetail { rank label }\n          startedAt\n          declaredBy\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleDashboardTensions($departmentCode: String!) {\n    tensions(filter: { departmentCode: $departmentCode, status: IN_PROGRESS }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          establishment { id name }\n          disciplineGroup\n          level\n          levelDetail { rank label }\n          startedAt\n          declaredBy\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDashboardAdmissions($from: DateTime!, $to: DateTime!) {\n    admissionIndicators(from: $from, to: $to, period: WEEK, groupBy: ESTABLISHMENT) {\n      periodStart\n      establishment { id name address { departmentCode } }\n      received\n      accepted\n      refused\n      withdrawn\n      expired\n      medianAnswerMinutes\n    }\n  }\n"): (typeof documents)["\n  query ConsoleDashboardAdmissions($from: DateTime!, $to: DateTime!) {\n    admissionIndicators(from: $from, to: $to, period: WEEK, groupBy: ESTABLISHMENT) {\n      periodStart\n      establishment { id name address { departmentCode } }\n      received\n      accepted\n      refused\n      withdrawn\n      expired\n      medianAnswerMinutes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDashboardPopulation($departmentCode: String!) {\n    populationIndicators(level: DEPARTMENT, departmentCode: $departmentCode) {\n      areaCode\n      areaName\n      sector\n      establishments\n      populated\n      populatedRate\n      quality\n      qualityRate\n      band\n    }\n  }\n"): (typeof documents)["\n  query ConsoleDashboardPopulation($departmentCode: String!) {\n    populationIndicators(level: DEPARTMENT, departmentCode: $departmentCode) {\n      areaCode\n      areaName\n      sector\n      establishments\n      populated\n      populatedRate\n      quality\n      qualityRate\n      band\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleDashboardCapacityChanged($departmentCode: String!) {\n    capacityChanged(filter: { departmentCode: $departmentCode }) {\n      at\n      unit { name establishment { name } }\n      capacity { updatedBy }\n    }\n  }\n"): (typeof documents)["\n  subscription ConsoleDashboardCapacityChanged($departmentCode: String!) {\n    capacityChanged(filter: { departmentCode: $departmentCode }) {\n      at\n      unit { name establishment { name } }\n      capacity { updatedBy }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleDashboardTensionChanged($departmentCode: String!) {\n    tensionChanged(filter: { departmentCode: $departmentCode }) {\n      at\n      action\n      tension { establishment { name } }\n      entries { author }\n    }\n  }\n"): (typeof documents)["\n  subscription ConsoleDashboardTensionChanged($departmentCode: String!) {\n    tensionChanged(filter: { departmentCode: $departmentCode }) {\n      at\n      action\n      tension { establishment { name } }\n      entries { author }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDepartments {\n    populationIndicators(level: DEPARTMENT) { areaCode areaName sector }\n  }\n"): (typeof documents)["\n  query ConsoleDepartments {\n    populationIndicators(level: DEPARTMENT) { areaCode areaName sector }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDashboardUnits($departmentCode: String!, $after: String) {\n    units(filter: { departmentCode: $departmentCode }, first: 200, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id discipline capacity { installedBeds availableBeds updatedAt } } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleDashboardUnits($departmentCode: String!, $after: String) {\n    units(filter: { departmentCode: $departmentCode }, first: 200, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id discipline capacity { installedBeds availableBeds updatedAt } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDepartmentEstablishments($departmentCode: String!) {\n    establishments(filter: { departmentCode: $departmentCode }, first: 100) {\n      totalCount\n      edges { node { id name address { city } } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleDepartmentEstablishments($departmentCode: String!) {\n    establishments(filter: { departmentCode: $departmentCode }, first: 100) {\n      totalCount\n      edges { node { id name address { city } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleBjml($establishmentId: ID!) {\n    bjml(establishmentId: $establishmentId) {\n      year\n      week\n      years\n      expectedDays\n      observedDays\n      exitModeFilledRate\n      quality\n      bjml\n      mean\n      p75\n    }\n  }\n"): (typeof documents)["\n  query ConsoleBjml($establishmentId: ID!) {\n    bjml(establishmentId: $establishmentId) {\n      year\n      week\n      years\n      expectedDays\n      observedDays\n      exitModeFilledRate\n      quality\n      bjml\n      mean\n      p75\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleEmergencyIndicators($establishmentId: ID!, $from: String!, $to: String!) {\n    emergencyIndicators(establishmentId: $establishmentId, from: $from, to: $to) {\n      receptionCapacity\n      receptionCapacityIsDefault\n      days {\n        day\n        visits\n        visits75\n        admissionRate\n        admittedMeanLengthOfStay\n        presentAt15\n        loadAt15\n        source\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleEmergencyIndicators($establishmentId: ID!, $from: String!, $to: String!) {\n    emergencyIndicators(establishmentId: $establishmentId, from: $from, to: $to) {\n      receptionCapacity\n      receptionCapacityIsDefault\n      days {\n        day\n        visits\n        visits75\n        admissionRate\n        admittedMeanLengthOfStay\n        presentAt15\n        loadAt15\n        source\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleAlertProposal on AlertProposal {\n    id\n    establishment { id name }\n    day\n    signal\n    value\n    threshold\n    band\n    status\n    createdAt\n    decidedAt\n    decidedBy\n  }\n"): (typeof documents)["\n  fragment ConsoleAlertProposal on AlertProposal {\n    id\n    establishment { id name }\n    day\n    signal\n    value\n    threshold\n    band\n    status\n    createdAt\n    decidedAt\n    decidedBy\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAlertProposals($from: String!) {\n    waiting: alertProposals(status: PROPOSED) { ...ConsoleAlertProposal }\n    recent: alertProposals(from: $from) { ...ConsoleAlertProposal }\n  }\n"): (typeof documents)["\n  query ConsoleAlertProposals($from: String!) {\n    waiting: alertProposals(status: PROPOSED) { ...ConsoleAlertProposal }\n    recent: alertProposals(from: $from) { ...ConsoleAlertProposal }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAcknowledgeAlertProposal($id: ID!) {\n    acknowledgeAlertProposal(id: $id) { ...ConsoleAlertProposal }\n  }\n"): (typeof documents)["\n  mutation ConsoleAcknowledgeAlertProposal($id: ID!) {\n    acknowledgeAlertProposal(id: $id) { ...ConsoleAlertProposal }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDismissAlertProposal($id: ID!) {\n    dismissAlertProposal(id: $id) { ...ConsoleAlertProposal }\n  }\n"): (typeof documents)["\n  mutation ConsoleDismissAlertProposal($id: ID!) {\n    dismissAlertProposal(id: $id) { ...ConsoleAlertProposal }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMe {\n    me {\n      id\n      firstName\n      lastName\n      account { login }\n      roleAssignments { id role right perimeterKind perimeterId effectiveRights }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleMe {\n    me {\n      id\n      firstName\n      lastName\n      account { login }\n      roleAssignments { id role right perimeterKind perimeterId effectiveRights }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePlaceSearch($criteria: PlaceSearchInput!, $first: Int) {\n    placeSearch(criteria: $criteria, first: $first) {\n      totalCount\n      centre { latitude longitude radiusKm communeCode communeName }\n      edges {\n        node {\n          distanceKm\n          freeBeds\n          installedBeds\n          updatedAt\n          stale\n          unit {\n            id\n            name\n            discipline\n            establishment { id name }\n            contacts { role value channel { code display } nature { display } }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsolePlaceSearch($criteria: PlaceSearchInput!, $first: Int) {\n    placeSearch(criteria: $criteria, first: $first) {\n      totalCount\n      centre { latitude longitude radiusKm communeCode communeName }\n      edges {\n        node {\n          distanceKm\n          freeBeds\n          installedBeds\n          updatedAt\n          stale\n          unit {\n            id\n            name\n            discipline\n            establishment { id name }\n            contacts { role value channel { code display } nature { display } }\n          }\n        }\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query ConsoleAdmissionRequests($filter: AdmissionRequestFilter, $first: Int) {\n    admissionRequests(filter: $filter, first: $first) {\n      totalCount\n      edges { node { ...ConsoleAdmissionRequest } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleAdmissionRequests($filter: AdmissionRequestFilter, $first: Int) {\n    admissionRequests(filter: $filter, first: $first) {\n      totalCount\n      edges { node { ...ConsoleAdmissionRequest } }\n    }\n  }\n"];
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

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;