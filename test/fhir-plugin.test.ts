/**
 * The FHIR plugin over HTTP, driven by a real FHIR client (fhir-kit-client). The GraphQL
 * executor is a fake returning canned gateway answers: this is a unit-level test of routing,
 * mapping, outcomes and headers (the end-to-end test against the real hub lives elsewhere).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { Client, type FhirResource } from 'fhir-kit-client';
import type { FormattedExecutionResult } from 'graphql';
import type { CallerCredentials, GraphQLExecutor, GraphQLRequest } from '../platform/executor.js';
import fhirPlugin from '../fhir/plugin.js';
import { FHIR_OPERATIONS } from '../fhir/queries.js';
import { PROFILES } from '../fhir/codes.js';
import {
  EG_ID,
  EJ_ID,
  UNIT_ID,
  establishmentRecord,
  healthcareServiceRecord,
  legalEntityRecord,
  locationRecord,
} from './helpers/fhir/fixtures.js';
import { loadR4Definitions, r4Issues, rorIssues } from './helpers/fhir/validate.js';
import type { FhirResource as OurResource, OperationOutcome } from '../fhir/types.js';

const TOKEN = 'test-token';

/** Ids that make the fake gateway fail in a given way. */
const FAILING_IDS: Record<string, { code?: string; message: string }> = {
  'forbidden-unit': { code: 'FORBIDDEN', message: 'You have no right on this establishment.' },
  'bad-unit': { code: 'BAD_USER_INPUT', message: 'Invalid unit id.' },
  'gone-unit': { code: 'NOT_FOUND', message: 'Unit not found.' },
  'broken-unit': { message: 'Cannot query field "x" on type "Unit".' },
};

/** A unit the caller sees without its capacity: the gateway's answer to an application without capacity.read. */
const NO_CAPACITY_READ = 'u-0043';

/** Canned `data` per operation name and id, as the gateway would answer. */
function cannedData(operation: string | undefined, id: string): Record<string, unknown> {
  switch (operation) {
    case 'FhirEstablishment':
      return { establishment: id === EG_ID ? establishmentRecord() : null };
    case 'FhirOrganization':
      return { organization: id === EJ_ID ? legalEntityRecord() : null };
    case 'FhirHealthcareService':
      return { unit: id === UNIT_ID ? healthcareServiceRecord() : null };
    case 'FhirLocation':
      return { unit: id === UNIT_ID ? locationRecord() : null };
    default:
      throw new Error(`unexpected operation ${operation ?? '?'}`);
  }
}

const calls: { operation: string | undefined; id: string; caller: CallerCredentials }[] = [];

/** Fake of the gateway's executor: checks the token like the gateway, then answers from fixtures. */
const fakeExecutor: GraphQLExecutor = async <TData,>(
  request: GraphQLRequest,
  caller: CallerCredentials,
): Promise<FormattedExecutionResult<TData>> => {
  const operation = Object.entries(FHIR_OPERATIONS).find(([, document]) => document === request.query)?.[0];
  const id = String(request.variables?.id);
  calls.push({ operation, id, caller });
  if (caller.authorization !== `Bearer ${TOKEN}`) {
    return { errors: [{ message: 'Authentication required.', extensions: { code: 'UNAUTHENTICATED' } }] };
  }
  if (id === 'exploding-unit') throw new Error('socket hang up');
  if (id === NO_CAPACITY_READ && operation === 'FhirLocation') {
    return {
      data: { unit: locationRecord({ id, capacity: null }) } as TData,
      // The gateway reports the capacities subgraph's entity path, as it does for real.
      errors: [{ message: 'Missing scope capacity.read.', path: ['unit', '_entities', '0', 'capacity'], extensions: { code: 'FORBIDDEN' } }],
    };
  }
  const failure = FAILING_IDS[id];
  if (failure) {
    return {
      data: null,
      errors: [{ message: failure.message, path: ['unit'], ...(failure.code ? { extensions: { code: failure.code } } : {}) }],
    };
  }
  return { data: cannedData(operation, id) as TData };
};

let app: FastifyInstance;
let baseUrl: string;
let client: Client;

beforeAll(async () => {
  loadR4Definitions();
  app = Fastify();
  await app.register(fhirPlugin, { prefix: '/fhir', execute: fakeExecutor });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  baseUrl = `http://127.0.0.1:${address.port}/fhir`;
  client = new Client({ baseUrl, bearerToken: TOKEN });
}, 60_000);

afterAll(async () => {
  await app?.close();
});

interface HttpFailure {
  status: number;
  data: OperationOutcome;
  contentType: string | null;
}

function isHttpFailure(
  error: unknown,
): error is Error & { response: { status: number; data: unknown }; config: { headers: Headers } } {
  return error instanceof Error && 'response' in error && 'config' in error;
}

/** The status, OperationOutcome and content type of a request fhir-kit-client rejected. */
async function failure(request: Promise<unknown>): Promise<HttpFailure> {
  try {
    await request;
  } catch (error) {
    if (!isHttpFailure(error)) throw error;
    return {
      status: error.response.status,
      data: error.response.data as OperationOutcome,
      contentType: error.config.headers.get('content-type'),
    };
  }
  throw new Error('the request succeeded');
}

const contentTypeOf = (resource: FhirResource) => Client.httpFor(resource).response?.headers.get('content-type');

/** fhir-kit-client types resources loosely; ours are the same JSON. */
const asOurs = (resource: FhirResource) => resource as unknown as OurResource;

function expectOutcome(data: OperationOutcome, code: string, diagnostics: RegExp): void {
  expect(r4Issues(data)).toEqual([]);
  expect(data.resourceType).toBe('OperationOutcome');
  expect(data.issue[0]).toMatchObject({ severity: 'error', code });
  expect(data.issue[0]?.diagnostics).toMatch(diagnostics);
}

describe('GET /fhir/metadata', () => {
  it('returns a valid R4 CapabilityStatement listing the three reads and searches', async () => {
    const statement = await client.capabilityStatement();
    expect(contentTypeOf(statement)).toBe('application/fhir+json; charset=utf-8');
    expect(r4Issues(statement)).toEqual([]);
    expect(statement).toMatchObject({
      resourceType: 'CapabilityStatement',
      status: 'active',
      kind: 'instance',
      fhirVersion: '4.0.1',
      software: { name: 'ROR Hub' },
      implementation: { url: baseUrl },
    });
    const rest = (statement.rest as { resource: { type: string; profile: string; interaction: { code: string }[] }[] }[])[0];
    expect(rest?.resource.map((r) => [r.type, r.profile, r.interaction.map((i) => i.code)])).toEqual([
      ['Organization', PROFILES.organization, ['read', 'vread', 'history-instance', 'create', 'update', 'patch', 'search-type']],
      ['HealthcareService', PROFILES.healthcareService, ['read', 'vread', 'history-instance', 'create', 'update', 'patch', 'search-type']],
      ['Location', PROFILES.location, ['read', 'vread', 'history-instance', 'patch', 'search-type']],
      ['Practitioner', PROFILES.practitioner, ['read', 'vread', 'history-instance', 'create', 'update', 'patch', 'search-type']],
      ['PractitionerRole', PROFILES.practitionerRole, ['read', 'vread', 'history-instance', 'create', 'update', 'patch', 'search-type']],
      ['ServiceRequest', 'http://hl7.org/fhir/StructureDefinition/ServiceRequest', ['read', 'search-type']],
      ['Task', 'http://hl7.org/fhir/StructureDefinition/Task', ['read', 'create', 'patch', 'update', 'search-type']],
    ]);
  });

  it('honours a configured public base URL', async () => {
    const other = Fastify();
    await other.register(fhirPlugin, { prefix: '/fhir', execute: fakeExecutor, baseUrl: 'https://hub.example.org/fhir/' });
    try {
      const response = await other.inject({ method: 'GET', url: '/fhir/metadata' });
      expect(response.json()).toMatchObject({ implementation: { url: 'https://hub.example.org/fhir' } });
    } finally {
      await other.close();
    }
  });
});

describe('read', () => {
  it('reads an EG as Organization, forwarding the caller token', async () => {
    calls.length = 0;
    const org = await client.read({ resourceType: 'Organization', id: EG_ID });
    expect(contentTypeOf(org)).toBe('application/fhir+json; charset=utf-8');
    expect(r4Issues(org)).toEqual([]);
    expect(rorIssues(asOurs(org))).toEqual([]);
    expect(org).toMatchObject({ resourceType: 'Organization', id: EG_ID, partOf: { reference: `Organization/${EJ_ID}` } });
    expect(calls).toEqual([{ operation: 'FhirEstablishment', id: EG_ID, caller: { authorization: `Bearer ${TOKEN}` } }]);
  });

  it('falls back to the EJ when no EG has that FINESS', async () => {
    calls.length = 0;
    const org = await client.read({ resourceType: 'Organization', id: EJ_ID });
    expect(r4Issues(org)).toEqual([]);
    expect(org).toMatchObject({ resourceType: 'Organization', id: EJ_ID, meta: { profile: [PROFILES.organization] } });
    expect(calls.map((c) => c.operation)).toEqual(['FhirEstablishment', 'FhirOrganization']);
  });

  it('reads a unit as HealthcareService', async () => {
    const service = await client.read({ resourceType: 'HealthcareService', id: UNIT_ID });
    expect(r4Issues(service)).toEqual([]);
    expect(rorIssues(asOurs(service))).toEqual([]);
    expect(service).toMatchObject({
      id: UNIT_ID,
      providedBy: { reference: `Organization/${EG_ID}` },
      location: [{ reference: `Location/${UNIT_ID}` }],
    });
    expect(Client.httpFor(service).response?.headers.get('last-modified')).toBe(
      new Date('2026-01-05T16:00:00.000Z').toUTCString(),
    );
  });

  it('reads a unit as Location with its capacity', async () => {
    const location = await client.read({ resourceType: 'Location', id: UNIT_ID });
    expect(contentTypeOf(location)).toBe('application/fhir+json; charset=utf-8');
    expect(r4Issues(location)).toEqual([]);
    expect(rorIssues(asOurs(location))).toEqual([]);
    expect(location).toMatchObject({ id: UNIT_ID, managingOrganization: { reference: `Organization/${EG_ID}` } });
    const capacities = (location.extension as { url: string }[]).filter((e) => e.url.endsWith('/ror-location-supported-capacity'));
    expect(capacities).toHaveLength(7);
  });

  it('serves a Location without capacity when GraphQL refuses only the capacity field', async () => {
    const location = await client.read({ resourceType: 'Location', id: NO_CAPACITY_READ });
    expect(r4Issues(location)).toEqual([]);
    expect(rorIssues(asOurs(location))).toEqual([]);
    expect(location.id).toBe(NO_CAPACITY_READ);
    expect((location.extension as { url: string }[]).some((e) => e.url.endsWith('/ror-location-supported-capacity'))).toBe(false);
    expect(location.meta).toMatchObject({ versionId: `0-${Date.parse('2026-03-10T09:30:00.000Z')}` });
  });

  it('still refuses a FORBIDDEN on the unit itself', async () => {
    const { status } = await failure(client.read({ resourceType: 'HealthcareService', id: 'forbidden-unit' }));
    expect(status).toBe(403);
  });
});

describe('versions and conditional reads', () => {
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${TOKEN}`, ...headers } });

  it('sends meta.versionId as a weak ETag on every read', async () => {
    for (const [path, versionId] of [
      [`/Location/${UNIT_ID}`, `7-${Date.parse('2026-03-10T09:30:00.000Z')}`],
      [`/HealthcareService/${UNIT_ID}`, String(Date.parse('2026-01-05T16:00:00.000Z'))],
      [`/Organization/${EG_ID}`, String(Date.parse('2026-03-10T09:30:00.000Z'))],
      [`/Organization/${EJ_ID}`, String(Date.parse('2025-11-20T10:00:00.000Z'))],
    ] as const) {
      const response = await get(path);
      expect(response.status).toBe(200);
      const resource = (await response.json()) as { meta: { versionId: string } };
      expect(resource.meta.versionId).toBe(versionId);
      expect(response.headers.get('etag')).toBe(`W/"${versionId}"`);
    }
    expect((await get('/metadata')).headers.get('etag')).toBeNull();
  });

  it('answers 304 without a body to If-None-Match holding the current ETag, 200 otherwise', async () => {
    const etag = (await get(`/Location/${UNIT_ID}`)).headers.get('etag') ?? '';
    for (const ifNoneMatch of [etag, etag.replace(/^W\//, ''), `W/"other", ${etag}`, '*']) {
      const response = await get(`/Location/${UNIT_ID}`, { 'if-none-match': ifNoneMatch });
      expect({ ifNoneMatch, status: response.status }).toEqual({ ifNoneMatch, status: 304 });
      expect(response.headers.get('etag')).toBe(etag);
      expect(await response.text()).toBe('');
    }
    const changed = await get(`/Location/${UNIT_ID}`, { 'if-none-match': 'W/"6-1"' });
    expect(changed.status).toBe(200);
    // Errors are never 304.
    expect((await get('/Location/no-such-unit', { 'if-none-match': '*' })).status).toBe(404);
  });
});

describe('the CapabilityStatement on versions', () => {
  it('says reads are versioned and honour If-None-Match', async () => {
    const statement = (await (await fetch(`${baseUrl}/metadata`)).json()) as {
      rest: { resource: { versioning: string; conditionalRead: string }[] }[];
    };
    for (const resource of statement.rest[0]?.resource ?? []) {
      expect(resource).toMatchObject({ versioning: 'versioned', conditionalRead: 'not-match' });
    }
  });
});

describe('errors as OperationOutcome', () => {
  it('404 not-found for an unknown id, naming the resource', async () => {
    const { status, data, contentType } = await failure(client.read({ resourceType: 'Location', id: 'no-such-unit' }));
    expect(status).toBe(404);
    expect(contentType).toBe('application/fhir+json; charset=utf-8');
    expectOutcome(data, 'not-found', /Location\/no-such-unit/);
  });

  it('404 not-found for an Organization that is neither EG nor EJ', async () => {
    const { status, data } = await failure(client.read({ resourceType: 'Organization', id: '999999999' }));
    expect(status).toBe(404);
    expectOutcome(data, 'not-found', /Organization\/999999999/);
  });

  it('404 when the gateway itself says NOT_FOUND', async () => {
    const { status, data } = await failure(client.read({ resourceType: 'HealthcareService', id: 'gone-unit' }));
    expect(status).toBe(404);
    expectOutcome(data, 'not-found', /HealthcareService\/gone-unit/);
  });

  it('401 when the executor answers UNAUTHENTICATED (no token)', async () => {
    const anonymous = new Client({ baseUrl });
    const { status, data, contentType } = await failure(anonymous.read({ resourceType: 'Location', id: UNIT_ID }));
    expect(status).toBe(401);
    expect(contentType).toBe('application/fhir+json; charset=utf-8');
    expectOutcome(data, 'login', /Authentication required/);
    const raw = await fetch(`${baseUrl}/Location/${UNIT_ID}`);
    expect(raw.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('403, 400 and 500 from the other GraphQL error codes', async () => {
    const forbidden = await failure(client.read({ resourceType: 'Location', id: 'forbidden-unit' }));
    expect(forbidden.status).toBe(403);
    expectOutcome(forbidden.data, 'forbidden', /no right/);

    const invalid = await failure(client.read({ resourceType: 'Location', id: 'bad-unit' }));
    expect(invalid.status).toBe(400);
    expectOutcome(invalid.data, 'invalid', /Invalid unit id/);

    const broken = await failure(client.read({ resourceType: 'Location', id: 'broken-unit' }));
    expect(broken.status).toBe(500);
    expectOutcome(broken.data, 'exception', /Cannot query field/);
  });

  it('500 with a masked message when the executor throws', async () => {
    const { status, data } = await failure(client.read({ resourceType: 'Location', id: 'exploding-unit' }));
    expect(status).toBe(500);
    expectOutcome(data, 'exception', /^Internal error \(id [0-9a-f-]{36}\)\.$/);
    expect(JSON.stringify(data)).not.toContain('socket hang up');
  });

  it('404 for an unknown resource type, 405 for an unimplemented interaction', async () => {
    const unknownType = await failure(client.read({ resourceType: 'Patient', id: '1' }));
    expect(unknownType.status).toBe(404);
    expectOutcome(unknownType.data, 'not-supported', /Patient/);

    const history = await failure(client.typeHistory({ resourceType: 'Location' }));
    expect(history.status).toBe(405);
    expectOutcome(history.data, 'not-supported', /history-type.*Location/);

    const create = await failure(
      client.create({ resourceType: 'Location', body: { resourceType: 'Location', name: 'x' } }),
    );
    expect(create.status).toBe(405);
    expectOutcome(create.data, 'not-supported', /create/);

    const update = await failure(
      client.update({ resourceType: 'Location', id: UNIT_ID, body: { resourceType: 'Location', id: UNIT_ID } }),
    );
    expect(update.status).toBe(405);

    const vread = await failure(client.vread({ resourceType: 'Location', id: UNIT_ID, version: '1' }));
    expect(vread.status).toBe(405);
  });

  it('400 for a malformed id, 404 for a path that is no FHIR endpoint', async () => {
    const badId = await fetch(`${baseUrl}/Location/a_b`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(badId.status).toBe(400);
    expectOutcome((await badId.json()) as OperationOutcome, 'invalid', /Invalid Location id/);

    const nowhere = await fetch(`${baseUrl}/Location/${UNIT_ID}/extra/deep/path`);
    expect(nowhere.status).toBe(404);
    expect(nowhere.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
  });
});

describe('content negotiation', () => {
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${TOKEN}`, ...headers } });

  it('serves JSON for _format=json and Accept application/json or fhir+json', async () => {
    for (const response of [
      await get(`/Location/${UNIT_ID}?_format=json`),
      await get(`/Location/${UNIT_ID}`, { accept: 'application/json' }),
      await get(`/Location/${UNIT_ID}`, { accept: 'application/fhir+json;fhirVersion=4.0' }),
      await get('/metadata', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }),
    ]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    }
  });

  it('406 with an OperationOutcome for XML', async () => {
    for (const response of [
      await get(`/Location/${UNIT_ID}?_format=xml`),
      await get('/metadata', { accept: 'application/fhir+xml' }),
    ]) {
      expect(response.status).toBe(406);
      expectOutcome((await response.json()) as OperationOutcome, 'not-supported', /only produce/);
    }
  });
});
