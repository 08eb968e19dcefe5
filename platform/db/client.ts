/**
 * The database: Drizzle ORM on embedded PGlite (default) or on node-postgres (DATABASE_URL).
 * Same schema, same migrations, same SQL on both; callers only see `Database`.
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { mkdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { DatabaseConfig } from '../config.js';
import { acquireDirLock, type StaleLock } from './dir-lock.js';
import { DumpMemoryFS } from './pglite-snapshot.js';
import { checkpointIfDue, walSettings } from './pglite-wal.js';
import { tracingOn } from '../tracing.js';
import { tracePglite, tracePgPool } from './tracing.js';

export type Orm = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly orm: Orm;
  /** Runs raw SQL and returns its rows (same shape on both drivers). */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  /** Runs `fn` while holding a cluster-wide lock, so concurrent processes migrate one at a time. */
  withExclusiveLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /**
   * LISTENs on `channel`: `onNotify` gets each payload; `onReconnect` is called after the
   * listening connection was lost and re-established (notifications may have been missed).
   * Resolves once listening; the returned function stops.
   */
  listen(channel: string, onNotify: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * PGlite only: writes the data directory to `file` as a tar that `loadFrom` starts from (tests
   * migrate and seed one database per run, then start each private one from it).
   */
  dump?(file: string): Promise<void>;
  /**
   * PGlite only: checkpoints once enough WAL was written since the last checkpoint, which PGlite
   * never does on its own (platform/db/pglite-wal.ts); returns the WAL bytes it covered, or 'idle'.
   * The hub runs it as a job.
   */
  checkpointWal?(): Promise<number | 'idle'>;
}

/** Extensions the hub relies on (name search, accent folding, true-radius distances). */
export const EXTENSIONS = ['pg_trgm', 'unaccent', 'cube', 'earthdistance'] as const;

const PGLITE_EXTENSIONS = { pg_trgm, unaccent, cube, earthdistance };

/** Told when a stale lock of the embedded database is taken over (the hub logs it as a warning). */
export type OnStaleLock = (stale: StaleLock) => void;

/** Without a logger (CLIs), the takeover is one line on stderr. */
const warnOnStderr: OnStaleLock = ({ file, holder, reason }) =>
  process.stderr.write(`warning: took over the stale lock ${file} of process ${holder.pid} (${reason === 'dead' ? 'no longer running' : 'PID now used by another program'})\n`);

async function openPglite(config: Extract<DatabaseConfig, { kind: 'pglite' }>, onStale: OnStaleLock): Promise<Database> {
  const { dataDir, loadFrom, sharedBuffers } = config;
  const release = dataDir ? acquireDirLock(dataDir, onStale) : () => {};
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  try {
    const client = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      // Starting from a dump skips the cluster's creation (initdb), the costliest part of a start;
      // PGlite refuses it when the data directory already holds a database. In memory, the dump
      // parsed once per process fills the new file system (D215).
      ...(loadFrom ? (dataDir ? { loadDataDir: new Blob([readFileSync(loadFrom)]) } : { fs: new DumpMemoryFS(loadFrom) }) : {}),
      extensions: PGLITE_EXTENSIONS,
      startParams: [...PGlite.defaultStartParams, ...walSettings(dataDir === null), ...(sharedBuffers ? ['-c', `shared_buffers=${sharedBuffers}`] : [])],
    });
    if (tracingOn()) tracePglite(client); // a span per statement (platform/db/tracing.ts)
    const orm = drizzlePglite(client) as unknown as Orm;
    return {
      kind: 'pglite',
      orm,
      rows: async <T>(query: SQL) => ((await orm.execute(query)) as unknown as { rows: T[] }).rows,
      // PGlite serves one process and runs one statement at a time: nothing else to lock.
      withExclusiveLock: (_key, fn) => fn(),
      // One in-process instance: its notifications cannot be lost to a dropped connection.
      listen: async (channel, onNotify) => {
        const stop = await client.listen(channel, onNotify);
        return async () => stop();
      },
      ping: async () => void (await client.query('select 1')),
      dump: async (file) => {
        await client.query('checkpoint'); // everything on the data files: the copy needs no WAL replay
        await writeFile(file, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
      },
      checkpointWal: () => checkpointIfDue(client),
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

function openPostgres(url: string, poolMax = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolMax });
  // An idle connection the server terminates (restart, failover, dropped database) is replaced by
  // the pool on next use; without a listener its error would crash the process.
  pool.on('error', () => undefined);
  if (tracingOn()) tracePgPool(pool); // a span per statement (platform/db/tracing.ts)
  const orm = drizzlePg(pool) as unknown as Orm;
  return {
    kind: 'postgres',
    orm,
    rows: async <T>(query: SQL) => ((await orm.execute(query)) as unknown as { rows: T[] }).rows,
    withExclusiveLock: async (key, fn) => {
      const lockClient = await pool.connect();
      try {
        await lockClient.query('select pg_advisory_lock($1)', [key]);
        return await fn();
      } finally {
        await lockClient.query('select pg_advisory_unlock($1)', [key]).catch(() => undefined);
        lockClient.release();
      }
    },
    listen: (channel, onNotify, onReconnect) => listenPostgres(url, channel, onNotify, onReconnect),
    ping: async () => void (await pool.query('select 1')),
    close: () => pool.end(),
  };
}

/**
 * A dedicated connection (LISTEN cannot share a pooled one) that reconnects with backoff when
 * dropped, telling the caller so it can catch up on what it missed meanwhile.
 *
 * One retry loop at a time: a connection that fails while connecting also emits 'end', so only
 * the 'end' of an established connection schedules a reconnection (a failed attempt is retried
 * by `reconnect` alone). Scheduling from both doubled the loops at every failed attempt: an
 * outage of a minute (a dropped database) grew into thousands of connection attempts.
 */
async function listenPostgres(url: string, channel: string, onNotify: (payload: string) => void, onReconnect?: () => void) {
  let client: pg.Client | null = null;
  let stopped = false;
  let delay = 250;
  const retryLater = () => {
    setTimeout(() => void reconnect(), delay);
    delay = Math.min(delay * 2, 10_000);
  };
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    let established = false;
    next.on('notification', (n) => n.channel === channel && onNotify(n.payload ?? ''));
    next.on('error', () => undefined); // 'end' follows
    next.on('end', () => {
      if (established && !stopped) retryLater();
    });
    try {
      await next.connect();
      await next.query(`listen "${channel.replace(/"/g, '""')}"`);
    } catch (error) {
      await next.end().catch(() => undefined); // connected but the LISTEN failed: not kept open
      throw error;
    }
    if (stopped) return void (await next.end().catch(() => undefined)); // stopped while connecting
    established = true;
    client = next;
    delay = 250;
  };
  const reconnect = async (): Promise<void> => {
    if (stopped) return;
    try {
      await connect();
      if (!stopped) onReconnect?.();
    } catch {
      if (!stopped) retryLater();
    }
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => undefined);
  };
}

/**
 * Opens the configured database and makes sure the extensions exist.
 * @param onStaleLock told when a stale lock of the embedded database is taken over (default: a line on stderr)
 */
export async function openDatabase(config: DatabaseConfig, onStaleLock: OnStaleLock = warnOnStderr): Promise<Database> {
  const db = config.kind === 'postgres' ? openPostgres(config.url, config.poolMax) : await openPglite(config, onStaleLock);
  try {
    await db.withExclusiveLock(MIGRATION_LOCK, async () => {
      for (const name of EXTENSIONS) await db.rows(sql.raw(`create extension if not exists ${name}`));
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** Advisory-lock key shared by every process that creates extensions or migrates. */
export const MIGRATION_LOCK = 7_210_001;
