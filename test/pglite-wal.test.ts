/**
 * PGlite's WAL stays bounded (platform/db/pglite-wal.ts, D227): PostgreSQL in
 * single-user mode never checkpoints on its own, so an in-memory database kept every WAL segment
 * it ever wrote in the process's memory. The hub's checkpoint job calls `checkpointWal`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../platform/db/client.js';
import { CHECKPOINT_WAL_BYTES } from '../platform/db/pglite-wal.js';
import { emptyPglite, TEST_SHARED_BUFFERS } from './helpers/pglite.js';

const MIB = 2 ** 20;

describe('PGlite WAL', { timeout: 120_000 }, () => {
  let db: Database;
  const walOnDisk = async () => (await db.rows<{ bytes: number }>(sql`select sum(size)::float8 as bytes from pg_ls_waldir()`))[0]!.bytes;

  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite', dataDir: null });
  });
  afterAll(() => db.close());

  it('in memory: no full-page images, a few recycled segments at most', async () => {
    const settings = await db.rows<{ name: string; setting: string; unit: string | null }>(
      sql`select name, setting, unit from pg_settings where name in ('full_page_writes', 'max_wal_size', 'min_wal_size') order by name`,
    );
    expect(settings).toEqual([
      { name: 'full_page_writes', setting: 'off', unit: null },
      { name: 'max_wal_size', setting: '64', unit: 'MB' },
      { name: 'min_wal_size', setting: '32', unit: 'MB' },
    ]);
  });

  it('shared_buffers: PostgreSQL\'s 128MB unless set; the tests\' databases take 16MB (D251)', async () => {
    const sharedBuffers = async (database: Database) => (await database.rows<{ v: string }>(sql`select current_setting('shared_buffers') as v`))[0]!.v;
    expect(await sharedBuffers(db)).toBe('128MB');
    const small = await emptyPglite();
    try {
      expect(await sharedBuffers(small)).toBe(TEST_SHARED_BUFFERS);
    } finally {
      await small.close();
    }
  });

  it('checkpoints once the WAL since the last checkpoint passes the threshold, and the segments go', async () => {
    expect(await db.checkpointWal!()).toBe('idle'); // a new database: little WAL yet
    await db.rows(sql`create table written (id int primary key, text text)`);
    await db.rows(sql`insert into written select g, repeat('x', 200) from generate_series(1, 100000) g`);
    for (const letter of ['a', 'b']) await db.rows(sql`update written set text = repeat(${letter}, 200)`);
    const before = await walOnDisk();
    expect(before).toBeGreaterThan(96 * MIB); // nothing reclaimed it on its own

    const covered = await db.checkpointWal!();
    expect(covered).toBeGreaterThan(CHECKPOINT_WAL_BYTES);
    expect(await walOnDisk()).toBeLessThanOrEqual(80 * MIB); // max_wal_size of recycled segments, and the current one
    expect(await db.checkpointWal!()).toBe('idle');
    expect((await db.rows<{ n: number }>(sql`select count(*)::int as n from written where text like 'b%'`))[0]!.n).toBe(100_000);
  });
});
