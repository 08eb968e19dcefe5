/**
 * The trust circle through the API (issue 18, docs/identity.md § Trust-circle applications): the
 * regional team lists the applications and registers a new one with a GraphQL mutation, and the
 * new application then gets a token with its own key and reads the hub — all over HTTP, through
 * the gateway, with real tokens. Everyone else is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import type { JWK } from 'jose';
import { requestClientToken, signClientAssertion } from '../scripts/token.js';
import { endToEndKinds } from './helpers/hub.js';
import { sharedHub, type SharedHub } from './helpers/shared-hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';

const LIST = '{ applications { clientId name scopes accessLevel writeEstablishments enabled keys createdAt } }';
const REGISTER = `mutation($input: RegisterApplicationInput!) {
  registerApplication(input: $input) { clientId name scopes accessLevel writeEstablishments enabled keys }
}`;

function ecKey(kid: string): { publicJwk: JWK; privateJwk: JWK } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { publicJwk: { ...(publicKey.export({ format: 'jwk' }) as JWK), kid, alg: 'ES256' }, privateJwk: { ...(privateKey.export({ format: 'jwk' }) as JWK), kid, alg: 'ES256' } };
}

const codeOf = (res: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;

describe.each(endToEndKinds('postgres'))('trust-circle applications through the API (%s)', (kind) => {
  let hub: SharedHub;
  let url: string;
  let admin: Record<string, string>;
  const key = ecKey('sih-1');
  const input = (over: Record<string, unknown> = {}) => ({
    clientId: 'sih-tours',
    name: 'SIH du CHRU de Tours',
    scopes: ['offer.read', 'capacity.read'],
    accessLevel: 2,
    jwks: JSON.stringify({ keys: [key.publicJwk] }),
    ...over,
  });

  beforeAll(async () => {
    hub = sharedHub(kind); // writes only its own application (sih-tours): the run's hub
    url = hub.urls.graphql;
    admin = { authorization: await asUser(url, 'admin.ars') };
  });
  afterAll(() => hub?.close());

  it('lists the registered applications for the regional team, never a key', async () => {
    const res = await gql<{ applications: Array<{ clientId: string; scopes: string[]; keys: string }> }>(url, LIST, {}, admin);
    expect(res.errors).toBeUndefined();
    const ids = res.data!.applications.map((a) => a.clientId);
    expect(ids).toEqual(expect.arrayContaining(['bed-manager-chateauroux', 'national-aggregator', 'place-search', 'sante-fr-directory']));
    expect(ids).toEqual([...ids].sort());
    const aggregator = res.data!.applications.find((a) => a.clientId === 'national-aggregator')!;
    expect(aggregator).toMatchObject({ scopes: expect.arrayContaining(['bulk.export']), accessLevel: 1, enabled: true });
    expect(JSON.stringify(res.data)).not.toMatch(/"(x|y|n|e|d)":/);
  });

  it('refuses the list and the registration to anyone else', async () => {
    const referent = { authorization: await asUser(url, 'ref.etab.orleans') };
    const app = { authorization: await asApp(url, 'national-aggregator') };
    for (const query of [LIST]) {
      expect(codeOf(await gql(url, query))).toBe('UNAUTHENTICATED');
      const forbidden = await gql(url, query, {}, referent);
      expect(codeOf(forbidden)).toBe('FORBIDDEN');
      expect(forbidden.errors![0]!.message).toMatch(/OuruRorCredentials_adminRoles/);
      expect(codeOf(await gql(url, query, {}, app))).toBe('FORBIDDEN');
    }
    expect(codeOf(await gql(url, REGISTER, { input: input({ clientId: 'not-by-referent' }) }, referent))).toBe('FORBIDDEN');
    expect(codeOf(await gql(url, REGISTER, { input: input({ clientId: 'not-by-anonymous' }) }))).toBe('UNAUTHENTICATED');
    const after = await gql<{ applications: Array<{ clientId: string }> }>(url, LIST, {}, admin);
    expect(after.data!.applications.map((a) => a.clientId)).not.toContain('not-by-referent');
  });

  it('refuses bad registrations with BAD_USER_INPUT naming the argument, writing nothing', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ clientId: 'ror-mine' }, 'clientId'],
      [{ scopes: ['offer.read', 'everything'] }, 'scopes'],
      [{ accessLevel: 7 }, 'accessLevel'],
      [{ jwks: '{not json' }, 'input.jwks'],
      [{ jwks: JSON.stringify({ keys: [key.privateJwk] }) }, 'jwks'],
      [{ jwks: null }, 'input.jwks'],
      [{ jwksUri: 'http://keys.example.org/jwks.json', jwks: null }, 'jwksUri'],
      [{ writeEstablishments: ['450002613'] }, 'writeEstablishments'],
    ];
    for (const [over, argument] of cases) {
      const res = await gql(url, REGISTER, { input: input({ clientId: 'bad-one', ...over }) }, admin);
      expect(codeOf(res), JSON.stringify(over)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.extensions!.argumentName, JSON.stringify(over)).toBe(argument);
    }
    const list = await gql<{ applications: Array<{ clientId: string }> }>(url, LIST, {}, admin);
    expect(list.data!.applications.map((a) => a.clientId)).not.toContain('bad-one');
  });

  it('registers an application that then gets a token with its own key and reads the hub', async () => {
    const res = await gql<{ registerApplication: Record<string, unknown> }>(url, REGISTER, { input: input() }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data!.registerApplication).toEqual({
      clientId: 'sih-tours',
      name: 'SIH du CHRU de Tours',
      scopes: ['offer.read', 'capacity.read'],
      accessLevel: 2,
      writeEstablishments: null,
      enabled: true,
      keys: 'sih-1',
    });
    expect(codeOf(await gql(url, REGISTER, { input: input() }, admin))).toBe('CONFLICT');

    const discovery = (await (await fetch(url.replace(/\/graphql$/, '/oidc/.well-known/openid-configuration'))).json()) as { token_endpoint: string };
    const assertion = await signClientAssertion({ clientId: 'sih-tours', key: key.privateJwk, audience: discovery.token_endpoint });
    const token = await requestClientToken(discovery.token_endpoint, assertion, 'offer.read capacity.read');
    expect(token.status).toBe(200);
    const { access_token } = (await token.json()) as { access_token: string };
    const read = await gql<{ units: { edges: Array<{ node: { capacity: { installedBeds: number } | null } }> } }>(
      url,
      '{ units(filter: { establishmentId: "370004467" }, first: 3) { edges { node { capacity { installedBeds } } } } }',
      {},
      { authorization: `Bearer ${access_token}` },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.units.edges.some((e) => e.node.capacity !== null)).toBe(true);
    // Not registered for tension.read: the provider refuses the scope.
    const wider = await requestClientToken(discovery.token_endpoint, await signClientAssertion({ clientId: 'sih-tours', key: key.privateJwk, audience: discovery.token_endpoint }), 'tension.read');
    expect(wider.status).toBe(400);

    const list = await gql<{ applications: Array<{ clientId: string }> }>(url, LIST, {}, admin);
    expect(list.data!.applications.map((a) => a.clientId)).toContain('sih-tours');
  });
});
