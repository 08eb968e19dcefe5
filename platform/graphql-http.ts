/**
 * GraphQL over HTTP on the subgraphs (mercurius), where mercurius departs from the spec (issue 12,
 * case 9; checked by test/graphql-http-audit.test.ts):
 * - a malformed request (body not JSON, wrong media type, too large) is the caller's error: its
 *   4xx status with a BAD_USER_INPUT error, not a masked 200 INTERNAL_SERVER_ERROR;
 * - `"extensions": null` is allowed in a POST body, as `variables: null` already is;
 * - a client accepting `application/graphql-response+json` gets that media type.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FormattedExecutionResult } from 'graphql';

const RESPONSE_TYPE = 'application/graphql-response+json';

/**
 * The answer to a request Fastify refused before any GraphQL ran (FST_ERR_CTP_INVALID_JSON_BODY,
 * FST_ERR_CTP_INVALID_MEDIA_TYPE, FST_ERR_CTP_BODY_TOO_LARGE…: a 4xx with a fixed message, safe
 * to show), or null for any other error, left to the error formatter (which masks the unknown).
 */
export function malformedRequestAnswer(error: unknown): { statusCode: number; response: FormattedExecutionResult } | null {
  const { code, statusCode, message } = (error ?? {}) as Partial<FastifyError>;
  if (typeof code !== 'string' || !code.startsWith('FST_') || typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return null;
  return { statusCode, response: { data: null, errors: [{ message: message ?? 'Malformed request.', extensions: { code: 'BAD_USER_INPUT' } }] } };
}

/** The hooks, on the app serving GraphQL at `path`. */
export function conformGraphQLOverHttp(app: FastifyInstance, path: string): void {
  const isGraphQL = (request: FastifyRequest) => request.routeOptions.url === path;
  app.addHook('preValidation', async (request) => {
    if (!isGraphQL(request) || request.method !== 'POST') return;
    const body = request.body as Record<string, unknown> | null;
    if (body && typeof body === 'object' && !Array.isArray(body) && body.extensions === null) delete body.extensions;
  });
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    const accept = request.headers.accept ?? '';
    const type = String(reply.getHeader('content-type') ?? '');
    if (isGraphQL(request) && accept.includes(RESPONSE_TYPE) && type.startsWith('application/json')) {
      reply.header('content-type', `${RESPONSE_TYPE}; charset=utf-8`);
    }
    return payload;
  });
}
