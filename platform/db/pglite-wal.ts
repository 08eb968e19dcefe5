/**
 * PGlite's write-ahead log, kept bounded. PGlite runs PostgreSQL in single-user mode, where no
 * checkpointer runs and WAL volume never requests a checkpoint (`XLogWrite` asks only under a
 * postmaster): without an explicit CHECKPOINT the WAL grows with every write until the process
 * ends: in the process's memory for an in-memory database (emscripten's file system), on disk and
 * in the next start's recovery otherwise. The hub checkpoints once the WAL written since the last
 * checkpoint passes CHECKPOINT_WAL_BYTES (a job of the hub, scripts/hub.ts), and the settings below
 * keep the segments PostgreSQL recycles after it to a few (decision D227).
 */
import type { PGlite } from '@electric-sql/pglite';

/** WAL written since the last checkpoint beyond which the next check checkpoints: two segments. */
export const CHECKPOINT_WAL_BYTES = 32 * 2 ** 20;

/** How often the hub looks at the WAL (a cheap read of the control file). */
export const CHECKPOINT_CHECK_MS = 5_000;

/**
 * Settings PGlite starts with besides its own: after a checkpoint PostgreSQL keeps up to
 * max_wal_size of old segments for reuse (default 1 GB), at least min_wal_size (80 MB); here
 * four. In memory, full-page images serve nothing: they repair pages torn by a crash, and nothing
 * of an in-memory database outlives its process.
 */
export function walSettings(inMemory: boolean): string[] {
  const settings = ['max_wal_size=64MB', 'min_wal_size=32MB', ...(inMemory ? ['full_page_writes=off'] : [])];
  return settings.flatMap((setting) => ['-c', setting]);
}

/**
 * Checkpoints when more than `threshold` bytes of WAL were written since the last checkpoint's
 * redo point; returns those bytes, or 'idle'. PGlite runs it after any transaction under way
 * (one connection, its queries wait for transactions).
 */
export async function checkpointIfDue(client: PGlite, threshold = CHECKPOINT_WAL_BYTES): Promise<number | 'idle'> {
  const { rows } = await client.query<{ bytes: string }>('select (pg_current_wal_insert_lsn() - redo_lsn)::text as bytes from pg_control_checkpoint()');
  const bytes = Number(rows[0]?.bytes ?? 0);
  if (bytes <= threshold) return 'idle';
  await client.query('checkpoint');
  return bytes;
}
