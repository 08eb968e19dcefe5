/**
 * GraphQL subscriptions on the gateway over graphql-ws (`graphql-transport-ws`), at the same path
 * as HTTP GraphQL. The caller authenticates in `connection_init` ({ authorization: "Bearer …" })
 * or with the upgrade request's Authorization header; the identity is resolved as for HTTP and
 * forwarded to the owning subgraph. Clients sending the same operation with the same variables
 * and identity share one execution per event and one upstream subscription.
 */
import type { FastifyInstance } from 'fastify';
import type { ServiceMap } from '@apollo/gateway';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, getOperationAST, parse, validate, type ExecutionArgs, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { signIdentity } from '../../platform/auth/internal-token.js';
import { withRequestCode } from '../../platform/request-errors.js';
import { isUpgradeClaimed } from '../../platform/upgrade.js';
import type { Logger } from '../../platform/logger.js';
import type { GatewayContext } from '../context.js';
import type { ContextBuilder } from '../identity/index.js';
import { createPlanner, type Planner } from './plan.js';
import { createUpstreamPool, type UpstreamPool } from './upstream.js';
import { executeEvent, type EventExecution } from './execute.js';
import { pushable, type Pushable } from './pushable.js';
import { withSharedFetches } from './shared-fetches.js';

export interface SubscriptionServerOptions {
  path: string;
  supergraphSdl: string;
  services: ServiceMap;
  subgraphUrls: Readonly<Record<string, string>>;
  buildContext: ContextBuilder;
  internalSecret: string;
  logger: Logger;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

export interface SubscriptionServer {
  upstream: UpstreamPool;
  /** Distinct executions (operation + variables + identity) running now. */
  executions(): number;
  close(): Promise<void>;
}

interface Fanout {
  clients: Set<Pushable<ExecutionResult>>;
  leave: () => void;
}

/** What we keep on each connection, next to graphql-ws's own `socket` and `request`. */
type Extra = { gateway?: GatewayContext };

function bearerOf(params: Readonly<Record<string, unknown>> | undefined, request: IncomingMessage): string | undefined {
  const fromParams = params?.authorization ?? params?.Authorization;
  if (typeof fromParams === 'string') return fromParams;
  return typeof request.headers.authorization === 'string' ? request.headers.authorization : undefined;
}

export function attachSubscriptionServer(app: FastifyInstance, options: SubscriptionServerOptions): SubscriptionServer {
  const planner: Planner = createPlanner(options.supergraphSdl);
  const services = withSharedFetches(options.services); // executions of one change share their fetches
  const upstream = createUpstreamPool(options.internalSecret);
  const fanouts = new Map<string, Fanout>();
  const wss = new WebSocketServer({ noServer: true });

  app.server.on('upgrade', (request, socket, head) => {
    if (isUpgradeClaimed(request)) return; // another handler (the FHIR websocket channel) took it
    if (new URL(request.url ?? '/', 'http://gateway').pathname !== options.path) return void socket.destroy();
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  /** The stream of one client: joins (or starts) the shared execution of its operation. */
  const stream = (args: ExecutionArgs): Pushable<ExecutionResult> => {
    const context = args.contextValue as GatewayContext;
    const variables = (args.variableValues ?? {}) as Record<string, unknown>;
    const query = args.document.loc?.source.body ?? '';
    const key = [query, args.operationName ?? '', JSON.stringify(variables), JSON.stringify(context.identity)].join('\u0000');
    const client = pushable<ExecutionResult>(() => leave());
    let fanout = fanouts.get(key);
    if (!fanout) fanout = startFanout(key, args, context, variables, query);
    fanout.clients.add(client);
    const current = fanout;
    function leave() {
      current.clients.delete(client);
      if (current.clients.size > 0) return;
      fanouts.delete(key);
      current.leave();
    }
    return client;
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
    const clients = new Set<Pushable<ExecutionResult>>();
    const broadcast = (result: ExecutionResult) => clients.forEach((c) => c.push(result));
    const end = (error?: unknown) => {
      fanouts.delete(key);
      clients.forEach((c) => c.end(error));
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
      },
      {
        next: (event) => {
          chain = chain.then(async () => {
            // A fresh envelope per event: envelopes expire, subscriptions last.
            const perEvent: GatewayContext = { requestId: randomUUID(), identity: context.identity, envelope: signIdentity(context.identity, options.internalSecret) };
            broadcast(await executeEvent(execution, event, perEvent).catch((error: unknown) => ({ errors: [error as GraphQLError] })));
          });
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
      onConnect: async (ctx) => {
        try {
          ctx.extra.gateway = await options.buildContext(bearerOf(ctx.connectionParams, ctx.extra.request), randomUUID());
          return true;
        } catch (error) {
          options.logger.info({ err: error }, 'subscription connection refused');
          return false; // closes with 4403 Forbidden
        }
      },
      onSubscribe: (ctx, _id, payload) => {
        let document;
        // Coded as over HTTP, so formatError shows the caller the message instead of masking it.
        try {
          document = parse(payload.query);
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          return withRequestCode([error], 'GRAPHQL_PARSE_FAILED');
        }
        const errors = validate(planner.schema, document);
        if (errors.length) return withRequestCode(errors, 'GRAPHQL_VALIDATION_FAILED');
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return [new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP.', { extensions: { code: 'BAD_USER_INPUT' } })];
        }
        return {
          schema: planner.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables ?? {},
          contextValue: ctx.extra.gateway,
        };
      },
      // A failure to plan or start answers this subscription with an error, not the whole socket with 4500.
      subscribe: (args) => {
        try {
          return stream(args);
        } catch (error) {
          options.logger.error({ err: error }, 'subscription could not start');
          return { errors: [error instanceof GraphQLError ? error : new GraphQLError((error as Error).message, { originalError: error as Error })] };
        }
      },
      onNext: (_ctx, _id, _payload, _args, result) => maskErrors(result as ExecutionResult, options.formatError),
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => options.formatError(e.toJSON(), e)) as never,
    },
    wss,
  );

  return {
    upstream,
    executions: () => fanouts.size,
    close: async () => {
      for (const fanout of fanouts.values()) fanout.leave();
      fanouts.clear();
      await disposable.dispose();
      await upstream.close();
    },
  };
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
