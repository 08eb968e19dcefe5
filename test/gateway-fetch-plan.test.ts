/**
 * What the gateway's throughput rests on besides in-flight deduplication (issue 16, decision D132 "plan cache, keep-alive, batching"),
 * checked through a real gateway in front of the shared hubs' subgraphs (every database kind):
 * - a query plan is built once per operation and reused (Apollo's plan cache, keyed by the
 *   operation's text and name), and another operation gets a plan of its own;
 * - entity fetches are batched: the three-subgraph query costs one fetch per subgraph however many
 *   units the establishment has (one `_entities` call carries every unit);
 * - subgraph connections are kept alive: sequential queries reuse one socket to the subgraph;
 * - persisted queries (APQ, docs/persisted-queries.md): the hash alone answers once the text was
 *   sent; an operation refused by the limits is never stored.
 */
import { createServer as createTcpServer, connect, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { QueryPlanner } from '@apollo/query-planner';
import type { SubgraphName } from '../platform/config.js';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { buildGateway, type Gateway } from '../gateway/app.js';
import { endToEndKinds, testEnv, TEST_INTERNAL_SECRET } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asUser } from './helpers/tokens.js';

const hubs = inject('hubs');
const THREE = 'query Three { establishment(id: "370004467") { name units { name capacity { availableBeds } } tensions { level } } }';
const ONE = 'query One { establishments(first: 2) { edges { node { id name } } } }';

/** A TCP relay in front of `target` that counts the connections it accepts. */
async function countingRelay(target: string): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  const upstream = new URL(target);
  let count = 0;
  const server: Server = createTcpServer((socket) => {
    count++;
    const peer = connect(Number(upstream.port), upstream.hostname);
    socket.pipe(peer).pipe(socket);
    socket.on('error', () => peer.destroy());
    peer.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname}`,
    connections: () => count,
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); }),
  };
}

/** Subgraph fetches the gateway made so far, by subgraph (its /metrics). */
async function fetchesBySubgraph(graphql: string): Promise<Record<string, number>> {
  const text = await (await fetch(new URL('/metrics', graphql))).text();
  const counts: Record<string, number> = {};
  for (const line of text.split('\n').filter((l) => l.startsWith('subgraph_fetch_duration_seconds_count{'))) {
    const name = /subgraph="([^"]+)"/.exec(line)?.[1] ?? '?';
    counts[name] = (counts[name] ?? 0) + Number(line.split(' ').at(-1));
  }
  return counts;
}

const diff = (after: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]).filter(([, v]) => v !== 0));

const apq = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } });

async function post(graphql: string, body: unknown, authorization?: string) {
  const response = await fetch(graphql, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify(body) });
  return { status: response.status, ...((await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> }) };
}

describe.each(endToEndKinds('pglite'))('gateway fetches and plans (%s)', (kind) => {
  let gateway: Gateway;
  let graphql: string;
  let relay: Awaited<ReturnType<typeof countingRelay>>;
  let ars: string;

  beforeAll(async () => {
    const hub = hubs[kind]!;
    relay = await countingRelay(hub.subgraphs.offer!);
    const config = loadConfig(testEnv({ ROR_PUBLIC_URL: hub.graphql.replace(/\/graphql$/, '') })); // the shared hub's tokens verify here
    gateway = await buildGateway({
      logger: createLogger('silent'),
      config,
      internalSecret: TEST_INTERNAL_SECRET,
      subgraphUrls: { ...(hub.subgraphs as Record<SubgraphName, string>), offer: relay.url },
    });
    await gateway.app.listen({ host: '127.0.0.1', port: 0 });
    graphql = `http://127.0.0.1:${(gateway.app.server.address() as AddressInfo).port}/graphql`;
    ars = await asUser(hub.graphql, 'admin.ars');
  });

  afterAll(async () => {
    await gateway?.app.close();
    await relay?.close();
  });

  it('plans an operation once and reuses the plan; another operation gets its own', async () => {
    const planner = vi.spyOn(QueryPlanner.prototype, 'buildQueryPlan');
    try {
      for (let i = 0; i < 3; i++) expect((await gql(graphql, THREE, {}, { authorization: ars })).errors).toBeUndefined();
      expect(planner).toHaveBeenCalledTimes(1);
      expect((await gql(graphql, ONE)).errors).toBeUndefined();
      expect((await gql(graphql, ONE)).errors).toBeUndefined();
      expect(planner).toHaveBeenCalledTimes(2);
    } finally {
      planner.mockRestore();
    }
  });

  it('fetches each subgraph once for the three-subgraph query, however many units', async () => {
    const before = await fetchesBySubgraph(graphql);
    const answer = await gql<{ establishment: { units: Array<{ capacity: unknown }> } }>(graphql, THREE, {}, { authorization: ars });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.establishment.units.filter((u) => u.capacity).length).toBeGreaterThan(5); // many entities, one batch
    expect(diff(await fetchesBySubgraph(graphql), before)).toEqual({ offer: 1, capacities: 1, tensions: 1 });
  });

  it('keeps its connection to a subgraph alive across requests', async () => {
    await gql(graphql, ONE); // opened, if not yet
    const opened = relay.connections();
    for (let i = 0; i < 5; i++) expect((await gql(graphql, ONE)).errors).toBeUndefined();
    expect(relay.connections()).toBe(opened);
  });

  it('answers a persisted query by its hash once its text was sent', async () => {
    const query = `{ establishments(first: 1) { edges { node { id } } } } # ${kind} ${Date.now()}`;
    const unknown = await post(graphql, { extensions: apq(query) });
    expect(unknown.status).toBe(200);
    expect(unknown.errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const registered = await post(graphql, { query, extensions: apq(query) });
    expect(registered.errors).toBeUndefined();
    const byHash = await post(graphql, { extensions: apq(query) });
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data).toEqual(registered.data);
  });

  it('refuses a text that does not match its hash, and never stores an operation the limits refuse', async () => {
    const mismatch = await post(graphql, { query: ONE, extensions: apq(`${ONE} # another text`) });
    expect(mismatch.status).toBe(400);
    const deep = `{ establishment(id: "370004467") { ${'organization { establishments { '.repeat(8)} id ${'} } '.repeat(8)} } } # ${kind}`; // depth 18 > 15
    const refused = await post(graphql, { query: deep, extensions: apq(deep) });
    expect(refused.errors?.length).toBeGreaterThan(0);
    expect(refused.data).toBeUndefined();
    const byHash = await post(graphql, { extensions: apq(deep) });
    expect(byHash.errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });
});
