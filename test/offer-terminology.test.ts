/** Terminology as data: the files, the loader (idempotent, version skip) and assertCodes. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { fileURLToPath } from 'node:url';
import { count, eq, sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../platform/db/client.js';
import { emptyPglite } from './helpers/pglite.js';
import { applyMigrations } from '../platform/db/migrate.js';
import { HubError } from '../platform/errors.js';
import { codeSystems, codes } from '../subgraphs/offer/tables.js';
import { syncTerminology } from '../subgraphs/offer/terminology/load.js';
import { createOfferStore } from '../subgraphs/offer/store.js';
import { withLabelCache } from '../subgraphs/offer/label-cache.js';
import { TERMINOLOGY } from '../subgraphs/offer/terminology/systems.js';
import { assertCodes, codeStatus } from '../subgraphs/offer/terminology/validate.js';
import { interventionZonesOf, zoneParts } from '../subgraphs/offer/editing/characteristics.js';
import { buildDemoRegion } from '../scripts/demo/region.js';
import { readValueSet } from '../platform/terminology/code-systems.js';
import { FIELD_BINDINGS } from '../subgraphs/offer/terminology/bindings.js';
import { CODE_LISTS, codingOf } from '../subgraphs/capacities/terminology.js';
import { createScratchDatabase } from './helpers/hub.js';

/** Every terminology file (subgraphs/offer/terminology/systems.ts). */
const SYSTEMS = Object.keys(TERMINOLOGY).length;
const MIGRATIONS = fileURLToPath(new URL('../subgraphs/offer/migrations', import.meta.url));

describe('terminology loader', () => {
  let db: Database;
  beforeAll(async () => {
    db = await emptyPglite();
    await applyMigrations(db, 'offer', MIGRATIONS);
  });
  afterAll(() => db.close());

  const total = Object.values(TERMINOLOGY).reduce((n, s) => n + s.codes.length, 0);
  const codeCount = async () => (await db.orm.select({ n: count() }).from(codes))[0]!.n;

  it('loads every system once, then skips systems already at their version', async () => {
    const first = await syncTerminology(db);
    expect(first.loaded).toHaveLength(SYSTEMS);
    expect(first.skipped).toEqual([]);
    expect(await codeCount()).toBe(total);
    const second = await syncTerminology(db);
    expect(second).toEqual({ loaded: [], skipped: first.loaded });
    expect(await codeCount()).toBe(total);
  });

  it('reloads a system whose version changed, upserting its codes', async () => {
    const r283 = TERMINOLOGY.confidentiality;
    const next = { ...r283, version: '29991231120000', codes: r283.codes.map((c) => (c.code === '1' ? { ...c, display: 'Accès libre' } : c)) };
    expect(await syncTerminology(db, [next])).toEqual({ loaded: ['TRE_R283-NiveauConfidentialite'], skipped: [] });
    const [row] = await db.orm.select().from(codeSystems).where(eq(codeSystems.url, r283.url));
    expect(row?.version).toBe('29991231120000');
    const labels = await db.orm.select().from(codes).where(eq(codes.system, r283.url));
    expect(labels.find((c) => c.code === '1')?.display).toBe('Accès libre');
    expect(await codeCount()).toBe(total);
    await syncTerminology(db); // back to the file's version
    expect((await db.orm.select().from(codes).where(eq(codes.system, r283.url))).find((c) => c.code === '1')?.display).toBe('Visible du grand public');
  });
  it('completes a system loaded as a subset of the same release (the codes missing are added, none removed)', async () => {
    const r244 = TERMINOLOGY.organisationCategory;
    // As a database loaded when the file held the demo's subset of this release did.
    await db.orm.delete(codes).where(sql`${codes.system} = ${r244.url} and ${codes.code} > '20'`);
    const subset = (await db.orm.select({ n: count() }).from(codes).where(eq(codes.system, r244.url)))[0]!.n;
    expect(subset).toBeLessThan(r244.codes.length);
    const sync = await syncTerminology(db);
    expect(sync.loaded).toEqual([r244.name]);
    expect((await db.orm.select({ n: count() }).from(codes).where(eq(codes.system, r244.url)))[0]!.n).toBe(r244.codes.length);
    expect(await codeCount()).toBe(total);
  });

  it('keeps labels in the process: reads only the pairs it lacks, unknown codes too, until they expire (D249)', async () => {
    const r283 = TERMINOLOGY.confidentiality;
    const store = createOfferStore(db.orm);
    const reads: Array<ReadonlyArray<readonly [string, string]>> = [];
    const counted = { ...store, labelsOf: (pairs: ReadonlyArray<readonly [string, string]>) => (reads.push(pairs), store.labelsOf(pairs)) };
    const cached = withLabelCache(counted, { max: 100, ttlMs: 300 });
    const one = [r283.url, '1'] as const;
    const unknown = [r283.url, 'no-such-code'] as const;

    const first = await cached.labelsOf([one, unknown]);
    expect(first).toEqual([{ system: r283.url, code: '1', display: 'Visible du grand public' }]);
    expect(await cached.labelsOf([one, unknown])).toEqual(first);
    expect(reads).toEqual([[one, unknown]]); // the second answer came from the process, the unknown code included

    const two = [r283.url, '2'] as const;
    expect((await cached.labelsOf([one, two])).map((l) => l.code).sort()).toEqual(['1', '2']);
    expect(reads.at(-1)).toEqual([two]); // only the pair it lacked

    // A newer release's label (another process loaded its files) shows once the kept one expired.
    await syncTerminology(db, [{ ...r283, version: '29991231120001', codes: r283.codes.map((c) => (c.code === '1' ? { ...c, display: 'Accès libre' } : c)) }]);
    try {
      expect((await cached.labelsOf([one]))[0]?.display).toBe('Visible du grand public');
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect((await cached.labelsOf([one]))[0]?.display).toBe('Accès libre');
    } finally {
      await syncTerminology(db); // back to the file's version
    }
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('terminology loader, two processes at once on PostgreSQL', () => {
  it('loads each system once when two replicas start together on a new database', async () => {
    const scratch = await createScratchDatabase();
    const [one, two] = [await openDatabase({ kind: 'postgres', url: scratch.url }), await openDatabase({ kind: 'postgres', url: scratch.url })];
    try {
      await applyMigrations(one!, 'offer', MIGRATIONS);
      const [a, b] = await Promise.all([syncTerminology(one!), syncTerminology(two!)]);
      expect([...a.loaded, ...b.loaded].sort()).toEqual(Object.values(TERMINOLOGY).map((s) => s.name).sort());
      expect([...a.skipped, ...b.skipped]).toHaveLength(SYSTEMS);
      expect((await one!.orm.select({ n: count() }).from(codeSystems))[0]!.n).toBe(SYSTEMS);
    } finally {
      await one!.close();
      await two!.close();
      await scratch.drop();
    }
  });
});

describe('assertCodes', () => {
  it('accepts known active codes and empty values', () => {
    expect(() => assertCodes('input.specificActCodes', 'specificAct', ['0001', '0026'])).not.toThrow();
    expect(() => assertCodes('input.careModeCode', 'careMode', '28')).not.toThrow();
    expect(() => assertCodes('input.equipmentCodes', 'equipment', [])).not.toThrow();
    expect(() => assertCodes('input.equipmentCodes', 'equipment', null)).not.toThrow();
  });

  it('refuses unknown and deprecated codes, naming the field, the codes and the system', () => {
    let error: unknown;
    try {
      assertCodes('input.equipmentCodes', 'equipment', ['231', '999', '001']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HubError);
    const hub = error as HubError;
    expect(hub.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.equipmentCodes', unknownCodes: ['999'], deprecatedCodes: ['001'] });
    expect(hub.message).toContain('input.equipmentCodes');
    expect(hub.message).toContain('"999"');
    expect(hub.message).toContain('"001"');
    expect(hub.message).toContain('TRE_R212-Equipement');
  });

  it('lets a record keep a code deprecated since it was set, and dates deprecation', () => {
    expect(() => assertCodes('input.careModeCode', 'careMode', '14', { keep: ['14'] })).not.toThrow();
    expect(codeStatus('careMode', '14', new Date('2025-01-01'))).toBe('ACTIVE');
    expect(codeStatus('careMode', '14', new Date('2026-01-01'))).toBe('DEPRECATED');
    expect(codeStatus('careMode', 'XX')).toBe('UNKNOWN');
  });

  it('knows every code the demo region uses, none deprecated', () => {
    const region = buildDemoRegion();
    for (const u of region.units) {
      assertCodes('activityField', 'activityField', u.activityFieldCode);
      assertCodes('careMode', 'careMode', u.careModeCode);
      assertCodes('operationalActivities', 'operationalActivity', u.operationalActivityCodes);
      assertCodes('specificActs', 'specificAct', u.specificActCodes);
      assertCodes('equipment', 'equipment', u.equipmentCodes);
      assertCodes('category', 'organisationCategory', u.categoryCode);
      assertCodes('annualOpening', 'annualOpening', u.annualOpeningCode);
      assertCodes('patientTypes', 'patientType', u.patientTypeCodes);
      // Zones as the offer's rules store them: a known division of a recorded type.
      expect(interventionZonesOf(u.interventionZones.map(zoneParts))).toEqual(u.interventionZones);
    }
    for (const c of region.contacts) {
      assertCodes('nature', 'contactNature', c.natureCode);
      assertCodes('channel', 'channel', c.channelCode);
      assertCodes('confidentiality', 'confidentiality', c.confidentialityCode);
    }
    for (const o of region.organizations) assertCodes('legalStatus', 'legalStatus', o.legalStatusCode);
    for (const e of region.establishments) assertCodes('category', 'finessCategory', e.categoryCode);
  });
});

describe('national files and value sets (platform/terminology)', () => {
  const J238 = readValueSet('JDV_J238-TypeOffre-ROR');

  it('holds TRE_R244 complete at its release: 313 codes, 14 deprecated', () => {
    const r244 = TERMINOLOGY.organisationCategory;
    expect({ version: r244.version, complete: r244.complete, codes: r244.codes.length }).toEqual({ version: '20260629120000', complete: true, codes: 313 });
    expect(r244.codes.filter((c) => c.deprecatedOn).map((c) => c.code)).toEqual(['42', '116', '118', '133', '147', '235', '243', '252', '260', '261', '265', '266', '267', '300']);
    // A code of the release outside the old subset (01–20, 50, 156, 157) is now accepted.
    expect(() => assertCodes('categoryCode', 'organisationCategory', ['21', '249', '313'], { binding: J238 })).not.toThrow();
  });

  it('holds TRE_R211 complete at its release: 631 codes, 001 to 631', () => {
    const r211 = TERMINOLOGY.operationalActivity;
    expect({ version: r211.version, complete: r211.complete, codes: r211.codes.length }).toEqual({ version: '20260730120000', complete: true, codes: 631 });
    expect(r211.codes.map((c) => c.code)).toEqual(Array.from({ length: 631 }, (_, i) => String(i + 1).padStart(3, '0')));
    expect(codeStatus('operationalActivity', '148', new Date('2026-07-01'))).toBe('DEPRECATED'); // dateFin 2026-06-29
    expect(() => assertCodes('operationalActivityCodes', 'operationalActivity', ['404', '631'])).not.toThrow();
  });

  it('checks a bound field against its value set as well as its system', () => {
    expect(J238.system).toBe(TERMINOLOGY.organisationCategory.url);
    expect(FIELD_BINDINGS.categoryCode).toEqual(J238);
    // JDV_J238 leaves out the deprecated codes of TRE_R244 and lists 314–320, which a newer R244 release
    // defines: until the hub loads that release, the system refuses them first.
    const error = (() => {
      try {
        assertCodes('categoryCode', 'organisationCategory', '314', { binding: J238 });
      } catch (e) {
        return e as HubError;
      }
      return null;
    })();
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', unknownCodes: ['314'] });
    // A binding narrower than the system: the system's code passes the system, not the binding (unless kept).
    const narrow = { ...J238, codes: ['01'] };
    let outside: unknown;
    try {
      assertCodes('categoryCode', 'organisationCategory', ['01', '21'], { binding: narrow });
    } catch (e) {
      outside = e;
    }
    expect((outside as HubError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'categoryCode', valueSet: J238.url, outsideValueSet: ['21'] });
    expect((outside as HubError).message).toContain('JDV_J238-TypeOffre-ROR');
    expect(() => assertCodes('categoryCode', 'organisationCategory', '21', { binding: narrow, keep: ['21'] })).not.toThrow();
  });

  it('gives the capacities subgraph the same TRE_R242 file as the offer: one list, one label per code', () => {
    const r242 = TERMINOLOGY.residentialType;
    expect(r242.complete).toBe(true);
    expect(CODE_LISTS.residentialType).toEqual({ name: r242.name, version: r242.version, complete: true, codes: Object.fromEntries(r242.codes.map((c) => [c.code, c.display])) });
    expect(codingOf('residentialType', '05')).toEqual({ system: r242.url, code: '05', display: 'F1bis' });
  });
});

