/**
 * Upstream subscription sockets to the subgraphs served by this process (the one-process hub)
 * without a TCP connection (D235): the upstream WebSocket's bytes go through an
 * in-memory stream pair into the subgraph's own HTTP server, which answers the upgrade as for
 * any socket. Everything above the socket is unchanged: the same handshake, identity envelope,
 * graphql-ws protocol, keep-alive and resumption (upstream.ts).
 *
 * Why: over loopback TCP, an event the subgraph writes reaches the gateway only when the hub's
 * thread next polls its sockets, after whatever else it was doing (the mutation's answer, the
 * next write, the consumers): in the subscription bench the gateway got each change 6–9 ms after
 * a client of the subgraph in another thread (docs/benchmarks.md, subs16f). In memory, it is read
 * in the same turn of the event loop as it was written, and the event's entity fetches start then.
 */
import { duplexPair, type Duplex } from 'node:stream';
import type { Server } from 'node:http';

/** What Node's HTTP server and `ws` call on a socket beyond a stream: nothing to set without a kernel socket. */
function socketLike(side: Duplex): Duplex {
  return Object.assign(side, {
    setNoDelay: () => side,
    setTimeout: () => side,
    setKeepAlive: () => side,
    remoteAddress: '127.0.0.1',
    remoteFamily: 'IPv4',
    remotePort: 0,
    localAddress: '127.0.0.1',
    localPort: 0,
  });
}

/**
 * A `createConnection` for `ws` (and Node's HTTP client under it) that opens an in-memory
 * connection to `server`. A server that stopped listening refuses, as its port would: the
 * upstream pool then retries within its resume window.
 */
export function inProcessConnector(server: Server): () => Duplex {
  return () => {
    const [client, served] = duplexPair();
    socketLike(client);
    if (!server.listening) {
      process.nextTick(() => client.destroy(Object.assign(new Error('connect ECONNREFUSED (subgraph in this process is closed)'), { code: 'ECONNREFUSED' })));
      return client;
    }
    server.emit('connection', socketLike(served));
    return client;
  };
}
