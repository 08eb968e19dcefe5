/**
 * Upstream subscriptions to the owning subgraphs over graphql-ws. One WebSocket per (subgraph,
 * caller identity), multiplexing that caller's subscriptions; identical subscriptions (same
 * subgraph, operation, variables and identity) share one upstream subscription, which ends when
 * its last client leaves.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { GraphQLFormattedError } from 'graphql';
import { IDENTITY_HEADER, signIdentity } from '../../platform/auth/internal-token.js';
import type { Identity } from '../../platform/auth/identity.js';

export interface UpstreamEvent {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

export interface UpstreamSink {
  next(event: UpstreamEvent): void;
  error(error: unknown): void;
  complete(): void;
}

export interface UpstreamRequest {
  serviceName: string;
  /** The subgraph's HTTP GraphQL URL (the WebSocket URL is derived from it). */
  url: string;
  operation: string;
  variables: Record<string, unknown>;
  identity: Identity;
}

export interface UpstreamPool {
  /** Joins the (possibly shared) upstream subscription; returns the function that leaves it. */
  join(request: UpstreamRequest, sink: UpstreamSink): () => void;
  /** Open upstream WebSockets and subscriptions (metrics and tests). */
  stats(): { sockets: number; subscriptions: number };
  close(): Promise<void>;
}

interface Shared {
  sinks: Set<UpstreamSink>;
  stop: () => void;
}

const wsUrl = (url: string) => url.replace(/^http/, 'ws');

/** A WebSocket class that signs the caller's identity afresh for each (re)connection: envelopes expire. */
function signedWebSocket(identity: Identity, secret: string): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { [IDENTITY_HEADER]: signIdentity(identity, secret) } });
    }
  } as typeof WebSocket;
}

export function createUpstreamPool(secret: string): UpstreamPool {
  const clients = new Map<string, Client>();
  const shared = new Map<string, Shared>();
  let openSockets = 0;

  const clientFor = (request: UpstreamRequest, identityKey: string): Client => {
    const key = `${request.serviceName}\u0000${identityKey}`;
    let client = clients.get(key);
    if (!client) {
      let connected = false;
      client = createClient({
        url: wsUrl(request.url),
        webSocketImpl: signedWebSocket(request.identity, secret),
        lazy: true, // connects with the first subscription, closes after the last
        lazyCloseTimeout: 0,
        retryAttempts: 10,
        shouldRetry: () => true,
        on: {
          connected: () => {
            connected = true;
            openSockets += 1;
          },
          closed: () => {
            if (connected) openSockets -= 1;
            connected = false;
          },
        },
      });
      clients.set(key, client);
    }
    return client;
  };

  return {
    join(request, sink) {
      const identityKey = JSON.stringify(request.identity);
      const key = [request.serviceName, identityKey, request.operation, JSON.stringify(request.variables)].join('\u0000');
      let entry = shared.get(key);
      if (!entry) {
        const sinks = new Set<UpstreamSink>();
        const finish = (notify: (s: UpstreamSink) => void) => {
          shared.delete(key);
          for (const s of sinks) notify(s);
          sinks.clear();
        };
        const stop = clientFor(request, identityKey).subscribe(
          { query: request.operation, variables: request.variables },
          {
            next: (event) => {
              for (const s of sinks) s.next(event as UpstreamEvent);
            },
            error: (error) => finish((s) => s.error(error)),
            complete: () => finish((s) => s.complete()),
          },
        );
        entry = { sinks, stop };
        shared.set(key, entry);
      }
      const current = entry;
      current.sinks.add(sink);
      return () => {
        if (!current.sinks.delete(sink) || current.sinks.size > 0) return;
        shared.delete(key);
        current.stop(); // graphql-ws sends `complete` upstream; the lazy socket closes when idle
      };
    },
    stats: () => ({ sockets: openSockets, subscriptions: shared.size }),
    close: async () => {
      for (const entry of shared.values()) entry.stop();
      shared.clear();
      await Promise.all([...clients.values()].map((c) => c.dispose()));
      clients.clear();
    },
  };
}
