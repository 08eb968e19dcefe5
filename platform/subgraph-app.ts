/**
 * Factory shared by the four subgraphs: a Fastify app (not listening) serving a Federation v2
 * schema built with @apollo/subgraph through mercurius at /graphql, plus health and metrics.
 * Every request's identity comes from the gateway's signed envelope, verified here again.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import mercurius from 'mercurius';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { GraphQLError, specifiedRules, validate, type DocumentNode } from 'graphql';
import type { Logger } from './logger.js';
import observability, { type MetricsAccess } from './observability.js';
import { requestIdOptions, useRequestIds } from './request-context.js';
import { formatGraphQLError, HubError } from './errors.js';
import { registerHttpErrorHandler } from './http-errors.js';
import type { Identity } from './auth/identity.js';
import { IDENTITY_HEADER, verifyIdentity } from './auth/internal-token.js';
import { asTokenLimitError, limitRules, parseOptionsFor, subgraphLimits, type GraphQLLimits } from './graphql-limits.js';

export interface SubgraphAppOptions<Ctx> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<Ctx>;
  logger: Logger;
  internalSecret: string;
  /** The gateway's limits; the subgraph applies them with headroom for query plans (`subgraphLimits`). */
  limits: GraphQLLimits;
  /** Builds the per-request context handed to resolvers (services, loaders, identity). */
  context: (request: FastifyRequest, identity: Identity) => Ctx;
  ready: () => Promise<void>;
  /** Who may read /metrics (platform/observability.ts). */
  metrics: MetricsAccess;
}

declare module 'fastify' {
  interface FastifyRequest {
    identity: Identity;
  }
}

/** mercurius wraps parse and validation errors in one MER_ERR_GQL_VALIDATION; its token-limit error gets the limits' code. */
function withTokenLimitErrors(error: GraphQLError): GraphQLError {
  const wrapper = error.originalError as { errors?: unknown } | undefined;
  if (Array.isArray(wrapper?.errors)) wrapper.errors = wrapper.errors.map((e) => (e instanceof GraphQLError ? asTokenLimitError(e) : e));
  return asTokenLimitError(error);
}

export async function buildSubgraphApp<Ctx>(options: SubgraphAppOptions<Ctx>): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: options.logger.child({ component: `subgraph:${options.name}` }) as FastifyBaseLogger,
    keepAliveTimeout: 65_000, // longer than the gateway's idle socket timeout, so reused sockets stay open
    ...requestIdOptions, // the gateway's x-request-id is this request's id too
  });
  registerHttpErrorHandler(app); // first: the subgraph's REST routes (feeds, imports, exports, OIDC pages) inherit it
  useRequestIds(app);
  await app.register(observability, { service: options.name, ready: options.ready, metrics: options.metrics });
  // Fastify decorators cannot hold objects; the hook below sets the identity on every request.
  app.decorateRequest('identity', null as never);
  app.addHook('onRequest', async (request, reply) => {
    const header = request.headers[IDENTITY_HEADER];
    try {
      request.identity = verifyIdentity(typeof header === 'string' ? header : undefined, options.internalSecret);
    } catch (error) {
      const { message, extensions } = error as HubError;
      return reply.code(401).send({ data: null, errors: [{ message, extensions }] });
    }
  });
  const schema = buildSubgraphSchema([{ typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> }]);
  const limits = subgraphLimits(options.limits);
  await app.register(mercurius, {
    schema,
    path: '/graphql',
    graphiql: false,
    // Limits where the document is parsed and validated, before any resolver (platform/graphql-limits.ts).
    graphql: { parseOptions: parseOptionsFor(limits) },
    validationRules: limitRules(limits),
    context: (request) => options.context(request, request.identity) as Record<string, unknown>,
    // graphql-ws at the same path, for the gateway only: the upgrade request carries the signed
    // identity (verified by the hook above) and each subscription's context is built from it.
    subscription: schema.getSubscriptionType()
      ? { context: (_socket, request) => options.context(request, request.identity) as Record<string, unknown>, keepAlive: 15_000 }
      : false,
    errorFormatter: (execution, context) =>
      formatGraphQLError({ ...execution, errors: execution.errors.map(withTokenLimitErrors) }, context, options.logger),
  });
  // mercurius neither validates subscription documents nor applies validationRules to them: the
  // limits (and graphql-js's rules) are checked here, before the subscription starts. The token
  // limit does not apply: mercurius has parsed the document already.
  if (schema.getSubscriptionType()) {
    const subscriptionRules = [...specifiedRules, ...limitRules(limits)];
    app.graphql.addHook('preSubscriptionExecution', async (subscriptionSchema, document) => {
      const [first] = validate(subscriptionSchema, document, subscriptionRules);
      if (first) throw first;
    });
  }
  return app;
}
