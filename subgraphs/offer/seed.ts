/**
 * Demo data loading for the offer subgraph: one transaction, skipped when data already exists.
 * Codes are not part of the seed: they come from the terminology files (terminology/load.ts),
 * synced first so that a seeded record never holds a code the `code` table lacks.
 */
import type { Database } from '../../platform/db/client.js';
import { insertInChunks } from '../../platform/db/bulk.js';
import { establishments, organizations, poles, unitContacts, units } from './tables.js';
import { createOfferStore } from './store.js';
import { syncTerminology } from './terminology/load.js';

export interface OfferSeed {
  organizations: Array<typeof organizations.$inferInsert>;
  establishments: Array<typeof establishments.$inferInsert>;
  poles: Array<typeof poles.$inferInsert>;
  units: Array<typeof units.$inferInsert>;
  contacts: Array<typeof unitContacts.$inferInsert>;
}

export async function seedOffer(db: Database, input: OfferSeed): Promise<boolean> {
  await syncTerminology(db);
  if ((await createOfferStore(db.orm).countOrganizations()) > 0) return false;
  await db.orm.transaction(async (tx) => {
    await insertInChunks(tx as never, organizations, input.organizations);
    await insertInChunks(tx as never, establishments, input.establishments);
    await insertInChunks(tx as never, poles, input.poles);
    await insertInChunks(tx as never, units, input.units);
    await insertInChunks(tx as never, unitContacts, input.contacts);
  });
  return true;
}
