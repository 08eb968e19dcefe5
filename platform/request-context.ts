/**
 * Request ids across components. The gateway takes a caller's `x-request-id` when it is safe
 * (bounded, plain characters) or draws one; every subgraph takes the gateway's. The id is each
 * Fastify request's own id (so Fastify's request logs carry it as `reqId`), is answered in the
 * `x-request-id` header, and rides an AsyncLocalStorage through the request's work, so that every
 * log line written meanwhile (platform/logger.ts) and every call to another component
 * (platform/subgraph-client.ts) carries it without threading it through each function.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * The caller's address as the gateway saw it, set by the gateway on every subgraph call (never
 * copied from the client, whose headers are not forwarded): what an audit trail records as "from where".
 */
export const CLIENT_ADDRESS_HEADER = 'x-ror-client-address';

/** Long enough for a UUID, a trace id or a proxy's id; short and plain enough to log and echo as is. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:+/=-]{1,128}$/;

const storage = new AsyncLocalStorage<{ requestId: string }>();

/** The caller's id when it is safe to reuse, else a new one. */
export function acceptRequestId(header: unknown): string {
  return typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}

/** The id of the request whose work is running, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Runs `work` as part of request `requestId` (work that is not a Fastify request: a WebSocket connection). */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId }, work);
}

/** Fastify options making the incoming `x-request-id` (validated) the request's id. */
export const requestIdOptions: Pick<FastifyServerOptions, 'genReqId' | 'requestIdHeader'> = {
  requestIdHeader: false, // read by genReqId, which validates it
  genReqId: (request) => acceptRequestId(request.headers[REQUEST_ID_HEADER]),
};

/** Echoes the id to the caller and opens its async context for the handler's work. */
export function useRequestIds(app: FastifyInstance): void {
  // A callback hook: the handler runs inside `done`, so everything it awaits inherits the store.
  app.addHook('preHandler', (request, _reply, done) => storage.run({ requestId: request.id }, done));
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
}
