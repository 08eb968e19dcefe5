/**
 * Indicators, percentiles and BJML against hand calculations (docs/emergency.md): the pure
 * functions, then the GraphQL answers through the gateway for the demo RPU (expected values
 * recomputed here from the raw rows) and a hand-made file imported through the hub; allow and deny.
 */
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { percentile, mean, standardDeviation } from '../subgraphs/tensions/emergency/stats.js';
import { computeBjml, historyDays } from '../subgraphs/tensions/emergency/bjml.js';
import { dailyIndicators } from '../subgraphs/tensions/emergency/indicators.js';
import { bandOf } from '../subgraphs/tensions/emergency/detect.js';
import { isoWeekOf } from '../subgraphs/tensions/emergency/dates.js';
import type { EmergencyDayRow } from '../subgraphs/tensions/emergency/tables.js';
import { endToEndKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';

const day = (d: string, admitted: number, visits = 100, filled = visits): EmergencyDayRow => ({
  establishmentId: 'E', day: d, visits, visits75: 18, exitModeFilled: filled, admitted, admittedUhcd: 0,
  admittedLosCount: admitted, admittedLosMinutes: admitted * 300, present15: 30, source: 'RPU', computedAt: new Date(),
});

describe('statistics', () => {
  it('percentile type 7 matches a hand calculation', () => {
    // sorted 10 12 15 20 ; P25: h = 3 x 0.25 = 0.75 → 10 + 0.75 x (12 - 10) = 11.5 ; P75: h = 2.25 → 15 + 0.25 x 5 = 16.25
    expect(percentile([20, 10, 15, 12], 0.25)).toBeCloseTo(11.5);
    expect(percentile([20, 10, 15, 12], 0.75)).toBeCloseTo(16.25);
    expect(mean([20, 10, 15, 12])).toBeCloseTo(14.25);
    // deviations² 33.0625 18.0625 0.5625 5.0625 = 56.75 / 3 = 18.9167 → 4.3493
    expect(standardDeviation([20, 10, 15, 12])).toBeCloseTo(4.3493, 3);
    expect(bandOf(30, 14.25, 4.3493)).toBe(3);
    expect(bandOf(24, 14.25, 4.3493)).toBe(2);
  });

  it('daily indicators: admission rate over filled exits, LOS of admitted, load at 15:00', () => {
    const d = dailyIndicators(day('2025-01-14', 20, 100, 80), 40);
    expect(d.admissionRate).toBeCloseTo(0.25);
    expect(d.admittedMeanLos).toBe(300);
    expect(d.exitModeFilledRate).toBeCloseTo(0.8);
    expect(d.load15).toBeCloseTo(0.75);
  });
});

describe('BJML', () => {
  it('is P25 of the daily admissions of the same ISO week over past years', () => {
    expect(isoWeekOf('2025-01-14')).toEqual({ year: 2025, week: 3 });
    const days = historyDays(2025, 3, 2); // week 3 of 2024 then 2023
    expect(days[0]).toBe('2024-01-15');
    expect(days[7]).toBe('2023-01-16');
    const admissions = [10, 12, 14, 16, 18, 20, 22, 11, 13, 15, 17, 19, 21, 23];
    const rows = days.map((d, i) => day(d, admissions[i]!));
    const bjml = computeBjml(2025, 3, 2, rows);
    // sorted 10..23 (14 values): P25 h = 13 x 0.25 = 3.25 → 13 + 0.25 = 13.25 ; P75 h = 9.75 → 19 + 0.75 = 19.75 ; mean 16.5
    expect(bjml).toMatchObject({ quality: 'OK', expectedDays: 14, observedDays: 14, bjml: 13.25, p75: 19.75, mean: 16.5 });
  });

  it('is flagged instead of computed when the RPU quality is too poor', () => {
    const days = historyDays(2025, 3, 2);
    expect(computeBjml(2025, 3, 2, days.map((d) => day(d, 10, 100, 70))).quality).toBe('EXIT_MODE_UNFILLED');
    expect(computeBjml(2025, 3, 2, days.slice(0, 10).map((d) => day(d, 10))).quality).toBe('MISSING_DAYS');
    expect(computeBjml(2025, 3, 2, []).bjml).toBeNull();
  });
});

// --- Through the gateway, on a private hub per database kind ----------------------------------

const BOURGES = '180000010'; // decl.tension.bourges: OruTension rights on this establishment only
const ORLEANS = '450002613';
const INDICATORS_QUERY = `query($id: ID!, $from: String!, $to: String!) { emergencyIndicators(establishmentId: $id, from: $from, to: $to) {
  receptionCapacity receptionCapacityIsDefault establishment { id name }
  days { day visits visits75 admittedMeanLengthOfStay admissionRate admitted admittedUhcd exitModeFilledRate presentAt15 receptionCapacity loadAt15 source } } }`;
const BJML_QUERY = `query($id: ID!, $y: Int, $w: Int) { bjml(establishmentId: $id, year: $y, week: $w) { year week years expectedDays observedDays exitModeFilledRate quality bjml mean p75 } }`;

interface Day {
  day: string;
  visits: number;
  visits75: number;
  admittedMeanLengthOfStay: number | null;
  admissionRate: number | null;
  admitted: number;
  admittedUhcd: number;
  exitModeFilledRate: number | null;
  presentAt15: number;
  receptionCapacity: number;
  loadAt15: number;
  source: string;
}
type Result<T> = { status: number; data?: T | null; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };
const codeOf = (r: Result<unknown>) => r.errors?.[0]?.extensions?.code;

/**
 * A hand-made RPU of CH Bourges around Tuesday 14/01/2020 (before the demo history, so alone on
 * those days). Expected for 2020-01-14, by hand: entries 1 2 3 4 6 → visits 5; aged 75+ at entry:
 * 1 (born 1940) and 3 (75 since 10/10/2019) → 2; MODE_SORTIE filled: 1 2 3 6 → 4; admitted
 * (6/7): 1 3 6 → 3, rate 3/4 = 0.75, UHCD 1 (record 3); LOS of admitted in ]0, 72 h]: 1 = 270 min,
 * 3 = 360 min, 6 is 73 h so left out → mean 315; present at 15:00: 2 (10:00–16:00), 3 (14:00–20:00),
 * 5 (arrived the 13th at 22:00, left at 15:30), 6 (09:00, left three days later) → 4; record 1 left
 * at 12:30, record 4 arrived at 16:00. For 2020-01-13: record 5 only, admitted, 17 h 30 = 1050 min,
 * nobody present at 15:00.
 */
const HAND_MADE = [
  'FINESS;CP;COMMUNE;NAISSANCE;SEXE;ENTREE;MODE_ENTREE;PROVENANCE;TRANSPORT;TRANSPORT_PEC;MOTIF;GRAVITE;DP;SORTIE;MODE_SORTIE;DESTINATION;ORIENT',
  `${BOURGES};18000;BOURGES;01/01/1940;F;14/01/2020 08:00;8;5;VSAB;AUCUN;;3;;14/01/2020 12:30;6;1;MED`,
  `${BOURGES};18000;BOURGES;05/05/1990;M;14/01/2020 10:00;8;5;PERSO;AUCUN;;2;;14/01/2020 16:00;8;;`,
  `${BOURGES};18390;SAINT-GERMAIN-DU-PUY;10/10/1944;M;14/01/2020 14:00;8;5;AMBU;AUCUN;;3;;14/01/2020 20:00;7;1;UHCD`,
  `${BOURGES};18000;BOURGES;02/02/2000;F;14/01/2020 16:00;8;5;PERSO;AUCUN;;1;;14/01/2020 17:00;;;`,
  `${BOURGES};18230;SAINT-DOULCHARD;01/01/1970;M;13/01/2020 22:00;8;5;VSAB;AUCUN;;3;;14/01/2020 15:30;6;1;CHIR`,
  `${BOURGES};18000;BOURGES;01/06/1989;F;14/01/2020 09:00;8;5;SMUR;MED;;4;;17/01/2020 10:00;6;1;MED`,
].join('\n');

/** Type 7 percentile written out again, deliberately plainly, for the expected values. */
function p7(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const i = Math.floor(h);
  return i + 1 < s.length ? s[i]! + (h - i) * (s[i + 1]! - s[i]!) : s[i]!;
}

describe.each(endToEndKinds('postgres'))('emergency indicators and BJML through the gateway (%s)', (kind) => {
  let hub: TestHub;
  let declarant: string;
  let ars: string;
  let planBleu: string;
  let aggregator: string;
  let placeSearch: string;
  const as = <T>(token: string | null, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(hub.urls.graphql, query, variables, token ? { authorization: token } : {}) as Promise<Result<T>>;
  const importRpu = (body: string, token: string | null, query = '') =>
    fetch(`${hub.urls.graphql.replace(/\/graphql$/, '')}/imports/rpu${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...(token ? { authorization: token } : {}) },
      body,
    });
  const passageCount = async (id: string) => (await hub.db.rows<{ n: number }>(sql`select count(*)::int as n from tensions.rpu_passage where establishment_id = ${id}`))[0]!.n;

  beforeAll(async () => {
    hub = await startTestHub(kind);
    const url = hub.urls.graphql;
    [declarant, ars, planBleu, aggregator, placeSearch] = await Promise.all([
      asUser(url, 'decl.tension.bourges'),
      asUser(url, 'admin.ars'),
      asUser(url, 'ref.planbleu.blois'),
      asApp(url, 'national-aggregator'),
      asApp(url, 'place-search'),
    ]);
  }, 120_000);
  afterAll(async () => hub?.close());

  it('computes the demo RPU indicators of one ED and day as a hand calculation from the raw passages', async () => {
    // The day before the last RPU day: a whole day, whose 15:00 presence includes earlier arrivals.
    const [{ last }] = (await hub.db.rows<{ last: string }>(sql`select max(day)::text as last from tensions.emergency_day where establishment_id = ${BOURGES} and source = 'RPU'`)) as [{ last: string }];
    const day = new Date(Date.parse(`${last}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    // Wall-clock times as text: no driver time-zone conversion between the database and the test.
    const raw = await hub.db.rows<{ entered: string; left: string | null; age: number | null; exit: string | null; orient: string | null }>(sql`
      select to_char(entered_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as entered, to_char(left_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as left,
             age_years as age, exit_mode as exit, orientation as orient
      from tensions.rpu_passage where establishment_id = ${BOURGES}`);
    const [{ capacity }] = (await hub.db.rows<{ capacity: number }>(sql`select reception_capacity as capacity from tensions.emergency_department where establishment_id = ${BOURGES}`)) as [{ capacity: number }];
    const passages = raw.map((p) => ({ ...p, in: Date.parse(p.entered), out: p.left === null ? null : Date.parse(p.left) }));
    const ofDay = passages.filter((p) => p.entered.startsWith(day));
    const filled = ofDay.filter((p) => p.exit !== null);
    const admitted = ofDay.filter((p) => p.exit === '6' || p.exit === '7');
    const stays = admitted.filter((p) => p.out !== null && p.out > p.in && p.out - p.in <= 72 * 3_600_000).map((p) => (p.out! - p.in) / 60_000);
    const at15 = Date.parse(`${day}T15:00:00Z`);
    const present = passages.filter((p) => p.in < at15 && p.in >= at15 - 72 * 3_600_000 && (p.out !== null ? p.out > at15 : p.in > at15 - 24 * 3_600_000));
    expect(ofDay.length).toBeGreaterThan(50); // a real demo day, not an empty one

    const result = await as<{ emergencyIndicators: { receptionCapacity: number; days: Day[] } }>(aggregator, INDICATORS_QUERY, { id: BOURGES, from: day, to: day });
    expect(result.errors).toBeUndefined();
    const [got] = result.data!.emergencyIndicators.days;
    expect(got).toMatchObject({ day, source: 'RPU', visits: ofDay.length, visits75: ofDay.filter((p) => (p.age ?? 0) >= 75).length, admitted: admitted.length, admittedUhcd: admitted.filter((p) => p.orient === 'UHCD').length, presentAt15: present.length, receptionCapacity: capacity });
    expect(got!.admissionRate).toBeCloseTo(admitted.length / filled.length, 10);
    expect(got!.exitModeFilledRate).toBeCloseTo(filled.length / ofDay.length, 10);
    expect(got!.admittedMeanLengthOfStay).toBeCloseTo(stays.reduce((a, b) => a + b, 0) / stays.length, 10);
    expect(got!.loadAt15).toBeCloseTo(present.length / capacity, 10);
  });

  it('computes the demo BJML of one ED and ISO week as a hand calculation from the daily rows', async () => {
    const [{ y, w }] = (await hub.db.rows<{ y: number; w: number }>(sql`
      select extract(isoyear from max(day))::int as y, extract(week from max(day))::int as w from tensions.emergency_day where establishment_id = ${BOURGES}`)) as [{ y: number; w: number }];
    // PostgreSQL's own ISO calendar picks the history days: independent of dates.ts.
    const history = await hub.db.rows<{ admitted: number; visits: number; filled: number }>(sql`
      select admitted, visits, exit_mode_filled as filled from tensions.emergency_day
      where establishment_id = ${BOURGES} and extract(week from day) = ${w} and extract(isoyear from day) between ${y - 3} and ${y - 1} and visits > 0`);
    const admissions = history.map((h) => h.admitted);
    expect(admissions.length).toBeGreaterThanOrEqual(17); // at most 20 % of 21 days missing
    const result = await as<{ bjml: Record<string, unknown> }>(declarant, BJML_QUERY, { id: BOURGES, y, w });
    expect(result.errors).toBeUndefined();
    const got = result.data!.bjml as { bjml: number; mean: number; p75: number; exitModeFilledRate: number };
    expect(result.data!.bjml).toMatchObject({ year: y, week: w, years: 3, expectedDays: 21, observedDays: admissions.length, quality: 'OK' });
    expect(got.bjml).toBeCloseTo(p7(admissions, 0.25), 10);
    expect(got.p75).toBeCloseTo(p7(admissions, 0.75), 10);
    expect(got.mean).toBeCloseTo(admissions.reduce((a, b) => a + b, 0) / admissions.length, 10);
    expect(got.exitModeFilledRate).toBeCloseTo(history.reduce((a, h) => a + h.filled, 0) / history.reduce((a, h) => a + h.visits, 0), 10);
  });

  it('imports a hand-made RPU file through the hub and answers the hand-calculated indicators', async () => {
    expect(codeOf(await as(declarant, `mutation { setEmergencyReceptionCapacity(establishmentId: "${BOURGES}", capacity: 8) }`))).toBeUndefined();
    const response = await importRpu(HAND_MADE, declarant);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ format: 'csv', records: 6, created: 6, rejected: 0, written: true, establishments: [BOURGES], uncheckedEstablishments: [] });
    const result = await as<{ emergencyIndicators: { receptionCapacity: number; receptionCapacityIsDefault: boolean; establishment: { id: string }; days: Day[] } }>(declarant, INDICATORS_QUERY, { id: BOURGES, from: '2020-01-01', to: '2020-01-31' });
    expect(result.errors).toBeUndefined();
    const series = result.data!.emergencyIndicators;
    expect(series).toMatchObject({ receptionCapacity: 8, receptionCapacityIsDefault: false, establishment: { id: BOURGES } });
    expect(series.days).toEqual([
      { day: '2020-01-13', visits: 1, visits75: 0, admittedMeanLengthOfStay: 1050, admissionRate: 1, admitted: 1, admittedUhcd: 0, exitModeFilledRate: 1, presentAt15: 0, receptionCapacity: 8, loadAt15: 0, source: 'RPU' },
      { day: '2020-01-14', visits: 5, visits75: 2, admittedMeanLengthOfStay: 315, admissionRate: 0.75, admitted: 3, admittedUhcd: 1, exitModeFilledRate: 0.8, presentAt15: 4, receptionCapacity: 8, loadAt15: 0.5, source: 'RPU' },
    ]);
    const again = await importRpu(HAND_MADE, declarant);
    expect(await again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
  });

  it('reads with tension read rights only: anonymous, other establishments and other roles are refused', async () => {
    const args = { id: BOURGES, from: '2020-01-13', to: '2020-01-14' };
    expect(codeOf(await as(null, INDICATORS_QUERY, args))).toBe('UNAUTHENTICATED');
    expect(codeOf(await as(null, BJML_QUERY, { id: BOURGES }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await as(planBleu, INDICATORS_QUERY, args))).toBe('FORBIDDEN');
    expect(codeOf(await as(planBleu, BJML_QUERY, { id: BOURGES }))).toBe('FORBIDDEN');
    expect(codeOf(await as(placeSearch, INDICATORS_QUERY, args))).toBe('FORBIDDEN'); // no tension.read scope
    expect(codeOf(await as(declarant, INDICATORS_QUERY, { ...args, id: ORLEANS }))).toBe('FORBIDDEN');
    expect(codeOf(await as(declarant, BJML_QUERY, { id: ORLEANS }))).toBe('FORBIDDEN');
    for (const token of [declarant, ars, aggregator]) expect(codeOf(await as(token, INDICATORS_QUERY, args))).toBeUndefined();
    expect(codeOf(await as(ars, BJML_QUERY, { id: ORLEANS }))).toBeUndefined();
    expect(codeOf(await as(declarant, INDICATORS_QUERY, { ...args, from: '2020-01-14', to: '2021-03-01' }))).toBe('BAD_USER_INPUT'); // over 400 days
    expect(codeOf(await as(planBleu, `mutation { setEmergencyReceptionCapacity(establishmentId: "${BOURGES}", capacity: 9) }`))).toBe('FORBIDDEN');
    expect(codeOf(await as(declarant, `mutation { setEmergencyReceptionCapacity(establishmentId: "${ORLEANS}", capacity: 9) }`))).toBe('FORBIDDEN');
  });

  it('imports through the route only with a write right on every establishment of the file; a refusal writes nothing', async () => {
    const orleansFile = HAND_MADE.replaceAll(BOURGES, ORLEANS);
    const before = await passageCount(ORLEANS);
    const anonymous = await importRpu(orleansFile, null);
    expect(anonymous.status).toBe(401);
    const forbidden = await importRpu(orleansFile, declarant);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await importRpu(orleansFile, planBleu)).status).toBe(403);
    expect(await passageCount(ORLEANS)).toBe(before);
    const dry = await importRpu(orleansFile, ars, '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ created: 6, written: false, dryRun: true });
    expect(await passageCount(ORLEANS)).toBe(before);
    const unknown = await importRpu(HAND_MADE.replaceAll(BOURGES, '189999907'), ars); // valid key, not in the directory
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({ written: false, problems: [{ field: 'FINESS', record: 1 }] });
  });
});
