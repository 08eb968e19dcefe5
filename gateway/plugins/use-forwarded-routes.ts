/**
 * The subgraphs' plain HTTP routes on the gateway (file imports, the capacity feed, exports):
 * the gateway resolves the caller from its bearer token as /graphql does (401 for a bad one),
 * then forwards the request with the signed identity envelope and relays the answer, streamed.
 * The subgraph decides the rights: one authorisation path for GraphQL and these routes.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLError } from 'graphql';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { IDENTITY_HEADER } from '../../platform/auth/internal-token.js';
import type { ContextBuilder } from '../identity/index.js';
import type { GatewayContext } from '../context.js';
import { traceHeaders } from '../../platform/tracing.js';

export interface ForwardedRoute {
  method: 'GET' | 'POST';
  /** Fastify path, forwarded as requested (with its query string). */
  path: string;
  /** The owning subgraph: the envelope's audience, and named in messages. */
  subgraph: string;
  /** Where it answers, e.g. http://127.0.0.1:4001/graphql (the path is ignored). */
  upstream: string;
  /** Body types accepted (POST), relayed as bytes: the subgraph parses and answers malformed ones. */
  contentTypes?: string[];
  bodyLimit?: number;
  /** Content type sent upstream; the caller's when absent. */
  upstreamContentType?: string;
}

export interface ForwardedRoutesOptions {
  buildContext: ContextBuilder;
  routes: ForwardedRoute[];
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The caller's context, or null once a 401 answer was sent. */
async function contextOrReply(build: ContextBuilder, request: FastifyRequest, reply: FastifyReply): Promise<GatewayContext | null> {
  try {
    return await build(header(request, 'authorization'), request.id);
  } catch (error) {
    const { message, extensions } = error as GraphQLError;
    // A token refusal carries its code and status; anything else is unexpected: the app's error handler masks it.
    const status = (extensions?.http as { status?: number } | undefined)?.status;
    if (!extensions?.code || status === undefined) throw error;
    await reply.code(status).send({ error: { code: extensions.code, message } });
    return null;
  }
}

async function forward(route: ForwardedRoute, request: FastifyRequest, reply: FastifyReply, context: GatewayContext) {
  const target = new URL(request.url, route.upstream);
  const body = route.method === 'POST' ? (Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)) : undefined;
  const contentType = route.upstreamContentType ?? header(request, 'content-type');
  let response: Response;
  try {
    // Only what the subgraph needs: a caller-sent x-ror-identity is never passed on.
    response = await fetch(target, {
      method: route.method,
      headers: { ...(body && contentType ? { 'content-type': contentType } : {}), [IDENTITY_HEADER]: await context.envelope(route.subgraph), 'x-request-id': context.requestId, ...traceHeaders() },
      body,
    });
  } catch (error) {
    request.log.error({ err: error, path: route.path }, `the ${route.subgraph} subgraph did not answer`);
    return reply.code(502).send({ error: { code: 'INTERNAL_SERVER_ERROR', message: `The ${route.subgraph} subgraph did not answer.` } });
  }
  for (const name of ['content-type', 'content-disposition']) {
    const value = response.headers.get(name);
    if (value) reply.header(name, value);
  }
  reply.code(response.status);
  return response.body ? reply.send(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>)) : reply.send();
}

export const forwardedRoutes: FastifyPluginAsync<ForwardedRoutesOptions> = async (app, options) => {
  const types = [...new Set(options.routes.flatMap((r) => r.contentTypes ?? []))];
  const bodyLimit = Math.max(1024 * 1024, ...options.routes.map((r) => r.bodyLimit ?? 0));
  // Scoped to this plugin: bodies are relayed as sent.
  if (types.includes('application/json')) app.removeContentTypeParser('application/json');
  if (types.length) app.addContentTypeParser(types, { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));
  for (const route of options.routes) {
    app.route({
      method: route.method,
      url: route.path,
      bodyLimit: route.bodyLimit ?? bodyLimit,
      handler: async (request, reply) => {
        const context = await contextOrReply(options.buildContext, request, reply);
        return context ? forward(route, request, reply, context) : reply;
      },
    });
  }
};

export default forwardedRoutes;
