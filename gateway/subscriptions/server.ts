/**
 * GraphQL subscriptions on the gateway over graphql-ws (`graphql-transport-ws`), at the same path
 * as HTTP GraphQL. The caller authenticates in `connection_init` ({ authorization: "Bearer …" })
 * or with the upgrade request's Authorization header; the identity is resolved as for HTTP and
 * forwarded to the owning subgraph. Clients sending the same operation with the same variables
 * and identity share one execution per event and one upstream subscription. Each client's token
 * expiry and rights are checked again before each event (access.ts); a broken upstream resumes
 * (upstream.ts). docs/subscriptions.md.
 */
import type { FastifyInstance } from 'fastify';
import type { ServiceMap } from '@apollo/gateway';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { operationInputProblem } from '../../platform/input-guard.js';
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type ExecutionArgs, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { acceptRequestId, REQUEST_ID_HEADER, withRequestId } from '../../platform/request-context.js';
import type { IncomingMessage, Server } from 'node:http';
import { inProcessConnector } from './in-process-socket.js';
import { withRequestCode } from '../../platform/request-errors.js';
import { isUpgradeClaimed } from '../../platform/upgrade.js';
import type { Logger } from '../../platform/logger.js';
import type { GatewayContext } from '../context.js';
import type { ContextBuilder } from '../identity/index.js';
import { createPlanner, type Planner, type PlannerCore } from './plan.js';
import { createUpstreamPool, type UpstreamEvent, type UpstreamPool } from './upstream.js';
import { executeEvent, type EventExecution } from './execute.js';
import { pushable, type Pushable } from './pushable.js';
import { EventResults, prepared, resultClassOf, textOf } from './event-results.js';
import { withSharedFetches } from '../shared-fetches.js';
import { SubscriberAccess, type AccessResolver } from './access.js';
import { watchConnectionInit } from './init-wait.js';
import type { HubError } from '../../platform/errors.js';
import type { ChangeFeed, ChangeEvent } from '../../platform/changes/feed.js';
import { asTokenLimitError, limitRules, parseOptionsFor, type GraphQLLimits } from '../../platform/graphql-limits.js';
import { hidesSchema, withoutSuggestions } from '../plugins/use-production-surface.js';
import { startingSpan, tracerOf } from '../../platform/tracing.js';

const tracer = tracerOf('gateway');
/** Executions of one event start a little apart; a record changed later than this is fetched again. */
const SHARED_FETCH_WINDOW_MS = 250;

export interface SubscriptionServerOptions {
  path: string;
  /** The supergraph's SDL, or the planner core the query side already built from it (plannerCoreOfGateway). */
  supergraph: string | PlannerCore;
  services: ServiceMap;
  subgraphUrls: Readonly<Record<string, string>>;
  buildContext: ContextBuilder;
  /** Resolves a connection's token again at each event (docs/subscriptions.md#access-at-each-event). */
  access: AccessResolver;
  /** The change feed, when the gateway's process reads one: role changes end subscriptions at once. */
  feed?: ChangeFeed;
  internalSecret: string;
  logger: Logger;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** The same limits as HTTP (platform/graphql-limits.ts). */
  limits: GraphQLLimits;
  /** How long a broken resumable subscription retries before its clients get an error (ROR_SUBSCRIPTION_RESUME_WINDOW_MS). */
  resumeWindowMs?: number;
  /** Production: anonymous subscribers get no field suggestions (plugins/use-production-surface.ts). */
  production: boolean;
  /** Told each event fetch answered by an identical one's request (the gateway's metrics). */
  onSharedFetch?: (subgraph: string) => void;
  /** Subgraphs served by this process: upstream sockets to them are opened in memory (in-process-socket.ts). */
  localServers?: Readonly<Record<string, Server>>;
}

export interface SubscriptionServer {
  upstream: UpstreamPool;
  /** Distinct executions (operation + variables + identity) running now. */
  executions(): number;
  /** Event results computed, and taken from an identical execution of the same change (event-results.ts). */
  results(): { computed: number; shared: number };
  close(): Promise<void>;
}

/** One client's subscription: its stream, and the connection whose access it depends on. */
interface Subscriber {
  /** What graphql-ws iterates: it stays open until the subscription ends, and carries its end (and error). */
  out: Pushable<ExecutionResult>;
  /** Writes an event's JSON text as this subscription's `next` message, straight to the socket. */
  send(text: string): void;
  connection: Connection;
  /** Ends this subscription with an error (access lost, upstream gone). */
  end(error: unknown): void;
}

interface Fanout {
  clients: Set<Subscriber>;
  leave: () => void;
}

/** An accepted graphql-ws connection: who it is, and its subscriptions. */
interface Connection {
  gateway: GatewayContext;
  socket: WebSocket;
  /** The upgrade request's headers: its `traceparent` is the parent of each subscription's span. */
  headers: Record<string, string | string[] | undefined>;
  access: SubscriberAccess;
  subscribers: Set<Subscriber>;
  /** Ends every subscription at the token's expiry, even without an event. */
  expiry: NodeJS.Timeout | null;
}

/** What we keep on each connection, next to graphql-ws's own `socket` and `request`. */
type Extra = { connection?: Connection };

/** The context of one subscription: its connection, and its id in the protocol's messages. */
interface SubscriptionContext {
  connection: Connection;
  id: string;
}

/** setTimeout's ceiling (about 24.8 days); a later expiry is caught at each event instead. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function bearerOf(params: Readonly<Record<string, unknown>> | undefined, request: IncomingMessage): string | undefined {
  const fromParams = params?.authorization ?? params?.Authorization;
  if (typeof fromParams === 'string') return fromParams;
  return typeof request.headers.authorization === 'string' ? request.headers.authorization : undefined;
}

export function attachSubscriptionServer(app: FastifyInstance, options: SubscriptionServerOptions): SubscriptionServer {
  const planner: Planner = createPlanner(options.supergraph);
  // Executions of one change share their fetches, also just after the answer (they start a little apart).
  const services = withSharedFetches(options.services, { windowMs: SHARED_FETCH_WINDOW_MS, onShared: options.onSharedFetch });
  const localConnections = Object.fromEntries(Object.entries(options.localServers ?? {}).map(([name, server]) => [name, inProcessConnector(server)]));
  const upstream = createUpstreamPool({ secret: options.internalSecret, logger: options.logger, resumeWindowMs: options.resumeWindowMs, connections: localConnections });
  const fanouts = new Map<string, Fanout>();
  const results = new EventResults();
  const wss = new WebSocketServer({ noServer: true });
  // The 3 s wait for `connection_init`, not counting the hub's own stalls (init-wait.ts; graphql-ws's is off below).
  const initWait = watchConnectionInit(wss);
  const parseOptions = parseOptionsFor(options.limits);
  const rules = [...specifiedRules, ...limitRules(options.limits)];

  app.server.on('upgrade', (request, socket, head) => {
    if (isUpgradeClaimed(request)) return; // another handler (the FHIR websocket channel) took it
    if (new URL(request.url ?? '/', 'http://gateway').pathname !== options.path) return void socket.destroy();
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  const connections = new Set<Connection>();

  /** The stream of one client: joins (or starts) the shared execution of its operation. */
  const stream = (args: ExecutionArgs): Pushable<ExecutionResult> => {
    const { connection, id } = args.contextValue as SubscriptionContext;
    const context = connection.gateway;
    // graphql-ws's own message, `{"id","type","payload"}`, around the event's text serialised once for everyone.
    const prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
    const variables = (args.variableValues ?? {}) as Record<string, unknown>;
    const query = args.document.loc?.source.body ?? '';
    const key = [query, args.operationName ?? '', JSON.stringify(variables), JSON.stringify(context.identity)].join('\u0000');
    let left = false;
    const out = pushable<ExecutionResult>(() => leave());
    const subscriber: Subscriber = {
      out,
      send: (text) => {
        const { socket } = connection;
        // Nothing after the subscription ended (completed by the client while the event was resolved).
        if (!left && socket.readyState === socket.OPEN) socket.send(`${prefix}${text}}`);
      },
      connection,
      end: (error) => {
        leave();
        out.end(error); // graphql-ws sends it as the operation's `error` message, which ends it
      },
    };
    let fanout = fanouts.get(key);
    if (!fanout) fanout = startFanout(key, args, context, variables, query);
    fanout.clients.add(subscriber);
    connection.subscribers.add(subscriber);
    const current = fanout;
    function leave() {
      if (left) return;
      left = true;
      connection.subscribers.delete(subscriber);
      current.clients.delete(subscriber);
      if (current.clients.size > 0) return;
      if (fanouts.get(key) === current) fanouts.delete(key);
      current.leave();
    }
    return out;
  };

  /** Ends every subscription of a connection whose access is lost. */
  const endConnection = (connection: Connection, error: unknown) => {
    for (const subscriber of [...connection.subscribers]) subscriber.end(error);
  };

  /**
   * The clients still allowed to receive an event; the others' subscriptions end with the reason.
   * Decided at once for every client whose identity is cached (the usual case: D214); only
   * the others wait for their resolution. Returned as an array, or a promise when some had to wait.
   */
  const admitted = (clients: Iterable<Subscriber>): Subscriber[] | Promise<Subscriber[]> => {
    const list = [...clients];
    const verdicts = list.map((c) => c.connection.access.checkNow());
    const keep = (resolved: ReadonlyArray<HubError | null | undefined>) =>
      list.filter((c, i) => {
        if (!resolved[i]) return true;
        c.end(resolved[i]);
        return false;
      });
    if (!verdicts.includes(undefined)) return keep(verdicts);
    return Promise.all(list.map((c, i) => (verdicts[i] === undefined ? c.connection.access.check() : verdicts[i]))).then(keep);
  };

  const startFanout = (key: string, args: ExecutionArgs, context: GatewayContext, variables: Record<string, unknown>, query: string): Fanout => {
    const plan = planner.plan(args.document, args.operationName ?? undefined);
    const execution: EventExecution = {
      plan,
      planner,
      services,
      query,
      variables,
      operationName: args.operationName ?? undefined,
      logger: options.logger,
    };
    const resultClass = resultClassOf(query, args.operationName ?? undefined, context.identity, Object.fromEntries(plan.resultVariableNames.map((n) => [n, variables[n]])));
    // Resolved with this execution's identity, masked and serialised once for every subscriber that gets it.
    const resolve = (event: UpstreamEvent) => async (): Promise<ExecutionResult> => {
      // The envelope is signed (or its cached copy reused) per subgraph fetch: envelopes expire, subscriptions last.
      const perEvent: GatewayContext = { requestId: randomUUID(), identity: context.identity, envelope: context.envelope };
      const result = await executeEvent(execution, event, perEvent).catch((error: unknown) => ({ errors: [error as GraphQLError] }));
      return prepared(maskErrors(result, options.formatError));
    };
    const clients = new Set<Subscriber>();
    const end = (error?: unknown) => {
      if (fanouts.get(key) === fanout) fanouts.delete(key);
      clients.forEach((c) => (c.connection.subscribers.delete(c), c.out.end(error)));
      clients.clear();
    };
    // Events are executed one after the other, so clients see them in the order the subgraph sent them.
    let chain = Promise.resolve();
    const leave = upstream.join(
      {
        serviceName: plan.serviceName,
        url: options.subgraphUrls[plan.serviceName]!,
        operation: plan.upstreamOperation,
        variables: Object.fromEntries(plan.variableNames.filter((n) => n in variables).map((n) => [n, variables[n]])),
        identity: context.identity,
        resume: plan.resume ? { responseKey: plan.resume.responseKey, initial: plan.resume.initial(variables) } : null,
      },
      {
        next: (event) => {
          chain = chain.then(async () => {
            // Each subscriber's token and rights are checked before the event is resolved for it.
            const verdict = admitted(clients);
            const allowed = Array.isArray(verdict) ? verdict : await verdict;
            if (allowed.length === 0) return;
            // The same change matched by an identical execution (another filter) has its result already.
            const result = await results.resolve(resultClass, event, resolve(event));
            const text = textOf(result);
            // Straight to each socket, in event order: no per-subscriber serialisation, iteration or promise.
            if (text === undefined) allowed.forEach((c) => c.out.push(result));
            else allowed.forEach((c) => c.send(text));
          }).catch((error: unknown) => options.logger.error({ err: error }, 'subscription event failed')); // the chain must go on
        },
        error: (error) => void chain.then(() => end(upstreamError(error))),
        complete: () => void chain.then(() => end()),
      },
    );
    const fanout: Fanout = { clients, leave };
    fanouts.set(key, fanout);
    return fanout;
  };

  const disposable = useServer<Record<string, unknown> | undefined, Extra>(
    {
      connectionInitWaitTimeout: 0,
      onConnect: async (ctx) => {
        initWait.received(ctx.extra.socket);
        const authorization = bearerOf(ctx.connectionParams, ctx.extra.request);
        try {
          // The upgrade request's x-request-id (validated) names the connection's work in every log.
          const requestId = acceptRequestId(ctx.extra.request.headers[REQUEST_ID_HEADER]);
          const gateway = await withRequestId(requestId, () => options.buildContext(authorization, requestId));
          const connection: Connection = { gateway, socket: ctx.extra.socket, headers: ctx.extra.request.headers, access: new SubscriberAccess(authorization, gateway.identity, options.access), subscribers: new Set(), expiry: null };
          const { expiresAt } = connection.access;
          if (expiresAt !== null && expiresAt - Date.now() < MAX_TIMER_MS) {
            connection.expiry = setTimeout(() => void connection.access.check().then((error) => error && endConnection(connection, error)), Math.max(0, expiresAt - Date.now() + 5)); // +5 ms: never a hair before exp
            connection.expiry.unref();
          }
          ctx.extra.connection = connection;
          connections.add(connection);
          return true;
        } catch (error) {
          options.logger.info({ err: error }, 'subscription connection refused');
          return false; // closes with 4403 Forbidden
        }
      },
      onClose: (ctx) => {
        const connection = ctx.extra.connection;
        if (!connection) return;
        if (connection.expiry) clearTimeout(connection.expiry);
        connections.delete(connection);
      },
      onSubscribe: async (ctx, id, payload) => {
        const connection = ctx.extra.connection!;
        // A connection whose token expired, or whose rights were withdrawn, starts nothing more.
        const denied = await connection.access.check();
        if (denied) return [denied];
        let document;
        // Coded as over HTTP, so formatError shows the caller the message instead of masking it.
        try {
          document = parse(payload.query, parseOptions);
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          const limited = asTokenLimitError(error);
          return limited === error ? withRequestCode([error], 'GRAPHQL_PARSE_FAILED') : [limited];
        }
        const errors = validate(planner.schema, document, rules);
        if (errors.length) {
          if (hidesSchema(options.production, ctx.extra.connection?.gateway.identity)) errors.forEach((e) => (e.message = withoutSuggestions(e.message)));
          return withRequestCode(errors, 'GRAPHQL_VALIDATION_FAILED');
        }
        const refused = operationInputProblem(document, payload.variables); // U+0000, over-long strings: as on HTTP
        if (refused) return [refused];
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return [new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP.', { extensions: { code: 'BAD_USER_INPUT' } })];
        }
        return {
          schema: planner.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables ?? {},
          contextValue: { connection, id } satisfies SubscriptionContext,
        };
      },
      // A failure to plan or start answers this subscription with an error, not the whole socket with 4500.
      // Its span (when tracing) is the parent of the upstream WebSocket's traceparent.
      subscribe: (args) =>
        startingSpan(tracer, `subscribe ${getOperationAST(args.document, args.operationName)?.name?.value ?? '(anonymous)'}`, (args.contextValue as SubscriptionContext).connection.headers, () => {
          try {
            return stream(args);
          } catch (error) {
            options.logger.error({ err: error }, 'subscription could not start');
            return { errors: [error instanceof GraphQLError ? error : new GraphQLError((error as Error).message, { originalError: error as Error })] };
          }
        }),
      // Events are written straight to the socket (masked once); anything graphql-ws sends itself is masked here.
      onNext: (_ctx, _id, _payload, _args, result) => maskErrors(result as ExecutionResult, options.formatError),
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => options.formatError(e.toJSON(), e)) as never,
    },
    wss,
  );

  const stopWatching = options.feed ? watchGrantChanges(options.feed, connections, endConnection, options.logger) : null;

  return {
    upstream,
    executions: () => fanouts.size,
    results: () => results.stats(),
    close: async () => {
      (await stopWatching)?.();
      for (const connection of connections) if (connection.expiry) clearTimeout(connection.expiry);
      for (const fanout of fanouts.values()) fanout.leave();
      fanouts.clear();
      results.clear();
      await disposable.dispose();
      await upstream.close();
    },
  };
}

/**
 * Role assignments, accounts and professional records changing (the professionals subgraph's feed
 * events) reach the gateway at once: the subscriber's cached identity is dropped and its access
 * checked again now, so a revoked subscriber stops without waiting for the identity cache.
 */
function watchGrantChanges(feed: ChangeFeed, connections: ReadonlySet<Connection>, end: (c: Connection, e: unknown) => void, logger: Logger): Promise<() => void> {
  const professionalOf = (event: ChangeEvent): string | null => {
    if (event.recordType === 'PROFESSIONAL') return event.recordId;
    const id = (event.payload as { professionalId?: unknown }).professionalId;
    return typeof id === 'string' ? id : null;
  };
  return feed
    .subscribe(
      (event) => {
        const professionalId = professionalOf(event);
        if (!professionalId) return;
        for (const connection of connections) {
          const { identity } = connection.access;
          if (identity.kind !== 'user' || identity.professionalId !== professionalId) continue;
          connection.access.forget();
          void connection.access.check().then((error) => error && end(connection, error));
        }
      },
      { topics: ['professional'] },
    )
    .catch((error: unknown) => {
      logger.error({ err: error }, 'subscriptions could not follow role changes; revocations wait for the identity cache');
      return () => undefined;
    });
}

/** Masks unexpected errors as the HTTP path does; coded errors pass unchanged. */
function maskErrors(result: ExecutionResult, format: SubscriptionServerOptions['formatError']): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((e) => format(typeof (e as GraphQLError).toJSON === 'function' ? (e as GraphQLError).toJSON() : (e as GraphQLFormattedError), e));
  return { ...result, errors: errors as never };
}

/** An upstream failure (graphql-ws hands GraphQL errors as an array, socket failures as events). */
function upstreamError(error: unknown): Error {
  if (Array.isArray(error)) return new GraphQLError((error[0] as { message?: string })?.message ?? 'Upstream subscription failed', { extensions: (error[0] as { extensions?: Record<string, unknown> })?.extensions });
  return new GraphQLError('The subscription was interrupted upstream; subscribe again.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
