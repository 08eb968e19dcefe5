/** FINESS import (issue 4 item 4, issue 19): both layouts, Lambert 93 and overseas UTM, validation, idempotent upsert, the CLI. */
import { runMain, runScript, type Run } from './helpers/cli.js';
import { main as importFinessMain } from '../scripts/import-finess.js';
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asc, count, sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../platform/db/client.js';
import { acquireDirLock } from '../platform/db/dir-lock.js';
import { auditEvents, establishments, organizations } from '../subgraphs/offer/tables.js';
import { changeEvents } from '../platform/changes/tables.js';
import { fromWgs84, projectionByEpsg, toWgs84, type Projection } from '../subgraphs/offer/finess/projections.js';
import { finessNumberProblem } from '../subgraphs/offer/finess/numbers.js';
import { parseFiness } from '../subgraphs/offer/finess/parse.js';
import { addressPartsOfFields, addressPartsOfLine } from '../subgraphs/offer/finess/address.js';
import { cliActor, formatReport, importFiness } from '../subgraphs/offer/finess/import.js';
import { openMigratedDatabase, scratchDir } from './helpers/hub.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const DEMO = join(root, 'scripts/demo/data/finess-cvl.csv');
const SAMPLE = join(root, 'test/fixtures/finess/etalab-cs1100507-sample.csv');
const MALFORMED = join(root, 'test/fixtures/finess/etalab-cs1100507-malformed.csv');
const OVERSEAS = join(root, 'test/fixtures/finess/etalab-cs1100507-overseas.csv');
const read = (file: string) => readFileSync(file, 'utf8');

const MALFORMED_PROBLEMS = [
  { line: 3, message: 'nofinesset "12345" must be 9 characters' },
  { line: 4, message: 'rs (name) is required' },
  { line: 5, message: 'categetab "999" is not a known FINESS category' },
  { line: 6, message: 'its geolocalisation line 8 is invalid' },
  { line: 8, message: 'coordxet "abc" must be a Lambert 93 X between 0 and 1300000 (nofinesset "280505777", structureet line 6)' },
  { line: 9, message: 'geolocalisation for nofinesset "370000093" which has no structureet line' },
];

const projection = (epsg: number): Projection => projectionByEpsg(epsg) ?? expect.fail(`EPSG:${epsg} is not defined`);

/** Metres between two WGS84 positions (equirectangular: exact enough below a few km). */
function metresBetween(a: { longitude: number; latitude: number }, b: { longitude: number; latitude: number }): number {
  const rad = Math.PI / 180;
  const dx = (a.longitude - b.longitude) * rad * Math.cos(((a.latitude + b.latitude) / 2) * rad);
  const dy = (a.latitude - b.latitude) * rad;
  return Math.hypot(dx, dy) * 6_371_000;
}

describe('FINESS projections → WGS84 (proj4)', () => {
  it('Lambert 93: the projection origin and a published reference point, as the hand-written conversion gave', () => {
    const origin = toWgs84(projection(2154), 700_000, 6_600_000);
    expect(origin.longitude).toBeCloseTo(3, 9);
    expect(origin.latitude).toBeCloseTo(46.5, 9);
    // Paris (IGN/pyproj reference): (652 469.02, 6 862 035.26) ⇄ 2.3522° E, 48.8566° N; the
    // former lambert93.ts gave 2.35219996° E, 48.85660001° N: both within 1 m of each other.
    const paris = toWgs84(projection(2154), 652_469.02, 6_862_035.26);
    expect(metresBetween(paris, { longitude: 2.3521999630139847, latitude: 48.856600005015274 })).toBeLessThan(1);
    expect(paris.longitude).toBeCloseTo(2.3522, 6);
    expect(paris.latitude).toBeCloseTo(48.8566, 6);
  });

  it('round-trips every demo establishment through Lambert 93 to better than 1e-9 degree', () => {
    for (const e of parseFiness(read(DEMO)).valid) {
      if (e.latitude === null || e.longitude === null) continue;
      const { x, y } = fromWgs84(projection(2154), e.longitude, e.latitude);
      const back = toWgs84(projection(2154), x, y);
      expect(Math.abs(back.latitude - e.latitude)).toBeLessThan(1e-9);
      expect(Math.abs(back.longitude - e.longitude)).toBeLessThan(1e-9);
    }
  });

  // `geolocalisation` coordinates of the national extract of 12 May 2026 (one per overseas
  // projection), with their WGS84 position computed by PROJ (pyproj, 5 decimals) and the
  // establishment's territory. 970100012 is the Polyclinique de la Guadeloupe (Morne Jolivière,
  // Les Abymes). No Martinique line was at hand: Martinique uses the same EPSG:5490 as Guadeloupe.
  const OVERSEAS_POINTS = [
    { where: 'Guadeloupe (970100012)', epsg: 5490, x: 657_242.9, y: 1_795_384.4, longitude: -61.52874, latitude: 16.234, box: [-61.9, 15.8, -60.9, 16.6] },
    { where: 'Guyane (Cayenne)', epsg: 2972, x: 353_672.8, y: 544_349.1, longitude: -52.31973, latitude: 4.92347, box: [-54.6, 2.1, -51.6, 5.8] },
    { where: 'La Réunion', epsg: 2975, x: 323_086.6, y: 7_679_599.8, longitude: 55.29821, latitude: -20.97571, box: [55.2, -21.4, 55.85, -20.85] },
    { where: 'Mayotte (Mamoudzou)', epsg: 4471, x: 524_819.9, y: 8_587_194.7, longitude: 45.22868, latitude: -12.77989, box: [44.95, -13.05, 45.35, -12.6] },
  ] as const;

  it.each(OVERSEAS_POINTS)('$where: EPSG:$epsg lands within 50 m of its known position, in its territory', (p) => {
    const got = toWgs84(projection(p.epsg), p.x, p.y);
    expect(metresBetween(got, p)).toBeLessThan(50);
    const [west, south, east, north] = p.box;
    expect(got.longitude).toBeGreaterThan(west);
    expect(got.longitude).toBeLessThan(east);
    expect(got.latitude).toBeGreaterThan(south);
    expect(got.latitude).toBeLessThan(north);
  });

  it('Martinique (EPSG:5490): Fort-de-France falls in Martinique, not in Guadeloupe', () => {
    // Fort-de-France (about 14.60° N, 61.07° W) through UTM 20N and back: one zone covers both islands.
    const { x, y } = fromWgs84(projection(5490), -61.073, 14.6037);
    expect(x).toBeGreaterThan(700_000);
    expect(y).toBeLessThan(1_650_000);
    expect(metresBetween(toWgs84(projection(5490), x, y), { longitude: -61.073, latitude: 14.6037 })).toBeLessThan(0.01);
  });
});

describe('FINESS numbers', () => {
  it('accepts every number of the demo file (Luhn key) and explains refusals', () => {
    const parsed = parseFiness(read(DEMO));
    expect(parsed.problems).toEqual([]);
    expect(finessNumberProblem('nofinesset', '180000011')).toBe('nofinesset "180000011" has a wrong check digit (expected 0)');
    expect(finessNumberProblem('nofinesset', '12345')).toBe('nofinesset "12345" must be 9 characters');
    expect(finessNumberProblem('nofinesset', '2A0000012')).toBeNull();
  });
});

describe('parsing', () => {
  it('reads the demo CSV', () => {
    const parsed = parseFiness(read(DEMO));
    expect(parsed.layout).toBe('demo-csv');
    expect(parsed.rows).toBe(188);
    expect(parsed.valid).toHaveLength(188);
    expect(parsed.valid.find((e) => e.id === '370005001')?.name).toBe('POUPONNIERE "BEAU SITE" CHR TOURS');
  });

  it('reads the official layout and converts Lambert 93 back to the demo positions', () => {
    const parsed = parseFiness(read(SAMPLE));
    expect(parsed.layout).toBe('etalab-cs1100507');
    expect(parsed.problems).toEqual([]);
    expect(parsed.valid).toHaveLength(7);
    const demo = new Map(parseFiness(read(DEMO)).valid.map((e) => [e.id, e]));
    for (const e of parsed.valid) {
      const d = demo.get(e.id);
      expect(e.latitude).toBeCloseTo(d?.latitude ?? NaN, 6);
      expect(e.longitude).toBeCloseTo(d?.longitude ?? NaN, 6);
      // structureet lines carry no legal status (the demo CSV does: sae2021_statut_juridique).
      expect({ ...e, line: 0 }).toEqual({ ...d, line: 0, latitude: e.latitude, longitude: e.longitude, legalStatusCode: null });
    }
    expect(parsed.valid[0]).toMatchObject({ addressLine: '145 AV F MITTERAND', postalCode: '18020', city: 'BOURGES CEDEX', inseeCode: '18033', regionCode: '24' });
    // numvoie, compvoie, typvoie, voie and lieuditbp are kept apart (ISO 21090 address parts).
    expect(parsed.valid[0]).toMatchObject({ houseNumber: '145', houseNumberSuffix: null, streetType: 'AV', streetName: 'F MITTERAND', namedPlace: null, postBox: null });
    expect(parsed.valid.find((e) => e.id === '280506015')).toMatchObject({ addressLine: 'RTE DE BROU / BP 36', houseNumber: null, streetType: 'RTE', streetName: 'DE BROU', postBox: 'BP 36' });
  });

  it('reads the address parts back from a joined line only where the street type is a TRE_R35 code', () => {
    expect(addressPartsOfLine('12B R DES CARMES / BP 202')).toEqual({ houseNumber: '12', houseNumberSuffix: 'B', streetType: 'R', streetName: 'DES CARMES', namedPlace: null, postBox: 'BP 202' });
    expect(addressPartsOfLine('CHT DU COURBAT / LE COURBAT')).toEqual({ houseNumber: null, houseNumberSuffix: null, streetType: 'CHT', streetName: 'DU COURBAT', namedPlace: 'LE COURBAT', postBox: null });
    // "LA" is no street type: the words stay the street name.
    expect(addressPartsOfLine('LA FUTAIE')).toMatchObject({ streetType: null, streetName: 'LA FUTAIE' });
    expect(addressPartsOfFields('35', '', 'R', 'DU VERGER', 'ZAC DE BOISVILLE')).toMatchObject({ houseNumber: '35', streetType: 'R', namedPlace: 'ZAC DE BOISVILLE', postBox: null });
    const demo = parseFiness(read(DEMO)).valid;
    expect(demo.filter((e) => e.addressLine !== null && e.streetType === null).map((e) => e.addressLine)).toEqual(['BEAUROUVRE', 'LA FUTAIE', 'VAUGUINIER / LIEU DIT DOMAINE DE VONTES']);
  });

  it('rejects a malformed file with the exact lines and reasons', () => {
    const parsed = parseFiness(read(MALFORMED));
    expect(parsed.problems).toEqual(MALFORMED_PROBLEMS);
    expect(parsed.valid.map((e) => e.id)).toEqual(['180000010']);
    expect(parsed.rows - parsed.valid.length).toBe(5);
  });

  it('gives overseas establishments their position and keeps the metropolitan one', () => {
    const parsed = parseFiness(read(OVERSEAS));
    expect(parsed.problems).toEqual([]);
    const [guadeloupe, bourges] = parsed.valid;
    expect(guadeloupe).toMatchObject({ id: '970100012', departmentCode: '9A', regionCode: '01', inseeCode: '97101', latitude: 16.234004, longitude: -61.528737 });
    // The same Bourges line as the 2021 sample: the same position as before, to the stored 6 decimals.
    const before = parseFiness(read(SAMPLE)).valid.find((e) => e.id === '180000010');
    expect(bourges).toMatchObject({ id: '180000010', latitude: before?.latitude, longitude: before?.longitude });
  });

  it('refuses a geolocalisation line in a projection it does not know, with its line number', () => {
    const text = read(OVERSEAS).replace('EPSG:5490 RGAF09/UTM Zone 20N (Antilles)', 'WGS84/UTM zone 21N (St-Pierre-et-Miquelon)');
    const parsed = parseFiness(text);
    expect(parsed.problems).toEqual([
      { line: 2, message: 'its geolocalisation line 4 is invalid' },
      {
        line: 4,
        message: 'sourcecoordet "2,ATLASANTE,96,BAN,WGS84/UTM zone 21N (St-Pierre-et-Miquelon)" names no known projection '
          + '(expected EPSG:2154, EPSG:5490, EPSG:2972, EPSG:2975, EPSG:4471) (nofinesset "970100012", structureet line 2)',
      },
    ]);
    expect(parsed.valid.map((e) => e.id)).toEqual(['180000010']);
    // Coordinates outside the territory of the named projection are refused too.
    const astray = parseFiness(read(OVERSEAS).replace('657242.9;1795384.4', '657242.9;6795384.4'));
    expect(astray.problems[1]?.message).toMatch(/^coordyet "6795384.4" must be a RGAF09 \/ UTM 20N Y between 1500000 and 2050000 /);
  });
});

/** Audit rows and feed events, in order, as [recordType, recordId, action, actor]. */
async function trail(db: Database) {
  const audit = await db.orm.select().from(auditEvents).orderBy(asc(auditEvents.id));
  const events = await db.orm.select().from(changeEvents).orderBy(asc(changeEvents.id));
  return { audit, events };
}

async function counts(db: Database): Promise<[number, number]> {
  const [o] = await db.orm.select({ n: count() }).from(organizations);
  const [e] = await db.orm.select({ n: count() }).from(establishments);
  return [o?.n ?? 0, e?.n ?? 0];
}

const kinds = process.env.TEST_DATABASE_URL ? (['pglite', 'postgres'] as const) : (['pglite'] as const);

/**
 * The tables a migrated database has empty (every table a test can fill: the offer's records, the
 * audit trail, the change feed, …); the tables migrations filled (reference data, the migrations'
 * journal) are left out.
 */
async function emptyTables(db: Database): Promise<string[]> {
  const tables = await db.rows<{ name: string }>(sql`select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1`);
  const empty: string[] = [];
  for (const { name } of tables) {
    const [row] = await db.rows<{ filled: boolean }>(sql`select exists (select from ${sql.raw(name)}) as filled`);
    if (!row?.filled) empty.push(name);
  }
  return empty;
}

describe.each(kinds)('import into the offer schema (%s)', (kind) => {
  let db: Database;
  let drop: () => Promise<void> = async () => {};
  let empty: string[] = [];
  // One copy of the run's migrated database per kind (helpers/hub.ts), emptied before each test,
  // sequences restarted (D208): each test starts from the state a new copy has, without
  // opening one per test (a PGlite copy is a dump unpacked and PostgreSQL started in WebAssembly).
  beforeAll(async () => {
    ({ db, drop } = await openMigratedDatabase(kind));
    empty = await emptyTables(db);
    expect(empty).toEqual(expect.arrayContaining(['offer.establishment', 'offer.organization']));
  }, 60_000);
  afterAll(async () => {
    await drop();
  });
  beforeEach(async () => {
    await db.rows(sql.raw(`truncate ${empty.join(', ')} restart identity`));
  });

  it('imports the demo CSV twice: the second run creates and updates nothing', async () => {
    const first = await importFiness(db, read(DEMO));
    expect(first).toMatchObject({ created: 188, updated: 0, unchanged: 0, rejected: 0, written: true });
    // 65 rows have no INSEE code; the file's other rows give it for 46 of them, the 19 others are reported by line.
    expect(first.unresolvedCommunes).toHaveLength(19);
    expect(first.unresolvedCommunes).toContainEqual({ line: 93, id: '370002479', postalCode: '37000', city: 'TOURS' });
    expect(formatReport(first, 'finess-cvl.csv')).toContain('line 93: 370002479 has no INSEE commune code and no other row gives one for TOURS (37000)');
    const second = await importFiness(db, read(DEMO));
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 188, rejected: 0, organizations: { created: 0 } });
    expect(await counts(db)).toEqual([first.organizations.created, 188]);
  });

  it('audits and publishes every created record once, and nothing on a re-import', async () => {
    const actor = cliActor('alice');
    const first = await importFiness(db, read(DEMO), { actor });
    const { audit, events } = await trail(db);
    expect(audit).toHaveLength(first.organizations.created + 188);
    expect(audit.filter((a) => a.recordType === 'ESTABLISHMENT').map((a) => a.recordId).sort()).toEqual(parseFiness(read(DEMO)).valid.map((e) => e.id).sort());
    expect(new Set(audit.map((a) => `${a.action} ${a.actorSubject} ${a.actorName}`))).toEqual(new Set(['IMPORT cli cli:alice']));
    // The feed carries the same records and changes as the audit trail, in the same order.
    expect(events.map((e) => [e.topic, e.recordType, e.recordId, e.action, e.actor, e.payload])).toEqual(
      audit.map((a) => ['offer', a.recordType, a.recordId, 'IMPORT', 'cli:alice', { changes: a.changes }]),
    );
    const site = audit.find((a) => a.recordId === '180000010')!;
    expect(site.changes).toMatchObject({ name: { from: null, to: 'CH BOURGES - JACQUES COEUR' }, organizationId: { from: null, to: '180000028' } });
    expect(audit.find((a) => a.recordType === 'ORGANIZATION' && a.recordId === '180000028')!.changes).toMatchObject({ name: { from: null, to: 'CH BOURGES - JACQUES COEUR' } });

    await importFiness(db, read(DEMO), { actor });
    const again = await trail(db);
    expect(again.audit).toHaveLength(audit.length);
    expect(again.events).toHaveLength(events.length);
  });

  it('audits an update with the changed fields only, from and to', async () => {
    await importFiness(db, read(DEMO));
    const before = (await trail(db)).events.length;
    const edited = read(DEMO).replace('180000010;180000028;CH  BOURGES - JACQUES COEUR;', '180000010;180000028;CH BOURGES JACQUES COEUR;');
    await importFiness(db, edited, { actor: cliActor('bob') });
    const { audit, events } = await trail(db);
    expect(events.slice(before).map((e) => [e.recordType, e.recordId, e.action, e.actor, e.payload])).toEqual([
      ['ESTABLISHMENT', '180000010', 'IMPORT', 'cli:bob', { changes: { name: { from: 'CH BOURGES - JACQUES COEUR', to: 'CH BOURGES JACQUES COEUR' } } }],
    ]);
    expect(audit.at(-1)).toMatchObject({ recordId: '180000010', actorName: 'cli:bob', changes: { name: { from: 'CH BOURGES - JACQUES COEUR', to: 'CH BOURGES JACQUES COEUR' } } });
  });

  it('reports updated fields and moves updated_at only for changed rows', async () => {
    await importFiness(db, read(DEMO), { now: new Date('2026-01-01T00:00:00Z') });
    const edited = read(DEMO).replace('180000010;180000028;CH  BOURGES - JACQUES COEUR;', '180000010;180000028;CH BOURGES JACQUES COEUR;');
    const report = await importFiness(db, edited, { now: new Date('2026-02-01T00:00:00Z') });
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 187 });
    expect(report.changes).toEqual([{ id: '180000010', line: 2, outcome: 'updated', fields: ['name'] }]);
    const rows = await db.orm.select({ id: establishments.id, updatedAt: establishments.updatedAt }).from(establishments);
    const moved = rows.filter((r) => r.updatedAt.toISOString() === '2026-02-01T00:00:00.000Z').map((r) => r.id);
    expect(moved).toEqual(['180000010']);
  });

  it('writes nothing when a row is rejected, and only the valid rows with partial', async () => {
    await importFiness(db, read(SAMPLE));
    const before = await counts(db);
    const refused = await importFiness(db, read(MALFORMED));
    expect(refused).toMatchObject({ written: false, rejected: 5, problems: MALFORMED_PROBLEMS });
    expect(await counts(db)).toEqual(before);
    expect((await trail(db)).events).toHaveLength(before[0] + before[1]);

    await db.orm.delete(establishments);
    await db.orm.delete(organizations);
    const partial = await importFiness(db, read(MALFORMED), { partial: true });
    expect(partial).toMatchObject({ written: true, created: 1, rejected: 5 });
    expect(await counts(db)).toEqual([1, 1]);
  });

  it('dry run reports without writing', async () => {
    const report = await importFiness(db, read(SAMPLE), { dryRun: true });
    expect(report).toMatchObject({ created: 7, written: false, organizations: { created: 5 } });
    expect(await counts(db)).toEqual([0, 0]);
    expect(await trail(db)).toEqual({ audit: [], events: [] });
  });
});

const CLI_ENV = { ROR_SEED_DEMO: 'false', LOG_LEVEL: 'silent', DATABASE_URL: '' };
function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return runScript('scripts/import-finess.ts', args, { ...CLI_ENV, ...env });
}
/**
 * The same command through its `main` in this process (helpers/cli.ts runMain): a Node start and
 * the module loading fewer per run. Not while this process holds the data directory's lock: the
 * command would take it as its own. The script as a process is run below where a process is the
 * subject (a hub's lock held by another process: exit 2), and by finess-import-hub.test.ts (exit
 * 0, 1 and 2); the first run here, a new data directory created and migrated, runs in this
 * process too: in a process of its own it cost 5.3 s of CPU (Node, the command's modules, PGlite's
 * WebAssembly compiled again), the directory's creation and migrations being the same either way.
 */
function cliHere(args: string[], env: Record<string, string>): Promise<Run> {
  return runMain(importFinessMain, args, { ...CLI_ENV, ...env });
}

describe('the import:finess CLI (PGlite data dir)', () => {
  let dir: string;
  beforeEach(() => {
    dir = scratchDir('ror-finess-');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates, refuses a malformed file (exit 1), imports, and is idempotent', { timeout: 120_000 }, async () => {
    const env = { ROR_DATA_DIR: join(dir, 'db') };
    const bad = await cliHere([MALFORMED], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('line 3: nofinesset "12345" must be 9 characters');
    expect(bad.stdout).toContain('line 9: geolocalisation for nofinesset "370000093" which has no structureet line');
    expect(bad.stdout).toContain('nothing written');

    const ok = await cliHere([SAMPLE], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('establishments: 7 created, 0 updated, 0 unchanged, 0 rejected');

    const again = await cliHere([SAMPLE, '--json'], env);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ layout: 'etalab-cs1100507', created: 0, updated: 0, unchanged: 7 });

    const partial = await cliHere([MALFORMED, '--partial'], env);
    expect(partial.code).toBe(0);
    expect(partial.stdout).toContain('5 rejected');
    expect(partial.stdout).toContain('partial import');

    // The audit trail names the OS user who ran the command.
    const db = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'db') });
    try {
      const actors = await db.orm.selectDistinct({ subject: auditEvents.actorSubject, name: auditEvents.actorName }).from(auditEvents);
      expect(actors).toEqual([{ subject: 'cli', name: expect.stringMatching(/^cli:.+/) }]);
      expect((await db.orm.select({ n: count() }).from(changeEvents))[0]!.n).toBe(7 + 5);
    } finally {
      await db.close();
    }
  });

  it('explains what to do when a hub holds the embedded database (exit 2)', async () => {
    const dbDir = join(dir, 'db');
    const release = acquireDirLock(dbDir);
    try {
      const run = await cli([SAMPLE], { ROR_DATA_DIR: dbDir });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('is running on this embedded database');
    } finally {
      release();
    }
  });

  it('exits 2 on usage errors and unreadable files', async () => {
    expect((await cliHere([], { ROR_DATA_DIR: join(dir, 'db') })).code).toBe(2);
    expect((await cliHere([join(dir, 'missing.csv')], { ROR_DATA_DIR: join(dir, 'db') })).code).toBe(2);
  });
});

describe('missing commune codes (subgraphs/offer/finess/commune-codes.ts)', () => {
  it('takes the code the file gives the same commune of the same département, only when it gives one', async () => {
    const { fillCommuneCodes } = await import('../subgraphs/offer/finess/commune-codes.js');
    const rows = [
      { id: 'a', departmentCode: '37', city: 'TOURS', inseeCode: '37261' },
      { id: 'b', departmentCode: '37', city: 'TOURS CEDEX 9', inseeCode: null },
      { id: 'c', departmentCode: '41', city: 'TOURS', inseeCode: null }, // another département: not the same commune
      { id: 'd', departmentCode: '18', city: 'VIERZON', inseeCode: '18279' },
      { id: 'e', departmentCode: '18', city: 'VIERZON', inseeCode: '18280' },
      { id: 'f', departmentCode: '18', city: 'VIERZON', inseeCode: null }, // two codes given: none guessed
    ];
    expect(fillCommuneCodes(rows).map((r) => r.inseeCode)).toEqual(['37261', '37261', null, '18279', '18280', null]);
  });

  it('compares names as FINESS writes them, so that an address typed by a person resolves too', async () => {
    const { communeCodeResolver } = await import('../subgraphs/offer/finess/commune-codes.js');
    const resolve = communeCodeResolver([
      { departmentCode: '45', city: 'ORLEANS CEDEX 2', inseeCode: '45234' },
      { departmentCode: '45', city: 'ST JEAN DE BRAYE', inseeCode: '45284' },
      { departmentCode: '37', city: 'STE MAURE DE TOURAINE', inseeCode: '37226' },
    ]);
    expect([
      resolve({ departmentCode: '45', city: 'Orléans' }),
      resolve({ departmentCode: '45', city: 'Saint-Jean-de-Braye' }),
      resolve({ departmentCode: '37', city: 'Sainte-Maure-de-Touraine' }),
      resolve({ departmentCode: '41', city: 'Orléans' }),
      resolve({ departmentCode: '45', city: 'Saint-Jean-de-la-Ruelle' }),
    ]).toEqual(['45234', '45284', '37226', null, null]);
  });

  it('knows the départements a postal code may be in, as FINESS spells them', async () => {
    const { departmentsOfPostalCode } = await import('../subgraphs/offer/finess/commune-codes.js');
    expect(['45100', '20000', '97100', '97600'].map(departmentsOfPostalCode)).toEqual([['45'], ['2A', '2B'], ['971', '9A'], ['976', '9F']]);
  });
});
