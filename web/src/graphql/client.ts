/**
 * The console's GraphQL client: urql over HTTP for queries and mutations, graphql-ws on the same
 * origin for subscriptions (`/graphql`, WebSocket upgrade), the bearer token sent as the
 * `authorization` connection parameter (docs/subscriptions.md). The socket's state feeds the
 * "Connexion perdue" banner.
 */
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient } from 'graphql-ws';

export type ConnectionState = 'idle' | 'connected' | 'lost';

type Listener = (state: ConnectionState) => void;

export interface ConsoleClient {
  urql: Client;
  onConnectionState(listener: Listener): () => void;
  dispose(): void;
}

export function createConsoleClient(token: string): ConsoleClient {
  const listeners = new Set<Listener>();
  let state: ConnectionState = 'idle';
  const set = (next: ConnectionState) => {
    state = next;
    for (const listener of listeners) listener(next);
  };
  const wsUrl = new URL('/graphql', window.location.href);
  wsUrl.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = createWsClient({
    url: wsUrl.href,
    connectionParams: { authorization: `Bearer ${token}` },
    // A dropped socket (hub restart, network) is retried for ever; the subscriptions resume on
    // their own once it is back. The wait doubles from 0.5 s up to 10 s, with up to 1 s of jitter
    // so a restarted hub is not hit by every console at once: graphql-ws's own backoff has no cap,
    // and a bed manager must not stay blind for minutes after a short outage.
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => window.setTimeout(resolve, Math.min(500 * 2 ** retries, 10_000) + Math.random() * 1_000)),
    on: {
      connected: () => set('connected'),
      // 1000 is graphql-ws closing an idle socket itself (lazy: no subscription left, e.g. on a
      // screen without live data) or the console disposing it: not a lost connection.
      closed: (event) => {
        if (state === 'connected') set((event as { code?: number } | undefined)?.code === 1000 ? 'idle' : 'lost');
      },
    },
  });
  const urql = new Client({
    url: '/graphql',
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
    fetchOptions: { headers: { authorization: `Bearer ${token}` } },
    // POST always: Apollo's CSRF guard refuses a GET without a preflight-forcing header, and tokens
    // and patient data stay out of URLs and logs.
    preferGetMethod: false,
    // Lists are read again after every write and live event; the cache only dedupes.
    requestPolicy: 'cache-and-network',
  });
  return {
    urql,
    onConnectionState(listener) {
      listeners.add(listener);
      listener(state);
      return () => void listeners.delete(listener);
    },
    dispose: () => void ws.dispose(),
  };
}
