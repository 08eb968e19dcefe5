/** Demo data loading for the tensions subgraph. */
import type { Database } from '../../platform/db/client.js';
import { insertInChunks } from '../../platform/db/bulk.js';
import { createTensionStore } from './store.js';
import { declarations } from './tables.js';

export interface TensionSeed {
  tensions: Array<typeof declarations.$inferInsert>;
}

export async function seedTensions(db: Database, input: TensionSeed): Promise<boolean> {
  if ((await createTensionStore(db.orm).countAll()) > 0) return false;
  await db.orm.transaction((tx) => insertInChunks(tx as never, declarations, input.tensions));
  return true;
}
