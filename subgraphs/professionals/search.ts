/**
 * The structured searches of schemas/professionals.search.graphql (`professionalSearch`,
 * `situationSearch`), on which the FHIR adapter's Practitioner and PractitionerRole searches run.
 * Keyset pages bound to their criteria, counts on demand. Situations are filtered by the IG access
 * profiles here (the rule of `situation`, access.ts), for pages and counts alike, so a search
 * never shows a situation a read would hide.
 */
import { createHash } from 'node:crypto';
import type { Identity } from '../../platform/auth/identity.js';
import { HubError } from '../../platform/errors.js';
import { checkAnyOf } from '../../platform/any-of.js';
import { decodeCursor, encodeCursor, pageSize } from '../../platform/pagination.js';
import { requireProfessionalRead, seesEverySituation } from './access.js';
import { normalizeName } from './normalize.js';
import { conditionsOf, sortColumns, type Keyed, type SearchCriteria, type SearchStore, type Sort, type SortValue } from './search-store.js';
import { situationId, type Situation } from './situations.js';
import type { ProfessionalView, SituationRow } from './store.js';

/** Most values one criteria object may list (all code alternatives together). */
export const MAX_SEARCH_VALUES = 1000;
/** Rows read per round while filtering situations by visibility. */
const SITUATION_BATCH = 200;

export interface SearchArgs {
  criteria: SearchCriteria;
  sort?: Sort[] | null;
  first?: number | null;
  after?: string | null;
}

export interface SearchPage<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: () => Promise<number>;
}

/** Prefix and substring values compared as names are stored (capitals, no accents); exact ones as sent. */
function normalised(criteria: SearchCriteria): SearchCriteria {
  checkAnyOf(criteria);
  const codes = (c: SearchCriteria): number => (c.codes ?? []).reduce((n, code) => n + code.anyOf.length, 0) + (c.anyOf ?? []).reduce((n, sub) => n + codes(sub), 0);
  if (codes(criteria) > MAX_SEARCH_VALUES) throw new HubError('BAD_USER_INPUT', `Criteria list at most ${MAX_SEARCH_VALUES} codes.`, { field: 'codes' });
  const normalise = (c: SearchCriteria): SearchCriteria => ({
    ...c,
    texts: (c.texts ?? []).map((t) => ({ anyOf: t.anyOf.map((m) => (m.match === 'EXACT' ? m : { ...m, value: normalizeName(m.value) })) })),
    ...(c.anyOf ? { anyOf: c.anyOf.map(normalise) } : {}),
  });
  return normalise(criteria);
}

function hashOf(args: SearchArgs, kind: string): string {
  return createHash('sha256').update(JSON.stringify([kind, args.criteria, args.sort ?? []])).digest('base64url').slice(0, 12);
}

function readCursor(after: string | null | undefined, hash: string): SortValue[] | null {
  if (!after) return null;
  const [cursorHash, ...values] = decodeCursor(after);
  if (cursorHash !== hash || !values.every((v) => typeof v === 'string')) {
    throw new HubError('BAD_USER_INPUT', 'The cursor given in `after` was issued for other criteria or another sort; start again without `after`.', { argumentName: 'after' });
  }
  return values as string[];
}

function pageOf<T>(rows: Array<Keyed<T>>, size: number, hash: string, after: string | null | undefined, total: () => Promise<number>): SearchPage<T> {
  const edges = rows.slice(0, size).map((r) => ({ cursor: encodeCursor([hash, ...r.sortValues]), node: r.row }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: total,
  };
}

/**
 * `visibleUnits` is the situation service's rule (which of these units' situations the caller may
 * see); passing it keeps one rule for reads and searches.
 */
export function createSearchService(store: SearchStore, visibleUnits: (identity: Identity, unitIds: readonly string[]) => Promise<Set<string>>) {
  return {
    professionalSearch: async (identity: Identity, args: SearchArgs): Promise<SearchPage<ProfessionalView>> => {
      requireProfessionalRead(identity);
      const size = pageSize(args.first);
      const where = conditionsOf(normalised(args.criteria), false);
      const columns = sortColumns(args.sort ?? [], false);
      const hash = hashOf(args, 'professional');
      const rows = size === 0 ? [] : await store.professionals(where, columns, readCursor(args.after, hash), size + 1);
      return pageOf(rows, size, hash, args.after, () => store.countProfessionals(where));
    },

    /**
     * Reads rounds of rows after the cursor and keeps the visible ones until one more than the page
     * is found or the rows run out: the page is always full when more follow.
     */
    situationSearch: async (identity: Identity, args: SearchArgs): Promise<SearchPage<Situation>> => {
      requireProfessionalRead(identity);
      const size = pageSize(args.first);
      const where = conditionsOf(normalised(args.criteria), true);
      const columns = sortColumns(args.sort ?? [], true);
      const hash = hashOf(args, 'situation');
      let after = readCursor(args.after, hash);
      // A caller who sees every situation needs one page; others read larger rounds, as some rows drop out.
      const limit = seesEverySituation(identity) ? size + 1 : Math.max(SITUATION_BATCH, size + 1);
      const kept: Array<Keyed<Situation>> = [];
      while (size > 0 && kept.length <= size) {
        const batch = await store.situations(where, columns, after, limit);
        const visible = await visibleUnits(identity, batch.map((b) => b.row.unitId));
        for (const { row, sortValues } of batch) if (visible.has(row.unitId)) kept.push({ row: { ...row, id: situationId(row) }, sortValues });
        if (batch.length < limit) break;
        after = batch.at(-1)!.sortValues;
      }
      const total = async () => {
        const perUnit = await store.situationCountsByUnit(where);
        const visible = await visibleUnits(identity, perUnit.map((u) => u.unitId));
        return perUnit.reduce((n, u) => n + (visible.has(u.unitId) ? u.n : 0), 0);
      };
      return pageOf(kept, size, hash, args.after, total);
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
export type { SituationRow };
