/**
 * How long a graphql-ws socket may stay open without its `connection_init` (then closed with
 * 4408), counted so that the hub's own stalls do not count against the client.
 *
 * graphql-ws's built-in wait is a plain timer that checks whether the message was received. When
 * the hub's event loop is held up (a large PGlite transaction runs without yielding: the first
 * daily snapshot of 30,000 units held it for 8 s in the bench), the timer is overdue when the loop
 * resumes, and Node runs overdue timers *before* reading the sockets: a client whose
 * `connection_init` has been waiting in the socket's buffer since the first millisecond is closed
 * as if it had sent nothing. A thousand consoles reconnecting after a restart, while the restarted
 * hub does its start-up work, were closed this way. Here the timer only schedules the check, and
 * the check runs after the loop's next read of the sockets (setImmediate runs after the poll
 * phase), so only a client that really sent nothing in time is closed.
 */
import type { WebSocket, WebSocketServer } from 'ws';

/** graphql-ws's default and the protocol's code. */
export const INIT_WAIT_MS = 3_000;
const CONNECTION_INITIALISATION_TIMEOUT = 4408;

export interface InitWait {
  /** Called when a socket's `connection_init` arrives (graphql-ws's `onConnect`). */
  received(socket: WebSocket): void;
}

export function watchConnectionInit(wss: WebSocketServer, waitMs = INIT_WAIT_MS): InitWait {
  const initialised = new WeakSet<WebSocket>();
  wss.on('connection', (socket: WebSocket) => {
    const timer = setTimeout(
      () =>
        setImmediate(() => {
          if (!initialised.has(socket) && socket.readyState === socket.OPEN) socket.close(CONNECTION_INITIALISATION_TIMEOUT, 'Connection initialisation timeout');
        }),
      waitMs,
    );
    socket.once('close', () => clearTimeout(timer));
  });
  return { received: (socket) => void initialised.add(socket) };
}
