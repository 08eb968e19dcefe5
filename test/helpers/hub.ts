/**
 * Test hubs: the whole hub (scripts/hub.ts) on ephemeral ports, on in-memory PGlite or on a fresh
 * database of the PostgreSQL server named by TEST_DATABASE_URL (created, then dropped).
 */
import pg from 'pg';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { startHub, type RunningHub } from '../../scripts/hub.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** The database kinds integration tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function databaseKinds(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** Env of a test hub: every port ephemeral, quiet logs, in-memory embedded database. */
export function testEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    OFFER_PORT: '0',
    CAPACITIES_PORT: '0',
    TENSIONS_PORT: '0',
    PROFESSIONALS_PORT: '0',
    ROR_DB_IN_MEMORY: 'true',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...extra,
  };
}

/** Creates an empty database on the TEST_DATABASE_URL server; returns its URL and a drop function. */
export async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `ror_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** A free TCP port on 127.0.0.1 (free when returned; taken again right after by our server). */
export function reservePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface TestHub extends RunningHub {
  kind: DatabaseKind;
}

/**
 * The gateway's port is chosen before start, so the OpenID issuer URL (derived from it) is real;
 * another process may take it between reservation and listen (parallel test files), so a start
 * that finds it taken is retried on a new port.
 */
async function startOnFreePort(extra: Record<string, string>, databaseUrl: string | undefined): Promise<RunningHub> {
  for (let attempt = 1; ; attempt++) {
    const port = extra.PORT ?? String(await reservePort());
    const config = loadConfig(testEnv({ PORT: port, ...extra, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }));
    try {
      return await startHub(config, createLogger(config.logLevel));
    } catch (error) {
      const taken = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!taken || extra.PORT || attempt >= 5) throw error;
    }
  }
}

/** A hub on a fresh database of `kind`, or on `extra.DATABASE_URL` when given (kept: its owner drops it). */
export async function startTestHub(kind: DatabaseKind, extra: Record<string, string> = {}): Promise<TestHub> {
  const scratch = kind === 'postgres' && !extra.DATABASE_URL ? await createScratchDatabase() : null;
  const hub = await startOnFreePort(extra, scratch?.url).catch(async (error: unknown) => {
    await scratch?.drop();
    throw error;
  });
  return {
    ...hub,
    kind,
    close: async () => {
      await hub.close();
      await scratch?.drop();
    },
  };
}
