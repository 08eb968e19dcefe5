/**
 * Composition root of the whole hub in one process: database, migrations, demo seed, the four
 * subgraphs on their ports, the gateway with the FHIR adapter. Used by `npm start` and by tests.
 */
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { SUBGRAPH_NAMES, type HubConfig, type SubgraphName } from '../platform/config.js';
import type { Database } from '../platform/db/client.js';
import { openHubDatabase } from './lib/database.js';
import { applyMigrationSets } from '../platform/db/migrate.js';
import { openChangeFeed, type ChangeFeed } from '../platform/changes/feed.js';
import { CHANGE_FEED_MIGRATIONS } from '../platform/changes/migrations.js';
import { startFeedRetention } from '../platform/changes/retention.js';
import { CHECKPOINT_CHECK_MS } from '../platform/db/pglite-wal.js';
import { startJob } from '../platform/jobs.js';
import type { Logger } from '../platform/logger.js';
import { startTracing } from '../platform/tracing.js';
import { buildGateway, type Gateway } from '../gateway/app.js';
import fhirPlugin, { FHIR_PREFIX, fhirBaseUrl } from '../fhir/plugin.js';
import { FHIR_MIGRATIONS } from '../fhir/migrations.js';
import { SUBGRAPHS } from './subgraphs.js';
import { seedDemoRegion } from './demo/seed.js';
import { checkPortsFree, gatewayClaim, hubClaims, portError, subgraphClaim } from './lib/ports.js';
import type { StartupPhases } from './lib/phases.js';

export interface RunningHub {
  db: Database;
  /** The process's change feed (one for all subgraphs). */
  feed: ChangeFeed;
  gateway: Gateway;
  urls: { graphql: string; fhir: string; subgraphs: Record<SubgraphName, string> };
  close(): Promise<void>;
}

function urlOf(app: FastifyInstance, host: string, path: string): string {
  const { port } = app.server.address() as AddressInfo;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${shown}:${port}${path}`;
}

/**
 * Opens the database (or takes the one `opening`, already on its way) and brings every
 * subgraph's schema to its latest migration.
 */
export async function prepareDatabase(config: HubConfig, logger: Logger, names: readonly SubgraphName[], options: StartOptions = {}): Promise<Database> {
  const { phases, opening, afterMigrations } = options;
  const db = await (opening ?? openHubDatabase(config, logger));
  phases?.mark('database opened');
  try {
    await applyMigrationSets(db, [
      { owner: 'feed', folder: CHANGE_FEED_MIGRATIONS }, // every writer appends to it
      ...names.map((name) => ({ owner: name, folder: SUBGRAPHS[name].migrationsFolder })),
      ...FHIR_MIGRATIONS,
    ]);
    await afterMigrations?.(db);
    phases?.mark('migrations');
    if (config.seedDemo) {
      const seeded = await seedDemoRegion(db, names, new Date(), config.nodeEnv, config.passwordScryptLog2N, config.admissions);
      if (seeded.length) logger.info({ seeded }, 'demo region seeded');
      phases?.mark('demo seed');
    }
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** The identity-envelope key: configured, or drawn for this process when everything runs in it. */
export function internalSecretOf(config: HubConfig): string {
  return config.internalSecret ?? randomBytes(32).toString('base64url');
}

export interface StartOptions {
  /** Gets each step's end marked, for the start-up log line. */
  phases?: StartupPhases;
  /** The database, already being opened by the caller (`openHubDatabase`) while this module loaded. */
  opening?: Promise<Database>;
  /** Runs once the schemas are migrated, before the demo seed (`npm start` keeps a copy: scripts/lib/cluster-template.ts). */
  afterMigrations?: (db: Database) => Promise<void>;
}

export async function startHub(config: HubConfig, logger: Logger, options: StartOptions = {}): Promise<RunningHub> {
  const { phases } = options;
  const internalSecret = internalSecretOf(config);
  await checkPortsFree(config.host, hubClaims(config)); // before the database: a taken port costs nothing
  // Before the database and the servers: both are traced only when tracing is on as they start.
  const stopTracing = await startTracing(config.tracing, 'ror-hub');
  const db = await prepareDatabase(config, logger, SUBGRAPH_NAMES, options).catch(async (error: unknown) => {
    await stopTracing();
    throw error;
  });
  const started: FastifyInstance[] = [];
  let feed: ChangeFeed | null = null;
  let stopRetention: (() => Promise<void>) | null = null;
  // PGlite never checkpoints on its own: its WAL would grow with every write (D227).
  const checkpoints = db.checkpointWal ? startJob(logger, { name: 'pglite-checkpoint', everyMs: CHECKPOINT_CHECK_MS, run: db.checkpointWal, logRuns: false }) : null;
  const close = async () => {
    await stopRetention?.();
    await checkpoints?.stop();
    for (const app of started.reverse()) await app.close();
    await feed?.close();
    await db.close();
    await stopTracing(); // last: exports the spans of the shutdown too
  };
  try {
    feed = await openChangeFeed(db, logger);
    const subgraphs = {} as Record<SubgraphName, string>;
    const apps = {} as Record<SubgraphName, FastifyInstance>;
    for (const name of SUBGRAPH_NAMES) {
      const app = await SUBGRAPHS[name].build({ db, logger, config, internalSecret, feed });
      started.push(app); // closed on failure even if it never listened
      await app.listen({ host: config.host, port: config.subgraphPorts[name] }).catch((error: unknown) => {
        throw portError(error, subgraphClaim(config, name));
      });
      subgraphs[name] = urlOf(app, config.host, '/graphql');
      apps[name] = app;
      phases?.mark(`subgraph ${name}`);
    }
    const gateway = await buildGateway({ logger, config, internalSecret, subgraphUrls: subgraphs, feed, localSubgraphs: apps });
    await gateway.app.register(fhirPlugin, {
      prefix: FHIR_PREFIX,
      execute: gateway.execute,
      runtime: { principalOf: gateway.principalOf, db, feed, config },
      baseUrl: fhirBaseUrl(config.publicUrl),
    });
    phases?.mark('gateway and FHIR');
    started.push(gateway.app);
    await gateway.app.listen({ host: config.host, port: config.gatewayPort }).catch((error: unknown) => {
      throw portError(error, gatewayClaim(config));
    });
    stopRetention = startFeedRetention(db, logger, config.feedRetentionDays, { everyMs: config.purgeEveryMs ?? undefined });
    phases?.mark('gateway listening');
    const graphql = urlOf(gateway.app, config.host, '/graphql');
    return { db, feed, gateway, urls: { graphql, fhir: graphql.replace(/\/graphql$/, '/fhir'), subgraphs }, close };
  } catch (error) {
    await close();
    throw error;
  }
}
