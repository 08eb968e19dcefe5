/**
 * The capacities subgraph's HTTP routes on the gateway: `POST /feeds/capacities` (the automatic
 * feed of hospital systems) and `GET /exports/capacities/{date}.csv|.ndjson` (daily snapshots).
 * Like the FINESS import route, the gateway resolves the caller from its bearer token (401 here
 * for a bad one) and forwards the request with the signed identity envelope; the subgraph decides
 * the rights. Exports are streamed through, never buffered.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLError } from 'graphql';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { IDENTITY_HEADER } from '../../platform/auth/internal-token.js';
import type { ContextBuilder } from '../identity/index.js';
import type { GatewayContext } from '../context.js';

export interface CapacityRoutesOptions {
  buildContext: ContextBuilder;
  /** Where the capacities subgraph answers, e.g. http://127.0.0.1:4002/graphql (the path is ignored). */
  capacitiesUrl: string;
}

const FEED_PATH = '/feeds/capacities';
const EXPORT_PATH = '/exports/capacities/:file';
const BODY_LIMIT = 10 * 1024 * 1024;

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The caller's context, or null once a 401/500 answer was sent. */
async function contextOrReply(options: CapacityRoutesOptions, request: FastifyRequest, reply: FastifyReply): Promise<GatewayContext | null> {
  try {
    return await options.buildContext(header(request, 'authorization'), header(request, 'x-request-id') ?? request.id);
  } catch (error) {
    const { message, extensions } = error as GraphQLError;
    const status = (extensions?.http as { status?: number } | undefined)?.status ?? 500;
    await reply.code(status).send({ error: { code: extensions?.code ?? 'INTERNAL_SERVER_ERROR', message } });
    return null;
  }
}

async function forward(options: CapacityRoutesOptions, request: FastifyRequest, reply: FastifyReply, context: GatewayContext, init: { method: string; headers?: Record<string, string>; body?: Buffer }) {
  const target = new URL(request.url, options.capacitiesUrl);
  let response: Response;
  try {
    // Only what the subgraph needs: a caller-sent x-ror-identity is never passed on.
    response = await fetch(target, {
      method: init.method,
      headers: { ...init.headers, [IDENTITY_HEADER]: context.envelope, 'x-request-id': context.requestId },
      body: init.body,
    });
  } catch (error) {
    request.log.error({ err: error }, 'the capacities subgraph did not answer');
    return reply.code(502).send({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'The capacities subgraph did not answer.' } });
  }
  for (const name of ['content-type', 'content-disposition']) {
    const value = response.headers.get(name);
    if (value) reply.header(name, value);
  }
  reply.code(response.status);
  return response.body ? reply.send(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>)) : reply.send();
}

export const capacityRoutes: FastifyPluginAsync<CapacityRoutesOptions> = async (app, options) => {
  // Scoped to this plugin: bodies are relayed as sent, the subgraph parses (and answers malformed ones).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(['application/json', 'text/csv'], { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) => done(null, body));
  app.post<{ Body: Buffer }>(FEED_PATH, { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    const context = await contextOrReply(options, request, reply);
    if (!context) return reply;
    return forward(options, request, reply, context, {
      method: 'POST',
      headers: { 'content-type': header(request, 'content-type') ?? 'application/json' },
      body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
    });
  });
  app.get(EXPORT_PATH, async (request, reply) => {
    const context = await contextOrReply(options, request, reply);
    if (!context) return reply;
    return forward(options, request, reply, context, { method: 'GET' });
  });
};

export default capacityRoutes;
