/**
 * Subgraphs answer the gateway only (decision D77). Every request must carry a valid
 * identity envelope (x-ror-identity, signed by the gateway with the internal secret; the gateway
 * signs one for anonymous callers too), or it gets 401 in `onRequest`: before its body is read or
 * any GraphQL is parsed. This holds for HTTP GraphQL, the WebSocket upgrade at /graphql and the
 * subgraphs' REST routes (feeds, imports, exports), which the gateway forwards with an envelope.
 *
 * Exempt: the probes (/health, /ready, /metrics), which hold nothing private, and the route
 * prefixes a subgraph declares as authenticated by their own means (the professionals subgraph's
 * OpenID provider and password page: OAuth/OIDC requests and password-link tokens, reached
 * through the gateway's proxy, which sends no envelope). The exemption is decided on the route
 * Fastify matched, never on the raw URL: an unmatched or oddly spelt path needs the envelope.
 */
import type { FastifyInstance } from 'fastify';
import { ANONYMOUS } from './auth/identity.js';
import { IDENTITY_HEADER, verifyIdentity } from './auth/internal-token.js';
import type { HubError } from './errors.js';

/** The probes every server of the hub exposes (platform/observability.ts). */
export const PROBE_ROUTES: readonly string[] = ['/health', '/ready', '/metrics'];

export interface GatewayGateOptions {
  internalSecret: string;
  /** This subgraph's name: the audience its envelopes must be signed for. */
  audience: string;
  /** Route prefixes that authenticate by their own means, e.g. `/oidc`: reached without an envelope. */
  openPrefixes?: readonly string[];
}

/** True when the matched route `url` needs no envelope. */
export function isOpenRoute(url: string | undefined, openPrefixes: readonly string[] = []): boolean {
  if (url === undefined) return false; // no route matched: fail closed
  return PROBE_ROUTES.includes(url) || openPrefixes.some((prefix) => url === prefix || url.startsWith(`${prefix}/`));
}

export function registerGatewayGate(app: FastifyInstance, options: GatewayGateOptions): void {
  app.addHook('onRequest', async (request, reply) => {
    if (isOpenRoute(request.routeOptions.url, options.openPrefixes)) {
      request.identity = ANONYMOUS; // these routes never read it; a caller's header means nothing here
      return;
    }
    const header = request.headers[IDENTITY_HEADER];
    try {
      // A missing, forged, expired or misaddressed envelope throws UNAUTHENTICATED (platform/auth/internal-token.ts).
      request.identity = await verifyIdentity(typeof header === 'string' ? header : undefined, options.internalSecret, options.audience);
    } catch (error) {
      const { message, extensions } = error as HubError;
      // Answered before the body is read: the connection is closed after the answer, or its
      // unread body would keep it busy (and the server's close waiting on it) forever.
      // A refused WebSocket upgrade has no HTTP exchange after it: its socket is ended with the answer.
      if (request.headers.upgrade) reply.raw.once('finish', () => request.raw.socket?.destroySoon());
      return reply.code(401).header('connection', 'close').send({ data: null, errors: [{ message, extensions }] });
    }
  });
}
