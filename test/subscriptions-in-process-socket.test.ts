/**
 * Upstream subscription sockets to a subgraph of the same process, in memory
 * (gateway/subscriptions/in-process-socket.ts, D235): the upstream pool's WebSocket is
 * answered by the subgraph's own HTTP server (upgrade, graphql-ws) without a TCP connection, and a
 * server that stopped listening refuses the connection as its port would.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { buildSchema } from 'graphql';
import { createUpstreamPool, type UpstreamEvent } from '../gateway/subscriptions/upstream.js';
import { inProcessConnector } from '../gateway/subscriptions/in-process-socket.js';
import { createLogger } from '../platform/logger.js';
import type { Identity } from '../platform/auth/identity.js';
import { IDENTITY_HEADER, verifyIdentity } from '../platform/auth/internal-token.js';

const SECRET = 'test-secret-of-the-in-process-socket-0123456789abcdef';
const identity = { kind: 'client', subject: 'app', name: 'app', scopes: ['capacity.read'], accessLevel: 2 } as unknown as Identity;
const schema = buildSchema('type Query { ok: Boolean } type Subscription { ticks(count: Int!): Int! }');

let server: Server;
let url: string;
const upgrades: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((_, response) => response.end());
  const wss = new WebSocketServer({ server });
  wss.on('connection', (_socket, request) => upgrades.push(request));
  useServer(
    {
      schema,
      roots: {
        subscription: {
          ticks: async function* ({ count }: { count: number }) {
            for (let i = 1; i <= count; i += 1) yield { ticks: i };
          },
        },
      },
    },
    wss,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
});
afterAll(async () => {
  if (server.listening) await new Promise((resolve) => server.close(resolve));
});

function follow(connections: Record<string, ReturnType<typeof inProcessConnector>>, count: number) {
  const pool = createUpstreamPool({ secret: SECRET, logger: createLogger('silent'), connections });
  const events: UpstreamEvent[] = [];
  const done = new Promise<unknown>((resolve) => {
    pool.join(
      { serviceName: 'capacities', url, operation: `subscription { ticks(count: ${count}) }`, variables: {}, identity },
      { next: (event) => events.push(event), error: (error) => resolve(error), complete: () => resolve('complete') },
    );
  });
  return { pool, events, done };
}

describe('in-memory upstream sockets', () => {
  it('deliver the subgraph’s events through its own HTTP server, with no TCP connection', async () => {
    const before = upgrades.length;
    const { pool, events, done } = follow({ capacities: inProcessConnector(server) }, 3);
    await done; // the subgraph's stream ended (upstream.ts takes it for the subgraph going away)
    expect(events.map((e) => e.data)).toEqual([{ ticks: 1 }, { ticks: 2 }, { ticks: 3 }]);
    const upgrade = upgrades.at(-1)!;
    expect(upgrades.length).toBe(before + 1);
    expect(await verifyIdentity(String(upgrade.headers[IDENTITY_HEADER]), SECRET, 'capacities')).toMatchObject({ subject: 'app' }); // the envelope went along
    expect(upgrade.socket).not.toBeInstanceOf(Socket); // in memory, not a kernel socket
    await pool.close();
  });

  it('over TCP without a connector (subgraphs of other processes)', async () => {
    const { pool, events, done } = follow({}, 2);
    await done;
    expect(events.map((e) => e.data)).toEqual([{ ticks: 1 }, { ticks: 2 }]);
    expect(upgrades.at(-1)!.socket).toBeInstanceOf(Socket);
    await pool.close();
  });

  it('refuse a connection once the subgraph’s server is closed, as its port would', async () => {
    const connect = inProcessConnector(server);
    await new Promise((resolve) => server.close(resolve));
    const { pool, events, done } = follow({ capacities: connect }, 1);
    const error = await done;
    expect(events).toEqual([]);
    expect(error).not.toBe('complete');
    await pool.close();
  });
});
