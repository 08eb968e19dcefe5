/**
 * Factory shared by the four subgraphs: a Fastify app (not listening) serving a Federation v2
 * schema built with @apollo/subgraph through mercurius at /graphql, plus health and metrics.
 * Every request's identity comes from the gateway's signed envelope, verified here again; a
 * request without one is refused before it is parsed (platform/subgraph-gate.ts).
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import mercurius from 'mercurius';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { ResolverMap } from './resolver-maps.js';
import { GraphQLError, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Logger } from './logger.js';
import observability, { type MetricsAccess } from './observability.js';
import { requestIdOptions, useRequestIds } from './request-context.js';
import { tracingOptions, useTracing } from './tracing.js';
import { formatGraphQLError } from './errors.js';
import { registerHttpErrorHandler } from './http-errors.js';
import type { Identity } from './auth/identity.js';
import { asTokenLimitError, limitRules, parseOptionsFor, subgraphLimits, type GraphQLLimits } from './graphql-limits.js';
import { registerGatewayGate } from './subgraph-gate.js';
import { isolateEntities } from './entities.js';
import { FIELD_TIMINGS, FieldTimings, timeFields, wantsTrace, type TracedError } from './inline-trace.js';
import { withRequestCode } from './request-errors.js';
import { operationInputProblem } from './input-guard.js';
import { conformGraphQLOverHttp, malformedRequestAnswer } from './graphql-http.js';
import { handOverInjectedAnswers } from './injected-answers.js';
import { compilable } from './compiled-queries.js';

export interface SubgraphAppOptions<Ctx> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: ResolverMap<Ctx>;
  logger: Logger;
  internalSecret: string;
  /** The gateway's limits; the subgraph applies them with headroom for query plans (`subgraphLimits`). */
  limits: GraphQLLimits;
  /** Builds the per-request context handed to resolvers (services, loaders, identity). */
  context: (request: FastifyRequest, identity: Identity) => Ctx;
  ready: () => Promise<void>;
  /** Who may read /metrics (platform/observability.ts). */
  metrics: MetricsAccess;
  /** Route prefixes authenticated by their own means (e.g. `/oidc`), reached without an envelope. */
  openPrefixes?: readonly string[];
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

/*
 * Each subgraph's executable schema, built once per process and shared by its apps: a subgraph's
 * typeDefs and resolvers are module-level values, and everything of one hub (database, feed,
 * configuration, identity) reaches the resolvers through the request context
 * (`SubgraphSpec.context`), never through the schema. A process starting many hubs (the tests'
 * workers, D207) builds each schema once instead of at every hub start (D216). Keyed
 * by the two objects themselves: other typeDefs or resolvers build their own.
 */
const schemas = new WeakMap<DocumentNode, WeakMap<ResolverMap<unknown>, GraphQLSchema>>();

function executableSchema(typeDefs: DocumentNode, resolvers: ResolverMap<unknown>): GraphQLSchema {
  const byResolvers = schemas.get(typeDefs) ?? new WeakMap<ResolverMap<unknown>, GraphQLSchema>();
  schemas.set(typeDefs, byResolvers);
  let schema = byResolvers.get(resolvers);
  if (!schema) {
    schema = timeFields(isolateEntities(buildSubgraphSchema([{ typeDefs, resolvers }]), resolvers));
    byResolvers.set(resolvers, schema);
  }
  return schema;
}

export async function buildSubgraphApp<Ctx>(options: SubgraphAppOptions<Ctx>): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: options.logger.child({ component: `subgraph:${options.name}` }) as FastifyBaseLogger,
    keepAliveTimeout: 65_000, // longer than the gateway's idle socket timeout, so reused sockets stay open
    ...tracingOptions(options.name), // each request's span, started with its logger
    ...requestIdOptions, // the gateway's x-request-id is this request's id too
  });
  registerHttpErrorHandler(app); // first: the subgraph's REST routes (feeds, imports, exports, OIDC pages) inherit it
  useRequestIds(app);
  useTracing(app); // a span per request, child of the gateway's traceparent
  await app.register(observability, { service: options.name, ready: options.ready, metrics: options.metrics });
  // Fastify decorators cannot hold objects; the gate sets the identity on every request.
  app.decorateRequest('identity', null as never);
  const limits = subgraphLimits(options.limits);
  registerGatewayGate(app, { internalSecret: options.internalSecret, audience: options.name, openPrefixes: options.openPrefixes });
  const schema = executableSchema(options.typeDefs, options.resolvers as ResolverMap<unknown>);
  await app.register(mercurius, {
    schema,
    path: '/graphql',
    graphiql: false,
    // A document's second execution compiles it (graphql-jit), and every later one runs the
    // compiled function, but for the documents `compilable` refuses (below; D245).
    jit: 1,
    // Limits where the document is parsed and validated, before any resolver (platform/graphql-limits.ts).
    graphql: { parseOptions: parseOptionsFor(limits) },
    validationRules: limitRules(limits),
    context: (request) => options.context(request, request.identity) as Record<string, unknown>,
    // graphql-ws at the same path, for the gateway only: the upgrade request carries the signed
    // identity (verified by the hook above) and each subscription's context is built from it.
    subscription: schema.getSubscriptionType()
      ? { context: (_socket, request) => options.context(request, request.identity) as Record<string, unknown>, keepAlive: 15_000 }
      : false,
    // A body Fastify could not read (not JSON…) is the caller's 4xx, not a masked internal error.
    errorFormatter: (execution, context) =>
      (execution.errors.length === 1 && !execution.data ? malformedRequestAnswer(execution.errors[0]!.originalError) : null) ??
      formatGraphQLError({ ...execution, errors: execution.errors.map(withTokenLimitErrors) }, context, options.logger),
  });
  conformGraphQLOverHttp(app, '/graphql');
  // After every other onSend hook: the text they settled is what the gateway's in-process fetch takes.
  handOverInjectedAnswers(app);
  // The gateway already refuses U+0000, lone surrogates and over-long strings; a subgraph checks
  // again, as it checks the identity again: `_entities` representations and internal calls come
  // as variables, and a NUL would otherwise reach SQL as a driver error.
  app.graphql.addHook('preExecution', async (_schema, document, _context, variables) => {
    const refused = operationInputProblem(document, variables as Record<string, unknown> | undefined);
    if (refused) throw refused;
  });
  traceOnRequest(app);
  // mercurius neither compiles nor uses a compiled query for a request whose preExecution hooks
  // answered a document: answering the same one keeps graphql-js's execution for it.
  app.graphql.addHook('preExecution', async (hookSchema, document) => (compilable(hookSchema, document) ? undefined : { document }));
  // mercurius runs a WebSocket subscription without validating it (its resolver would run on an
  // invalid document) and applies no validationRules to it: graphql-js's rules and the limits are
  // checked here, before the subscription starts, with the code that lets the caller read the
  // message. The token limit does not apply: mercurius has parsed the document already.
  if (schema.getSubscriptionType()) {
    const subscriptionRules = [...specifiedRules, ...limitRules(limits)];
    app.graphql.addHook('preSubscriptionExecution', async (subscriptionSchema, document) => {
      const [first] = validate(subscriptionSchema, document, subscriptionRules);
      if (first) throw withRequestCode([first], 'GRAPHQL_VALIDATION_FAILED')[0]; // mercurius sends one error
    });
  }
  return app;
}

/** `ftv1` inline traces (platform/inline-trace.ts): timed from before parsing, attached to the answer. */
function traceOnRequest(app: FastifyInstance): void {
  app.graphql.addHook('preParsing', async (_schema, _source, context) => {
    if (wantsTrace(context.reply.request.headers)) (context as { [FIELD_TIMINGS]?: FieldTimings })[FIELD_TIMINGS] = new FieldTimings();
  });
  app.graphql.addHook('onResolution', async (execution, context) => {
    const timings = (context as { [FIELD_TIMINGS]?: FieldTimings })[FIELD_TIMINGS];
    if (!timings) return;
    const errors = (execution.errors ?? []) as readonly TracedError[];
    execution.extensions = { ...execution.extensions, ftv1: timings.encode(errors) };
  });
}
