/**
 * A worker pass that runs one at a time: `wake` starts it, or asks for one more pass when one is
 * running (wakes during a pass coalesce into a single re-run). A failing pass is logged and left
 * to the next wake (at the latest the feature's poll): the work stays in the database.
 */
import type { Logger } from '../../platform/logger.js';

export interface SerialRunner {
  wake(): void;
  /** Resolves when no pass is running. */
  idle(): Promise<void>;
  /** No pass starts any more; resolves when the current one has ended. */
  stop(): Promise<void>;
  readonly stopped: boolean;
}

export function serialRunner(pass: () => Promise<void>, logger: Logger, failure: string): SerialRunner {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const run = async (): Promise<void> => {
    do {
      again = false;
      try {
        await pass();
      } catch (error) {
        logger.error({ err: error }, failure);
        return;
      }
    } while (again && !stopped);
  };
  const idle = async () => {
    while (running) await running;
  };
  return {
    wake: () => {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      running = run().finally(() => (running = null));
    },
    idle,
    stop: async () => {
      stopped = true;
      await idle();
    },
    get stopped() {
      return stopped;
    },
  };
}
