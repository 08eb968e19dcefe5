/**
 * How the gateway reaches subgraphs: over HTTP with kept-alive sockets (one undici Agent for all
 * subgraphs), carrying the verified identity as a signed envelope (never the bearer token), and
 * within a time limit: a hung subgraph costs its callers `timeoutMs`, then a SERVICE_UNAVAILABLE.
 * Subgraphs refuse a request without an envelope (platform/subgraph-gate.ts), so every request
 * carries one: the caller's, or, should a context ever lack it, the anonymous identity's.
 */
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { Agent, fetch as undiciFetch } from 'undici';
import { isTimeout, serviceTimeout } from '../platform/errors.js';
import { CLIENT_ADDRESS_HEADER, REQUEST_ID_HEADER } from '../platform/request-context.js';
import { IDENTITY_HEADER, signIdentity } from '../platform/auth/internal-token.js';
import { ANONYMOUS } from '../platform/auth/identity.js';
import { inSpan, traceHeaders, tracerOf } from '../platform/tracing.js';
import type { GatewayContext } from './context.js';

export interface SubgraphDataSourceOptions {
  /** The subgraph's name: the span's and the fetch histogram's label. */
  name: string;
  internalSecret: string;
  timeoutMs: number;
  /** Told each fetch's duration (gateway/metrics.ts). */
  observe?: (subgraph: string, seconds: number, outcome: 'ok' | 'error') => void;
}

const tracer = tracerOf('gateway');

export function createKeepAliveAgent(): Agent {
  return new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 64 });
}

/**
 * Every fetch is bounded by `timeoutMs` (headers and body); a caller's own, shorter signal (the
 * identity lookups') still applies, and its timeout is reported by the caller.
 */
export function keepAliveFetcher(agent: Agent, timeoutMs: number): Fetcher {
  return (async (url: string, init: Record<string, unknown> = {}) => {
    const own = AbortSignal.timeout(timeoutMs);
    const signal = init.signal instanceof AbortSignal ? AbortSignal.any([init.signal, own]) : own;
    try {
      return await undiciFetch(url, { ...init, signal, dispatcher: agent } as never);
    } catch (error) {
      throw own.aborted && isTimeout(error) ? serviceTimeout(timeoutMs) : error;
    }
  }) as unknown as Fetcher;
}

export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly #options: SubgraphDataSourceOptions;

  constructor(config: { url: string; fetcher: Fetcher }, options: SubgraphDataSourceOptions) {
    super(config);
    this.#options = options;
  }

  /** One CLIENT span and one histogram sample per fetch; willSendRequest runs inside the span. */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    const { name, observe } = this.#options;
    const started = performance.now();
    let outcome: 'ok' | 'error' = 'error';
    try {
      const response = await inSpan(tracer, `subgraph ${name}`, { client: true, attributes: { 'ror.subgraph': name, 'server.address': this.url ?? '' } }, () => super.process(options));
      if (!response.errors?.length) outcome = 'ok';
      return response;
    } finally {
      observe?.(name, (performance.now() - started) / 1000, outcome);
    }
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    if (!request.http) return;
    // The least privilege when no caller is known (deny by default): never a request without an envelope.
    const { name, internalSecret } = this.#options;
    const envelope = context?.envelope ? context.envelope(name) : signIdentity(ANONYMOUS, internalSecret, name);
    request.http.headers.set(IDENTITY_HEADER, await envelope);
    for (const [name, value] of Object.entries(traceHeaders())) request.http.headers.set(name, value); // W3C traceparent
    if (context?.requestId) request.http.headers.set(REQUEST_ID_HEADER, context.requestId);
    if (context?.clientAddress) request.http.headers.set(CLIENT_ADDRESS_HEADER, context.clientAddress);
  }

  /** A body still arriving when the time is up fails here (the fetcher reports slow headers itself). */
  override didEncounterError(error: Error): never {
    throw isTimeout(error) ? serviceTimeout(this.#options.timeoutMs) : error;
  }
}
