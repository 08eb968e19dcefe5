/**
 * `Query.unitsWithCapacity` (schemas/capacities.search.graphql): the units having one capacity
 * figure that meets every criterion, within the caller's capacity read rights. The FHIR adapter
 * asks it for the units of a search page (`unitIds`), or for all of them to count; it joins the
 * answer with the offer's search itself, so no subgraph reads another's tables.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ResolverMap } from '../../platform/resolver-maps.js';
import type { Orm } from '../../platform/db/client.js';
import type { Identity } from '../../platform/auth/identity.js';
import { hasRight, requireReadAccessSomewhere } from '../../platform/auth/authorize.js';
import { HubError } from '../../platform/errors.js';
import { textArray } from '../../platform/db/arrays.js';
import { CAPACITY_READ, isTransversal } from './access.js';
import { unitCapacities } from './tables.js';

export const CAPACITY_FIGURES = [
  'INSTALLED',
  'AVAILABLE_MEN',
  'AVAILABLE_WOMEN',
  'AVAILABLE_UNDIFFERENTIATED',
  'CLOSED_REOPENABLE',
  'CLOSED_NOT_REOPENABLE',
  'MOBILISED',
] as const;
export type CapacityFigure = (typeof CAPACITY_FIGURES)[number];

export type CountComparison = 'EQ' | 'NE' | 'GT' | 'LT' | 'GE' | 'LE';

export interface CapacityFigureFilter {
  figures: CapacityFigure[];
  count?: Array<Array<{ comparison: CountComparison; value: number }>> | null;
  natures?: string[] | null;
  sources?: string[] | null;
  updated?: Array<Array<{ from?: Date | null; before?: Date | null; outside?: boolean | null }>> | null;
  crisisTypes?: string[] | null;
  temporaryAssignments?: string[] | null;
}

export const MAX_UNIT_IDS_IN = 10_000;
export const MAX_UNIT_IDS_OUT = 100_000;

const c = unitCapacities;

/** Each figure's count, as the record columns give it (docs/capacities.md). */
const FIGURE_COUNTS: Record<CapacityFigure, SQL> = {
  INSTALLED: sql`${c.installedBeds}`,
  AVAILABLE_MEN: sql`${c.availableMen}`,
  AVAILABLE_WOMEN: sql`${c.availableWomen}`,
  AVAILABLE_UNDIFFERENTIATED: sql`${c.availableUndifferentiated}`,
  CLOSED_REOPENABLE: sql`${c.reopenableBeds}`,
  CLOSED_NOT_REOPENABLE: sql`(${c.closedBeds} - ${c.reopenedBeds} - ${c.reopenableBeds})`,
  MOBILISED: sql`${c.mobilisedBeds}`,
};

export const OPERATORS: Record<CountComparison, string> = { EQ: '=', NE: '<>', GT: '>', LT: '<', GE: '>=', LE: '<=' };

export const anyOf = (column: SQL, values: readonly string[]): SQL => sql`${column} = any(${textArray(values)}::text[])`;

function rangeTest(range: { from?: Date | null; before?: Date | null; outside?: boolean | null }): SQL {
  const parts: SQL[] = [];
  if (range.from) parts.push(sql`${c.updatedAt} >= ${range.from.toISOString()}::timestamptz`);
  if (range.before) parts.push(sql`${c.updatedAt} < ${range.before.toISOString()}::timestamptz`);
  const inside = parts.length ? sql`(${sql.join(parts, sql` and `)})` : sql`true`;
  return range.outside ? sql`not ${inside}` : inside;
}

/** The conditions on the record (nature, source, update) and on the figure `f.n`, all ANDed. */
export function conditions(filter: CapacityFigureFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.figures.length === 0) throw new HubError('BAD_USER_INPUT', '`filter.figures` must not be empty.', { field: 'filter.figures' });
  where.push(anyOf(sql`f.figure`, filter.figures));
  for (const tests of filter.count ?? []) {
    if (tests.length === 0) throw new HubError('BAD_USER_INPUT', 'A `filter.count` criterion needs a test.', { field: 'filter.count' });
    where.push(sql`(${sql.join(tests.map((t) => sql`f.n ${sql.raw(OPERATORS[t.comparison])} ${t.value}::int`), sql` or `)})`);
  }
  if (filter.natures) where.push(anyOf(sql`${c.nature}`, filter.natures));
  if (filter.sources) where.push(anyOf(sql`${c.source}`, filter.sources));
  // A crisis qualifies the supplementary beds only: the other figures' records carry no crisisType.
  // An empty list asks for any crisis type.
  if (filter.crisisTypes) where.push(sql`f.figure = 'MOBILISED'`, filter.crisisTypes.length ? anyOf(sql`${c.crisisType}`, filter.crisisTypes) : sql`${c.crisisType} is not null`);
  if (filter.temporaryAssignments) where.push(anyOf(sql`${c.temporaryAssignment}`, filter.temporaryAssignments));
  for (const ranges of filter.updated ?? []) {
    if (ranges.length === 0) throw new HubError('BAD_USER_INPUT', 'A `filter.updated` criterion needs a range.', { field: 'filter.updated' });
    where.push(sql`(${sql.join(ranges.map(rangeTest), sql` or `)})`);
  }
  return where;
}

/** `(figure, count)` rows of the record `c`, one per figure: `values` of the `f(figure, n)` the conditions test. */
export const figureRows = (): SQL =>
  sql.join(
    CAPACITY_FIGURES.map((figure) => sql`(${figure}::text, ${FIGURE_COUNTS[figure]})`),
    sql`, `,
  );

/**
 * The units whose capacity the caller may read: all (null) for applications with capacity.read
 * and users holding a read right transversally, else the units their grants reach. Refuses a
 * caller who may read none (a search that silently matched nothing would mislead).
 */
export function readableUnits(identity: Identity): Set<string> | null {
  requireReadAccessSomewhere(identity, CAPACITY_READ, 'search on capacity');
  if (identity.kind !== 'user' || isTransversal(identity, CAPACITY_READ)) return null;
  const reachable = identity.grants.filter((g) => g.rights.some((r) => CAPACITY_READ.rights.includes(r))).flatMap((g) => g.reach.units);
  return new Set(reachable.filter((id) => CAPACITY_READ.rights.some((r) => hasRight(identity, r, { kind: 'UNIT', id }))));
}

export function createFigureSearch(orm: Orm, identity: Identity) {
  return {
    unitsWithCapacity: async (filter: CapacityFigureFilter, unitIds: string[] | null | undefined): Promise<string[]> => {
      if (unitIds && unitIds.length > MAX_UNIT_IDS_IN) {
        throw new HubError('BAD_USER_INPUT', `\`unitIds\` takes at most ${MAX_UNIT_IDS_IN} ids.`, { field: 'unitIds' });
      }
      const readable = readableUnits(identity);
      const where = conditions(filter);
      if (unitIds) where.push(anyOf(sql`${c.unitId}`, unitIds));
      if (readable) where.push(anyOf(sql`${c.unitId}`, [...readable]));
      const result = (await orm.execute(
        sql`select distinct ${c.unitId} as unit_id from ${c} cross join lateral (values ${figureRows()}) as f(figure, n) where ${sql.join(where, sql` and `)} order by 1 limit ${MAX_UNIT_IDS_OUT + 1}`,
      )) as unknown as { rows: Array<{ unit_id: string }> };
      if (result.rows.length > MAX_UNIT_IDS_OUT) {
        throw new HubError('BAD_USER_INPUT', `More than ${MAX_UNIT_IDS_OUT} units match: narrow the criteria.`, { field: 'filter' });
      }
      return result.rows.map((r) => r.unit_id);
    },
  };
}

export type FigureSearch = ReturnType<typeof createFigureSearch>;

export interface FigureSearchContext {
  figureSearch: FigureSearch;
}

export const figureSearchResolvers: ResolverMap<FigureSearchContext> = {
  Query: {
    unitsWithCapacity: (_: unknown, args: { filter: CapacityFigureFilter; unitIds?: string[] | null }, ctx: FigureSearchContext) =>
      ctx.figureSearch.unitsWithCapacity(args.filter, args.unitIds),
  },
};
