/**
 * The migrated cluster a first start keeps for the next (scripts/lib/cluster-template.ts): which
 * starts use it, which write it, and that a new data directory started from it holds what was
 * written before the copy.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/client.js';
import { emptyPglite } from './helpers/pglite.js';
import { clusterTemplate, saveTemplate, templateFile } from '../scripts/lib/cluster-template.js';
import { testEnv } from './helpers/hub.js';

const folder = mkdtempSync(join(tmpdir(), 'ror-cluster-template-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('clusterTemplate', () => {
  const base = loadConfig(testEnv());
  const embedded = (dataDir: string) => ({ ...base, database: { kind: 'pglite' as const, dataDir } });

  it('a new data directory starts from the kept cluster when there is one, and keeps it otherwise', () => {
    const { config, saveTo } = clusterTemplate(embedded(join(folder, 'new')));
    expect(templateFile()).toMatch(/\.build\/pglite\/[0-9a-f]{16}\.tar$/);
    const loadFrom = config.database.kind === 'pglite' ? config.database.loadFrom : undefined;
    expect([loadFrom, saveTo].filter(Boolean)).toEqual([templateFile()]); // exactly one of the two
  });

  it('a directory that holds a cluster, an in-memory database and PostgreSQL are left as they are', () => {
    const existing = join(folder, 'existing');
    mkdirSync(existing, { recursive: true });
    writeFileSync(join(existing, 'PG_VERSION'), '17\n');
    for (const config of [embedded(existing), loadConfig(testEnv({ ROR_DB_IN_MEMORY: 'true' })), loadConfig(testEnv({ DATABASE_URL: 'postgres://127.0.0.1:1/none' }))]) {
      expect(clusterTemplate(config)).toEqual({ config });
    }
  });
});

describe('saveTemplate', { timeout: 120_000 }, () => {
  it('writes the cluster whole; a new data directory loaded from it holds its rows and takes writes', async () => {
    const source = await emptyPglite(); // a new cluster (test/helpers/pglite.ts)
    const file = join(folder, 'cluster.tar');
    try {
      await source.rows(sql`create table kept (n int)`);
      await source.rows(sql`insert into kept values (1), (2)`);
      await saveTemplate(source, file);
    } finally {
      await source.close();
    }
    const copy = await openDatabase({ kind: 'pglite', dataDir: join(folder, 'from-template'), loadFrom: file });
    try {
      await copy.rows(sql`insert into kept values (3)`);
      expect(await copy.rows(sql`select sum(n)::int as total from kept`)).toEqual([{ total: 6 }]);
    } finally {
      await copy.close();
    }
  });
});
