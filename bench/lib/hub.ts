/**
 * The hub a bench measures: the whole hub in this process (scripts/hub.ts), every port ephemeral,
 * on a scratch database of the PostgreSQL server named by BENCH_DATABASE_URL (created, then
 * dropped) or else on in-memory PGlite. The internal secret is fixed here so that the bench can
 * sign identity envelopes for its direct-to-subgraph baseline subscriber.
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { startHub, type RunningHub } from '../../scripts/hub.js';
import { reservePort, testEnv } from '../../test/helpers/hub.js';

export interface BenchHub {
  hub: RunningHub;
  /** "PGlite (in memory)" or "PostgreSQL 15.x (scratch database …)". */
  database: string;
  internalSecret: string;
  /** The environment the hub was configured from: a gateway in another process is configured alike (bench/gateway-hive.ts). */
  env: Record<string, string>;
  /** Gateway base URL (no path). */
  base: string;
  close(): Promise<void>;
}

/** A fresh database on the server of `base`; dropped (forcefully) by the returned function. */
async function scratchDatabase(base: string, explain: boolean): Promise<{ url: string; name: string; version: string; drop: () => Promise<void> }> {
  const name = `ror_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const { rows } = await admin.query<{ server_version: string }>('show server_version');
  await admin.query(`create database ${name}`);
  // Plans of the statements slower than 20 ms, with actual times, in the server's log (before the hub connects: per new session).
  if (explain) {
    for (const setting of ["session_preload_libraries = 'auto_explain'", "auto_explain.log_min_duration = '20ms'", 'auto_explain.log_analyze = on', 'auto_explain.log_buffers = on']) {
      await admin.query(`alter database ${name} set ${setting}`);
    }
  }
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const drop = async () => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  };
  return { url: url.toString(), name, version: rows[0]?.server_version ?? '?', drop };
}

/** `explain` (PostgreSQL only): auto_explain logs the plans of slow statements to the server log; figures are then not comparable. */
export async function startBenchHub(options: { explain?: boolean } = {}): Promise<BenchHub> {
  const base = process.env.BENCH_DATABASE_URL;
  const scratch = base ? await scratchDatabase(base, options.explain ?? false) : null;
  // PGlite on disk, as `npm start` runs it: its files and WAL are then not in the process's memory.
  const dataDir = !scratch && process.env.BENCH_PGLITE_DIR ? mkdtempSync(join(process.env.BENCH_PGLITE_DIR, 'ror-bench-')) : null;
  const internalSecret = randomBytes(32).toString('base64url');
  const port = String(await reservePort()); // known before start: the OpenID issuer URL derives from it
  const env = testEnv({
    PORT: port,
    NODE_ENV: 'development', // as `npm start`: the demo region and its accounts are seeded
    // testEnv's cheap hashes are refused outside NODE_ENV=test (platform/config.ts): OWASP's cost, a few sign-ins only.
    ROR_PASSWORD_SCRYPT_LOG2N: '17',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error',
    ROR_INTERNAL_SECRET: internalSecret,
    // The daily snapshot (every active unit: ~30,000 here) would otherwise start a minute into any
    // run after 06:00 Paris time and land in the middle of the measurements.
    ROR_SNAPSHOT_TIME: '23:59',
    // A hub without any snapshot takes its first one at the first check that finds units (D61):
    // seedNationalData records today's as taken before seeding (bench/lib/national.ts).
    // The gateway's in-process subgraph calls (D211) on or off, to compare both in one session.
    ...(process.env.ROR_GATEWAY_IN_PROCESS ? { ROR_GATEWAY_IN_PROCESS: process.env.ROR_GATEWAY_IN_PROCESS } : {}),
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
    ...(dataDir ? { ROR_DB_IN_MEMORY: 'false', ROR_DATA_DIR: dataDir } : {}),
  });
  const config = loadConfig(env);
  try {
    const hub = await startHub(config, createLogger(config.logLevel));
    return {
      hub,
      database: scratch
        ? `PostgreSQL ${scratch.version} (scratch database ${scratch.name}, dropped at the end)`
        : dataDir
          ? `PGlite (data directory ${dataDir}, removed at the end; in process)`
          : 'PGlite (in memory, in process)',
      internalSecret,
      env,
      base: hub.urls.graphql.replace(/\/graphql$/, ''),
      close: async () => {
        await hub.close();
        await scratch?.drop();
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await scratch?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
