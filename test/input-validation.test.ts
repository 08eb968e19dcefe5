/**
 * Validation before writes (issue 12, cases 3 and 6, and the REST part of case 11), against a real
 * private hub per database kind: numeric bounds shared by GraphQL, the feed and FHIR PATCH (a refused write
 * changes nothing and breaks no read), U+0000 and over-long strings refused on every path,
 * invalid DateTime refused as the caller's error, and no SQL, parameters or stack in any answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { databaseKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';
import { EXTENSIONS } from '../fhir/codes.js';

const CHATEAUROUX = '360000137'; // saisie.lits.chateauroux and bed-manager-chateauroux enter its units
const DEMO_FINESS = fileURLToPath(new URL('../scripts/demo/data/finess-cvl.csv', import.meta.url));
const HUGE = 2147483647;
/** Text that must never reach a client: SQL, driver errors, parameters, stacks. */
const LEAKS = /Failed query|insert into|select |unit_capacity|params:|\bat [\w.<>]+ \(|node_modules|\.ts:\d+/i;

interface Unit {
  id: string;
  ufCode: string;
}
interface Capacity {
  installedBeds: number;
  available: { men: number; women: number; undifferentiated: number };
  closedBeds: number;
  reopenedBeds: number;
  reopenableBeds: number;
  mobilisedBeds: number;
  notes: string | null;
  version: number;
}

const UPDATE = `mutation($unitId: ID!, $input: CapacityInput!, $v: Int!) { updateUnitCapacity(unitId: $unitId, input: $input, expectedVersion: $v) { version } }`;
const CAPACITY = `query($id: ID!) { unit(id: $id) { capacity { installedBeds available { men women undifferentiated } closedBeds reopenedBeds reopenableBeds mobilisedBeds notes version } } }`;

describe.each(databaseKinds())('validation before writes, on a private hub (%s)', (kind) => {
  let hub: TestHub;
  let units: Unit[];
  let writer = '';
  let admin = '';
  let bedManager = '';
  const base = () => hub.urls.graphql.replace(/\/graphql$/, '');

  const capacityOf = async (unitId: string) => {
    const r = await gql<{ unit: { capacity: Capacity | null } }>(hub.urls.graphql, CAPACITY, { id: unitId }, { authorization: admin });
    expect(r.errors).toBeUndefined();
    return r.data!.unit.capacity!;
  };
  const inputOf = (c: Capacity) => ({
    installedBeds: c.installedBeds,
    availableMen: c.available.men,
    availableWomen: c.available.women,
    availableUndifferentiated: c.available.undifferentiated,
    closedBeds: c.closedBeds,
    reopenedBeds: c.reopenedBeds,
    reopenableBeds: c.reopenableBeds,
    mobilisedBeds: c.mobilisedBeds,
    notes: c.notes,
  });
  const dbVersion = async (unitId: string) =>
    (await hub.db.rows<{ version: number }>(sql`select version from capacities.unit_capacity where unit_id = ${unitId}`))[0]!.version;
  const eventCount = async () => (await hub.db.rows<{ n: number }>(sql`select count(*)::int as n from feed.change_event`))[0]!.n;
  /** Every unit's version and the change feed's length: a refused write leaves both as they were. */
  const snapshot = async () => ({ versions: await Promise.all(units.map((u) => dbVersion(u.id))), events: await eventCount() });
  const synthesis = () =>
    gql<{ capacitySynthesis: { totals: { installedBeds: number }; groups: Array<{ key: string; totals: { installedBeds: number } }> } }>(
      hub.urls.graphql,
      `{ capacitySynthesis(groupBy: [REGION]) { totals { installedBeds totalOperational } groups { key totals { installedBeds mobilisedBeds } } } }`,
      {},
      { authorization: writer }, // its reach: the units written here
    );
  const feed = async (body: string, contentType = 'application/json') => {
    const response = await fetch(`${base()}/feeds/capacities`, { method: 'POST', headers: { 'content-type': contentType, authorization: writer }, body });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) as Record<string, unknown> };
  };

  beforeAll(async () => {
    hub = await startTestHub(kind);
    [writer, admin, bedManager] = await Promise.all([
      asUser(hub.urls.graphql, 'saisie.lits.chateauroux'),
      asUser(hub.urls.graphql, 'admin.ars'),
      asApp(hub.urls.graphql, 'bed-manager-chateauroux'),
    ]);
    const r = await gql<{ units: { edges: Array<{ node: Unit }> } }>(
      hub.urls.graphql,
      `{ units(filter: { establishmentId: "${CHATEAUROUX}" }, first: 4) { edges { node { id ufCode } } } }`,
      {},
      { authorization: admin },
    );
    units = r.data!.units.edges.map((e) => e.node);
    expect(units.length).toBe(4);
  }, 120_000);
  afterAll(async () => {
    // As capacities-feed.test.ts: pg's pool re-emits the scratch database's forced drop as an 'error'.
    (hub?.db.orm as unknown as { $client?: { on?: (event: string, fn: () => void) => void } } | undefined)?.$client?.on?.('error', () => undefined);
    await hub?.close();
  });

  describe('case 3: out-of-range figures are refused on every path and break nothing', () => {
    it('GraphQL updateUnitCapacity: BAD_USER_INPUT naming the field, version unchanged, capacity and synthesis still read', async () => {
      const unit = units[0]!;
      const before = await capacityOf(unit.id);
      const state = await snapshot();
      const r = await gql(hub.urls.graphql, UPDATE, { unitId: unit.id, input: { ...inputOf(before), installedBeds: HUGE, mobilisedBeds: HUGE }, v: before.version }, { authorization: writer });
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'installedBeds' });
      expect(r.errors![0]!.message).toContain('10000');
      expect(await snapshot()).toEqual(state);
      expect((await capacityOf(unit.id)).version).toBe(before.version);
      const s = await synthesis();
      expect(s.errors).toBeUndefined();
      expect(s.data!.capacitySynthesis.groups.length).toBeGreaterThan(0);
      // One above the bound is refused too, naming the field at fault.
      const over = await gql(hub.urls.graphql, UPDATE, { unitId: unit.id, input: { ...inputOf(before), mobilisedBeds: 10_001 }, v: before.version }, { authorization: writer });
      expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mobilisedBeds' });
      expect(await snapshot()).toEqual(state);
    });

    it('the feed refuses the same values with the same bound, writing nothing', async () => {
      const state = await snapshot();
      const line = { establishmentFiness: CHATEAUROUX, ufCode: units[1]!.ufCode, installedBeds: 10_001, availableMen: 0, availableWomen: 0, availableUndifferentiated: 0, mobilisedBeds: HUGE };
      const r = await feed(JSON.stringify({ updates: [line] }));
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({ written: false, rejected: 1, results: [{ line: 1, status: 'rejected', field: 'installedBeds' }] });
      expect(await snapshot()).toEqual(state);
    });

    it('FHIR PATCH refuses nbCapacity above the bound as a business rule, writing nothing', async () => {
      const unit = units[2]!;
      const state = await snapshot();
      const indicator = {
        url: EXTENSIONS.supportedCapacity,
        extension: [
          { url: 'capacityType', valueCode: '01' },
          { url: 'capacityStatus', valueCode: '06' },
          { url: 'additionalBedType', valueCode: '01' },
          { url: 'nbCapacity', valueInteger: HUGE },
        ],
      };
      const body = {
        resourceType: 'Parameters',
        parameter: [{ name: 'operation', part: [{ name: 'type', valueString: 'add' }, { name: 'path', valueString: 'Location' }, { name: 'name', valueString: 'extension' }, { name: 'value', part: [{ extension: [indicator] }] }] }],
      };
      const response = await fetch(`${hub.urls.fhir}/Location?identifier=1${CHATEAUROUX}/${encodeURIComponent(unit.ufCode)}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/fhir+json', authorization: bedManager },
        body: JSON.stringify(body),
      });
      const outcome = (await response.json()) as { resourceType: string; issue: Array<{ code: string; diagnostics: string }> };
      expect(response.status).toBe(400);
      expect(outcome.resourceType).toBe('OperationOutcome');
      expect(outcome.issue[0]).toMatchObject({ code: 'business-rule' });
      expect(outcome.issue[0]!.diagnostics).toContain('mobilisedBeds');
      expect(await snapshot()).toEqual(state);
      expect((await synthesis()).errors).toBeUndefined();
    });
  });

  describe('case 6: U+0000, over-long strings and invalid scalars are the caller\'s error, never a 500', () => {
    it('the feed: JSON notes with U+0000 → 400 naming the line, nothing written, no SQL', async () => {
      const state = await snapshot();
      const c = await capacityOf(units[1]!.id);
      const line = { establishmentFiness: CHATEAUROUX, ufCode: units[1]!.ufCode, installedBeds: c.installedBeds, availableMen: 0, availableWomen: 0, availableUndifferentiated: 0, notes: 'a\u0000b' };
      const r = await feed(JSON.stringify({ updates: [line] }));
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ error: { code: 'BAD_USER_INPUT', line: 1, field: 'updates[0].notes' } });
      expect(r.text).not.toMatch(LEAKS);
      expect(await snapshot()).toEqual(state);
    });

    it('the feed: a CSV with a NUL byte → 400 naming the file line', async () => {
      const state = await snapshot();
      const csv = `establishmentFiness;ufCode;installedBeds;availableMen;availableWomen;availableUndifferentiated;notes\n${CHATEAUROUX};${units[1]!.ufCode};10;0;0;0;a\u0000b\n`;
      const r = await feed(csv, 'text/csv');
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ error: { code: 'BAD_USER_INPUT', line: 2 } });
      expect(r.text).not.toMatch(LEAKS);
      expect(await snapshot()).toEqual(state);
    });

    it('imports: FINESS and RPU files with a NUL byte → 400 naming the line, no SQL or parameters', async () => {
      const lines = readFileSync(DEMO_FINESS, 'utf8').split('\n');
      lines[2] = lines[2]!.replace(';', ';\u0000');
      const finess = await fetch(`${base()}/imports/finess`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: admin }, body: lines.join('\n') });
      const finessText = await finess.text();
      expect(finess.status).toBe(400);
      expect(JSON.parse(finessText)).toMatchObject({ error: { code: 'BAD_USER_INPUT', line: 3 } });
      expect(finessText).not.toMatch(LEAKS);
      const rpu = await fetch(`${base()}/imports/rpu?dryRun=true`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: admin }, body: 'FINESS;NAISSANCE\n\u0000\n' });
      expect(rpu.status).toBe(400);
      expect(await rpu.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', line: 2 } });
    });

    it('GraphQL: U+0000 in a variable or a literal, on a read or a write → BAD_USER_INPUT, nothing written', async () => {
      const state = await snapshot();
      const read = await gql(hub.urls.graphql, `query($name: String) { establishments(filter: { name: $name }) { totalCount } }`, { name: 'a\u0000b' });
      expect(read.status).toBe(400);
      expect(read.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: '$name' });
      const literal = await gql(hub.urls.graphql, `{ establishments(filter: { name: "a\\u0000b" }) { totalCount } }`);
      expect(literal.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.name' });
      const c = await capacityOf(units[0]!.id);
      const write = await gql(hub.urls.graphql, UPDATE, { unitId: units[0]!.id, input: { ...inputOf(c), notes: 'a\u0000b' }, v: c.version }, { authorization: writer });
      expect(write.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: '$input.notes' });
      // A lone surrogate has no UTF-8 form: jsonb (the audit) refuses it, text would store U+FFFD.
      const lone = await gql(hub.urls.graphql, UPDATE, { unitId: units[0]!.id, input: { ...inputOf(c), notes: 'a\ud800b' }, v: c.version }, { authorization: writer });
      expect(lone.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: '$input.notes' });
      expect(await snapshot()).toEqual(state);
    });

    it('GraphQL over WebSocket: U+0000 in a subscription variable → BAD_USER_INPUT, as on HTTP', async () => {
      const client = createClient({ url: hub.urls.graphql.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: admin }, retryAttempts: 0 });
      try {
        const errors = await new Promise<unknown>((resolve, reject) => {
          client.subscribe(
            { query: 'subscription($d: String) { capacityChanged(filter: { departmentCode: $d }) { at } }', variables: { d: '3\u00006' } },
            { next: () => reject(new Error('an event was delivered')), error: resolve, complete: () => reject(new Error('completed without error')) },
          );
        });
        expect(errors).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT', field: '$d' } }]);
      } finally {
        await client.dispose();
      }
    });

    it('GraphQL: a 100 kB string to a name → BAD_USER_INPUT', async () => {
      const big = 'x'.repeat(100_000);
      const r = await gql(hub.urls.graphql, `query($name: String) { establishments(filter: { name: $name }) { totalCount } }`, { name: big });
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: '$name' });
      const save = await gql(hub.urls.graphql, `mutation($name: String!) { saveCapacityFilter(input: { name: $name, groupBy: [REGION], filter: {} }) { id } }`, { name: big }, { authorization: writer });
      expect(save.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('GraphQL: an invalid DateTime, as a literal or a variable → the caller\'s error, not INTERNAL_SERVER_ERROR', async () => {
      const id = units[0]!.id;
      for (const bad of ['not-a-date', '2026-02-30T10:00:00Z', '1', '2026-11-23']) {
        const variable = await gql(hub.urls.graphql, `query($id: ID!, $from: DateTime) { unit(id: $id) { capacityHistory(from: $from) { edges { cursor } } } }`, { id, from: bad }, { authorization: admin });
        expect(variable.status).toBe(400);
        expect(variable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(variable.errors![0]!.message).toContain('DateTime');
        const literal = await gql(hub.urls.graphql, `query($id: ID!) { unit(id: $id) { capacityHistory(from: ${JSON.stringify(bad)}) { edges { cursor } } } }`, { id }, { authorization: admin });
        expect(literal.status).toBe(400);
        expect(literal.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(literal.errors![0]!.message).toContain('DateTime');
      }
      const good = await gql(hub.urls.graphql, `query($id: ID!, $from: DateTime) { unit(id: $id) { capacityHistory(from: $from) { edges { cursor } } } }`, { id, from: '2026-01-01T00:00:00+01:00' }, { authorization: admin });
      expect(good.errors).toBeUndefined();
    });

    it('FHIR search: name=a%00b → 400 OperationOutcome', async () => {
      const response = await fetch(`${hub.urls.fhir}/Organization?name=a%00b`);
      const text = await response.text();
      expect(response.status).toBe(400);
      expect(JSON.parse(text)).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'invalid' }] });
      expect(text).toContain('U+0000');
      expect(text).toContain('Search parameter name'); // the caller's parameter, not an internal variable
      expect(text).not.toMatch(LEAKS);
      const lenient = await fetch(`${hub.urls.fhir}/Location?address-city=a%00b`, { headers: { prefer: 'handling=lenient' } });
      expect(lenient.status).toBe(400); // a value that cannot be searched for is never ignored
    });
  });

  describe('case 11 (REST): the shared error handler on the real routes', () => {
    it('answers Fastify\'s own client errors in the REST format, with their status', async () => {
      // No parser for this type on the gateway: Fastify's FST_ERR_CTP_INVALID_MEDIA_TYPE.
      const media = await fetch(`${base()}/feeds/capacities`, { method: 'POST', headers: { 'content-type': 'application/xml', authorization: writer }, body: '<x/>' });
      expect(media.status).toBe(415);
      expect(await media.json()).toEqual({ error: { code: 'BAD_REQUEST', message: 'Unsupported Media Type' } });
      // A subgraph's own HubError keeps its status and extensions through the same handler.
      const date = await fetch(`${base()}/exports/capacities/2026-02-30.csv`, { headers: { authorization: await asApp(hub.urls.graphql, 'national-aggregator') } });
      expect(date.status).toBe(400);
      expect(await date.json()).toEqual({ error: { code: 'BAD_USER_INPUT', message: expect.stringContaining('2026-02-30'), field: 'date' } });
    });
  });
});
