/**
 * The hub's error catalog. Expected errors travel with a stable `extensions.code`; anything else
 * is masked to a generic message carrying an id, and logged in full on the server.
 */
import { GraphQLError, type ExecutionResult } from 'graphql';
import mercurius from 'mercurius';
import { randomUUID } from 'node:crypto';
import type { Logger } from './logger.js';

/** Every code a client can see in `extensions.code`, with its HTTP/FHIR status. Listed in docs/errors.md. */
export const ERROR_CODES = {
  BAD_USER_INPUT: { status: 400, meaning: 'An argument or input value is invalid.' },
  NOT_FOUND: { status: 404, meaning: 'The record asked for does not exist (or is not visible to the caller).' },
  UNAUTHENTICATED: { status: 401, meaning: 'No valid credentials were presented.' },
  FORBIDDEN: { status: 403, meaning: 'The caller lacks the right on the perimeter concerned.' },
  CONFLICT: { status: 409, meaning: 'The record changed since the version the caller read.' },
  CONFIRMATION_REQUIRED: { status: 409, meaning: 'The write needs an explicit confirmation (e.g. similar records exist); repeat it confirmed.' },
  RATE_LIMITED: { status: 429, meaning: 'Too many requests from this client; retry after the Retry-After header\'s seconds.' },
  SERVICE_UNAVAILABLE: { status: 503, meaning: 'A component of the hub did not answer in time; retry later.' },
  INTERNAL_SERVER_ERROR: { status: 500, meaning: 'An unexpected failure; the message carries an id to find it in the logs.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A domain error: its message is meant for the client. */
export class HubError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
    this.name = 'HubError';
  }
}

/** True for errors whose message a client may read: domain errors and GraphQL parse/validation errors. */
function isExpected(error: GraphQLError): boolean {
  const original = error.originalError;
  if (!original) return true; // raised by graphql-js itself (syntax, validation, coercion)
  if (original instanceof GraphQLError) return true;
  // mercurius wraps validation failures (MER_ERR_GQL_VALIDATION) with their GraphQL errors inside
  return Array.isArray((original as { errors?: unknown }).errors);
}

/** Replaces an unexpected error by a masked one and logs the original with the same id. */
export function maskError(error: GraphQLError, logger: Logger): GraphQLError {
  if (isExpected(error)) return error;
  const errorId = randomUUID();
  logger.error({ err: error.originalError, errorId, path: error.path }, 'unexpected error in resolver');
  return new GraphQLError(`Internal error (id ${errorId}).`, {
    path: error.path,
    nodes: error.nodes,
    extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
  });
}

/** mercurius errorFormatter: masks, then formats as mercurius would. */
export function formatGraphQLError(
  execution: ExecutionResult & { errors: readonly GraphQLError[] },
  context: unknown,
  logger: Logger,
) {
  const masked = { ...execution, errors: execution.errors.map((e) => maskError(e, logger)) };
  return mercurius.defaultErrorFormatter(masked as never, context as never);
}

/** A call to another component of the hub that outlived its time limit (platform/config.ts timeouts). */
export function serviceTimeout(timeoutMs: number): HubError {
  return new HubError('SERVICE_UNAVAILABLE', `A service of the hub did not answer within ${timeoutMs} ms; try again later.`, { timeoutMs });
}

/** True for the rejection of a fetch aborted by `AbortSignal.timeout`. */
export function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || (name === 'AbortError' && isTimeout((error as { cause?: unknown }).cause));
}
