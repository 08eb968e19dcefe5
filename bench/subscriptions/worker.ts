/**
 * The subscribers, in a worker thread: each its own graphql-ws client and WebSocket, recording
 * when each event arrives. A worker keeps the clients' parsing off the hub's event loop (both
 * still share the machine's cores); times come from the process-wide monotonic clock.
 */
import { parentPort } from 'node:worker_threads';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { now } from '../lib/stats.js';
import type { Deliveries, FromWorker, SubscriberSpec, ToWorker } from './protocol.js';

const port = parentPort!;
const BATCH = 25;
const send = (message: FromWorker) => port.postMessage(message);

let clients: Client[] = [];
let counts: number[] = [];
let deliveries: Deliveries = { subscriber: [], key: [], at: [] };
let errors = 0;
let firstError: string | null = null;
/** Bumped by \`close\`: a closed subscriber's late callbacks (its socket's end) count for nothing. */
let generation = 0;

function socketWith(headers: Record<string, string> | undefined): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: headers ?? {} });
    }
  } as typeof WebSocket;
}

interface Event {
  capacityChanged?: { unit?: { id?: string }; capacity?: { version?: number } };
}

/**
 * Opens these subscribers after those of earlier `start` messages (their indexes follow on), 25 at
 * a time; resolves once each socket is acknowledged. Larger batches on a loaded machine let the
 * server's 3 s `connection_init` timeout (4408) close some sockets.
 */
async function start(specs: SubscriberSpec[]): Promise<void> {
  const started = now();
  const base = counts.length;
  const current = generation;
  counts = [...counts, ...specs.map(() => 0)];
  for (let from = 0; from < specs.length; from += BATCH) {
    await Promise.all(
      specs.slice(from, from + BATCH).map(
        (spec, offset) =>
          new Promise<void>((resolve, reject) => {
            const index = base + from + offset;
            const client = createClient({
              url: spec.url,
              webSocketImpl: socketWith(spec.headers),
              connectionParams: spec.authorization ? { authorization: spec.authorization } : undefined,
              lazy: false,
              retryAttempts: 0,
              on: { connected: () => resolve(), closed: (e) => reject(new Error(`subscriber ${index} closed: ${(e as { code?: number }).code}`)) },
            });
            clients.push(client);
            client.subscribe<Event>(
              { query: spec.query, variables: spec.variables },
              {
                next: (result) => {
                  const at = now();
                  if (current !== generation) return;
                  const change = result.data?.capacityChanged;
                  if (result.errors?.length || !change) {
                    errors += 1;
                    firstError ??= JSON.stringify(result.errors ?? result);
                    return;
                  }
                  counts[index]! += 1;
                  deliveries.subscriber.push(index);
                  deliveries.key.push(`${change.unit?.id}|${change.capacity?.version}`);
                  deliveries.at.push(at);
                },
                error: (error) => {
                  if (current !== generation) return;
                  errors += 1;
                  firstError ??= error instanceof Error ? error.message : JSON.stringify(error);
                },
                complete: () => undefined,
              },
            );
          }),
      ),
    );
  }
  send({ kind: 'connected', sockets: specs.length, ms: now() - started });
}

port.on('message', (message: ToWorker) => {
  switch (message.kind) {
    case 'start':
      start(message.specs).catch((error: Error) => {
        throw error;
      });
      break;
    case 'counts':
      send({ kind: 'counts', counts, errors, firstError });
      break;
    case 'reset':
      counts = counts.map(() => 0);
      deliveries = { subscriber: [], key: [], at: [] };
      break;
    case 'collect':
      send({ kind: 'deliveries', deliveries });
      break;
    case 'close':
      // Every subscriber ends; the next \`start\` numbers its subscribers from 0 again.
      void Promise.all(clients.map((c) => c.dispose())).then(() => {
        clients = [];
        counts = [];
        deliveries = { subscriber: [], key: [], at: [] };
        errors = 0;
        firstError = null;
        send({ kind: 'closed' });
      });
      break;
  }
});
