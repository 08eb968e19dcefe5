/**
 * The PostgreSQL LISTEN connection (platform/db/client.ts) across an outage: while the server is
 * unreachable it retries one attempt at a time with backoff, and once back it listens on exactly
 * one connection, so each notification arrives once. The outage is a TCP proxy in front of the
 * server that drops every connection, then lets them through again.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { openDatabase, type Database } from '../platform/db/client.js';
import { createScratchDatabase } from './helpers/hub.js';

/** Forwards to the PostgreSQL server until `cut()`: then drops what is open and every new connection (counted). */
function startProxy(target: URL): Promise<{ server: Server; port: number; cut: () => void; restore: () => void; refused: () => number; open: () => number }> {
  let cut = false;
  let refused = 0;
  const pairs = new Set<[Socket, Socket]>();
  const server = createServer((socket) => {
    if (cut) return void (refused++, socket.destroy());
    const upstream = createConnection({ host: target.hostname, port: Number(target.port || 5432) });
    const pair: [Socket, Socket] = [socket, upstream];
    pairs.add(pair);
    const drop = () => (pairs.delete(pair), socket.destroy(), upstream.destroy());
    socket.on('error', drop).on('close', drop).pipe(upstream);
    upstream.on('error', drop).on('close', drop).pipe(socket);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        port: (server.address() as { port: number }).port,
        cut: () => {
          cut = true;
          for (const [a, b] of pairs) (a.destroy(), b.destroy());
        },
        restore: () => void (cut = false),
        refused: () => refused,
        open: () => pairs.size,
      }),
    ),
  );
}

/** Polls on real time (node:timers/promises), which the test's fake setTimeout leaves alone. */
async function until(what: string, condition: () => boolean, meanwhile?: () => Promise<unknown>): Promise<void> {
  for (let waited = 0; !condition(); waited += 25) {
    if (waited > 15_000) throw new Error(`timed out waiting for ${what}`);
    await meanwhile?.();
    await sleep(25);
  }
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('LISTEN on PostgreSQL across an outage', () => {
  let scratch: { url: string; drop: () => Promise<void> };
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let db: Database | null = null;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    const direct = new URL(scratch.url);
    proxy = await startProxy(direct);
    const through = new URL(scratch.url);
    through.hostname = '127.0.0.1';
    through.port = String(proxy.port);
    db = await openDatabase({ kind: 'postgres', url: through.toString() });
  });

  afterAll(async () => {
    await db?.close();
    proxy?.server.close();
    await scratch?.drop();
  });

  afterEach(() => void vi.useRealTimers());

  it('retries one attempt at a time, then listens on one connection: each notification once', { timeout: 60_000 }, async () => {
    const payloads: string[] = [];
    let reconnections = 0;
    const stop = await db!.listen('outage_test', (p) => payloads.push(p), () => reconnections++);
    await db!.close(); // only the listening connection goes through the proxy from here on
    db = null;
    await until('the pool closed', () => proxy.open() === 1);

    // The backoff's waits are fake timers, run by hand: a turn lets the waits due expire, 10 s
    // (the backoff's cap) at a time, until an attempt reaches the proxy and is refused.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    proxy.cut();
    for (let turn = 1; turn <= 6; turn++) {
      await until(`refused attempt ${turn}`, () => proxy.refused() >= turn, () => vi.advanceTimersByTimeAsync(10_000));
      await sleep(100); // attempts of a second retry loop would arrive with this one
    }
    // One loop: one attempt per turn. Two loops per failed attempt (the bug) made 1 + 2 + 4 + …
    expect(proxy.refused()).toBe(6);

    proxy.restore();
    await until('the reconnection', () => reconnections > 0, () => vi.advanceTimersByTimeAsync(10_000));
    await vi.advanceTimersByTimeAsync(60_000); // any other pending attempt would connect too
    await sleep(300);
    expect(reconnections).toBe(1);
    expect(proxy.open()).toBe(1);

    const notifier = new pg.Client({ connectionString: scratch.url });
    await notifier.connect();
    await notifier.query(`select pg_notify('outage_test', 'after')`);
    await notifier.end();
    await until('the notification', () => payloads.length > 0);
    await sleep(300); // a second listening connection would deliver it again
    expect(payloads).toEqual(['after']);

    await stop();
    await until('the connection closed', () => proxy.open() === 0);
  });
});
