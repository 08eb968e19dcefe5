/**
 * Factory shared by the four subgraphs: a Fastify app (not listening) serving a Federation v2
 * schema built with @apollo/subgraph through mercurius at /graphql, plus health and metrics.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import mercurius from 'mercurius';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { DocumentNode } from 'graphql';
import type { Logger } from './logger.js';
import observability from './observability.js';
import { formatGraphQLError } from './errors.js';

export interface SubgraphAppOptions<Ctx> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<Ctx>;
  logger: Logger;
  /** Builds the per-request context handed to resolvers (services, loaders). */
  context: (request: FastifyRequest) => Ctx;
  ready: () => Promise<void>;
}

export async function buildSubgraphApp<Ctx>(options: SubgraphAppOptions<Ctx>): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: options.logger.child({ component: `subgraph:${options.name}` }) as FastifyBaseLogger,
    keepAliveTimeout: 65_000, // longer than the gateway's idle socket timeout, so reused sockets stay open
  });
  await app.register(observability, { service: options.name, ready: options.ready });
  const schema = buildSubgraphSchema([{ typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> }]);
  await app.register(mercurius, {
    schema,
    path: '/graphql',
    graphiql: false,
    context: (request) => options.context(request) as Record<string, unknown>,
    errorFormatter: (execution, context) => formatGraphQLError(execution, context, options.logger),
  });
  return app;
}
