/**
 * The GraphQL the search runs through the gateway's executor: the offer's `unitSearch` and
 * `structureSearch`, the capacities' `unitsWithCapacity`. Search results select exactly what the
 * reads select (the selections are taken from fhir/queries.ts), so a searched resource is the
 * resource a read returns.
 */
import { Kind, parse, print, visit, type FieldNode, type GraphQLFormattedError, type SelectionNode } from 'graphql';
import { CAPACITY_PART_FIELDS, ESTABLISHMENT_QUERY, HEALTHCARE_SERVICE_QUERY, LOCATION_QUERY, ORGANIZATION_QUERY, PRACTITIONER_FIELDS, PRACTITIONER_ROLE_FIELDS } from '../queries.js';
import type { EstablishmentRecord, HealthcareServiceRecord, LocationRecord, OrganizationRecord } from '../queries.js';
import { OperationOutcomeError, fromGraphQLErrors } from '../outcomes.js';
import type { HandlerContext } from '../records.js';
import type { CapacityFigureFilter } from './capacity.js';
import type { PlaceFeatureFilter } from './features.js';

/** The selections of the first `field` in a document, as graphql-js parsed them. */
export function selectionOf(document: string, field: string): readonly SelectionNode[] {
  let found: FieldNode | undefined;
  visit(parse(document), {
    Field(node) {
      if (found || node.name.value !== field) return undefined;
      found = node;
      return false;
    },
  });
  if (!found?.selectionSet) throw new Error(`No selection for ${field}`);
  return found.selectionSet.selections;
}

/**
 * A document from a template whose fragment spreads `...NAME` stand for the selections given by
 * name: built on the AST (parse, replace, print), never by splicing text. Each document is built
 * once, when this module loads, so every search sends the same text and the gateway's document
 * and query-plan caches hit (no parsing or planning per request).
 */
export function buildDocument(template: string, parts: Readonly<Record<string, readonly SelectionNode[]>>): string {
  const document = visit(parse(template), {
    SelectionSet(node) {
      if (!node.selections.some((s) => s.kind === Kind.FRAGMENT_SPREAD && s.name.value in parts)) return undefined;
      const selections = node.selections.flatMap((s) => (s.kind === Kind.FRAGMENT_SPREAD && s.name.value in parts ? parts[s.name.value]! : [s]));
      return { ...node, selections };
    },
  });
  return print(document);
}

const PAGE = `pageInfo { hasNextPage endCursor }`;

const unitSearchQuery = (name: string, node: readonly SelectionNode[]): string =>
  buildDocument(
    // A template, not an operation (codegen skips it): buildDocument fills its NODE spread.
    `
      query ${name}($criteria: UnitCriteria!, $sort: [SearchSort!], $first: Int, $after: String) {
        unitSearch(criteria: $criteria, sort: $sort, first: $first, after: $after) {
          edges { cursor distanceKm node { ...NODE } }
          ${PAGE}
        }
      }
    `,
    { NODE: node },
  );

const LOCATION_NODE = selectionOf(LOCATION_QUERY, 'unit');
const ESTABLISHMENT_NODE = selectionOf(ESTABLISHMENT_QUERY, 'establishment');

export const HEALTHCARE_SERVICE_SEARCH = unitSearchQuery('FhirHealthcareServiceSearch', selectionOf(HEALTHCARE_SERVICE_QUERY, 'unit'));
export const LOCATION_SEARCH = unitSearchQuery('FhirLocationSearch', LOCATION_NODE);

/**
 * Locations with their establishment read in full, for `_include=Location:organization`: the
 * included Organizations come with the page (the offer resolves `establishment` itself), instead
 * of a second `structureSearch` by id.
 */
const LOCATION_WITH_ORGANIZATION_NODE = selectionOf(
  buildDocument(`{ unit { ...LOCATION includedEstablishment: establishment { ...ESTABLISHMENT } } }`, { LOCATION: LOCATION_NODE, ESTABLISHMENT: ESTABLISHMENT_NODE }),
  'unit',
);
export const LOCATION_WITH_ORGANIZATION_SEARCH = unitSearchQuery('FhirLocationWithOrganizationSearch', LOCATION_WITH_ORGANIZATION_NODE);

/**
 * A page of a Location capacity search in one operation (D220): the capacities'
 * `capacityMatches` keeps the first `$first` of the candidates the offer ordered, with their
 * capacity record, and the gateway reads the rest of each unit in the offer from that answer.
 * `capacity` is read on the match, not on the unit: `Unit.capacity` requires the offer's SSE
 * capacity, which would put a second capacities fetch after the offer's. With `$qualify` (a first
 * page) the same capacities fetch also says which of the offer's matching units qualify: the total.
 */
const capacityPageQuery = (name: string, node: readonly SelectionNode[]): string => {
  const isCapacity = (s: SelectionNode): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'capacity';
  const capacity = node.find(isCapacity)?.selectionSet?.selections;
  if (!capacity) throw new Error(`${name}: the node selects no capacity`);
  return buildDocument(
    // A template, not an operation (codegen skips it): buildDocument fills its spreads.
    `
      query ${name}($filter: CapacityFigureFilter!, $unitIds: [ID!]!, $first: Int!, $qualify: Boolean!, $matchingIds: [ID!]) {
        unitsWithCapacity(filter: $filter, unitIds: $matchingIds) @include(if: $qualify)
        capacityMatches(filter: $filter, unitIds: $unitIds, first: $first) { capacity { ...CAPACITY } unit { ...UNIT } }
      }
    `,
    { CAPACITY: capacity, UNIT: node.filter((s) => !isCapacity(s)) },
  );
};

export const LOCATION_CAPACITY_PAGE = capacityPageQuery('FhirLocationCapacityPage', LOCATION_NODE);
export const LOCATION_WITH_ORGANIZATION_CAPACITY_PAGE = capacityPageQuery('FhirLocationWithOrganizationCapacityPage', LOCATION_WITH_ORGANIZATION_NODE);

/**
 * Candidates of a filtered search: ids, cursors and distances only (the page's kept ones are then
 * read in full). With `$matching` (a first page) the offer also lists every matching unit when at
 * most 10,000 do, so that one capacities request thins every batch of the page and counts the total.
 */
export const UNIT_IDS = /* GraphQL */ `
  query FhirUnitIds($criteria: UnitCriteria!, $sort: [SearchSort!], $first: Int, $after: String, $matching: Boolean! = false) {
    unitSearch(criteria: $criteria, sort: $sort, first: $first, after: $after) {
      edges { cursor distanceKm node { id } }
      ${PAGE}
      matchingIds @include(if: $matching)
    }
  }
`;

export const UNIT_COUNT = /* GraphQL */ `
  query FhirUnitCount($criteria: UnitCriteria!) { unitSearch(criteria: $criteria, first: 0) { totalCount } }
`;

/** The positions of the units of a commune (`near-insee-code`: its point is their mean). */
export const COMMUNE_POSITIONS = /* GraphQL */ `
  query FhirCommunePositions($criteria: UnitCriteria!) { unitSearch(criteria: $criteria, first: 200) { edges { node { position { latitude longitude } } } } }
`;

export const ORGANIZATION_SEARCH = buildDocument(
  // A template, not an operation (codegen skips it): buildDocument fills its fragment spreads.
  `
    query FhirOrganizationSearch($criteria: StructureCriteria!, $sort: [SearchSort!], $first: Int, $after: String) {
      structureSearch(criteria: $criteria, sort: $sort, first: $first, after: $after) {
        edges {
          cursor
          node {
            __typename
            ... on Establishment { ...ESTABLISHMENT }
            ... on Organization { ...ORGANIZATION }
          }
        }
        ${PAGE}
      }
    }
  `,
  { ESTABLISHMENT: ESTABLISHMENT_NODE, ORGANIZATION: selectionOf(ORGANIZATION_QUERY, 'organization') },
);

export const STRUCTURE_COUNT = /* GraphQL */ `
  query FhirStructureCount($criteria: StructureCriteria!) { structureSearch(criteria: $criteria, first: 0) { totalCount } }
`;

export const UNITS_WITH_CAPACITY = /* GraphQL */ `
  query FhirUnitsWithCapacity($filter: CapacityFigureFilter!, $unitIds: [ID!]) { unitsWithCapacity(filter: $filter, unitIds: $unitIds) }
`;

export const UNITS_WITH_PLACE_FEATURES = /* GraphQL */ `
  query FhirUnitsWithPlaceFeatures($filter: PlaceFeatureFilter!, $unitIds: [ID!]) { unitsWithPlaceFeatures(filter: $filter, unitIds: $unitIds) }
`;

/** Practitioner search: the professionals subgraph's `professionalSearch`, selecting what reads select. */
export const PRACTITIONER_SEARCH = /* GraphQL */ `
  query FhirPractitionerSearch($criteria: ProfessionalSearchCriteria!, $sort: [ProfessionalSort!], $first: Int, $after: String) {
    professionalSearch(criteria: $criteria, sort: $sort, first: $first, after: $after) {
      edges { cursor node { ...FhirPractitionerFields } }
      ${PAGE}
    }
  }
  ${PRACTITIONER_FIELDS}
`;

export const PRACTITIONER_COUNT = /* GraphQL */ `
  query FhirPractitionerCount($criteria: ProfessionalSearchCriteria!) { professionalSearch(criteria: $criteria, first: 0) { totalCount } }
`;

/** PractitionerRole search (and `_revinclude` of PractitionerRole): `situationSearch`, filtered by access profile in the subgraph. */
export const PRACTITIONER_ROLE_SEARCH = /* GraphQL */ `
  query FhirPractitionerRoleSearch($criteria: ProfessionalSearchCriteria!, $sort: [ProfessionalSort!], $first: Int, $after: String) {
    situationSearch(criteria: $criteria, sort: $sort, first: $first, after: $after) {
      edges { cursor node { ...FhirPractitionerRoleFields } }
      ${PAGE}
    }
  }
  ${PRACTITIONER_ROLE_FIELDS}
`;

export const PRACTITIONER_ROLE_COUNT = /* GraphQL */ `
  query FhirPractitionerRoleCount($criteria: ProfessionalSearchCriteria!) { situationSearch(criteria: $criteria, first: 0) { totalCount } }
`;

/** Every search document, by operation name (checked against the supergraph by the tests). */
export const FHIR_SEARCH_OPERATIONS = {
  FhirHealthcareServiceSearch: HEALTHCARE_SERVICE_SEARCH,
  FhirLocationSearch: LOCATION_SEARCH,
  FhirUnitCount: UNIT_COUNT,
  FhirCommunePositions: COMMUNE_POSITIONS,
  FhirOrganizationSearch: ORGANIZATION_SEARCH,
  FhirStructureCount: STRUCTURE_COUNT,
  FhirUnitsWithCapacity: UNITS_WITH_CAPACITY,
  FhirUnitsWithPlaceFeatures: UNITS_WITH_PLACE_FEATURES,
  FhirPractitionerSearch: PRACTITIONER_SEARCH,
  FhirPractitionerCount: PRACTITIONER_COUNT,
  FhirPractitionerRoleSearch: PRACTITIONER_ROLE_SEARCH,
  FhirPractitionerRoleCount: PRACTITIONER_ROLE_COUNT,
  FhirUnitIds: UNIT_IDS,
  FhirLocationWithOrganizationSearch: LOCATION_WITH_ORGANIZATION_SEARCH,
  FhirLocationCapacityPage: LOCATION_CAPACITY_PAGE,
  FhirLocationWithOrganizationCapacityPage: LOCATION_WITH_ORGANIZATION_CAPACITY_PAGE,
} as const;

export interface SearchEdge<N> {
  cursor: string;
  distanceKm?: number | null;
  node: N;
}

/** The answer of a capacity page: the unit without its capacity, which comes beside it. */
export interface CapacityPage<N> {
  unitsWithCapacity?: string[];
  capacityMatches: Array<{ capacity: unknown; unit: Omit<N, 'capacity'> }>;
}

export interface SearchPage<N> {
  edges: SearchEdge<N>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export type StructureNode = (EstablishmentRecord & { __typename: 'Establishment' }) | (OrganizationRecord & { __typename: 'Organization' });

/** A FORBIDDEN on a node's `capacity` (or housing, equipment limits) only hides that part from this caller (as on reads). */
const capacityHidden = (e: GraphQLFormattedError): boolean => e.extensions?.code === 'FORBIDDEN' && CAPACITY_PART_FIELDS.includes(String(e.path?.at(-1)));

/** Runs one operation; any error (but hidden capacities) becomes the OperationOutcome of its code. */
export async function run<T>(ctx: HandlerContext, query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await ctx.execute<T>({ query, variables }, ctx.caller);
  const errors = (result.errors ?? []).filter((e) => !capacityHidden(e));
  if (errors.length > 0 || !result.data) throw new OperationOutcomeError(fromGraphQLErrors(errors));
  return result.data;
}

export type { HealthcareServiceRecord, LocationRecord };

/** Units (among `unitIds`, or all) with a capacity figure meeting `filter`; FORBIDDEN (403) without capacity read access. */
export async function unitsWithCapacity(ctx: HandlerContext, filter: CapacityFigureFilter, unitIds?: readonly string[]): Promise<string[]> {
  const data = await run<{ unitsWithCapacity: string[] }>(ctx, UNITS_WITH_CAPACITY, { filter, ...(unitIds ? { unitIds } : {}) });
  return data.unitsWithCapacity;
}

/** Units (among `unitIds`, or all) whose housing or equipment limits meet `filter`; FORBIDDEN (403) without capacity read access. */
export async function unitsWithPlaceFeatures(ctx: HandlerContext, filter: PlaceFeatureFilter, unitIds?: readonly string[]): Promise<string[]> {
  const data = await run<{ unitsWithPlaceFeatures: string[] }>(ctx, UNITS_WITH_PLACE_FEATURES, { filter, ...(unitIds ? { unitIds } : {}) });
  return data.unitsWithPlaceFeatures;
}

/** Like unitsWithCapacity, but null when the caller may not read capacity at all (their Locations show none). */
export async function unitsWithVisibleCapacity(ctx: HandlerContext, filter: CapacityFigureFilter): Promise<string[] | null> {
  const result = await ctx.execute<{ unitsWithCapacity: string[] }>({ query: UNITS_WITH_CAPACITY, variables: { filter } }, ctx.caller);
  const errors = result.errors ?? [];
  if (errors.length > 0 && errors.every((e) => e.extensions?.code === 'FORBIDDEN')) return null;
  if (errors.length > 0 || !result.data) throw new OperationOutcomeError(fromGraphQLErrors(errors));
  return result.data.unitsWithCapacity;
}
