/**
 * Many consoles connecting at once while the hub's thread is held up (a restart's start-up work, a
 * large PGlite transaction): every socket whose `connection_init` was sent in time is
 * acknowledged, none closed with 4408 because the hub read it late (gateway/subscriptions/init-wait.ts).
 * A socket that sends nothing is still closed with 4408. The hub runs in this thread, so the test
 * can hold its event loop up exactly as a stall would. One database kind: the sockets' wait does
 * not touch the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestHub, type TestHub } from './helpers/hub.js';
import { asApp, asUser } from './helpers/tokens.js';
import { INIT_WAIT_MS } from '../gateway/subscriptions/init-wait.js';

const SOCKETS = 300;

/** A raw graphql-ws socket, open (upgrade answered): the server's wait for its `connection_init` has started. */
async function openSocket(url: string): Promise<WebSocket> {
  const socket = new WebSocket(url, 'graphql-transport-ws');
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return socket;
}

/** 'ack' when the server acknowledges the connection, `closed <code>` when it closes it first. */
const outcome = (socket: WebSocket) =>
  new Promise<string>((resolve) => {
    socket.on('message', (data: Buffer) => {
      if ((JSON.parse(data.toString()) as { type: string }).type === 'connection_ack') resolve('ack');
    });
    socket.once('close', (code: number) => resolve(`closed ${code}`));
  });

/** Holds this thread (the hub's) without yielding, as a long synchronous stretch of work does. */
function stall(ms: number): void {
  for (const end = Date.now() + ms; Date.now() < end; );
}

describe('graphql-ws connections while the hub is held up', () => {
  let hub: TestHub;
  let url: string;
  let tokens: string[];
  beforeAll(async () => {
    hub = await startTestHub('pglite');
    url = hub.urls.graphql.replace(/^http/, 'ws');
    tokens = await Promise.all([asUser(hub.urls.graphql, 'admin.ars'), asUser(hub.urls.graphql, 'saisie.lits.chateauroux'), asApp(hub.urls.graphql, 'place-search'), asApp(hub.urls.graphql, 'national-aggregator')]);
  }, 120_000);
  afterAll(async () => {
    await hub?.close(); // forgets its tokens too (helpers/hub.ts)
  });

  // The two tests run side by side, the silent socket opened first: its 3-second wait passes
  // during the other's stall instead of after it (4408 is the answer in either order).
  it.concurrent('still closes a socket that sends no connection_init with 4408', async () => {
    const socket = await openSocket(url);
    expect(await outcome(socket)).toBe('closed 4408');
  }, 20_000);

  it.concurrent(`acknowledges ${SOCKETS} connection_inits sent in time though the hub read them after its wait had run out`, async () => {
    const sockets = await Promise.all(Array.from({ length: SOCKETS }, () => openSocket(url)));
    const outcomes = sockets.map(outcome);
    sockets.forEach((s, i) => s.send(JSON.stringify({ type: 'connection_init', payload: { authorization: tokens[i % tokens.length] } })));
    // Every message is in the hub's socket buffers now; the hub reads them only after this stall.
    stall(INIT_WAIT_MS + 500);
    const results = await Promise.all(outcomes);
    sockets.forEach((s) => s.close());
    expect(results.filter((r) => r !== 'ack')).toEqual([]);
  }, 60_000);
});
