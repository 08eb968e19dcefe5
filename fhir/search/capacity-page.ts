/**
 * A Location search whose only second-source criteria are capacity ones, in two operations per
 * page instead of three (D220): the offer's candidates (ids in order, and on a first
 * page every matching unit when at most 10,000 do), then one capacities request that keeps the
 * page's units with their capacity record — and on a first page says which matching units qualify,
 * the total — after which the gateway reads the kept units' own fields in the offer. Searches
 * with housing or equipment-limit criteria, or on HealthcareService, keep prepareFiltered (units.ts).
 */
import type { HandlerContext } from '../records.js';
import type { CapacityFigureFilter } from './capacity.js';
import type { FetchedPage, PreparedSearch, SortRequest } from './definitions.js';
import { UNIT_IDS, run, type CapacityPage, type SearchPage } from './graphql.js';

type Item = FetchedPage['items'][number];

export interface CapacityPageSpec<N> {
  resourceType: 'Location' | 'HealthcareService';
  /** The page's document (graphql.ts `capacityPageQuery`). */
  capacityPage: string;
  itemOf: (node: N, cursor: string, distanceKm: number | null) => Item;
}

/** Page size asked of the offer for candidates (its maximum). */
const BATCH = 200;

export function prepareCapacityPage<N extends { id: string }>(
  ctx: HandlerContext,
  spec: CapacityPageSpec<N>,
  criteria: Record<string, unknown>,
  filter: CapacityFigureFilter,
  pageSize: number,
  sortOf: (sort: readonly SortRequest[]) => unknown,
  countAll: () => Promise<number>,
): PreparedSearch {
  /** The offer's matching units (first page), until the page's capacities request qualifies them. */
  let matchingIds: string[] | null = null;
  /** How many of them qualify: the search's total. */
  let total: number | null = null;
  /** The kept units read in full by `filter`, by id, for `hydrate`. */
  const read = new Map<string, Item>();
  /** Kept by the batches before: the engine took them all, the page not being full. */
  let taken = 0;

  const fetch = async (sort: readonly SortRequest[], _size: number, after: string | null): Promise<FetchedPage> => {
    const first = after === null && total === null && matchingIds === null;
    const data = await run<{ unitSearch: SearchPage<{ id: string }> & { matchingIds?: string[] | null } }>(ctx, UNIT_IDS, {
      criteria,
      sort: sortOf(sort),
      first: BATCH,
      after,
      matching: first,
    });
    if (first && data.unitSearch.matchingIds) {
      matchingIds = data.unitSearch.matchingIds;
      if (matchingIds.length === 0) total = 0;
    }
    return {
      items: data.unitSearch.edges.map((e) => ({ resource: { resourceType: spec.resourceType, id: e.node.id }, cursor: e.cursor, distanceKm: e.distanceKm ?? null })),
      hasNext: data.unitSearch.pageInfo.hasNextPage,
    };
  };

  // The batch's first qualifying units that the page still misses, read in full: the engine takes
  // them in order until the page is full, and a later batch asks for the rest (a page of 200
  // that asked each batch for 200 read a third more units than it showed, docs/benchmarks.md).
  const keep = async (ids: readonly string[]): Promise<Set<string>> => {
    const qualify = matchingIds !== null && total === null;
    if (ids.length === 0 && !qualify) return new Set();
    const data = await run<CapacityPage<N>>(ctx, spec.capacityPage, {
      filter,
      unitIds: ids,
      first: Math.max(pageSize - taken, 0),
      qualify,
      ...(qualify ? { matchingIds } : {}),
    });
    if (qualify) {
      total = data.unitsWithCapacity?.length ?? 0;
      matchingIds = null;
    }
    taken += data.capacityMatches.length;
    const kept = new Set<string>();
    for (const { unit, capacity } of data.capacityMatches) {
      kept.add(unit.id);
      read.set(unit.id, spec.itemOf({ ...unit, capacity } as unknown as N, '', null));
    }
    return kept;
  };

  return {
    fetch,
    filter: keep,
    hydrate: async (items) =>
      items.flatMap((item) => {
        const full = read.get(item.resource.id ?? '');
        return full ? [{ ...item, resource: full.resource, ...(full.included ? { included: full.included } : {}) }] : [];
      }),
    // Counted with the first page's capacities request; else (more than 10,000 matches in the
    // offer, `_summary=count`, `_total=accurate` on a later page) as prepareFiltered counts.
    count: async () => total ?? countAll(),
  };
}
