/**
 * Issue 12 case 7: a hung subgraph (accepts connections, never answers, as a SIGSTOPped process
 * does) costs callers the configured time limit, then a clear error: GraphQL SERVICE_UNAVAILABLE,
 * FHIR 503 OperationOutcome `timeout`; the same for the gateway's identity lookups and for
 * subgraph→subgraph calls. A second gateway (the production builder, with the FHIR adapter) runs
 * next to a real hub, its offer subgraph replaced by the hung server.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { HubError } from '../platform/errors.js';
import { createSubgraphClient } from '../platform/subgraph-client.js';
import { buildGateway, type Gateway } from '../gateway/app.js';
import fhirPlugin from '../fhir/plugin.js';
import { startTestHub, testEnv, type TestHub } from './helpers/hub.js';
import { asUser } from './helpers/tokens.js';

const SECRET = 'test-secret-of-the-timeouts-suite-0123456789abcdef';
const TIMEOUTS = { ROR_SUBGRAPH_TIMEOUT_MS: '400', ROR_IDENTITY_TIMEOUT_MS: '300' };
/** Far above the limits: reaching it means the hub hung (the failure on main), not a slow answer. */
const CLIENT_GUARD_MS = 8_000;

let hub: TestHub;
let hung: Server;
let hungUrl: string;
const sockets: Socket[] = [];
let gateway: Gateway;
let base: string;

beforeAll(async () => {
  hung = createServer((socket) => sockets.push(socket)); // accepts, reads nothing, answers nothing
  await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
  hungUrl = `http://127.0.0.1:${(hung.address() as AddressInfo).port}/graphql`;
  hub = await startTestHub('pglite', { ROR_INTERNAL_SECRET: SECRET, ...TIMEOUTS });
  // The hub's port: its issuer (the embedded provider's) is the one this gateway trusts.
  const config = loadConfig(testEnv({ PORT: new URL(hub.urls.graphql).port, ROR_INTERNAL_SECRET: SECRET, ...TIMEOUTS }));
  gateway = await buildGateway({
    logger: createLogger('silent'),
    config,
    internalSecret: SECRET,
    subgraphUrls: { ...hub.urls.subgraphs, offer: hungUrl },
  });
  await gateway.app.register(fhirPlugin, { prefix: '/fhir', execute: gateway.execute, runtime: { principalOf: gateway.principalOf, db: hub.db, feed: hub.feed, config } });
  await gateway.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(gateway.app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  // The hung server goes first: a gateway closing while one of its requests still waits on it
  // waits with it (two CI runs spent 60 s in this hook; alone it never did).
  const hungClosed = new Promise((resolve) => (hung ? hung.close(resolve) : resolve(undefined)));
  for (const socket of sockets) socket.destroy();
  await gateway?.app.close();
  await hungClosed;
  await hub?.close();
});

const guarded = () => ({ signal: AbortSignal.timeout(CLIENT_GUARD_MS) });

async function graphql(query: string, authorization?: string) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(CLIENT_GUARD_MS),
  });
  return (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

describe('a hung subgraph', () => {
  it('gives a GraphQL caller SERVICE_UNAVAILABLE, not a hang', async () => {
    const body = await graphql('{ establishment(id: "450002613") { name } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(body.errors?.[0]?.message).toMatch(/did not answer within 400 ms/);
    expect(JSON.stringify(body)).not.toContain(hungUrl); // no internal address
  });

  it('gives a FHIR caller a 503 OperationOutcome (timeout)', async () => {
    const response = await fetch(`${base}/fhir/Organization/450002613`, guarded());
    expect(response.status).toBe(503);
    const outcome = (await response.json()) as { resourceType: string; issue: Array<{ code: string; diagnostics: string }> };
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue[0]).toMatchObject({ code: 'timeout' });
  });

  it('bounds the identity lookups too (a user whose perimeter is read from the offer subgraph)', async () => {
    const token = await asUser(hub.urls.graphql, 'ref.etab.orleans'); // issued by the healthy hub
    const body = await graphql('{ capacitySynthesis(groupBy: [REGION]) { totals { units } } }', token);
    expect(body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(body.errors?.[0]?.message).toMatch(/within 300 ms/);
  });

  it('bounds subgraph→subgraph calls (the platform client every subgraph uses)', async () => {
    const config = loadConfig(testEnv({ OFFER_URL: hungUrl, ROR_SUBGRAPH_TIMEOUT_MS: '250' }));
    const client = createSubgraphClient(config, SECRET);
    const error = await client.query('offer', '{ __typename }').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubError);
    expect((error as HubError).extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', timeoutMs: 250 });
  });

  it('bounds the /oidc proxy to a hung provider (504)', async () => {
    const config = loadConfig(testEnv({ PORT: new URL(hub.urls.graphql).port, ROR_INTERNAL_SECRET: SECRET, ...TIMEOUTS }));
    const other = await buildGateway({ logger: createLogger('silent'), config, internalSecret: SECRET, subgraphUrls: { ...hub.urls.subgraphs, professionals: hungUrl } });
    try {
      await other.app.listen({ host: '127.0.0.1', port: 0 });
      const port = (other.app.server.address() as AddressInfo).port;
      const response = await fetch(`http://127.0.0.1:${port}/oidc/.well-known/openid-configuration`, guarded());
      expect(response.status).toBe(504);
    } finally {
      await other.app.close();
    }
  });

  it('leaves the healthy gateway of the same hub answering', async () => {
    const response = await fetch(`${hub.urls.fhir}/Organization/450002613`, guarded());
    expect(response.status).toBe(200);
  });
});
