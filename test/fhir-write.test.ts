/**
 * FHIR writes of the offer (docs/fhir-write.md): create, update and first-level patch of
 * HealthcareService and Organization through the gateway's executor, on a private hub per
 * database kind (the shared demo hubs are never written). Real HTTP with fhir-kit-client (and
 * fetch where headers matter), every write read back through GraphQL: the unit, its audit
 * trail naming the writer, the change feed. Then, on the same hubs, each unit's stored point
 * (migration 0013, D234: its own address's position, else its establishment's) through every
 * other write that moves a unit: the demo seed, the offer's editing through GraphQL, the FINESS
 * import moving an establishment, and SQL by hand; near-searches find the unit where it now is.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client } from 'fhir-kit-client';
import { databaseKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';
import { misplacedUnits, storedPoint } from './helpers/unit-place.js';
import { loadR4Definitions, r4Issues, rorIssues } from './helpers/fhir/validate.js';
import { CODE_SYSTEMS, EXTENSIONS, HUB_EXTENSIONS } from '../fhir/codes.js';
import { extensionElement } from '../fhir/write/elements.js';
import { demoPrivateJwk, demoPublicJwks } from '../scripts/demo/clients.js';
import { discover, requestClientToken, signClientAssertion } from '../scripts/token.js';

const CHATEAUROUX = '360000137'; // the offer-entry application's perimeter
const TOURS_UNIT = '370004467-4557'; // outside it; ref.uo.tours edits it
const APPLICATION = 'Saisie de l’offre — CH Châteauroux';
const IG_EXAMPLE = JSON.parse(readFileSync(new URL('./fixtures/ror-ig-examples/HealthcareService-1234564.json', import.meta.url), 'utf8')) as Json;

// The units' stored points through the other writers (the last block of the describe).
const DEMO_FINESS = join(fileURLToPath(new URL('..', import.meta.url)), 'scripts/demo/data/finess-cvl.csv');
/** Bourges' cathedral: far from every Loiret establishment. */
const BOURGES = { latitude: 47.082214, longitude: 2.399592 };
const UPDATE_UNIT = `mutation($id: ID!, $input: UnitUpdate!) { updateUnit(id: $id, input: $input) { id } }`;
const TRANSFER = `mutation($id: ID!, $to: ID!) { transferUnit(id: $id, toEstablishmentId: $to) { id } }`;
const COPY = `mutation($id: ID!, $name: String!, $uf: String!) { copyUnit(id: $id, name: $name, ufCode: $uf) { id } }`;
const NEAR = `query($near: NearInput!) { unitSearch(criteria: { near: $near }, first: 5) { edges { distanceKm node { id } } matchingIds(max: 1000) } }`;

interface Found {
  unitSearch: { edges: Array<{ distanceKm: number; node: { id: string } }>; matchingIds: string[] | null };
}

type Json = Record<string, unknown>;
interface Outcome {
  resourceType: 'OperationOutcome';
  issue: Array<{ severity: string; code: string; diagnostics?: string; expression?: string[] }>;
}
interface Failure {
  response: { status: number; data: Outcome };
}
interface AuditEvent {
  action: string;
  actor: string;
  changes: Array<{ field: string; from: string | null; to: string | null }>;
}

/** fhir-kit-client's rejection, as status and OperationOutcome. */
async function refusal(promise: Promise<unknown>): Promise<{ status: number; outcome: Outcome }> {
  const error = (await promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  )) as Failure;
  expect(error.response.data.resourceType).toBe('OperationOutcome');
  return { status: error.response.status, outcome: error.response.data };
}

const expressions = (outcome: Outcome) => outcome.issue.flatMap((i) => i.expression ?? []);
/** ror-practitionerrole-unit-exercise-mode (1..1) with a TRE_R23 code. */
const exerciseMode = (code: string) => ({ url: EXTENSIONS.practitionerRoleUnitExerciseMode, valueCodeableConcept: { coding: [{ system: CODE_SYSTEMS.modeExercice, code }] } });
const EXERCISE_MODE = `PractitionerRole.${extensionElement(EXTENSIONS.practitionerRoleUnitExerciseMode)}`;

/** A new unit's HealthcareService, with codes taken from an existing unit (`model`). */
function newService(model: Json, ufCode: string, name: string): Json {
  return {
    resourceType: 'HealthcareService',
    extension: [
      { url: EXTENSIONS.sensitiveUnit, valueBoolean: false },
      { url: HUB_EXTENSIONS.unitType, extension: [{ url: 'kind', valueCode: 'MCO' }, { url: 'discipline', valueCode: 'MEDICINE' }] },
      // Adults, no upper age: the conventional bound (D197); the profile wants both.
      { url: EXTENSIONS.patientType, extension: [{ url: 'ageRange', valueRange: { low: { value: 18, code: 'a' }, high: { value: 150, code: 'a' } } }] },
    ],
    identifier: [{ value: `1${CHATEAUROUX}/${ufCode}` }],
    providedBy: { reference: `Organization/${CHATEAUROUX}` },
    type: model.type,
    specialty: model.specialty,
    name,
    characteristic: (model.characteristic as Json[]).slice(0, 1),
  };
}

beforeAll(() => loadR4Definitions());

describe.each(databaseKinds())('FHIR writes of the offer on %s', (kind) => {
  let hub: TestHub;
  let client: Client; // the offer-entry application (offer.write, perimeter CHATEAUROUX)
  let writer = '';
  let admin = '';
  let model: Json;
  let createdId = '';

  const fhir = (auth?: string) => new Client({ baseUrl: hub.urls.fhir, customHeaders: auth ? { authorization: auth } : {} });
  const unitOf = async (id: string) => {
    const { data } = await gql<{ unit: { name: string; establishment: { id: string }; history: { totalCount: number; edges: Array<{ node: AuditEvent }> } } | null }>(
      hub.urls.graphql,
      `query($id: ID!) { unit(id: $id) { name establishment { id } history(first: 5) { totalCount edges { node { action actor changes { field from to } } } } } }`,
      { id },
      { authorization: admin },
    );
    return data!.unit;
  };
  const raw = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${hub.urls.fhir}/${path}`, {
      method,
      headers: { 'content-type': 'application/fhir+json', authorization: writer, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Json) : null };
  };

  /** A trust-circle application registered with the bed manager's demo key, and its bearer token. */
  const registerWriter = async (clientId: string, name: string, scopes: string, accessLevel: number, perimeter: string): Promise<string> => {
    const key = 'bed-manager-chateauroux';
    await hub.db.rows(sql`
      insert into professionals.client (client_id, name, jwks, scopes, access_level, write_establishments)
      values (${clientId}, ${name}, ${JSON.stringify(demoPublicJwks(key))}::jsonb, ${`{${scopes.replaceAll(' ', ',')}}`}::text[], ${accessLevel}, ${`{${perimeter}}`}::text[])`);
    const { token_endpoint } = await discover(hub.urls.graphql.replace(/\/graphql$/, ''));
    const assertion = await signClientAssertion({ clientId, key: demoPrivateJwk(key), audience: token_endpoint });
    const issued = (await (await requestClientToken(token_endpoint, assertion, scopes)).json()) as { access_token: string };
    return `Bearer ${issued.access_token}`;
  };

  beforeAll(async () => {
    hub = await startTestHub(kind);
    // An establishment's offer-entry software: registered like the bed manager (its demo key), with offer.write.
    writer = await registerWriter('offer-entry-chateauroux', APPLICATION, 'offer.read offer.write', 2, CHATEAUROUX);
    client = fhir(writer);
    admin = await asUser(hub.urls.graphql, 'admin.ars');
    const { data } = await gql<{ units: { edges: Array<{ node: { id: string } }> } }>(
      hub.urls.graphql,
      `{ units(filter: { establishmentId: "${CHATEAUROUX}" }, first: 1) { edges { node { id } } } }`,
      {},
      { authorization: admin },
    );
    model = (await client.read({ resourceType: 'HealthcareService', id: data!.units.edges[0]!.node.id })) as unknown as Json;
  }, 180_000);
  afterAll(async () => {
    await hub?.close();
  });

  it('declares create, update and patch with the IG documentation in the CapabilityStatement', async () => {
    const statement = (await fhir().capabilityStatement()) as unknown as { rest: Array<{ resource: Array<{ type: string; conditionalCreate?: boolean; interaction: Array<{ code: string; documentation?: string }> }> }> };
    const service = statement.rest[0]!.resource.find((r) => r.type === 'HealthcareService')!;
    expect(service.interaction.map((i) => i.code)).toEqual(expect.arrayContaining(['create', 'update', 'patch']));
    expect(service.interaction.find((i) => i.code === 'patch')!.documentation).toContain("Seuls les attributs de 'premier niveau'");
    expect(service.conditionalCreate).toBe(true);
    const organization = statement.rest[0]!.resource.find((r) => r.type === 'Organization')!;
    expect(organization.interaction.map((i) => i.code)).toEqual(expect.arrayContaining(['update', 'patch']));
    expect(r4Issues(statement as never)).toEqual([]);
  });

  it('creates a unit as the application (201, Location), patches its name, and GraphQL shows both with the audit naming the application', async () => {
    const body = newService(model, 'FW1', 'Médecine polyvalente FHIR');
    const created = (await client.create({ resourceType: 'HealthcareService', body: body as never })) as unknown as Json;
    const response = Client.httpFor(created as never).response!;
    expect(response.status).toBe(201);
    createdId = String(created.id);
    expect(createdId).toBe(`${CHATEAUROUX}-FW1`);
    expect(response.headers.get('location')).toMatch(new RegExp(`/fhir/HealthcareService/${createdId}/_history/\\d+$`));
    expect(created.name).toBe('MÉDECINE POLYVALENTE FHIR');
    expect(r4Issues(created as never)).toEqual([]);
    expect(rorIssues(created as never)).toEqual([]);

    const patched = (await client.patch({
      resourceType: 'HealthcareService',
      id: createdId,
      jsonPatch: [{ op: 'replace', path: '/name', value: 'Médecine polyvalente (FHIR)' }],
      options: { headers: { 'content-type': 'application/json-patch+json' } },
    })) as unknown as Json;
    expect(patched.name).toBe('MÉDECINE POLYVALENTE (FHIR)');

    const unit = (await unitOf(createdId))!;
    expect(unit.name).toBe('MÉDECINE POLYVALENTE (FHIR)');
    expect(unit.establishment.id).toBe(CHATEAUROUX);
    expect(unit.history.edges.map((e) => [e.node.action, e.node.actor])).toEqual([
      ['UPDATE', APPLICATION],
      ['CREATE', APPLICATION],
    ]);
    expect(unit.history.edges[0]!.node.changes).toEqual([{ field: 'name', from: '"MÉDECINE POLYVALENTE FHIR"', to: '"MÉDECINE POLYVALENTE (FHIR)"' }]);
    const events = await hub.db.rows<{ actor: string }>(sql`select actor from feed.change_event where topic = 'offer' and record_id = ${createdId} order by id`);
    expect(events.map((e) => e.actor)).toEqual([APPLICATION, APPLICATION]);
  });

  it('patches with FHIRPath Patch, honours If-Match (412 on a stale version) and Prefer', async () => {
    const current = (await client.read({ resourceType: 'HealthcareService', id: createdId })) as unknown as Json;
    const version = (current.meta as { versionId: string }).versionId;
    const rename = (name: string) => ({
      resourceType: 'Parameters',
      parameter: [{ name: 'operation', part: [{ name: 'type', valueCode: 'replace' }, { name: 'path', valueString: 'HealthcareService.name' }, { name: 'value', valueString: name }] }],
    });
    const stale = await raw('PATCH', `HealthcareService/${createdId}`, rename('Autre nom'), { 'if-match': 'W/"1"' });
    expect(stale.status).toBe(412);
    expect((await unitOf(createdId))!.name).toBe('MÉDECINE POLYVALENTE (FHIR)');

    const minimal = await raw('PATCH', `HealthcareService/${createdId}`, rename('Médecine A'), { 'if-match': `W/"${version}"`, prefer: 'return=minimal' });
    expect(minimal.status).toBe(200);
    expect(minimal.body).toBeNull();
    expect(minimal.headers.get('etag')).toMatch(/^W\/"\d+"$/);
    const outcome = await raw('PATCH', `HealthcareService/${createdId}`, rename('Médecine B'), { prefer: 'return=OperationOutcome' });
    expect(outcome.body!.resourceType).toBe('OperationOutcome');
    expect((await unitOf(createdId))!.name).toBe('MÉDECINE B');
    // A PUT of the served resource changes nothing: no audit row.
    const served = (await client.read({ resourceType: 'HealthcareService', id: createdId })) as unknown as Json;
    const before = (await unitOf(createdId))!.history.totalCount;
    await client.update({ resourceType: 'HealthcareService', id: createdId, body: served as never });
    expect((await unitOf(createdId))!.history.totalCount).toBe(before);
  });

  it('checks If-Match in the write itself: of two writes naming one version, one lands, the other is a 412, nothing half-written', async () => {
    const served = (await client.read({ resourceType: 'HealthcareService', id: createdId })) as unknown as Json;
    const { versionId, lastUpdated } = served.meta as { versionId: string; lastUpdated: string };
    const before = (await unitOf(createdId))!;
    const rename = (name: string) =>
      raw('PATCH', `HealthcareService/${createdId}`, [{ op: 'replace', path: '/name', value: name }], { 'content-type': 'application/json-patch+json', 'if-match': `W/"${versionId}"` });
    const answers = await Promise.all([rename('Médecine C'), rename('Médecine D')]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
    const after = (await unitOf(createdId))!;
    expect(after.history.totalCount).toBe(before.history.totalCount + 1);
    expect(answers.find((a) => a.status === 200)!.body!.name).toBe(after.name);
    // Whatever the interleaving above, the subgraph checks the version in its UPDATE: a write
    // expecting the version read before is refused whole (name and contacts alike).
    const contactsOf = async () =>
      (await gql<{ unit: { contacts: Array<{ value: string }> } }>(hub.urls.graphql, `query($id: ID!) { unit(id: $id) { contacts { value } } }`, { id: createdId }, { authorization: admin })).data!.unit.contacts;
    const contactsBefore = await contactsOf();
    const stale = await gql(
      hub.urls.graphql,
      `mutation($id: ID!, $at: DateTime) { updateUnit(id: $id, input: { name: "Médecine E", contacts: [{ natureCode: "01", channelCode: "2", value: "02 54 29 60 01", confidentialityCode: "1" }] }, expectedUpdatedAt: $at) { id } }`,
      { id: createdId, at: lastUpdated },
      { authorization: writer },
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', expectedUpdatedAt: lastUpdated });
    expect(await unitOf(createdId)).toEqual(after);
    expect(await contactsOf()).toEqual(contactsBefore);
  });

  it('answers a conditional create on the identifier with the existing unit, and creates nothing', async () => {
    const body = newService(model, 'FW1', 'Doublon');
    const response = await raw('POST', 'HealthcareService', body, { 'if-none-exist': `identifier=1${CHATEAUROUX}/FW1` });
    expect(response.status).toBe(200);
    expect(response.body!.id).toBe(createdId);
    const { data } = await gql<{ units: { totalCount: number } }>(hub.urls.graphql, `{ units(filter: { establishmentId: "${CHATEAUROUX}", ufCode: "FW1" }) { totalCount } }`, {}, { authorization: admin });
    expect(data!.units.totalCount).toBe(1);
  });

  it('refuses a write outside the perimeter (403) and changes nothing', async () => {
    const before = (await unitOf(TOURS_UNIT))!;
    const ownName = (await unitOf(createdId))!.name;
    const outside = await refusal(client.patch({ resourceType: 'HealthcareService', id: TOURS_UNIT, jsonPatch: [{ op: 'replace', path: '/name', value: 'Hors périmètre' }] }));
    expect(outside.status).toBe(403);
    expect(outside.outcome.issue[0]!.diagnostics).toContain('outside the establishments it is registered for');
    const after = (await unitOf(TOURS_UNIT))!;
    expect([after.name, after.history.totalCount]).toEqual([before.name, before.history.totalCount]);
    const elsewhere = { ...newService(model, 'FW9', 'Ailleurs'), providedBy: { reference: 'Organization/370004467' }, identifier: [{ value: '1370004467/FW9' }] };
    expect((await refusal(client.create({ resourceType: 'HealthcareService', body: elsewhere as never }))).status).toBe(403);
    // Without offer.write (the bed manager writes capacity only), or without a token.
    const bedManager = fhir(await asApp(hub.urls.graphql, 'bed-manager-chateauroux'));
    expect((await refusal(bedManager.patch({ resourceType: 'HealthcareService', id: createdId, jsonPatch: [{ op: 'replace', path: '/name', value: 'X' }] }))).status).toBe(403);
    expect((await refusal(fhir().patch({ resourceType: 'HealthcareService', id: createdId, jsonPatch: [{ op: 'replace', path: '/name', value: 'X' }] }))).status).toBe(401);
    expect((await unitOf(createdId))!.name).toBe(ownName);
  });

  it('lets users write by role and perimeter, as in GraphQL', async () => {
    const referent = fhir(await asUser(hub.urls.graphql, 'ref.uo.tours')); // ORU_ROR_UNITE_EDIT on TOURS_UNIT only
    const served = (await referent.read({ resourceType: 'HealthcareService', id: TOURS_UNIT })) as unknown as Json;
    const updated = (await referent.update({ resourceType: 'HealthcareService', id: TOURS_UNIT, body: { ...served, name: 'Réanimation médicale Tours' } as never })) as unknown as Json;
    expect(updated.name).toBe('RÉANIMATION MÉDICALE TOURS');
    expect((await unitOf(TOURS_UNIT))!.history.edges[0]!.node.actor).toBe('ref.uo.tours');
    const other = await refusal(referent.patch({ resourceType: 'HealthcareService', id: createdId, jsonPatch: [{ op: 'replace', path: '/name', value: 'X' }] }));
    expect(other.status).toBe(403);
    expect(other.outcome.issue[0]!.diagnostics).toContain('ORU_ROR_UNITE_EDIT');
    expect((await refusal(referent.create({ resourceType: 'HealthcareService', body: newService(model, 'FW8', 'Non') as never }))).status).toBe(403);
  });

  it('refuses bad payloads with an OperationOutcome naming the element, writing nothing', async () => {
    const before = (await unitOf(createdId))!.history.totalCount;
    expect((await raw('PUT', `HealthcareService/${createdId}`, '{not json')).status).toBe(400);
    const wrongType = await raw('PUT', `HealthcareService/${createdId}`, { resourceType: 'Location', id: createdId });
    expect([wrongType.status, wrongType.body!.resourceType]).toEqual([400, 'OperationOutcome']);
    const unknownCode = await refusal(
      client.patch({ resourceType: 'HealthcareService', id: createdId, jsonPatch: [{ op: 'replace', path: '/type', value: [{ coding: [{ system: CODE_SYSTEMS.champActivite, code: '99' }] }] }] }),
    );
    expect(unknownCode.status).toBe(422);
    expect(expressions(unknownCode.outcome)).toEqual(['HealthcareService.type']);
    const notRecorded = await refusal(
      client.patch({ resourceType: 'HealthcareService', id: createdId, jsonPatch: [{ op: 'add', path: '/category', value: [{ coding: [{ system: 'https://example.org', code: 'x' }] }] }] }),
    );
    expect([notRecorded.status, expressions(notRecorded.outcome)]).toEqual([422, ['HealthcareService.category']]);
    const deep = await refusal(client.patch({ resourceType: 'HealthcareService', id: createdId, jsonPatch: [{ op: 'replace', path: '/type/0/coding/0/code', value: '02' }] }));
    expect(deep.status).toBe(422);
    const moved = await refusal(client.patch({ resourceType: 'HealthcareService', id: createdId, jsonPatch: [{ op: 'replace', path: '/providedBy', value: { reference: 'Organization/370004467' } }] }));
    expect([moved.status, expressions(moved.outcome)]).toEqual([422, ['HealthcareService.providedBy']]);
    expect((await unitOf(createdId))!.history.totalCount).toBe(before);
  });

  it('round-trips the IG example: refused as sent only for its foreign establishment, identifier and Location, its unit type and care mode; otherwise created and read back equal', async () => {
    const unitType = extensionElement(HUB_EXTENSIONS.unitType);
    const asIs = await refusal(client.create({ resourceType: 'HealthcareService', body: IG_EXAMPLE as never }));
    expect(asIs.status).toBe(422);
    // Each refusal is a rule of the hub: its establishments are FINESS ETs of the region, a new
    // unit's identifier is 1<FINESS ET>/<UF code>, a unit is its own Location, its type (kind,
    // discipline) is not implied by an MCO activity field, and its care mode is 1..1.
    expect(expressions(asIs.outcome).sort()).toEqual(
      ['HealthcareService.characteristic', 'HealthcareService.identifier', 'HealthcareService.location', 'HealthcareService.providedBy', `HealthcareService.${unitType}`].sort(),
    );
    const careMode = { coding: [{ system: CODE_SYSTEMS.modePriseEnCharge, code: '28' }] }; // as in the IG's own FSH of the example
    const recordable: Json = {
      ...IG_EXAMPLE,
      identifier: [{ value: `1${CHATEAUROUX}/IG1` }],
      providedBy: { reference: `Organization/${CHATEAUROUX}` },
      location: undefined,
      extension: [...(IG_EXAMPLE.extension as Json[]), { url: HUB_EXTENSIONS.unitType, extension: [{ url: 'kind', valueCode: 'MCO' }, { url: 'discipline', valueCode: 'SURGERY' }] }],
      characteristic: [careMode, ...(IG_EXAMPLE.characteristic as Json[])],
    };
    const created = (await client.create({ resourceType: 'HealthcareService', body: JSON.parse(JSON.stringify(recordable)) as never })) as unknown as Json;
    const read = (await client.read({ resourceType: 'HealthcareService', id: String(created.id) })) as unknown as Json;
    expect(r4Issues(read as never)).toEqual([]);
    expect(rorIssues(read as never)).toEqual([]);
    const serverSet = ['id', 'meta', 'identifier', 'location', 'active'];
    const strip = (resource: Json) =>
      JSON.parse(
        JSON.stringify(
          {
            ...Object.fromEntries(Object.entries(resource).filter(([k]) => !serverSet.includes(k))),
            extension: (resource.extension as Json[]).filter((e) => e.url !== EXTENSIONS.metaCreationDate && e.url !== HUB_EXTENSIONS.unitType),
          },
          (k, v: unknown) => (k === 'display' ? undefined : v),
        ),
      ) as Json;
    const sent = strip(JSON.parse(JSON.stringify(recordable)) as Json);
    // The hub's rule: unit names in capitals, spaces collapsed.
    sent.name = '5812 CHIRURGIE GYNÉCOLOGIQUE - HOSPITALISATION COMPLETE';
    expect(strip(read)).toEqual(sent);
    // GraphQL holds what FHIR wrote.
    const { data } = await gql<{ unit: { category: { code: string }; maternityType: { code: string }; annualOpening: { code: string }; entryTemplate: string; openingHours: Array<{ effectiveFrom: string }> } }>(
      hub.urls.graphql,
      `{ unit(id: "${String(created.id)}") { category { code } maternityType { code } annualOpening { code } entryTemplate openingHours { effectiveFrom } } }`,
      {},
      { authorization: admin },
    );
    expect(data!.unit).toEqual({
      category: { code: '157' },
      maternityType: { code: '04' },
      annualOpening: { code: '02' },
      entryTemplate: 'https://interop.esante.gouv.fr/ig/fhir/ror/Questionnaire/MS-141|1',
      openingHours: Array.from({ length: 7 }, () => ({ effectiveFrom: '2025-04-08' })),
    });
  });

  it('records a closure (notAvailable closingReopeningDate), finds it with the period semantics of notavailable-closing-reopeningdate, and clears it', async () => {
    const closure = [{ id: 'closingReopeningDate', description: 'Travaux', during: { start: '2026-12-20', end: '2026-12-27' } }];
    const patched = (await client.patch({ resourceType: 'HealthcareService', id: createdId, jsonPatch: [{ op: 'add', path: '/notAvailable', value: closure }] })) as unknown as Json;
    expect(patched.notAvailable).toEqual(closure);
    const matches = async (value: string | string[]) => {
      const bundle = (await client.search({ resourceType: 'HealthcareService', searchParams: { 'notavailable-closing-reopeningdate': value } as never })) as unknown as { entry?: Array<{ resource: { id: string } }> };
      return (bundle.entry ?? []).map((e) => e.resource.id);
    };
    // Hand-computed on the period [2026-12-20, 2026-12-27] (whole days): the only closed offer.
    const cases: Array<[string | string[], boolean]> = [
      [['le2026-12-24', 'ge2026-12-24'], true], // closed on the 24th
      [['le2026-12-28', 'ge2026-12-28'], false],
      ['eq2026-12', true], // the period lies within December
      ['eq2026-12-20', false],
      ['ne2026-12', false],
      ['ge2026-12-27', true],
      ['gt2026-12-27', false],
      ['le2026-12-20', true],
      ['lt2026-12-20', false],
      ['sa2026-12-19', true],
      ['sa2026-12-20', false],
      ['eb2026-12-28', true],
      ['eb2026-12-27', false],
      ['ap2026-12-27', true],
      ['ap2026-12-28', false],
    ];
    for (const [value, closed] of cases) expect([value, await matches(value)]).toEqual([value, closed ? [createdId] : []]);
    const inFilter = (await client.search({ resourceType: 'HealthcareService', searchParams: { _filter: 'notavailable-closing-reopeningdate ap 2026-12-27 and active eq true' } as never })) as unknown as { total: number };
    expect(inFilter.total).toBe(1);
    // A reopening before the closing is the subgraph's refusal, on the element; nothing written.
    const backwards = await refusal(client.patch({ resourceType: 'HealthcareService', id: createdId, jsonPatch: [{ op: 'replace', path: '/notAvailable', value: [{ ...closure[0], during: { start: '2026-12-20', end: '2026-12-01' } }] }] }));
    expect([backwards.status, expressions(backwards.outcome)]).toEqual([422, ['HealthcareService.notAvailable']]);
    const otherSlice = await refusal(client.patch({ resourceType: 'HealthcareService', id: createdId, jsonPatch: [{ op: 'replace', path: '/notAvailable', value: [{ description: 'Congés', during: { start: '2026-08-01' } }] }] }));
    expect([otherSlice.status, expressions(otherSlice.outcome)]).toEqual([422, ['HealthcareService.notAvailable']]);
    await client.patch({ resourceType: 'HealthcareService', id: createdId, jsonPatch: [{ op: 'remove', path: '/notAvailable' }] });
    expect(await matches(['le2026-12-24', 'ge2026-12-24'])).toEqual([]);
  });

  it('writes patient types and intervention zones, checked against the national terminology and the COG', async () => {
    const zone = (type: string, system: string, code: string) => ({
      url: EXTENSIONS.territorialDivision,
      extension: [
        { url: 'typeTerritorialDivision', valueCodeableConcept: { coding: [{ system: CODE_SYSTEMS.typeDivisionTerritoriale, code: type }] } },
        { url: 'codeTerritorialDivision', valueCodeableConcept: { coding: [{ system, code }] } },
      ],
    });
    const served = (await client.read({ resourceType: 'HealthcareService', id: createdId })) as unknown as Json;
    const others = (served.extension as Json[]).filter((e) => e.url !== EXTENSIONS.patientType);
    const patients = { url: EXTENSIONS.patientType, extension: [{ url: 'supportedPatientInfo', valueCodeableConcept: { coding: [{ system: CODE_SYSTEMS.publicPrisEnCharge, code: '07' }] } }, { url: 'ageRange', valueRange: { low: { value: 18, code: 'a' }, high: { value: 99, code: 'a' } } }] };
    const updated = (await client.update({ resourceType: 'HealthcareService', id: createdId, body: { ...served, extension: [...others, patients, zone('2', CODE_SYSTEMS.departementOM, '36'), zone('3', CODE_SYSTEMS.communeOM, '36044')] } as never })) as unknown as Json;
    const zones = (updated.extension as Array<{ url: string; extension?: Array<{ url: string; valueCodeableConcept: { coding: Array<{ code: string }> } }> }>).filter((e) => e.url === EXTENSIONS.territorialDivision);
    expect(zones.map((z) => z.extension!.map((e) => e.valueCodeableConcept.coding[0]!.code))).toEqual([['2', '36'], ['3', '36044']]);
    const search = (params: Record<string, string>) => client.search({ resourceType: 'HealthcareService', searchParams: { ...params, organization: CHATEAUROUX } as never }) as Promise<unknown> as Promise<{ total: number; entry?: Array<{ resource: { id: string } }> }>;
    expect((await search({ 'intervention-zone': `${CODE_SYSTEMS.communeOM}|36044` })).entry?.map((e) => e.resource.id)).toEqual([createdId]);
    expect((await search({ 'patient-type': '07' })).entry?.map((e) => e.resource.id)).toEqual([createdId]);
    const before = (await unitOf(createdId))!.history.totalCount;
    for (const [bad, why] of [
      [zone('4', CODE_SYSTEMS.departementOM, '36'), 'division type'],
      [zone('2', CODE_SYSTEMS.departementOM, '99'), 'département'],
      [zone('2', CODE_SYSTEMS.communeOM, '36'), 'TRE-G09'],
    ] as const) {
      const refused = await refusal(client.update({ resourceType: 'HealthcareService', id: createdId, body: { ...served, extension: [...(served.extension as Json[]), bad] } as never }));
      expect([refused.status, expressions(refused.outcome), JSON.stringify(refused.outcome).includes(why)]).toEqual([422, [`HealthcareService.${extensionElement(EXTENSIONS.territorialDivision)}`], true]);
    }
    const unknownPatients = { ...patients, extension: [{ url: 'supportedPatientInfo', valueCodeableConcept: { coding: [{ system: CODE_SYSTEMS.publicPrisEnCharge, code: '99' }] } }] };
    const refused = await refusal(client.update({ resourceType: 'HealthcareService', id: createdId, body: { ...served, extension: [...others, unknownPatients] } as never }));
    expect([refused.status, expressions(refused.outcome)]).toEqual([422, [`HealthcareService.${extensionElement(EXTENSIONS.patientType)}`]]);
    // An open-ended range is sent with its conventional bound, never without it.
    const noMaximum = { ...patients, extension: [patients.extension[0]!, { url: 'ageRange', valueRange: { low: { value: 18, code: 'a' } } }] };
    const open = await refusal(client.update({ resourceType: 'HealthcareService', id: createdId, body: { ...served, extension: [...others, noMaximum] } as never }));
    expect([open.status, expressions(open.outcome), JSON.stringify(open.outcome).includes('maximum is mandatory (150 when the unit sets no upper age)')]).toEqual([
      422,
      [`HealthcareService.${extensionElement(EXTENSIONS.patientType)}`],
      true,
    ]);
    expect((await unitOf(createdId))!.history.totalCount).toBe(before);
  });

  it('edits an establishment switchboard phone as Organization, and refuses what comes from FINESS', async () => {
    const patched = (await client.patch({
      resourceType: 'Organization',
      id: CHATEAUROUX,
      jsonPatch: [{ op: 'replace', path: '/contact', value: [{ purpose: { coding: [{ system: CODE_SYSTEMS.natureContact, code: '06' }] }, telecom: [{ system: 'phone', value: '02 54 29 60 00' }] }] }],
    })) as unknown as Json;
    const phone = (patched.contact as Array<{ telecom: Array<{ value: string }> }>)[0]!.telecom[0]!.value;
    const { data } = await gql<{ establishment: { switchboardPhone: string; history: { edges: Array<{ node: AuditEvent }> } } }>(
      hub.urls.graphql,
      `{ establishment(id: "${CHATEAUROUX}") { switchboardPhone history(first: 1) { edges { node { actor } } } } }`,
      {},
      { authorization: admin },
    );
    expect(data!.establishment.switchboardPhone).toBe(phone);
    expect(data!.establishment.history.edges[0]!.node.actor).toBe(APPLICATION);
    const renamed = await refusal(client.patch({ resourceType: 'Organization', id: CHATEAUROUX, jsonPatch: [{ op: 'replace', path: '/name', value: 'Autre' }] }));
    expect([renamed.status, expressions(renamed.outcome)]).toEqual([422, ['Organization.name']]);
    expect(renamed.outcome.issue[0]!.diagnostics).toContain('FINESS');
  });

  it('records every contact updateEstablishment keeps (direction, alert) and answers Organization create only conditionally', async () => {
    const contact = (code: string, telecom: Array<[string, string]>) => ({
      purpose: { coding: [{ system: CODE_SYSTEMS.natureContact, code }] },
      telecom: telecom.map(([system, value]) => ({ system, value })),
    });
    const served = (await client.read({ resourceType: 'Organization', id: CHATEAUROUX })) as unknown as Json;
    const switchboard = (served.contact as Json[]).filter((c) => JSON.stringify(c).includes('"06"'));
    const patched = (await client.patch({
      resourceType: 'Organization',
      id: CHATEAUROUX,
      jsonPatch: [{ op: 'replace', path: '/contact', value: [...switchboard, contact('10', [['phone', '02 54 29 60 10'], ['email', 'direction@ch-chateauroux.fr']]), contact('08', [['phone', '02 54 29 60 08'], ['phone', '06 12 34 56 78'], ['email', 'alerte@ch-chateauroux.fr']])] }],
    })) as unknown as Json;
    expect(r4Issues(patched as never)).toEqual([]);
    const { data } = await gql<{ establishment: Json }>(hub.urls.graphql, `{ establishment(id: "${CHATEAUROUX}") { managementPhone managementEmail alertPhones alertEmail } }`, {}, { authorization: admin });
    expect(data!.establishment).toEqual({ managementPhone: '02 54 29 60 10', managementEmail: 'direction@ch-chateauroux.fr', alertPhones: ['02 54 29 60 08', '06 12 34 56 78'], alertEmail: 'alerte@ch-chateauroux.fr' });
    const twoSwitchboards = await refusal(client.patch({ resourceType: 'Organization', id: CHATEAUROUX, jsonPatch: [{ op: 'add', path: '/contact/-', value: contact('10', [['phone', '02 54 00 00 00']]) }] }));
    expect([twoSwitchboards.status, expressions(twoSwitchboards.outcome)]).toEqual([422, ['Organization.contact']]);

    // EGs come from FINESS: a conditional create finds the existing one, a real creation is refused naming the rule.
    const body = { resourceType: 'Organization', name: 'CH Châteauroux', identifier: [{ system: 'urn:oid:1.2.250.1.71.4.2.2', value: CHATEAUROUX }] };
    const existing = await raw('POST', 'Organization', body, { 'if-none-exist': `identifier=urn:oid:1.2.250.1.71.4.2.2|${CHATEAUROUX}` });
    expect([existing.status, existing.body!.id]).toEqual([200, CHATEAUROUX]);
    expect((await raw('POST', 'Organization', body, { 'if-none-exist': `identifier=1${CHATEAUROUX}` })).body!.id).toBe(CHATEAUROUX);
    const created = await raw('POST', 'Organization', { ...body, identifier: [{ value: '369999999' }] }, { 'if-none-exist': 'identifier=369999999' });
    expect([created.status, (created.body!.issue as Json[])[0]!.code]).toEqual([422, 'business-rule']);
    expect(JSON.stringify(created.body)).toContain('FINESS import');
  });

  it('writes professionals as Practitioner and their unit assignments as PractitionerRole, for users with the rights', async () => {
    const ars = fhir(admin);
    const rpps = `8${String(Date.now()).slice(-11).padStart(11, '7')}`;
    const body = {
      resourceType: 'Practitioner',
      identifier: [{ system: 'urn:oid:1.2.250.1.71.4.2.1', value: rpps }],
      name: [{ family: 'Zébulon-Fhir', given: ['Écrit'] }],
      gender: 'female',
    };
    const created = (await ars.create({ resourceType: 'Practitioner', body: body as never })) as unknown as Json;
    expect(Client.httpFor(created as never).response!.status).toBe(201);
    expect(created.name).toEqual([{ family: 'ZEBULON FHIR', given: ['ECRIT'] }]);
    const again = await raw('POST', 'Practitioner', body, { authorization: admin, 'if-none-exist': `identifier=urn:oid:1.2.250.1.71.4.2.1|${rpps}` });
    expect([again.status, again.body!.id]).toEqual([200, created.id]);
    const renamed = (await ars.patch({ resourceType: 'Practitioner', id: String(created.id), jsonPatch: [{ op: 'replace', path: '/gender', value: 'male' }] })) as unknown as Json;
    expect(renamed.gender).toBe('male');
    const prefix = await refusal(ars.patch({ resourceType: 'Practitioner', id: String(created.id), jsonPatch: [{ op: 'add', path: '/telecom', value: [{ system: 'email', value: 'a@b.fr' }] }] }));
    expect([prefix.status, expressions(prefix.outcome)]).toEqual([422, ['Practitioner.telecom']]);
    // The offer-entry application and a unit referent may not write professionals.
    expect((await refusal(client.create({ resourceType: 'Practitioner', body: body as never }))).status).toBe(403);
    expect((await refusal(fhir(await asUser(hub.urls.graphql, 'ref.uo.tours')).create({ resourceType: 'Practitioner', body: body as never }))).status).toBe(403);
    // ror-practitioner requires idNat_PS: a record without one is no Practitioner.
    const unnumbered = await refusal(ars.create({ resourceType: 'Practitioner', body: { ...body, identifier: undefined } as never }));
    expect([unnumbered.status, unnumbered.outcome.issue[0]!.code, expressions(unnumbered.outcome)]).toEqual([422, 'required', ['Practitioner.identifier']]);
    const cleared = await refusal(ars.patch({ resourceType: 'Practitioner', id: String(created.id), jsonPatch: [{ op: 'remove', path: '/identifier' }] }));
    expect([cleared.status, expressions(cleared.outcome)]).toEqual([422, ['Practitioner.identifier']]);

    const unitId = String(model.id);
    const roleBody = { resourceType: 'PractitionerRole', practitioner: { reference: `Practitioner/${String(created.id)}` }, healthcareService: [{ reference: `HealthcareService/${unitId}` }] };
    // The profile's 1..1: the exercise mode, and the profession and savoir-faire this person has not yet.
    const bare = await refusal(ars.create({ resourceType: 'PractitionerRole', body: roleBody as never }));
    expect([bare.status, bare.outcome.issue[0]!.code, expressions(bare.outcome)]).toEqual([422, 'required', [EXERCISE_MODE]]);
    const noCode = await refusal(ars.create({ resourceType: 'PractitionerRole', body: { ...roleBody, extension: [exerciseMode('S')] } as never }));
    expect([noCode.status, expressions(noCode.outcome)]).toEqual([422, ['PractitionerRole.code', 'PractitionerRole.specialty']]);
    // A record without idNat_PS (the ARS team's) is no Practitioner, so it takes no role.
    const team = await gql<{ professionals: { edges: Array<{ node: { id: string } }> } }>(hub.urls.graphql, `{ professionals(filter: { name: "EQUIPE REGIONALE ARS" }, first: 1) { edges { node { id } } } }`, {}, { authorization: admin });
    const teamRole = { ...roleBody, practitioner: { reference: `Practitioner/${team.data!.professionals.edges[0]!.node.id}` }, extension: [exerciseMode('S')] };
    const unexposed = await refusal(ars.create({ resourceType: 'PractitionerRole', body: teamRole as never }));
    expect([unexposed.status, expressions(unexposed.outcome)]).toEqual([422, ['PractitionerRole.practitioner']]);
    const role = (await ars.create({
      resourceType: 'PractitionerRole',
      body: {
        ...roleBody,
        extension: [exerciseMode('S')],
        code: [{ coding: [{ system: CODE_SYSTEMS.professionSante, code: '60' }] }],
        specialty: [{ coding: [{ system: CODE_SYSTEMS.typeSavoirFaire, code: 'S' }] }, { coding: [{ system: CODE_SYSTEMS.specialiteOrdinale, code: 'SI07' }] }],
      } as never,
    })) as unknown as Json;
    expect(role.id).toBe(`${String(created.id)}.${unitId}`);
    expect(role.organization).toEqual({ reference: `Organization/${CHATEAUROUX}` });
    expect(rorIssues(role as never)).toEqual([]);
    expect((role.identifier as Array<{ value: string }>)[0]!.value).toMatch(/^S\d{7,}$/);
    const liberal = (await ars.patch({
      resourceType: 'PractitionerRole',
      id: String(role.id),
      jsonPatch: [{ op: 'replace', path: '/extension/0', value: exerciseMode('L') }],
    })) as unknown as Json;
    expect(JSON.stringify(liberal.extension)).toContain('"code":"L"');
    expect((liberal.identifier as Json[])[0]).toEqual((role.identifier as Json[])[0]);
    for (const path of ['/code', '/specialty']) {
      const removed = await refusal(ars.patch({ resourceType: 'PractitionerRole', id: String(role.id), jsonPatch: [{ op: 'remove', path }] }));
      expect([removed.status, removed.outcome.issue[0]!.code, expressions(removed.outcome)]).toEqual([422, 'required', [`PractitionerRole${path.replace('/', '.')}`]]);
    }
    const renumbered = await refusal(ars.patch({ resourceType: 'PractitionerRole', id: String(role.id), jsonPatch: [{ op: 'replace', path: '/identifier', value: [{ value: 'S0000001' }] }] }));
    expect([renumbered.status, expressions(renumbered.outcome)]).toEqual([422, ['PractitionerRole.identifier']]);
    const { data } = await gql<{ professional: { lastName: string; sex: string; profession: { code: string }; situations: Array<{ unit: { id: string }; exerciseMode: { code: string } }> } }>(
      hub.urls.graphql,
      `query($id: ID!) { professional(id: $id) { lastName sex profession { code } situations { unit { id } exerciseMode { code } } } }`,
      { id: created.id },
      { authorization: admin },
    );
    expect(data!.professional).toEqual({ lastName: 'ZEBULON FHIR', sex: 'MALE', profession: { code: '60' }, situations: [{ unit: { id: unitId }, exerciseMode: { code: 'L' } }] });
    const moved = await refusal(ars.patch({ resourceType: 'PractitionerRole', id: String(role.id), jsonPatch: [{ op: 'replace', path: '/healthcareService', value: [{ reference: `HealthcareService/${TOURS_UNIT}` }] }] }));
    expect([moved.status, expressions(moved.outcome)]).toEqual([422, ['PractitionerRole.healthcareService']]);
  });
  it('lets an application with professional.write write the professionals of its perimeter only, the feed naming it', async () => {
    const STAFF = 'Personnel — CH Châteauroux';
    const staff = fhir(await registerWriter('staff-chateauroux', STAFF, 'professional.read professional.write', 1, CHATEAUROUX));
    const regional = fhir(await registerWriter('staff-region', 'Annuaire régional', 'professional.read professional.write', 1, '*'));
    // Seeded professionals working only at CHATEAUROUX, and only at Tours.
    const onlyAt = async (establishmentId: string) =>
      (await hub.db.rows<{ id: string }>(sql`
        select p.id from professionals.professional p join professionals.establishment_assignment e on e.professional_id = p.id
        where p.archived_at is null and p.id like 'P0%' group by p.id having bool_and(e.establishment_id = ${establishmentId}) order by p.id limit 1`))[0]!.id;
    const local = await onlyAt(CHATEAUROUX);
    const outsider = await onlyAt('370004467');
    const stamp = async (id: string) => (await hub.db.rows<{ updated_at: string }>(sql`select updated_at::text from professionals.professional where id = ${id}`))[0]!.updated_at;

    const otherGender = async (id: string) => (((await staff.read({ resourceType: 'Practitioner', id })) as unknown as Json).gender === 'male' ? 'female' : 'male');
    const gender = await otherGender(local);
    const patched = (await staff.patch({ resourceType: 'Practitioner', id: local, jsonPatch: [{ op: 'add', path: '/gender', value: gender }] })) as unknown as Json;
    expect(patched.gender).toBe(gender);
    const [event] = await hub.db.rows<{ actor: string }>(sql`select actor from feed.change_event where topic = 'professional' and record_id = ${local} order by id desc limit 1`);
    expect(event!.actor).toBe(STAFF);
    // A role in another unit of its establishment; none in an establishment outside its perimeter.
    const unitOutside = async (professionalId: string, establishmentId: string) =>
      (await hub.db.rows<{ id: string }>(sql`
        select id from offer.unit where establishment_id = ${establishmentId} and not archived
        and id not in (select unit_id from professionals.unit_assignment where professional_id = ${professionalId}) order by id limit 1`))[0]!.id;
    const here = await unitOutside(local, CHATEAUROUX);
    const role = (await staff.create({
      resourceType: 'PractitionerRole',
      body: { resourceType: 'PractitionerRole', practitioner: { reference: `Practitioner/${local}` }, healthcareService: [{ reference: `HealthcareService/${here}` }], extension: [exerciseMode('S')] } as never,
    })) as unknown as Json;
    expect(role.id).toBe(`${local}.${here}`);

    const before = [await stamp(local), await stamp(outsider)];
    const tours = await refusal(
      staff.create({
        resourceType: 'PractitionerRole',
        body: {
          resourceType: 'PractitionerRole',
          practitioner: { reference: `Practitioner/${local}` },
          healthcareService: [{ reference: `HealthcareService/${await unitOutside(local, '370004467')}` }],
          extension: [exerciseMode('S')],
        } as never,
      }),
    );
    expect(tours.status).toBe(403);
    const elsewhere = await refusal(staff.patch({ resourceType: 'Practitioner', id: outsider, jsonPatch: [{ op: 'add', path: '/gender', value: await otherGender(outsider) }] }));
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.outcome.issue[0]!.diagnostics).toContain('outside the establishments it is registered for');
    // A Practitioner names no establishment: creating one takes a regional perimeter (as users need ORU_PROFESSIONNEL_NEW transversally).
    const rpps = `8${String(Date.now() + 1).slice(-11).padStart(11, '6')}`;
    const body = { resourceType: 'Practitioner', identifier: [{ system: 'urn:oid:1.2.250.1.71.4.2.1', value: rpps }], name: [{ family: 'Applicatif', given: ['Régional'] }], gender: 'male' };
    expect((await refusal(staff.create({ resourceType: 'Practitioner', body: body as never }))).status).toBe(403);
    expect([await stamp(local), await stamp(outsider)]).toEqual(before);
    const created = (await regional.create({ resourceType: 'Practitioner', body: body as never })) as unknown as Json;
    expect(Client.httpFor(created as never).response!.status).toBe(201);
    const [creation] = await hub.db.rows<{ actor: string; action: string }>(sql`select actor, action from feed.change_event where topic = 'professional' and record_id = ${String(created.id)} order by id limit 1`);
    expect(creation).toEqual({ actor: 'Annuaire régional', action: 'CREATE' });
  });

  it('leaves every unit it created or changed with its stored point by the rule (D234)', async () => {
    expect(createdId).not.toBe('');
    expect(await storedPoint(hub.db, createdId)).not.toBeNull();
    expect(await misplacedUnits(hub.db)).toEqual([]);
  });

  /**
   * The same rule through every other writer, on this file's hub after the FHIR writes above
   * (D241: these scenarios were test/offer-unit-place.test.ts, whose two private hubs
   * cost more than its tests): the demo seed, the offer's editing through GraphQL (own address set
   * and removed, transfer, copy), the FINESS import moving an establishment, and SQL by hand; and
   * near-searches find the unit where it now is. The records are picked when this block starts.
   */
  describe('the units’ stored points through the other writers (D234)', () => {
    let ars = '';
    /** A Loiret unit without an address of its own, its establishment, and another establishment elsewhere. */
    let unit = '';
    let home = { id: '', latitude: 0, longitude: 0 };
    let other = { id: '', latitude: 0, longitude: 0 };
    /** A copy of `unit`, left in the home establishment. */
    let copy = '';

    const as = async <T>(query: string, variables: Record<string, unknown>) => {
      const r = await gql<T>(hub.urls.graphql, query, variables, { authorization: ars });
      expect(r.errors).toBeUndefined();
      return r.data!;
    };
    const near = (p: { latitude: number; longitude: number }, radiusKm = 0.5) => as<Found>(NEAR, { near: { latitude: p.latitude, longitude: p.longitude, radiusKm } });

    beforeAll(async () => {
      ars = await asUser(hub.urls.graphql, 'admin.ars');
      const [picked] = await hub.db.rows<{ unit: string; id: string; latitude: number; longitude: number }>(sql`
        select u.id as unit, e.id, e.latitude, e.longitude from offer.unit u join offer.establishment e on e.id = u.establishment_id
         where e.department_code = '45' and not u.archived and e.latitude is not null
           and u.address_line is null and u.postal_code is null and u.city is null
         order by u.id limit 1`);
      unit = picked!.unit;
      home = { id: picked!.id, latitude: Number(picked!.latitude), longitude: Number(picked!.longitude) };
      const [away] = await hub.db.rows<{ id: string; latitude: number; longitude: number }>(sql`
        select id, latitude, longitude from offer.establishment where department_code = '37' and latitude is not null order by id limit 1`);
      other = { id: away!.id, latitude: Number(away!.latitude), longitude: Number(away!.longitude) };
    }, 120_000);

    it('every unit has its point by the rule, the seeded ones as those written above', async () => {
      expect(await misplacedUnits(hub.db)).toEqual([]);
      const [counts] = await hub.db.rows<{ units: number; placed: number }>(sql`select count(*)::int as units, count(place)::int as placed from offer.unit`);
      expect(counts!.placed).toBeGreaterThan(0.9 * counts!.units);
      expect(await storedPoint(hub.db, unit)).toEqual({ latitude: home.latitude, longitude: home.longitude });
    });

    it('an own address with a position moves the unit there; removing it brings the unit back to its establishment', async () => {
      await as(UPDATE_UNIT, { id: unit, input: { ownAddress: { line: '1 place Étienne Dolet', postalCode: '18000', city: 'Bourges', inseeCode: '18033', ...BOURGES } } });
      expect(await storedPoint(hub.db, unit)).toEqual(BOURGES);
      const there = (await near(BOURGES)).unitSearch;
      expect(there.edges.map((e) => e.node.id)).toContain(unit);
      expect(there.matchingIds).toContain(unit);
      expect((await near(home)).unitSearch.matchingIds).not.toContain(unit);

      await as(UPDATE_UNIT, { id: unit, input: { ownAddress: null } });
      expect(await storedPoint(hub.db, unit)).toEqual({ latitude: home.latitude, longitude: home.longitude });
      expect((await near(BOURGES)).unitSearch.matchingIds).not.toContain(unit);
      expect((await near(home)).unitSearch.matchingIds).toContain(unit);
      expect(await misplacedUnits(hub.db)).toEqual([]);
    });

    it('an own address without a position leaves the unit in no radius', async () => {
      await as(UPDATE_UNIT, { id: unit, input: { ownAddress: { line: '2 rue de la Gare', postalCode: '45100', city: 'Orléans' } } });
      expect(await storedPoint(hub.db, unit)).toBeNull();
      expect((await near(home, 200)).unitSearch.matchingIds).not.toContain(unit);
      await as(UPDATE_UNIT, { id: unit, input: { ownAddress: null } });
      expect(await misplacedUnits(hub.db)).toEqual([]);
    });

    it('a transfer takes the point of the new establishment; a copy that of its own', async () => {
      const [{ uf }] = (await hub.db.rows<{ uf: string }>(sql`select uf_code as uf from offer.unit where id = ${unit}`)) as [{ uf: string }];
      copy = (await as<{ copyUnit: { id: string } }>(COPY, { id: unit, name: 'copie de test', uf: `${uf}C` })).copyUnit.id;
      await as(TRANSFER, { id: unit, to: other.id });
      expect(await storedPoint(hub.db, unit)).toEqual({ latitude: other.latitude, longitude: other.longitude });
      expect(await storedPoint(hub.db, copy)).toEqual({ latitude: home.latitude, longitude: home.longitude });
      expect((await near(other)).unitSearch.matchingIds).toContain(unit);
      expect(await misplacedUnits(hub.db)).toEqual([]);
    });

    it('the FINESS import moving an establishment moves its units without an address of their own', { timeout: 60_000 }, async () => {
      // The home establishment's line of the demo file, 0.1° further north (≈ 11 km): the import
      // upserts what the file holds, so the other establishments (some written above) are left as they are.
      const moved = { latitude: Math.round((home.latitude + 0.1) * 1e6) / 1e6, longitude: home.longitude };
      const lines = readFileSync(DEMO_FINESS, 'utf8').split('\n');
      const header = lines[0]!.split(';');
      const [lat, lon] = [header.indexOf('latitude'), header.indexOf('longitude')];
      const cells = lines.find((line) => line.split(';')[0] === home.id)!.split(';');
      cells[lat] = String(moved.latitude);
      cells[lon] = String(moved.longitude);
      const csv = `${lines[0]}\n${cells.join(';')}\n`;
      const response = await fetch(`${hub.urls.graphql.replace(/\/graphql$/, '')}/imports/finess`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: ars }, body: csv });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ updated: 1, written: true });
      expect(await storedPoint(hub.db, copy)).toEqual(moved);
      expect((await near(moved)).unitSearch.matchingIds).toContain(copy);
      expect((await near(home)).unitSearch.matchingIds).not.toContain(copy);
      expect(await misplacedUnits(hub.db)).toEqual([]);
    });

    it('a point written by hand is computed again by the rule', async () => {
      await hub.db.rows(sql`update offer.unit set place = ll_to_earth(0, 0) where id = ${unit}`);
      await hub.db.rows(sql`update offer.establishment set latitude = latitude where id = ${other.id}`);
      expect(await misplacedUnits(hub.db)).toEqual([]);
    });
  });
});
