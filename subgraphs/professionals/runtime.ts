/**
 * What the per-request services need from the running subgraph beyond the database: the public
 * base URL of password links (from the configuration) and a way to wake the mail worker after a
 * commit. The subgraph's context factory (index.ts) builds services from the store only, so
 * startBackgroundJobs registers these on the Fastify app, and resolvers read them from the
 * mercurius context's `app`.
 */
import type { FastifyInstance } from 'fastify';

export interface AccountMailer {
  /** Base of the password-creation links, e.g. http://127.0.0.1:4000. */
  publicBase: string;
  /** Delivers queued mails now rather than at the worker's next poll. */
  nudge(): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    professionalsMailer?: AccountMailer;
  }
}

export function registerMailer(app: FastifyInstance, mailer: AccountMailer): void {
  app.decorate('professionalsMailer', mailer);
}

export function mailerOf(app: FastifyInstance | undefined): AccountMailer {
  const mailer = app?.professionalsMailer;
  // A wiring fault, not a caller's: masked as an internal error with its id in the logs.
  if (!mailer) throw new Error('Account mails are not configured: startBackgroundJobs registers them on the app.');
  return mailer;
}
