/**
 * Factory shared by the four subgraphs: a Fastify app (not listening) serving a Federation v2
 * schema built with @apollo/subgraph through mercurius at /graphql, plus health and metrics.
 * Every request's identity comes from the gateway's signed envelope, verified here again; a
 * request without one is refused before it is parsed (platform/subgraph-gate.ts).
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import mercurius from 'mercurius';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { validate, type DocumentNode } from 'graphql';
import type { Logger } from './logger.js';
import observability from './observability.js';
import { formatGraphQLError } from './errors.js';
import type { Identity } from './auth/identity.js';
import { registerGatewayGate } from './subgraph-gate.js';
import { isolateEntities } from './entities.js';
import { withRequestCode } from './request-errors.js';
import { conformGraphQLOverHttp, malformedRequestAnswer } from './graphql-http.js';

export interface SubgraphAppOptions<Ctx> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<Ctx>;
  logger: Logger;
  internalSecret: string;
  /** Builds the per-request context handed to resolvers (services, loaders, identity). */
  context: (request: FastifyRequest, identity: Identity) => Ctx;
  ready: () => Promise<void>;
  /** Route prefixes authenticated by their own means (e.g. `/oidc`), reached without an envelope. */
  openPrefixes?: readonly string[];
}

declare module 'fastify' {
  interface FastifyRequest {
    identity: Identity;
  }
}

export async function buildSubgraphApp<Ctx>(options: SubgraphAppOptions<Ctx>): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: options.logger.child({ component: `subgraph:${options.name}` }) as FastifyBaseLogger,
    keepAliveTimeout: 65_000, // longer than the gateway's idle socket timeout, so reused sockets stay open
  });
  await app.register(observability, { service: options.name, ready: options.ready });
  // Fastify decorators cannot hold objects; the hook below sets the identity on every request.
  app.decorateRequest('identity', null as never);
  registerGatewayGate(app, { internalSecret: options.internalSecret, openPrefixes: options.openPrefixes });
  const schema = isolateEntities(buildSubgraphSchema([{ typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> }]));
  await app.register(mercurius, {
    schema,
    path: '/graphql',
    graphiql: false,
    context: (request) => options.context(request, request.identity) as Record<string, unknown>,
    // graphql-ws at the same path, for the gateway only: the upgrade request carries the signed
    // identity (verified by the hook above) and each subscription's context is built from it.
    subscription: schema.getSubscriptionType()
      ? { context: (_socket, request) => options.context(request, request.identity) as Record<string, unknown>, keepAlive: 15_000 }
      : false,
    // A body Fastify could not read (not JSON…) is the caller's 4xx, not a masked internal error.
    errorFormatter: (execution, context) =>
      (execution.errors.length === 1 && !execution.data ? malformedRequestAnswer(execution.errors[0]!.originalError) : null) ??
      formatGraphQLError(execution, context, options.logger),
  });
  conformGraphQLOverHttp(app, '/graphql');
  // mercurius runs a WebSocket subscription without validating it (its resolver would run on an
  // invalid document): validate first, with the code that lets the caller read the message.
  app.graphql.addHook('preSubscriptionExecution', async (_schema, document) => {
    const [first] = validate(schema, document);
    if (first) throw withRequestCode([first], 'GRAPHQL_VALIDATION_FAILED')[0]; // mercurius sends one error
  });
  return app;
}
