/**
 * Upstream subscriptions to the owning subgraphs over graphql-ws. One WebSocket per (subgraph,
 * caller identity), multiplexing that caller's subscriptions; identical subscriptions (same
 * subgraph, operation, variables and identity) share one upstream subscription, which ends when
 * its last client leaves.
 *
 * A subscription that can resume (plan.ts) survives its subgraph going away (restart, kill -9,
 * a lost connection, a silent one caught by ping/pong): it is opened again after the last
 * position it delivered, so the changes committed meanwhile arrive, in order, none twice. Others
 * end with an error: never silently. docs/subscriptions.md#when-a-subgraph-goes-away.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Duplex } from 'node:stream';
import type { GraphQLFormattedError } from 'graphql';
import { IDENTITY_HEADER, signIdentity } from '../../platform/auth/internal-token.js';
import type { Identity } from '../../platform/auth/identity.js';
import type { Logger } from '../../platform/logger.js';
import { RESUME_ALIAS, RESUME_VARIABLE } from './plan.js';
import { traceHeaders } from '../../platform/tracing.js';

export interface UpstreamEvent {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
  /** The change-feed position of the event, when its subscription can resume (the same change has the same one everywhere). */
  position?: string;
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
  /** Set when the subscription can resume after a feed position: its field's response key and the client's own start. */
  resume?: { responseKey: string; initial: string | null } | null;
}

export interface UpstreamOptions {
  secret: string;
  logger: Logger;
  /** How long a broken resumable subscription keeps trying to resume before it fails (default 60 s). */
  resumeWindowMs?: number;
  /** Subgraphs served by this process: their sockets are opened in memory (in-process-socket.ts), the others over TCP. */
  connections?: Readonly<Record<string, () => Duplex>>;
}

/** Pings every 15 s; a socket that does not answer within 5 s is taken for dead and closed. */
const KEEP_ALIVE_MS = 15_000;
const PONG_TIMEOUT_MS = 5_000;
/** Waits between resume attempts: 100 ms doubling up to 5 s. */
const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 5_000;

export class UpstreamGoneError extends Error {
  readonly serviceName: string;
  constructor(serviceName: string) {
    super(`The ${serviceName} subgraph could not be reached again; subscribe again.`);
    this.serviceName = serviceName;
  }
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

/**
 * The client's URL and WebSocket class, signing the caller's identity afresh for each
 * (re)connection: envelopes expire. Signing is asynchronous and a constructor is not, so the
 * envelope is signed when graphql-ws asks for the URL, just before it constructs the socket.
 */
function signedConnection(request: UpstreamRequest, secret: string, connect: (() => Duplex) | undefined): { url: () => Promise<string>; webSocketImpl: typeof WebSocket } {
  let envelope = '';
  return {
    url: async () => {
      envelope = await signIdentity(request.identity, secret, request.serviceName);
      return wsUrl(request.url);
    },
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        // traceparent: the upgrade request joins the trace of whatever opened the connection.
        super(address, protocols, { headers: { [IDENTITY_HEADER]: envelope, ...traceHeaders() }, ...(connect ? { createConnection: connect } : {}) });
      }
    } as typeof WebSocket,
  };
}

/** The event without the position the gateway selected for itself, which it remembers. */
function withoutPosition(event: UpstreamEvent, responseKey: string, remember: (position: string) => void): UpstreamEvent {
  const root = event.data?.[responseKey];
  if (!root || typeof root !== 'object') return event;
  const { [RESUME_ALIAS]: position, ...rest } = root as Record<string, unknown>;
  if (position === null || position === undefined) return { ...event, data: { ...event.data, [responseKey]: rest } };
  remember(String(position));
  return { ...event, data: { ...event.data, [responseKey]: rest }, position: String(position) };
}

export function createUpstreamPool(options: UpstreamOptions): UpstreamPool {
  const { secret, logger } = options;
  const resumeWindowMs = options.resumeWindowMs ?? 60_000;
  const clients = new Map<string, Client>();
  const shared = new Map<string, Shared>();
  let openSockets = 0;

  const clientFor = (request: UpstreamRequest, identityKey: string): Client => {
    const key = `${request.serviceName}\u0000${identityKey}`;
    let client = clients.get(key);
    if (!client) {
      let connected = false;
      let socket: WebSocket | null = null;
      let pongTimer: NodeJS.Timeout | null = null;
      client = createClient({
        ...signedConnection(request, secret, options.connections?.[request.serviceName]),
        lazy: true, // connects with the first subscription, closes after the last
        lazyCloseTimeout: 0,
        // No silent re-subscription by the client: it would resend the same `after` and lose what
        // was committed meanwhile. Each subscription resumes itself from its own position (join).
        retryAttempts: 0,
        keepAlive: KEEP_ALIVE_MS,
        on: {
          connected: (s) => {
            connected = true;
            socket = s as WebSocket;
            openSockets += 1;
          },
          ping: (received) => {
            if (received) return;
            pongTimer = setTimeout(() => socket?.close(4408, 'Pong timeout'), PONG_TIMEOUT_MS);
            pongTimer.unref();
          },
          pong: (received) => {
            if (received && pongTimer) clearTimeout(pongTimer);
          },
          closed: () => {
            if (pongTimer) clearTimeout(pongTimer);
            if (connected) openSockets -= 1;
            connected = false;
            socket = null;
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
        const client = clientFor(request, identityKey);
        const resume = request.resume ?? null;
        let position = resume?.initial ?? null;
        let stopped = false;
        let brokenSince: number | null = null;
        let attempt = 0;
        let retry: NodeJS.Timeout | null = null;
        let unsubscribe: () => void = () => undefined;
        const finish = (notify: (s: UpstreamSink) => void) => {
          stopped = true;
          if (retry) clearTimeout(retry);
          stopConnected();
          if (shared.get(key) === created) shared.delete(key);
          for (const s of sinks) notify(s);
          sinks.clear();
        };
        // A (re)connection of this client counts as recovered: a later break gets a full window again.
        const stopConnected = client.on('connected', () => {
          brokenSince = null;
          attempt = 0;
        });
        const broken = (reason: unknown) => {
          if (stopped) return;
          if (!resume) return finish((s) => s.error(reason));
          brokenSince ??= Date.now();
          if (Date.now() - brokenSince > resumeWindowMs) {
            logger.warn({ subgraph: request.serviceName, position }, 'upstream subscription could not resume; its clients get an error');
            return finish((s) => s.error(new UpstreamGoneError(request.serviceName)));
          }
          const delay = Math.min(RETRY_FIRST_MS * 2 ** attempt++, RETRY_MAX_MS);
          logger.info({ subgraph: request.serviceName, position, delayMs: delay }, 'upstream subscription broken; resuming');
          retry = setTimeout(() => {
            retry = null;
            if (!stopped) open();
          }, delay);
        };
        const open = () => {
          const variables = resume ? { ...request.variables, [RESUME_VARIABLE]: position } : request.variables;
          unsubscribe = client.subscribe(
            { query: request.operation, variables },
            {
              next: (event) => {
                brokenSince = null;
                attempt = 0;
                const delivered = resume ? withoutPosition(event as UpstreamEvent, resume.responseKey, (p) => (position = p)) : (event as UpstreamEvent);
                for (const s of sinks) s.next(delivered);
              },
              // GraphQL errors (refused, a bad `after`) are the subgraph's answer: final. Anything
              // else is the connection failing: resume when possible.
              error: (error) => (Array.isArray(error) ? finish((s) => s.error(error)) : broken(error)),
              // Subgraph streams never end by themselves: a completion is the subgraph closing.
              complete: () => broken(new UpstreamGoneError(request.serviceName)),
            },
          );
        };
        open();
        const created: Shared = {
          sinks,
          stop: () => {
            stopped = true;
            if (retry) clearTimeout(retry);
            stopConnected();
            unsubscribe();
          },
        };
        entry = created;
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
