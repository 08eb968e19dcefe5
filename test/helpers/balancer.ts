/**
 * A TCP load balancer on the loopback, as a deployment puts in front of a component's replicas
 * (a Kubernetes Service, HAProxy in TCP mode): each new connection goes to a backend; a backend
 * that refuses the connection (killed) is skipped, so clients only notice
 * the connections that were open on it. Works for HTTP (keep-alive connections stay on their
 * backend) and WebSockets alike.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface Balancer {
  port: number;
  /** Connections handed to each backend port so far. */
  readonly handed: Map<number, number>;
  close(): Promise<void>;
}

/** Connects to the first backend, from `start` on, that accepts; null when none does. */
function connectAny(ports: readonly number[], start: number, onOpen: (socket: Socket, port: number) => void, onNone: () => void, tried = 0): void {
  if (tried >= ports.length) return onNone();
  const port = ports[(start + tried) % ports.length]!;
  const upstream = connect({ host: '127.0.0.1', port });
  upstream.once('connect', () => onOpen(upstream, port));
  upstream.once('error', (error: NodeJS.ErrnoException) => {
    if (!upstream.connecting && error.code !== 'ECONNREFUSED') return; // an error after connecting: handled by the pipe
    upstream.destroy();
    connectAny(ports, start, onOpen, onNone, tried + 1);
  });
}

/**
 * `round-robin`: each connection to the next backend; `failover`: always the first backend that
 * accepts (a primary and its stand-by), so a test knows which replica served a request.
 */
export type Balancing = 'round-robin' | 'failover';

export async function startBalancer(backends: readonly number[], balancing: Balancing = 'round-robin'): Promise<Balancer> {
  let next = 0;
  const handed = new Map<number, number>();
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    connectAny(
      backends,
      balancing === 'round-robin' ? next++ : 0,
      (upstream, backend) => {
        handed.set(backend, (handed.get(backend) ?? 0) + 1);
        open.add(upstream);
        upstream.once('close', () => (open.delete(upstream), client.destroy()));
        upstream.on('error', () => upstream.destroy());
        client.once('close', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      },
      () => client.destroy(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    handed,
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
