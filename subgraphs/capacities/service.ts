/** Rules of the capacities subgraph, per request (batched reads). */
import DataLoader from 'dataloader';
import type { CapacityStore } from './store.js';
import type { UnitCapacityRow } from './tables.js';

export function createCapacityService(store: CapacityStore) {
  const ofUnit = new DataLoader(async (unitIds: readonly string[]) => {
    const rows = new Map((await store.byUnitIds(unitIds)).map((r) => [r.unitId, r]));
    return unitIds.map((id) => rows.get(id) ?? null);
  });
  return {
    capacityOf: (unitId: string): Promise<UnitCapacityRow | null> => ofUnit.load(unitId),
  };
}

export type CapacityService = ReturnType<typeof createCapacityService>;
