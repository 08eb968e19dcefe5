/**
 * Process-level guard of the entry scripts (scripts/start.ts, scripts/serve.ts): a promise that
 * rejects without a handler is a bug to fix at its root (every resolver's promises are handled:
 * docs/errors.md), but one missed request must not stop the hub and every caller with it. So an
 * unhandled rejection is logged in full (pino, level error), counted in
 * `process_unhandled_rejections_total` (on every /metrics of the process: platform/observability.ts)
 * and the process lives on. An uncaught exception stays fatal: the stack it unwound may have left
 * state half-changed, so it is logged (level fatal) and the process exits with status 1 (decision
 * D79).
 */
import { Counter } from 'prom-client';
import type { Logger } from './logger.js';

/** Registered by observability in each server's registry; the count is the process's. */
export const unhandledRejections = new Counter({
  name: 'process_unhandled_rejections_total',
  help: 'Promise rejections no handler caught, logged and survived (each one is a bug to fix)',
  registers: [],
});

let installed = false;

export function installProcessGuard(logger: Logger): void {
  if (installed) return; // one set of listeners per process, whatever the number of servers
  installed = true;
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection: logged and survived (a bug to fix at its root)');
    unhandledRejections.inc();
  });
  process.on('uncaughtException', (error, origin) => {
    logger.fatal({ err: error, origin }, 'uncaught exception: the process stops');
    process.exit(1);
  });
}
