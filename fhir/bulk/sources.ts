/**
 * Where each exportable FHIR type comes from: one entry per type, each a list of GraphQL list
 * queries paged to the end with the export's principal, and the same mapper the FHIR read uses.
 *
 * The node selection of every list query is taken from the read query of the same resource
 * (fhir/queries.ts), so an exported resource is built from exactly the fields its read is, and a
 * field added to a read reaches the export without a second edit (fragment definitions of the
 * read query go along).
 */
import { Kind, parse, print, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import type { CallerCredentials, GraphQLExecutor } from '../../platform/executor.js';
import type { Scope } from '../../platform/auth/identity.js';
import { establishmentToOrganization, legalEntityToOrganization } from '../mappers/organization.js';
import { unitToHealthcareService } from '../mappers/healthcare-service.js';
import { unitToLocation } from '../mappers/location.js';
import { isExposedPractitioner, isExposedSituation, professionalToPractitioner, situationToPractitionerRole } from '../mappers/practitioner.js';
import { OperationOutcomeError, fromGraphQLErrors } from '../outcomes.js';
import { selectionPath } from '../records.js';
import { UNITS_WITH_CAPACITY } from '../search/graphql.js';
import { exportFailed } from './outcomes.js';
import {
  ESTABLISHMENT_QUERY,
  HEALTHCARE_SERVICE_QUERY,
  CAPACITY_PART_FIELDS,
  LOCATION_QUERY,
  ORGANIZATION_QUERY,
  PRACTITIONER_QUERY,
  PRACTITIONER_ROLE_FIELDS,
  type EstablishmentRecord,
  type HealthcareServiceRecord,
  type LocationRecord,
  type OrganizationRecord,
  type PractitionerRecord,
  type PractitionerRoleRecord,
} from '../queries.js';
import type { HealthcareService, Location, Organization, Practitioner, PractitionerRole } from '../types.js';

export type ExportedResource = Organization | HealthcareService | Location | Practitioner | PractitionerRole;

/** The largest page the offer subgraph serves (platform/pagination.ts MAX_PAGE_SIZE). */
export const PAGE_SIZE = 200;

/** One paged GraphQL list and how its nodes become resources. */
interface ListPass<R> {
  /** Root list field (`units`, `establishments`, `organizations`). */
  field: string;
  /** Arguments of the list besides paging, as GraphQL source. */
  args: string;
  /** The read query whose root field's selection the nodes get. */
  readQuery: string;
  /** One resource per node, or several (a professional's situations). */
  map: (record: R) => ExportedResource | ExportedResource[];
  /** Nullable node fields whose FORBIDDEN error means "not visible to this principal" (as in records.ts). */
  hiddenWhenForbidden?: readonly string[];
  /** How the list is read when `_since` is given: only the records changed since, decided in SQL. */
  since: SinceRead;
}

/**
 * A `_since` read: a root list field whose arguments narrow it to the records that may have
 * changed since the instant (the `updated_at` indexes of the subgraph, as `_lastUpdated`
 * searches use them). It must return a superset of the records whose resource's
 * meta.lastUpdated is later: the runner still keeps only those (`isNewer`).
 */
export interface SinceRead {
  /** Reads sharing a key are one read (HealthcareService and Location: the same units). */
  key: string;
  field: string;
  /** Variable definitions, e.g. `$criteria: UnitCriteria!`. */
  variables: string;
  /** Arguments besides paging, using the variables. */
  args: string;
  /** Type condition of the node when the field lists a union (structureSearch). */
  on?: string;
  /** The variables' values for `since`, read as the export's principal when they need a read. */
  values: (since: string, read: CallerRead) => Promise<Record<string, unknown>>;
}

/** Runs a GraphQL read as the export's principal (one authorisation path: the gateway's). */
export type CallerRead = <T>(query: string, variables: Record<string, unknown>) => Promise<FormattedExecutionResult<T>>;

export interface BulkSource {
  type: ExportedResource['resourceType'];
  passes: ListPass<never>[];
  /**
   * The application scope the type's reads need besides offer.read: an export without `_type`
   * leaves the type out for an application without it, one naming it is refused (403).
   */
  scope?: Scope;
}

const pass = <R>(p: ListPass<R>): ListPass<never> => p as unknown as ListPass<never>;

/** A professional's situations as PractitionerRole reads them (the root field only names the node type). */
const PROFESSIONAL_SITUATIONS = /* GraphQL */ `
  query FhirBulkSituations($id: ID!) {
    professional(id: $id) { situations { ...FhirPractitionerRoleFields } }
  }
  ${PRACTITIONER_ROLE_FIELDS}
`;

/** Every unit the FHIR read serves: archived ones too (read as inactive). */
const ALL_UNITS = 'filter: { includeArchived: true }';

/** Keyset order of the search fields (id), so a page's cursor is stable while rows change. */
const BY_ID = 'sort: [{ key: ID }]';

/**
 * The units whose HealthcareService or Location may have changed since: the place (the unit, or
 * its establishment when the unit uses its address) changed, or the capacity the principal may
 * read changed, as Location `_lastUpdated` searches decide it (fhir/search/types/location.ts).
 */
const UNITS_SINCE: SinceRead = {
  key: 'units',
  field: 'unitSearch',
  variables: '$criteria: UnitCriteria!',
  args: `criteria: $criteria, ${BY_ID}`,
  values: async (since, read) => {
    const orIds = await capacityChangedSince(since, read);
    // The ids go with every page's request: past a bound, reading every unit costs less (the
    // runner's lastUpdated test still keeps only the changed ones).
    if (orIds.length > MAX_CHANGED_IDS) return { criteria: {} };
    return { criteria: { placeChanged: [{ from: since, ...(orIds.length ? { orIds } : {}) }] } };
  },
};

/** Units with a changed capacity beyond which a `_since` read takes every unit (offer's limit: 100,000). */
export const MAX_CHANGED_IDS = 10_000;

/** Units whose capacity visible to the principal changed since; none for one who may not read capacity. */
async function capacityChangedSince(since: string, read: CallerRead): Promise<string[]> {
  const result = await read<{ unitsWithCapacity: string[] }>(UNITS_WITH_CAPACITY, { filter: { figures: ['INSTALLED'], updated: [[{ from: since }]] } });
  const errors = result.errors ?? [];
  if (errors.length > 0 && errors.every((e) => e.extensions?.code === 'FORBIDDEN')) return [];
  if (errors.length > 0 || !result.data) throw new OperationOutcomeError(fromGraphQLErrors(errors));
  return result.data.unitsWithCapacity;
}

/** Establishments (EG) or legal entities (EJ) updated since, through the structure search. */
const structuresSince = (kind: 'EG' | 'EJ', on: string): SinceRead => ({
  key: `structures-${kind}`,
  field: 'structureSearch',
  variables: '$criteria: StructureCriteria!',
  args: `criteria: $criteria, ${BY_ID}`,
  on,
  values: async (since) => ({ criteria: { codes: [{ anyOf: [{ field: 'KIND', code: kind }] }], updated: [[{ from: since }]] } }),
});

/** Professionals whose record changed since (every placement change moves it). */
const PROFESSIONALS_SINCE: SinceRead = {
  key: 'professionals',
  field: 'professionalChanges',
  variables: '$since: DateTime',
  args: 'updatedSince: $since',
  values: async (since) => ({ since }),
};

export const BULK_SOURCES: readonly BulkSource[] = [
  {
    type: 'Organization',
    // EGs then EJs: Organization/{id} is either (registry.ts reads the EG first).
    passes: [
      pass<EstablishmentRecord>({
        field: 'establishments',
        args: '',
        readQuery: ESTABLISHMENT_QUERY,
        map: establishmentToOrganization,
        since: structuresSince('EG', 'Establishment'),
      }),
      pass<OrganizationRecord>({
        field: 'organizations',
        args: '',
        readQuery: ORGANIZATION_QUERY,
        map: legalEntityToOrganization,
        since: structuresSince('EJ', 'Organization'),
      }),
    ],
  },
  {
    type: 'HealthcareService',
    passes: [
      pass<HealthcareServiceRecord>({ field: 'units', args: ALL_UNITS, readQuery: HEALTHCARE_SERVICE_QUERY, map: unitToHealthcareService, since: UNITS_SINCE }),
    ],
  },
  {
    type: 'Location',
    passes: [
      pass<LocationRecord>({
        field: 'units',
        args: ALL_UNITS,
        readQuery: LOCATION_QUERY,
        map: unitToLocation,
        hiddenWhenForbidden: CAPACITY_PART_FIELDS,
        since: UNITS_SINCE,
      }),
    ],
  },
  {
    type: 'Practitioner',
    scope: 'professional.read',
    // Every professional, archived ones included (read as inactive), oldest change first.
    passes: [
      pass<PractitionerRecord>({ field: 'professionalChanges', args: '', readQuery: PRACTITIONER_QUERY, map: (record) => (isExposedPractitioner(record) ? professionalToPractitioner(record) : []), since: PROFESSIONALS_SINCE }),
    ],
  },
  {
    type: 'PractitionerRole',
    scope: 'professional.read',
    // The situations GraphQL shows this principal (access profiles applied by the professionals subgraph).
    passes: [
      pass<{ situations: PractitionerRoleRecord[] }>({
        field: 'professionalChanges',
        args: '',
        readQuery: PROFESSIONAL_SITUATIONS,
        map: (record) => record.situations.filter(isExposedSituation).map(situationToPractitionerRole),
        since: PROFESSIONALS_SINCE,
      }),
    ],
  },
];

export const EXPORTABLE_TYPES: readonly string[] = BULK_SOURCES.map((s) => s.type);

export function sourceOf(type: string): BulkSource | undefined {
  return BULK_SOURCES.find((s) => s.type === type);
}

/** The selection set of a read query's root field, printed: `{ id name … }`. */
export function rootSelection(readQuery: string): string {
  const operation = parse(readQuery).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const root = operation?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD);
  if (!root?.selectionSet) throw new Error('A read query must select fields of one root field');
  return print(root.selectionSet);
}

/** The fragment definitions of a read query, printed one by one. */
function fragmentsOf(readQuery: string): string[] {
  return parse(readQuery)
    .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
    .map((d) => print(d));
}

/**
 * The types an export covers, from those requested (named by `_type`, or every exportable type):
 * a type needing a scope the application lacks is left out of a default export, and listed in
 * `refused` when `_type` named it.
 */
export function typesFor(requested: string[], named: boolean, scopes: readonly string[]): { types: string[]; refused: string[] } {
  const allowed = (type: string) => {
    const scope = sourceOf(type)?.scope;
    return scope === undefined || scopes.includes(scope);
  };
  return { types: requested.filter(allowed), refused: named ? requested.filter((t) => !allowed(t)) : [] };
}

/**
 * One paged read of a GraphQL list feeding one or more types: when HealthcareService and Location
 * are both exported, one `units` read (the two read selections merged) feeds both, so every unit
 * is read once per export, not once per type.
 */
export interface PlannedPass {
  /** Passes with the same key are merged. */
  key: string;
  field: string;
  /** Variable definitions besides `$after` (empty for a full read). */
  variables: string;
  args: string;
  on?: string;
  /** The variables' values, computed once per export as its principal. */
  values: (read: CallerRead) => Promise<Record<string, unknown>>;
  /** The types this pass writes (passes sharing a type run one after the other). */
  types: string[];
  selections: string[];
  /** Fragment definitions the selections spread, without repeats. */
  fragments: string[];
  hiddenWhenForbidden: string[];
  maps: ((record: never) => ExportedResource | ExportedResource[])[];
}

/** The read of a pass: its whole list, or (with `_since`) the records changed since. */
function readOf(p: ListPass<never>, since: string | null): Pick<PlannedPass, 'key' | 'field' | 'variables' | 'args' | 'on' | 'values'> {
  if (since === null) return { key: `${p.field}(${p.args})`, field: p.field, variables: '', args: p.args, values: async () => ({}) };
  const read = p.since;
  return { key: read.key, field: read.field, variables: read.variables, args: read.args, on: read.on, values: (caller) => read.values(since, caller) };
}

/**
 * The passes of an export of `types` (changed since `since`, an ISO instant, when given), in the
 * types' order, passes over the same list merged.
 */
export function planPasses(types: readonly string[], since: string | null = null): PlannedPass[] {
  const planned: PlannedPass[] = [];
  for (const type of types) {
    const source = sourceOf(type);
    // A job recorded before an upgrade may name a type this version no longer exports.
    if (!source) throw new OperationOutcomeError(exportFailed(`This server no longer exports ${type}`));
    for (const p of source.passes) {
      const read = readOf(p, since);
      const same = planned.find((q) => q.key === read.key);
      const target: PlannedPass = same ?? { ...read, types: [], selections: [], fragments: [], hiddenWhenForbidden: [], maps: [] };
      if (!same) planned.push(target);
      if (!target.types.includes(type)) target.types.push(type);
      target.selections.push(rootSelection(p.readQuery));
      for (const fragment of fragmentsOf(p.readQuery)) if (!target.fragments.includes(fragment)) target.fragments.push(fragment);
      target.hiddenWhenForbidden.push(...(p.hiddenWhenForbidden ?? []));
      target.maps.push(p.map);
    }
  }
  return planned;
}

/**
 * The passes grouped in lanes that may run side by side: passes writing a common type stay in one
 * lane, in order (an Organization file lists establishments first, then legal entities).
 */
export function lanesOf(passes: readonly PlannedPass[]): PlannedPass[][] {
  const lanes: PlannedPass[][] = [];
  for (const p of passes) {
    const lane = lanes.find((l) => l.some((q) => q.types.some((t) => p.types.includes(t))));
    if (lane) lane.push(p);
    else lanes.push([p]);
  }
  return lanes;
}

/** The list query of a pass: the selections' fields side by side (GraphQL merges repeated fields). */
function listQuery(p: PlannedPass): string {
  const variables = ['$after: String', p.variables].filter(Boolean).join(', ');
  const args = [p.args, `first: ${PAGE_SIZE}`, 'after: $after'].filter(Boolean).join(', ');
  const fields = p.selections.map((s) => s.trim().slice(1, -1)).join('\n');
  const node = p.on ? `__typename ... on ${p.on} { ${fields} }` : fields;
  return [
    `query FhirBulk_${p.field}(${variables}) { ${p.field}(${args}) { edges { node { ${node} } } pageInfo { hasNextPage endCursor } } }`,
    ...p.fragments,
  ].join('\n');
}

/** Whether an error only hides one node's nullable field from this principal. */
function isHiddenField(error: GraphQLFormattedError, p: PlannedPass): boolean {
  if (error.extensions?.code !== 'FORBIDDEN' || !error.path) return false;
  const path = selectionPath(error.path);
  return (
    path.length === 5 &&
    path[0] === p.field &&
    path[1] === 'edges' &&
    // The gateway reports an entity fetch's error for the whole list ("@" for the index), e.g.
    // `units.edges.@.node._entities.3.capacity` when the capacities subgraph refuses the field.
    (typeof path[2] === 'number' || path[2] === '@') &&
    path[3] === 'node' &&
    p.hiddenWhenForbidden.includes(String(path[4]))
  );
}

/** Reads of one page before a timeout fails the export, and the pause before the n-th retry (× n). */
export const PAGE_ATTEMPTS = 3;
export const RETRY_PAUSE_MS = 500;

/** A service of the hub that did not answer in time (platform/errors.ts serviceTimeout): worth asking again. */
const isTransient = (error: GraphQLFormattedError): boolean => error.extensions?.code === 'SERVICE_UNAVAILABLE';

interface Page {
  edges: { node: never }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * The data of one read as the export's principal. A page read is idempotent (keyset cursor): one a
 * loaded hub answered too late is asked again, after `pauseMs` × the attempt, rather than failing
 * an export of many minutes. Any GraphQL error but those `ignored` (a hidden field) fails the export.
 */
export async function readWithRetry<T>(
  execute: GraphQLExecutor,
  request: { query: string; variables: Record<string, unknown> },
  caller: CallerCredentials,
  { ignored = () => false, pauseMs = RETRY_PAUSE_MS }: { ignored?: (error: GraphQLFormattedError) => boolean; pauseMs?: number } = {},
): Promise<T> {
  let result: FormattedExecutionResult<T>;
  let errors: GraphQLFormattedError[];
  for (let attempt = 1; ; attempt++) {
    result = await execute<T>(request, caller);
    errors = (result.errors ?? []).filter((e) => !ignored(e));
    if (attempt >= PAGE_ATTEMPTS || errors.length === 0 || !errors.every(isTransient)) break;
    await new Promise((resolve) => setTimeout(resolve, pauseMs * attempt));
  }
  if (errors.length > 0) throw new OperationOutcomeError(fromGraphQLErrors(errors));
  if (!result.data) throw new Error('GraphQL answered no data');
  return result.data;
}

/**
 * The resources of a paged read, a page at a time: `fetchPage` reads the page after a cursor and
 * says the next cursor (null at the end). With `readAhead`, the next page is asked for as soon as
 * this one's cursor is known, so reading it overlaps mapping and writing this one; at most two
 * pages are held.
 */
export async function* pagedResources<P>(
  fetchPage: (after: string | null) => Promise<{ page: P; after: string | null }>,
  resourcesOf: (page: P) => Iterable<ExportedResource>,
  readAhead: boolean,
): AsyncGenerator<Iterable<ExportedResource>> {
  let next: Promise<{ page: P; after: string | null }> | null = fetchPage(null);
  while (next) {
    const { page, after }: { page: P; after: string | null } = await next;
    if (!readAhead) {
      yield resourcesOf(page);
      next = after ? fetchPage(after) : null;
      continue;
    }
    next = after ? fetchPage(after) : null;
    // A consumer that stops early (cancel, shutdown, a failed lane) never awaits the page read
    // ahead: its failure must not become an unhandled rejection.
    next?.catch(() => undefined);
    yield resourcesOf(page);
  }
}

/**
 * The resources of one pass, a page at a time (every map applied to every record), read as
 * `caller`, reading ahead when asked (pagedResources), a page answered too late read again after
 * `retryPauseMs` × the attempt (readWithRetry). Any GraphQL error other than a hidden field fails
 * the export: a file silently missing records would be worse.
 */
export async function* passPages(p: PlannedPass, execute: GraphQLExecutor, caller: CallerCredentials, readAhead = true, retryPauseMs = RETRY_PAUSE_MS): AsyncGenerator<Iterable<ExportedResource>> {
  const query = listQuery(p);
  const read: CallerRead = (q, variables) => execute({ query: q, variables }, caller);
  const values = await p.values(read);
  const fetchPage = async (after: string | null) => {
    const data = await readWithRetry<Record<string, Page>>(execute, { query, variables: { ...values, after } }, caller, { ignored: (e) => isHiddenField(e, p), pauseMs: retryPauseMs });
    const page = data[p.field];
    if (!page) throw new Error(`GraphQL answered no ${p.field}`);
    return { page, after: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null };
  };
  const ofType = (node: { __typename?: string }) => !p.on || node.__typename === p.on;
  yield* pagedResources(fetchPage, (page) => mapRecords(p, page.edges.filter((e) => ofType(e.node)).map((e) => e.node)), readAhead);
}

/**
 * Every map of a pass applied to every record, in order, one resource at a time as the consumer
 * asks: a resource is written (serialised) before the next is built, so it dies young instead of
 * a whole page of resources outliving the page's writes into V8's old space (D209).
 */
export function* mapRecords(p: PlannedPass, records: readonly never[]): Generator<ExportedResource> {
  for (const record of records) {
    for (const map of p.maps) {
      const mapped = map(record);
      if (Array.isArray(mapped)) yield* mapped;
      else yield mapped;
    }
  }
}
