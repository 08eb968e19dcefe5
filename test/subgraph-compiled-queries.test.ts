/**
 * Subgraphs run a document compiled (graphql-jit) from its second execution (platform/subgraph-app.ts,
 * D245): the compiled answers must be the interpreted ones — entities, abstract types,
 * errors with their code and path, a denied field — and a document whose variables have a
 * recursive input type, which graphql-jit cannot compile, must keep answering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import type { FastifyInstance } from 'fastify';
import { buildSubgraphApp } from '../platform/subgraph-app.js';
import { compilable } from '../platform/compiled-queries.js';
import { HubError } from '../platform/errors.js';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { metricsAccess } from '../platform/observability.js';
import type { ResolverMap } from '../platform/resolver-maps.js';
import { envelopeHeader } from './helpers/envelope.js';
import { TEST_INTERNAL_SECRET, testEnv } from './helpers/hub.js';

const SOURCE = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  input Criteria { name: String, anyOf: [Criteria!] }
  interface Named { name: String! }
  type Thing implements Named @key(fields: "id") { id: ID! name: String! secret: String }
  type Other implements Named { name: String! }
  union Found = Thing | Other
  type Query {
    matching(criteria: Criteria!): [String!]!
    found(names: [String!]!): [Found!]!
    named: [Named!]!
    refused: String
  }
`;

/** Every name a criteria tree mentions, depth first. */
const names = (c: { name?: string | null; anyOf?: unknown[] | null }): string[] => [...(c.name ? [c.name] : []), ...(c.anyOf ?? []).flatMap((n) => names(n as typeof c))];

const resolvers: ResolverMap<{ mayReadSecrets: boolean }> = {
  Query: {
    matching: (_: unknown, args: { criteria: { name?: string; anyOf?: unknown[] } }) => names(args.criteria),
    found: (_: unknown, args: { names: string[] }) => args.names.map((name, i) => (i % 2 ? { __typename: 'Other', name } : { __typename: 'Thing', id: String(i), name })),
    named: () => [{ __typename: 'Other', name: 'o' }, { __typename: 'Thing', id: '9', name: 't' }],
    refused: () => {
      throw new HubError('BAD_USER_INPUT', 'Not like this.', { field: 'refused' });
    },
  },
  Named: { __resolveType: (value: { __typename: string }) => value.__typename },
  Found: { __resolveType: (value: { __typename: string }) => value.__typename },
  Thing: {
    __resolveReference: (reference: { id: string }) => (reference.id === 'missing' ? null : { id: reference.id, name: `thing ${reference.id}` }),
    secret: (_thing: unknown, _args: unknown, context: { mayReadSecrets: boolean }) => {
      if (!context.mayReadSecrets) throw new HubError('FORBIDDEN', 'You may not read this secret.');
      return 'hidden';
    },
  },
};

const config = loadConfig(testEnv());
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildSubgraphApp({
    name: 'offer',
    typeDefs: parse(SOURCE),
    resolvers,
    logger: createLogger('silent'),
    internalSecret: TEST_INTERNAL_SECRET,
    limits: config.graphqlLimits,
    context: () => ({ mayReadSecrets: false }),
    ready: async () => {},
    metrics: metricsAccess(config),
  });
});
afterAll(() => app.close());

async function ask(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const response = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', ...(await envelopeHeader('offer')) }, payload: { query, variables } });
  return { status: response.statusCode, body: response.json() };
}

/** The same request four times: interpreted, compiled on the second, then run compiled. */
async function fourTimes(query: string, variables?: Record<string, unknown>) {
  const answers = [];
  for (let i = 0; i < 4; i++) answers.push(await ask(query, variables));
  for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
  return answers[0]!;
}

describe('compiled subgraph queries', () => {
  it('answers entities, abstract types and nulls as the interpreted execution does', async () => {
    const entities = await fourTimes('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Thing { id name } } }', {
      r: [{ __typename: 'Thing', id: '1' }, { __typename: 'Thing', id: 'missing' }],
    });
    expect(entities).toEqual({ status: 200, body: { data: { _entities: [{ id: '1', name: 'thing 1' }, null] } } });
    const found = await fourTimes('query ($n: [String!]!) { found(names: $n) { __typename ... on Named { name } ... on Thing { id } } named { name __typename } }', { n: ['a', 'b'] });
    expect(found.body).toEqual({
      data: { found: [{ __typename: 'Thing', name: 'a', id: '0' }, { __typename: 'Other', name: 'b' }], named: [{ name: 'o', __typename: 'Other' }, { name: 't', __typename: 'Thing' }] },
    });
  });

  it('keeps each error with its code, message and path, and a denied field null', async () => {
    const refused = await fourTimes('{ refused }');
    expect(refused.body).toMatchObject({ data: { refused: null }, errors: [{ message: 'Not like this.', path: ['refused'], extensions: { code: 'BAD_USER_INPUT', field: 'refused' } }] });
    const secret = await fourTimes('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Thing { id secret } } }', { r: [{ __typename: 'Thing', id: '2' }] });
    expect(secret.body).toMatchObject({ data: { _entities: [{ id: '2', secret: null }] }, errors: [{ path: ['_entities', '0', 'secret'], extensions: { code: 'FORBIDDEN' } }] });
  });

  it('keeps answering a document whose variables have a recursive input type, interpreted', async () => {
    const query = 'query ($c: Criteria!) { matching(criteria: $c) }';
    const schema = app.graphql.schema;
    expect(compilable(schema, parse(query))).toBe(false);
    expect(compilable(schema, parse('query ($n: [String!]!) { found(names: $n) { __typename } }'))).toBe(true);
    // graphql-jit would never finish compiling this one: the worker would run out of memory.
    const answer = await fourTimes(query, { c: { anyOf: [{ name: 'a' }, { anyOf: [{ name: 'b' }] }] } });
    expect(answer).toEqual({ status: 200, body: { data: { matching: ['a', 'b'] } } });
  });
});
