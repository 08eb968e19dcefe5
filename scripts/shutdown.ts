/**
 * Stopping on SIGINT/SIGTERM: servers close (gateway first, then subgraphs), then the database,
 * so PGlite writes its last pages and the data directory's lock is removed.
 *
 * - One stop per process: a single Ctrl-C reaches the process more than once (the terminal
 *   signals the whole process group, and npm relays it to its child again); signals within
 *   DUPLICATE_WINDOW_MS of the first are that same Ctrl-C.
 * - A later second signal forces the exit (code 130), and so does the deadline (code 1) when
 *   closing hangs, e.g. on a request that never ends. Either way the lock file is removed by
 *   the lock's exit hook (platform/db/dir-lock.ts): PGlite then recovers from its WAL at the
 *   next start, as after a crash.
 * - A signal during start-up (migrations, seed) stops at once: nothing is served yet.
 */
import type { Logger } from '../platform/logger.js';

export const DUPLICATE_WINDOW_MS = 1_000;

export interface Shutdown {
  /** Hands over the running hub's close function: until then, a signal exits at once. */
  ready(close: () => Promise<void>): void;
}

export function onShutdown(logger: Logger, options: { deadlineMs: number }): Shutdown {
  let close: (() => Promise<void>) | null = null;
  let firstSignalAt: number | null = null;
  const stop = (signal: NodeJS.Signals) => {
    const now = performance.now();
    if (firstSignalAt !== null) {
      if (now - firstSignalAt < DUPLICATE_WINDOW_MS) return;
      logger.warn({ signal }, 'second signal: exiting without waiting for the shutdown');
      process.exit(130);
    }
    firstSignalAt = now;
    logger.info({ signal }, 'shutting down');
    if (!close) {
      logger.warn({ signal }, 'stopped during start-up');
      process.exit(1);
    }
    setTimeout(() => {
      logger.error({ deadlineMs: options.deadlineMs }, 'shutdown deadline passed: exiting without a clean close');
      process.exit(1);
    }, options.deadlineMs);
    close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return {
    ready: (fn) => {
      close = fn;
    },
  };
}
