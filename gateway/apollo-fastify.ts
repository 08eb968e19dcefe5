/**
 * Serves an ApolloServer from a Fastify route (GET and POST), following the GraphQL-over-HTTP
 * spec as Apollo implements it. Written here rather than taken from an integration package so the
 * gateway depends only on @apollo/server's public `executeHTTPGraphQLRequest`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

function toHeaderMap(request: FastifyRequest): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

function searchOf(url: string): string {
  const index = url.indexOf('?');
  return index === -1 ? '' : url.slice(index);
}

export interface ApolloRouteOptions<Ctx extends BaseContext> {
  path: string;
  context: (request: FastifyRequest) => Promise<Ctx>;
}

export function registerApolloRoute<Ctx extends BaseContext>(
  app: FastifyInstance,
  server: ApolloServer<Ctx>,
  options: ApolloRouteOptions<Ctx>,
): void {
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: request.method.toUpperCase(),
        headers: toHeaderMap(request),
        search: searchOf(request.raw.url ?? ''),
        body: request.body,
      },
      context: () => options.context(request),
    });
    for (const [name, value] of response.headers) reply.header(name, value);
    reply.code(response.status ?? 200);
    if (response.body.kind === 'complete') return reply.send(response.body.string);
    // Incremental delivery (@defer) is not enabled on the gateway; stream anyway if it ever is.
    const chunks: string[] = [];
    for await (const chunk of response.body.asyncIterator) chunks.push(chunk);
    return reply.send(chunks.join(''));
  };
  app.route({ method: ['GET', 'POST'], url: options.path, handler });
}
