/**
 * FHIR outcomes as values (the Medplum way): factories build OperationOutcome resources, one
 * table gives each outcome its HTTP status, and one error class carries an outcome through a
 * throw. Handlers return `[outcome, resource?]`; only the plugin's error handler turns throws
 * into outcomes.
 *
 * The outcome `id` names the kind of outcome (as Medplum does); statuses of the kinds that mirror
 * the hub's GraphQL error codes come from the hub's single error catalog (platform/errors.ts).
 */
import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, type ErrorCode } from '../platform/errors.js';
import type { IssueType, OperationOutcome } from './types.js';

const OUTCOME_STATUS = {
  ok: 200,
  created: 201,
  invalid: ERROR_CODES.BAD_USER_INPUT.status,
  unauthenticated: ERROR_CODES.UNAUTHENTICATED.status,
  forbidden: ERROR_CODES.FORBIDDEN.status,
  'not-found': ERROR_CODES.NOT_FOUND.status,
  'unsupported-type': 404,
  'unsupported-interaction': 405,
  'not-acceptable': 406,
  conflict: ERROR_CODES.CONFLICT.status,
  'unsupported-media-type': 415,
  'server-error': ERROR_CODES.INTERNAL_SERVER_ERROR.status,
  // A component of the hub did not answer in time, or the caller sends too much (docs/authorisation.md)
  unavailable: ERROR_CODES.SERVICE_UNAVAILABLE.status,
  throttled: ERROR_CODES.RATE_LIMITED.status,
  // Writes (capacity PATCH, docs/fhir-capacity-patch.md)
  'business-rule': 400,
  'multiple-matches': 412,
  'precondition-failed': 412,
} as const;

export type OutcomeKind = keyof typeof OUTCOME_STATUS;

function outcome(kind: OutcomeKind, code: IssueType, diagnostics: string, severity: 'error' | 'information' = 'error'): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    id: kind,
    issue: [{ severity, code, details: { text: diagnostics }, diagnostics }],
  };
}

/** An outcome whose issue names the element at fault (FHIRPath), as the national capacity PATCH answers. */
export function outcomeAt(kind: OutcomeKind, code: IssueType, diagnostics: string, expression: string): OperationOutcome {
  const result = outcome(kind, code, diagnostics);
  result.issue[0]!.expression = [expression];
  return result;
}

export const allOk: OperationOutcome = outcome('ok', 'informational', 'All OK', 'information');
/** A create's outcome: 201 with the resource (and its Location header, plugin.ts). */
export const created: OperationOutcome = outcome('created', 'informational', 'Created', 'information');

export const notFound = (resourceType: string, id: string): OperationOutcome =>
  outcome('not-found', 'not-found', `${resourceType}/${id} not found`);

export const unsupportedType = (resourceType: string): OperationOutcome =>
  outcome('unsupported-type', 'not-supported', `Resource type "${resourceType}" is not supported by this server`);

export const unsupportedInteraction = (resourceType: string, interaction: string): OperationOutcome =>
  outcome('unsupported-interaction', 'not-supported', `Interaction "${interaction}" is not supported on ${resourceType}`);

export const unknownPath = (method: string, path: string): OperationOutcome =>
  outcome('unsupported-type', 'not-supported', `No FHIR endpoint for ${method} ${path}`);

export const badRequest = (diagnostics: string): OperationOutcome => outcome('invalid', 'invalid', diagnostics);

export const notAcceptable = (diagnostics: string): OperationOutcome =>
  outcome('not-acceptable', 'not-supported', diagnostics);

export const unsupportedMediaType = (diagnostics: string): OperationOutcome =>
  outcome('unsupported-media-type', 'not-supported', diagnostics);

export const serverError = (errorId: string): OperationOutcome =>
  outcome('server-error', 'exception', `Internal error (id ${errorId}).`);

/** The HTTP status of an outcome; 500 for anything not built by this module's factories. */
export function getStatus(result: OperationOutcome): number {
  const kind = result.id;
  return kind !== undefined && kind in OUTCOME_STATUS ? OUTCOME_STATUS[kind as OutcomeKind] : 500;
}

export function isOk(result: OperationOutcome): boolean {
  return getStatus(result) < 400;
}

/** Carries an outcome through a throw, up to the plugin's error handler. */
export class OperationOutcomeError extends Error {
  readonly outcome: OperationOutcome;

  constructor(outcome: OperationOutcome, options?: { cause?: unknown }) {
    super(outcome.issue[0]?.diagnostics ?? 'FHIR operation failed', options);
    this.outcome = outcome;
    this.name = 'OperationOutcomeError';
  }
}

/** How each code of the hub's catalog reads as a FHIR outcome. */
const GRAPHQL_CODE_OUTCOMES: Readonly<Record<ErrorCode, { kind: OutcomeKind; code: IssueType }>> = {
  BAD_USER_INPUT: { kind: 'invalid', code: 'invalid' },
  NOT_FOUND: { kind: 'not-found', code: 'not-found' },
  UNAUTHENTICATED: { kind: 'unauthenticated', code: 'login' },
  FORBIDDEN: { kind: 'forbidden', code: 'forbidden' },
  CONFLICT: { kind: 'conflict', code: 'conflict' },
  CONFIRMATION_REQUIRED: { kind: 'conflict', code: 'conflict' },
  RATE_LIMITED: { kind: 'throttled', code: 'throttled' },
  SERVICE_UNAVAILABLE: { kind: 'unavailable', code: 'timeout' },
  INTERNAL_SERVER_ERROR: { kind: 'server-error', code: 'exception' },
};

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);
}

/**
 * Errors of a GraphQL response as one OperationOutcome: the first error decides the status
 * (its `extensions.code`; unknown or missing codes are server errors, e.g. a query the composed
 * schema rejects), and every error becomes an issue with the gateway's (already masked) message.
 */
export function fromGraphQLErrors(errors: readonly GraphQLFormattedError[]): OperationOutcome {
  const mapped = errors.map((error) => {
    const code = error.extensions?.code;
    return { ...(isErrorCode(code) ? GRAPHQL_CODE_OUTCOMES[code] : GRAPHQL_CODE_OUTCOMES.INTERNAL_SERVER_ERROR), message: error.message };
  });
  const first = mapped[0] ?? { ...GRAPHQL_CODE_OUTCOMES.INTERNAL_SERVER_ERROR, message: 'Empty GraphQL error list' };
  return {
    resourceType: 'OperationOutcome',
    id: first.kind,
    issue: (mapped.length > 0 ? mapped : [first]).map((m) => ({
      severity: 'error' as const,
      code: m.code,
      details: { text: m.message },
      diagnostics: m.message,
    })),
  };
}
