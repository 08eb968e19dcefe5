/**
 * Issue 12, case 1: GraphQL limits where GraphQL is parsed (docs/errors.md § Limits). The
 * documents that exhausted or blocked the hub are refused with GRAPHQL_VALIDATION_FAILED naming
 * the limit, before any resolver runs, on the gateway (HTTP, graphql-ws, the FHIR adapter's
 * in-process executor) and on a subgraph; /health keeps answering; the hub's own big operations
 * (an `_entities` batch of thousands) still pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import { startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp } from './helpers/tokens.js';
import { IDENTITY_HEADER, signIdentity } from '../platform/auth/internal-token.js';
import { DEFAULT_GRAPHQL_LIMITS as LIMITS, subgraphLimits } from '../platform/graphql-limits.js';

const SECRET = 'limits-test-secret-limits-test-secret-0123';
const ESTABLISHMENT = '180000358'; // CH Bourges, with several units

/** `{ establishment { units { id establishment { units { … } } } } }` with `levels` units levels: depth 2 × levels + 1. */
function nested(levels: number): string {
  let inner = 'units { id }';
  for (let i = 1; i < levels; i++) inner = `units { id establishment { ${inner} } }`;
  return `{ establishment(id: "${ESTABLISHMENT}") { ${inner} } }`;
}

const aliased = (n: number, field: (i: number) => string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field(i)}`).join(' ')} }`;

/** The error of `limit`, checked for the code and the limit's value in the message. */
function refusal(errors: readonly GraphQLFormattedError[] | undefined, limit: string, max: number): GraphQLFormattedError {
  const error = errors?.find((e) => e.extensions?.limit === limit);
  expect(error, JSON.stringify(errors)?.slice(0, 500)).toBeDefined();
  expect(error!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', max });
  expect(error!.message).toContain(String(max));
  return error!;
}

describe('GraphQL limits (issue 12, case 1)', () => {
  let hub: TestHub;
  let health: string;
  const subgraph = subgraphLimits(LIMITS);

  /** POST to a subgraph as the gateway does (signed identity envelope). */
  const toSubgraph = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(hub.urls.subgraphs.offer!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: await signIdentity({ kind: 'system', subject: 'gateway' }, SECRET, 'offer') },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(20_000),
    });
    return { status: response.status, ...((await response.json()) as FormattedExecutionResult) };
  };
  const healthy = async () => (await fetch(health, { signal: AbortSignal.timeout(10_000) })).status;

  beforeAll(async () => {
    hub = await startTestHub('pglite', { ROR_INTERNAL_SECRET: SECRET });
    health = new URL('/health', hub.urls.graphql).toString();
  }, 120_000);
  afterAll(() => hub?.close());

  it('refuses the depth-51 nesting that exhausted the hub, naming the depth limit; /health still answers', async () => {
    const r = await gql(hub.urls.graphql, nested(25));
    expect(r.status).toBe(400);
    expect(r.data).toBeUndefined();
    expect(refusal(r.errors, 'depth', LIMITS.depth).message).toBe(`Query depth limit of ${LIMITS.depth} exceeded, found 51.`);
    expect(await healthy()).toBe(200);
  });

  it('refuses the depth-21 nesting (9 s before), by depth and by cost', async () => {
    const r = await gql(hub.urls.graphql, nested(10));
    expect(r.status).toBe(400);
    refusal(r.errors, 'depth', LIMITS.depth);
    refusal(r.errors, 'cost', LIMITS.cost);
  });

  it('refuses 300 aliased unit searches of 200 while /health keeps answering', async () => {
    const query = aliased(300, (i) => `units(filter: { name: "centre ${i}" }, first: 200) { edges { node { id name } } }`);
    const [r, status] = await Promise.all([gql(hub.urls.graphql, query), healthy()]);
    expect(status).toBe(200);
    expect(r.status).toBe(400);
    expect(refusal(r.errors, 'aliases', LIMITS.aliases).message).toBe(`Aliases limit of ${LIMITS.aliases} exceeded, found 300.`);
    refusal(r.errors, 'cost', LIMITS.cost);
  });

  it('refuses 50,000 __typename aliases at the token limit, and a few over the alias limit', async () => {
    const huge = await gql(hub.urls.graphql, aliased(50_000, () => '__typename'));
    expect(huge.status).toBe(400);
    expect(refusal(huge.errors, 'tokens', LIMITS.tokens).message).toBe(`Token limit of ${LIMITS.tokens} exceeded.`);
    const over = await gql(hub.urls.graphql, aliased(LIMITS.aliases + 1, () => '__typename'));
    expect(over.status).toBe(400);
    refusal(over.errors, 'aliases', LIMITS.aliases);
    const within = await gql<Record<string, string>>(hub.urls.graphql, aliased(LIMITS.aliases, () => '__typename'));
    expect(within.errors).toBeUndefined();
    expect(Object.keys(within.data!)).toHaveLength(LIMITS.aliases);
  });

  it('refuses too many directives, and a cheap-looking query whose lists multiply past the cost limit', async () => {
    const fields = Array.from({ length: LIMITS.directives + 1 }, () => 'name @include(if: true)').join(' ');
    const directives = await gql(hub.urls.graphql, `{ establishment(id: "${ESTABLISHMENT}") { ${fields} } }`);
    expect(directives.status).toBe(400);
    refusal(directives.errors, 'directives', LIMITS.directives);
    // depth 10, no alias: 200 units × their establishment's units × theirs… (244,800 by the model)
    const costly = await gql(hub.urls.graphql, '{ units(first: 200) { edges { node { establishment { units { establishment { units { establishment { units { id } } } } } } } } } }');
    expect(costly.status).toBe(400);
    expect(costly.errors!.every((e) => e.extensions?.limit === 'cost')).toBe(true);
    refusal(costly.errors, 'cost', LIMITS.cost);
  });

  it('still answers an ordinary query across the four subgraphs', async () => {
    const authorization = await asApp(hub.urls.graphql, 'national-aggregator');
    const r = await gql<{ establishment: { units: Array<{ name: string }> } }>(hub.urls.graphql, `{ establishment(id: "${ESTABLISHMENT}") { name address { city } organization { name } units { name capacity { installedBeds } professionals { lastName } } tensions { level } } }`, {}, { authorization });
    expect(r.errors).toBeUndefined();
    expect(r.data!.establishment.units.length).toBeGreaterThan(0);
  });

  it('applies the same limits to graphql-ws subscriptions', async () => {
    const client = createClient({ url: hub.urls.graphql.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    try {
      const deep = `subscription { capacityChanged { unit { ${nested(8).slice(2, -2).replace(/^establishment\(id: "\d+"\)/, 'establishment')} } } }`;
      const errors = await new Promise<readonly GraphQLFormattedError[]>((resolve, reject) => {
        client.subscribe({ query: deep }, { next: () => reject(new Error('an event was sent')), error: (e) => resolve(e as GraphQLFormattedError[]), complete: () => reject(new Error('completed without an error')) });
      });
      refusal(errors, 'depth', LIMITS.depth);
      const tokens = await new Promise<readonly GraphQLFormattedError[]>((resolve, reject) => {
        client.subscribe({ query: `subscription { capacityChanged { ${'__typename '.repeat(LIMITS.tokens)} } }` }, { next: () => reject(new Error('an event was sent')), error: (e) => resolve(e as GraphQLFormattedError[]), complete: () => reject(new Error('completed')) });
      });
      refusal(tokens, 'tokens', LIMITS.tokens);
    } finally {
      await client.dispose();
    }
  });

  it("applies them to the FHIR adapter's in-process executor too", async () => {
    const r = await hub.gateway.execute({ query: nested(10) }, {});
    refusal(r.errors, 'depth', LIMITS.depth);
  });

  it('a subgraph refuses the same documents itself, with its headroom for query plans', async () => {
    const deep = await toSubgraph(nested(25));
    expect(deep.data ?? null).toBeNull();
    refusal(deep.errors, 'depth', subgraph.depth);
    const huge = await toSubgraph(aliased(50_000, () => '__typename'));
    expect(huge.data ?? null).toBeNull();
    refusal(huge.errors, 'tokens', subgraph.tokens);
    const aliases = await toSubgraph(aliased(300, (i) => `units(filter: { name: "centre ${i}" }, first: 200) { edges { node { id } } }`));
    expect(aliases.data ?? null).toBeNull();
    refusal(aliases.errors, 'aliases', subgraph.aliases);
  });

  it('a subgraph checks the limits of a subscription document too (mercurius does not validate them)', async () => {
    const envelope = await signIdentity({ kind: 'system', subject: 'gateway' }, SECRET, 'capacities');
    class SignedWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { [IDENTITY_HEADER]: envelope } });
      }
    }
    const client = createClient({ url: hub.urls.subgraphs.capacities!.replace(/^http/, 'ws'), webSocketImpl: SignedWebSocket, retryAttempts: 0, lazy: true });
    try {
      const errors = await new Promise<readonly GraphQLFormattedError[]>((resolve, reject) => {
        client.subscribe({ query: `subscription { capacityChanged { ${Array.from({ length: subgraph.aliases + 1 }, (_, i) => `a${i}: id`).join(' ')} } }` }, { next: () => reject(new Error('an event was sent')), error: (e) => resolve(e as GraphQLFormattedError[]), complete: () => reject(new Error('completed without an error')) });
      });
      refusal(errors, 'aliases', subgraph.aliases);
    } finally {
      await client.dispose();
    }
  });

  it("a subgraph serves a gateway-sized `_entities` batch: representations are variables, not tokens", async () => {
    const ids = await gql<{ establishments: { edges: Array<{ node: { id: string } }> } }>(hub.urls.graphql, '{ establishments(first: 200) { edges { node { id } } } }');
    const all = ids.data!.establishments.edges.map((e) => e.node.id);
    const representations = Array.from({ length: 3_000 }, (_, i) => ({ __typename: 'Establishment', id: all[i % all.length] }));
    const r = await toSubgraph('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Establishment { id name units { id name } } } }', { r: representations });
    expect(r.errors).toBeUndefined();
    expect((r.data as { _entities: unknown[] })._entities).toHaveLength(3_000);
  });
});
