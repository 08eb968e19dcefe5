/**
 * How the gateway reaches subgraphs: over HTTP with kept-alive sockets (one undici Agent for all
 * subgraphs) and the caller's credentials forwarded, so each subgraph can check them again.
 */
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { Agent, fetch as undiciFetch } from 'undici';
import type { GatewayContext } from './context.js';

export function createKeepAliveAgent(): Agent {
  return new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 64 });
}

export function keepAliveFetcher(agent: Agent): Fetcher {
  return ((url: string, init?: Record<string, unknown>) => undiciFetch(url, { ...init, dispatcher: agent } as never)) as unknown as Fetcher;
}

/** Headers of the client request that subgraphs need. */
const FORWARDED_HEADERS = ['authorization', 'x-request-id'] as const;

export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = context?.headers;
    if (!headers || !request.http) return;
    for (const name of FORWARDED_HEADERS) {
      const value = headers[name];
      if (value) request.http.headers.set(name, value);
    }
  }
}
