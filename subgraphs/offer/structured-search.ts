/**
 * The structured searches of schemas/offer.search.graphql (`unitSearch`, `structureSearch`): the
 * FHIR adapter's Organization, HealthcareService and Location searches run on them. Store and
 * rules in one small module: criteria → SQL (search-criteria.ts), keyset pages, counts on demand.
 */
import { and, count, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { GraphQLIncludeDirective, GraphQLSkipDirective, Kind, getDirectiveValues, type FieldNode, type GraphQLResolveInfo, type SelectionNode } from 'graphql';
import type { ResolverMap } from '../../platform/resolver-maps.js';
import type { Orm } from '../../platform/db/client.js';
import type { Identity } from '../../platform/auth/identity.js';
import { seesConfidential } from '../../platform/auth/authorize.js';
import { HubError } from '../../platform/errors.js';
import { checkAnyOf } from '../../platform/any-of.js';
import { anyOfCondition } from '../../platform/db/any-of.js';
import { decodeCursor, encodeCursor, pageSize } from '../../platform/pagination.js';
import { filterHash, validateNear, type Near } from './search.js';
import {
  ESTABLISHMENT_BRANCH,
  LEGAL_ENTITY_BRANCH,
  UNIT_CODE_SOURCES,
  UNIT_NUMBER_SOURCES,
  UNIT_TEXT_SOURCES,
  codeCondition,
  dayRangeCondition,
  PLACE_KM,
  placeWithin,
  unitDistanceKm,
  unitInBox,
  unitMetres,
  epochMicros,
  idIn,
  keysetCondition,
  numberCondition,
  numberSourceCondition,
  orderByOf,
  sortColumns,
  textCondition,
  unitPlace,
  updatedConditions,
  periodCondition,
  type PeriodTest,
  unitWithin,
  type CodeCriterion,
  type Comparison,
  type InstantRange,
  type Sort,
  type SortColumn,
  type SortValue,
  type StructureBranch,
  type StructureCodeField,
  type StructureDateField,
  type StructureNumberField,
  type StructureTextField,
  type TextCriterion,
  type UnitCodeField,
  type UnitNumberField,
  type UnitTextField,
} from './search-criteria.js';
import { PgDialect } from 'drizzle-orm/pg-core';
import { establishments, organizations, units, type EstablishmentRow, type OrganizationRow, type UnitRow } from './tables.js';

/** Bound on `ids` and on the id lists of a place-change criterion (one array parameter each). */
export const MAX_SEARCH_IDS = 100_000;
/** Bound on `matchingIds(max:)`: what the capacities subgraph's `unitsWithCapacity` takes. */
export const MAX_MATCHING_IDS = 10_000;

export interface PlaceChangeCriterion {
  from?: Date | null;
  before?: Date | null;
  orIds?: string[] | null;
  exceptIds?: string[] | null;
}

export interface UnitCriteria {
  codes?: CodeCriterion<UnitCodeField>[] | null;
  texts?: TextCriterion<UnitTextField>[] | null;
  numbers?: Array<{ anyOf: Array<{ field: UnitNumberField; comparison: Comparison; value: number }> }> | null;
  updated?: InstantRange[][] | null;
  placeChanged?: PlaceChangeCriterion[] | null;
  closure?: PeriodTest[][] | null;
  ids?: string[] | null;
  archived?: boolean | null;
  near?: Near | null;
  anyOf?: UnitCriteria[] | null;
}

export interface StructureCriteria {
  codes?: CodeCriterion<StructureCodeField>[] | null;
  texts?: TextCriterion<StructureTextField>[] | null;
  numbers?: Array<{ anyOf: Array<{ field: StructureNumberField; comparison: Comparison; value: number }> }> | null;
  dates?: Array<{ anyOf: Array<{ field: StructureDateField; range: InstantRange }> }> | null;
  updated?: InstantRange[][] | null;
  anyOf?: StructureCriteria[] | null;
}

interface SearchArgs<C> {
  criteria: C;
  sort?: Sort[] | null;
  first?: number | null;
  after?: string | null;
}

function checkIds(ids: readonly string[] | null | undefined, field: string): void {
  if (ids && ids.length > MAX_SEARCH_IDS) throw new HubError('BAD_USER_INPUT', `\`${field}\` takes at most ${MAX_SEARCH_IDS} ids.`, { field });
}

function placeChangeCondition(c: PlaceChangeCriterion): SQL {
  checkIds(c.orIds, 'placeChanged.orIds');
  checkIds(c.exceptIds, 'placeChanged.exceptIds');
  const parts: SQL[] = [];
  if (c.from) {
    const since = sql`${unitPlace.updatedAt} >= ${c.from.toISOString()}::timestamptz`;
    parts.push(c.orIds?.length ? sql`(${since} or ${idIn(units.id, c.orIds)})` : since);
  }
  if (c.before) parts.push(sql`${unitPlace.updatedAt} < ${c.before.toISOString()}::timestamptz`);
  if (c.exceptIds?.length) parts.push(sql`not ${idIn(units.id, c.exceptIds)}`);
  return parts.length ? sql`(${sql.join(parts, sql` and `)})` : sql`true`;
}

function unitConditions(c: UnitCriteria, near: Near | null, includeSensitive: boolean): SQL[] {
  checkAnyOf(c);
  const where: SQL[] = [];
  if (!includeSensitive) where.push(eq(units.sensitive, false));
  where.push(...criteriaConditions(c));
  if (near) where.push(unitWithin(near));
  return where;
}

/** The conditions of one criteria object, its `anyOf` alternatives included (`near` is the caller's). */
function criteriaConditions(c: UnitCriteria): SQL[] {
  const where: SQL[] = [];
  if (c.archived !== null && c.archived !== undefined) where.push(eq(units.archived, c.archived));
  checkIds(c.ids, 'criteria.ids');
  if (c.ids) where.push(c.ids.length ? idIn(units.id, c.ids) : sql`false`);
  for (const code of c.codes ?? []) where.push(codeCondition(code, UNIT_CODE_SOURCES));
  for (const text of c.texts ?? []) where.push(textCondition(text, UNIT_TEXT_SOURCES));
  for (const number of c.numbers ?? []) {
    if (number.anyOf.length === 0) throw new HubError('BAD_USER_INPUT', '`anyOf` must not be empty.', { field: 'numbers' });
    where.push(sql`(${sql.join(number.anyOf.map((n) => numberCondition(UNIT_NUMBER_SOURCES[n.field], n.comparison, n.value)), sql` or `)})`);
  }
  where.push(...updatedConditions(units.updatedAt, c.updated, establishments.updatedAt));
  for (const change of c.placeChanged ?? []) where.push(placeChangeCondition(change));
  for (const tests of c.closure ?? []) {
    if (tests.length === 0) throw new HubError('BAD_USER_INPUT', 'A `closure` criterion needs at least one test.', { field: 'closure' });
    where.push(sql`(${sql.join(tests.map((t) => periodCondition(units.closedFrom, units.reopeningOn, t)), sql` or `)})`);
  }
  where.push(
    ...anyOfCondition(c, (sub) => {
      if (sub.near) throw new HubError('BAD_USER_INPUT', '`near` applies to the top-level criteria only.', { field: 'criteria.anyOf' });
      return criteriaConditions(sub);
    }),
  );
  return where;
}

const dialect = new PgDialect();
const ESTABLISHMENT_TABLE = dialect.sqlToQuery(sql`${establishments}`).sql;

/**
 * Whether conditions read the unit's establishment (its region, its address, its last update):
 * only then does a near-search join it. A condition that read it without the join would fail
 * with "missing FROM-clause entry", never answer wrongly.
 */
const readsEstablishment = (conditions: readonly SQL[]): boolean => conditions.some((c) => dialect.sqlToQuery(c).sql.includes(ESTABLISHMENT_TABLE));

/** The sort values of a row, as text (exact through a cursor), in a JSON array. */
const sortValuesOf = (columns: readonly SortColumn[]): SQL => sql`json_build_array(${sql.join(columns.map((c) => sql`(${c.value})::text`), sql`, `)})`;

function cursorOf(hash: string, values: readonly SortValue[]): string {
  return encodeCursor([hash, ...values]);
}

function readCursor(after: string | null | undefined, hash: string): SortValue[] | null {
  if (!after) return null;
  const [cursorHash, ...values] = decodeCursor(after);
  if (cursorHash !== hash) {
    throw new HubError('BAD_USER_INPUT', 'The cursor given in `after` was issued for other criteria or another sort; start again without `after`.', { argumentName: 'after' });
  }
  return values;
}

interface Page<T> {
  edges: Array<{ cursor: string; node: T; distanceKm?: number | null }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: () => Promise<number>;
  /** Units only: every matching id when at most `max` match, else null. */
  matchingIds?: (max: number) => Promise<string[] | null>;
}

function pageOf<T>(rows: Array<{ node: T; sortValues: SortValue[]; distanceKm?: number | null }>, size: number, hash: string, after: string | null | undefined, total: () => Promise<number>): Page<T> {
  const edges = rows.slice(0, size).map((r) => ({ cursor: cursorOf(hash, r.sortValues), node: r.node, distanceKm: r.distanceKm ?? null }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: total,
  };
}

/** A structure branch's conditions (legal entities or establishments). */
/** One criterion's alternatives ORed; an empty list is an input error. */
function anyOfSql<T>(anyOf: readonly T[], field: string, condition: (alternative: T) => SQL): SQL {
  if (anyOf.length === 0) throw new HubError('BAD_USER_INPUT', '`anyOf` must not be empty.', { field });
  return sql`(${sql.join(anyOf.map(condition), sql` or `)})`;
}

function structureConditions(c: StructureCriteria, branch: StructureBranch): SQL[] {
  return [
    ...(c.codes ?? []).map((code) => codeCondition(code, branch.codes)),
    ...(c.texts ?? []).map((text) => textCondition(text, branch.texts)),
    ...(c.numbers ?? []).map((n) => anyOfSql(n.anyOf, 'numbers', (m) => numberSourceCondition(branch.numbers[m.field], m.comparison, m.value))),
    ...(c.dates ?? []).map((d) => anyOfSql(d.anyOf, 'dates', (m) => dayRangeCondition(branch.dates[m.field], m.range))),
    ...updatedConditions(branch.updatedAt, c.updated),
    ...anyOfCondition(c, (sub) => structureConditions(sub, branch)),
  ];
}

function structureBranchQuery(c: StructureCriteria, branch: StructureBranch, sorts: readonly Sort[]): { query: SQL; columns: SortColumn[] } {
  const columns = sortColumns(sorts, { NAME: sql`${branch.name}`, UPDATED_AT: epochMicros(branch.updatedAt) }, branch.id, [{ key: 'ID' }]);
  const table = branch.kind === 'EJ' ? organizations : establishments;
  const where = structureConditions(c, branch);
  const outputs = columns.map((col, i) => sql`${col.value} as ${sql.identifier(`o${i}`)}`);
  const query = sql`select ${branch.kind}::text as kind, ${branch.id} as id, ${sql.join(outputs, sql`, `)} from ${table} where ${where.length ? sql.join(where, sql` and `) : sql`true`}`;
  return { query, columns };
}

/** What a `unitSearch` selection asks for, read from its own field node (the gateway's fetch to this subgraph). */
export interface UnitSearchSelection {
  /** `matchingIds` is selected (after `@include`/`@skip`). */
  matching: boolean;
  /** The nodes' selection holds nothing but `id` and `__typename`: no unit row needs reading. */
  idsOnly: boolean;
}

const included = (node: FieldNode, variables: Record<string, unknown>): boolean =>
  getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true && getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;

/** The fields directly under `selections` (fragments not followed: a selection using them reads as "anything"). */
function fieldsOf(selections: readonly SelectionNode[] | undefined, variables: Record<string, unknown>): FieldNode[] | null {
  const fields: FieldNode[] = [];
  for (const selection of selections ?? []) {
    if (selection.kind !== Kind.FIELD) return null;
    if (included(selection, variables)) fields.push(selection);
  }
  return fields;
}

/** Reads the selection; anything unusual (fragments) reads as the full page without `matchingIds` fast path. */
export function unitSearchSelection(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'variableValues'> | undefined): UnitSearchSelection {
  const unknown = { matching: false, idsOnly: false };
  if (!info || info.fieldNodes.length !== 1) return unknown;
  const top = fieldsOf(info.fieldNodes[0]!.selectionSet?.selections, info.variableValues);
  if (!top) return unknown;
  const edges = top.filter((f) => f.name.value === 'edges').map((f) => fieldsOf(f.selectionSet?.selections, info.variableValues));
  if (edges.some((e) => e === null)) return { matching: top.some((f) => f.name.value === 'matchingIds'), idsOnly: false };
  const nodes = edges.flatMap((e) => e!.filter((f) => f.name.value === 'node').map((f) => fieldsOf(f.selectionSet?.selections, info.variableValues)));
  return {
    matching: top.some((f) => f.name.value === 'matchingIds'),
    idsOnly: nodes.every((n) => n !== null && n.every((f) => f.name.value === 'id' || f.name.value === '__typename')),
  };
}

/**
 * A near-search's units as a materialised CTE `place` (id, metres, and the sort values other than
 * the distance and the id as o0, o1…): the units whose stored point lies in the box, through its
 * one GiST index, with each distance computed once from that point; the other criteria on the same
 * rows, the establishment joined only when one of them reads it. The outer statement then reads
 * no unit row (D234; before it, D221's union of two index scans joined back to every
 * unit and establishment row: half of that statement). `columns` are the sort columns on `place`:
 * the same keys and values as the full rows' (`unitDistanceKm`), so cursors hold across both.
 */
function nearPlaces(near: Near, args: SearchArgs<UnitCriteria>, includeSensitive: boolean): { cte: SQL; columns: SortColumn[] } {
  const conditions = [...unitConditions(args.criteria, null, includeSensitive), unitInBox(near)];
  const inner = sortColumns(args.sort ?? [], { NAME: sql`${units.name}`, UPDATED_AT: epochMicros(units.updatedAt), DISTANCE: PLACE_KM }, units.id, [{ key: 'DISTANCE' }]);
  const carried = inner.flatMap((c, i) => (c.key === 'NAME' || c.key === 'UPDATED_AT' ? [sql`, ${c.value} as ${sql.identifier(`o${i}`)}`] : []));
  const columns = inner.map((c, i) => (c.key === 'DISTANCE' ? c : { ...c, value: c.key === 'ID' ? sql`place.id` : sql`place.${sql.identifier(`o${i}`)}` }));
  const from = readsEstablishment(conditions) ? sql`${units} inner join ${establishments} on ${units.establishmentId} = ${establishments.id}` : sql`${units}`;
  const cte = sql`with place as materialized (select ${units.id} as id, ${unitMetres(near)} as metres${sql.join(carried, sql``)} from ${from} where ${sql.join(conditions, sql` and `)})`;
  return { cte, columns };
}

export function createStructuredSearch(orm: Orm, identity: Identity) {
  const includeSensitive = seesConfidential(identity);
  const rowsOf = async <T>(query: SQL): Promise<T[]> => ((await orm.execute(query)) as unknown as { rows: T[] }).rows;

  return {
    /**
     * One page of units. A first page that also asks `matchingIds` reads the matches once, in
     * order, as ids and sort values (up to MAX_MATCHING_IDS + 1): its first rows are the page, all
     * of them the ids; a second radius scan for the ids would double the page's cost. Nodes
     * selecting only `id` (the FHIR adapter's candidates) read no unit row at all.
     */
    units: async (args: SearchArgs<UnitCriteria>, selection: UnitSearchSelection = { matching: false, idsOnly: false }): Promise<Page<UnitRow>> => {
      const size = pageSize(args.first);
      const near = validateNear(args.criteria.near, 'criteria.near');
      const distance = near ? unitDistanceKm(near) : null;
      const columns = sortColumns(
        args.sort ?? [],
        { NAME: sql`${units.name}`, UPDATED_AT: epochMicros(units.updatedAt), ...(distance ? { DISTANCE: distance } : {}) },
        units.id,
        near ? [{ key: 'DISTANCE' }] : [{ key: 'ID' }],
      );
      const hash = filterHash({ criteria: args.criteria, sort: columns.map((c) => [c.key, c.descending]) }, 'ID');
      const where = unitConditions(args.criteria, near, includeSensitive);
      const whereSql = (extra: SQL[] = []) => (where.length || extra.length ? sql.join([...where, ...extra], sql` and `) : sql`true`);
      const countAll = async () => {
        const [row] = await orm.select({ n: count() }).from(units).innerJoin(establishments, eq(units.establishmentId, establishments.id)).where(and(...where));
        return row?.n ?? 0;
      };
      const idsMatching = async (max: number): Promise<string[] | null> => {
        const ids = await rowsOf<{ id: string }>(sql`select ${units.id} as id from ${units} inner join ${establishments} on ${units.establishmentId} = ${establishments.id} where ${whereSql()} order by 1 limit ${max + 1}`);
        return ids.length > max ? null : ids.map((r) => r.id);
      };
      const checkMax = (max: number) => {
        if (!Number.isInteger(max) || max < 1 || max > MAX_MATCHING_IDS) throw new HubError('BAD_USER_INPUT', `\`max\` must be an integer between 1 and ${MAX_MATCHING_IDS}.`, { argumentName: 'max' });
      };
      const start = readCursor(args.after, hash);
      // Lean rows, straight from the driver: id, distance, sort values.
      // Without `near`, with `pageRows`, only the first rows carry their sort values (the page's
      // cursors): the rows after them are only ids, whose sort values were built, sent and parsed
      // for nothing (D231). row_number() over the query's own order: no second sort.
      const sortValuesUpTo = (order: SQL[], values: SQL, pageRows: number | null): SQL =>
        pageRows === null ? values : sql`case when row_number() over (order by ${sql.join(order, sql`, `)}) <= ${pageRows} then ${values} end`;
      const leanWithout = (pageRows: number | null): SQL => {
        const order = orderByOf(columns);
        return sql`select ${units.id} as id, null as distance_km, ${sortValuesUpTo(order, sortValuesOf(columns), pageRows)} as sort_values from ${units} inner join ${establishments} on ${units.establishmentId} = ${establishments.id}
               where ${whereSql(start ? [keysetCondition(columns, start)] : [])} order by ${sql.join(order, sql`, `)}`;
      };
      const places = near ? nearPlaces(near, args, includeSensitive) : null;
      type Hit = { id: string; distanceKm: number | null; sortValues: SortValue[] };
      const hitOf = (id: string, km: string | number | null, values: SortValue[] | string): Hit => ({
        id,
        distanceKm: km === null ? null : Number(km),
        sortValues: typeof values === 'string' ? (JSON.parse(values) as SortValue[]) : values,
      });
      const ordered = async (limit: number, pageRows: number | null = null): Promise<Hit[]> => {
        const query = places
          ? sql`${places.cte} select place.id as id, ${PLACE_KM} as distance_km, ${sortValuesOf(places.columns)} as sort_values from place
                where ${sql.join([placeWithin(near!), ...(start ? [keysetCondition(places.columns, start)] : [])], sql` and `)} order by ${sql.join(orderByOf(places.columns), sql`, `)} limit ${limit}`
          : sql`${leanWithout(pageRows)} limit ${limit}`;
        return (await rowsOf<{ id: string; distance_km: string | number | null; sort_values: SortValue[] | string }>(query)).map((r) => hitOf(r.id, r.distance_km, r.sort_values));
      };
      /**
       * A first page and every matching id (up to MAX_MATCHING_IDS + 1). With `near`, from one
       * radius scan (`place`, materialised): the page is its first rows in order (a top-N sort of
       * the page's size), the ids its rows in no order (the total needs the set; they are sorted
       * here). Both come as one row of two JSON values, not one row per matching unit (D234).
       */
      const firstWithIds = async (): Promise<{ hits: Hit[]; ids: string[] | null }> => {
        if (!places) {
          const all = await ordered(MAX_MATCHING_IDS + 1, size + 1);
          return { hits: all.slice(0, size + 1), ids: all.length > MAX_MATCHING_IDS ? null : all.map((h) => h.id) };
        }
        // The page's rows are ordered again by their own sort keys (k0, k1…) inside json_agg: an aggregate does not keep a subquery's order by itself.
        const keys = places.columns.map((c, i) => sql`${c.value} as ${sql.identifier(`k${i}`)}`);
        const keyed = places.columns.map((c, i) => ({ ...c, value: sql`p.${sql.identifier(`k${i}`)}` }));
        const within = placeWithin(near!);
        const [row] = await rowsOf<{ page: Array<[string, string | number | null, SortValue[]]> | string | null; ids: string[] | string | null }>(sql`${places.cte}
          select (select json_agg(json_build_array(p.id, p.distance_km, p.sort_values) order by ${sql.join(orderByOf(keyed), sql`, `)})
                    from (select place.id, ${PLACE_KM} as distance_km, ${sortValuesOf(places.columns)} as sort_values, ${sql.join(keys, sql`, `)}
                            from place where ${within} order by ${sql.join(orderByOf(places.columns), sql`, `)} limit ${size + 1}) p) as page,
                 (select json_agg(h.id) from (select place.id from place where ${within} limit ${MAX_MATCHING_IDS + 1}) h) as ids`);
        const json = <T>(v: T | string | null | undefined): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : (v ?? null));
        const page = json<Array<[string, string | number | null, SortValue[]]>>(row?.page) ?? [];
        const ids = json<string[]>(row?.ids) ?? [];
        return { hits: page.map(([id, km, values]) => hitOf(id, km, values)), ids: ids.length > MAX_MATCHING_IDS ? null : ids };
      };
      const withRows = async (hits: Hit[]) => {
        if (selection.idsOnly) return hits.map(({ id, ...rest }) => ({ node: { id } as UnitRow, ...rest }));
        const rows = hits.length ? await orm.select().from(units).where(idIn(units.id, hits.map((h) => h.id))) : [];
        const byId = new Map(rows.map((r) => [r.id, r]));
        return hits.flatMap(({ id, ...rest }) => (byId.has(id) ? [{ node: byId.get(id)!, ...rest }] : []));
      };
      if (selection.matching && !start) {
        // The page and every matching id from one scan.
        const { hits, ids: matching } = await firstWithIds();
        const ids = matching ? matching.sort() : null;
        const page = pageOf(await withRows(hits), size, hash, args.after, countAll);
        return { ...page, matchingIds: async (max: number) => (checkMax(max), ids && ids.length <= max ? ids : null) };
      }
      if (selection.idsOnly) {
        return { ...pageOf(await withRows(await ordered(size + 1)), size, hash, args.after, countAll), matchingIds: async (max: number) => (checkMax(max), idsMatching(max)) };
      }
      const rows = await orm
        .select({
          ...getTableColumns(units),
          distanceKm: distance ? distance.mapWith(Number) : sql<null>`null`,
          sortValues: sortValuesOf(columns).mapWith((v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as SortValue[]),
        })
        .from(units)
        .innerJoin(establishments, eq(units.establishmentId, establishments.id))
        .where(and(...where, ...(start ? [keysetCondition(columns, start)] : [])))
        .orderBy(...orderByOf(columns))
        .limit(size + 1);
      const page = pageOf(
        rows.map(({ distanceKm, sortValues, ...node }) => ({ node: node as UnitRow, sortValues, distanceKm })),
        size,
        hash,
        args.after,
        countAll,
      );
      return { ...page, matchingIds: async (max: number) => (checkMax(max), idsMatching(max)) };
    },

    /** Legal entities and establishments in one keyset order (a UNION ALL), then their rows. */
    structures: async (args: SearchArgs<StructureCriteria>): Promise<Page<(OrganizationRow & { __kind: 'EJ' }) | (EstablishmentRow & { __kind: 'EG' })>> => {
      const size = pageSize(args.first);
      const sorts = args.sort ?? [];
      checkAnyOf(args.criteria);
      const ej = structureBranchQuery(args.criteria, LEGAL_ENTITY_BRANCH, sorts);
      const eg = structureBranchQuery(args.criteria, ESTABLISHMENT_BRANCH, sorts);
      const outer: SortColumn[] = ej.columns.map((c, i) => ({ ...c, value: sql`${sql.identifier(`o${i}`)}` }));
      const hash = filterHash({ criteria: args.criteria, sort: outer.map((c) => [c.key, c.descending]) }, 'ID');
      const start = readCursor(args.after, hash);
      const union = sql`(${ej.query} union all ${eg.query}) s`;
      const hits = await rowsOf<{ kind: 'EJ' | 'EG'; id: string; sort_values: SortValue[] | string }>(
        sql`select kind, id, ${sortValuesOf(outer)} as sort_values from ${union} where ${start ? keysetCondition(outer, start) : sql`true`} order by ${sql.join(orderByOf(outer), sql`, `)} limit ${size + 1}`,
      );
      const ids = (kind: 'EJ' | 'EG') => hits.filter((h) => h.kind === kind).map((h) => h.id);
      const [legal, geo] = await Promise.all([
        ids('EJ').length ? orm.select().from(organizations).where(idIn(organizations.id, ids('EJ'))) : Promise.resolve([]),
        ids('EG').length ? orm.select().from(establishments).where(idIn(establishments.id, ids('EG'))) : Promise.resolve([]),
      ]);
      const byId = new Map<string, (OrganizationRow & { __kind: 'EJ' }) | (EstablishmentRow & { __kind: 'EG' })>([
        ...legal.map((r) => [`EJ|${r.id}`, { ...r, __kind: 'EJ' as const }] as const),
        ...geo.map((r) => [`EG|${r.id}`, { ...r, __kind: 'EG' as const }] as const),
      ]);
      const rows = hits.flatMap((h) => {
        const node = byId.get(`${h.kind}|${h.id}`);
        return node ? [{ node, sortValues: typeof h.sort_values === 'string' ? (JSON.parse(h.sort_values) as SortValue[]) : h.sort_values }] : [];
      });
      const countAll = async () => {
        const [row] = await rowsOf<{ n: number | string }>(sql`select count(*) as n from ${union}`);
        return Number(row?.n ?? 0);
      };
      return pageOf(rows, size, hash, args.after, countAll);
    },
  };
}

export type StructuredSearch = ReturnType<typeof createStructuredSearch>;

export interface StructuredSearchContext {
  structuredSearch: StructuredSearch;
  app?: FastifyInstance;
}

const searchResolvers = {
  Query: {
    unitSearch: (_: unknown, args: SearchArgs<UnitCriteria>, ctx: StructuredSearchContext, info: GraphQLResolveInfo) => ctx.structuredSearch.units(args, unitSearchSelection(info)),
    structureSearch: (_: unknown, args: SearchArgs<StructureCriteria>, ctx: StructuredSearchContext) => ctx.structuredSearch.structures(args),
  },
  Structure: {
    __resolveType: (node: { __kind: 'EJ' | 'EG' }) => (node.__kind === 'EJ' ? 'Organization' : 'Establishment'),
  },
  UnitSearchConnection: {
    totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount(),
    matchingIds: (c: { matchingIds: (max: number) => Promise<string[] | null> }, args: { max: number }) => c.matchingIds(args.max),
  },
  StructureSearchConnection: { totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount() },
};

/** The subgraph's resolver map with the structured searches added (Query merged, nothing replaced). */
export function withStructuredSearch<C>(base: ResolverMap<C>): ResolverMap<C & StructuredSearchContext> {
  const query = (base.Query ?? {}) as Record<string, unknown>;
  for (const field of Object.keys(searchResolvers.Query)) {
    if (field in query) throw new Error(`Query.${field} is resolved twice`);
  }
  const { Query, ...types } = searchResolvers;
  return { ...base, ...types, Query: { ...query, ...Query } } as unknown as ResolverMap<C & StructuredSearchContext>;
}
