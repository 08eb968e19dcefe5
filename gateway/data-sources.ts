/**
 * How the gateway reaches subgraphs: over HTTP with kept-alive sockets (one undici Agent for all
 * subgraphs), carrying the verified identity as a signed envelope (never the bearer token).
 * Subgraphs refuse a request without an envelope (platform/subgraph-gate.ts), so every request
 * carries one: the caller's, or, should a context ever lack it, the anonymous identity's.
 */
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { Agent, fetch as undiciFetch } from 'undici';
import { IDENTITY_HEADER, signIdentity } from '../platform/auth/internal-token.js';
import { ANONYMOUS } from '../platform/auth/identity.js';
import type { GatewayContext } from './context.js';

export function createKeepAliveAgent(): Agent {
  return new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 64 });
}

export function keepAliveFetcher(agent: Agent): Fetcher {
  return ((url: string, init?: Record<string, unknown>) => undiciFetch(url, { ...init, dispatcher: agent } as never)) as unknown as Fetcher;
}

export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly #internalSecret: string;

  constructor(config: { url: string; fetcher: Fetcher }, internalSecret: string) {
    super(config);
    this.#internalSecret = internalSecret;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!request.http) return;
    // The least privilege when no caller is known (deny by default): never a request without an envelope.
    request.http.headers.set(IDENTITY_HEADER, context?.envelope ?? signIdentity(ANONYMOUS, this.#internalSecret));
    if (context?.requestId) request.http.headers.set('x-request-id', context.requestId);
  }
}
