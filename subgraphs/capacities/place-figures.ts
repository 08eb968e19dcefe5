/**
 * `Query.unitFigures` (schemas/capacities.places.graphql): the current figures of a list of units,
 * for the admissions subgraph's place search, which joins them with the offer's units itself
 * (D81: no subgraph reads another's tables). The system identity only: the place search decides
 * who may search.
 */
import { sql } from 'drizzle-orm';
import type { ResolverMap } from '../../platform/resolver-maps.js';
import type { Orm } from '../../platform/db/client.js';
import type { Identity } from '../../platform/auth/identity.js';
import { HubError } from '../../platform/errors.js';
import { unitCapacities as c } from './tables.js';

export const MAX_FIGURE_UNITS = 100_000;

/** Parallel lists (schemas/capacities.places.graphql `UnitFigureLists`): entry i of each is unit i. */
export interface UnitFigureLists {
  unitIds: string[];
  availableMen: number[];
  availableWomen: number[];
  availableUndifferentiated: number[];
  installedBeds: number[];
  updatedAt: Date[];
}

export function createPlaceFigures(orm: Orm, identity: Identity) {
  return {
    of: async (unitIds: readonly string[]): Promise<UnitFigureLists> => {
      if (identity.kind !== 'system') throw new HubError('FORBIDDEN', "This field answers the hub's own components only.");
      if (unitIds.length > MAX_FIGURE_UNITS) throw new HubError('BAD_USER_INPUT', `\`unitIds\` takes at most ${MAX_FIGURE_UNITS} ids.`, { field: 'unitIds' });
      const lists: UnitFigureLists = { unitIds: [], availableMen: [], availableWomen: [], availableUndifferentiated: [], installedBeds: [], updatedAt: [] };
      if (unitIds.length === 0) return lists;
      // One array parameter whatever the number of ids (Postgres allows 65,535 parameters).
      const ids = `{${unitIds.map((v) => `"${v.replace(/["\\]/g, (ch) => `\\${ch}`)}"`).join(',')}}`;
      const rows = await orm
        .select({
          unitId: c.unitId,
          availableMen: c.availableMen,
          availableWomen: c.availableWomen,
          availableUndifferentiated: c.availableUndifferentiated,
          installedBeds: c.installedBeds,
          updatedAt: c.updatedAt,
        })
        .from(c)
        .where(sql`${c.unitId} = any(${ids}::text[])`);
      for (const row of rows) {
        lists.unitIds.push(row.unitId);
        lists.availableMen.push(row.availableMen);
        lists.availableWomen.push(row.availableWomen);
        lists.availableUndifferentiated.push(row.availableUndifferentiated);
        lists.installedBeds.push(row.installedBeds);
        lists.updatedAt.push(row.updatedAt);
      }
      return lists;
    },
  };
}

export interface PlaceFiguresContext {
  placeFigures: ReturnType<typeof createPlaceFigures>;
}

export const placeFigureResolvers: ResolverMap<PlaceFiguresContext> = {
  Query: {
    unitFigures: (_: unknown, args: { unitIds: string[] }, ctx: PlaceFiguresContext) => ctx.placeFigures.of(args.unitIds),
  },
};
