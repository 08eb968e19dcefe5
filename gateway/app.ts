/**
 * The gateway: @apollo/gateway + @apollo/server on Fastify, serving the committed supergraph at
 * /graphql, with /health, /ready and /metrics. `buildGateway` returns an app that is not listening,
 * plus an in-process executor (for the FHIR adapter) that goes through the same pipeline.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway } from '@apollo/gateway';
import type { FormattedExecutionResult, GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { HubConfig, SubgraphName } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';
import type { GraphQLExecutor, PrincipalResolver } from '../platform/executor.js';
import observability, { metricsAccess } from '../platform/observability.js';
import { currentRequestId, requestIdOptions, useRequestIds } from '../platform/request-context.js';
import { registerPublicSurface } from './plugins/use-public-surface.js';
import { registerApolloRoute } from './apollo-fastify.js';
import { createKeepAliveAgent, keepAliveFetcher, SubgraphDataSource } from './data-sources.js';
import type { GatewayContext } from './context.js';
import { readCommittedSupergraph } from './compose.js';
import { useMaskedErrors } from './plugins/use-masked-errors.js';
import { bindScalars, useInputGuard } from './plugins/use-input-guard.js';
import { registerHttpErrorHandler } from '../platform/http-errors.js';
import { productionSurface } from './plugins/use-production-surface.js';
import { formatTokenLimitError, limitRules, parseOptionsFor } from '../platform/graphql-limits.js';
import { createIdentityPipeline, type ContextBuilder } from './identity/index.js';
import { oidcProxy } from './plugins/use-oidc-proxy.js';
import { consolePages } from './plugins/use-console.js';
import { forwardedRoutes } from './plugins/use-forwarded-routes.js';
import { attachSubscriptionServer, type SubscriptionServer } from './subscriptions/server.js';
import { plannerCoreOfGateway } from './subscriptions/plan.js';
import type { ChangeFeed } from '../platform/changes/feed.js';
import { inSpan, tracerOf, tracingOptions, useTracing } from '../platform/tracing.js';
import { createGatewayMetrics } from './metrics.js';
import { withSharedFetches } from './shared-fetches.js';
import { parseSupergraphOnce } from './supergraph-once.js';
import { inProcessFetcher } from './in-process.js';
import type { Fetcher } from '@apollo/utils.fetcher';

const tracer = tracerOf('gateway');

export interface GatewayOptions {
  logger: Logger;
  config: HubConfig;
  /** Key of the identity envelope forwarded to subgraphs. */
  internalSecret: string;
  /** Where each subgraph answers; overrides the routing URLs written in the supergraph. */
  subgraphUrls: Readonly<Record<SubgraphName, string>>;
  supergraphSdl?: string;
  /** The console's build to serve at `/` (web/dist when absent). */
  consoleDir?: string;
  /** The process's change feed, when it has one: subscriptions end at once on a subscriber's role change. */
  feed?: ChangeFeed;
  /**
   * The subgraph apps served by this process (the one-process hub): with `ROR_GATEWAY_IN_PROCESS`,
   * their GraphQL fetches are injected into the app instead of sent over a socket (gateway/in-process.ts).
   */
  localSubgraphs?: Partial<Readonly<Record<SubgraphName, FastifyInstance>>>;
}

export interface Gateway {
  app: FastifyInstance;
  execute: GraphQLExecutor;
  /** Who a bearer token stands for, to store with work the FHIR adapter does later. */
  principalOf: PrincipalResolver;
  /** graphql-ws subscriptions at /graphql (docs/subscriptions.md). */
  subscriptions: SubscriptionServer;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

async function contextOf(build: ContextBuilder, request: FastifyRequest): Promise<GatewayContext> {
  const context = await build(header(request, 'authorization'), request.id); // the caller's x-request-id when safe (platform/request-context.ts)
  return { ...context, clientAddress: request.ip };
}

/** The operation's name, given or written first in the document, for the span's name. */
function operationNameOf(request: { query: string; operationName?: string }): string {
  return request.operationName ?? /^\s*(?:query|mutation|subscription)\s+([_A-Za-z]\w*)/.exec(request.query)?.[1] ?? '(anonymous)';
}

/** Subgraphs are ready when each answers its own /ready. */
async function subgraphsReady(urls: Readonly<Record<string, string>>): Promise<void> {
  await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      const response = await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(2_000) }).catch(() => null);
      if (!response?.ok) throw new Error(`subgraph ${name} is not ready (${url})`);
    }),
  );
}

/** The subgraph's own app when it lives in this process (injected requests), else the HTTP fetcher. */
function fetcherFor(app: FastifyInstance | undefined, url: string, http: Fetcher, timeoutMs: number): Fetcher {
  return app ? inProcessFetcher(app, url, timeoutMs, http) : http;
}

export async function buildGateway(options: GatewayOptions): Promise<Gateway> {
  process.env.APOLLO_TELEMETRY_DISABLED ??= '1'; // no phone-home from @apollo/gateway
  const logger = options.logger.child({ component: 'gateway' });
  const agent = createKeepAliveAgent();
  const fetcher = keepAliveFetcher(agent, options.config.timeouts.subgraphMs);
  const identities = await createIdentityPipeline({
    config: options.config,
    internalSecret: options.internalSecret,
    fetcher,
    subgraphUrls: options.subgraphUrls,
  });
  const buildContext = identities.forToken;
  const supergraphSdl = options.supergraphSdl ?? readCommittedSupergraph();
  const metrics = createGatewayMetrics();
  // One data source per subgraph, shared by queries (Apollo) and subscription events (ours).
  const local = options.config.gatewayInProcess ? (options.localSubgraphs ?? {}) : {};
  const services = Object.fromEntries(
    Object.entries(options.subgraphUrls).map(([name, url]) => [
      name,
      new SubgraphDataSource({ url, fetcher: fetcherFor(local[name as SubgraphName], url, fetcher, options.config.timeouts.subgraphMs) }, { name, internalSecret: options.internalSecret, timeoutMs: options.config.timeouts.subgraphMs, observe: metrics.observeFetch }),
    ]),
  );
  // Concurrent identical fetches of one caller's queries share a request while it is in flight (D126).
  const queryServices = options.config.gatewayDedup ? withSharedFetches(services, { windowMs: 0, onShared: (name) => metrics.countShared(name, 'query') }) : services;
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => queryServices[name as SubgraphName]!,
    logger,
  });
  parseSupergraphOnce(gateway, options.config.nodeEnv !== 'production'); // as the gateway would: validated outside production
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => bindScalars(apiSchema));
  const masked = useMaskedErrors(logger);
  const formatError: typeof masked = (formatted, error) => masked(formatTokenLimitError(formatted), error);
  const limits = options.config.graphqlLimits;
  const production = options.config.nodeEnv === 'production';
  const server = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    introspection: true, // per caller: productionSurface turns it off for anonymous callers in production
    // Limits where GraphQL is parsed and validated, for HTTP and the FHIR adapter's executeOperation alike.
    parseOptions: parseOptionsFor(limits),
    validationRules: limitRules(limits),
    stopOnTerminationSignals: false, // the entry script owns shutdown order (gateway, subgraphs, database)
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [ApolloServerPluginLandingPageDisabled(), useInputGuard(), productionSurface(production), metrics.plugin],
  });
  await server.start();

  const app: FastifyInstance = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    keepAliveTimeout: 65_000,
    ...tracingOptions('gateway'), // each request's span, started with its logger
    ...requestIdOptions, // a caller's safe x-request-id is the request's id, passed to every subgraph
  });
  registerHttpErrorHandler(app); // before any route: every plugin without its own handler (all but /fhir) inherits it
  useRequestIds(app);
  useTracing(app);
  await app.register(observability, {
    service: 'gateway',
    processMetrics: true,
    ready: () => subgraphsReady(options.subgraphUrls),
    metrics: metricsAccess(options.config),
  });
  metrics.register(app.metrics);
  // Before the routes: CORS and rate limits apply to /graphql, /fhir (registered later) and sign-in.
  await registerPublicSurface(app, { surface: options.config.surface, subjectOf: identities.subjectOf });
  // The embedded OpenID provider lives with the accounts (professionals subgraph); clients reach it here.
  if (!options.config.externalOidcDiscoveryUrl) {
    await app.register(oidcProxy, {
      upstream: options.subgraphUrls.professionals,
      publicUrl: options.config.publicUrl,
      timeoutMs: options.config.timeouts.subgraphMs,
    });
  }
  // The console (web/dist) at `/`, its client routes by the not-found fallback (docs/console.md).
  await app.register(consolePages, options.consoleDir ? { dir: options.consoleDir } : {});
  const urls = options.subgraphUrls;
  await app.register(forwardedRoutes, {
    buildContext,
    routes: [
      // FINESS extracts (docs/finess-import.md) and RPU files (docs/emergency.md), relayed as bytes.
      { method: 'POST', path: '/imports/finess', subgraph: 'offer', upstream: urls.offer, contentTypes: ['text/csv', 'application/octet-stream'], bodyLimit: 50 * 1024 * 1024, upstreamContentType: 'application/octet-stream' },
      { method: 'POST', path: '/imports/rpu', subgraph: 'tensions', upstream: urls.tensions, contentTypes: ['application/xml', 'text/xml', 'text/csv', 'application/octet-stream'], bodyLimit: 100 * 1024 * 1024, upstreamContentType: 'application/octet-stream' },
      // The automatic capacity feed and the daily snapshots (docs/capacities.md).
      { method: 'POST', path: '/feeds/capacities', subgraph: 'capacities', upstream: urls.capacities, contentTypes: ['application/json', 'text/csv'], bodyLimit: 10 * 1024 * 1024 },
      { method: 'GET', path: '/exports/capacities/:file', subgraph: 'capacities', upstream: urls.capacities },
    ],
  });
  registerApolloRoute(app, server, { path: '/graphql', context: (request) => contextOf(buildContext, request) });
  const subscriptions = attachSubscriptionServer(app, {
    path: '/graphql',
    supergraph: plannerCoreOfGateway(gateway) ?? supergraphSdl, // the query side's planner, built once
    services,
    onSharedFetch: (name) => metrics.countShared(name, 'subscription'),
    // Upstream subscription sockets to the subgraphs of this process, in memory (subscriptions/in-process-socket.ts).
    localServers: Object.fromEntries(Object.entries(local).map(([name, subgraph]) => [name, subgraph.server])),
    subgraphUrls: options.subgraphUrls,
    buildContext,
    access: { identityOf: (authorization) => identities.identityOf(authorization), forget: identities.forget, cachedIdentityOf: identities.cachedIdentityOf },
    ...(options.feed ? { feed: options.feed } : {}),
    internalSecret: options.internalSecret,
    logger,
    formatError,
    limits,
    production,
    resumeWindowMs: options.config.timeouts.resumeWindowMs,
  });
  app.addHook('preClose', () => subscriptions.close()); // before the HTTP server waits for open sockets
  app.addHook('onClose', async () => {
    await server.stop();
    await agent.close();
  });

  // In-process executions (the FHIR adapter, its deliveries and exports) get a span of their own.
  const execute: GraphQLExecutor = <TData>(request: Parameters<GraphQLExecutor>[0], caller: Parameters<GraphQLExecutor>[1]) =>
    inSpan(tracer, `execute ${operationNameOf(request)}`, { attributes: { 'graphql.operation.name': operationNameOf(request) } }, () => executeInProcess<TData>(request, caller));
  const executeInProcess = async <TData>(request: Parameters<GraphQLExecutor>[0], caller: Parameters<GraphQLExecutor>[1]) => {
    let contextValue: GatewayContext;
    try {
      contextValue = await identities.forCaller(caller, currentRequestId() ?? randomUUID());
    } catch (error) {
      const { message, extensions } = error as GraphQLError;
      const { http: _http, ...rest } = extensions ?? {};
      return { errors: [{ message, extensions: rest }] } as FormattedExecutionResult<TData>;
    }
    const response = await server.executeOperation(request, { contextValue });
    if (response.body.kind !== 'single') throw new Error('Incremental delivery is not supported for in-process execution.');
    return response.body.singleResult as FormattedExecutionResult<TData>;
  };
  return { app, execute, principalOf: identities.principalOf, subscriptions };
}
