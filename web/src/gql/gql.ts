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
    "\n  fragment ConsoleCapacity on Capacity {\n    installedBeds\n    available { men women undifferentiated total }\n    closedBeds\n    reopenedBeds\n    reopenableBeds\n    mobilisedBeds\n    totalOperational\n    remainingToMobilise\n    notes\n    source\n    updatedAt\n    updatedBy\n    version\n  }\n": typeof types.ConsoleCapacityFragmentDoc,
    "\n  fragment ConsoleCapacityUnit on Unit {\n    id\n    name\n    ufCode\n    discipline\n    pole { id name }\n    establishment { id name organization { id } address { departmentCode } }\n    capacity { ...ConsoleCapacity }\n  }\n": typeof types.ConsoleCapacityUnitFragmentDoc,
    "\n  query ConsoleCapacityUnits($filter: UnitFilter!, $first: Int) {\n    units(filter: $filter, first: $first) {\n      totalCount\n      edges { node { ...ConsoleCapacityUnit } }\n    }\n  }\n": typeof types.ConsoleCapacityUnitsDocument,
    "\n  query ConsoleCapacityOrganization($id: ID!) {\n    organization(id: $id) { id establishments { id name } }\n  }\n": typeof types.ConsoleCapacityOrganizationDocument,
    "\n  query ConsoleCapacityEstablishments($first: Int) {\n    establishments(first: $first) { edges { node { id name } } }\n  }\n": typeof types.ConsoleCapacityEstablishmentsDocument,
    "\n  mutation ConsoleUpdateUnitCapacity($unitId: ID!, $input: CapacityInput!, $expectedVersion: Int!) {\n    updateUnitCapacity(unitId: $unitId, input: $input, expectedVersion: $expectedVersion) { ...ConsoleCapacity }\n  }\n": typeof types.ConsoleUpdateUnitCapacityDocument,
    "\n  mutation ConsoleUpdateCapacities($entries: [CapacityEntry!]!) {\n    updateCapacities(entries: $entries) { ...ConsoleCapacity }\n  }\n": typeof types.ConsoleUpdateCapacitiesDocument,
    "\n  subscription ConsoleCapacityChanged($filter: CapacityChangeFilter) {\n    capacityChanged(filter: $filter) {\n      id\n      at\n      unit { id }\n      capacity { ...ConsoleCapacity }\n    }\n  }\n": typeof types.ConsoleCapacityChangedDocument,
    "\n  query ConsoleCapacitySynthesis($groupBy: [CapacityGrouping!]!, $filter: CapacitySynthesisFilter) {\n    capacitySynthesis(groupBy: $groupBy, filter: $filter) {\n      totals { ...ConsoleCapacityTotals }\n      groups {\n        level key label totals { ...ConsoleCapacityTotals }\n        groups { level key label totals { ...ConsoleCapacityTotals } }\n      }\n    }\n  }\n": typeof types.ConsoleCapacitySynthesisDocument,
    "\n  fragment ConsoleCapacityTotals on CapacityTotals {\n    units\n    unitsWithoutCapacity\n    installedBeds\n    availableBeds\n    closedBeds\n    reopenedBeds\n    reopenableBeds\n    mobilisedBeds\n    totalOperational\n    remainingToMobilise\n    oldestUpdate\n  }\n": typeof types.ConsoleCapacityTotalsFragmentDoc,
    "\n  query ConsoleSavedCapacityFilters {\n    mySavedCapacityFilters { id name isDefault establishmentId disciplines }\n  }\n": typeof types.ConsoleSavedCapacityFiltersDocument,
    "\n  mutation ConsoleSaveCapacityFilter($input: SavedCapacityFilterInput!) {\n    saveCapacityFilter(input: $input) { id name isDefault establishmentId disciplines }\n  }\n": typeof types.ConsoleSaveCapacityFilterDocument,
    "\n  mutation ConsoleDeleteCapacityFilter($id: ID!) {\n    deleteCapacityFilter(id: $id)\n  }\n": typeof types.ConsoleDeleteCapacityFilterDocument,
    "\n  query ConsolePlannedClosures($filter: UnitFilter!, $first: Int) {\n    units(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n          establishment { id name }\n          plannedClosures { id startDate endDate beds reason notes createdAt createdBy }\n        }\n      }\n    }\n  }\n": typeof types.ConsolePlannedClosuresDocument,
    "\n  mutation ConsoleAddPlannedClosure($unitId: ID!, $input: PlannedClosureInput!) {\n    addPlannedClosure(unitId: $unitId, input: $input) { id }\n  }\n": typeof types.ConsoleAddPlannedClosureDocument,
    "\n  mutation ConsoleRemovePlannedClosure($id: ID!) {\n    removePlannedClosure(id: $id)\n  }\n": typeof types.ConsoleRemovePlannedClosureDocument,
    "\n  query ConsoleCapacitySnapshots {\n    capacitySnapshots(first: 1) { date takenAt units csvPath }\n  }\n": typeof types.ConsoleCapacitySnapshotsDocument,
    "\n  query ConsoleCapacityUnit($id: ID!) {\n    unit(id: $id) { ...ConsoleCapacityUnit }\n  }\n": typeof types.ConsoleCapacityUnitDocument,
    "\n  query ConsoleCapacityPerimeterPlace($establishmentId: ID!, $unitId: ID!, $byUnit: Boolean!) {\n    establishment(id: $establishmentId) @skip(if: $byUnit) { id name }\n    unit(id: $unitId) @include(if: $byUnit) { id establishment { id name } }\n  }\n": typeof types.ConsoleCapacityPerimeterPlaceDocument,
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
    "\n  fragment ConsoleCapacity on Capacity {\n    installedBeds\n    available { men women undifferentiated total }\n    closedBeds\n    reopenedBeds\n    reopenableBeds\n    mobilisedBeds\n    totalOperational\n    remainingToMobilise\n    notes\n    source\n    updatedAt\n    updatedBy\n    version\n  }\n": types.ConsoleCapacityFragmentDoc,
    "\n  fragment ConsoleCapacityUnit on Unit {\n    id\n    name\n    ufCode\n    discipline\n    pole { id name }\n    establishment { id name organization { id } address { departmentCode } }\n    capacity { ...ConsoleCapacity }\n  }\n": types.ConsoleCapacityUnitFragmentDoc,
    "\n  query ConsoleCapacityUnits($filter: UnitFilter!, $first: Int) {\n    units(filter: $filter, first: $first) {\n      totalCount\n      edges { node { ...ConsoleCapacityUnit } }\n    }\n  }\n": types.ConsoleCapacityUnitsDocument,
    "\n  query ConsoleCapacityOrganization($id: ID!) {\n    organization(id: $id) { id establishments { id name } }\n  }\n": types.ConsoleCapacityOrganizationDocument,
    "\n  query ConsoleCapacityEstablishments($first: Int) {\n    establishments(first: $first) { edges { node { id name } } }\n  }\n": types.ConsoleCapacityEstablishmentsDocument,
    "\n  mutation ConsoleUpdateUnitCapacity($unitId: ID!, $input: CapacityInput!, $expectedVersion: Int!) {\n    updateUnitCapacity(unitId: $unitId, input: $input, expectedVersion: $expectedVersion) { ...ConsoleCapacity }\n  }\n": types.ConsoleUpdateUnitCapacityDocument,
    "\n  mutation ConsoleUpdateCapacities($entries: [CapacityEntry!]!) {\n    updateCapacities(entries: $entries) { ...ConsoleCapacity }\n  }\n": types.ConsoleUpdateCapacitiesDocument,
    "\n  subscription ConsoleCapacityChanged($filter: CapacityChangeFilter) {\n    capacityChanged(filter: $filter) {\n      id\n      at\n      unit { id }\n      capacity { ...ConsoleCapacity }\n    }\n  }\n": types.ConsoleCapacityChangedDocument,
    "\n  query ConsoleCapacitySynthesis($groupBy: [CapacityGrouping!]!, $filter: CapacitySynthesisFilter) {\n    capacitySynthesis(groupBy: $groupBy, filter: $filter) {\n      totals { ...ConsoleCapacityTotals }\n      groups {\n        level key label totals { ...ConsoleCapacityTotals }\n        groups { level key label totals { ...ConsoleCapacityTotals } }\n      }\n    }\n  }\n": types.ConsoleCapacitySynthesisDocument,
    "\n  fragment ConsoleCapacityTotals on CapacityTotals {\n    units\n    unitsWithoutCapacity\n    installedBeds\n    availableBeds\n    closedBeds\n    reopenedBeds\n    reopenableBeds\n    mobilisedBeds\n    totalOperational\n    remainingToMobilise\n    oldestUpdate\n  }\n": types.ConsoleCapacityTotalsFragmentDoc,
    "\n  query ConsoleSavedCapacityFilters {\n    mySavedCapacityFilters { id name isDefault establishmentId disciplines }\n  }\n": types.ConsoleSavedCapacityFiltersDocument,
    "\n  mutation ConsoleSaveCapacityFilter($input: SavedCapacityFilterInput!) {\n    saveCapacityFilter(input: $input) { id name isDefault establishmentId disciplines }\n  }\n": types.ConsoleSaveCapacityFilterDocument,
    "\n  mutation ConsoleDeleteCapacityFilter($id: ID!) {\n    deleteCapacityFilter(id: $id)\n  }\n": types.ConsoleDeleteCapacityFilterDocument,
    "\n  query ConsolePlannedClosures($filter: UnitFilter!, $first: Int) {\n    units(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n          establishment { id name }\n          plannedClosures { id startDate endDate beds reason notes createdAt createdBy }\n        }\n      }\n    }\n  }\n": types.ConsolePlannedClosuresDocument,
    "\n  mutation ConsoleAddPlannedClosure($unitId: ID!, $input: PlannedClosureInput!) {\n    addPlannedClosure(unitId: $unitId, input: $input) { id }\n  }\n": types.ConsoleAddPlannedClosureDocument,
    "\n  mutation ConsoleRemovePlannedClosure($id: ID!) {\n    removePlannedClosure(id: $id)\n  }\n": types.ConsoleRemovePlannedClosureDocument,
    "\n  query ConsoleCapacitySnapshots {\n    capacitySnapshots(first: 1) { date takenAt units csvPath }\n  }\n": types.ConsoleCapacitySnapshotsDocument,
    "\n  query ConsoleCapacityUnit($id: ID!) {\n    unit(id: $id) { ...ConsoleCapacityUnit }\n  }\n": types.ConsoleCapacityUnitDocument,
    "\n  query ConsoleCapacityPerimeterPlace($establishmentId: ID!, $unitId: ID!, $byUnit: Boolean!) {\n    establishment(id: $establishmentId) @skip(if: $byUnit) { id name }\n    unit(id: $unitId) @include(if: $byUnit) { id establishment { id name } }\n  }\n": types.ConsoleCapacityPerimeterPlaceDocument,
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
export function graphql(source: "\n  fragment ConsoleCapacity on Capacity {\n    installedBeds\n    available { men women undifferentiated total }\n    closedBeds\n    reopenedBeds\n    reopenableBeds\n    mobilisedBeds\n    totalOperational\n    remainingToMobilise\n    notes\n    source\n    updatedAt\n    updatedBy\n    version\n  }\n"): (typeof documents)["\n  fragment ConsoleCapacity on Capacity {\n    installedBeds\n    available { men women undifferentiated total }\n    closedBeds\n    reopenedBeds\n    reopenableBeds\n    mobilisedBeds\n    totalOperational\n    remainingToMobilise\n    notes\n    source\n    updatedAt\n    updatedBy\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleCapacityUnit on Unit {\n    id\n    name\n    ufCode\n    discipline\n    pole { id name }\n    establishment { id name organization { id } address { departmentCode } }\n    capacity { ...ConsoleCapacity }\n  }\n"): (typeof documents)["\n  fragment ConsoleCapacityUnit on Unit {\n    id\n    name\n    ufCode\n    discipline\n    pole { id name }\n    establishment { id name organization { id } address { departmentCode } }\n    capacity { ...ConsoleCapacity }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCapacityUnits($filter: UnitFilter!, $first: Int) {\n    units(filter: $filter, first: $first) {\n      totalCount\n      edges { node { ...ConsoleCapacityUnit } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleCapacityUnits($filter: UnitFilter!, $first: Int) {\n    units(filter: $filter, first: $first) {\n      totalCount\n      edges { node { ...ConsoleCapacityUnit } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCapacityOrganization($id: ID!) {\n    organization(id: $id) { id establishments { id name } }\n  }\n"): (typeof documents)["\n  query ConsoleCapacityOrganization($id: ID!) {\n    organization(id: $id) { id establishments { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCapacityEstablishments($first: Int) {\n    establishments(first: $first) { edges { node { id name } } }\n  }\n"): (typeof documents)["\n  query ConsoleCapacityEstablishments($first: Int) {\n    establishments(first: $first) { edges { node { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateUnitCapacity($unitId: ID!, $input: CapacityInput!, $expectedVersion: Int!) {\n    updateUnitCapacity(unitId: $unitId, input: $input, expectedVersion: $expectedVersion) { ...ConsoleCapacity }\n  }\n"): (typeof documents)["\n  mutation ConsoleUpdateUnitCapacity($unitId: ID!, $input: CapacityInput!, $expectedVersion: Int!) {\n    updateUnitCapacity(unitId: $unitId, input: $input, expectedVersion: $expectedVersion) { ...ConsoleCapacity }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateCapacities($entries: [CapacityEntry!]!) {\n    updateCapacities(entries: $entries) { ...ConsoleCapacity }\n  }\n"): (typeof documents)["\n  mutation ConsoleUpdateCapacities($entries: [CapacityEntry!]!) {\n    updateCapacities(entries: $entries) { ...ConsoleCapacity }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleCapacityChanged($filter: CapacityChangeFilter) {\n    capacityChanged(filter: $filter) {\n      id\n      at\n      unit { id }\n      capacity { ...ConsoleCapacity }\n    }\n  }\n"): (typeof documents)["\n  subscription ConsoleCapacityChanged($filter: CapacityChangeFilter) {\n    capacityChanged(filter: $filter) {\n      id\n      at\n      unit { id }\n      capacity { ...ConsoleCapacity }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCapacitySynthesis($groupBy: [CapacityGrouping!]!, $filter: CapacitySynthesisFilter) {\n    capacitySynthesis(groupBy: $groupBy, filter: $filter) {\n      totals { ...ConsoleCapacityTotals }\n      groups {\n        level key label totals { ...ConsoleCapacityTotals }\n        groups { level key label totals { ...ConsoleCapacityTotals } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleCapacitySynthesis($groupBy: [CapacityGrouping!]!, $filter: CapacitySynthesisFilter) {\n    capacitySynthesis(groupBy: $groupBy, filter: $filter) {\n      totals { ...ConsoleCapacityTotals }\n      groups {\n        level key label totals { ...ConsoleCapacityTotals }\n        groups { level key label totals { ...ConsoleCapacityTotals } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleCapacityTotals on CapacityTotals {\n    units\n    unitsWithoutCapacity\n    installedBeds\n    availableBeds\n    closedBeds\n    reopenedBeds\n    reopenableBeds\n    mobilisedBeds\n    totalOperational\n    remainingToMobilise\n    oldestUpdate\n  }\n"): (typeof documents)["\n  fragment ConsoleCapacityTotals on CapacityTotals {\n    units\n    unitsWithoutCapacity\n    installedBeds\n    availableBeds\n    closedBeds\n    reopenedBeds\n    reopenableBeds\n    mobilisedBeds\n    totalOperational\n    remainingToMobilise\n    oldestUpdate\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleSavedCapacityFilters {\n    mySavedCapacityFilters { id name isDefault establishmentId disciplines }\n  }\n"): (typeof documents)["\n  query ConsoleSavedCapacityFilters {\n    mySavedCapacityFilters { id name isDefault establishmentId disciplines }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSaveCapacityFilter($input: SavedCapacityFilterInput!) {\n    saveCapacityFilter(input: $input) { id name isDefault establishmentId disciplines }\n  }\n"): (typeof documents)["\n  mutation ConsoleSaveCapacityFilter($input: SavedCapacityFilterInput!) {\n    saveCapacityFilter(input: $input) { id name isDefault establishmentId disciplines }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeleteCapacityFilter($id: ID!) {\n    deleteCapacityFilter(id: $id)\n  }\n"): (typeof documents)["\n  mutation ConsoleDeleteCapacityFilter($id: ID!) {\n    deleteCapacityFilter(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePlannedClosures($filter: UnitFilter!, $first: Int) {\n    units(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n          establishment { id name }\n          plannedClosures { id startDate endDate beds reason notes createdAt createdBy }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsolePlannedClosures($filter: UnitFilter!, $first: Int) {\n    units(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n          establishment { id name }\n          plannedClosures { id startDate endDate beds reason notes createdAt createdBy }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAddPlannedClosure($unitId: ID!, $input: PlannedClosureInput!) {\n    addPlannedClosure(unitId: $unitId, input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation ConsoleAddPlannedClosure($unitId: ID!, $input: PlannedClosureInput!) {\n    addPlannedClosure(unitId: $unitId, input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRemovePlannedClosure($id: ID!) {\n    removePlannedClosure(id: $id)\n  }\n"): (typeof documents)["\n  mutation ConsoleRemovePlannedClosure($id: ID!) {\n    removePlannedClosure(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCapacitySnapshots {\n    capacitySnapshots(first: 1) { date takenAt units csvPath }\n  }\n"): (typeof documents)["\n  query ConsoleCapacitySnapshots {\n    capacitySnapshots(first: 1) { date takenAt units csvPath }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCapacityUnit($id: ID!) {\n    unit(id: $id) { ...ConsoleCapacityUnit }\n  }\n"): (typeof documents)["\n  query ConsoleCapacityUnit($id: ID!) {\n    unit(id: $id) { ...ConsoleCapacityUnit }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCapacityPerimeterPlace($establishmentId: ID!, $unitId: ID!, $byUnit: Boolean!) {\n    establishment(id: $establishmentId) @skip(if: $byUnit) { id name }\n    unit(id: $unitId) @include(if: $byUnit) { id establishment { id name } }\n  }\n"): (typeof documents)["\n  query ConsoleCapacityPerimeterPlace($establishmentId: ID!, $unitId: ID!, $byUnit: Boolean!) {\n    establishment(id: $establishmentId) @skip(if: $byUnit) { id name }\n    unit(id: $unitId) @include(if: $byUnit) { id establishment { id name } }\n  }\n"];
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