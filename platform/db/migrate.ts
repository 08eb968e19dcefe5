/**
 * Applies a subgraph's committed drizzle-kit migrations. Each subgraph migrates only its own
 * Postgres schema; the journals sit side by side in the `drizzle` schema, one table per subgraph.
 */
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { MIGRATION_LOCK, type Database } from './client.js';

export async function applyMigrations(db: Database, owner: string, migrationsFolder: string): Promise<void> {
  const options = { migrationsFolder, migrationsSchema: 'drizzle', migrationsTable: `${owner}_migrations` };
  await db.withExclusiveLock(MIGRATION_LOCK, async () => {
    if (db.kind === 'pglite') await migratePglite(db.orm as unknown as PgliteDatabase, options);
    else await migratePg(db.orm as unknown as NodePgDatabase, options);
  });
}
