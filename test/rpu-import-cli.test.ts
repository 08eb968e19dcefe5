/**
 * `npm run import:rpu` and `npm run demo:rpu` as processes (docs/emergency.md § Command and route):
 * direct on the database (a new PGlite data directory, PostgreSQL when TEST_DATABASE_URL is set),
 * and through a running hub that holds the PGlite data directory; exit codes 0/1/2, progress on
 * stderr, report on stdout without any value of a passage.
 *
 * On the database directly, the first import runs as a process, on a data directory it creates
 * and migrates from nothing; the others call the command's `main` in this process
 * (helpers/cli.ts runMain: a Node start and the module loading fewer per run), on that directory
 * (no second cluster made in WebAssembly). Through the hub the imports stay processes: the hub
 * runs in this process and holds the data directory's lock under this process's id, which an
 * in-process command would take as its own. The first demo:rpu runs as a process, the second in
 * this process.
 */
import { runMain, runScript, type Run } from './helpers/cli.js';
import { main as importRpuMain } from '../scripts/import-rpu.js';
import { main as demoRpuMain } from '../scripts/demo/rpu.js';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScratchDatabase, scratchDir, startTestHub, type TestHub } from './helpers/hub.js';
import { asUser } from './helpers/tokens.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLE = join(root, 'test/fixtures/rpu/exemple_rpu_synthetique.xml');
const BOURGES = '180000010';
const HEADER = 'FINESS;CP;COMMUNE;NAISSANCE;SEXE;ENTREE;MODE_ENTREE;PROVENANCE;SORTIE;MODE_SORTIE;DESTINATION;ORIENT';
/** Record 2 breaks two rules (NAISSANCE, PROVENANCE); none of its values may appear in the output. */
const BAD = [HEADER, `${BOURGES};18000;;01/01/1960;F;14/01/2025 08:00;8;5;14/01/2025 10:00;8;;`, `${BOURGES};2A004;;31/02/1951;M;14/01/2025 09:00;8;1;14/01/2025 11:00;8;;`].join('\n');

const BASE_ENV = { ROR_SEED_DEMO: 'false', LOG_LEVEL: 'silent', DATABASE_URL: '', ROR_DB_IN_MEMORY: 'true', ROR_TOKEN: '' };
function run(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return runScript(script, args, { ...BASE_ENV, ...env });
}
const importRpu = (args: string[], env: Record<string, string> = {}) => run('scripts/import-rpu.ts', args, env);
const importRpuHere = (args: string[], env: Record<string, string> = {}) => runMain(importRpuMain, args, { ...BASE_ENV, ...env });

describe('the import:rpu CLI on the database directly', () => {
  let dir: string;
  /** One data directory for the file: the first import creates it (a test run alone creates it too). */
  const onDisk = () => ({ ROR_DB_IN_MEMORY: 'false', ROR_DATA_DIR: join(dir, 'db') });
  beforeAll(() => {
    dir = scratchDir('ror-rpu-cli-');
    writeFileSync(join(dir, 'bad.csv'), BAD);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports the example (exit 0), progress on stderr, FINESS listed as unchecked', { timeout: 60_000 }, async () => {
    const done = await importRpu([EXAMPLE, '--json'], onDisk());
    expect(done.code).toBe(0);
    expect(done.stderr).toContain('100% (2/2)');
    expect(JSON.parse(done.stdout)).toMatchObject({ file: EXAMPLE, format: 'xml', records: 2, created: 2, written: true, uncheckedEstablishments: ['450002613'] });
  });

  it('rejects a bad file per record (exit 1) without printing its values; a missing file is exit 2', { timeout: 60_000 }, async () => {
    const bad = await importRpuHere([join(dir, 'bad.csv')], onDisk());
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('record 2, line 3: NAISSANCE');
    expect(bad.stdout).toContain('record 2, line 3: PROVENANCE');
    expect(bad.stdout).toContain('nothing written: 2 problem(s)');
    for (const value of ['31/02/1951', '01/01/1960', '2A004', '14/01/2025 09:00']) expect(bad.stdout + bad.stderr).not.toContain(value);
    expect((await importRpuHere([join(dir, 'missing.xml')], onDisk())).code).toBe(2);
    expect((await importRpuHere([], onDisk())).code).toBe(2);
  });

  it.runIf(process.env.TEST_DATABASE_URL)('imports into PostgreSQL; the same file again changes nothing', { timeout: 60_000 }, async () => {
    const scratch = await createScratchDatabase();
    try {
      const env = { DATABASE_URL: scratch.url, ROR_DB_IN_MEMORY: 'false' };
      expect(JSON.parse((await importRpuHere([EXAMPLE, '--json'], env)).stdout)).toMatchObject({ created: 2, written: true });
      expect(JSON.parse((await importRpuHere([EXAMPLE, '--json'], env)).stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    } finally {
      await scratch.drop();
    }
  });
});

describe('the import:rpu CLI while a hub holds the PGlite data dir', () => {
  let dir: string;
  let hub: TestHub;
  const env = () => ({ ROR_DB_IN_MEMORY: 'false', ROR_DATA_DIR: join(dir, 'db') });
  const base = () => hub.urls.graphql.replace(/\/graphql$/, '');
  beforeAll(async () => {
    dir = scratchDir('ror-rpu-hub-');
    hub = await startTestHub('pglite', { ROR_DB_IN_MEMORY: 'false', ROR_DATA_DIR: join(dir, 'db') });
  }, 180_000);
  afterAll(async () => {
    await hub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a demo:rpu file of seeded days to the hub with --token: every passage unchanged (exit 0)', { timeout: 120_000 }, async () => {
    const generated = await run('scripts/demo/rpu.ts', ['--finess', BOURGES, '--days', '2', '--csv']);
    expect(generated.code).toBe(0);
    expect(generated.stderr).toMatch(/\d+ synthetic passages of 180000010/);
    const file = join(dir, 'bourges.csv');
    writeFileSync(file, generated.stdout);
    const rows = generated.stdout.trim().split('\n').length - 1;
    expect(rows).toBeGreaterThan(100);

    const token = (await asUser(hub.urls.graphql, 'decl.tension.bourges')).replace(/^Bearer /, '');
    const sent = await importRpu([file, '--hub', base(), '--token', token, '--json'], env());
    expect(sent.stderr).toContain("waiting for the hub's report");
    expect(sent.code).toBe(0);
    // The generator writes the passages the demo seeded: nothing new. A passage still in the ED
    // when the run's seeded copy was made may have left since (the seed and the generator both
    // read the clock), so its exit is an update; the same file sent again changes nothing.
    const first = JSON.parse(sent.stdout) as { updated: number; unchanged: number };
    expect(first).toMatchObject({ format: 'csv', records: rows, created: 0, uncheckedEstablishments: [] });
    expect(first.updated + first.unchanged).toBe(rows);
    expect(first.updated).toBeLessThan(rows / 10);
    const again = await importRpu([file, '--hub', base(), '--token', token, '--json'], env());
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ records: rows, created: 0, updated: 0, unchanged: rows });
  });

  it('relays a refusal (exit 2), and without a token says how to get one (exit 2)', { timeout: 120_000 }, async () => {
    const orleans = await runMain(demoRpuMain, ['--finess', '450002613', '--days', '1'], {});
    expect(orleans.code).toBe(0);
    const file = join(dir, 'orleans.xml');
    writeFileSync(file, orleans.stdout);
    const token = (await asUser(hub.urls.graphql, 'decl.tension.bourges')).replace(/^Bearer /, '');
    // Two processes independent of each other: started together.
    const [forbidden, anonymous] = await Promise.all([importRpu([file, '--hub', base(), '--token', token], env()), importRpu([file, '--hub', base()], env())]);
    expect(forbidden.code).toBe(2);
    expect(forbidden.stderr).toContain('FORBIDDEN');
    expect(anonymous.code).toBe(2);
    expect(anonymous.stderr).toContain('is running on this embedded database: pass --token');
  });
});
