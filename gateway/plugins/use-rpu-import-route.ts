/**
 * `POST /imports/rpu` on the gateway: resolves the caller from its bearer token like /graphql does,
 * then forwards the raw RPU file to the tensions subgraph's endpoint with the signed identity
 * envelope and relays its status and JSON report. The subgraph decides who may import
 * (subgraphs/tensions/emergency/route.ts): one authorisation path. Nothing of the file is logged.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { GraphQLError } from 'graphql';
import { IDENTITY_HEADER } from '../../platform/auth/internal-token.js';
import type { ContextBuilder } from '../identity/index.js';
import type { GatewayContext } from '../context.js';

export interface RpuImportRouteOptions {
  buildContext: ContextBuilder;
  /** Where the tensions subgraph answers, e.g. http://127.0.0.1:4003/graphql (the path is ignored). */
  tensionsUrl: string;
}

const PATH = '/imports/rpu';
const BODY_LIMIT = 100 * 1024 * 1024;
const CONTENT_TYPES = ['application/xml', 'text/xml', 'text/csv', 'application/octet-stream'];

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

export const rpuImportRoute: FastifyPluginAsync<RpuImportRouteOptions> = async (app, options) => {
  app.addContentTypeParser(CONTENT_TYPES, { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) => done(null, body));
  app.post<{ Body: Buffer }>(PATH, { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    let context: GatewayContext;
    try {
      context = await options.buildContext(header(request, 'authorization'), header(request, 'x-request-id') ?? request.id);
    } catch (error) {
      const { message, extensions } = error as GraphQLError;
      const status = (extensions?.http as { status?: number } | undefined)?.status ?? 500;
      return reply.code(status).send({ error: { code: extensions?.code ?? 'INTERNAL_SERVER_ERROR', message } });
    }
    const target = new URL(PATH, options.tensionsUrl);
    target.search = new URL(request.url, 'http://gateway').search;
    let response: Response;
    try {
      response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', [IDENTITY_HEADER]: context.envelope, 'x-request-id': context.requestId },
        body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      });
    } catch (error) {
      request.log.error({ err: error }, 'the tensions subgraph did not answer the RPU import');
      return reply.code(502).send({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'The tensions subgraph did not answer.' } });
    }
    return reply
      .code(response.status)
      .header('content-type', response.headers.get('content-type') ?? 'application/json; charset=utf-8')
      .send(await response.text());
  });
};

export default rpuImportRoute;
