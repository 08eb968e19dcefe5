/**
 * In-flight deduplication through a real gateway and the shared hub's real subgraphs
 * (gateway/shared-fetches.ts, ROR_GATEWAY_DEDUP). The gateway reaches `offer` through a proxy
 * that counts and holds the probe operations until the test releases them, so the fetches
 * overlap without any timing: it waits until every client's fetch has either reached the
 * subgraph or been counted as shared by the gateway's /metrics.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SubgraphName } from '../platform/config.js';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { buildGateway, type Gateway } from '../gateway/app.js';
import { testEnv, TEST_INTERNAL_SECRET } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asUser } from './helpers/tokens.js';

const hub = inject('hubs').pglite!;
const MARK = 'DedupProbe';
const QUERY = `query ${MARK} { establishments(first: 3) { edges { node { id name } } } }`;
const MUTATION = `mutation ${MARK}Rename { renamePole(id: "no-such-pole", name: "x") { id } }`;

interface Held {
  body: string;
  /** Sends the request on to the real subgraph, or answers it with a failure. */
  release(fail?: boolean): Promise<void>;
}

/** A proxy in front of `target` holding the requests whose body names the probe operations. */
async function holdingProxy(target: string) {
  const held: Held[] = [];
  const forward = async (request: IncomingMessage, body: string, response: ServerResponse) => {
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([k, v]) => typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k))) as Record<string, string>;
    const answer = await fetch(target, { method: request.method ?? 'POST', headers, body });
    response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    response.end(Buffer.from(await answer.arrayBuffer()));
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      if (!body.includes(MARK)) return void forward(request, body, response);
      held.push({
        body,
        release: async (fail = false) => {
          if (!fail) return forward(request, body, response);
          response.writeHead(503, { 'content-type': 'text/plain' });
          response.end('offer is down');
        },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, held, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let proxy: Awaited<ReturnType<typeof holdingProxy>>;
let gateway: Gateway;
let graphql: string;
let tokens: Record<string, string>;

async function sharedCount(): Promise<number> {
  const text = await (await fetch(new URL('/metrics', graphql))).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('subgraph_fetches_shared_total{') && line.includes('source="query"'))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

/** Sends `n` operations at once, waits until each reached the subgraph or was shared, then releases the held ones. */
async function concurrently(requests: Array<{ query: string; auth: string }>, fail = false) {
  proxy.held.length = 0;
  const sharedBefore = await sharedCount();
  const answers = Promise.all(requests.map(({ query, auth }) => gql(graphql, query, {}, { authorization: auth })));
  for (;;) {
    const shared = (await sharedCount()) - sharedBefore;
    if (proxy.held.length + shared >= requests.length) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const sent = proxy.held.length;
  await Promise.all(proxy.held.map((h) => h.release(fail)));
  return { sent, answers: await answers };
}

beforeAll(async () => {
  proxy = await holdingProxy(hub.subgraphs.offer!);
  // The shared hub's public URL: its embedded provider's tokens verify here too.
  const config = loadConfig(testEnv({ ROR_PUBLIC_URL: hub.graphql.replace(/\/graphql$/, '') }));
  gateway = await buildGateway({
    logger: createLogger('silent'),
    config,
    internalSecret: TEST_INTERNAL_SECRET,
    subgraphUrls: { ...(hub.subgraphs as Record<SubgraphName, string>), offer: proxy.url },
  });
  await gateway.app.listen({ host: '127.0.0.1', port: 0 });
  graphql = `http://127.0.0.1:${(gateway.app.server.address() as AddressInfo).port}/graphql`;
  const [ars, tours] = await Promise.all([asUser(hub.graphql, 'admin.ars'), asUser(hub.graphql, 'ref.uo.tours')]);
  tokens = { ars, tours };
});

afterAll(async () => {
  await gateway?.app.close();
  await proxy?.close();
});

describe('in-flight deduplication through a running gateway', () => {
  it('identical concurrent queries of one user cause one subgraph request, and each gets the full answer', async () => {
    const { sent, answers } = await concurrently([1, 2, 3].map(() => ({ query: QUERY, auth: tokens.ars! })));
    expect(sent).toBe(1);
    for (const answer of answers) {
      expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
      expect(answer).toEqual(answers[0]);
    }
    expect((answers[0]!.data as { establishments: { edges: unknown[] } }).establishments.edges).toHaveLength(3);
  });

  it('two users: two requests, never one answer for both', async () => {
    const { sent, answers } = await concurrently([{ query: QUERY, auth: tokens.ars! }, { query: QUERY, auth: tokens.tours! }]);
    expect(sent).toBe(2);
    for (const answer of answers) expect(answer.errors).toBeUndefined();
  });

  it('a mutation is never shared', async () => {
    const { sent, answers } = await concurrently([1, 2].map(() => ({ query: MUTATION, auth: tokens.ars! })));
    expect(sent).toBe(2);
    for (const answer of answers) expect(answer.errors?.length).toBeGreaterThan(0); // no such pole
  });

  it('a failing subgraph request answers every sharer as it answers a caller alone', async () => {
    const errorsOf = (answer: { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }) =>
      answer.errors?.map((e) => [e.message.replace(/\(id [^)]+\)/, '(id …)'), e.extensions?.code]); // each request its own log id
    const alone = await concurrently([{ query: QUERY, auth: tokens.ars! }], true);
    expect(alone.sent).toBe(1);
    expect(alone.answers[0]!.errors?.length).toBeGreaterThan(0);
    const { sent, answers } = await concurrently([1, 2, 3].map(() => ({ query: QUERY, auth: tokens.ars! })), true);
    expect(sent).toBe(1);
    for (const answer of answers) {
      expect(answer.status).toBe(alone.answers[0]!.status);
      expect(errorsOf(answer)).toEqual(errorsOf(alone.answers[0]!));
    }
  });
});
