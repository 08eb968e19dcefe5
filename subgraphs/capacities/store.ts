/** SQL of the capacities subgraph. */
import { count, inArray } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.js';
import { unitCapacities, type UnitCapacityRow } from './tables.js';

export function createCapacityStore(orm: Orm) {
  return {
    byUnitIds: (unitIds: readonly string[]): Promise<UnitCapacityRow[]> =>
      orm.select().from(unitCapacities).where(inArray(unitCapacities.unitId, [...unitIds])),
    countAll: async (): Promise<number> => {
      const [row] = await orm.select({ n: count() }).from(unitCapacities);
      return row?.n ?? 0;
    },
  };
}

export type CapacityStore = ReturnType<typeof createCapacityStore>;
