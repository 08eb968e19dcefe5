/**
 * How the gateway reaches subgraphs: over HTTP with kept-alive sockets (one undici Agent for all
 * subgraphs), carrying the verified identity as a signed envelope (never the bearer token).
 */
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { Agent, fetch as undiciFetch } from 'undici';
import { IDENTITY_HEADER } from '../platform/auth/internal-token.js';
import type { GatewayContext } from './context.js';

export function createKeepAliveAgent(): Agent {
  return new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 64 });
}

export function keepAliveFetcher(agent: Agent): Fetcher {
  return ((url: string, init?: Record<string, unknown>) => undiciFetch(url, { ...init, dispatcher: agent } as never)) as unknown as Fetcher;
}

export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!request.http || !context?.envelope) return;
    request.http.headers.set(IDENTITY_HEADER, context.envelope);
    request.http.headers.set('x-request-id', context.requestId);
  }
}
