/** Demo data loading for the capacities subgraph. */
import type { Database } from '../../platform/db/client.js';
import { insertInChunks } from '../../platform/db/bulk.js';
import { createCapacityStore } from './store.js';
import { unitCapacities } from './tables.js';

export interface CapacitySeed {
  capacities: Array<typeof unitCapacities.$inferInsert>;
}

export async function seedCapacities(db: Database, input: CapacitySeed): Promise<boolean> {
  if ((await createCapacityStore(db.orm).countAll()) > 0) return false;
  await db.orm.transaction((tx) => insertInChunks(tx as never, unitCapacities, input.capacities));
  return true;
}
