/**
 * Test hubs: the whole hub (scripts/hub.ts) on ephemeral ports, on in-memory PGlite or on a fresh
 * database of the PostgreSQL server named by TEST_DATABASE_URL (created, then dropped).
 */
import pg from 'pg';
import { createServer } from 'node:net';
import { createHash, randomBytes } from 'node:crypto';
import { join, relative } from 'node:path';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadConfig, SUBGRAPH_NAMES, type HubConfig } from '../../platform/config.js';
import type { DestinationStream } from 'pino';
import { createLogger } from '../../platform/logger.js';
import type { Database } from '../../platform/db/client.js';
import { CHANGE_FEED_MIGRATIONS } from '../../platform/changes/migrations.js';
import { FHIR_MIGRATIONS } from '../../fhir/migrations.js';
import type { RunningHub } from '../../scripts/hub.js';
import { forgetTokens } from './tokens.js';
import { cachedFile, DUMP_CACHE, packageVersion, writeOnce } from './dump-cache.js';
import { TEST_SHARED_BUFFERS } from './pglite.js';
import { loadSigningKeys } from '../../subgraphs/professionals/oidc/keys.js';

/*
 * The hub's modules (every subgraph, the gateway, FHIR, the OpenID provider: about 2 s of CPU to
 * load) are imported when a hub or a database is made, not with this file: many test files take
 * only `databaseKinds` or `createScratchDatabase` from here and read the shared hubs over HTTP.
 */
const hubModule = () => import('../../scripts/hub.js');

export type DatabaseKind = 'pglite' | 'postgres';

/** The database kinds integration tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function databaseKinds(env: NodeJS.ProcessEnv = process.env): DatabaseKind[] {
  return env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * PostgreSQL when the run has it, else PGlite: the kind of a file whose database is not its
 * subject, where the server's processes take the SQL off the worker's thread.
 */
export function serverKindIfAny(env: NodeJS.ProcessEnv = process.env): DatabaseKind {
  return databaseKinds(env).at(-1)!;
}

/**
 * The kinds of an end-to-end file (D206, docs/testing.md § Which files run on both
 * kinds): its scenarios go through HTTP, GraphQL or FHIR only, and what differs between the
 * databases (drivers, connections, the change feed, locks, migrations) is run on both kinds by
 * other files. It runs on `kind` alone — half such files name each kind — on both with
 * ROR_TEST_ALL_KINDS=1, and on PGlite when PostgreSQL is not set: every test runs somewhere.
 */
export function endToEndKinds(kind: DatabaseKind, env: NodeJS.ProcessEnv = process.env): DatabaseKind[] {
  const all = databaseKinds(env);
  return env.ROR_TEST_ALL_KINDS === '1' || !all.includes(kind) ? all : [kind];
}

/**
 * scrypt cost of the test hubs' password hashes: OWASP's 2^17 costs 0.7 s of CPU per sign-in,
 * and the suite signs in about a hundred times (platform/config.ts allows it with NODE_ENV=test only).
 */
export const TEST_PASSWORD_LOG2N = 12;

/**
 * The identity-envelope key of test hubs (unless a test sets its own): subgraphs answer only
 * requests carrying an envelope signed with it, so tests that call a subgraph directly sign one
 * as the gateway would (helpers/envelope.ts).
 */
export const TEST_INTERNAL_SECRET = 'test-hub-internal-secret-0123456789abcdef';

/**
 * Env of a test hub: every port ephemeral, quiet logs, in-memory embedded database, cheap password
 * hashes, and rate limits far above what a test file sends from 127.0.0.1 (test/rate-limit.test.ts
 * sets its own).
 */
export function testEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    ROR_INTERNAL_SECRET: TEST_INTERNAL_SECRET,
    HOST: '127.0.0.1',
    PORT: '0',
    OFFER_PORT: '0',
    CAPACITIES_PORT: '0',
    TENSIONS_PORT: '0',
    PROFESSIONALS_PORT: '0',
    ADMISSIONS_PORT: '0',
    ROR_DB_IN_MEMORY: 'true',
    // A demo-sized database in memory: zero-filling 128 MB of buffers at every PGlite start took
    // 24.6 s of a run's workers' CPU, ~0.1 s per start (D251).
    ROR_PGLITE_SHARED_BUFFERS: TEST_SHARED_BUFFERS,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ROR_PASSWORD_SCRYPT_LOG2N: String(TEST_PASSWORD_LOG2N),
    ROR_RATE_LIMIT_API: '1000000',
    ROR_RATE_LIMIT_SIGNIN: '1000000',
    ...extra,
  };
}

/**
 * Creates a database on the TEST_DATABASE_URL server, empty or a copy of `template` (a database
 * nobody is connected to); returns its URL and a drop function.
 */
export async function createScratchDatabase(template?: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `ror_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
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

/**
 * A new temporary directory for an embedded database on disk: on tmpfs (/dev/shm) when the
 * machine has one, since PGlite syncs its files to disk at every commit; else in os.tmpdir().
 */
export function scratchDir(prefix: string): string {
  const shm = '/dev/shm';
  const base = existsSync(shm) && statSync(shm).isDirectory() ? shm : tmpdir();
  return mkdtempSync(join(base, prefix));
}

/**
 * Ports this process has handed out: never handed out again. A worker keeps its modules from one
 * file to the next (D207), and what is keyed by a hub's URL (tokens in helpers/tokens.ts) would
 * otherwise reach a new hub on a closed hub's port (a token signed by the other hub's key: failed
 * once in CI, 2026-12-07).
 */
const handedOut = new Set<number>();

/** A free TCP port on 127.0.0.1 (free when returned; taken again right after by our server), new to this process. */
export async function reservePort(): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

function freePort(): Promise<number> {
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
async function startOnFreePort(extra: Record<string, string>, databaseUrl: string | undefined, fresh: boolean, logs?: DestinationStream): Promise<RunningHub> {
  for (let attempt = 1; ; attempt++) {
    const port = extra.PORT ?? String(await reservePort());
    const loaded = loadConfig(testEnv({ PORT: port, ...extra, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }));
    const config = fresh ? loaded : fromSnapshot(loaded);
    try {
      const { startHub } = await hubModule();
      return await startHub(config, createLogger(config.logLevel, {}, logs));
    } catch (error) {
      const taken = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!taken || extra.PORT || attempt >= 5) throw error;
    }
  }
}

/**
 * A hub on a new database of `kind`, or on `extra.DATABASE_URL` when given (kept: its owner drops
 * it). The new database is a copy of the run's migrated or seeded one when the hub would
 * prepare it the same way (see copyFor); `fresh` builds it from scratch instead.
 */
export async function startTestHub(
  kind: DatabaseKind,
  extra: Record<string, string> = {},
  /** `logs`: where the hub's log lines go (at LOG_LEVEL), for tests that read them. */
  options: { fresh?: boolean; logs?: DestinationStream } = {},
): Promise<TestHub> {
  const fresh = options.fresh ?? false;
  const template = fresh ? undefined : templateFor(loadConfig(testEnv(extra)));
  const scratch = kind === 'postgres' && !extra.DATABASE_URL ? await createScratchDatabase(template) : null;
  const hub = await startOnFreePort(extra, scratch?.url, fresh, options.logs).catch(async (error: unknown) => {
    await scratch?.drop();
    throw error;
  });
  return {
    ...hub,
    kind,
    close: async () => {
      forgetTokens(hub.urls.graphql);
      await hub.close();
      await scratch?.drop();
    },
  };
}

/*
 * Database copies. Creating a cluster (in-memory PGlite), migrating and seeding the demo region
 * are most of a hub's start, and every private hub and database test did them again. The global
 * setup now does them once per run and kind, into two databases: migrated (no data) and seeded
 * (the demo region, as testEnv seeds it). A test starts from a copy: PGlite from a dump of the
 * data directory (`loadFrom`), PostgreSQL from `create database … template`. A hub still runs its
 * migrations and seed on the copy (no-ops there), so the production start path is unchanged.
 * Built per run, never cached: the seed is relative to the clock, and a run lasts minutes, like
 * the shared hubs' data. See docs/testing.md.
 */

type Copy = 'migrated' | 'seeded';

/** The global setup hands the copies to the workers (forked after it) in these variables. */
const COPY_ENV: Record<Copy, Record<DatabaseKind, string>> = {
  migrated: { pglite: 'ROR_TEST_MIGRATED_PGLITE', postgres: 'ROR_TEST_MIGRATED_POSTGRES' },
  seeded: { pglite: 'ROR_TEST_SEEDED_PGLITE', postgres: 'ROR_TEST_SEEDED_POSTGRES' },
};

/** The copy a hub with `config` would make of a new database, if one of ours is it. */
function copyFor(config: HubConfig): Copy | null {
  if (!config.seedDemo) return 'migrated';
  return config.nodeEnv === 'test' ? 'seeded' : null; // the seed's demo accounts depend on NODE_ENV
}

/** The PostgreSQL template for a new database of a hub with `config`, if there is one. */
export function templateFor(config: HubConfig): string | undefined {
  const copy = copyFor(config);
  return copy ? process.env[COPY_ENV[copy].postgres] : undefined;
}

/** `config` starting from the matching PGlite dump, when its database is new (in memory or in a new data directory). */
export function fromSnapshot(config: HubConfig): HubConfig {
  const { database } = config;
  const copy = copyFor(config);
  const dump = copy ? process.env[COPY_ENV[copy].pglite] : undefined;
  if (database.kind !== 'pglite' || database.loadFrom || !dump) return config;
  if (database.dataDir !== null && existsSync(join(database.dataDir, 'PG_VERSION'))) return config; // kept: a restart
  return { ...config, database: { ...database, loadFrom: dump } };
}

/** A new PostgreSQL database as a default test hub would seed it (a copy of the run's, if any). */
export function createSeededDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  return createScratchDatabase(templateFor(loadConfig(testEnv())));
}

/**
 * A new database of `kind` with every migration applied and no data (a copy of the run's
 * migrated one, or migrated here when the global setup made none), for tests on the database
 * without a hub. Its `drop` closes and removes it.
 */
export async function openMigratedDatabase(kind: DatabaseKind): Promise<{ db: Database; drop: () => Promise<void> }> {
  const env = testEnv({ ROR_SEED_DEMO: 'false' });
  const scratch = kind === 'postgres' ? await createScratchDatabase(templateFor(loadConfig(env))) : null;
  try {
    const config = fromSnapshot(loadConfig(scratch ? { ...env, DATABASE_URL: scratch.url } : env));
    const { prepareDatabase } = await hubModule();
    const db = await prepareDatabase(config, createLogger('silent'), SUBGRAPH_NAMES);
    return { db, drop: async () => (await db.close(), await scratch?.drop()) };
  } catch (error) {
    await scratch?.drop();
    throw error;
  }
}

/**
 * Global setup: prepares the migrated and the seeded database of each kind, as a test hub would
 * (prepareDatabase on testEnv), and publishes them to the workers. Returns the teardown.
 */
export async function prepareDatabaseCopies(kinds: DatabaseKind[]): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'ror-copies-'));
  const drops = await Promise.all(kinds.map((kind) => (kind === 'pglite' ? preparePgliteDumps(dir) : preparePostgresTemplates())));
  return async () => {
    for (const drop of drops) await drop();
    rmSync(dir, { recursive: true, force: true });
    for (const names of Object.values(COPY_ENV)) for (const name of Object.values(names)) delete process.env[name];
  };
}

/**
 * Seeded is made from migrated, so the cluster is created and migrated once. The migrated dump
 * holds nothing that depends on the clock: it is kept across runs (see migratedDumpFile).
 */
async function preparePgliteDumps(dir: string): Promise<() => Promise<void>> {
  const migrated = await writeOnce(await migratedDumpFile(), (partial) => dumpPrepared(loadConfig(testEnv({ ROR_SEED_DEMO: 'false' })), partial));
  process.env[COPY_ENV.migrated.pglite] = migrated;
  const seeded = join(dir, 'seeded.tar');
  const config = loadConfig(testEnv());
  await dumpPrepared({ ...config, database: { ...config.database, kind: 'pglite', dataDir: null, loadFrom: migrated } }, seeded);
  process.env[COPY_ENV.seeded.pglite] = seeded;
  return async () => {};
}

/**
 * The migrated PGlite dump, in the system temporary directory, named by a hash of all it depends
 * on: every migration file, the extensions, the PGlite and drizzle-orm versions. Dumps of other
 * hashes older than a day are removed.
 */
async function migratedDumpFile(): Promise<string> {
  const [{ EXTENSIONS }, { SUBGRAPHS }] = await Promise.all([import('../../platform/db/client.js'), import('../../scripts/subgraphs.js')]);
  const hash = createHash('sha256');
  for (const pkg of ['@electric-sql/pglite', 'drizzle-orm']) hash.update(`${pkg}@${packageVersion(pkg)}\n`);
  hash.update(`extensions ${EXTENSIONS.join(',')}\n`);
  const folders = [CHANGE_FEED_MIGRATIONS, ...Object.values(SUBGRAPHS).map((s) => s.migrationsFolder), ...FHIR_MIGRATIONS.map((m) => m.folder)];
  for (const folder of folders) {
    for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
      const path = join(folder, file);
      if (statSync(path).isFile()) hash.update(`${relative(folder, path)}\n`).update(readFileSync(path));
    }
  }
  const name = `pglite-migrated-${hash.digest('hex').slice(0, 16)}.tar`;
  const file = cachedFile(name);
  for (const old of readdirSync(DUMP_CACHE)) {
    const path = join(DUMP_CACHE, old);
    if (old !== name && Date.now() - statSync(path).mtimeMs > 86_400_000) rmSync(path, { force: true });
  }
  return file;
}

/**
 * A copy's database, migrated (and seeded) as a hub would. The seeded copy also gets the
 * provider's first signing key, drawn as the first hub start would: each hub on a copy then reads
 * it instead of drawing its own RSA key (~0.1 s of CPU, D251). The migrated copy stays without
 * one, as a new database is.
 */
async function prepareCopy(config: HubConfig): Promise<Database> {
  const { prepareDatabase } = await hubModule();
  const db = await prepareDatabase(config, createLogger('silent'), SUBGRAPH_NAMES);
  if (config.seedDemo) await loadSigningKeys(db.orm);
  return db;
}

async function dumpPrepared(config: HubConfig, file: string): Promise<void> {
  const db = await prepareCopy(config);
  try {
    await db.dump!(file);
  } finally {
    await db.close();
  }
}

async function preparePostgresTemplates(): Promise<() => Promise<void>> {
  const drops: Array<() => Promise<void>> = [];
  const dropAll = async () => {
    for (const drop of drops.reverse()) await drop();
  };
  try {
    for (const copy of ['migrated', 'seeded'] as const) {
      const template = await createScratchDatabase(copy === 'seeded' ? process.env[COPY_ENV.migrated.postgres] : undefined);
      drops.push(template.drop);
      const env = testEnv({ DATABASE_URL: template.url, ...(copy === 'migrated' ? { ROR_SEED_DEMO: 'false' } : {}) });
      const db = await prepareCopy(loadConfig(env));
      await db.close(); // a template must have no connection left when it is copied
      process.env[COPY_ENV[copy].postgres] = new URL(template.url).pathname.slice(1);
    }
  } catch (error) {
    await dropAll();
    throw error;
  }
  return dropAll;
}
