/**
 * Subgraph apps of one process share their executable schema (platform/subgraph-app.ts,
 * D216): each app must still answer with its own hub's state, which reaches the
 * resolvers through the request context only.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import type { FastifyInstance } from 'fastify';
import { buildSubgraphApp } from '../platform/subgraph-app.js';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { metricsAccess } from '../platform/observability.js';
import type { ResolverMap } from '../platform/resolver-maps.js';
import { envelopeHeader } from './helpers/envelope.js';
import { TEST_INTERNAL_SECRET, testEnv } from './helpers/hub.js';

interface HubState {
  hub: string;
}

const SOURCE = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"]) type Query { hub: String! } type Thing @key(fields: "id") { id: ID! hub: String! }';
const typeDefs = parse(SOURCE);
const resolvers: ResolverMap<HubState> = {
  Query: { hub: (_source: unknown, _args: unknown, context: HubState) => context.hub },
  Thing: {
    __resolveReference: (reference: { id: string }, context: HubState) => ({ id: reference.id, hub: context.hub }),
  },
};

const config = loadConfig(testEnv());
const apps: FastifyInstance[] = [];
afterAll(async () => {
  for (const app of apps) await app.close();
});

function appOf(hub: string, typeDefsOf = typeDefs): Promise<FastifyInstance> {
  return buildSubgraphApp<HubState>({
    name: 'offer',
    typeDefs: typeDefsOf,
    resolvers,
    logger: createLogger('silent'),
    internalSecret: TEST_INTERNAL_SECRET,
    limits: config.graphqlLimits,
    context: () => ({ hub }),
    ready: async () => {},
    metrics: metricsAccess(config),
  }).then((app) => (apps.push(app), app));
}

async function ask(app: FastifyInstance, query: string): Promise<unknown> {
  const response = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', ...(await envelopeHeader('offer')) }, payload: { query } });
  return response.json();
}

describe('a subgraph schema shared by the apps of a process', () => {
  it('is one schema, and each app resolves fields and entities with its own context', async () => {
    const [first, second] = [await appOf('first'), await appOf('second')];
    expect(first.graphql.schema).toBe(second.graphql.schema);
    const entities = '{ _entities(representations: [{ __typename: "Thing", id: "1" }]) { ... on Thing { id hub } } }';
    expect(await ask(first, '{ hub }')).toEqual({ data: { hub: 'first' } });
    expect(await ask(second, '{ hub }')).toEqual({ data: { hub: 'second' } });
    expect(await ask(second, entities)).toEqual({ data: { _entities: [{ id: '1', hub: 'second' }] } });
    expect(await ask(first, entities)).toEqual({ data: { _entities: [{ id: '1', hub: 'first' }] } });
  });

  it('other typeDefs (the same text parsed again) build a schema of their own', async () => {
    const [first, other] = [await appOf('first'), await appOf('other', parse(SOURCE))];
    expect(other.graphql.schema).not.toBe(first.graphql.schema);
    expect(await ask(other, '{ hub }')).toEqual({ data: { hub: 'other' } });
  });
});

