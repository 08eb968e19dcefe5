/**
 * Entering capacities through the gateway (docs/capacities.md): optimistic concurrency with real
 * concurrent writers, "validate all" batches, history, change-feed events and rights, on a
 * private hub per database kind; and what the IG's Location carries besides the figures (crisis
 * type, temporary assignment, housing, equipment limits), entered, served and searched in FHIR.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { databaseKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { asApp, asUser } from './helpers/tokens.js';
import { gql } from './helpers/graphql.js';
import { Client } from 'fhir-kit-client';
import { loadR4Definitions, r4Issues, rorIssues } from './helpers/fhir/validate.js';
import { CODE_SYSTEMS, EXTENSIONS, UCUM } from '../fhir/codes.js';

const TOURS_ICU = '370004467-4557'; // ref.uo.tours is UNIT_REFERENT here
const CAPACITY = `nature installedBeds availableBeds available { men women undifferentiated total } closedBeds reopenedBeds reopenableBeds mobilisedBeds totalOperational remainingToMobilise notes crisisType { system code display } temporaryAssignment { system code display } source updatedAt updatedBy version`;
const UPDATE = `mutation($unitId: ID!, $input: CapacityInput!, $v: Int!) { updateUnitCapacity(unitId: $unitId, input: $input, expectedVersion: $v) { ${CAPACITY} } }`;
const BATCH = `mutation($entries: [CapacityEntry!]!) { updateCapacities(entries: $entries) { version installedBeds } }`;

type Capacity = { updatedAt: string; version: number; installedBeds: number; availableBeds: number; totalOperational: number; remainingToMobilise: number | null; source: string; updatedBy: string | null; available: { total: number } };

const input = (over: Record<string, unknown> = {}) => ({
  installedBeds: 12,
  availableMen: 1,
  availableWomen: 1,
  availableUndifferentiated: 1,
  closedBeds: 2,
  reopenedBeds: 1,
  reopenableBeds: 1,
  mobilisedBeds: 1,
  notes: 'test entry',
  ...over,
});

describe.each(databaseKinds())('capacity entry through the gateway (%s)', (kind) => {
  let hub: TestHub;
  let chateaurouxUnits: string[];
  const auth = async (login: string) => ({ authorization: await asUser(hub.urls.graphql, login) });

  async function current(unitId: string): Promise<Capacity & { sseCapacity: number | null }> {
    const r = await gql<{ unit: { sseCapacity: number | null; capacity: Capacity } }>(
      hub.urls.graphql,
      `query($id: ID!) { unit(id: $id) { sseCapacity capacity { ${CAPACITY} } } }`,
      { id: unitId },
      { authorization: await asApp(hub.urls.graphql, 'national-aggregator') },
    );
    expect(r.errors).toBeUndefined();
    return { ...r.data!.unit.capacity, sseCapacity: r.data!.unit.sseCapacity };
  }

  async function events(unitId: string) {
    return hub.db.rows<{ id: number; topic: string; record_type: string; action: string; actor: string; payload: { unitId: string; capacity: Record<string, unknown> } }>(
      sql`select id, topic, record_type, action, actor, payload from feed.change_event where record_id = ${unitId} order by id`,
    );
  }

  beforeAll(async () => {
    hub = await startTestHub(kind);
    const r = await gql<{ units: { edges: Array<{ node: { id: string } }> } }>(hub.urls.graphql, `{ units(filter: { establishmentId: "360000137" }, first: 5) { edges { node { id } } } }`);
    chateaurouxUnits = r.data!.units.edges.map((e) => e.node.id);
    expect(chateaurouxUnits.length).toBeGreaterThanOrEqual(3);
  }, 120_000);
  afterAll(async () => {
    // pg's Pool.end() resolves before its clients have closed; the scratch database's forced drop then
    // kills them and the pool re-emits that as an unhandled 'error'. Reported to platform/db (no listener there).
    (hub?.db.orm as unknown as { $client?: { on?: (event: string, fn: () => void) => void } } | undefined)?.$client?.on?.('error', () => undefined);
    await hub?.close();
  });

  it('reads the seeded record with every new field', async () => {
    const c = await current(TOURS_ICU);
    expect(c.available.total).toBe(c.availableBeds);
    expect(c.version).toBe(1);
  });

  it('enters a unit\'s capacity (ref.uo.tours), bumps the version, records MANUAL and the login, appends one event', async () => {
    const before = await current(TOURS_ICU);
    const eventsBefore = (await events(TOURS_ICU)).length;
    const r = await gql<{ updateUnitCapacity: Capacity }>(hub.urls.graphql, UPDATE, { unitId: TOURS_ICU, input: input(), v: before.version }, await auth('ref.uo.tours'));
    expect(r.errors).toBeUndefined();
    const c = r.data!.updateUnitCapacity;
    expect(c).toMatchObject({ version: before.version + 1, installedBeds: 12, availableBeds: 3, totalOperational: 12 - 1 + 1, source: 'MANUAL', updatedBy: 'ref.uo.tours' });
    const all = await events(TOURS_ICU);
    expect(all.length).toBe(eventsBefore + 1);
    const event = all.at(-1)!;
    expect(event).toMatchObject({ topic: 'capacity', record_type: 'UNIT_CAPACITY', action: 'UPDATE', actor: 'ref.uo.tours' });
    const { remainingToMobilise: _r, ...withoutRemaining } = c;
    expect(event.payload).toEqual({ unitId: TOURS_ICU, capacity: withoutRemaining, historyId: expect.any(Number), at: c.updatedAt });
    const after = await current(TOURS_ICU);
    expect(after.remainingToMobilise).toBe(after.sseCapacity === null ? null : Math.max(0, after.sseCapacity - after.totalOperational));
  });

  it('concurrent writers with the same version: exactly one wins, the others get CONFLICT with the current record', async () => {
    const headers = await auth('ref.uo.tours');
    for (let round = 0; round < 3; round++) {
      const { version } = await current(TOURS_ICU);
      const answers = await Promise.all(
        [0, 1, 2, 3].map((i) => gql<{ updateUnitCapacity: Capacity }>(hub.urls.graphql, UPDATE, { unitId: TOURS_ICU, input: input({ availableMen: i % 3, notes: `writer ${i}` }), v: version }, headers)),
      );
      const winners = answers.filter((r) => !r.errors);
      const losers = answers.filter((r) => r.errors);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(3);
      const { remainingToMobilise: _r, ...won } = winners[0]!.data!.updateUnitCapacity;
      for (const loser of losers) {
        expect(loser.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', current: { version: version + 1 } });
        expect(loser.errors![0]!.extensions!.current).toEqual(won);
      }
      expect((await current(TOURS_ICU)).version).toBe(version + 1);
    }
  });

  it('refuses invalid figures with BAD_USER_INPUT naming the field, and the crisis rule', async () => {
    const { version } = await current(TOURS_ICU);
    const headers = await auth('ref.uo.tours');
    const bad = await gql(hub.urls.graphql, UPDATE, { unitId: TOURS_ICU, input: input({ reopenableBeds: 5 }), v: version }, headers);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reopenableBeds' });
    const zero = await gql(hub.urls.graphql, UPDATE, { unitId: TOURS_ICU, input: input({ installedBeds: 0, closedBeds: 0, reopenedBeds: 0, reopenableBeds: 0, availableMen: 0, availableWomen: 0, availableUndifferentiated: 0 }), v: version }, headers);
    expect(zero.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'installedBeds' });
    expect(zero.errors![0]!.message).toMatch(/closedBeds/);
    expect((await current(TOURS_ICU)).version).toBe(version);
  });

  it('validate all: one bad entry writes nothing and is named by index and unit', async () => {
    const headers = await auth('saisie.lits.chateauroux');
    const [u1, u2, u3] = chateaurouxUnits as [string, string, string];
    const before = await Promise.all([u1, u2, u3].map(current));
    const eventCount = (await hub.db.rows<{ n: number }>(sql`select count(*)::int as n from feed.change_event`))[0]!.n;
    const entries = before.map((c, i) => ({ unitId: [u1, u2, u3][i], expectedVersion: c.version, input: input({ installedBeds: c.installedBeds, closedBeds: 0, reopenedBeds: 0, reopenableBeds: 0 }) }));
    entries[2]!.input = input({ installedBeds: before[2]!.installedBeds, closedBeds: before[2]!.installedBeds + 1 });
    const r = await gql(hub.urls.graphql, BATCH, { entries }, headers);
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', entryIndex: 2, unitId: u3, field: 'closedBeds' });
    expect(r.errors![0]!.message).toContain(`Entry 2 (unit ${u3})`);
    expect((await Promise.all([u1, u2, u3].map(current))).map((c) => c.version)).toEqual(before.map((c) => c.version));
    expect((await hub.db.rows<{ n: number }>(sql`select count(*)::int as n from feed.change_event`))[0]!.n).toBe(eventCount);
    // a stale version in the batch refuses it too
    const stale = entries.map((e) => ({ ...e, input: input({ installedBeds: before[entries.indexOf(e)]!.installedBeds, closedBeds: 0, reopenedBeds: 0, reopenableBeds: 0 }) }));
    stale[1]!.expectedVersion += 7;
    const conflict = await gql(hub.urls.graphql, BATCH, { entries: stale }, headers);
    expect(conflict.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', entryIndex: 1, unitId: u2 });
    // fixed, the batch writes all three and appends three events
    stale[1]!.expectedVersion -= 7;
    const good = await gql<{ updateCapacities: Array<{ version: number }> }>(hub.urls.graphql, BATCH, { entries: stale }, headers);
    expect(good.errors).toBeUndefined();
    expect(good.data!.updateCapacities.map((c) => c.version)).toEqual(before.map((c) => c.version + 1));
    expect((await hub.db.rows<{ n: number }>(sql`select count(*)::int as n from feed.change_event`))[0]!.n).toBe(eventCount + 3);
  });

  it('keeps every change in the history, newest first, paged', async () => {
    const q = `query($id: ID!, $after: String) { unit(id: $id) { capacityHistory(first: 2, after: $after) { edges { cursor node { id at unit { id } capacity { version installedBeds updatedBy } } } pageInfo { hasNextPage endCursor } } } }`;
    const headers = { authorization: await asApp(hub.urls.graphql, 'national-aggregator') };
    type H = { unit: { capacityHistory: { edges: Array<{ node: { id: string; capacity: { version: number }; unit: { id: string } } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } } };
    const first = await gql<H>(hub.urls.graphql, q, { id: TOURS_ICU }, headers);
    expect(first.errors).toBeUndefined();
    const page1 = first.data!.unit.capacityHistory;
    const { version } = await current(TOURS_ICU);
    expect(page1.edges.map((e) => e.node.capacity.version)).toEqual([version, version - 1]);
    expect(page1.edges[0]!.node.unit.id).toBe(TOURS_ICU);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await gql<H>(hub.urls.graphql, q, { id: TOURS_ICU, after: page1.pageInfo.endCursor }, headers);
    const versions = second.data!.unit.capacityHistory.edges.map((e) => e.node.capacity.version);
    expect(versions[0]).toBe(version - 2);
  });

  it('enforces rights: deny by default, allow on the perimeter', async () => {
    const { version } = await current(TOURS_ICU);
    const other = chateaurouxUnits[0]!;
    const otherVersion = (await current(other)).version;
    // admin.ars views capacities region-wide but holds no entry right
    const admin = await gql(hub.urls.graphql, UPDATE, { unitId: TOURS_ICU, input: input(), v: version }, await auth('admin.ars'));
    expect(admin.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(admin.errors![0]!.message).toContain('ORU_CAPACITE_DISPONIBLE_EDIT');
    // ref.uo.tours outside its unit; saisie.lits.chateauroux outside its legal entity
    const outside = await gql(hub.urls.graphql, UPDATE, { unitId: other, input: input(), v: otherVersion }, await auth('ref.uo.tours'));
    expect(outside.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const outside2 = await gql(hub.urls.graphql, UPDATE, { unitId: TOURS_ICU, input: input(), v: version }, await auth('saisie.lits.chateauroux'));
    expect(outside2.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    // applications: capacity.read is not enough; anonymous callers are asked to sign in
    const app = await gql(hub.urls.graphql, UPDATE, { unitId: TOURS_ICU, input: input(), v: version }, { authorization: await asApp(hub.urls.graphql, 'place-search') });
    expect(app.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'capacity.write' });
    const anonymous = await gql(hub.urls.graphql, UPDATE, { unitId: TOURS_ICU, input: input(), v: version });
    expect(anonymous.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    // allowed: saisie.lits.chateauroux on a unit of its legal entity
    const allowed = await gql<{ updateUnitCapacity: Capacity }>(hub.urls.graphql, UPDATE, { unitId: other, input: input({ installedBeds: (await current(other)).installedBeds, closedBeds: 0, reopenedBeds: 0, reopenableBeds: 0 }), v: otherVersion }, await auth('saisie.lits.chateauroux'));
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.updateUnitCapacity.updatedBy).toBe('saisie.lits.chateauroux');
    expect((await current(TOURS_ICU)).version).toBe(version);
  });

  it('refuses a unit out of reach without telling whether it exists', async () => {
    const r = await gql(hub.urls.graphql, UPDATE, { unitId: 'no-such-unit', input: input(), v: 0 }, await auth('ref.uo.tours'));
    expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
  describe('crisis type, temporary assignment, housing and equipment limits (the IG Location)', () => {
    const CHATEAUROUX = '360000137';
    const CRISIS = `crisisType { system code display } temporaryAssignment { system code display }`;
    const ENTRY = `mutation($unitId: ID!, $input: CapacityInput!, $v: Int!) { updateUnitCapacity(unitId: $unitId, input: $input, expectedVersion: $v) { version mobilisedBeds totalOperational ${CRISIS} } }`;
    const SYNTHESIS = `query($e: ID!) { capacitySynthesis(groupBy: [ESTABLISHMENT], filter: { establishmentId: $e }) { totals { mobilisedBeds crisisMobilisedBeds temporarilyAssignedBeds temporarilyAssignedUnits } } }`;
    const RESIDENTIAL = `mutation($u: ID!, $c: [ResidentialCapacityInput!]!) { setResidentialCapacities(unitId: $u, capacities: $c) { type { code display } count updatedBy } }`;
    const LIMITS = `mutation($u: ID!, $l: [EquipmentLimitInput!]!) { setEquipmentLimits(unitId: $u, limits: $l) { equipmentType feature { code display } value unit } }`;
    let unit = '';
    let equipped = '';
    let equipment = '';
    let fhir: Client;
    type Ext = { url: string; extension?: Ext[]; valueInteger?: number; valueQuantity?: { value: number; code: string }; valueCodeableConcept?: { coding: Array<{ system: string; code: string; display?: string }> } };

    const version = async (unitId: string) => (await current(unitId)).version;
    /** Ids of a Location search (every page), each resource and bundle validated. */
    async function locations(searchParams: Record<string, string>): Promise<string[]> {
      const bundle = (await fhir.search({ resourceType: 'Location', searchParams: { ...searchParams, _count: '200' } })) as unknown as { total?: number; link?: Array<{ relation: string }>; entry?: Array<{ resource: Record<string, unknown> }> };
      expect(bundle.link?.some((l) => l.relation === 'next') ?? false).toBe(false);
      for (const e of bundle.entry ?? []) {
        expect(r4Issues(e.resource)).toEqual([]);
        expect(rorIssues(e.resource as never)).toEqual([]);
      }
      return (bundle.entry ?? []).map((e) => e.resource.id as string).sort();
    }
    const code = (e: Ext, url: string) => e.extension?.find((x) => x.url === url)?.valueCodeableConcept?.coding[0];

    beforeAll(async () => {
      loadR4Definitions();
      unit = chateaurouxUnits[2]!;
      const r = await gql<{ units: { edges: Array<{ node: { id: string; equipment: Array<{ code: string }> } }> } }>(
        hub.urls.graphql,
        `{ units(filter: { establishmentId: "${CHATEAUROUX}" }, first: 100) { edges { node { id equipment { code } } } } }`,
      );
      const withEquipment = r.data!.units.edges.map((e) => e.node).find((n) => n.equipment.length > 0)!;
      equipped = withEquipment.id;
      equipment = withEquipment.equipment[0]!.code;
      fhir = new Client({ baseUrl: hub.urls.fhir, bearerToken: (await asApp(hub.urls.graphql, 'national-aggregator')).replace(/^Bearer /, '') });
    });

    it('records a crisis type and a temporary assignment, keeps them when an entry leaves them out, refuses other codes, and sums them in the synthesis', async () => {
      const who = await auth('saisie.lits.chateauroux');
      const set = await gql<{ updateUnitCapacity: { version: number; totalOperational: number; crisisType: { code: string; display: string }; temporaryAssignment: { code: string; display: string } } }>(
        hub.urls.graphql, ENTRY, { unitId: unit, input: input({ mobilisedBeds: 3, crisisType: '02', temporaryAssignment: '02' }), v: await version(unit) }, who,
      );
      expect(set.errors).toBeUndefined();
      expect(set.data!.updateUnitCapacity).toMatchObject({
        totalOperational: 12 - (2 - 1) + 3,
        crisisType: { system: CODE_SYSTEMS.typeCrise, code: '02', display: 'Situation sanitaire Exceptionnelle (SSE) (Plan blanc)' },
        temporaryAssignment: { system: CODE_SYSTEMS.affectationTemporaire, code: '02', display: 'Covid+' },
      });
      // Left out: kept (the console and the feed do not know these fields).
      const kept = await gql<{ updateUnitCapacity: { crisisType: { code: string }; temporaryAssignment: { code: string } } }>(hub.urls.graphql, ENTRY, { unitId: unit, input: input({ mobilisedBeds: 3 }), v: await version(unit) }, who);
      expect(kept.data!.updateUnitCapacity).toMatchObject({ crisisType: { code: '02' }, temporaryAssignment: { code: '02' } });
      // Codes of no list: refused, nothing written.
      const before = await version(unit);
      for (const [field, value] of [['crisisType', '99'], ['temporaryAssignment', '04']] as const) {
        const refused = await gql(hub.urls.graphql, ENTRY, { unitId: unit, input: input({ mobilisedBeds: 3, [field]: value }), v: before }, who);
        expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, unknownCodes: [value] });
      }
      expect(await version(unit)).toBe(before);
      // Hand-computed: the unit is the only one of the establishment in a crisis or assigned.
      const synthesis = await gql<{ capacitySynthesis: { totals: Record<string, number> } }>(hub.urls.graphql, SYNTHESIS, { e: CHATEAUROUX }, who);
      expect(synthesis.data!.capacitySynthesis.totals).toMatchObject({ crisisMobilisedBeds: 3, temporarilyAssignedBeds: 14, temporarilyAssignedUnits: 1 });
      // The history keeps them; old rows without them read as no crisis, 01 Aucune.
      const history = await gql<{ unit: { capacityHistory: { edges: Array<{ node: { capacity: { crisisType: { code: string } | null; temporaryAssignment: { code: string } } } }> } } }>(
        hub.urls.graphql, `query($id: ID!) { unit(id: $id) { capacityHistory(first: 50) { edges { node { capacity { ${CRISIS} } } } } } }`, { id: unit }, who,
      );
      const states = history.data!.unit.capacityHistory.edges.map((e) => [e.node.capacity.crisisType?.code ?? null, e.node.capacity.temporaryAssignment.code]);
      expect(states[0]).toEqual(['02', '02']);
      expect(states.at(-1)).toEqual([null, '01']);
    });

    it('serves them on the FHIR Location and finds them with crisis-type and temporary-assignement', async () => {
      const location = (await fhir.read({ resourceType: 'Location', id: unit })) as unknown as { extension: Ext[] };
      expect(r4Issues(location)).toEqual([]);
      expect(rorIssues(location as never)).toEqual([]);
      const records = location.extension.filter((e) => e.url === EXTENSIONS.supportedCapacity);
      expect(records).toHaveLength(7);
      expect(records.every((e) => code(e, 'temporaryAssignement')?.code === '02')).toBe(true);
      // The crisis qualifies the supplementary beds only.
      expect(records.filter((e) => code(e, 'crisisType')).map((e) => [code(e, 'capacityStatus')?.code, code(e, 'crisisType')])).toEqual([
        ['06', { system: CODE_SYSTEMS.typeCrise, code: '02', display: 'Situation sanitaire Exceptionnelle (SSE) (Plan blanc)' }],
      ]);
      expect(await locations({ 'crisis-type': `${CODE_SYSTEMS.typeCrise}|02` })).toEqual([unit]);
      expect(await locations({ 'crisis-type': '01,02', 'nb-capacity': 'ge3' })).toEqual([unit]);
      // Within one record: the installed beds carry no crisis.
      expect(await locations({ 'crisis-type': '02', 'capacity-status': '01' })).toEqual([]);
      expect(await locations({ 'crisis-type': `${CODE_SYSTEMS.typeCrise}|01` })).toEqual([]);
      expect(await locations({ 'temporary-assignement': `${CODE_SYSTEMS.affectationTemporaire}|02` })).toEqual([unit]);
      expect(await locations({ 'temporary-assignement': '01', _id: unit })).toEqual([]);
      expect(await locations({ 'temporary-assignement': 'urn:other|02' })).toEqual([]);
      // HealthcareService through its Location (the IG's chained form).
      const services = (await fhir.search({ resourceType: 'HealthcareService', searchParams: { 'location.crisis-type': '02' } })) as unknown as { entry?: Array<{ resource: { id: string } }> };
      expect((services.entry ?? []).map((e) => e.resource.id)).toEqual([unit]);
    });

    it('PATCHes a crisis type on the supplementary beds and a temporary assignment through FHIR, and refuses them elsewhere', async () => {
      const bedManager = await asApp(hub.urls.graphql, 'bed-manager-chateauroux');
      const coded = (url: string, system: string, value: string) => ({ url, valueCodeableConcept: { coding: [{ system, code: value }] } });
      const indicator = (status: string, qualifier: Ext[], count: number, assignment = '01') => ({
        url: EXTENSIONS.supportedCapacity,
        extension: [coded('capacityType', CODE_SYSTEMS.natureCapacite, '01'), coded('capacityStatus', CODE_SYSTEMS.typeStatutCapacite, status), { url: 'nbCapacity', valueInteger: count }, ...qualifier, coded('temporaryAssignement', CODE_SYSTEMS.affectationTemporaire, assignment)],
      });
      const patch = async (...values: object[]) => {
        const response = await fetch(`${hub.urls.fhir}/Location/${unit}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/fhir+json', authorization: bedManager },
          body: JSON.stringify({ resourceType: 'Parameters', parameter: values.map((value) => ({ name: 'operation', part: [{ name: 'type', valueString: 'replace' }, { name: 'path', valueString: `Location.extension.where(url='${EXTENSIONS.supportedCapacity}')` }, { name: 'value', valueExtension: value }] })) }),
        });
        return { status: response.status, body: (await response.json()) as { issue?: Array<{ code: string; diagnostics: string }> } };
      };
      const supplementary = (crisis: string | null, count: number) =>
        indicator('06', [coded('additionalBedType', CODE_SYSTEMS.typeLitSupplementaire, '01'), ...(crisis ? [coded('crisisType', CODE_SYSTEMS.typeCrise, crisis)] : [])], count, '03');
      expect((await patch(supplementary('01', 2))).status).toBe(200);
      expect(await current(unit)).toMatchObject({ mobilisedBeds: 2, source: 'AUTOMATIC_FEED' });
      const read = await gql<{ unit: { capacity: { crisisType: { code: string }; temporaryAssignment: { code: string } } } }>(hub.urls.graphql, `query($id: ID!) { unit(id: $id) { capacity { ${CRISIS} } } }`, { id: unit }, await auth('saisie.lits.chateauroux'));
      expect(read.data!.unit.capacity).toMatchObject({ crisisType: { code: '01' }, temporaryAssignment: { code: '03' } });
      const before = await version(unit);
      const gender = coded('genderCapacityAvailable', CODE_SYSTEMS.genreCapacite, '03');
      const refused = [
        await patch(indicator('02', [gender, coded('crisisType', CODE_SYSTEMS.typeCrise, '02')], 0)), // a crisis on available beds
        await patch(supplementary('99', 2)), // not a TRE_R336 code
        await patch(indicator('02', [gender], 0, '02'), indicator('01', [], 12, '03')), // two assignments in one PATCH
      ];
      expect(refused.map((r) => [r.status, r.body.issue?.[0]?.code])).toEqual([[400, 'business-rule'], [400, 'business-rule'], [400, 'business-rule']]);
      expect(refused[1]!.body.issue![0]!.diagnostics).toContain('TRE_R336');
      expect(await version(unit)).toBe(before);
      // Supplementary beds sent without a crisis: no crisis any more.
      expect((await patch(supplementary(null, 2))).status).toBe(200);
      expect(await locations({ 'crisis-type': '01,02' })).toEqual([]);
    });

    it('records housing and equipment limits with the entry rights, checked against their code lists and the unit\'s equipment', async () => {
      const who = await auth('saisie.lits.chateauroux');
      const housing = await gql<{ setResidentialCapacities: Array<{ type: { code: string; display: string }; count: number | null; updatedBy: string }> }>(
        hub.urls.graphql, RESIDENTIAL, { u: unit, c: [{ type: '02', count: 20 }, { type: '01', count: 5 }, { type: '03' }] }, who,
      );
      expect(housing.errors).toBeUndefined();
      expect(housing.data!.setResidentialCapacities).toEqual([
        { type: { code: '01', display: 'Chambre double' }, count: 5, updatedBy: 'saisie.lits.chateauroux' },
        { type: { code: '02', display: 'Chambre simple' }, count: 20, updatedBy: 'saisie.lits.chateauroux' },
        { type: { code: '03', display: 'F1' }, count: null, updatedBy: 'saisie.lits.chateauroux' },
      ]);
      const limits = await gql<{ setEquipmentLimits: unknown[] }>(hub.urls.graphql, LIMITS, { u: equipped, l: [{ equipmentType: equipment, feature: '001', value: 250, unit: 'kg' }, { equipmentType: equipment, feature: '002', value: 70, unit: 'cm' }] }, who);
      expect(limits.errors).toBeUndefined();
      expect(limits.data!.setEquipmentLimits).toEqual([
        { equipmentType: equipment, feature: { code: '001', display: 'Poids maximum' }, value: 250, unit: 'kg' },
        { equipmentType: equipment, feature: { code: '002', display: 'Diamètre maximum' }, value: 70, unit: 'cm' },
      ]);
      // Refused, naming the field: unknown codes, a repeated type, an equipment the unit lacks, the wrong unit, bounds.
      const refusals: Array<[string, Record<string, unknown>, string]> = [
        [RESIDENTIAL, { u: unit, c: [{ type: '99', count: 1 }] }, 'capacities[0].type'],
        [RESIDENTIAL, { u: unit, c: [{ type: '01', count: 1 }, { type: '01', count: 2 }] }, 'capacities[1].type'],
        [RESIDENTIAL, { u: unit, c: [{ type: '01', count: -1 }] }, 'capacities[0].count'],
        [LIMITS, { u: equipped, l: [{ equipmentType: 'no-such', feature: '001', value: 1, unit: 'kg' }] }, 'limits[0].equipmentType'],
        [LIMITS, { u: equipped, l: [{ equipmentType: equipment, feature: '003', value: 1, unit: 'kg' }] }, 'limits[0].feature'],
        [LIMITS, { u: equipped, l: [{ equipmentType: equipment, feature: '001', value: 250, unit: 'g' }] }, 'limits[0].unit'],
        [LIMITS, { u: equipped, l: [{ equipmentType: equipment, feature: '001', value: 0, unit: 'kg' }] }, 'limits[0].value'],
      ];
      for (const [mutation, variables, field] of refusals) {
        const r = await gql(hub.urls.graphql, mutation, variables, who);
        expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      // Deny: no entry right (admin.ars views only), another legal entity, an application without capacity.write, anonymous.
      const denied = [
        await gql(hub.urls.graphql, RESIDENTIAL, { u: unit, c: [] }, await auth('admin.ars')),
        await gql(hub.urls.graphql, RESIDENTIAL, { u: TOURS_ICU, c: [] }, who),
        await gql(hub.urls.graphql, LIMITS, { u: equipped, l: [] }, { authorization: await asApp(hub.urls.graphql, 'place-search') }),
        await gql(hub.urls.graphql, LIMITS, { u: equipped, l: [] }),
      ];
      expect(denied.map((r) => r.errors![0]!.extensions!.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED']);
      const rows = await gql<{ unit: { residentialCapacities: unknown[]; equipmentLimits: unknown[] } }>(hub.urls.graphql, `query($u: ID!, $e: ID!) { unit(id: $u) { residentialCapacities { count } } equipped: unit(id: $e) { equipmentLimits { value } } }`, { u: unit, e: equipped }, who);
      expect(rows.data!.unit.residentialCapacities).toHaveLength(3);
    });

    it('serves housing and equipment limits on the FHIR Location and searches them within one extension', async () => {
      const location = (await fhir.read({ resourceType: 'Location', id: unit })) as unknown as { extension: Ext[] };
      expect(rorIssues(location as never)).toEqual([]);
      const housing = location.extension.filter((e) => e.url === EXTENSIONS.locationResidentialCapacity);
      expect(housing.map((e) => [code(e, 'residentialType')?.code, e.extension!.find((x) => x.url === 'residentialNumber')?.valueInteger ?? null])).toEqual([['01', 5], ['02', 20], ['03', null]]);
      const place = (await fhir.read({ resourceType: 'Location', id: equipped })) as unknown as { extension: Ext[] };
      expect(r4Issues(place)).toEqual([]);
      const held = place.extension.find((e) => e.url === EXTENSIONS.locationEquipment && code(e, 'equipmentType')?.code === equipment)!;
      const nested = held.extension!.filter((e) => e.url === EXTENSIONS.locationEquipmentLimit);
      expect(nested.map((e) => [code(e, 'equipmentFeature')?.code, e.extension!.find((x) => x.url === 'limitValue')?.valueQuantity])).toEqual([
        ['001', { value: 250, unit: 'kg', system: UCUM, code: 'kg' }],
        ['002', { value: 70, unit: 'cm', system: UCUM, code: 'cm' }],
      ]);
      // Hand-computed on the demo region: no other unit has housing or limits.
      const R242 = CODE_SYSTEMS.typeHabitation;
      expect(await locations({ 'residential-type': `${R242}|02` })).toEqual([unit]);
      expect(await locations({ 'residential-type': '02', 'residential-number': 'ge20' })).toEqual([unit]);
      // Within one extension: 20 single rooms, 5 double ones; no type has both 01 and 20+.
      expect(await locations({ 'residential-type': '01', 'residential-number': 'gt5' })).toEqual([]);
      expect(await locations({ 'residential-number': 'lt5' })).toEqual([]);
      expect(await locations({ 'residential-type': '04' })).toEqual([]);
      // A capacity search's page (capacityMatches reads housing and limits in its own statement):
      // the same extensions as the reads above, in the same order.
      const page = (await fhir.search({ resourceType: 'Location', searchParams: { _id: `${unit},${equipped}`, 'nb-capacity': 'ge0' } })) as unknown as { entry?: Array<{ resource: { id: string; extension: Ext[] } }> };
      const featureExtensions = (l: { extension: Ext[] }) => l.extension.filter((e) => e.url === EXTENSIONS.locationResidentialCapacity || e.url === EXTENSIONS.locationEquipment);
      const found = new Map((page.entry ?? []).map((e) => [e.resource.id, e.resource]));
      expect([...found.keys()].sort()).toEqual([unit, equipped].sort());
      expect(featureExtensions(found.get(unit)!)).toEqual(featureExtensions(location));
      expect(featureExtensions(found.get(equipped)!)).toEqual(featureExtensions(place));
      const R340 = CODE_SYSTEMS.typeCaracteristiqueEquipement;
      expect(await locations({ 'equipment-feature': `${R340}|001`, 'limit-value': `ge200|${UCUM}|kg` })).toEqual([equipped]);
      expect(await locations({ 'equipment-feature': '001', 'limit-value': 'gt250' })).toEqual([]);
      // 70 is a diameter in cm: never a weight, never in kg.
      expect(await locations({ 'equipment-feature': '001', 'limit-value': 'le100' })).toEqual([]);
      expect(await locations({ 'limit-value': `70|${UCUM}|kg` })).toEqual([]);
      expect(await locations({ 'limit-value': `70|${UCUM}|cm` })).toEqual([equipped]);
      // The IG's scenario: offers of an equipment for patients of 200 kg and more.
      const services = (await fhir.search({
        resourceType: 'HealthcareService',
        searchParams: { 'location.equipment-type': `${CODE_SYSTEMS.equipement}|${equipment}`, 'location.equipment-feature': `${R340}|001`, 'location.limit-value': `ge200|${UCUM}|kg` },
      })) as unknown as { entry?: Array<{ resource: { id: string } }> };
      expect((services.entry ?? []).map((e) => e.resource.id)).toEqual([equipped]);
      // Capacity read rights: the directory application (no capacity.read) sees no housing and may not search it.
      const directory = new Client({ baseUrl: hub.urls.fhir, bearerToken: (await asApp(hub.urls.graphql, 'sante-fr-directory')).replace(/^Bearer /, '') });
      const bare = (await directory.read({ resourceType: 'Location', id: unit })) as unknown as { extension: Ext[] };
      expect(bare.extension.some((e) => e.url === EXTENSIONS.locationResidentialCapacity || e.url === EXTENSIONS.supportedCapacity)).toBe(false);
      await expect(directory.search({ resourceType: 'Location', searchParams: { 'residential-type': '02' } })).rejects.toMatchObject({ response: { status: 403 } });
    });
  });
});
