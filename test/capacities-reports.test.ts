/**
 * Syntheses, saved filters, planned closures and daily snapshots with their CSV/NDJSON exports,
 * through the gateway (docs/capacities.md), on a private hub per database kind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { asApp, asUser } from './helpers/tokens.js';
import { gql } from './helpers/graphql.js';
import { sql } from 'drizzle-orm';
import { takeSnapshot } from '../subgraphs/capacities/snapshot.js';
import type { SubgraphClient } from '../platform/subgraph-client.js';
import type { OfferUnit } from '../subgraphs/capacities/offer-units.js';
import { CSV_COLUMNS } from '../subgraphs/capacities/export-route.js';
import { readCsv } from '../platform/csv.js';

const CHATEAUROUX_EJ = '360000053';
const SANITARY = ['MCO', 'SMR', 'PSYCHIATRY', 'HAD'];
const TOTALS = 'units unitsWithoutCapacity installedBeds availableBeds closedBeds reopenedBeds reopenableBeds mobilisedBeds totalOperational remainingToMobilise oldestUpdate';
const SYNTHESIS = `query($groupBy: [CapacityGrouping!]!, $filter: CapacitySynthesisFilter) { capacitySynthesis(groupBy: $groupBy, filter: $filter) {
  groupBy totals { ${TOTALS} } groups { level key label totals { ${TOTALS} } groups { level key label totals { ${TOTALS} } groups { level key totals { ${TOTALS} } groups { key } } } } } }`;

type Totals = Record<'units' | 'unitsWithoutCapacity' | 'installedBeds' | 'availableBeds' | 'closedBeds' | 'reopenedBeds' | 'reopenableBeds' | 'mobilisedBeds' | 'totalOperational' | 'remainingToMobilise', number>;
type Group = { level: string; key: string; label?: string | null; totals: Totals; groups: Group[] };
const SUMMED = ['units', 'unitsWithoutCapacity', 'installedBeds', 'availableBeds', 'closedBeds', 'reopenedBeds', 'reopenableBeds', 'mobilisedBeds', 'totalOperational', 'remainingToMobilise'] as const;

function expectSumsOfChildren(groups: Group[], parent: Totals): void {
  if (groups.length === 0) return;
  for (const k of SUMMED) expect(groups.reduce((s, g) => s + g.totals[k], 0), k).toBe(parent[k]);
  for (const g of groups) expectSumsOfChildren(g.groups, g.totals);
}

describe.each(databaseKinds())('capacity syntheses, filters, closures and snapshots (%s)', (kind) => {
  let hub: TestHub;
  const base = () => hub.urls.graphql.replace(/\/graphql$/, '');
  const user = async (login: string) => ({ authorization: await asUser(hub.urls.graphql, login) });

  beforeAll(async () => {
    hub = await startTestHub(kind);
  }, 120_000);
  afterAll(async () => {
    // pg's Pool.end() resolves before its clients have closed; the scratch database's forced drop then
    // kills them and the pool re-emits that as an unhandled 'error'. Reported to platform/db (no listener there).
    (hub?.db.orm as unknown as { $client?: { on?: (event: string, fn: () => void) => void } } | undefined)?.$client?.on?.('error', () => undefined);
    await hub?.close();
  });

  it('a new hub takes today\'s snapshot as it starts, whatever the time, without anyone asking (D61)', async () => {
    const aggregator = { authorization: await asApp(hub.urls.graphql, 'national-aggregator') };
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date()); // YYYY-MM-DD
    let latest: { date: string; units: number } | undefined;
    for (let i = 0; i < 60 && !latest; i++) {
      const r = await gql<{ capacitySnapshots: Array<{ date: string; units: number }> }>(hub.urls.graphql, '{ capacitySnapshots(first: 1) { date units } }', {}, aggregator);
      expect(r.errors).toBeUndefined();
      latest = r.data!.capacitySnapshots[0];
      if (!latest) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(latest?.date).toBe(today);
    expect(latest!.units).toBeGreaterThan(600); // the demo region's active units
  });

  it('synthesises the units of the caller\'s reach, grouped in order, totals = sums of children = an independent computation', async () => {
    const r = await gql<{ capacitySynthesis: { groupBy: string[]; totals: Totals; groups: Group[] } }>(
      hub.urls.graphql, SYNTHESIS, { groupBy: ['DEPARTMENT', 'ESTABLISHMENT', 'DISCIPLINE'] }, await user('saisie.lits.chateauroux'));
    expect(r.errors).toBeUndefined();
    const s = r.data!.capacitySynthesis;
    expect(s.groupBy).toEqual(['DEPARTMENT', 'ESTABLISHMENT', 'DISCIPLINE']);
    expect(s.groups.map((g) => g.level)).toEqual(s.groups.map(() => 'DEPARTMENT'));
    expectSumsOfChildren(s.groups, s.totals);
    // independently: the legal entity's units as the offer lists them, with their capacities
    const org = await gql<{ organization: { establishments: Array<{ id: string; units: Array<{ kind: string; sseCapacity: number | null; capacity: Record<string, number> | null }> }> } }>(
      hub.urls.graphql,
      `{ organization(id: "${CHATEAUROUX_EJ}") { establishments { id units { kind sseCapacity capacity { installedBeds availableBeds closedBeds reopenedBeds reopenableBeds mobilisedBeds totalOperational } } } } }`,
      {}, await user('saisie.lits.chateauroux'));
    expect(org.errors).toBeUndefined();
    const units = org.data!.organization.establishments.flatMap((e) => e.units).filter((u) => SANITARY.includes(u.kind));
    const sum = (k: string) => units.reduce((s, u) => s + (u.capacity?.[k] ?? 0), 0);
    expect(s.totals.units).toBe(units.length);
    for (const k of ['installedBeds', 'availableBeds', 'closedBeds', 'reopenedBeds', 'reopenableBeds', 'mobilisedBeds', 'totalOperational']) expect(s.totals[k as keyof Totals], k).toBe(sum(k));
    const remaining = units.reduce((t, u) => t + (u.capacity && u.sseCapacity !== null ? Math.max(0, u.sseCapacity - u.capacity.totalOperational!) : 0), 0);
    expect(s.totals.remainingToMobilise).toBe(remaining);
    expect(new Set(s.groups.flatMap((d) => d.groups.map((e) => e.key)))).toEqual(new Set(org.data!.organization.establishments.filter((e) => e.units.some((u) => SANITARY.includes(u.kind))).map((e) => e.id)));
  });

  it('lets an application with capacity.read synthesise the region (non-sensitive units), with filters and views', async () => {
    const app = { authorization: await asApp(hub.urls.graphql, 'place-search') };
    const region = await gql<{ capacitySynthesis: { totals: Totals; groups: Group[] } }>(hub.urls.graphql, SYNTHESIS, { groupBy: ['REGION', 'DEPARTMENT'] }, app);
    expect(region.errors).toBeUndefined();
    expect(region.data!.capacitySynthesis.groups.map((g) => g.key)).toEqual(['24']);
    expect(region.data!.capacitySynthesis.groups[0]!.groups.map((g) => g.key)).toEqual(['18', '28', '36', '37', '41', '45']);
    expect(region.data!.capacitySynthesis.groups[0]!.groups.map((g) => g.label)).toEqual(['Cher', 'Eure-et-Loir', 'Indre', 'Indre-et-Loire', 'Loir-et-Cher', 'Loiret']);
    expectSumsOfChildren(region.data!.capacitySynthesis.groups, region.data!.capacitySynthesis.totals);
    const icu = await gql<{ capacitySynthesis: { totals: Totals; groups: Group[] } }>(hub.urls.graphql, SYNTHESIS, { groupBy: ['DISCIPLINE'], filter: { departmentCode: '37', disciplines: ['ADULT_ICU', 'CONTINUOUS_CARE'] } }, app);
    expect(icu.data!.capacitySynthesis.groups.map((g) => g.key).sort()).toEqual(['ADULT_ICU', 'CONTINUOUS_CARE']);
    expect(icu.data!.capacitySynthesis.totals.units).toBeLessThan(region.data!.capacitySynthesis.totals.units);
    const medicoTechnical = await gql<{ capacitySynthesis: { totals: Totals } }>(hub.urls.graphql, SYNTHESIS, { groupBy: ['ESTABLISHMENT'], filter: { view: 'MEDICO_TECHNICAL' } }, app);
    expect(medicoTechnical.errors).toBeUndefined();
  });

  it('refuses syntheses without the right (deny by default)', async () => {
    for (const login of ['admin.ars', 'ref.uo.tours']) {
      const r = await gql(hub.urls.graphql, SYNTHESIS, { groupBy: ['DEPARTMENT'] }, await user(login));
      expect(r.errors![0]!.extensions!.code, login).toBe('FORBIDDEN');
    }
    expect((await gql(hub.urls.graphql, SYNTHESIS, { groupBy: ['DEPARTMENT'] })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const none = await gql(hub.urls.graphql, SYNTHESIS, { groupBy: [] }, await user('saisie.lits.chateauroux'));
    expect(none.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'groupBy' });
  });

  it('saves filters per user with one default: a new default clears the previous one', async () => {
    const headers = await user('saisie.lits.chateauroux');
    const save = (name: string, isDefault: boolean) =>
      gql<{ saveCapacityFilter: { id: string; isDefault: boolean } }>(hub.urls.graphql, `mutation($input: SavedCapacityFilterInput!) { saveCapacityFilter(input: $input) { id name isDefault groupBy view departmentCode disciplines } }`,
        { input: { name, isDefault, groupBy: ['ESTABLISHMENT', 'DISCIPLINE'], filter: { departmentCode: '36', disciplines: ['MEDICINE'] } } }, headers);
    const list = async () => (await gql<{ mySavedCapacityFilters: Array<{ id: string; name: string; isDefault: boolean }> }>(hub.urls.graphql, '{ mySavedCapacityFilters { id name isDefault } }', {}, headers)).data!.mySavedCapacityFilters;
    const a = await save('Médecine 36', true);
    expect(a.errors).toBeUndefined();
    expect(a.data!.saveCapacityFilter.isDefault).toBe(true);
    const b = await save('Réanimation', true);
    expect((await list()).map((f) => [f.name, f.isDefault])).toEqual([['Réanimation', true], ['Médecine 36', false]]);
    await save('Autre', false);
    expect((await list()).filter((f) => f.isDefault).map((f) => f.name)).toEqual(['Réanimation']);
    const dup = await save('Autre', false);
    expect(dup.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
    // another user sees none of them; an application has no saved filters
    expect((await gql<{ mySavedCapacityFilters: unknown[] }>(hub.urls.graphql, '{ mySavedCapacityFilters { id } }', {}, await user('ref.etab.orleans'))).data!.mySavedCapacityFilters).toEqual([]);
    expect((await gql(hub.urls.graphql, '{ mySavedCapacityFilters { id } }', {}, { authorization: await asApp(hub.urls.graphql, 'place-search') })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const del = await gql(hub.urls.graphql, `mutation($id: ID!) { deleteCapacityFilter(id: $id) }`, { id: b.data!.saveCapacityFilter.id }, headers);
    expect(del.data).toEqual({ deleteCapacityFilter: true });
    expect((await list()).map((f) => f.name)).toEqual(['Autre', 'Médecine 36']);
  });

  it('plans closures and forecasts capacity; only closure rights may add them', async () => {
    const headers = await user('saisie.lits.chateauroux');
    const units = await gql<{ units: { edges: Array<{ node: { id: string; capacity: { installedBeds: number } } }> } }>(hub.urls.graphql, `{ units(filter: { establishmentId: "360000137" }, first: 1) { edges { node { id capacity { installedBeds } } } } }`, {}, headers);
    const unit = units.data!.units.edges[0]!.node;
    const add = `mutation($unitId: ID!, $input: PlannedClosureInput!) { addPlannedClosure(unitId: $unitId, input: $input) { id beds reason startDate endDate createdBy } }`;
    const closure = { startDate: '2099-07-01', endDate: '2099-07-31', beds: 1, reason: 'SEASONAL', notes: 'été' };
    const added = await gql<{ addPlannedClosure: { id: string; createdBy: string } }>(hub.urls.graphql, add, { unitId: unit.id, input: closure }, headers);
    expect(added.errors).toBeUndefined();
    expect(added.data!.addPlannedClosure.createdBy).toBe('saisie.lits.chateauroux');
    const read = await gql<{ unit: { plannedClosures: Array<{ id: string }>; forecastCapacity: Array<{ date: string; forecastBeds: number; plannedClosedBeds: number }> } }>(
      hub.urls.graphql, `query($id: ID!) { unit(id: $id) { plannedClosures { id } forecastCapacity(from: "2099-06-30", to: "2099-07-01") { date plannedClosedBeds forecastBeds } } }`, { id: unit.id }, headers);
    expect(read.data!.unit.plannedClosures.map((c) => c.id)).toContain(added.data!.addPlannedClosure.id);
    expect(read.data!.unit.forecastCapacity).toEqual([
      { date: '2099-06-30', plannedClosedBeds: 0, forecastBeds: unit.capacity.installedBeds },
      { date: '2099-07-01', plannedClosedBeds: 1, forecastBeds: unit.capacity.installedBeds - 1 },
    ]);
    const tooMany = await gql(hub.urls.graphql, add, { unitId: unit.id, input: { ...closure, beds: unit.capacity.installedBeds + 1 } }, headers);
    expect(tooMany.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'beds' });
    // ref.uo.tours enters beds on its unit but holds no closure right
    const denied = await gql(hub.urls.graphql, add, { unitId: '370004467-4557', input: closure }, await user('ref.uo.tours'));
    expect(denied.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const removed = await gql(hub.urls.graphql, `mutation($id: ID!) { removePlannedClosure(id: $id) }`, { id: added.data!.addPlannedClosure.id }, headers);
    expect(removed.data).toEqual({ removePlannedClosure: true });
  });

  it('takes a day\'s snapshot once even when processes race for it (unique day, insert on conflict do nothing)', async () => {
    const unit = (id: string, discipline: string): OfferUnit => ({
      id, name: id, ufCode: id, kind: 'MCO', discipline, sseCapacity: null, sensitive: false, pole: null,
      establishment: { id: '360000137', name: 'CH', organization: { id: CHATEAUROUX_EJ }, address: { departmentCode: '36', departmentName: 'Indre', regionCode: '24', regionName: null } },
    });
    // A stand-in for the offer subgraph: one page of three units.
    const client = { query: async () => ({ units: { edges: [unit('u-med', 'MEDICINE'), unit('u-cc', 'CONTINUOUS_CARE'), unit('u-icu', 'ADULT_ICU')].map((node) => ({ node })), pageInfo: { hasNextPage: false, endCursor: null } } }) } as unknown as SubgraphClient;
    const results = await Promise.all([0, 1, 2].map(() => takeSnapshot(hub.db.orm, client, '2000-01-01', new Date())));
    expect(results.filter((r) => r.taken)).toHaveLength(1);
    expect(new Set(results.map((r) => r.snapshot.takenAt.toISOString())).size).toBe(1);
    const rows = await hub.db.rows<{ unit_id: string }>(sql`select unit_id from capacities.capacity_snapshot_row where day = '2000-01-01' order by position`);
    expect(rows.map((r) => r.unit_id)).toEqual(['u-icu', 'u-cc', 'u-med']); // critical care first, in order
  });

  it('exports CSV that its reader reads back: quoted ";" and line breaks kept, formula-like cells neutralised, numbers left', async () => {
    const names = ['Unité A;\n"bis"', '=HYPERLINK("http://x.example/")', '-1+1', '@SUM(A1)', '+33 2 47', '\tTab', '-12'];
    const unit = (name: string, i: number): OfferUnit => ({
      id: `u-${i}`, name, ufCode: `uf-${i}`, kind: 'MCO', discipline: 'MEDICINE', sseCapacity: null, sensitive: false, pole: null,
      establishment: { id: '360000137', name: i === 0 ? '=1+1' : 'CH', organization: { id: CHATEAUROUX_EJ }, address: { departmentCode: '36', departmentName: 'Indre', regionCode: '24', regionName: null } },
    });
    const client = { query: async () => ({ units: { edges: names.map((n, i) => ({ node: unit(n, i) })), pageInfo: { hasNextPage: false, endCursor: null } } }) } as unknown as SubgraphClient;
    await takeSnapshot(hub.db.orm, client, '2000-01-02', new Date());
    const response = await fetch(`${base()}/exports/capacities/2000-01-02.csv`, { headers: { authorization: await asApp(hub.urls.graphql, 'national-aggregator') } });
    expect(response.status).toBe(200);
    const [header, ...rows] = readCsv(await response.text());
    expect(header!.fields).toEqual([...CSV_COLUMNS]);
    const cell = (row: { fields: string[] }, column: (typeof CSV_COLUMNS)[number]) => row.fields[CSV_COLUMNS.indexOf(column)];
    expect(rows.map((r) => cell(r, 'unit_name'))).toEqual(['Unité A;\n"bis"', ...names.slice(1, 6).map((n) => `'${n}`), '-12']);
    expect(cell(rows[0]!, 'establishment_name')).toBe("'=1+1");
    expect(rows.map((r) => cell(r, 'position'))).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(rows.map((r) => r.line)).toEqual([2, 4, 5, 6, 7, 8, 9]); // the quoted line break takes a line
  });

  it('takes the daily snapshot once and exports it as CSV and NDJSON, critical care first', { timeout: 60_000 }, async () => {
    const aggregator = { authorization: await asApp(hub.urls.graphql, 'national-aggregator') };
    const take = `mutation { takeCapacitySnapshot { date takenAt units csvPath ndjsonPath } }`;
    const first = await gql<{ takeCapacitySnapshot: { date: string; units: number; takenAt: string; csvPath: string; ndjsonPath: string } }>(hub.urls.graphql, take, {}, aggregator);
    expect(first.errors).toBeUndefined();
    const snap = first.data!.takeCapacitySnapshot;
    const again = await gql<{ takeCapacitySnapshot: { takenAt: string } }>(hub.urls.graphql, take, {}, aggregator);
    expect(again.data!.takeCapacitySnapshot.takenAt).toBe(snap.takenAt); // at most one a day
    const list = await gql<{ capacitySnapshots: Array<{ date: string }> }>(hub.urls.graphql, '{ capacitySnapshots { date units } }', {}, aggregator);
    expect(list.data!.capacitySnapshots.map((s) => s.date)[0]).toBe(snap.date); // newest first

    const csv = await fetch(`${base()}${snap.csvPath}`, { headers: aggregator });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const csvBytes = new Uint8Array(await csv.arrayBuffer()); // text() would drop the BOM
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a UTF-8 BOM, then ';' (D123)
    const csvText = new TextDecoder().decode(csvBytes);
    expect(csvText).toMatch(/^date;position;unit_id;establishment_finess;/);
    expect(readCsv(csvText)).toHaveLength(snap.units + 1);
    const ndjson = await fetch(`${base()}${snap.ndjsonPath}`, { headers: aggregator });
    expect(ndjson.status).toBe(200);
    const rows = (await ndjson.text()).trimEnd().split('\n').map((l) => JSON.parse(l) as { position: number; discipline: string; establishmentFiness: string; ufCode: string; capacity: { installedBeds: number } | null });
    expect(rows).toHaveLength(snap.units);
    expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i + 1));
    const critical = ['ADULT_ICU', 'PAEDIATRIC_ICU', 'INTENSIVE_CARE', 'CONTINUOUS_CARE'];
    const rank = (d: string) => (critical.includes(d) ? critical.indexOf(d) : critical.length);
    expect(rows.map((r) => rank(r.discipline))).toEqual([...rows.map((r) => rank(r.discipline))].sort((a, b) => a - b));
    expect(rank(rows[0]!.discipline)).toBe(0);
    expect(rows.every((r) => /^\d{9}$/.test(r.establishmentFiness) && r.ufCode)).toBe(true);

    // a holder of the export right on a legal entity gets its units only
    const scoped = await fetch(`${base()}${snap.ndjsonPath}`, { headers: await user('saisie.lits.chateauroux') });
    expect(scoped.status).toBe(200);
    const scopedRows = (await scoped.text()).trimEnd().split('\n').filter(Boolean);
    expect(scopedRows.length).toBeGreaterThan(0);
    expect(scopedRows.length).toBeLessThan(snap.units);

    expect((await fetch(`${base()}/exports/capacities/2001-01-01.csv`, { headers: aggregator })).status).toBe(404);
    expect((await fetch(`${base()}/exports/capacities/2026-13-45.csv`, { headers: aggregator })).status).toBe(400);
    expect((await fetch(`${base()}/exports/capacities/${snap.date}.xml`, { headers: aggregator })).status).toBe(400);
    expect((await fetch(`${base()}${snap.csvPath}`)).status).toBe(401);
    expect((await fetch(`${base()}${snap.csvPath}`, { headers: await user('admin.ars') })).status).toBe(403);
    expect((await fetch(`${base()}${snap.csvPath}`, { headers: { authorization: await asApp(hub.urls.graphql, 'place-search') } })).status).toBe(403);
    expect((await gql(hub.urls.graphql, take, {}, await user('saisie.lits.chateauroux'))).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});
