/**
 * What Practitioner and PractitionerRole share: both are searched in the professionals subgraph
 * (`professionalSearch`, `situationSearch`: criteria as AND-lists of OR alternatives, keyset
 * sort, count on demand), and PractitionerRoles are what `_revinclude=PractitionerRole:…` adds to
 * Practitioner and HealthcareService pages. Situations come back already filtered by the caller's
 * access profile (D39): pages, counts and revincludes alike.
 */
import { professionalToPractitioner, situationToPractitionerRole } from '../mappers/practitioner.js';
import type { PractitionerRecord, PractitionerRoleRecord } from '../queries.js';
import type { HandlerContext } from '../records.js';
import type { FhirSearchResource } from '../types.js';
import { CriteriaBuilder } from './criteria.js';
import { mergeCriteria, type Criteria } from './filter.js';
import type { FetchedPage, PreparedSearch, SortCodes, SortRequest } from './definitions.js';
import { MAX_INCLUDED } from './engine.js';
import { PRACTITIONER_COUNT, PRACTITIONER_ROLE_COUNT, PRACTITIONER_ROLE_SEARCH, PRACTITIONER_SEARCH, run, type SearchPage } from './graphql.js';

export type ProfessionalCodeField = 'PROFESSIONAL' | 'NATIONAL_NUMBER' | 'PROFESSION' | 'SPECIALTY' | 'SITUATION' | 'UNIT' | 'ESTABLISHMENT' | 'SITUATION_IDENTIFIER' | 'REGION' | 'EXERCISE_MODE';
export type ProfessionalTextField = 'FAMILY' | 'GIVEN' | 'NAME';

export class ProfessionalCriteriaBuilder extends CriteriaBuilder<ProfessionalCodeField, ProfessionalTextField> {}

interface ProfessionalSearchSpec<N> {
  root: 'professionalSearch' | 'situationSearch';
  /** What every search of the type adds: only what the IG can describe is served (mappers/practitioner.ts `isExposed…`). */
  exposed: Criteria;
  query: string;
  countQuery: string;
  sorts: SortCodes;
  toResource: (node: N) => FhirSearchResource;
}

/** Each field has a value (one criterion per field, AND). */
function has(...fields: ProfessionalCodeField[]): Criteria {
  return { codes: fields.map((field) => ({ anyOf: [{ field, code: null }], not: false })) };
}

export const PRACTITIONERS: ProfessionalSearchSpec<PractitionerRecord> = {
  root: 'professionalSearch',
  exposed: has('NATIONAL_NUMBER'),
  query: PRACTITIONER_SEARCH,
  countQuery: PRACTITIONER_COUNT,
  sorts: { _id: 'ID', family: 'FAMILY', _lastUpdated: 'UPDATED_AT' },
  toResource: professionalToPractitioner,
};

export const PRACTITIONER_ROLES: ProfessionalSearchSpec<PractitionerRoleRecord> = {
  root: 'situationSearch',
  exposed: has('NATIONAL_NUMBER', 'PROFESSION', 'SPECIALTY', 'EXERCISE_MODE'),
  query: PRACTITIONER_ROLE_SEARCH,
  countQuery: PRACTITIONER_ROLE_COUNT,
  sorts: { _id: 'ID', _lastUpdated: 'UPDATED_AT' },
  toResource: situationToPractitionerRole,
};

/** Page size of id lookups and revincludes (the subgraphs' page maximum). */
const BATCH = 200;

async function page<N>(ctx: HandlerContext, spec: ProfessionalSearchSpec<N>, variables: Record<string, unknown>): Promise<SearchPage<N>> {
  const data = await run<Record<string, SearchPage<N>>>(ctx, spec.query, variables);
  return data[spec.root]!;
}

export function prepareProfessionals<N>(builder: ProfessionalCriteriaBuilder, ctx: HandlerContext, spec: ProfessionalSearchSpec<N>): PreparedSearch {
  if (builder.empty) return { empty: true, fetch: async () => ({ items: [], hasNext: false }), count: async () => 0 };
  const criteria = mergeCriteria(builder.criteria(), spec.exposed);
  return {
    fetch: async (sort: readonly SortRequest[], size: number, after: string | null): Promise<FetchedPage> => {
      const result = await page(ctx, spec, { criteria, sort: sort.map((s) => ({ key: spec.sorts[s.code], descending: s.descending })), first: size, after });
      return { items: result.edges.map((e) => ({ resource: spec.toResource(e.node), cursor: e.cursor })), hasNext: result.pageInfo.hasNextPage };
    },
    count: async () => (await run<Record<string, { totalCount: number }>>(ctx, spec.countQuery, { criteria }))[spec.root]!.totalCount,
  };
}

/**
 * Every resource whose `field` is one of `ids`, up to `limit` (chunks of ids, pages of BATCH).
 * The FHIR page's include budget bounds the reading, not the data.
 */
export async function professionalsWhere<N>(ctx: HandlerContext, spec: ProfessionalSearchSpec<N>, field: ProfessionalCodeField, ids: readonly string[], limit: number): Promise<FhirSearchResource[]> {
  const resources: FhirSearchResource[] = [];
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length && resources.length < limit; i += BATCH) {
    const criteria = mergeCriteria({ codes: [{ anyOf: unique.slice(i, i + BATCH).map((code) => ({ field, code })), not: false }] }, spec.exposed);
    let after: string | null = null;
    do {
      const result: SearchPage<N> = await page(ctx, spec, { criteria, first: BATCH, after });
      resources.push(...result.edges.map((e) => spec.toResource(e.node)));
      after = result.pageInfo.hasNextPage ? result.pageInfo.endCursor : null;
    } while (after && resources.length < limit);
  }
  return resources.slice(0, limit);
}

/** Situations a reverse chain reads at most (`HealthcareService?_has:PractitionerRole:service:…`). */
export const MAX_REVERSE_CHAINED = 10_000;

/**
 * The units of every situation matching `builder` the caller may see, or null when more than
 * MAX_REVERSE_CHAINED situations match (the criterion is too broad to turn into unit ids).
 */
export async function unitsOfSituations(builder: ProfessionalCriteriaBuilder, ctx: HandlerContext): Promise<string[] | null> {
  if (builder.empty) return [];
  const criteria = mergeCriteria(builder.criteria(), PRACTITIONER_ROLES.exposed);
  const units = new Set<string>();
  let read = 0;
  let after: string | null = null;
  do {
    const result: SearchPage<PractitionerRoleRecord> = await page(ctx, PRACTITIONER_ROLES, { criteria, first: BATCH, after });
    for (const edge of result.edges) units.add(edge.node.unit.id);
    read += result.edges.length;
    if (read > MAX_REVERSE_CHAINED) return null;
    after = result.pageInfo.hasNextPage ? result.pageInfo.endCursor : null;
  } while (after);
  return [...units];
}

/** The PractitionerRoles of these units or practitioners, one more than a page may include (so the engine says it cut). */
export const rolesWhere = (field: 'UNIT' | 'PROFESSIONAL', ids: readonly string[], ctx: HandlerContext): Promise<FhirSearchResource[]> =>
  professionalsWhere(ctx, PRACTITIONER_ROLES, field, ids, MAX_INCLUDED + 1);
