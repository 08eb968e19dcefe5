/**
 * Capacity write-back through FHIR (docs/fhir-capacity-patch.md): a bed manager PATCHes
 * ror-location-supported-capacity indicators the national way, on one private PGlite hub (the
 * shared demo hubs are never written). Real HTTP (fetch: fhir-kit-client's patch sends JSON Patch),
 * every resource received validated offline, the write checked through GraphQL and the change feed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client } from 'fhir-kit-client';
import { startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';
import { loadR4Definitions, r4Issues, rorIssues } from './helpers/fhir/validate.js';
import { CODE_SYSTEMS, EXTENSIONS } from '../fhir/codes.js';
import { demoPrivateJwk, demoPublicJwks } from '../scripts/demo/clients.js';
import { discover, requestClientToken, signClientAssertion } from '../scripts/token.js';

const CHATEAUROUX = '360000137'; // bed-manager-chateauroux is registered for this establishment only
const TOURS_ICU = '370004467-4557'; // another establishment's unit; ref.uo.tours enters it
const REGION = '24'; // Centre-Val de Loire
const MISSING = `Location.extension.where(url='${EXTENSIONS.supportedCapacity}')`;

type Json = Record<string, unknown>;
interface Outcome {
  resourceType: 'OperationOutcome';
  issue: Array<{ severity: string; code: string; diagnostics?: string; expression?: string[] }>;
}
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
  source: string;
  updatedBy: string;
  version: number;
}

type Style = 'codeableConcept' | 'code';
/** Status, qualifier (sub-extension url and code) and count of one indicator. */
interface Spec {
  status: string;
  count: number;
  qualifier?: [string, string];
  nature?: string;
  extra?: Array<[string, string]>;
}

const SYSTEM_OF: Record<string, string> = {
  capacityType: CODE_SYSTEMS.natureCapacite,
  capacityStatus: CODE_SYSTEMS.typeStatutCapacite,
  temporalityCapacity: CODE_SYSTEMS.temporaliteCapacite,
  genderCapacityAvailable: CODE_SYSTEMS.genreCapacite,
  capacityClosingType: CODE_SYSTEMS.typeFermetureCapacite,
  additionalBedType: CODE_SYSTEMS.typeLitSupplementaire,
  capacitySourceType: CODE_SYSTEMS.typeSourceCapacite,
  temporaryAssignement: CODE_SYSTEMS.affectationTemporaire,
  crisisType: 'https://mos.esante.gouv.fr/NOS/TRE_R336-TypeCrise/FHIR/TRE-R336-TypeCrise',
};

function coded(url: string, code: string, style: Style): Json {
  return style === 'code' ? { url, valueCode: code } : { url, valueCodeableConcept: { coding: [{ system: SYSTEM_OF[url], code }] } };
}

/** One indicator as a bed manager sends it (every IG sub-extension). */
function indicator(spec: Spec, style: Style = 'codeableConcept'): Json {
  const extension = [
    coded('capacityType', spec.nature ?? '01', style),
    coded('capacityStatus', spec.status, style),
    coded('temporalityCapacity', '01', style),
    { url: 'nbCapacity', valueInteger: spec.count },
    coded('capacitySourceType', '02', style),
    ...(spec.qualifier ? [coded(spec.qualifier[0], spec.qualifier[1], style)] : []),
    ...(spec.extra ?? []).map(([url, code]) => coded(url, code, style)),
    { url: 'capacityUpdateDate', valueDateTime: new Date().toISOString() },
    coded('temporaryAssignement', '01', style),
  ];
  return { url: EXTENSIONS.supportedCapacity, extension };
}

/** A FHIRPath Patch with one operation, the value in the national documentation's shape. */
function patchBody(type: 'replace' | 'add', value: Json): Json {
  const path = type === 'replace' ? MISSING : 'Location';
  return {
    resourceType: 'Parameters',
    parameter: [
      {
        name: 'operation',
        part: [
          { name: 'type', valueString: type },
          { name: 'path', valueString: path },
          ...(type === 'add' ? [{ name: 'name', valueString: 'extension' }] : []),
          { name: 'value', part: [{ extension: [value] }] },
        ],
      },
    ],
  };
}

beforeAll(() => loadR4Definitions());

describe('FHIR capacity PATCH (national protocol) on a private PGlite hub', () => {
  let hub: TestHub;
  let units: Unit[];
  let bedManager = '';
  let reader = '';

  const request = async (path: string, body: unknown, options: { auth?: string; ifMatch?: string; contentType?: string } = {}) => {
    const response = await fetch(`${hub.urls.fhir}/${path}`, {
      method: 'PATCH',
      headers: {
        'content-type': options.contentType ?? 'application/fhir+json',
        ...(options.auth ? { authorization: options.auth } : {}),
        ...(options.ifMatch ? { 'if-match': options.ifMatch } : {}),
      },
      body: JSON.stringify(body),
    });
    const resource = (await response.json()) as Json;
    // Every resource received is checked: R4 structure, and the IG's rules for a Location.
    expect(r4Issues(resource)).toEqual([]);
    expect(rorIssues(resource as never)).toEqual([]);
    return { status: response.status, etag: response.headers.get('etag'), resource };
  };
  const byUf = (unit: Unit) => `Location?identifier=1${CHATEAUROUX}/${encodeURIComponent(unit.ufCode)}`;
  const capacityOf = async (unitId: string) => {
    const { data } = await gql<{ unit: { capacity: Capacity | null } }>(
      hub.urls.graphql,
      `query($id: ID!) { unit(id: $id) { capacity { installedBeds available { men women undifferentiated } closedBeds reopenedBeds reopenableBeds mobilisedBeds source updatedBy version } } }`,
      { id: unitId },
      { authorization: reader },
    );
    return data!.unit.capacity;
  };
  const historyOf = async (unitId: string) => {
    const { data } = await gql<{ unit: { capacityHistory: { edges: Array<{ node: { capacity: Capacity } }> } } }>(
      hub.urls.graphql,
      `query($id: ID!) { unit(id: $id) { capacityHistory(first: 100) { edges { node { capacity { installedBeds available { men women undifferentiated } source updatedBy version } } } } } }`,
      { id: unitId },
      { authorization: reader },
    );
    return data!.unit.capacityHistory.edges.map((e) => e.node.capacity);
  };
  const eventsOf = async (unitId: string) =>
    hub.db.rows<{ actor: string; payload: { capacity: { source: string; version: number } } }>(
      sql`select actor, payload from feed.change_event where topic = 'capacity' and record_id = ${unitId} order by id desc`,
    );
  const figure = (location: Json, status: string, qualifier?: string) =>
    (location.extension as Array<{ url: string; extension?: Array<{ url: string; valueInteger?: number; valueCodeableConcept?: { coding: Array<{ code: string }> } }> }>)
      .filter((e) => e.url === EXTENSIONS.supportedCapacity)
      .map((e) => {
        const code = (url: string) => e.extension!.find((s) => s.url === url)?.valueCodeableConcept?.coding[0]?.code;
        return {
          status: code('capacityStatus'),
          qualifier: code('genderCapacityAvailable') ?? code('capacityClosingType') ?? code('additionalBedType'),
          count: e.extension!.find((s) => s.url === 'nbCapacity')!.valueInteger,
        };
      })
      .find((f) => f.status === status && f.qualifier === qualifier)?.count;

  beforeAll(async () => {
    hub = await startTestHub('pglite');
    bedManager = await asApp(hub.urls.graphql, 'bed-manager-chateauroux');
    reader = await asApp(hub.urls.graphql, 'national-aggregator');
    const { data } = await gql<{ units: { edges: Array<{ node: Unit }> } }>(
      hub.urls.graphql,
      `{ units(filter: { establishmentId: "${CHATEAUROUX}" }, first: 4) { edges { node { id ufCode } } } }`,
      {},
      { authorization: reader },
    );
    units = data!.units.edges.map((e) => e.node);
    expect(units.length).toBe(4);
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
  });

  it('lists patch on Location in the CapabilityStatement, with its conditional form', async () => {
    const client = new Client({ baseUrl: hub.urls.fhir });
    const statement = (await client.capabilityStatement()) as unknown as { rest: Array<{ resource: Array<{ type: string; interaction: Array<{ code: string; documentation?: string }> }> }> };
    const location = statement.rest[0]!.resource.find((r) => r.type === 'Location')!;
    expect(location.interaction.map((i) => i.code)).toEqual(['read', 'vread', 'history-instance', 'patch', 'search-type']);
    expect(location.interaction.find((i) => i.code === 'patch')!.documentation).toContain('Location?identifier=');
    expect(r4Issues(statement as never)).toEqual([]);
  });

  it('replaces an indicator by the national identifier: the Location, GraphQL, history and change feed show it, as the application', async () => {
    const unit = units[0]!;
    const before = (await capacityOf(unit.id))!;
    const operational = before.installedBeds - (before.closedBeds - before.reopenedBeds) + before.mobilisedBeds;
    const free = operational - before.available.men - before.available.women - before.available.undifferentiated;
    // A figure that differs from the current one and keeps the record valid.
    const women = before.available.women > 0 ? before.available.women - 1 : 1;
    expect(before.available.women > 0 || free > 0).toBe(true);
    const { status, resource, etag } = await request(byUf(unit), patchBody('replace', indicator({ status: '02', qualifier: ['genderCapacityAvailable', '01'], count: women })), { auth: bedManager });
    expect(status).toBe(200);
    expect(resource).toMatchObject({ resourceType: 'Location', id: unit.id });
    expect(figure(resource, '02', '01')).toBe(women);
    expect(etag).toBe(`W/"${(resource.meta as { versionId: string }).versionId}"`);

    const after = (await capacityOf(unit.id))!;
    expect(after).toMatchObject({ available: { ...before.available, women }, installedBeds: before.installedBeds, source: 'AUTOMATIC_FEED', updatedBy: 'Gestion des lits — CH Châteauroux' });
    expect(after.version).toBe(before.version + 1);
    expect((await historyOf(unit.id))[0]).toMatchObject({ version: after.version, source: 'AUTOMATIC_FEED', updatedBy: 'Gestion des lits — CH Châteauroux' });
    expect((await eventsOf(unit.id))[0]).toMatchObject({ actor: 'Gestion des lits — CH Châteauroux', payload: { capacity: { source: 'AUTOMATIC_FEED', version: after.version } } });
  });

  it('accepts valueCode, our regional identifier and Location/[id]; the closing types keep each other', async () => {
    const unit = units[1]!;
    const before = (await capacityOf(unit.id))!;
    const installed = before.installedBeds + 4;
    const first = await request(`Location?identifier=|${REGION}/${unit.id}`, patchBody('replace', indicator({ status: '01', count: installed }, 'code')), { auth: bedManager });
    expect(first.status).toBe(200);
    expect(figure(first.resource, '01')).toBe(installed);

    const reactivable = await request(`Location/${unit.id}`, patchBody('replace', indicator({ status: '05', qualifier: ['capacityClosingType', '01'], count: 2 })), { auth: bedManager });
    expect(reactivable.status).toBe(200);
    const notReactivable = await request(`Location/${unit.id}`, patchBody('replace', indicator({ status: '05', qualifier: ['capacityClosingType', '02'], count: 1 })), { auth: bedManager });
    expect(notReactivable.status).toBe(200);
    expect([figure(notReactivable.resource, '05', '01'), figure(notReactivable.resource, '05', '02')]).toEqual([2, 1]);
    expect(await capacityOf(unit.id)).toMatchObject({ installedBeds: installed, closedBeds: before.reopenedBeds + 3, reopenableBeds: 2, reopenedBeds: before.reopenedBeds });
  });

  it('is idempotent: the same PATCH again answers 200 and writes no version, history row nor event', async () => {
    const unit = units[0]!;
    const body = patchBody('replace', indicator({ status: '06', qualifier: ['additionalBedType', '01'], count: 2 }));
    expect((await request(byUf(unit), body, { auth: bedManager })).status).toBe(200);
    const [capacity, history, events] = [await capacityOf(unit.id), (await historyOf(unit.id)).length, (await eventsOf(unit.id)).length];
    const again = await request(byUf(unit), body, { auth: bedManager });
    expect(again.status).toBe(200);
    expect(figure(again.resource, '06', '01')).toBe(2);
    expect(await capacityOf(unit.id)).toEqual(capacity);
    expect((await historyOf(unit.id)).length).toBe(history);
    expect((await eventsOf(unit.id)).length).toBe(events);
  });

  it('answers 404 with the extension expression when replace finds no indicator, then the add creates it', async () => {
    const unit = units[2]!;
    // A unit never entered (the demo seeds every unit: its record is removed, as before a first entry).
    await hub.db.rows(sql`delete from capacities.capacity_history where unit_id = ${unit.id}`);
    await hub.db.rows(sql`delete from capacities.unit_capacity where unit_id = ${unit.id}`);
    const installed = indicator({ status: '01', count: 12 });
    const replaced = await request(byUf(unit), patchBody('replace', installed), { auth: bedManager });
    expect(replaced.status).toBe(404);
    expect((replaced.resource as unknown as Outcome).issue[0]).toMatchObject({ code: 'not-found', expression: [MISSING] });
    expect(await capacityOf(unit.id)).toBeNull();

    const added = await request(byUf(unit), patchBody('add', installed), { auth: bedManager });
    expect(added.status).toBe(200);
    expect(figure(added.resource, '01')).toBe(12);
    expect(figure(added.resource, '02', '03')).toBe(0);
    expect(await capacityOf(unit.id)).toMatchObject({ installedBeds: 12, available: { men: 0, women: 0, undifferentiated: 0 }, version: 1, source: 'AUTOMATIC_FEED' });
    // Now it exists, the next replace succeeds.
    const available = await request(byUf(unit), patchBody('replace', indicator({ status: '02', qualifier: ['genderCapacityAvailable', '03'], count: 5 })), { auth: bedManager });
    expect(available.status).toBe(200);
    expect(figure(available.resource, '02', '03')).toBe(5);
  });

  it('answers 404 (expression Location) for an unknown Location, 412 multiple-matches when the identifiers name several', async () => {
    for (const path of [`Location?identifier=1${CHATEAUROUX}/NO-SUCH-UF`, `Location?identifier=${REGION}/000000000-0000`, 'Location/000000000-0000', `Location?identifier=urn:other|${REGION}/${units[0]!.id}`]) {
      const { status, resource } = await request(path, patchBody('replace', indicator({ status: '01', count: 1 })), { auth: bedManager });
      expect({ path, status }).toEqual({ path, status: 404 });
      expect((resource as unknown as Outcome).issue[0]).toMatchObject({ code: 'not-found', expression: ['Location'] });
    }
    const two = await request(`Location?identifier=1${CHATEAUROUX}/${units[0]!.ufCode},${REGION}/${units[1]!.id}`, patchBody('replace', indicator({ status: '01', count: 1 })), { auth: bedManager });
    expect(two.status).toBe(412);
    expect((two.resource as unknown as Outcome).issue[0]).toMatchObject({ code: 'multiple-matches', expression: ['Location'] });
  });

  it('refuses with 400 business-rule the indicators the record cannot hold, and the subgraph rules with their message', async () => {
    const unit = units[3]!;
    const version = (await capacityOf(unit.id))!.version;
    const refused: Spec[] = [
      { status: '02', count: 1 }, // available without gender: the total is derived
      { status: '05', qualifier: ['capacityClosingType', '03'], count: 1 }, // Indéterminé
      { status: '07', count: 1 }, // operational: computed
      { status: '06', qualifier: ['additionalBedType', '03'], count: 1 },
      { status: '02', qualifier: ['genderCapacityAvailable', '03'], count: 1, extra: [['crisisType', '02']] }, // a crisis opens supplementary beds only
      { status: '01', qualifier: ['genderCapacityAvailable', '01'], count: 1 },
      { status: '01', count: 1, nature: '03' },
    ];
    for (const spec of refused) {
      const { status, resource } = await request(byUf(unit), patchBody('replace', indicator(spec)), { auth: bedManager });
      expect({ spec, status }).toEqual({ spec, status: 400 });
      expect((resource as unknown as Outcome).issue[0]).toMatchObject({ code: 'business-rule', expression: [`Location.extension('${EXTENSIONS.supportedCapacity}')`] });
    }
    // The capacity rules of the subgraph: more available beds than open ones.
    const rule = await request(byUf(unit), patchBody('replace', indicator({ status: '02', qualifier: ['genderCapacityAvailable', '02'], count: 10_000 })), { auth: bedManager });
    expect(rule.status).toBe(400);
    expect((rule.resource as unknown as Outcome).issue[0]).toMatchObject({ code: 'business-rule' });
    expect((rule.resource as unknown as Outcome).issue[0]!.diagnostics).toContain('cannot exceed the total operational capacity');
    expect((await capacityOf(unit.id))!.version).toBe(version);
  });

  it('answers 400 for a body that is not a FHIRPath Patch of one capacity indicator', async () => {
    const unit = units[3]!;
    const good = indicator({ status: '01', count: 1 });
    const bodies: Array<[string, unknown]> = [
      ['not Parameters', { resourceType: 'Location' }],
      ['no operation', { resourceType: 'Parameters', parameter: [] }],
      ['delete', { resourceType: 'Parameters', parameter: [{ name: 'operation', part: [{ name: 'type', valueCode: 'delete' }, { name: 'path', valueString: MISSING }] }] }],
      ['other extension', patchBody('replace', { url: 'https://example.org/other', extension: [] })],
      ['no nbCapacity', patchBody('replace', { url: EXTENSIONS.supportedCapacity, extension: (good.extension as Json[]).filter((e) => e.url !== 'nbCapacity') })],
      ['bad path', { ...patchBody('replace', good), parameter: [{ name: 'operation', part: [{ name: 'type', valueCode: 'replace' }, { name: 'path', valueString: 'Location.name' }, { name: 'value', valueExtension: good }] }] }],
    ];
    for (const [label, body] of bodies) {
      const { status, resource } = await request(byUf(unit), body, { auth: bedManager });
      expect({ label, status }).toEqual({ label, status: 400 });
      expect((resource as unknown as Outcome).issue[0]!.code).toBe('invalid');
    }
    const jsonPatch = await fetch(`${hub.urls.fhir}/${byUf(unit)}`, { method: 'PATCH', headers: { 'content-type': 'application/json-patch+json', authorization: bedManager }, body: '[]' });
    expect(jsonPatch.status).toBe(415);
  });

  it('honours If-Match: 412 on a stale ETag, 200 on the current one (the R4 FHIR Patch parts shape)', async () => {
    const unit = units[3]!;
    const installed = (await capacityOf(unit.id))!.installedBeds + 5;
    const client = new Client({ baseUrl: hub.urls.fhir, bearerToken: bedManager.replace(/^Bearer /, '') });
    const current = (await client.read({ resourceType: 'Location', id: unit.id })) as unknown as { meta: { versionId: string } };
    const stale = await request(byUf(unit), patchBody('replace', indicator({ status: '01', count: installed })), { auth: bedManager, ifMatch: 'W/"0-0"' });
    expect(stale.status).toBe(412);
    const parts = {
      resourceType: 'Parameters',
      parameter: [
        {
          name: 'operation',
          part: [
            { name: 'type', valueCode: 'replace' },
            { name: 'path', valueString: MISSING },
            {
              name: 'value',
              part: [
                { name: 'url', valueUri: EXTENSIONS.supportedCapacity },
                { name: 'extension', part: [{ name: 'url', valueUri: 'capacityType' }, { name: 'valueCode', valueCode: '01' }] },
                { name: 'extension', part: [{ name: 'url', valueUri: 'capacityStatus' }, { name: 'valueCode', valueCode: '01' }] },
                { name: 'extension', part: [{ name: 'url', valueUri: 'nbCapacity' }, { name: 'valueInteger', valueInteger: installed }] },
              ],
            },
          ],
        },
      ],
    };
    const fresh = await request(byUf(unit), parts, { auth: bedManager, ifMatch: `W/"${current.meta.versionId}"` });
    expect(fresh.status).toBe(200);
    expect(figure(fresh.resource, '01')).toBe(installed);
    expect(fresh.etag).not.toBe(`W/"${current.meta.versionId}"`);
  });

  it('denies: another establishment 403, no capacity.write 403, no perimeter 403, directory app 403, anonymous 401; a user with the entry right may', async () => {
    const body = patchBody('replace', indicator({ status: '02', qualifier: ['genderCapacityAvailable', '03'], count: 0 }));
    const tours = `Location?identifier=${REGION}/${TOURS_ICU}`;
    const before = (await capacityOf(TOURS_ICU))!.version;
    const outside = await request(tours, body, { auth: bedManager });
    expect(outside.status).toBe(403);
    expect((outside.resource as unknown as Outcome).issue[0]!.diagnostics).toContain('outside the establishments it is registered for');
    expect((await request(tours, body, { auth: await asApp(hub.urls.graphql, 'place-search') })).status).toBe(403);
    expect((await request(tours, body, { auth: await asApp(hub.urls.graphql, 'sante-fr-directory') })).status).toBe(403);
    expect((await request(tours, body)).status).toBe(401);
    expect((await request(tours, body, { auth: 'Bearer not-a-token' })).status).toBe(401);
    // A user holding ORU_CAPACITE_DISPONIBLE_EDIT on the unit only.
    const referent = await asUser(hub.urls.graphql, 'ref.uo.tours');
    expect((await request(byUf(units[0]!), body, { auth: referent })).status).toBe(403);
    expect((await capacityOf(TOURS_ICU))!.version).toBe(before);
    const installed = (await capacityOf(TOURS_ICU))!.installedBeds + 1;
    // capacity.write without a registered perimeter writes nothing (deny by default): a client
    // registered like the bed manager, with its key, minus the perimeter.
    const key = 'bed-manager-chateauroux';
    await hub.db.rows(sql`
      insert into professionals.client (client_id, name, jwks, scopes, access_level)
      values ('writer-without-perimeter', 'Sans périmètre', ${JSON.stringify(demoPublicJwks(key))}::jsonb, ${'{offer.read,capacity.read,capacity.write}'}::text[], 2)`);
    const { token_endpoint } = await discover(hub.urls.graphql.replace(/\/graphql$/, ''));
    const assertion = await signClientAssertion({ clientId: 'writer-without-perimeter', key: demoPrivateJwk(key), audience: token_endpoint });
    const issued = (await (await requestClientToken(token_endpoint, assertion, 'capacity.read capacity.write')).json()) as { access_token: string };
    const unperimetered = await request(byUf(units[0]!), body, { auth: `Bearer ${issued.access_token}` });
    expect(unperimetered.status).toBe(403);
    expect((unperimetered.resource as unknown as Outcome).issue[0]!.diagnostics).toContain('outside the establishments it is registered for');

    const allowed = await request(tours, patchBody('replace', indicator({ status: '01', count: installed })), { auth: referent });
    expect(allowed.status).toBe(200);
    // A person's entry stays a manual one.
    expect(await capacityOf(TOURS_ICU)).toMatchObject({ installedBeds: installed, source: 'MANUAL', updatedBy: 'ref.uo.tours', version: before + 1 });
  });
});
