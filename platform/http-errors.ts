/**
 * The one Fastify error handler of the hub's HTTP apps (the gateway, every subgraph; the FHIR
 * plugin keeps its own, which answers OperationOutcomes and masks the same way). Known errors keep
 * their status and message: a HubError (its catalog status, code and extensions), and Fastify's
 * own client errors (4xx: invalid JSON, body too large, unsupported media type…), and a relay's
 * 502/503/504 (an upstream down or hung: SERVICE_UNAVAILABLE with that status). Anything else is
 * an unexpected failure: logged in full under a new id, answered 500 `Internal error (id …).` —
 * never SQL, parameters or a stack in a body. docs/errors.md § Masking on REST routes.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { ERROR_CODES, HubError, type ErrorCode } from './errors.js';

/** The body of a REST error answer (the feeds', imports' and exports' format). */
export interface RestErrorBody {
  error: { code: string; message: string; [extension: string]: unknown };
}

/** The catalog code of a client error status, when there is one (else Apollo's BAD_REQUEST). */
function codeOfStatus(status: number): string {
  const entry = Object.entries(ERROR_CODES).find(([code, e]) => e.status === status && code !== 'CONFIRMATION_REQUIRED');
  return entry?.[0] ?? 'BAD_REQUEST';
}

const UPSTREAM_MESSAGES: Record<number, string> = {
  502: 'An internal component gave an invalid answer; try again later.',
  503: 'An internal component is unavailable; try again later.',
  504: 'An internal component did not answer in time; try again later.',
};

/** Status and body for an error; `errorId` is set when the error was masked (and must be logged). */
export function describeHttpError(error: unknown): { status: number; body: RestErrorBody; errorId?: string } {
  if (error instanceof HubError) {
    const { code, http: _http, ...extensions } = error.extensions as { code: ErrorCode; http?: unknown };
    return { status: ERROR_CODES[code]?.status ?? 500, body: { error: { code, message: error.message, ...extensions } } };
  }
  const status = (error as Partial<FastifyError> | null)?.statusCode;
  if (error instanceof Error && typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own client errors (FST_ERR_CTP_*, body limits, schema validation): written for the caller.
    return { status, body: { error: { code: codeOfStatus(status), message: error.message } } };
  }
  if (error instanceof Error && (status === 502 || status === 503 || status === 504)) {
    // A component behind a relay (the /oidc proxy, reply-from) is down or hung: the caller should
    // retry later. The status says which; the library's message is not passed on.
    return { status, body: { error: { code: 'SERVICE_UNAVAILABLE', message: UPSTREAM_MESSAGES[status] } } };
  }
  const errorId = randomUUID();
  return { status: 500, body: { error: { code: 'INTERNAL_SERVER_ERROR', message: `Internal error (id ${errorId}).`, errorId } }, errorId };
}

export function httpErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body, errorId } = describeHttpError(error);
  if (errorId) request.log.error({ err: error, errorId, method: request.method, url: request.routeOptions.url }, 'unexpected error on an HTTP route');
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/**
 * Sets the handler on `app`. Call it before registering plugins: plugins registered afterwards
 * inherit it unless they set their own.
 */
export function registerHttpErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(httpErrorHandler);
}
