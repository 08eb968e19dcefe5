/**
 * Subgraphs answer the gateway only, and one `_entities` batch cannot stop the hub (issue 12,
 * case 2; platform/subgraph-gate.ts, platform/entities.ts). Runs on the shared hub, whose
 * envelope key is the test hubs' (helpers/hub.ts).
 */
import { createHmac } from 'node:crypto';
import { describe, it, expect, inject } from 'vitest';
import WebSocket from 'ws';
import { envelopeHeader } from './helpers/envelope.js';
import { gql } from './helpers/graphql.js';
import type { Identity } from '../platform/auth/identity.js';
import { SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { ENVELOPE_ISSUER, envelopeKey, IDENTITY_HEADER, signIdentity } from '../platform/auth/internal-token.js';
import { TEST_INTERNAL_SECRET } from './helpers/hub.js';

const hub = inject('hubs').pglite!;
const subgraphs = hub.subgraphs as Record<'offer' | 'capacities' | 'tensions' | 'professionals', string>;

/** A user holding capacity and tension read rights on the whole region, as the gateway would forward them. */
const READER: Identity = {
  kind: 'user',
  subject: 'subgraph-gate-test',
  login: 'subgraph.gate',
  professionalId: 'P000001',
  grants: [{ rights: ['ORU_CAPACITE_DISPONIBLE_SHOW', 'ORU_ALERTE'], kind: 'TRANSVERSAL', id: null, reach: { organizations: [], establishments: [], units: [], professionals: [] } }],
};

const SELECTION = { capacities: '... on BedAvailability { id available }', tensions: '... on Tension { id }' };
const entities = (subgraph: keyof typeof SELECTION) => `query($r: [_Any!]!) { _entities(representations: $r) { __typename ${SELECTION[subgraph]} } }`;

type Entities = { _entities: Array<Record<string, unknown> | null> };

/** The hub is alive: every subgraph's /health answers and a federated query works. */
async function expectAlive() {
  for (const url of Object.values(subgraphs)) expect((await fetch(new URL('/health', url))).status).toBe(200);
  const answer = await gql<{ establishment: { name: string } }>(hub.graphql, `{ establishment(id: "180000010") { name } }`);
  expect(answer.data?.establishment.name).toBeTruthy();
}

describe('_entities batches with a bad representation (case 2)', () => {
  const batches = [
    { subgraph: 'capacities' as const, representations: [{ __typename: 'BedAvailability', id: '370004467:ADULT_ICU' }, { __typename: 'BedAvailability', id: 'does-not-exist-0' }] },
    { subgraph: 'tensions' as const, representations: [{ __typename: 'Tension', id: 'T0007' }, { __typename: 'NoSuchType' }] },
  ];

  for (const { subgraph, representations } of batches) {
    it(`${subgraph}: anonymous gets one clean error per entity, and the hub lives on`, async () => {
      const answer = await gql<Entities>(subgraphs[subgraph], entities(subgraph), { r: representations }, await envelopeHeader(subgraph));
      expect(answer.status).toBe(200);
      expect(answer.data?._entities).toEqual([null, null]);
      const codes = new Map(answer.errors!.map((e) => [String(e.path?.[1]), e.extensions?.code]));
      expect(codes.get("0"), JSON.stringify(answer.errors)).toBe('UNAUTHENTICATED');
      expect(codes.get("1")).toBe(subgraph === 'capacities' ? 'BAD_USER_INPUT' : 'BAD_USER_INPUT');
      expect(JSON.stringify(answer.errors)).not.toContain('INTERNAL_SERVER_ERROR');
      // An unhandled rejection would have stopped the process (and failed this test run) by now.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await expectAlive();
    });

    it(`${subgraph}: a reader gets the good entity and an error for the bad one`, async () => {
      const answer = await gql<Entities>(subgraphs[subgraph], entities(subgraph), { r: representations }, await envelopeHeader(subgraph, READER));
      expect(answer.data?._entities[0]).toMatchObject({ __typename: representations[0]!.__typename });
      expect(answer.data?._entities[1]).toBeNull();
      expect(answer.errors).toHaveLength(1);
      expect(answer.errors![0]!.path?.map(String)).toEqual(["_entities", "1"]);
      expect(answer.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
      await expectAlive();
    });
  }

  it('refuses malformed representations one by one, with their index', async () => {
    const answer = await gql<Entities>(subgraphs.capacities, entities('capacities'), { r: [1, { id: 'x' }, { __typename: 'Unit' }, { __typename: 'Query', id: 'x' }] }, await envelopeHeader('capacities', READER));
    expect(answer.data?._entities).toEqual([null, null, null, null]);
    expect(answer.errors!.map((e) => [e.path?.map(String), e.extensions?.code])).toEqual([0, 1, 2, 3].map((i) => [["_entities", String(i)], "BAD_USER_INPUT"]));
    expect(answer.errors![3]!.message).toContain('"Query", which is not an entity type');
  });

  it('refuses a key holding U+0000 as the caller\'s error, as the gateway does (never an SQL failure)', async () => {
    const answer = await gql<Entities>(subgraphs.tensions, entities('tensions'), { r: [{ __typename: 'Tension', id: 'a\u0000b' }] }, await envelopeHeader('tensions'));
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors![0]!.message).toContain('U+0000');
    await expectAlive();
  });
});

describe('subgraphs serve the gateway only', () => {
  const names = Object.keys(subgraphs) as Array<keyof typeof subgraphs>;

  it.each(names)('%s: no envelope, a forged or an expired one → 401 before the body is read', async (name) => {
    const url = subgraphs[name];
    // Not even JSON: a parser would answer 400; the gate answers first.
    const garbage = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' };
    const bare = await fetch(url, garbage);
    expect(bare.status).toBe(401);
    expect(((await bare.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    const forged = await fetch(url, { ...garbage, headers: { ...garbage.headers, [IDENTITY_HEADER]: await signIdentity({ kind: 'system', subject: 'gateway' }, 'another-secret-another-secret-another', name) } });
    expect(forged.status).toBe(401);
    const expired = await fetch(url, { ...garbage, headers: { ...garbage.headers, [IDENTITY_HEADER]: await signIdentity({ kind: 'anonymous' }, 'test-hub-internal-secret-0123456789abcdef', name, { now: Date.now() - 3_600_000 }) } });
    expect(expired.status).toBe(401);
    const weird = await fetch(url, { ...garbage, headers: { ...garbage.headers, [IDENTITY_HEADER]: 'é.é' } });
    expect(weird.status).toBe(401);
    // A GET query and an unknown path are refused alike.
    expect((await fetch(`${url}?query=${encodeURIComponent('{ __typename }')}`)).status).toBe(401);
    expect((await fetch(new URL('/no-such-route', url))).status).toBe(401);
    // With the envelope, the same subgraph answers.
    const ok = await gql<{ __typename: string }>(url, '{ __typename }', {}, await envelopeHeader(name));
    expect(ok.data?.__typename).toBe('Query');
  });

  it.each(names)('%s: with the envelope, a body that is not JSON is a 400 BAD_USER_INPUT (case 9)', async (name) => {
    const response = await fetch(subgraphs[name], { method: 'POST', headers: { 'content-type': 'application/json', ...(await envelopeHeader(name)) }, body: '{"query": "{ __typename }"' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0]!.message).toMatch(/not valid JSON/);
  });

  it.each(names)('%s: /health, /ready and /metrics stay open', async (name) => {
    for (const path of ['/health', '/ready', '/metrics']) expect((await fetch(new URL(path, subgraphs[name]))).status).toBe(200);
  });

  it('the WebSocket upgrade at /graphql without an envelope is refused with 401', async () => {
    const url = subgraphs.capacities.replace(/^http/, 'ws');
    const status = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(url, 'graphql-transport-ws');
      // The server ends the refused upgrade's connection itself (a client that keeps it open must
      // not hold the server's close): resolved once the socket is closed, not at the status.
      socket.on('unexpected-response', (_request, response) => response.socket.once('close', () => resolve(response.statusCode ?? 0)));
      socket.on('open', () => reject(new Error('the upgrade was accepted')));
      socket.on('error', reject);
    });
    expect(status).toBe(401);
  });

  it("the OpenID provider's routes keep their own authentication (reached without an envelope)", async () => {
    const discovery = await fetch(new URL('/oidc/.well-known/openid-configuration', subgraphs.professionals));
    expect(discovery.status).toBe(200);
    const jwks = await fetch(new URL('/oidc/jwks', subgraphs.professionals));
    expect(jwks.status).toBe(200);
  });

  it('the REST routes forwarded by the gateway need the envelope too', async () => {
    expect((await fetch(new URL('/feeds/capacities', subgraphs.capacities), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' })).status).toBe(401);
    expect((await fetch(new URL('/exports/capacities/2026-01-01.csv', subgraphs.capacities))).status).toBe(401);
    expect((await fetch(new URL('/imports/finess', subgraphs.offer), { method: 'POST', body: 'x' })).status).toBe(401);
    expect((await fetch(new URL('/imports/rpu', subgraphs.tensions), { method: 'POST', body: 'x' })).status).toBe(401);
  });

  it('the gateway still reaches every subgraph for anonymous callers (it signs an anonymous envelope)', async () => {
    const answer = await gql<{ units: { edges: Array<{ node: { name: string; capacity: null } }> } }>(
      hub.graphql,
      `{ units(filter: { establishmentId: "180000010" }, first: 1) { edges { node { name capacity { installedBeds } } } } }`,
    );
    expect(answer.data?.units.edges[0]?.node.name, JSON.stringify(answer)).toBeTruthy();
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED'); // the tensions subgraph's decision, not a refused call
  });
});

describe('the envelope is a JWT for one subgraph, signed by the gateway (D125)', () => {
  const SYSTEM: Identity = { kind: 'system', subject: 'gateway' };
  const key = envelopeKey(TEST_INTERNAL_SECRET);
  const nowS = () => Math.floor(Date.now() / 1000);
  /** A token with the envelope's claims for `capacities`, `change`d; signed with the envelope key unless told. */
  const forge = (change: JWTPayload, options: { alg?: string; key?: Uint8Array } = {}) =>
    new SignJWT({ identity: SYSTEM, iss: ENVELOPE_ISSUER, aud: 'capacities', iat: nowS(), exp: nowS() + 60, ...change })
      .setProtectedHeader({ alg: options.alg ?? 'HS256' })
      .sign(options.key ?? key);
  const ask = (envelope: string) => gql<{ __typename: string }>(subgraphs.capacities, '{ __typename }', {}, { [IDENTITY_HEADER]: envelope });
  const refused = async (envelope: string, message: RegExp) => {
    const answer = await ask(envelope);
    expect(answer.status).toBe(401);
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(answer.errors?.[0]?.message).toMatch(message);
  };

  it('a forged token with the right claims is accepted (the forging below is faithful)', async () => {
    expect((await ask(await forge({}))).data?.__typename).toBe('Query');
  });

  it('an envelope for another subgraph is refused: no replay from one subgraph to another', async () => {
    const forOffer = await signIdentity(SYSTEM, TEST_INTERNAL_SECRET, 'offer');
    expect((await gql(subgraphs.offer, '{ __typename }', {}, { [IDENTITY_HEADER]: forOffer })).status).toBe(200);
    await refused(forOffer, /not meant for this server/);
    await refused(await forge({ aud: ['offer', 'tensions'] }), /not meant for this server/);
  });

  it('refuses a wrong issuer, an expired token, and one without exp, iat or identity', async () => {
    await refused(await forge({ iss: 'someone-else' }), /not meant for this server/);
    await refused(await forge({ iat: nowS() - 3600, exp: nowS() - 3540 }), /expired/);
    await refused(await forge({ exp: undefined }), /not meant for this server/);
    await refused(await forge({ iat: undefined }), /not meant for this server/);
    await refused(await forge({ identity: undefined }), /not validly signed/);
    await refused(await forge({ identity: 'system' }), /not validly signed/);
  });

  it('refuses `alg: none`, another algorithm, the raw secret as key and the former HMAC format', async () => {
    const claims = { identity: SYSTEM, iss: ENVELOPE_ISSUER, aud: 'capacities', iat: nowS(), exp: nowS() + 60 };
    await refused(new UnsecuredJWT(claims).encode(), /not validly signed/);
    await refused(await forge({}, { alg: 'HS512' }), /not validly signed/);
    await refused(await forge({}, { key: new TextEncoder().encode(TEST_INTERNAL_SECRET) }), /not validly signed/);
    const payload = Buffer.from(JSON.stringify({ identity: SYSTEM, exp: nowS() + 60 })).toString('base64url');
    await refused(`${payload}.${createHmac('sha256', TEST_INTERNAL_SECRET).update(payload).digest('base64url')}`, /not validly signed/);
    await refused('a.b.c', /not validly signed/);
  });

  it('tolerates a few seconds of clock drift between processes', async () => {
    // Expired 2 s ago by this clock: within the 5 s tolerance.
    expect((await ask(await forge({ iat: nowS() - 62, exp: nowS() - 2 }))).data?.__typename).toBe('Query');
  });

  it('reuses an envelope per identity and subgraph while it is fresh', async () => {
    const first = await signIdentity(READER, TEST_INTERNAL_SECRET, 'capacities');
    expect(await signIdentity(READER, TEST_INTERNAL_SECRET, 'capacities')).toBe(first);
    expect(await signIdentity(READER, TEST_INTERNAL_SECRET, 'tensions')).not.toBe(first);
    expect(await signIdentity(SYSTEM, TEST_INTERNAL_SECRET, 'capacities')).not.toBe(first);
  });
});
