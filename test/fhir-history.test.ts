/**
 * vread and instance `_history` on a private PGlite hub (versions are made by writing through
 * GraphQL), with fhir-kit-client, allow and deny, and redaction of past versions; then the IG
 * access profiles on PractitionerRole with applications registered for the test (profiles 0, 2
 * and 3 holding professional.read, which no demo application combines). One hub for the file.
 */
import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client } from 'fhir-kit-client';
import { startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';
import { loadR4Definitions, r4Issues, rorIssues } from './helpers/fhir/validate.js';
import { EXTENSIONS } from '../fhir/codes.js';
import type { DomainResource, FhirResource, HistoryBundle } from '../fhir/types.js';
import { demoPrivateJwk, demoPublicJwks } from '../scripts/demo/clients.js';
import { discover, requestClientToken, signClientAssertion } from '../scripts/token.js';
import { clients } from '../subgraphs/professionals/tables.js';

const TOURS_ICU = '370004467-4557'; // ref.uo.tours enters its capacity
const UPDATE_CAPACITY = `mutation($id: ID!, $input: CapacityInput!, $v: Int!) { updateUnitCapacity(unitId: $id, input: $input, expectedVersion: $v) { version } }`;
const UPDATE_UNIT = `mutation($id: ID!, $input: UnitUpdate!) { updateUnit(id: $id, input: $input) { id } }`;
const UPDATE_PROFESSIONAL = `mutation($id: ID!, $input: UpdateProfessionalInput!) { updateProfessional(id: $id, input: $input) { id } }`;

let hub: TestHub;

beforeAll(async () => {
  loadR4Definitions();
  hub = await startTestHub('pglite');
}, 120_000);
afterAll(async () => {
  await hub?.close();
});

function expectConformant(resource: FhirResource): void {
  expect(r4Issues(resource)).toEqual([]);
  expect(rorIssues(resource)).toEqual([]);
}

const bare = (bearer: string) => bearer.replace(/^Bearer /, '');
const capacityOf = (resource: DomainResource) => (resource.extension ?? []).filter((e) => e.url === EXTENSIONS.supportedCapacity);

/**
 * Waits until the feed worker has stored `count` versions of a resource (read from the store's
 * table: a `_history` call would store the current version itself and hide a missing one).
 */
async function storedVersions(resourceType: string, id: string, count: number): Promise<void> {
  await vi.waitFor(
    async () => {
      const [row] = await hub.db.rows<{ n: number }>(
        sql`select count(*)::int as n from fhir_history.resource_version where resource_type = ${resourceType} and resource_id = ${id}`,
      );
      expect(row?.n).toBe(count);
    },
    { timeout: 20_000, interval: 100 },
  );
}

async function history(bearer: string, path: string, query = ''): Promise<{ status: number; body: HistoryBundle }> {
  const response = await fetch(`${hub.urls.fhir}/${path}/_history${query}`, { headers: { authorization: bearer } });
  return { status: response.status, body: (await response.json()) as HistoryBundle };
}

/** Enters capacity on the Tours ICU as its unit referent (optimistic version taken from the last answer). */
async function enterCapacity(installedBeds: number): Promise<void> {
  const referent = await asUser(hub.urls.graphql, 'ref.uo.tours');
  const current = await gql<{ unit: { capacity: { version: number } | null } }>(hub.urls.graphql, `query($id: ID!) { unit(id: $id) { capacity { version } } }`, { id: TOURS_ICU }, { authorization: referent });
  const entered = await gql(hub.urls.graphql, UPDATE_CAPACITY, {
    id: TOURS_ICU,
    v: current.data!.unit.capacity?.version ?? 0,
    input: { installedBeds, availableMen: 1, availableWomen: 1, availableUndifferentiated: 0, closedBeds: 0, reopenedBeds: 0, reopenableBeds: 0, mobilisedBeds: 0 },
  }, { authorization: referent });
  expect(entered.errors).toBeUndefined();
}

describe('vread and instance history', () => {
  it('keeps every version the change feed reports, newest first, each readable by vread', async () => {
    const aggregator = await asApp(hub.urls.graphql, 'national-aggregator');
    const client = new Client({ baseUrl: hub.urls.fhir, bearerToken: bare(aggregator) });
    const first = (await client.read({ resourceType: 'Location', id: TOURS_ICU })) as DomainResource;
    const initial = (await client.history({ resourceType: 'Location', id: TOURS_ICU })) as unknown as HistoryBundle;
    expectConformant(initial);
    expect(initial.entry?.map((e) => e.resource?.meta?.versionId)).toEqual([first.meta?.versionId]);

    // No FHIR read between the entries: the middle version only exists because the feed worker stored it.
    await enterCapacity(20);
    await storedVersions('Location', TOURS_ICU, 2);
    await enterCapacity(21);
    await storedVersions('Location', TOURS_ICU, 3);

    const bundle = (await client.history({ resourceType: 'Location', id: TOURS_ICU })) as unknown as HistoryBundle;
    expectConformant(bundle);
    const installed = bundle.entry!.map((e) => {
      const record = capacityOf(e.resource!).find((c) => c.extension?.some((s) => s.url === 'capacityStatus' && s.valueCodeableConcept?.coding?.[0]?.code === '01'));
      return record?.extension?.find((s) => s.url === 'nbCapacity')?.valueInteger;
    });
    expect(installed.slice(0, 2)).toEqual([21, 20]);
    expect(bundle.entry!.at(-1)!.resource!.meta!.versionId).toBe(first.meta!.versionId);
    for (const entry of bundle.entry!) {
      expect(entry).toMatchObject({ fullUrl: `${hub.urls.fhir}/Location/${TOURS_ICU}`, request: { method: 'PUT', url: `Location/${TOURS_ICU}` }, response: { status: '200 OK' } });
      const version = (await client.vread({ resourceType: 'Location', id: TOURS_ICU, version: entry.resource!.meta!.versionId! })) as DomainResource;
      expect(version).toEqual(entry.resource);
    }
    const response = await fetch(`${hub.urls.fhir}/Location/${TOURS_ICU}/_history/${first.meta!.versionId!}`, { headers: { authorization: aggregator } });
    expect(response.headers.get('etag')).toBe(`W/"${first.meta!.versionId!}"`);

    await expect(client.vread({ resourceType: 'Location', id: TOURS_ICU, version: '99-1' })).rejects.toMatchObject({ response: { status: 404 } });
  });

  it('never shows capacity in past versions to an application without capacity.read', async () => {
    const aggregator = await asApp(hub.urls.graphql, 'national-aggregator');
    const full = (await history(aggregator, `Location/${TOURS_ICU}`)).body;
    expect(full.entry!.length).toBeGreaterThanOrEqual(3);
    const directory = await asApp(hub.urls.graphql, 'sante-fr-directory');
    const client = new Client({ baseUrl: hub.urls.fhir, bearerToken: bare(directory) });
    const redacted = (await client.history({ resourceType: 'Location', id: TOURS_ICU })) as unknown as HistoryBundle;
    expectConformant(redacted);
    expect(redacted.entry!.flatMap((e) => capacityOf(e.resource!))).toEqual([]);
    // Versions that differ only in capacity are one version for it, named as its reads name them.
    expect(redacted.entry!.map((e) => e.resource!.meta!.versionId)).toEqual([expect.stringMatching(/^0-\d+$/)]);
    await expect(client.vread({ resourceType: 'Location', id: TOURS_ICU, version: full.entry![1]!.resource!.meta!.versionId! })).rejects.toMatchObject({
      response: { status: 404 },
    });
  });

  it('answers 401 without credentials, 404 for what the caller may not read, 400 for bad parameters', async () => {
    expect((await fetch(`${hub.urls.fhir}/Location/${TOURS_ICU}/_history`)).status).toBe(401);
    const directory = await asApp(hub.urls.graphql, 'sante-fr-directory');
    const aggregator = await asApp(hub.urls.graphql, 'national-aggregator');
    const professional = (await gql<{ professionals: { edges: { node: { id: string } }[] } }>(hub.urls.graphql, `{ professionals(filter: { professionCode: "10" }, first: 1) { edges { node { id } } } }`, {}, { authorization: aggregator })).data!.professionals.edges[0]!.node.id;
    const denied = await history(directory, `Practitioner/${professional}`);
    expect(denied.status).toBe(403);
    expect((await history(aggregator, `Practitioner/${professional}`)).body.total).toBe(1);
    expect((await history(aggregator, 'Location/000000000-0000')).status).toBe(404);
    for (const query of ['?_count=0', '?_count=abc', '?_since=yesterday', '?_sort=x']) {
      const refused = await history(aggregator, `Location/${TOURS_ICU}`, query);
      expect({ query, status: refused.status }).toEqual({ query, status: 400 });
      expectConformant(refused.body as unknown as FhirResource);
    }
    const one = await history(aggregator, `Location/${TOURS_ICU}`, '?_count=1');
    expect(one.body.entry).toHaveLength(1);
    expect(one.body.total).toBeGreaterThanOrEqual(3);
    const none = await history(aggregator, `Location/${TOURS_ICU}`, `?_since=${new Date(Date.now() + 3_600_000).toISOString()}`);
    expect(none.body).toMatchObject({ total: 0 });
  });

  it('keeps confidential contacts of past versions from callers that do not see them now', async () => {
    const admin = await asUser(hub.urls.graphql, 'admin.ars');
    const contact = (value: string, confidentialityCode: string) => ({ natureCode: '06', channelCode: '2', value, confidentialityCode });
    const updated = await gql(hub.urls.graphql, UPDATE_UNIT, { id: TOURS_ICU, input: { contacts: [contact('02 47 00 00 01', '1'), contact('02 47 00 00 02', '3')] } }, { authorization: admin });
    expect(updated.errors).toBeUndefined();
    await storedVersions('HealthcareService', TOURS_ICU, 1);
    const renamed = await gql(hub.urls.graphql, UPDATE_UNIT, { id: TOURS_ICU, input: { name: 'Réanimation adultes (historique)' } }, { authorization: admin });
    expect(renamed.errors).toBeUndefined();
    await storedVersions('HealthcareService', TOURS_ICU, 2);
    const aggregator = await asApp(hub.urls.graphql, 'national-aggregator');
    const contactsIn = (bundle: HistoryBundle) =>
      bundle.entry!.flatMap((e) => (e.resource!.extension ?? []).filter((x) => x.url === EXTENSIONS.healthcareServiceContact)).length;
    const full = (await history(aggregator, `HealthcareService/${TOURS_ICU}`)).body;
    expectConformant(full);
    expect(full.total).toBe(2);
    expect(contactsIn(full)).toBe(4); // both contacts in both versions
    const publicView = (await history(await asApp(hub.urls.graphql, 'place-search'), `HealthcareService/${TOURS_ICU}`)).body;
    expectConformant(publicView);
    expect(publicView.entry!.length).toBe(full.entry!.length);
    const levels = publicView.entry!.flatMap((e) =>
      (e.resource!.extension ?? [])
        .filter((x) => x.url === EXTENSIONS.healthcareServiceContact)
        .map((x) => x.extension!.find((s) => s.url === EXTENSIONS.confidentialityLevel)!.valueCodeableConcept!.coding![0]!.code),
    );
    expect(new Set(levels)).toEqual(new Set(['1']));
  });

  it('follows an establishment change to the Locations of its units that take its address', async () => {
    const admin = await asUser(hub.urls.graphql, 'admin.ars');
    const aggregator = await asApp(hub.urls.graphql, 'national-aggregator');
    // The establishment with the fewest units (each of them gets a Location version per change).
    const { data } = await gql<{ establishments: { edges: { node: { id: string; units: { id: string; hasOwnAddress: boolean }[] } }[] } }>(
      hub.urls.graphql,
      `{ establishments(filter: { departmentCode: "18" }, first: 50) { edges { node { id units { id hasOwnAddress } } } } }`,
      {},
      { authorization: admin },
    );
    const establishment = data!.establishments.edges
      .map((e) => e.node)
      .filter((e) => e.units.some((u) => !u.hasOwnAddress))
      .sort((a, b) => a.units.length - b.units.length)[0]!;
    const unit = establishment.units.find((u) => !u.hasOwnAddress)!.id;
    expect((await history(aggregator, `Location/${unit}`)).body.total).toBe(1);
    // No FHIR read of the Location between the changes: its versions come from the worker following the establishment.
    for (const [i, phone] of ['02 48 00 00 01', '02 48 00 00 02'].entries()) {
      const updated = await gql(hub.urls.graphql, `mutation($id: ID!, $p: String) { updateEstablishment(id: $id, input: { switchboardPhone: $p }) { id } }`, { p: phone, id: establishment.id }, { authorization: admin });
      expect(updated.errors).toBeUndefined();
      await storedVersions('Location', unit, 2 + i);
    }
    expect((await history(aggregator, `Location/${unit}`)).body.total).toBe(3);
    expect((await history(aggregator, `Organization/${establishment.id}`)).body.total).toBe(2); // never read before its first change
  });

  it('materialises with an internal application that can never get a token', async () => {
    const { token_endpoint } = await discover(hub.urls.graphql.replace(/\/graphql$/, ''));
    const assertion = await signClientAssertion({ clientId: 'ror-fhir-history', key: demoPrivateJwk('national-aggregator'), audience: token_endpoint });
    const response = await requestClientToken(token_endpoint, assertion, 'offer.read');
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_client');
  });

  it('says vread and history-instance for every type in the CapabilityStatement', async () => {
    const statement = (await new Client({ baseUrl: hub.urls.fhir }).capabilityStatement()) as unknown as {
      rest: { resource: { type: string; readHistory: boolean; interaction: { code: string }[] }[] }[];
    };
    // Direct admissions (ServiceRequest, Task) have no version history (docs/admissions.md § FHIR).
    const resources = statement.rest[0]!.resource.filter((r) => !['Subscription', 'ServiceRequest', 'Task'].includes(r.type));
    expect(resources.map((r) => r.type)).toEqual(['Organization', 'HealthcareService', 'Location', 'Practitioner', 'PractitionerRole']);
    for (const resource of resources) {
      expect(resource.interaction.map((i) => i.code)).toEqual(expect.arrayContaining(['read', 'vread', 'history-instance']));
      expect(resource.readHistory).toBe(true);
    }
  });
});

/** The match and include ids of a FHIR search (one page), each resource validated. */
async function searchIds(bearer: string, path: string): Promise<{ matches: string[]; included: string[]; total?: number }> {
  const response = await fetch(`${hub.urls.fhir}/${path}`, { headers: { authorization: bearer } });
  expect(response.status).toBe(200);
  const bundle = (await response.json()) as { total?: number; entry?: { resource: FhirResource & { id: string }; search: { mode: string } }[] };
  for (const { resource } of bundle.entry ?? []) expectConformant(resource);
  const of = (mode: string) => (bundle.entry ?? []).filter((e) => e.search.mode === mode).map((e) => e.resource.id);
  return { matches: of('match'), included: of('include'), ...(bundle.total !== undefined ? { total: bundle.total } : {}) };
}

/** A token for an application registered here with place-search's key pair (the demo keys are committed). */
async function registeredApplication(clientId: string, accessLevel: 0 | 2 | 3): Promise<string> {
  await hub.db.orm
    .insert(clients)
    .values({ clientId, name: `Test profile ${accessLevel}`, jwks: demoPublicJwks('place-search'), scopes: ['offer.read', 'professional.read'], accessLevel })
    .onConflictDoNothing();
  const { token_endpoint } = await discover(hub.urls.graphql.replace(/\/graphql$/, ''));
  const assertion = await signClientAssertion({ clientId, key: demoPrivateJwk('place-search'), audience: token_endpoint });
  const response = await requestClientToken(token_endpoint, assertion, 'offer.read professional.read');
  expect(response.status).toBe(200);
  return `Bearer ${((await response.json()) as { access_token: string }).access_token}`;
}

describe('IG access profiles on PractitionerRole', () => {
  it('profile 1 sees every situation; 2 none in a sensitive unit; 3 médico-social and ville only; 0 ville only', async () => {
    const admin = await asUser(hub.urls.graphql, 'admin.ars');
    const headers = { authorization: admin };
    // An establishment with four units, and a professional working there.
    const { data } = await gql<{ establishment: { units: { id: string }[]; professionals: { id: string }[] } }>(
      hub.urls.graphql,
      `{ establishment(id: "370004467") { units { id } professionals { id } } }`,
      {},
      headers,
    );
    const units = data!.establishment.units.slice(0, 4).map((u) => u.id);
    const professional = data!.establishment.professionals[0]!.id;
    expect(units).toHaveLength(4);
    const [mco, medicoSocial, ville, sensitive] = units as [string, string, string, string];
    for (const [id, input] of [
      [mco, { activityFieldCode: '01', sensitive: false }],
      [medicoSocial, { activityFieldCode: '04', sensitive: false }],
      [ville, { activityFieldCode: '05', sensitive: false }],
      [sensitive, { activityFieldCode: '05', sensitive: true }],
    ] as const) {
      const result = await gql(hub.urls.graphql, UPDATE_UNIT, { id, input }, headers);
      expect(result.errors).toBeUndefined();
    }
    // With an exercise mode in each unit: without one a situation is no PractitionerRole (fhir/README.md).
    const exerciseModes = units.map((unitId) => ({ unitId, exerciseModeCode: 'S' }));
    const placed = await gql(hub.urls.graphql, UPDATE_PROFESSIONAL, { id: professional, input: { establishmentIds: ['370004467'], unitIds: units, exerciseModes } }, headers);
    expect(placed.errors).toBeUndefined();

    const seen = async (bearer: string) => {
      const visible: string[] = [];
      for (const unit of units) {
        const response = await fetch(`${hub.urls.fhir}/PractitionerRole/${professional}.${unit}`, { headers: { authorization: bearer } });
        const body = (await response.json()) as FhirResource;
        expectConformant(body);
        if (response.status === 200) visible.push(unit);
        else expect(response.status).toBe(404);
      }
      const graphql = await gql<{ professional: { units: { id: string }[]; situations: { id: string }[] } }>(
        hub.urls.graphql,
        `query($id: ID!) { professional(id: $id) { units { id } situations { id } } }`,
        { id: professional },
        { authorization: bearer },
      );
      expect(graphql.errors).toBeUndefined();
      expect(graphql.data!.professional.units.map((u) => u.id)).toEqual(visible);
      expect(graphql.data!.professional.situations.map((s) => s.id)).toEqual(visible.map((u) => `${professional}.${u}`));
      // FHIR search applies the same rule to pages, counts and revincludes (fhir-search-practitioners.test.ts has the rest).
      const roles = visible.map((u) => `${professional}.${u}`);
      const searched = await searchIds(bearer, `PractitionerRole?practitioner=${professional}`);
      expect(searched.matches).toEqual(roles);
      expect(searched.total).toBe(roles.length);
      const offer = await searchIds(bearer, `HealthcareService?_id=${units.join(',')}&_revinclude=PractitionerRole:service`);
      expect(offer.included.filter((id) => id.startsWith(`${professional}.`)).sort()).toEqual(roles);
      return visible;
    };
    const sorted = (ids: string[]) => [...ids].sort();
    expect(await seen(await asApp(hub.urls.graphql, 'national-aggregator'))).toEqual(sorted(units));
    expect(await seen(admin)).toEqual(sorted(units));
    expect(await seen(await registeredApplication('test-profile-2', 2))).toEqual(sorted([mco, medicoSocial, ville]));
    expect(await seen(await registeredApplication('test-profile-3', 3))).toEqual(sorted([medicoSocial, ville]));
    expect(await seen(await registeredApplication('test-profile-0', 0))).toEqual([ville]);
    // Who works in a unit follows the same rule.
    const level0 = await registeredApplication('test-profile-0', 0);
    const ofUnit = await gql<{ situations: { id: string }[] }>(hub.urls.graphql, `query($u: [ID!]) { situations(unitIds: $u) { id } }`, { u: [mco, ville] }, { authorization: level0 });
    expect(ofUnit.data!.situations.map((s) => s.id)).toContain(`${professional}.${ville}`);
    expect(ofUnit.data!.situations.some((s) => s.id.endsWith(`.${mco}`))).toBe(false);
  });
});
