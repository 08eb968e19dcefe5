/**
 * The websocket channel (backport IG channels.html#websockets): a client gets a token with
 * `Subscription/[id]/$get-ws-binding-token`, connects to `<FHIR base>/subscriptions-ws` and
 * sends `bind-with-token <token>`; the server answers a handshake Bundle, then event
 * notifications and heartbeats as JSON Bundles. Clients never acknowledge.
 *
 * Sockets live in one process: each process sends the events of the sockets it holds, woken by
 * the events NOTIFY (or its poll). A socket sees events logged after it bound; what it missed
 * while disconnected is read with `$events` (its event numbers show the gap).
 *
 * The gateway's graphql-ws server also listens to HTTP upgrades on the same server: this one is
 * prepended and claims its path (platform/upgrade.ts), so the gateway leaves that socket alone.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { claimUpgrade } from '../../platform/upgrade.js';
import type { Logger } from '../../platform/logger.js';
import { notificationBundle } from './bundles.js';
import type { SubscriptionStore } from './store.js';
import type { SubscriptionRow } from './tables.js';

export const WEBSOCKET_PATH = 'subscriptions-ws';
/** Events sent to one socket per wake, at most (the rest follows at the next wake). */
const PAGE = 100;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

interface Binding {
  subscriptionId: string;
  /** Number of the last event sent on this socket. */
  cursor: number;
  heartbeatMs: number | null;
  lastSentAt: number;
}

interface Connection {
  socket: WebSocket;
  bindings: Map<string, Binding>;
  /** Sends run one after the other, so a socket gets its bundles in event order. */
  chain: Promise<void>;
  /** A refresh is queued and has not started: further wakes join it. */
  refreshQueued: boolean;
}

export interface WebsocketChannel {
  /** Sends what was logged since each binding's cursor, and heartbeats that are due. */
  wake(): void;
  close(): Promise<void>;
}

export function attachWebsocketChannel(server: Server, path: string, store: SubscriptionStore, logger: Logger): WebsocketChannel {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 });
  const connections = new Set<Connection>();

  const send = async (connection: Connection, row: SubscriptionRow, type: 'handshake' | 'heartbeat' | 'event-notification', binding: Binding) => {
    const events = type === 'event-notification' ? await store.events(row.id, binding.cursor, row.eventCount, PAGE) : [];
    if (type === 'event-notification' && events.length === 0) return;
    // max-count events per bundle, as on rest-hook
    for (let i = 0; i === 0 || i < events.length; i += row.maxCount) {
      const chunk = events.slice(i, i + row.maxCount);
      connection.socket.send(JSON.stringify(await notificationBundle(row, type, chunk, row.content)));
      if (chunk.length) binding.cursor = chunk.at(-1)!.eventNumber;
    }
    binding.lastSentAt = Date.now();
  };

  const refresh = async (connection: Connection): Promise<void> => {
    for (const binding of connection.bindings.values()) {
      const row = await store.get(binding.subscriptionId);
      if (!row || row.status === 'off') {
        connection.bindings.delete(binding.subscriptionId); // deleted or ended: nothing more to say
        continue;
      }
      if (row.eventCount > binding.cursor) await send(connection, row, 'event-notification', binding);
      else if (binding.heartbeatMs !== null && Date.now() - binding.lastSentAt >= binding.heartbeatMs) await send(connection, row, 'heartbeat', binding);
    }
  };

  const enqueue = (connection: Connection, task: () => Promise<void>) => {
    connection.chain = connection.chain.then(task).catch((error: unknown) => {
      logger.error({ err: error }, 'FHIR subscription websocket send failed');
      connection.socket.terminate();
    });
  };

  const bind = async (connection: Connection, token: string): Promise<void> => {
    const id = await store.tokenSubscription(hashToken(token));
    const found = id ? await store.get(id) : null;
    if (!found || found.channelType !== 'websocket' || found.status === 'off') {
      connection.socket.close(4001, 'Invalid or expired binding token');
      return;
    }
    await store.markActive(found.id);
    const row = (await store.get(found.id))!;
    const binding: Binding = { subscriptionId: row.id, cursor: row.eventCount, heartbeatMs: row.heartbeatSeconds ? row.heartbeatSeconds * 1000 : null, lastSentAt: 0 };
    connection.bindings.set(row.id, binding);
    await send(connection, row, 'handshake', binding);
  };

  wss.on('connection', (socket: WebSocket) => {
    const connection: Connection = { socket, bindings: new Map(), chain: Promise.resolve(), refreshQueued: false };
    connections.add(connection);
    socket.on('close', () => connections.delete(connection));
    socket.on('error', () => socket.terminate());
    socket.on('message', (data, isBinary) => {
      const text = isBinary ? '' : data.toString('utf8').trim();
      const match = /^bind-with-token\s+(\S+)$/.exec(text);
      if (!match) {
        socket.close(4000, 'Expected: bind-with-token <token>');
        return;
      }
      enqueue(connection, () => bind(connection, match[1]!));
    });
  });

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? '/', 'http://fhir').pathname !== path) return;
    claimUpgrade(request);
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  server.prependListener('upgrade', onUpgrade);

  return {
    wake: () => {
      for (const connection of connections) {
        if (connection.bindings.size === 0 || connection.refreshQueued) continue;
        connection.refreshQueued = true;
        enqueue(connection, () => {
          connection.refreshQueued = false;
          return refresh(connection);
        });
      }
    },
    close: async () => {
      server.removeListener('upgrade', onUpgrade);
      for (const connection of connections) connection.socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
