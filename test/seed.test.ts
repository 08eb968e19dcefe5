/** The demo region is seeded once on an empty database, and never again; the embedded database is single-process. */
import { describe, it, expect, afterAll } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig, SUBGRAPH_NAMES } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { openDatabase, type Database } from '../platform/db/client.js';
import { DatabaseBusyError } from '../platform/db/dir-lock.js';
import { prepareDatabase } from '../scripts/hub.js';
import { seedDemoRegion } from '../scripts/demo/seed.js';
import { createScratchDatabase, databaseKinds, scratchDir, testEnv } from './helpers/hub.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function counts(db: Database): Promise<Record<string, number>> {
  const [row] = await db.rows<Record<string, number>>(sql`select
    (select count(*)::int from offer.establishment) as establishments,
    (select count(*)::int from offer.unit) as units,
    (select count(*)::int from capacities.unit_capacity) as capacities,
    (select count(*)::int from tensions.declaration) as tensions,
    (select count(*)::int from professionals.professional) as professionals`);
  return row!;
}

describe.each(databaseKinds())('demo seed on %s', (kind) => {
  it('seeds an empty database once; a second start seeds nothing and changes nothing', async () => {
    const dir = scratchDir('ror-seed-');
    dirs.push(dir);
    const scratch = kind === 'postgres' ? await createScratchDatabase() : null;
    const env = testEnv({ ROR_DB_IN_MEMORY: 'false', ROR_DATA_DIR: join(dir, 'db'), ...(scratch ? { DATABASE_URL: scratch.url } : {}) });
    const config = loadConfig(env);
    const logger = createLogger('silent');
    try {
      const first = await prepareDatabase(config, logger, SUBGRAPH_NAMES);
      const before = await counts(first);
      await first.close();
      expect(before.establishments).toBeGreaterThan(100);
      expect(before.capacities).toBe(before.units);

      const second = await prepareDatabase(config, logger, SUBGRAPH_NAMES);
      expect(await seedDemoRegion(second, SUBGRAPH_NAMES)).toEqual([]);
      expect(await counts(second)).toEqual(before);
      await second.close();
    } finally {
      await scratch?.drop();
    }
  });
});

describe('embedded database lock', () => {
  it('refuses a second opener of the same data directory with a clear message', async () => {
    const dir = scratchDir('ror-lock-');
    dirs.push(dir);
    const config = { kind: 'pglite', dataDir: join(dir, 'db') } as const;
    // The first opener starts from the run's migrated dump when there is one (the lock is the
    // point, not the cluster's creation, which the seed test above does on an empty directory).
    const loadFrom = process.env.ROR_TEST_MIGRATED_PGLITE;
    const db = await openDatabase({ ...config, ...(loadFrom ? { loadFrom } : {}) });
    try {
      // The lock is per process; simulate another live process by writing our parent's pid.
      const { writeFileSync } = await import('node:fs');
      writeFileSync(`${join(dir, 'db')}.lock`, String(process.ppid));
      await expect(openDatabase(config)).rejects.toBeInstanceOf(DatabaseBusyError);
      await expect(openDatabase(config)).rejects.toThrow(/in use by process \d+; stop it first or set DATABASE_URL/);
    } finally {
      await db.close();
    }
  });
});
