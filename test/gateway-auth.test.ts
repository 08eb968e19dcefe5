/**
 * Token verification at the gateway and the deny-by-default reads behind it, with tokens from an
 * external issuer (a real HTTP issuer on loopback): what anonymous callers, applications of each
 * access level and forged or broken tokens get.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestHub, type TestHub } from './helpers/hub.js';
import { startTestIssuer, type TestIssuer } from './helpers/test-issuer.js';
import { gql } from './helpers/graphql.js';
import { sql } from 'drizzle-orm';
import { IDENTITY_HEADER, signIdentity } from '../platform/auth/internal-token.js';
import type { Principal } from '../platform/executor.js';

const SECRET = 'test-secret-of-the-gateway-auth-suite-0123456789';
let issuer: TestIssuer;
let hub: TestHub;
let sensitiveUnit: string;
let unit: string;

const UNIT_QUERY = `query($id: ID!) { unit(id: $id) { id capacity { installedBeds availableBeds } } }`;

async function asClient(scope: string, accessLevel: number) {
  return `Bearer ${await issuer.mint({ client_id: 'test-app', scope, ror_access_level: accessLevel })}`;
}

beforeAll(async () => {
  issuer = await startTestIssuer();
  hub = await startTestHub('pglite', { ROR_OIDC_DISCOVERY_URL: issuer.discoveryUrl, ROR_INTERNAL_SECRET: SECRET });
  const all = await gql<{ units: { edges: Array<{ node: { id: string; kind: string } }> } }>(
    hub.urls.graphql,
    `{ units(filter: { discipline: PSYCHIATRY }, first: 200) { edges { node { id } } } }`,
    {},
    { authorization: await asClient('offer.read', 1) },
  );
  const visibleToPublic = await gql<{ units: { edges: Array<{ node: { id: string } }> } }>(
    hub.urls.graphql,
    `{ units(filter: { discipline: PSYCHIATRY }, first: 200) { edges { node { id } } } }`,
  );
  const publicIds = new Set(visibleToPublic.data!.units.edges.map((e) => e.node.id));
  sensitiveUnit = all.data!.units.edges.map((e) => e.node.id).find((id) => !publicIds.has(id))!;
  unit = [...publicIds][0]!;
});

afterAll(async () => {
  await hub?.close();
  await issuer?.close();
});

describe('anonymous callers', () => {
  it('read the public directory but not capacities, tensions nor professionals', async () => {
    const res = await gql<{ unit: { id: string; capacity: null } }>(hub.urls.graphql, UNIT_QUERY, { id: unit });
    expect(res.data!.unit.id).toBe(unit);
    expect(res.data!.unit.capacity).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const tensions = await gql(hub.urls.graphql, `{ establishment(id: "180000010") { name tensions { id } } }`);
    expect(tensions.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('never see a sensitive unit, not even by id', async () => {
    expect(sensitiveUnit).toBeDefined();
    const res = await gql<{ unit: null }>(hub.urls.graphql, `query($id: ID!) { unit(id: $id) { id } }`, { id: sensitiveUnit });
    expect(res.data!.unit).toBeNull();
  });
});

describe('applications', () => {
  it('read capacities with the capacity.read scope', async () => {
    const res = await gql<{ unit: { capacity: { installedBeds: number } } }>(hub.urls.graphql, UNIT_QUERY, { id: unit }, { authorization: await asClient('offer.read capacity.read', 2) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.unit.capacity.installedBeds).toBeGreaterThan(0);
  });

  it('are refused capacities without the scope, with a message naming it', async () => {
    const res = await gql(hub.urls.graphql, UNIT_QUERY, { id: unit }, { authorization: await asClient('offer.read', 2) });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0]?.message).toBe('Missing scope capacity.read for this application.');
  });

  it('see sensitive units at access profile 1 only', async () => {
    for (const [level, visible] of [[1, true], [0, false], [2, false], [3, false]] as const) {
      const res = await gql<{ unit: { id: string } | null }>(hub.urls.graphql, `query($id: ID!) { unit(id: $id) { id } }`, { id: sensitiveUnit }, { authorization: await asClient('offer.read', level) });
      expect(res.data!.unit !== null, `profile ${level}`).toBe(visible);
    }
  });
});

describe('broken tokens are refused with 401 UNAUTHENTICATED', () => {
  const cases: Array<[string, () => Promise<string>, RegExp]> = [
    ['not a bearer token', async () => 'Basic dXNlcjpwYXNz', /must be "Bearer <access token>"/],
    ['garbage', async () => 'Bearer not.a.jwt', /not a valid signed token/],
    ['signed by another key', async () => `Bearer ${await issuer.mint({ client_id: 'x', scope: 'capacity.read', ror_access_level: 1 }, { foreignKey: true })}`, /signature is invalid/],
    ['for another audience', async () => `Bearer ${await issuer.mint({ client_id: 'x', scope: 'capacity.read', ror_access_level: 1 }, { audience: 'urn:other:api' })}`, /"aud" claim/],
    ['expired', async () => `Bearer ${await issuer.mint({ client_id: 'x', scope: 'capacity.read', ror_access_level: 1 }, { expiresIn: Math.floor(Date.now() / 1000) - 60 })}`, /expired/],
  ];
  it.each(cases)('%s', async (_name, authorization, message) => {
    const response = await fetch(hub.urls.graphql, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await authorization() },
      body: JSON.stringify({ query: '{ establishments(first: 1) { totalCount } }' }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0]!.message).toMatch(message);
  });

  it('and the FHIR entry point answers 401 with an OperationOutcome', async () => {
    const response = await fetch(`${hub.urls.fhir}/Organization/180000010`, { headers: { authorization: 'Bearer not.a.jwt' } });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { resourceType: string }).resourceType).toBe('OperationOutcome');
  });
});

describe('subgraphs trust only the gateway envelope', () => {
  it('refuse a forged envelope and a missing one (they answer the gateway only)', async () => {
    const url = hub.urls.subgraphs.capacities;
    const body = JSON.stringify({ query: `{ _entities(representations: [{ __typename: "Unit", id: "${unit}" }]) { ... on Unit { capacity { installedBeds } } } }` });
    const forged = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: await signIdentity({ kind: 'system', subject: 'gateway' }, 'another-secret-another-secret-another', 'capacities') }, body });
    expect(forged.status).toBe(401);
    const bareResponse = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(bareResponse.status).toBe(401);
    const bare = (await bareResponse.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(bare.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    const genuine = (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: await signIdentity({ kind: 'system', subject: 'gateway' }, SECRET, 'capacities') }, body })).json()) as { data: { _entities: Array<{ capacity: { installedBeds: number } }> } };
    expect(genuine.data._entities[0]!.capacity.installedBeds).toBeGreaterThan(0);
  });
});

describe('stored principals (work done later for a caller, platform/executor.ts)', () => {
  const run = (principal: Principal) => hub.gateway.execute<{ unit: { id: string; capacity: { installedBeds: number } | null } | null }>(
    { query: UNIT_QUERY, variables: { id: unit } },
    { principal },
  );

  it('stand for the application or the anonymous caller of a token', async () => {
    expect(await hub.gateway.principalOf(await asClient('offer.read capacity.read', 2))).toEqual({
      kind: 'client',
      clientId: 'test-app',
      scopes: ['offer.read', 'capacity.read'],
    });
    expect(await hub.gateway.principalOf(undefined)).toBeNull();
    await expect(hub.gateway.principalOf('Bearer not.a.jwt')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it("act with the application's current registration: scopes it still holds, refused once unknown or disabled", async () => {
    const allowed = await run({ kind: 'client', clientId: 'place-search', scopes: ['offer.read', 'capacity.read'] });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.unit!.capacity!.installedBeds).toBeGreaterThan(0);

    // The directory is registered without capacity.read: a stored scope it lost is not honoured.
    const narrowed = await run({ kind: 'client', clientId: 'sante-fr-directory', scopes: ['offer.read', 'capacity.read'] });
    expect(narrowed.data!.unit!.id).toBe(unit);
    expect(narrowed.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);

    const unknown = await run({ kind: 'client', clientId: 'test-app', scopes: ['offer.read'] });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    await hub.db.rows(sql`update professionals.client set enabled = false where client_id = 'place-search'`);
    try {
      // Another scope list: a principal not resolved yet (resolutions are cached 30 s, like tokens).
      const disabled = await run({ kind: 'client', clientId: 'place-search', scopes: ['capacity.read'] });
      expect(disabled.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await hub.db.rows(sql`update professionals.client set enabled = true where client_id = 'place-search'`);
    }
  });
});
