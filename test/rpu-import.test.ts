/**
 * RPU import (docs/emergency.md): XML and CSV, validation per record, all or nothing, dedupe, no
 * identifier in reports or logs; on each database kind (a fresh database per test), and the whole
 * hub's log output captured during a rejected import through the gateway.
 */
import { describe, it, expect, beforeEach, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { count, sql } from 'drizzle-orm';
import { pino } from 'pino';
import type { Database } from '../platform/db/client.js';
import { loadConfig } from '../platform/config.js';
import { startHub, type RunningHub } from '../scripts/hub.js';
import { createSeededDatabase, databaseKinds, fromSnapshot, openMigratedDatabase, reservePort, testEnv, type DatabaseKind } from './helpers/hub.js';
import { asUser } from './helpers/tokens.js';
import { importRpu, formatReport } from '../subgraphs/tensions/emergency/import.js';
import { rpuPassages, emergencyDays } from '../subgraphs/tensions/emergency/tables.js';
import { ENTRY_MODES, EXIT_MODES, ORIENT_BY_EXIT, DESTINATION_BY_EXIT, PROVENANCE_BY_ENTRY } from '../subgraphs/tensions/emergency/codes.js';

const XML = readFileSync(new URL('./fixtures/rpu/exemple_rpu_synthetique.xml', import.meta.url), 'utf8');
const HEADER = 'FINESS;CP;COMMUNE;NAISSANCE;SEXE;ENTREE;MODE_ENTREE;PROVENANCE;TRANSPORT;TRANSPORT_PEC;MOTIF;GRAVITE;DP;SORTIE;MODE_SORTIE;DESTINATION;ORIENT';
const row = (over: Partial<Record<string, string>> = {}) => {
  const base: Record<string, string> = { FINESS: '450002613', CP: '45100', COMMUNE: 'ORLEANS', NAISSANCE: '12/03/1938', SEXE: 'F', ENTREE: '14/01/2025 09:42', MODE_ENTREE: '8', PROVENANCE: '5', TRANSPORT: 'VSAB', TRANSPORT_PEC: 'AUCUN', MOTIF: '', GRAVITE: '3', DP: 'J189', SORTIE: '14/01/2025 17:05', MODE_SORTIE: '6', DESTINATION: '1', ORIENT: 'MED', ...over };
  return HEADER.split(';').map((c) => base[c]).join(';');
};

/** A migrated empty database of `kind` (a copy of the run's); close() also drops it. */
async function freshDb(kind: DatabaseKind): Promise<Database> {
  const { db, drop } = await openMigratedDatabase(kind);
  return { ...db, close: drop };
}
const passages = async (db: Database) => (await db.orm.select({ n: count() }).from(rpuPassages))[0]!.n;

describe('RPU code lists', () => {
  it('keeps the code lists of codes.ts equal to the copied rpu_codes.csv', () => {
    const csv = readFileSync(new URL('../subgraphs/tensions/emergency/codes/rpu_codes.csv', import.meta.url), 'utf8').trim().split('\n').slice(1).map((l) => l.split(';'));
    const codes = (field: string) => csv.filter((c) => c[0] === field).map((c) => c[1]);
    expect(codes('MODE_ENTREE')).toEqual([...ENTRY_MODES]);
    expect(codes('MODE_SORTIE')).toEqual([...EXIT_MODES]);
    expect(new Set(codes('ORIENT'))).toEqual(new Set([...ORIENT_BY_EXIT['6']!, ...ORIENT_BY_EXIT['8']!]));
    expect(new Set(codes('DESTINATION'))).toEqual(new Set([...DESTINATION_BY_EXIT['6']!, ...DESTINATION_BY_EXIT['8']!]));
    expect(new Set(codes('PROVENANCE'))).toEqual(new Set([...PROVENANCE_BY_ENTRY['6']!, ...PROVENANCE_BY_ENTRY['8']!]));
  });
});

describe.each(databaseKinds())('RPU import (%s)', (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDb(kind);
  }, 60_000);
  afterAll(() => db?.close());
  // Every test starts from empty emergency tables (one migrated database per kind: much faster).
  beforeEach(async () => {
    await db.rows(sql`truncate tensions.rpu_passage, tensions.emergency_day, tensions.rpu_key`);
  });

  it('imports the synthetic OSCOUR example, then re-importing it creates nothing', async () => {
    const first = await importRpu(db, XML);
    expect(first).toMatchObject({ format: 'xml', records: 2, created: 2, updated: 0, unchanged: 0, written: true, establishments: ['450002613'], firstDay: '2025-01-14' });
    const [day] = await db.orm.select().from(emergencyDays);
    expect(day).toMatchObject({ day: '2025-01-14', visits: 2, visits75: 1, admitted: 1, exitModeFilled: 2, admittedLosCount: 1, admittedLosMinutes: 443, present15: 1 });
    const again = await importRpu(db, XML);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, written: true });
    expect(await passages(db)).toBe(2);
  });

  it('imports the CSV equivalent; a re-sent passage with its exit filled is updated, not duplicated', async () => {
    const open = `${HEADER}\n${row({ SORTIE: '', MODE_SORTIE: '', DESTINATION: '', ORIENT: '' })}\n`;
    expect(await importRpu(db, open)).toMatchObject({ format: 'csv', created: 1, written: true });
    expect(await importRpu(db, `${HEADER}\n${row()}\n${row({ ENTREE: '14/01/2025 10:00', NAISSANCE: '01/01/1990', SEXE: 'M' })}\n`)).toMatchObject({ created: 1, updated: 1, unchanged: 0 });
    expect(await passages(db)).toBe(2);
  });

  it('rejects a malformed file per record and field, writes nothing, and never names a value', async () => {
    const bad = [
      HEADER,
      row(),
      row({ ENTREE: '14/01/2025 10:00', MODE_ENTREE: '8', PROVENANCE: '1' }), // provenance 1 after home
      row({ ENTREE: '14/01/2025 11:00', MODE_SORTIE: '8', DESTINATION: '1', ORIENT: 'MED' }), // hospital destination after home
      row({ ENTREE: '14/01/2025 12:00', SORTIE: '14/01/2025 11:00' }), // exit before entry
      row({ ENTREE: '14/01/2025 13:00', NAISSANCE: '31/02/1950', CP: '451' }),
      row({ FINESS: '450002614' }), // wrong Luhn key
      'too;few',
    ].join('\n');
    const lines: string[] = [];
    const report = await importRpu(db, bad);
    expect(report.written).toBe(false);
    expect(await passages(db)).toBe(0);
    const fields = report.problems.map((p) => `${p.record}:${p.field}`);
    expect(fields).toEqual(expect.arrayContaining(['2:PROVENANCE', '3:DESTINATION', '3:ORIENT', '4:SORTIE', '5:NAISSANCE', '5:CP', '6:FINESS', '7:null']));
    expect(report.problems.find((p) => p.record === 2)?.line).toBe(3);
    lines.push(formatReport(report, 'bad.csv'), JSON.stringify(report));
    for (const identifying of ['12/03/1938', '31/02/1950', '45100', '451', 'ORLEANS']) for (const l of lines) expect(l).not.toContain(identifying);
  });

  it('rejects malformed XML with its line and writes nothing', async () => {
    const report = await importRpu(db, XML.replace('</PASSAGES>', '</PASSAGE>'));
    expect(report.written).toBe(false);
    expect(report.problems[0]!.message).toMatch(/malformed XML/);
    expect(await passages(db)).toBe(0);
  });

  it('checks FINESS against the directory when asked (the hub route)', async () => {
    const report = await importRpu(db, XML, { knownEstablishments: async () => new Set() });
    expect(report.problems).toEqual([expect.objectContaining({ field: 'FINESS', record: 1 })]);
    expect(report.written).toBe(false);
  });
});

/** Starts the whole hub with a logger writing every line (trace level) into `lines`. */
async function hubWithCapturedLogs(kind: DatabaseKind, lines: string[]): Promise<RunningHub & { drop: () => Promise<void> }> {
  const scratch = kind === 'postgres' ? await createSeededDatabase() : null;
  const logger = pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) });
  for (let attempt = 1; ; attempt++) {
    const config = fromSnapshot(loadConfig(testEnv({ PORT: String(await reservePort()), ...(scratch ? { DATABASE_URL: scratch.url } : {}) })));
    try {
      const hub = await startHub(config, logger);
      return { ...hub, drop: async () => scratch?.drop() };
    } catch (error) {
      // The reserved port may be taken meanwhile by a parallel test file: retry on another.
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 5) {
        await scratch?.drop();
        throw error;
      }
    }
  }
}

describe.each(databaseKinds())('RPU import logs (%s)', (kind) => {
  const lines: string[] = [];
  let hub: RunningHub & { drop: () => Promise<void> };
  beforeAll(async () => {
    hub = await hubWithCapturedLogs(kind, lines);
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
    await hub?.drop();
  });

  it('logs no value of a rejected file through the gateway, at trace level, only counts', async () => {
    const token = await asUser(hub.urls.graphql, 'admin.ars');
    // Distinctive values that cannot occur by chance in a log line (dates with slashes, a Corsican postal code).
    const identifying = ['12/03/1938', '31/02/1950', '2A004', 'Q7X', 'SAINT-JEAN-DE-BRAYE', '14/01/2025 09:42'];
    const file = [
      HEADER,
      row({ CP: '2A004', COMMUNE: 'SAINT-JEAN-DE-BRAYE' }),
      row({ ENTREE: '14/01/2025 13:00', NAISSANCE: '31/02/1950', CP: 'Q7X', COMMUNE: 'SAINT-JEAN-DE-BRAYE' }),
    ].join('\n');
    const from = lines.length;
    const response = await fetch(`${hub.urls.graphql.replace(/\/graphql$/, '')}/imports/rpu`, { method: 'POST', headers: { authorization: token, 'content-type': 'text/csv' }, body: file });
    expect(response.status).toBe(422);
    const report = (await response.json()) as { problems: Array<{ record: number; field: string }>; written: boolean };
    expect(report.written).toBe(false);
    expect(report.problems.map((p) => `${p.record}:${p.field}`)).toEqual(expect.arrayContaining(['2:NAISSANCE', '2:CP']));
    // Record 1 is valid, yet not written either: all or nothing (the demo passages are recent days).
    const written = await hub.db.rows<{ n: number }>(sql`select count(*)::int as n from tensions.rpu_passage where entered_at::date = date '2025-01-14'`);
    expect(written[0]!.n).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 100)); // pino writes asynchronously to the stream
    const logged = lines.slice(from);
    // The capture works: the route's count line and the request lines are there.
    expect(logged.some((l) => l.includes('"msg":"RPU import"') && l.includes('"rejected":1'))).toBe(true);
    expect(logged.some((l) => l.includes('/imports/rpu'))).toBe(true);
    for (const value of identifying) expect(logged.filter((l) => l.includes(value))).toEqual([]);
  });
});
