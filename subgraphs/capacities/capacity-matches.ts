/**
 * `Query.capacityMatches` (schemas/capacities.search.graphql): the kept units of a search page and
 * their capacity records, in one statement. The FHIR Location capacity search orders candidates
 * in the offer, then asks this field for the first `first` of them meeting the filter: the
 * gateway resolves the units' own fields in the offer from its answer, so the page needs no
 * second capacities request for `Unit.capacity` (whose `@requires` would put one after the offer's,
 * docs/benchmarks.md § search16d). Authorised like `unitsWithCapacity` and `Unit.capacity`.
 */
import { and, sql } from 'drizzle-orm';
import type { ResolverMap } from '../../platform/resolver-maps.js';
import type { Orm } from '../../platform/db/client.js';
import type { Identity } from '../../platform/auth/identity.js';
import type { SubgraphClient } from '../../platform/subgraph-client.js';
import { seesConfidential } from '../../platform/auth/authorize.js';
import { HubError } from '../../platform/errors.js';
import { CAPACITY_READ, hasAccess } from './access.js';
import { anyOf, conditions, figureRows, readableUnits, type CapacityFigureFilter } from './figure-search.js';
import { capacityView } from './record.js';
import { unitCapacities as c, type UnitCapacityRow } from './tables.js';

/** A page's candidates: the offer's largest page. */
export const MAX_MATCH_IDS = 200;

export interface CapacityMatch {
  unit: { id: string };
  capacity: ReturnType<typeof capacityView>;
}

export function createCapacityMatches(orm: Orm, client: SubgraphClient, identity: Identity) {
  /** Which of `ids` are sensitive units, asked of the offer that owns the flag (as the system identity). */
  const sensitive = async (ids: readonly string[]): Promise<Set<string>> => {
    const units = await client.entities<{ id: string; sensitive: boolean }>('offer', 'Unit', ids, 'id sensitive');
    return new Set(units.filter((u) => u?.sensitive).map((u) => u!.id));
  };
  return {
    capacityMatches: async (filter: CapacityFigureFilter, unitIds: readonly string[], first: number): Promise<CapacityMatch[]> => {
      if (unitIds.length > MAX_MATCH_IDS) throw new HubError('BAD_USER_INPUT', `\`unitIds\` takes at most ${MAX_MATCH_IDS} ids.`, { field: 'unitIds' });
      if (first < 0 || first > MAX_MATCH_IDS) throw new HubError('BAD_USER_INPUT', `\`first\` must be between 0 and ${MAX_MATCH_IDS}.`, { field: 'first' });
      const readable = readableUnits(identity); // FORBIDDEN for a caller who may read no capacity
      const ids = readable ? unitIds.filter((id) => readable.has(id)) : [...unitIds];
      if (ids.length === 0 || first === 0) return [];
      const figure = sql`exists (select 1 from (values ${figureRows()}) as f(figure, n) where ${sql.join(conditions(filter), sql` and `)})`;
      const rows: UnitCapacityRow[] = await orm.select().from(c).where(and(anyOf(sql`${c.unitId}`, ids), figure));
      const byId = new Map(rows.filter((r) => hasAccess(identity, CAPACITY_READ, { kind: 'UNIT', id: r.unitId })).map((r) => [r.unitId, r]));
      // Sensitive units (IG access profile 1): only applications of a lower profile lose them, so
      // only they pay the offer's answer.
      const hidden = seesConfidential(identity) || byId.size === 0 ? new Set<string>() : await sensitive([...byId.keys()]);
      const kept = [...new Set(ids)].filter((id) => byId.has(id) && !hidden.has(id)).slice(0, first);
      // remainingToMobilise needs the offer's SSE capacity, which this answer does not wait for.
      return kept.map((id) => ({ unit: { id }, capacity: capacityView(byId.get(id)!, undefined) }));
    },
  };
}

export type CapacityMatches = ReturnType<typeof createCapacityMatches>;

export interface CapacityMatchesContext {
  capacityMatches: CapacityMatches;
}

export const capacityMatchResolvers: ResolverMap<CapacityMatchesContext> = {
  Query: {
    capacityMatches: (_: unknown, args: { filter: CapacityFigureFilter; unitIds: string[]; first: number }, ctx: CapacityMatchesContext) =>
      ctx.capacityMatches.capacityMatches(args.filter, args.unitIds, args.first),
  },
};
