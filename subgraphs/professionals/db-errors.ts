/**
 * Database errors of writes, made safe: a unique violation becomes the domain error the caller can
 * act on, and any other failure loses its bound values before it can be logged, because writes of
 * this subgraph carry rescue e-mails and password-link tokens that must never reach the logs.
 */
import { HubError } from '../../platform/errors.js';

interface PgErrorFields {
  code?: string;
  constraint?: string;
  query?: string;
  cause?: unknown;
}

/** The SQLSTATE and constraint of the driver error, looking through drizzle's wrapper. */
function pgError(error: unknown): { code: string | null; constraint: string | null; query: string | null } {
  let query: string | null = null;
  for (let e = error as PgErrorFields | undefined, depth = 0; e && depth < 5; e = e.cause as PgErrorFields | undefined, depth++) {
    if (typeof e.query === 'string') query ??= e.query;
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return { code: e.code, constraint: e.constraint ?? null, query };
  }
  return { code: null, constraint: null, query };
}

/** The unique index a write violated, or null when the error is something else. */
export function violatedUniqueIndex(error: unknown): string | null {
  const { code, constraint } = pgError(error);
  return code === '23505' ? (constraint ?? '') : null;
}

/** Domain errors for the unique indexes of tables.ts. */
const UNIQUE_MESSAGES: Record<string, string> = {
  professional_rescue_email_uq: 'This rescue e-mail is already used by another professional.',
  account_login_uq: 'This login is already taken.',
  account_professional_uq: 'This professional already has an account.',
  professional_rpps_uq: 'This RPPS/ADELI number is already recorded for another professional.',
};

/**
 * Rethrows a failed statement as a HubError (CONFLICT) for known unique indexes, else as an error
 * carrying only the SQLSTATE, constraint and SQL text (no bound values). Use it around every
 * statement bound to a rescue e-mail or a token.
 */
export function rethrowDbError(error: unknown): never {
  if (error instanceof HubError) throw error;
  const { code, constraint, query } = pgError(error);
  const message = code === '23505' && constraint ? UNIQUE_MESSAGES[constraint] : undefined;
  if (message) throw new HubError('CONFLICT', message);
  throw new Error(`Database statement failed (SQLSTATE ${code ?? 'unknown'}${constraint ? `, ${constraint}` : ''})${query ? ` in: ${query}` : ''}; bound values withheld.`);
}
