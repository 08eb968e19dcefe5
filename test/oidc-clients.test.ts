/**
 * Trust-circle applications (SMART Backend Services): client credentials with a private_key_jwt
 * assertion, through the gateway's /oidc proxy. Tokens are JWTs for the hub API, verified here as
 * the gateway verifies them (jose, JWKS from discovery, issuer and audience).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createRemoteJWKSet, decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { DEMO_CLIENTS, demoPrivateJwk } from '../scripts/demo/clients.js';
import { discover, requestClientToken, signClientAssertion, type Discovery } from '../scripts/token.js';
import { clients } from '../subgraphs/professionals/tables.js';
import { databaseKinds } from './helpers/hub.js';
import { startOidcHub, type OidcHub } from './helpers/oidc.js';

const AUDIENCE = 'urn:ror-hub:api';

describe.each(databaseKinds())('OpenID provider, applications (%s)', (kind) => {
  let oidc: OidcHub;
  let discovery: Discovery;

  beforeAll(async () => {
    oidc = await startOidcHub(kind);
    discovery = await discover(oidc.base);
  });
  afterAll(() => oidc?.close());

  const assertion = (clientId: string, overrides: Partial<Parameters<typeof signClientAssertion>[0]> = {}) =>
    signClientAssertion({ clientId, key: demoPrivateJwk(clientId), audience: discovery.token_endpoint, ...overrides });

  async function expectInvalidClient(response: Response): Promise<void> {
    expect([400, 401]).toContain(response.status);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_client');
  }

  it('publishes a discovery document with the public issuer and SMART backend-services metadata', async () => {
    expect(discovery.issuer).toBe(oidc.issuer);
    const document = (await (await fetch(`${oidc.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(document).toMatchObject({
      token_endpoint: `${oidc.issuer}/token`,
      jwks_uri: `${oidc.issuer}/jwks`,
      authorization_endpoint: `${oidc.issuer}/auth`,
      grant_types_supported: expect.arrayContaining(['client_credentials', 'authorization_code']),
      token_endpoint_auth_methods_supported: expect.arrayContaining(['private_key_jwt']),
      token_endpoint_auth_signing_alg_values_supported: expect.arrayContaining(['RS384', 'ES384']),
      scopes_supported: expect.arrayContaining(['offer.read', 'capacity.read', 'bulk.export']),
      code_challenge_methods_supported: ['S256'],
    });
    // The root alias of the gateway serves the same document.
    expect(await (await fetch(`${oidc.base}/.well-known/openid-configuration`)).json()).toEqual(document);
  });

  it('publishes only public signing keys', async () => {
    const { keys } = (await (await fetch(discovery.jwks_uri)).json()) as { keys: Array<Record<string, unknown>> };
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).not.toHaveProperty('d');
  });

  it.each(DEMO_CLIENTS.map((c) => [c.clientId, c] as const))('issues a JWT access token to %s', async (clientId, demo) => {
    const response = await requestClientToken(discovery.token_endpoint, await assertion(clientId), demo.scopes.join(' '));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number; scope: string };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: demo.scopes.join(' ') });
    expect(decodeProtectedHeader(body.access_token)).toMatchObject({ typ: 'at+jwt', alg: 'RS256' });
    const { payload } = await jwtVerify(body.access_token, createRemoteJWKSet(new URL(discovery.jwks_uri)), { issuer: oidc.issuer, audience: AUDIENCE });
    expect(payload).toMatchObject({ sub: clientId, client_id: clientId, scope: demo.scopes.join(' '), ror_access_level: demo.accessLevel, ror_client_name: demo.name });
    expect(payload.exp! - payload.iat!).toBe(900);
  });

  it('defaults the resource to the hub API and grants only the scopes asked for', async () => {
    const response = await requestClientToken(discovery.token_endpoint, await assertion('place-search'), 'capacity.read');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { scope: string }).scope).toBe('capacity.read');
  });

  it('refuses a scope the application is not registered for', async () => {
    const response = await requestClientToken(discovery.token_endpoint, await assertion('sante-fr-directory'), 'offer.read capacity.read');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_scope');
  });

  it('refuses an assertion signed with another key', async () => {
    const { privateKey } = await generateKeyPair('ES384', { extractable: true });
    const other = { ...(await exportJWK(privateKey)), alg: 'ES384', kid: demoPrivateJwk('place-search').kid };
    await expectInvalidClient(await requestClientToken(discovery.token_endpoint, await assertion('place-search', { key: other }), 'offer.read'));
  });

  it('refuses an assertion for another audience', async () => {
    const response = await requestClientToken(discovery.token_endpoint, await assertion('place-search', { audience: 'https://elsewhere.example/token' }), 'offer.read');
    await expectInvalidClient(response);
  });

  it('refuses an expired assertion', async () => {
    const expiresAt = Math.floor(Date.now() / 1000) - 120; // beyond the provider's 15 s clock tolerance
    await expectInvalidClient(await requestClientToken(discovery.token_endpoint, await assertion('place-search', { expiresAt }), 'offer.read'));
  });

  it('refuses a replayed assertion (one-time jti)', async () => {
    const once = await assertion('national-aggregator', { jti: randomUUID() });
    expect((await requestClientToken(discovery.token_endpoint, once, 'offer.read')).status).toBe(200);
    await expectInvalidClient(await requestClientToken(discovery.token_endpoint, once, 'offer.read'));
  });

  it('refuses concurrent uses of one assertion but one', async () => {
    const once = await assertion('national-aggregator', { jti: randomUUID() });
    const statuses = await Promise.all([1, 2, 3, 4].map(async () => (await requestClientToken(discovery.token_endpoint, once, 'offer.read')).status));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  });

  it('refuses an unknown client', async () => {
    const forged = await signClientAssertion({ clientId: 'not-registered', key: demoPrivateJwk('place-search'), audience: discovery.token_endpoint });
    await expectInvalidClient(await requestClientToken(discovery.token_endpoint, forged, 'offer.read'));
  });

  it('refuses a disabled client at once', async () => {
    await oidc.hub.db.orm.update(clients).set({ enabled: false }).where(eq(clients.clientId, 'sante-fr-directory'));
    try {
      await expectInvalidClient(await requestClientToken(discovery.token_endpoint, await assertion('sante-fr-directory'), 'offer.read'));
    } finally {
      await oidc.hub.db.orm.update(clients).set({ enabled: true }).where(eq(clients.clientId, 'sante-fr-directory'));
    }
  });

  it("is served by the hub's own gateway too, once it registers the /oidc proxy", async (ctx) => {
    const gateway = new URL(oidc.hub.urls.graphql).origin;
    const response = await fetch(`${gateway}/oidc/.well-known/openid-configuration`);
    ctx.skip(response.status === 404, 'gateway/app.ts does not register oidcProxy yet');
    const document = (await response.json()) as Discovery;
    expect(document.issuer).toBe(oidc.issuer);
    const token = await requestClientToken(`${gateway}/oidc/token`, await assertion('place-search', { audience: oidc.issuer }), 'offer.read');
    expect(token.status).toBe(200);
  });

  it('accepts the issuer as assertion audience, and the subgraph answers directly with the same issuer', async () => {
    const direct = await discover(oidc.subgraph);
    expect(direct.issuer).toBe(oidc.issuer);
    const response = await requestClientToken(direct.token_endpoint, await assertion('place-search', { audience: oidc.issuer }), 'offer.read');
    expect(response.status).toBe(200);
  });
});
