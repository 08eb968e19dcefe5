/**
 * The admissions subgraph loads its data key when it builds (docs/admissions.md § Data
 * protection): in production without ROR_ADMISSION_DATA_KEY the start fails there, with the
 * variable named; with the key, or outside production, it starts. Both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { loadConfig, type HubConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { createSubgraphClient } from '../platform/subgraph-client.js';
import type { ChangeFeed } from '../platform/changes/feed.js';
import type { Database } from '../platform/db/client.js';
import { startAdmissionJobs } from '../subgraphs/admissions/requests/index.js';
import { databaseKinds, openMigratedDatabase, testEnv, TEST_INTERNAL_SECRET } from './helpers/hub.js';

describe.each(databaseKinds())('admissions data key at start-up (%s)', (kind) => {
  let db: Database;
  let drop: () => Promise<void>;
  const base = loadConfig(testEnv());
  const start = async (config: HubConfig) => {
    const app = Fastify();
    try {
      const deps = { db, config, logger: createLogger('silent'), internalSecret: TEST_INTERNAL_SECRET, feed: null as unknown as ChangeFeed, client: createSubgraphClient(config, TEST_INTERNAL_SECRET) };
      await startAdmissionJobs(app, deps);
    } finally {
      await app.close();
    }
  };

  beforeAll(async () => {
    ({ db, drop } = await openMigratedDatabase(kind));
  }, 120_000);
  afterAll(async () => drop?.());

  it('production without ROR_ADMISSION_DATA_KEY: the start fails naming the variable', async () => {
    const config = { ...base, nodeEnv: 'production', admissions: { ...base.admissions, dataKey: null } };
    await expect(start(config)).rejects.toThrow(/ROR_ADMISSION_DATA_KEY is required in production/);
  });

  it('production with the key, or a test hub without it, starts', async () => {
    await start({ ...base, nodeEnv: 'production', admissions: { ...base.admissions, dataKey: randomBytes(32).toString('base64') } });
    await start({ ...base, admissions: { ...base.admissions, dataKey: null } });
  });
});
