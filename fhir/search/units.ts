/**
 * What HealthcareService and Location share: both are a unit of the offer (same id), searched with
 * the offer's `unitSearch`, and both may filter on the unit's capacity records (Location directly,
 * HealthcareService through `location.<capacity parameter>`).
 */
import type { UnitCodeField, UnitNumberField, UnitTextField } from '../../schemas/operations.js';
import { CODE_SYSTEMS } from '../codes.js';
import type { HandlerContext } from '../records.js';
import type { FhirSearchResource } from '../types.js';
import { capacityFilter, type CapacityFigureFilter } from './capacity.js';
import { CriteriaBuilder } from './criteria.js';
import type { FetchedPage, PreparedSearch, SortRequest, SortCodes } from './definitions.js';
import { UNIT_COUNT, UNIT_IDS, run, unitsWithCapacity, unitsWithPlaceFeatures, type SearchEdge, type SearchPage } from './graphql.js';
import { featureFilter, type PlaceFeatureFilter } from './features.js';
import { prepareCapacityPage } from './capacity-page.js';
import type { Clause, ParsedSearch } from './parse.js';
import { parseToken, type periodTest } from './values.js';


export class UnitCriteriaBuilder extends CriteriaBuilder<UnitCodeField, UnitTextField> {
  readonly numbers: Array<{ anyOf: Array<{ field: UnitNumberField; comparison: string; value: number }> }> = [];
  readonly placeChanged: Array<{ from?: string; before?: string; orIds?: string[]; exceptIds?: string[] }> = [];
  /** The closure period (notavailable-closing-reopeningdate), each criterion any of its tests. */
  readonly closure: Array<Array<ReturnType<typeof periodTest>>> = [];
  /** Archived units allowed: both, only active (false) or only archived (true). */
  archived: Set<boolean> = new Set([true, false]);
  near?: { latitude: number; longitude: number; radiusKm: number };

  /** A clause on a two-valued element (status, active): `holdsFor` says which of active/archived units it keeps. */
  allow(holdsFor: (archived: boolean) => boolean): void {
    this.archived = new Set([...this.archived].filter(holdsFor));
    if (this.archived.size === 0) this.empty = true;
  }

  /** `_id`, `_tag` and `identifier` (the `<region>/<unit id>` value, without system). */
  common(clause: Clause): boolean {
    switch (clause.code) {
      case '_id':
        this.token(clause, [{ field: 'ID' }]);
        return true;
      case '_tag':
        this.token(clause, [{ system: CODE_SYSTEMS.regionOM, field: 'REGION' }]);
        return true;
      case 'identifier':
        this.token(clause, [{ field: 'REGIONAL_ID' }]);
        return true;
      default:
        return false;
    }
  }

  protected override own(): Record<string, unknown> {
    return {
      ...super.own(),
      ...(this.numbers.length ? { numbers: this.numbers } : {}),
      ...(this.placeChanged.length ? { placeChanged: this.placeChanged } : {}),
      ...(this.closure.length ? { closure: this.closure } : {}),
      ...(this.archived.size === 1 ? { archived: [...this.archived][0] } : {}),
      ...(this.near ? { near: this.near } : {}),
    };
  }
}

/** True when the token clause on a boolean element (HealthcareService.active) holds for `value`. */
export function booleanHolds(clause: Clause, value: boolean): boolean {
  const any = clause.values.some(({ value: raw }) => {
    const token = parseToken(raw);
    return token.system === undefined || token.system === '' ? token.code === undefined || token.code === String(value) : false;
  });
  return clause.modifier === 'not' ? !any : any;
}

interface UnitSearchSpec<N> {
  resourceType: 'Location' | 'HealthcareService';
  query: string;
  /** The one-operation page of a capacity-only search (capacity-page.ts), when the type has one. */
  capacityPage?: string;
  sorts: SortCodes;
  toResource: (node: N) => FhirSearchResource;
  /** Resources the query read with the node for `_include` (e.g. its establishment as an Organization). */
  included?: (node: N) => FhirSearchResource[];
}

/** Page size asked of the offer when a second source filters the page (its maximum). */
const FILTERED_BATCH = 200;
/** Ids per count request when the qualifying units are counted among the offer's matches. */
const COUNT_CHUNK = 10_000;

type Item = FetchedPage['items'][number];

const itemOf = <N>(spec: UnitSearchSpec<N>, e: SearchEdge<N>): Item => ({
  resource: spec.toResource(e.node),
  cursor: e.cursor,
  distanceKm: e.distanceKm ?? null,
  ...(spec.included ? { included: spec.included(e.node) } : {}),
});

/** Which of `ids` (or of all units) qualify: the capacities subgraph's answer to a search's second-source criteria. */
type Qualify = (ids?: readonly string[]) => Promise<string[]>;

/**
 * The units meeting the capacity filter and the housing / equipment-limit filter (either may be
 * absent, not both): among `ids`, one request feeds the next its answer (at most 10,000 ids);
 * among all units, each is asked once and the answers intersected.
 */
function qualifier(ctx: HandlerContext, capacity: CapacityFigureFilter | null, features: PlaceFeatureFilter | null): Qualify {
  return async (ids) => {
    if (!features) return unitsWithCapacity(ctx, capacity!, ids);
    if (!capacity) return unitsWithPlaceFeatures(ctx, features, ids);
    if (ids) {
      const kept = await unitsWithCapacity(ctx, capacity, ids);
      return kept.length ? unitsWithPlaceFeatures(ctx, features, kept) : [];
    }
    const [withCapacity, withFeatures] = await Promise.all([unitsWithCapacity(ctx, capacity), unitsWithPlaceFeatures(ctx, features)]);
    const featured = new Set(withFeatures);
    return withCapacity.filter((id) => featured.has(id));
  };
}

/**
 * The prepared search over units: `fetch` runs `unitSearch`; with capacity, housing or equipment
 * limit clauses (`codeOf` strips a chain prefix), `filter` keeps the units the capacities
 * subgraph says qualify and `count` restricts the offer's count to them.
 */
export async function prepareUnits<N extends { id: string }>(
  search: ParsedSearch,
  builder: UnitCriteriaBuilder,
  ctx: HandlerContext,
  spec: UnitSearchSpec<N>,
  codeOf: (clause: Clause) => string,
): Promise<PreparedSearch> {
  const capacity = capacityFilter(search.clauses, codeOf);
  const features = featureFilter(search.clauses, codeOf);
  const empty: PreparedSearch = { empty: true, fetch: async () => ({ items: [], hasNext: false }), count: async () => 0 };
  if (capacity === 'none' || features === 'none') {
    // Nothing can match, but a caller who may not read capacity still gets the 403 (asked with no unit).
    await unitsWithCapacity(ctx, { figures: ['INSTALLED'] }, []);
    return empty;
  }
  if (builder.empty) return empty;
  const criteria = builder.criteria();
  const sortOf = (sort: readonly SortRequest[]) => sort.map((s) => ({ key: spec.sorts[s.code], descending: s.descending }));
  const fetch = async (sort: readonly SortRequest[], size: number, after: string | null): Promise<FetchedPage> => {
    const data = await run<{ unitSearch: SearchPage<N> }>(ctx, spec.query, { criteria, sort: sortOf(sort), first: size, after });
    return { items: data.unitSearch.edges.map((e) => itemOf(spec, e)), hasNext: data.unitSearch.pageInfo.hasNextPage };
  };
  const countOf = async (c: Record<string, unknown>) => (await run<{ unitSearch: { totalCount: number } }>(ctx, UNIT_COUNT, { criteria: c })).unitSearch.totalCount;
  if (!capacity && !features) return { fetch, count: () => countOf(criteria) };
  const filtered = prepareFiltered(ctx, spec, criteria, qualifier(ctx, capacity, features), sortOf, countOf);
  if (!capacity || features || !spec.capacityPage) return filtered;
  const page = { resourceType: spec.resourceType, capacityPage: spec.capacityPage, itemOf: (node: N, cursor: string, distanceKm: number | null) => itemOf(spec, { node, cursor, distanceKm }) };
  return prepareCapacityPage(ctx, page, criteria, capacity, search.count, sortOf, () => filtered.count());
}

/**
 * A search filtered by the capacities subgraph (capacity, housing, equipment limits). Candidates come by id only: most of a batch of 200 is thinned away
 * or beyond `_count`, so only the kept rows of the page are read in full (hydrate), not every
 * candidate (docs/benchmarks.md). A first page also asks the offer for every matching unit (when
 * at most 10,000 do, what `unitsWithCapacity` takes): one capacities request (two with both filters) then says which qualify, which thins every
 * batch of the page and is the search's total, with no further request (issue 16).
 */
function prepareFiltered<N extends { id: string }>(
  ctx: HandlerContext,
  spec: UnitSearchSpec<N>,
  criteria: Record<string, unknown>,
  qualify: Qualify,
  sortOf: (sort: readonly SortRequest[]) => unknown,
  countOf: (c: Record<string, unknown>) => Promise<number>,
): PreparedSearch {
  let matching: Promise<Set<string>> | null = null;
  const candidates = async (sort: readonly SortRequest[], _size: number, after: string | null): Promise<FetchedPage> => {
    const first = after === null && matching === null;
    const data = await run<{ unitSearch: SearchPage<{ id: string }> & { matchingIds?: string[] | null } }>(ctx, UNIT_IDS, {
      criteria,
      sort: sortOf(sort),
      first: FILTERED_BATCH,
      after,
      matching: first,
    });
    const ids = data.unitSearch.matchingIds;
    if (first && ids) {
      matching = ids.length ? qualify(ids).then((kept) => new Set(kept)) : Promise.resolve(new Set());
      matching.catch(() => undefined); // awaited by `filter` and `count`, which report its error
    }
    return {
      items: data.unitSearch.edges.map((e) => ({ resource: { resourceType: spec.resourceType, id: e.node.id }, cursor: e.cursor, distanceKm: e.distanceKm ?? null })),
      hasNext: data.unitSearch.pageInfo.hasNextPage,
    };
  };
  const hydrate = async (items: FetchedPage['items']): Promise<FetchedPage['items']> => {
    const ids = items.map((i) => i.resource.id ?? '');
    const full = new Map((await unitPage<N>(ctx, spec.query, ids)).map((e) => [e.node.id, itemOf(spec, e)]));
    return items.flatMap((item) => {
      const read = full.get(item.resource.id ?? '');
      return read ? [{ ...item, resource: read.resource, ...(read.included ? { included: read.included } : {}) }] : [];
    });
  };
  return {
    fetch: candidates,
    hydrate,
    filter: async (ids) => {
      if (matching) {
        const kept = await matching;
        return new Set(ids.filter((id) => kept.has(id)));
      }
      return new Set(ids.length ? await qualify(ids) : []);
    },
    count: async () => {
      if (matching) return (await matching).size;
      // More than 10,000 units match the offer's criteria (or a later page's `_total=accurate`):
      // count the offer's matches among the qualifying units, 10,000 ids per request (one request
      // with the 72,000 of a national search was refused as too large, docs/benchmarks.md).
      const ids = await qualify();
      let total = 0;
      for (let i = 0; i < ids.length; i += COUNT_CHUNK) total += await countOf({ ...criteria, ids: ids.slice(i, i + COUNT_CHUNK) });
      return total;
    },
  };
}

/** The edges of `unitSearch` by ids (pages of 200), in any order. */
async function unitPage<N>(ctx: HandlerContext, query: string, ids: readonly string[]): Promise<SearchEdge<N>[]> {
  const edges: SearchEdge<N>[] = [];
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += FILTERED_BATCH) {
    const chunk = unique.slice(i, i + FILTERED_BATCH);
    const data = await run<{ unitSearch: SearchPage<N> }>(ctx, query, { criteria: { ids: chunk }, first: chunk.length });
    edges.push(...data.unitSearch.edges);
  }
  return edges;
}

/** Units by id through the search (pages of 200), e.g. for `_include`. */
export async function unitsByIds<N>(ctx: HandlerContext, query: string, ids: readonly string[], toResource: (node: N) => FhirSearchResource): Promise<FhirSearchResource[]> {
  return (await unitPage<N>(ctx, query, ids)).map((e) => toResource(e.node));
}
