/**
 * Territorial bed management (docs/territory.md), through the gateway on a private hub per database
 * kind: the coordinator's dashboard and bed-blocker aggregates on its territory only, contacts and
 * bed blockers entered by right and perimeter (allow and deny), and the live dashboard over
 * graphql-ws.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { endToEndKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { asApp, asUser } from './helpers/tokens.js';
import { gql } from './helpers/graphql.js';
import { enterCapacity } from './helpers/capacity-entry.js';
import { DEMO_PASSWORD, userToken } from '../scripts/token.js';

const TOURS_ICU = '370004467-4557'; // CHRU Tours Trousseau (37, sector Centre): ref.uo.tours enters it
const TOURS = '370004467';
const CHATEAUROUX_UNIT = '360000137-1720'; // CH Châteauroux (36, sector Sud): saisie.lits.chateauroux enters it
const ORLEANS = '450002613'; // 45, sector Nord
const COORDINATOR = 'coord.territoire.centre';

const MATURITY = 'maturity { score outOf percent level declaredBy criteria { code label basis source met } }';
const DISCIPLINE = 'discipline units installedBeds availableBeds availableMen availableWomen availableUndifferentiated';
const ROW = `establishment { id name } departmentCode contact { contact phone answerDelayMinutes updatedBy } availableBeds installedBeds
  byDiscipline { ${DISCIPLINE} } elderlyPlaces { units installedPlaces availablePlaces unitsWithoutCapacity } bedBlockers oldestUpdate ${MATURITY}`;
const DASHBOARD = `query($code: ID!) { territoryDashboard(code: $code) { territory { code name departmentCodes } establishments { ${ROW} }
  totals { establishments availableBeds installedBeds byDiscipline { ${DISCIPLINE} } elderlyPlaces { units installedPlaces availablePlaces unitsWithoutCapacity } bedBlockers } } }`;
const BLOCKERS = `query($code: ID!) { territoryBedBlockers(code: $code) { territory { code } total { patients totalDaysWaited maxDaysWaited }
  byDestination { destination count { patients totalDaysWaited maxDaysWaited } }
  byEstablishment { establishment { id } departmentCode count { patients } byDestination { destination count { patients } } } } }`;
const ADD = `mutation($unitId: ID!, $input: BedBlockerInput!) { addBedBlocker(unitId: $unitId, input: $input) { id destination fitSince daysWaited createdBy dischargedAt unit { id } } }`;
const DISCHARGE = `mutation($id: ID!) { dischargeBedBlocker(id: $id) { id dischargedAt } }`;
const DECLARE = `mutation($id: ID!, $input: BedManagementMaturityInput!) { declareBedManagementMaturity(establishmentId: $id, input: $input) { score outOf percent level declaredBy criteria { code source met } } }`;
const ALL_YES = { bedManager: true, clearRole: true, serviceContinuity: true, managementInvolved: true, toolsSystematic: true, steeringToolsUsed: true, weeklyMeeting: true };
type Maturity = { score: number; outOf: number; percent: number; level: string; declaredBy: string | null; criteria: Array<{ code: string; source: string; met: boolean | null }> };
const CONTACT = `mutation($id: ID!, $input: BedManagementContactInput!) { setBedManagementContact(establishmentId: $id, input: $input) { contact phone answerDelayMinutes updatedBy } }`;

type Places = { units: number; installedPlaces: number; availablePlaces: number; unitsWithoutCapacity: number };
type Row = { establishment: { id: string }; departmentCode: string; availableBeds: number; installedBeds: number; bedBlockers: number; byDiscipline: Array<{ discipline: string; availableBeds: number; installedBeds: number; availableMen: number; availableWomen: number; availableUndifferentiated: number }>; elderlyPlaces: Places; contact: { contact: string } | null };
type Dashboard = { territory: { code: string; departmentCodes: string[] }; establishments: Row[]; totals: { establishments: number; availableBeds: number; installedBeds: number; bedBlockers: number; byDiscipline: Array<{ discipline: string; availableBeds: number }>; elderlyPlaces: Places } };

// An EHPAD unit (TRE_R227 04 médico-social, TRE_R213 46 hébergement, TRE_R239 01 elderly people) and the places it enters.
const CREATE_UNIT = `mutation($e: ID!, $input: UnitInput!) { createUnit(establishmentId: $e, input: $input) { id kind } }`;
const EHPAD = { name: 'EHPAD hébergement permanent', ufCode: 'EHPAD1', kind: 'ELDERLY', discipline: 'LONG_STAY', activityFieldCode: '04', careModeCode: '46', operationalActivityCodes: ['050'], patientAgeMin: 60, patientAgeMax: 150, patientTypeCodes: ['01'] };
const ASSIGN = `mutation($p: ID!, $u: ID) { assignRole(professionalId: $p, role: BED_ENTRY, perimeterKind: UNIT, perimeterId: $u) { assignment { id } } }`;
const ENTER = `mutation($unitId: ID!, $input: CapacityInput!) { updateUnitCapacity(unitId: $unitId, input: $input, expectedVersion: 0) { version } }`;
const EHPAD_PLACES = { nature: 'PLACE', installedBeds: 84, availableMen: 1, availableWomen: 2, availableUndifferentiated: 0, closedBeds: 0, reopenedBeds: 0, reopenableBeds: 0, mobilisedBeds: 0 };

const parisToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
const daysAgo = (n: number) => new Date(Date.parse(`${parisToday()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

describe.each(endToEndKinds('pglite'))('territorial bed management (%s)', (kind) => {
  let hub: TestHub;
  const tokens: Record<string, string> = {};
  const sockets: Client[] = [];
  const as = (login: string) => ({ authorization: tokens[login]! });
  const socket = (token: string) => {
    const c = createClient({ url: hub.urls.graphql.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: token }, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });
    sockets.push(c);
    return c;
  };

  beforeAll(async () => {
    hub = await startTestHub(kind);
    for (const login of [COORDINATOR, 'ref.uo.tours', 'saisie.lits.chateauroux', 'admin.ars', 'gestionnaire.lits.orleans']) tokens[login] = await asUser(hub.urls.graphql, login);
    tokens['place-search'] = await asApp(hub.urls.graphql, 'place-search');
  }, 120_000);
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.dispose()));
    await hub?.close();
  });

  it('lists the territories to any signed-in caller, not to anonymous ones', async () => {
    const r = await gql<{ territories: Array<{ code: string; departmentCodes: string[] }> }>(hub.urls.graphql, '{ territories { code departmentCodes } }', {}, as('saisie.lits.chateauroux'));
    expect(r.errors).toBeUndefined();
    expect(r.data!.territories.map((t) => t.code)).toEqual(['CVL-NORD', 'CVL-CENTRE', 'CVL-SUD']);
    expect(r.data!.territories.flatMap((t) => t.departmentCodes).sort()).toEqual(['18', '28', '36', '37', '41', '45']);
    const anonymous = await gql(hub.urls.graphql, '{ territories { code } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('gives the coordinator its territory\'s dashboard in one call, totals summed from the rows', async () => {
    const r = await gql<{ territoryDashboard: Dashboard }>(hub.urls.graphql, DASHBOARD, { code: 'CVL-CENTRE' }, as(COORDINATOR));
    expect(r.errors).toBeUndefined();
    const d = r.data!.territoryDashboard;
    expect(d.territory.departmentCodes).toEqual(['37', '41']);
    expect(d.establishments.length).toBeGreaterThan(5);
    expect(new Set(d.establishments.map((e) => e.departmentCode))).toEqual(new Set(['37', '41']));
    const tours = d.establishments.find((e) => e.establishment.id === TOURS);
    expect(tours?.byDiscipline.some((b) => b.discipline === 'ADULT_ICU')).toBe(true);
    expect(tours?.contact?.contact).toBeTruthy(); // demo contact
    expect(d.totals.establishments).toBe(d.establishments.length);
    expect(d.totals.availableBeds).toBe(d.establishments.reduce((s, e) => s + e.availableBeds, 0));
    expect(d.totals.installedBeds).toBe(d.establishments.reduce((s, e) => s + e.installedBeds, 0));
    expect(d.totals.bedBlockers).toBe(d.establishments.reduce((s, e) => s + e.bedBlockers, 0));
    expect(d.totals.bedBlockers).toBeGreaterThan(0); // demo waiting patients
    for (const e of d.establishments) {
      expect(e.availableBeds).toBe(e.byDiscipline.reduce((s, b) => s + b.availableBeds, 0));
      for (const b of e.byDiscipline) expect(b.availableMen + b.availableWomen + b.availableUndifferentiated).toBe(b.availableBeds);
    }
    // The EHPAD places census: free places of the elderly-care units, per establishment and summed
    // (the demo region has no elderly-care unit: the next test creates one).
    const places = d.establishments.map((e) => e.elderlyPlaces);
    expect(d.totals.elderlyPlaces.availablePlaces).toBe(places.reduce((s, p) => s + p.availablePlaces, 0));
    expect(places.every((p) => p.availablePlaces <= p.installedPlaces)).toBe(true);
    const medicine = d.totals.byDiscipline.find((b) => b.discipline === 'MEDICINE')!;
    expect(medicine.availableBeds).toBe(d.establishments.flatMap((e) => e.byDiscipline).filter((b) => b.discipline === 'MEDICINE').reduce((s, b) => s + b.availableBeds, 0));
  });

  it('counts an elderly-care unit\'s places in its establishment\'s EHPAD census and the territory\'s totals, never in its beds', async () => {
    const dashboard = async () => {
      const r = await gql<{ territoryDashboard: Dashboard }>(hub.urls.graphql, DASHBOARD, { code: 'CVL-CENTRE' }, as(COORDINATOR));
      expect(r.errors).toBeUndefined();
      return r.data!.territoryDashboard;
    };
    const toursOf = (d: Dashboard) => d.establishments.find((e) => e.establishment.id === TOURS)!;
    const plus = (p: Places, units: number, installedPlaces: number, availablePlaces: number, unitsWithoutCapacity: number): Places => ({
      units: p.units + units,
      installedPlaces: p.installedPlaces + installedPlaces,
      availablePlaces: p.availablePlaces + availablePlaces,
      unitsWithoutCapacity: p.unitsWithoutCapacity + unitsWithoutCapacity,
    });
    const before = await dashboard();

    // The demo region has no elderly-care unit (docs/territory.md § Demo data): the ARS's referent creates one at CHRU Tours.
    const created = await gql<{ createUnit: { id: string; kind: string } }>(hub.urls.graphql, CREATE_UNIT, { e: TOURS, input: EHPAD }, as('admin.ars'));
    expect(created.errors).toBeUndefined();
    const unitId = created.data!.createUnit.id;
    expect(created.data!.createUnit).toEqual({ id: `${TOURS}-EHPAD1`, kind: 'ELDERLY' });
    // Not entered yet: one more unit, without capacity, and no place.
    const pending = await dashboard();
    expect(toursOf(pending).elderlyPlaces).toEqual(plus(toursOf(before).elderlyPlaces, 1, 0, 0, 1));
    expect(pending.totals.elderlyPlaces).toEqual(plus(before.totals.elderlyPlaces, 1, 0, 0, 1));

    // The ARS gives ref.uo.tours's holder bed entry on it (a new token carries the new grant); 84 places, 3 free.
    const me = await gql<{ me: { id: string } }>(hub.urls.graphql, '{ me { id } }', {}, as('ref.uo.tours'));
    const granted = await gql<{ assignRole: { assignment: { id: string } } }>(hub.urls.graphql, ASSIGN, { p: me.data!.me.id, u: unitId }, as('admin.ars'));
    expect(granted.errors).toBeUndefined();
    const entry = { authorization: `Bearer ${await userToken(hub.urls.graphql.replace(/\/graphql$/, ''), 'ref.uo.tours', DEMO_PASSWORD)}` };
    expect((await gql(hub.urls.graphql, ENTER, { unitId, input: EHPAD_PLACES }, entry)).errors).toBeUndefined();

    const after = await dashboard();
    const [b, a] = [toursOf(before), toursOf(after)];
    expect(a.elderlyPlaces).toEqual(plus(b.elderlyPlaces, 1, 84, 3, 0));
    expect(after.totals.elderlyPlaces).toEqual(plus(before.totals.elderlyPlaces, 1, 84, 3, 0));
    // Places, not beds: the establishment's and the territory's beds are those of before.
    expect({ availableBeds: a.availableBeds, installedBeds: a.installedBeds, byDiscipline: a.byDiscipline }).toEqual({ availableBeds: b.availableBeds, installedBeds: b.installedBeds, byDiscipline: b.byDiscipline });
    expect({ ...after.totals, elderlyPlaces: null }).toEqual({ ...before.totals, elderlyPlaces: null });

    // Archived, the unit leaves the census; the grant is revoked (the tests below count without it).
    expect((await gql(hub.urls.graphql, `mutation($id: ID!) { archiveUnit(id: $id) { archived } }`, { id: unitId }, as('admin.ars'))).errors).toBeUndefined();
    expect((await dashboard()).totals.elderlyPlaces).toEqual(before.totals.elderlyPlaces);
    expect((await gql(hub.urls.graphql, `mutation($id: ID!) { revokeRoleAssignment(id: $id) { id } }`, { id: granted.data!.assignRole.assignment.id }, as('admin.ars'))).errors).toBeUndefined();
  });

  it('refuses the dashboard outside the coordinator\'s territory, to other roles, applications and anonymous callers', async () => {
    const cases: Array<[Record<string, string>, string, string]> = [
      [as(COORDINATOR), 'CVL-NORD', 'FORBIDDEN'],
      [as('saisie.lits.chateauroux'), 'CVL-SUD', 'FORBIDDEN'],
      [as('gestionnaire.lits.orleans'), 'CVL-NORD', 'FORBIDDEN'],
      [as('place-search'), 'CVL-CENTRE', 'FORBIDDEN'],
      [{}, 'CVL-CENTRE', 'UNAUTHENTICATED'],
      [as(COORDINATOR), 'NOWHERE', 'NOT_FOUND'],
    ];
    for (const [headers, code, expected] of cases) {
      for (const query of [DASHBOARD, BLOCKERS]) {
        const r = await gql(hub.urls.graphql, query, { code }, headers);
        expect(r.data ?? null, `${code} ${expected}`).toBeNull();
        expect(r.errors?.[0]?.extensions?.code, `${code} ${JSON.stringify(headers).slice(0, 30)}`).toBe(expected);
      }
    }
  });

  it('records bed blockers per unit by right and perimeter, aggregates them per territory, and discharges them', async () => {
    const before = (await gql<{ territoryBedBlockers: { total: { patients: number } } }>(hub.urls.graphql, BLOCKERS, { code: 'CVL-CENTRE' }, as(COORDINATOR))).data!.territoryBedBlockers;
    const added = await gql<{ addBedBlocker: { id: string; destination: string; daysWaited: number; createdBy: string; unit: { id: string } } }>(
      hub.urls.graphql, ADD, { unitId: TOURS_ICU, input: { destination: 'EHPAD', fitSince: daysAgo(4) } }, as(COORDINATOR),
    );
    expect(added.errors).toBeUndefined();
    expect(added.data!.addBedBlocker).toMatchObject({ destination: 'EHPAD', daysWaited: 4, createdBy: COORDINATOR, unit: { id: TOURS_ICU } });
    const after = (await gql<{ territoryBedBlockers: { total: { patients: number; maxDaysWaited: number }; byEstablishment: Array<{ establishment: { id: string }; byDestination: Array<{ destination: string; count: { patients: number } }> }> } }>(
      hub.urls.graphql, BLOCKERS, { code: 'CVL-CENTRE' }, as(COORDINATOR),
    )).data!.territoryBedBlockers;
    expect(after.total.patients).toBe(before.total.patients + 1);
    expect(after.byEstablishment.find((e) => e.establishment.id === TOURS)?.byDestination.some((d) => d.destination === 'EHPAD')).toBe(true);

    // The unit's entry staff (BED_ENTRY on Châteauroux's legal entity) enter their own units only.
    const own = await gql<{ addBedBlocker: { id: string } }>(hub.urls.graphql, ADD, { unitId: CHATEAUROUX_UNIT, input: { destination: 'SMR', fitSince: daysAgo(1) } }, as('saisie.lits.chateauroux'));
    expect(own.errors).toBeUndefined();
    const denied: Array<[string, string, string]> = [
      ['saisie.lits.chateauroux', TOURS_ICU, 'FORBIDDEN'],
      [COORDINATOR, CHATEAUROUX_UNIT, 'FORBIDDEN'], // sector Sud
      ['ref.uo.tours', TOURS_ICU, 'FORBIDDEN'], // Référent UO has no bed-blocker right
      ['place-search', TOURS_ICU, 'FORBIDDEN'],
    ];
    for (const [login, unitId, code] of denied) {
      const r = await gql(hub.urls.graphql, ADD, { unitId, input: { destination: 'SMR', fitSince: daysAgo(1) } }, as(login));
      expect(r.errors?.[0]?.extensions?.code, `${login} on ${unitId}`).toBe(code);
    }
    const anonymous = await gql(hub.urls.graphql, ADD, { unitId: TOURS_ICU, input: { destination: 'SMR', fitSince: daysAgo(1) } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Unit.bedBlockers: the coordinator on its territory, not on another's.
    const read = await gql<{ unit: { bedBlockers: Array<{ id: string }> } }>(hub.urls.graphql, `query($id: ID!) { unit(id: $id) { bedBlockers { id } } }`, { id: TOURS_ICU }, as(COORDINATOR));
    expect(read.errors).toBeUndefined();
    expect(read.data!.unit.bedBlockers.map((b) => b.id)).toContain(added.data!.addBedBlocker.id);
    const outside = await gql(hub.urls.graphql, `query($id: ID!) { unit(id: $id) { bedBlockers { id } } }`, { id: CHATEAUROUX_UNIT }, as(COORDINATOR));
    expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Discharge: once; a second time is a conflict; others may not.
    expect((await gql(hub.urls.graphql, DISCHARGE, { id: own.data!.addBedBlocker.id }, as(COORDINATOR))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const discharged = await gql<{ dischargeBedBlocker: { dischargedAt: string | null } }>(hub.urls.graphql, DISCHARGE, { id: added.data!.addBedBlocker.id }, as(COORDINATOR));
    expect(discharged.data!.dischargeBedBlocker.dischargedAt).toBeTruthy();
    expect((await gql(hub.urls.graphql, DISCHARGE, { id: added.data!.addBedBlocker.id }, as(COORDINATOR))).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await gql(hub.urls.graphql, DISCHARGE, { id: 'not-an-id' }, as(COORDINATOR))).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const final = (await gql<{ territoryBedBlockers: { total: { patients: number } } }>(hub.urls.graphql, BLOCKERS, { code: 'CVL-CENTRE' }, as(COORDINATOR))).data!.territoryBedBlockers;
    expect(final.total.patients).toBe(before.total.patients);
  });

  it('refuses bad bed-blocker and contact input with the field at fault, writing nothing', async () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ destination: 'SMR', fitSince: daysAgo(-2) }, 'fitSince'],
      [{ destination: 'SMR', fitSince: '2026-02-30' }, 'fitSince'],
      [{ destination: 'SMR', fitSince: daysAgo(400) }, 'fitSince'],
      [{ destination: 'SMR', fitSince: daysAgo(1), notes: 'x'.repeat(2001) }, 'notes'],
    ];
    for (const [input, field] of bad) {
      const r = await gql(hub.urls.graphql, ADD, { unitId: TOURS_ICU, input }, as(COORDINATOR));
      expect(r.errors?.[0]?.extensions?.code, field).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.extensions?.field).toBe(field);
    }
    const unknownUnit = await gql(hub.urls.graphql, ADD, { unitId: '370004467-NOPE', input: { destination: 'SMR', fitSince: daysAgo(1) } }, as(COORDINATOR));
    expect(unknownUnit.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const contacts: Array<[Record<string, unknown>, string]> = [
      [{ contact: '  ' }, 'contact'],
      [{ contact: 'Bed manager', phone: '02 47 <script>' }, 'phone'],
      [{ contact: 'Bed manager', answerDelayMinutes: -5 }, 'answerDelayMinutes'],
      [{ contact: 'Bed manager', answerDelayMinutes: 20_000 }, 'answerDelayMinutes'],
    ];
    for (const [input, field] of contacts) {
      const r = await gql(hub.urls.graphql, CONTACT, { id: TOURS, input }, as(COORDINATOR));
      expect(r.errors?.[0]?.extensions?.code, field).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.extensions?.field).toBe(field);
    }
  });

  it('lets the coordinator and the legal entity\'s bed manager keep contacts, on their perimeter only', async () => {
    const set = await gql<{ setBedManagementContact: { contact: string; phone: string; answerDelayMinutes: number; updatedBy: string } }>(
      hub.urls.graphql, CONTACT, { id: TOURS, input: { contact: 'Cadre gestionnaire de lits', phone: '02 47 47 47 47', answerDelayMinutes: 60 } }, as(COORDINATOR),
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.setBedManagementContact).toEqual({ contact: 'Cadre gestionnaire de lits', phone: '02 47 47 47 47', answerDelayMinutes: 60, updatedBy: COORDINATOR });
    const read = await gql<{ establishment: { bedManagementContact: { answerDelayMinutes: number } } }>(hub.urls.graphql, `query($id: ID!) { establishment(id: $id) { bedManagementContact { answerDelayMinutes } } }`, { id: TOURS }, as(COORDINATOR));
    expect(read.data!.establishment.bedManagementContact.answerDelayMinutes).toBe(60);
    const orleans = await gql(hub.urls.graphql, CONTACT, { id: ORLEANS, input: { contact: 'Bed manager' } }, as('gestionnaire.lits.orleans'));
    expect(orleans.errors).toBeUndefined();
    for (const [login, id] of [[COORDINATOR, ORLEANS], ['gestionnaire.lits.orleans', TOURS], ['ref.uo.tours', TOURS], ['admin.ars', TOURS]] as const) {
      const r = await gql(hub.urls.graphql, CONTACT, { id, input: { contact: 'Bed manager' } }, as(login));
      expect(r.errors?.[0]?.extensions?.code, `${login} on ${id}`).toBe('FORBIDDEN');
    }
    const hidden = await gql(hub.urls.graphql, `query($id: ID!) { establishment(id: $id) { bedManagementContact { contact } } }`, { id: ORLEANS }, as(COORDINATOR));
    expect(hidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('streams the dashboard row of an establishment over graphql-ws when its capacity or bed blockers change', async () => {
    const events: Array<{ cause: string; row: Row }> = [];
    const errors: unknown[] = [];
    const client = socket(tokens[COORDINATOR]!);
    const stop = client.subscribe<{ territoryDashboardChanged: { cause: string; row: Row } }>(
      { query: `subscription { territoryDashboardChanged(code: "CVL-CENTRE") { territoryCode cause at row { ${ROW} } } }` },
      { next: (m) => (m.data ? events.push(m.data.territoryDashboardChanged) : errors.push(m.errors)), error: (e) => errors.push(e), complete: () => undefined },
    );
    await new Promise((r) => setTimeout(r, 500)); // the subscription opens upstream
    const waitFor = async (match: (e: { cause: string; row: Row }) => boolean) => {
      for (let i = 0; i < 200; i++) {
        const found = events.find(match);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      return undefined;
    };
    await enterCapacity(hub.urls.graphql, tokens['ref.uo.tours']!, TOURS_ICU, 2);
    const capacity = await waitFor((e) => e.cause === 'CAPACITY' && e.row.establishment.id === TOURS);
    expect(errors).toEqual([]);
    expect(capacity?.row.byDiscipline.find((b) => b.discipline === 'ADULT_ICU')?.availableUndifferentiated).toBeGreaterThanOrEqual(2);

    await enterCapacity(hub.urls.graphql, tokens['saisie.lits.chateauroux']!, CHATEAUROUX_UNIT, 1); // sector Sud: not sent
    const blocker = await gql<{ addBedBlocker: { id: string } }>(hub.urls.graphql, ADD, { unitId: TOURS_ICU, input: { destination: 'SMR', fitSince: daysAgo(2) } }, as(COORDINATOR));
    const live = await waitFor((e) => e.cause === 'BED_BLOCKER');
    expect(live?.row.establishment.id).toBe(TOURS);
    // A maturity declaration sends the row again, with its index.
    expect((await gql(hub.urls.graphql, DECLARE, { id: TOURS, input: { ...ALL_YES, weeklyMeeting: false } }, as(COORDINATOR))).errors).toBeUndefined();
    const declared = await waitFor((e) => e.cause === 'MATURITY');
    expect(declared?.row.establishment.id).toBe(TOURS);
    expect((declared?.row as Row & { maturity: Maturity }).maturity.criteria.find((c) => c.code === 'WEEKLY_MEETING')?.met).toBe(false);
    expect(events.every((e) => e.row.departmentCode === '37' || e.row.departmentCode === '41')).toBe(true);
    stop();
    await gql(hub.urls.graphql, DISCHARGE, { id: blocker.data!.addBedBlocker.id }, as(COORDINATOR));
  });

  it('gives the capacity synthesis totals by sex and a forecast column for a day (planned closures)', async () => {
    const auth = as('saisie.lits.chateauroux');
    const day = daysAgo(-3);
    const closure = await gql<{ addPlannedClosure: { id: string; beds: number } }>(
      hub.urls.graphql,
      `mutation($u: ID!, $i: PlannedClosureInput!) { addPlannedClosure(unitId: $u, input: $i) { id beds } }`,
      { u: CHATEAUROUX_UNIT, i: { startDate: day, endDate: day, beds: 2, reason: 'WORKS' } },
      auth,
    );
    expect(closure.errors).toBeUndefined();
    const SYNTH = `query($d: String) { capacitySynthesis(groupBy: [ESTABLISHMENT], filter: { establishmentId: "360000137" }, forecastDate: $d) {
      totals { installedBeds availableBeds availableMen availableWomen availableUndifferentiated forecastBeds plannedClosedBeds } } }`;
    type T = { installedBeds: number; availableBeds: number; availableMen: number; availableWomen: number; availableUndifferentiated: number; forecastBeds: number | null; plannedClosedBeds: number | null };
    const r = await gql<{ capacitySynthesis: { totals: T } }>(hub.urls.graphql, SYNTH, { d: day }, auth);
    expect(r.errors).toBeUndefined();
    const t = r.data!.capacitySynthesis.totals;
    expect(t.availableMen + t.availableWomen + t.availableUndifferentiated).toBe(t.availableBeds);
    expect(t.plannedClosedBeds).toBeGreaterThanOrEqual(2);
    expect(t.forecastBeds).toBe(t.installedBeds - t.plannedClosedBeds!);
    const without = await gql<{ capacitySynthesis: { totals: T } }>(hub.urls.graphql, SYNTH, { d: null }, auth);
    expect(without.data!.capacitySynthesis.totals).toMatchObject({ forecastBeds: null, plannedClosedBeds: null, installedBeds: t.installedBeds });
    const bad = await gql(hub.urls.graphql, SYNTH, { d: '2026-02-31' }, auth);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'forecastDate' });
    await gql(hub.urls.graphql, `mutation($id: ID!) { removePlannedClosure(id: $id) }`, { id: closure.data!.addPlannedClosure.id }, auth);
  });

  it('computes each establishment\'s maturity index from its data and declaration; the bed manager or coordinator declares, on their perimeter only', async () => {
    const consistent = (m: Maturity) => {
      expect(m.outOf).toBe(11);
      expect(m.criteria).toHaveLength(11);
      expect(m.score).toBe(m.criteria.filter((c) => c.met === true).length);
      expect(m.percent).toBe(Math.round((100 * m.score) / 11));
      expect(m.level).toBe(m.percent >= 80 ? 'MATURE' : m.percent >= 50 ? 'DEVELOPING' : 'INITIAL');
    };
    const dashboard = async () => (await gql<{ territoryDashboard: { establishments: Array<Row & { maturity: Maturity }> } }>(hub.urls.graphql, DASHBOARD, { code: 'CVL-CENTRE' }, as(COORDINATOR))).data!.territoryDashboard.establishments;
    const rows = await dashboard();
    rows.forEach((r) => consistent(r.maturity));
    // Seeded: some establishments declared, some not (their declared criteria are unknown: null).
    expect(rows.some((r) => r.maturity.declaredBy === 'seed')).toBe(true);
    expect(rows.some((r) => r.maturity.declaredBy === null && r.maturity.criteria.filter((c) => c.source === 'DECLARED').every((c) => c.met === null))).toBe(true);

    // Tours: a contact reachable in an hour, a bed blocker entered (the tests above), everything declared.
    expect((await gql(hub.urls.graphql, CONTACT, { id: TOURS, input: { contact: 'Bed manager', phone: '02 47 47 47 47', answerDelayMinutes: 60 } }, as(COORDINATOR))).errors).toBeUndefined();
    const r = await gql<{ declareBedManagementMaturity: Maturity }>(hub.urls.graphql, DECLARE, { id: TOURS, input: ALL_YES }, as(COORDINATOR));
    expect(r.errors).toBeUndefined();
    const tours = r.data!.declareBedManagementMaturity;
    consistent(tours);
    expect(tours.declaredBy).toBe(COORDINATOR);
    const met = Object.fromEntries(tours.criteria.map((c) => [c.code, c.met]));
    expect(met).toMatchObject({ BED_MANAGER: true, WEEKLY_MEETING: true, CONTACT_RECORDED: true, ANSWER_DELAY: true, BED_BLOCKERS_TRACKED: true });
    expect((await dashboard()).find((e) => e.establishment.id === TOURS)!.maturity).toMatchObject({ score: tours.score, declaredBy: COORDINATOR });
    // A 3 h answer delay no longer meets the criterion.
    await gql(hub.urls.graphql, CONTACT, { id: TOURS, input: { contact: 'Bed manager', phone: '02 47 47 47 47', answerDelayMinutes: 180 } }, as(COORDINATOR));
    const read = await gql<{ establishment: { bedManagementMaturity: Maturity } }>(hub.urls.graphql, `query($id: ID!) { establishment(id: $id) { bedManagementMaturity { score criteria { code met } } } }`, { id: TOURS }, as(COORDINATOR));
    expect(read.data!.establishment.bedManagementMaturity.criteria.find((c) => c.code === 'ANSWER_DELAY')!.met).toBe(false);
    expect(read.data!.establishment.bedManagementMaturity.score).toBe(tours.score - 1);

    // The legal entity's bed manager declares its own establishment; nobody declares outside their perimeter.
    expect((await gql(hub.urls.graphql, DECLARE, { id: ORLEANS, input: ALL_YES }, as('gestionnaire.lits.orleans'))).errors).toBeUndefined();
    for (const [login, id] of [[COORDINATOR, ORLEANS], ['gestionnaire.lits.orleans', TOURS], ['ref.uo.tours', TOURS], ['admin.ars', TOURS], ['place-search', TOURS]] as const) {
      const denied = await gql(hub.urls.graphql, DECLARE, { id, input: ALL_YES }, as(login));
      expect(denied.errors?.[0]?.extensions?.code, `${login} on ${id}`).toBe('FORBIDDEN');
    }
    expect((await gql(hub.urls.graphql, DECLARE, { id: TOURS, input: ALL_YES })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql(hub.urls.graphql, `query($id: ID!) { establishment(id: $id) { bedManagementMaturity { score } } }`, { id: ORLEANS }, as(COORDINATOR))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(hub.urls.graphql, DECLARE, { id: '370099999', input: ALL_YES }, as(COORDINATOR))).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const partial = await gql(hub.urls.graphql, DECLARE, { id: TOURS, input: { bedManager: true } }, as(COORDINATOR));
    expect(partial.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT'); // every declared criterion is answered at once
  });

  it('refuses the live dashboard to a caller without the right on the territory', async () => {
    for (const [login, code] of [['saisie.lits.chateauroux', 'CVL-SUD'], [COORDINATOR, 'CVL-NORD']] as const) {
      const outcome = await new Promise<unknown>((resolve) => {
        socket(tokens[login]!).subscribe(
          { query: `subscription { territoryDashboardChanged(code: "${code}") { cause } }` },
          { next: (m) => resolve(m.errors ?? m.data), error: (e) => resolve(e), complete: () => resolve('complete') },
        );
      });
      expect(JSON.stringify(outcome), login).toContain('FORBIDDEN');
    }
  });
});
