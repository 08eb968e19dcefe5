/**
 * `Query.capacityMatches` (schemas/capacities.search.graphql): the kept units of a search page and
 * their capacity records, in one statement. The FHIR Location capacity search orders candidates
 * in the offer, then asks this field for the first `first` of them meeting the filter: the
 * gateway resolves the units' own fields in the offer from its answer, so the page needs no
 * second capacities request for `Unit.capacity` (whose `@requires` would put one after the offer's,
 * docs/benchmarks.md § search16d). Authorised like `unitsWithCapacity` and `Unit.capacity`.
 */
import { and, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionNode } from 'graphql';
import type { ResolverMap } from '../../platform/resolver-maps.js';
import type { Orm } from '../../platform/db/client.js';
import type { Identity } from '../../platform/auth/identity.js';
import type { SubgraphClient } from '../../platform/subgraph-client.js';
import { seesConfidential } from '../../platform/auth/authorize.js';
import { HubError } from '../../platform/errors.js';
import { CAPACITY_READ, hasAccess } from './access.js';
import { anyOf, conditions, figureRows, readableUnits, type CapacityFigureFilter } from './figure-search.js';
import { limitRows, limitsJson, residentialJson, residentialRows } from './features/inline.js';
import type { FeatureService } from './features/service.js';
import { capacityView } from './record.js';
import { unitCapacities as c, type UnitCapacityRow } from './tables.js';

/** A page's candidates: the offer's largest page. */
export const MAX_MATCH_IDS = 200;

export interface CapacityMatch {
  unit: { id: string };
  capacity: ReturnType<typeof capacityView>;
}

/**
 * Whether the answer's units ask their housing or equipment limits (the capacities' own Unit
 * fields): then the records' statement reads them too. A fragment reads as "yes".
 */
export function asksFeatures(info: Pick<GraphQLResolveInfo, 'fieldNodes'> | undefined): boolean {
  if (!info) return true;
  // The fields under `name` among `selections`; null when a fragment hides what they are.
  const under = (selections: readonly SelectionNode[] | undefined, name: string): readonly SelectionNode[] | null => {
    if (selections?.some((s) => s.kind !== Kind.FIELD)) return null;
    const field = selections?.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === name);
    return field?.selectionSet?.selections ?? [];
  };
  for (const node of info.fieldNodes) {
    const unit = under(node.selectionSet?.selections, 'unit');
    if (unit === null || unit.some((s) => s.kind !== Kind.FIELD || s.name.value === 'residentialCapacities' || s.name.value === 'equipmentLimits')) return true;
  }
  return false;
}

export function createCapacityMatches(orm: Orm, client: SubgraphClient, identity: Identity, features: Pick<FeatureService, 'prime'>) {
  /** Which of `ids` are sensitive units, asked of the offer that owns the flag (as the system identity). */
  const sensitive = async (ids: readonly string[]): Promise<Set<string>> => {
    const units = await client.entities<{ id: string; sensitive: boolean }>('offer', 'Unit', ids, 'id sensitive');
    return new Set(units.filter((u) => u?.sensitive).map((u) => u!.id));
  };
  return {
    capacityMatches: async (filter: CapacityFigureFilter, unitIds: readonly string[], first: number, withFeatures = false): Promise<CapacityMatch[]> => {
      if (unitIds.length > MAX_MATCH_IDS) throw new HubError('BAD_USER_INPUT', `\`unitIds\` takes at most ${MAX_MATCH_IDS} ids.`, { field: 'unitIds' });
      if (first < 0 || first > MAX_MATCH_IDS) throw new HubError('BAD_USER_INPUT', `\`first\` must be between 0 and ${MAX_MATCH_IDS}.`, { field: 'first' });
      const readable = readableUnits(identity); // FORBIDDEN for a caller who may read no capacity
      const ids = readable ? unitIds.filter((id) => readable.has(id)) : [...unitIds];
      if (ids.length === 0 || first === 0) return [];
      const figure = sql`exists (select 1 from (values ${figureRows()}) as f(figure, n) where ${sql.join(conditions(filter), sql` and `)})`;
      // With the units' housing and limits when they are asked: one statement, not two more
      // after this one (D230); the rows themselves as the store reads them.
      const extra: Record<string, SQL> = withFeatures ? { residential: residentialJson(sql`${c.unitId}`), limits: limitsJson(sql`${c.unitId}`) } : {};
      const rows = (await orm
        .select({ ...getTableColumns(c), ...extra })
        .from(c)
        .where(and(anyOf(sql`${c.unitId}`, ids), figure))) as Array<UnitCapacityRow & { residential?: unknown; limits?: unknown }>;
      const byId = new Map(rows.filter((r) => hasAccess(identity, CAPACITY_READ, { kind: 'UNIT', id: r.unitId })).map((r) => [r.unitId, r]));
      // Sensitive units (IG access profile 1): only applications of a lower profile lose them, so
      // only they pay the offer's answer.
      const hidden = seesConfidential(identity) || byId.size === 0 ? new Set<string>() : await sensitive([...byId.keys()]);
      const kept = [...new Set(ids)].filter((id) => byId.has(id) && !hidden.has(id)).slice(0, first);
      // Only the kept units: `Unit.residentialCapacities` checks the rights again before answering.
      if (withFeatures) for (const id of kept) features.prime(id, residentialRows(id, byId.get(id)!.residential), limitRows(id, byId.get(id)!.limits));
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
    capacityMatches: (_: unknown, args: { filter: CapacityFigureFilter; unitIds: string[]; first: number }, ctx: CapacityMatchesContext, info?: GraphQLResolveInfo) =>
      ctx.capacityMatches.capacityMatches(args.filter, args.unitIds, args.first, asksFeatures(info)),
  },
};
