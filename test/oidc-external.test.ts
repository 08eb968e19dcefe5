/**
 * With an external issuer (ROR_OIDC_DISCOVERY_URL), the embedded provider is not mounted: the hub
 * must not issue tokens of its own that the gateway would not accept anyway.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { startTestHub, type TestHub } from './helpers/hub.js';
import { envelopeHeader } from './helpers/envelope.js';

// Mounting does not depend on the database: PGlite only.
describe('external OpenID issuer', () => {
  let idp: FastifyInstance;
  let hub: TestHub;

  beforeAll(async () => {
    idp = Fastify();
    idp.get('/.well-known/openid-configuration', async () => ({ issuer: 'https://idp.example/realms/ror', jwks_uri: 'https://idp.example/realms/ror/certs' }));
    await idp.listen({ host: '127.0.0.1', port: 0 });
    const { port } = idp.server.address() as AddressInfo;
    hub = await startTestHub('pglite', { ROR_SEED_DEMO: 'false', ROR_OIDC_DISCOVERY_URL: `http://127.0.0.1:${port}/.well-known/openid-configuration` });
  });
  afterAll(async () => {
    await hub?.close();
    await idp?.close();
  });

  it('does not mount the embedded provider', async () => {
    const origin = new URL(hub.urls.subgraphs.professionals).origin;
    // No /oidc route: the subgraph answers like any unknown path, 401 without an envelope, 404 with one.
    expect((await fetch(`${origin}/oidc/.well-known/openid-configuration`)).status).toBe(401);
    expect((await fetch(`${origin}/oidc/.well-known/openid-configuration`, { headers: await envelopeHeader('professionals') })).status).toBe(404);
    expect((await fetch(`${origin}/oidc/token`, { method: 'POST', headers: await envelopeHeader('professionals') })).status).toBe(404);
  });
});
