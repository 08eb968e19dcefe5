/** Demo data loading for the offer subgraph: one transaction, skipped when data already exists. */
import type { Database } from '../../platform/db/client.js';
import { insertInChunks } from '../../platform/db/bulk.js';
import { codes, establishments, organizations, units } from './tables.js';
import { createOfferStore } from './store.js';

export interface OfferSeed {
  codes: Array<typeof codes.$inferInsert>;
  organizations: Array<typeof organizations.$inferInsert>;
  establishments: Array<typeof establishments.$inferInsert>;
  units: Array<typeof units.$inferInsert>;
}

export async function seedOffer(db: Database, input: OfferSeed): Promise<boolean> {
  if ((await createOfferStore(db.orm).countOrganizations()) > 0) return false;
  await db.orm.transaction(async (tx) => {
    await insertInChunks(tx as never, codes, input.codes);
    await insertInChunks(tx as never, organizations, input.organizations);
    await insertInChunks(tx as never, establishments, input.establishments);
    await insertInChunks(tx as never, units, input.units);
  });
  return true;
}
