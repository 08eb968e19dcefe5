/**
 * Applies a subgraph's committed drizzle-kit migrations. Each subgraph migrates only its own
 * Postgres schema; the journals sit side by side in the `drizzle` schema, one table per subgraph.
 */
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { MIGRATION_LOCK, type Database } from './client.js';

export async function applyMigrations(db: Database, owner: string, migrationsFolder: string): Promise<void> {
  const options = { migrationsFolder, migrationsSchema: 'drizzle', migrationsTable: `${owner}_migrations` };
  await db.withExclusiveLock(MIGRATION_LOCK, async () => {
    if (db.kind === 'pglite') await migratePglite(db.orm as unknown as PgliteDatabase, options);
    else await migratePg(db.orm as unknown as NodePgDatabase, options);
  });
}

export interface MigrationSet {
  /** Whose schema: the journal is `drizzle.<owner>_migrations`. */
  owner: string;
  folder: string;
}

/** The stamp (`when`, ms) of a folder's latest migration, from drizzle-kit's journal. */
function latestStamp(folder: string): number {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ when: number }> };
  return Math.max(0, ...journal.entries.map((entry) => entry.when));
}

/**
 * True when every set's journal already holds its folder's latest migration, read in one query.
 * Drizzle's migrator applies exactly the migrations stamped after the journal's latest
 * `created_at`, so it would do nothing then; skipping it spares, at each start of an up-to-date
 * database, reading and hashing every SQL file and three statements per set (issue 16). A
 * journal that does not exist yet (a new database) fails the query: not up to date.
 */
async function allApplied(db: Database, sets: readonly MigrationSet[]): Promise<boolean> {
  const reads = sets.map(({ owner }) => {
    if (!/^[a-z_]+$/.test(owner)) throw new Error(`invalid migration owner ${owner}`); // written into SQL below
    return `select '${owner}' as owner, max(created_at)::text as at from drizzle."${owner}_migrations"`;
  });
  try {
    const rows = await db.rows<{ owner: string; at: string | null }>(sql.raw(reads.join(' union all ')));
    const applied = new Map(rows.map((row) => [row.owner, Number(row.at ?? 0)]));
    return sets.every(({ owner, folder }) => (applied.get(owner) ?? 0) >= latestStamp(folder));
  } catch {
    return false;
  }
}

/** Brings every set's schema to its latest migration, in order; nothing but one query when already there. */
export async function applyMigrationSets(db: Database, sets: readonly MigrationSet[]): Promise<void> {
  if (await allApplied(db, sets)) return;
  for (const { owner, folder } of sets) await applyMigrations(db, owner, folder);
}
