/**
 * The FHIR entry point against the running hub (demo region, every database kind), read with
 * fhir-kit-client and validated offline: R4 structure with @medplum/core, ROR IG rules of this slice.
 */
import { describe, it, expect, inject, beforeAll } from 'vitest';
import { Client } from 'fhir-kit-client';
import { databaseKinds } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp } from './helpers/tokens.js';
import { loadR4Definitions, r4Issues, rorIssues } from './helpers/fhir/validate.js';
import { PROFILES } from '../fhir/codes.js';

const hubs = inject('hubs');
type Resource = { resourceType: string; id: string; meta?: { profile?: string[] }; [key: string]: unknown };

interface Sample {
  establishmentId: string;
  organizationId: string;
  unit: { id: string; name: string; capacity: { installedBeds: number; availableBeds: number } };
}

beforeAll(() => loadR4Definitions());

function expectConformant(resource: Resource): void {
  expect(r4Issues(resource)).toEqual([]);
  expect(rorIssues(resource as never)).toEqual([]);
}

describe.each(databaseKinds())('FHIR reads on %s', (kind) => {
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

  it('serves a CapabilityStatement listing the three reads', async () => {
    const statement = (await client().capabilityStatement()) as Resource & { fhirVersion: string; rest: Array<{ resource: Array<{ type: string; interaction: Array<{ code: string }> }> }> };
    expect(statement.resourceType).toBe('CapabilityStatement');
    expect(statement.fhirVersion).toBe('4.0.1');
    const reads = statement.rest[0]!.resource.map((r) => `${r.type}:${r.interaction.map((i) => i.code).join(',')}`).sort();
    expect(reads).toEqual(['HealthcareService:read', 'Location:read', 'Organization:read']);
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
    expect(figures).toEqual(
      expect.arrayContaining([
        { status: '01', beds: sample.unit.capacity.installedBeds },
        { status: '02', beds: sample.unit.capacity.availableBeds },
      ]),
    );
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

  it('answers 401 without credentials and 403 naming the missing scope to an application without capacity.read', async () => {
    const anonymous = await fetch(`${hubs[kind]!.fhir}/Location/${sample.unit.id}`);
    expect(anonymous.status).toBe(401);
    const directory = (await asApp(hubs[kind]!.graphql, 'sante-fr-directory')).replace(/^Bearer /, '');
    const error = await new Client({ baseUrl: hubs[kind]!.fhir, bearerToken: directory })
      .read({ resourceType: 'Location', id: sample.unit.id })
      .catch((e: { response: { status: number; data: Resource & { issue: Array<{ code: string; diagnostics: string }> } } }) => e.response);
    expect(error).toMatchObject({ status: 403, data: { resourceType: 'OperationOutcome' } });
    expect((error as { data: { issue: Array<{ diagnostics: string }> } }).data.issue[0]!.diagnostics).toContain('capacity.read');
    // The same application reads the public parts of the offer.
    const service = (await new Client({ baseUrl: hubs[kind]!.fhir, bearerToken: directory }).read({ resourceType: 'HealthcareService', id: sample.unit.id })) as Resource;
    expect(service.id).toBe(sample.unit.id);
  });
});
