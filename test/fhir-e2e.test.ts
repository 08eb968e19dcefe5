/**
 * The FHIR entry point against the running hub (demo region, every database kind), read with
 * fhir-kit-client and validated offline: R4 structure with @medplum/core, ROR IG rules of this slice.
 * Capacity entered through GraphQL is checked on a private hub, so the shared demo hubs stay unwritten.
 */
import { describe, it, expect, inject, beforeAll, afterAll } from 'vitest';
import { Client } from 'fhir-kit-client';
import { endToEndKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';
import { loadR4Definitions, r4Issues, rorIssues } from './helpers/fhir/validate.js';
import { PROFILES } from '../fhir/codes.js';

const hubs = inject('hubs');
type Resource = { resourceType: string; id: string; meta?: { profile?: string[] }; [key: string]: unknown };

interface Sample {
  establishmentId: string;
  organizationId: string;
  unit: { id: string; name: string; capacity: { installedBeds: number; availableBeds: number } };
}

type CapacityExtension = { url: string; extension?: Array<{ url: string; valueInteger?: number; valueCodeableConcept?: { coding: Array<{ code: string }> } }> };

/** Each capacity record as "nature status/qualifier=count" (qualifier: gender, closing type or supplementary bed type). */
function capacityFigures(location: { extension: CapacityExtension[] }): string[] {
  return location.extension
    .filter((e) => e.url.endsWith('/ror-location-supported-capacity'))
    .map((e) => {
      const codeOf = (url: string) => e.extension!.find((s) => s.url === url)?.valueCodeableConcept?.coding[0]?.code;
      const qualifier = codeOf('genderCapacityAvailable') ?? codeOf('capacityClosingType') ?? codeOf('additionalBedType') ?? '-';
      return `${codeOf('capacityType')!} ${codeOf('capacityStatus')!}/${qualifier}=${e.extension!.find((s) => s.url === 'nbCapacity')!.valueInteger!}`;
    });
}

beforeAll(() => loadR4Definitions());

function expectConformant(resource: Resource): void {
  expect(r4Issues(resource)).toEqual([]);
  expect(rorIssues(resource as never)).toEqual([]);
}

describe.each(endToEndKinds('postgres'))('FHIR reads on %s', (kind) => {
  let bearer = '';
  const client = () => new Client({ baseUrl: hubs[kind]!.fhir, bearerToken: bearer });
  let sample: Sample;

  beforeAll(async () => {
    bearer = (await asApp(hubs[kind]!.graphql, 'national-aggregator')).replace(/^Bearer /, '');
    const { data } = await gql<{ establishments: { edges: Array<{ node: { id: string; organization: { id: string }; units: Sample['unit'][] } }> } }>(
      hubs[kind]!.graphql,
      `{ establishments(filter: { departmentCode: "45" }, first: 50) { edges { node { id organization { id } units { id name capacity { installedBeds availableBeds } } } } } }`,
      {},
      { authorization: `Bearer ${bearer}` },
    );
    const node = data!.establishments.edges.map((e) => e.node).find((n) => n.units.length > 0)!;
    sample = { establishmentId: node.id, organizationId: node.organization.id, unit: node.units[0]! };
  });

  it('serves a CapabilityStatement listing the reads, versions, searches and the Location patch', async () => {
    const statement = (await client().capabilityStatement()) as Resource & { fhirVersion: string; rest: Array<{ resource: Array<{ type: string; interaction: Array<{ code: string }> }> }> };
    expect(statement.resourceType).toBe('CapabilityStatement');
    expect(statement.fhirVersion).toBe('4.0.1');
    const reads = statement.rest[0]!.resource.map((r) => `${r.type}:${r.interaction.map((i) => i.code).join(',')}`).sort();
    const versioned = (type: string) => `${type}:read,vread,history-instance`;
    const searched = ['HealthcareService', 'Location', 'Organization', 'Practitioner', 'PractitionerRole'];
    expect(reads).toEqual(
      ['HealthcareService', 'Location', 'Organization', 'Practitioner', 'PractitionerRole']
        .map(versioned)
        .map((r) => (r.startsWith('Location:') ? `${r},patch` : r))
        // Offer writes (docs/fhir-write.md); an Organization create is conditional only (D189)
        .map((r) => (r.startsWith('Location:') ? r : `${r},create,update,patch`))
        .map((r) => (searched.includes(r.split(':')[0]!) ? `${r},search-type` : r))
        .concat('ServiceRequest:read,search-type', 'Subscription:read,create,delete,search-type', 'Task:read,create,patch,update,search-type')
        .sort(),
    );
    expect(r4Issues(statement)).toEqual([]);
  });

  it('reads an establishment (EG) and its legal entity (EJ) as ror-organization', async () => {
    const eg = (await client().read({ resourceType: 'Organization', id: sample.establishmentId })) as Resource & { partOf: { reference: string } };
    expect(eg.meta?.profile).toEqual([PROFILES.organization]);
    expect(eg.partOf.reference).toBe(`Organization/${sample.organizationId}`);
    expectConformant(eg);
    const ej = (await client().read({ resourceType: 'Organization', id: sample.organizationId })) as Resource;
    expect(ej.id).toBe(sample.organizationId);
    expectConformant(ej);
  });

  it("gives FINESS's street fields as the ISO 21090 parts of the address line (CH Bourges: 145 AV F MITTERAND)", async () => {
    type Line = { line: string[]; _line?: Array<{ extension: Array<{ url: string; valueString: string }> }> };
    const parts = (address: Line | undefined) => address?._line?.[0]?.extension.map((e) => `${e.url.split('-ADXP-').pop()!.split('/').pop()!}=${e.valueString}`);
    const eg = (await client().read({ resourceType: 'Organization', id: '180000010' })) as Resource & { address: Line[] };
    expectConformant(eg);
    expect(eg.address[0]!.line).toEqual(['145 AV F MITTERAND']);
    expect(parts(eg.address[0])).toEqual(['houseNumber=145', 'streetNameType=AV', 'streetNameBase=F MITTERAND']);
    // A post box and a unit at its establishment's address (Location): CH Vierzon, 33 R LEO MERIGOT / BP 202.
    const { data } = await gql<{ establishments: { edges: Array<{ node: { id: string; units: Array<{ id: string; hasOwnAddress: boolean }> } }> } }>(
      hubs[kind]!.graphql,
      `{ establishments(filter: { departmentCode: "18" }, first: 100) { edges { node { id address { line } units { id hasOwnAddress } } } } }`,
      {},
      { authorization: `Bearer ${bearer}` },
    );
    const vierzon = data!.establishments.edges.map((e) => e.node as typeof e.node & { address: { line: string } }).find((n) => n.address.line === '33 R LEO MERIGOT / BP 202')!;
    const unit = vierzon.units.find((u) => !u.hasOwnAddress)!;
    const location = (await client().read({ resourceType: 'Location', id: unit.id })) as Resource & { address: Line };
    expectConformant(location);
    expect(parts(location.address)).toEqual(['houseNumber=33', 'streetNameType=R', 'streetNameBase=LEO MERIGOT', 'postBox=BP 202']);
  });

  it('reads a unit as HealthcareService and as Location carrying its capacity', async () => {
    const service = (await client().read({ resourceType: 'HealthcareService', id: sample.unit.id })) as Resource & { name: string; location: Array<{ reference: string }> };
    expect(service.name).toBe(sample.unit.name);
    expect(service.location).toEqual([{ reference: `Location/${sample.unit.id}` }]);
    expectConformant(service);

    const location = (await client().read({ resourceType: 'Location', id: sample.unit.id })) as Resource & { extension: Array<{ url: string; extension?: Array<{ url: string; valueInteger?: number; valueCodeableConcept?: { coding: Array<{ code: string }> } }> }> };
    expectConformant(location);
    const figures = location.extension
      .filter((e) => e.url.endsWith('/ror-location-supported-capacity'))
      .map((e) => ({
        status: e.extension!.find((s) => s.url === 'capacityStatus')!.valueCodeableConcept!.coding[0]!.code,
        beds: e.extension!.find((s) => s.url === 'nbCapacity')!.valueInteger,
      }));
    expect(figures.filter((f) => f.status === '01')).toEqual([{ status: '01', beds: sample.unit.capacity.installedBeds }]);
    // Available beds go by sex, in three records whose sum is the GraphQL availableBeds.
    const available = figures.filter((f) => f.status === '02');
    expect(available).toHaveLength(3);
    expect(available.reduce((sum, f) => sum + (f.beds ?? 0), 0)).toBe(sample.unit.capacity.availableBeds);
  });

  it('answers 404 with an OperationOutcome, as application/fhir+json, for an unknown id', async () => {
    const response = await fetch(`${hubs[kind]!.fhir}/Location/000000000-0000`, { headers: { authorization: `Bearer ${bearer}` } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    const outcome = (await response.json()) as Resource & { issue: Array<{ severity: string; code: string }> };
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue[0]).toMatchObject({ severity: 'error', code: 'not-found' });
    expect(r4Issues(outcome)).toEqual([]);
    await expect(client().read({ resourceType: 'HealthcareService', id: 'nope-1' })).rejects.toMatchObject({ response: { status: 404 } });
  });

  it('answers 401 without credentials; serves an application without capacity.read the Location without capacity', async () => {
    const anonymous = await fetch(`${hubs[kind]!.fhir}/Location/${sample.unit.id}`);
    expect(anonymous.status).toBe(401);
    const directory = (await asApp(hubs[kind]!.graphql, 'sante-fr-directory')).replace(/^Bearer /, '');
    const directoryClient = new Client({ baseUrl: hubs[kind]!.fhir, bearerToken: directory });
    const location = (await directoryClient.read({ resourceType: 'Location', id: sample.unit.id })) as Resource & { extension: Array<{ url: string }>; meta: { versionId: string } };
    expectConformant(location);
    expect(location.id).toBe(sample.unit.id);
    expect(location.extension.filter((e) => e.url.endsWith('/ror-location-supported-capacity'))).toEqual([]);
    expect(location.meta.versionId).toMatch(/^0-\d+$/);
    // The same application reads the public parts of the offer.
    const service = (await directoryClient.read({ resourceType: 'HealthcareService', id: sample.unit.id })) as Resource;
    expect(service.id).toBe(sample.unit.id);
    expectConformant(service);

    // Sensitive units stay hidden from it (access profile below 1), Location included.
    const { data } = await gql<{ units: { edges: Array<{ node: { id: string; sensitive: boolean } }> } }>(
      hubs[kind]!.graphql,
      `{ units(first: 200) { edges { node { id sensitive } } } }`,
      {},
      { authorization: `Bearer ${bearer}` },
    );
    const sensitive = data!.units.edges.find((e) => e.node.sensitive)?.node.id;
    expect(sensitive, 'the demo region has a sensitive unit').toBeDefined();
    for (const resourceType of ['Location', 'HealthcareService']) {
      const hidden = await fetch(`${hubs[kind]!.fhir}/${resourceType}/${sensitive!}`, { headers: { authorization: `Bearer ${directory}` } });
      expect({ resourceType, status: hidden.status }).toEqual({ resourceType, status: 404 });
    }
    expect((await client().read({ resourceType: 'Location', id: sensitive! })) as Resource).toMatchObject({ id: sensitive });
  });

  it('sends an ETag and answers 304 to If-None-Match on reads', async () => {
    for (const path of [`Location/${sample.unit.id}`, `HealthcareService/${sample.unit.id}`, `Organization/${sample.establishmentId}`]) {
      const first = await fetch(`${hubs[kind]!.fhir}/${path}`, { headers: { authorization: `Bearer ${bearer}` } });
      const resource = (await first.json()) as Resource & { meta: { versionId: string } };
      const etag = first.headers.get('etag');
      expect(etag).toBe(`W/"${resource.meta.versionId}"`);
      const again = await fetch(`${hubs[kind]!.fhir}/${path}`, { headers: { authorization: `Bearer ${bearer}`, 'if-none-match': etag! } });
      expect({ path, status: again.status }).toEqual({ path, status: 304 });
      const stale = await fetch(`${hubs[kind]!.fhir}/${path}`, { headers: { authorization: `Bearer ${bearer}`, 'if-none-match': 'W/"0-0"' } });
      expect(stale.status).toBe(200);
    }
  });
});

/**
 * A unit entered with every kind of figure through the GraphQL mutation, on a private hub (the
 * shared demo hubs are read by other test files, so they are not written to).
 */
describe.each(endToEndKinds('postgres'))('FHIR Location of a freshly entered capacity on %s', (kind) => {
  const TOURS_ICU = '370004467-4557'; // ref.uo.tours enters its capacity
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHub(kind);
  }, 120_000);
  afterAll(async () => {
    // Same guard as test/capacities-entry.test.ts: pg's pool re-emits the scratch database's forced drop.
    (hub?.db.orm as unknown as { $client?: { on?: (event: string, fn: () => void) => void } } | undefined)?.$client?.on?.('error', () => undefined);
    await hub?.close();
  });

  it('gives installed, available by sex, closed (reactivable or not) and mobilised beds, and a new version', async () => {
    const reader = (await asApp(hub.urls.graphql, 'national-aggregator')).replace(/^Bearer /, '');
    const client = new Client({ baseUrl: hub.urls.fhir, bearerToken: reader });
    const before = (await client.read({ resourceType: 'Location', id: TOURS_ICU })) as Resource & { meta: { versionId: string } };
    const current = await gql<{ unit: { capacity: { version: number } } }>(
      hub.urls.graphql,
      `query($id: ID!) { unit(id: $id) { capacity { version } } }`,
      { id: TOURS_ICU },
      { authorization: `Bearer ${reader}` },
    );
    const version = current.data!.unit.capacity.version;
    const entered = await gql<{ updateUnitCapacity: { version: number } }>(
      hub.urls.graphql,
      `mutation($id: ID!, $input: CapacityInput!, $v: Int!) { updateUnitCapacity(unitId: $id, input: $input, expectedVersion: $v) { version } }`,
      {
        id: TOURS_ICU,
        v: version,
        input: { installedBeds: 12, availableMen: 1, availableWomen: 2, availableUndifferentiated: 0, closedBeds: 4, reopenedBeds: 1, reopenableBeds: 2, mobilisedBeds: 3 },
      },
      { authorization: await asUser(hub.urls.graphql, 'ref.uo.tours') },
    );
    expect(entered.errors).toBeUndefined();

    const location = (await client.read({ resourceType: 'Location', id: TOURS_ICU })) as Resource & { extension: CapacityExtension[]; meta: { versionId: string } };
    expectConformant(location);
    expect(capacityFigures(location)).toEqual([
      '01 01/-=12', // installed
      '01 02/02=1', // available, Homme
      '01 02/01=2', // available, Femme
      '01 02/03=0', // available, Indifférencié
      '01 05/01=2', // closed, reactivable
      '01 05/02=1', // closed, not reactivable: 4 − 1 reopened − 2 reactivable
      '01 06/01=3', // supplementary, mobilised
    ]);
    expect(location.meta.versionId).toMatch(new RegExp(`^${entered.data!.updateUnitCapacity.version}-\\d+$`));
    expect(location.meta.versionId).not.toBe(before.meta.versionId);

    // The ETag the client held before the entry no longer matches.
    const revalidated = await fetch(`${hub.urls.fhir}/Location/${TOURS_ICU}`, {
      headers: { authorization: `Bearer ${reader}`, 'if-none-match': `W/"${before.meta.versionId}"` },
    });
    expect(revalidated.status).toBe(200);
  });

  // Incremental sync (FHIR search, docs/fhir-search.md): a capacity change moves the Location's
  // meta.lastUpdated, and `_lastUpdated=ge…` must find it even though the unit did not change.
  it('finds a unit whose capacity changed with Location?_lastUpdated=ge…, its offer revincluded', async () => {
    const reader = (await asApp(hub.urls.graphql, 'national-aggregator')).replace(/^Bearer /, '');
    const client = new Client({ baseUrl: hub.urls.fhir, bearerToken: reader });
    type Bundle = { total?: number; entry?: Array<{ search: { mode: string }; resource: Resource & { meta: { lastUpdated: string } } }> };
    const search = async (searchParams: Record<string, string>) => {
      const bundle = (await client.search({ resourceType: 'Location', searchParams })) as unknown as Bundle;
      expect(r4Issues(bundle as never)).toEqual([]);
      expect(rorIssues(bundle as never)).toEqual([]);
      return bundle;
    };
    const since = new Date().toISOString();
    expect((await search({ _lastUpdated: `ge${since}`, _summary: 'count' })).total).toBe(0);
    const current = await gql<{ unit: { capacity: { version: number } } }>(hub.urls.graphql, `query($id: ID!) { unit(id: $id) { capacity { version } } }`, { id: TOURS_ICU }, { authorization: `Bearer ${reader}` });
    const entered = await gql(
      hub.urls.graphql,
      `mutation($id: ID!, $v: Int!) { updateUnitCapacity(unitId: $id, expectedVersion: $v, input: { installedBeds: 12, availableMen: 1, availableWomen: 0, availableUndifferentiated: 0, closedBeds: 0, reopenedBeds: 0, reopenableBeds: 0, mobilisedBeds: 0 }) { version } }`,
      { id: TOURS_ICU, v: current.data!.unit.capacity.version },
      { authorization: await asUser(hub.urls.graphql, 'ref.uo.tours') },
    );
    expect(entered.errors).toBeUndefined();

    const changed = await search({ _lastUpdated: `ge${since}`, _revinclude: 'HealthcareService:location' });
    expect(changed.entry!.map((e) => `${e.search.mode} ${e.resource.resourceType}/${e.resource.id}`)).toEqual([`match Location/${TOURS_ICU}`, `include HealthcareService/${TOURS_ICU}`]);
    expect(Date.parse(changed.entry![0]!.resource.meta.lastUpdated)).toBeGreaterThanOrEqual(Date.parse(since));
    // The upper bound leaves it out now: its Location changed after.
    expect((await search({ _lastUpdated: `lt${since}`, _id: TOURS_ICU })).entry ?? []).toEqual([]);
    // Its new figures match one-record criteria.
    const men = await search({ 'capacity-status': '02', 'gender-capacity-available': '02', 'nb-capacity': 'eq1', _id: TOURS_ICU });
    expect(men.entry?.map((e) => e.resource.id)).toEqual([TOURS_ICU]);
    // An application without capacity.read sees no capacity, so for it this Location did not change.
    const directory = new Client({ baseUrl: hub.urls.fhir, bearerToken: (await asApp(hub.urls.graphql, 'sante-fr-directory')).replace(/^Bearer /, '') });
    expect(((await directory.search({ resourceType: 'Location', searchParams: { _lastUpdated: `ge${since}`, _summary: 'count' } })) as unknown as Bundle).total).toBe(0);
  });
  // The IG's full-offer extraction: offers changed since T, or whose establishment changed since T.
  it('HealthcareService?_filter=(_lastUpdated ge T or organization._lastUpdated ge T) finds the units of an establishment changed since T', async () => {
    const reader = (await asApp(hub.urls.graphql, 'national-aggregator')).replace(/^Bearer /, '');
    const client = new Client({ baseUrl: hub.urls.fhir, bearerToken: reader });
    type Bundle = { total?: number; entry?: Array<{ search: { mode: string }; resource: Resource & { meta: { lastUpdated: string } } }> };
    const search = async (searchParams: Record<string, string>) => {
      const bundle = (await client.search({ resourceType: 'HealthcareService', searchParams: { _count: '200', ...searchParams } })) as unknown as Bundle;
      expect(r4Issues(bundle as never)).toEqual([]);
      return (bundle.entry ?? []).map((e) => `${e.search.mode} ${e.resource.resourceType}/${e.resource.id}`).sort();
    };
    const admin = await asUser(hub.urls.graphql, 'admin.ars');
    const { data } = await gql<{ unit: { establishment: { id: string; units: Array<{ id: string }> } } }>(hub.urls.graphql, `query($id: ID!) { unit(id: $id) { establishment { id units { id } } } }`, { id: TOURS_ICU }, { authorization: admin });
    const establishment = data!.unit.establishment;
    const since = new Date().toISOString();
    const either = `(_lastUpdated ge ${since} or organization._lastUpdated ge ${since})`;
    expect(await search({ _filter: either })).toEqual([]);
    const updated = await gql(hub.urls.graphql, `mutation($id: ID!) { updateEstablishment(id: $id, input: { switchboardPhone: "02 47 47 47 47" }) { id } }`, { id: establishment.id }, { authorization: admin });
    expect(updated.errors).toBeUndefined();
    const units = establishment.units.map((u) => `match HealthcareService/${u.id}`);
    expect(units.length).toBeGreaterThan(0);
    expect(await search({ _filter: either, _include: 'HealthcareService:organization' })).toEqual([...units, `include Organization/${establishment.id}`].sort());
    // The units themselves did not change: only the establishment's branch holds.
    expect(await search({ _filter: `_lastUpdated ge ${since}` })).toEqual([]);
    expect(await search({ _filter: `organization._lastUpdated ge ${since} and _lastUpdated lt ${since}` })).toEqual(units.sort());
  });
});
