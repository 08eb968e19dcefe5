/** Demo data loading for the capacities subgraph: the records, and each one's first history entry. */
import type { Database, Orm } from '../../platform/db/client.js';
import { insertInChunks } from '../../platform/db/bulk.js';
import { createCapacityStore } from './store.js';
import { bedBlockers, bedManagementContacts, bedManagementMaturity, capacityHistory, unitCapacities, type UnitCapacityRow } from './tables.js';
import { toRecord } from './record.js';

export interface CapacitySeed {
  capacities: Array<typeof unitCapacities.$inferInsert>;
  /** Territorial bed management (docs/territory.md): establishments' contacts, waiting patients. */
  contacts?: Array<typeof bedManagementContacts.$inferInsert>;
  bedBlockers?: Array<typeof bedBlockers.$inferInsert>;
  /** Establishments' declarations for the maturity index of their bed management. */
  maturity?: Array<typeof bedManagementMaturity.$inferInsert>;
}

export async function seedCapacities(db: Database, input: CapacitySeed): Promise<boolean> {
  if ((await createCapacityStore(db.orm).countAll()) > 0) return false;
  await db.orm.transaction(async (tx) => {
    const orm = tx as unknown as Orm;
    await insertInChunks(orm, unitCapacities, input.capacities);
    // The history starts with the seeded state, so every unit's time series has a first point.
    const rows: UnitCapacityRow[] = await orm.select().from(unitCapacities);
    await insertInChunks(orm, capacityHistory, rows.map((r) => ({ unitId: r.unitId, at: r.updatedAt, record: toRecord(r) as unknown as Record<string, unknown> })));
    if (input.contacts?.length) await insertInChunks(orm, bedManagementContacts, input.contacts);
    if (input.bedBlockers?.length) await insertInChunks(orm, bedBlockers, input.bedBlockers);
    if (input.maturity?.length) await insertInChunks(orm, bedManagementMaturity, input.maturity);
  });
  return true;
}
