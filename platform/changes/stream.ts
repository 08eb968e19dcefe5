/**
 * A change-feed subscription as an async iterator (what GraphQL `subscribe` resolvers return):
 * events committed from now on, of the given topics, that `accept` lets through. A subscriber
 * that cannot keep up loses its stream rather than the process's memory.
 */
import { HubError } from '../errors.js';
import type { ChangeEvent, ChangeFeed } from './feed.js';

export interface StreamOptions {
  topics: readonly string[];
  /** Decides per event (authorisation, filters); may be async (e.g. a refreshed id set). */
  accept: (event: ChangeEvent) => boolean | Promise<boolean>;
  /** Events queued for a slow consumer before its stream ends with an error. */
  maxQueue?: number;
  /** Replay the events committed after this feed position first (a resumed subscription). */
  afterId?: number;
}

/** How far behind the feed's head a subscription may resume (a longer catch-up reads the history). */
export const MAX_RESUME_EVENTS = 10_000;

/**
 * A subscription's `after` argument as a feed position: an event id it received (`position` of a
 * capacity change, `id` of a tension change). Refused when malformed, or further behind the head
 * than a resumed stream may replay (the replay runs in the feed's one queue).
 */
export function resumePosition(feed: ChangeFeed, after: string | null | undefined): number | undefined {
  if (after === null || after === undefined) return undefined;
  if (!/^\d{1,15}$/.test(after)) throw new HubError('BAD_USER_INPUT', '`after` must be the position of an event this subscription delivered.', { argumentName: 'after' });
  const position = Number(after);
  if (feed.head() - position > MAX_RESUME_EVENTS) {
    throw new HubError('BAD_USER_INPUT', `\`after\` is more than ${MAX_RESUME_EVENTS} events behind; read the records' history instead.`, { argumentName: 'after' });
  }
  return position;
}

export class SlowConsumerError extends Error {
  constructor() {
    super('The subscriber did not keep up with the change feed; subscribe again.');
  }
}

/**
 * A hand-written iterator rather than an async generator: a generator suspended in `await` only
 * honours `return()` after its pending `next()` settles, so closing an idle subscription would
 * wait for the next event; here `return()` unsubscribes at once and ends the pending `next()`.
 */
export async function feedStream(feed: ChangeFeed, options: StreamOptions): Promise<AsyncIterableIterator<ChangeEvent>> {
  const queue: ChangeEvent[] = [];
  const max = options.maxQueue ?? 10_000;
  let failure: Error | null = null;
  let done = false;
  let wake: (() => void) | null = null;
  const signal = () => {
    wake?.();
    wake = null;
  };
  // Acceptance may be async: chain it so events keep their order.
  let chain = Promise.resolve();
  const unsubscribe = await feed.subscribe(
    (event) => {
      chain = chain
        .then(async () => {
          if (done || (options.afterId !== undefined && event.id <= options.afterId) || !(await options.accept(event))) return;
          if (queue.length >= max) {
            failure = new SlowConsumerError();
            stop();
          } else queue.push(event);
          signal();
        })
        // A failing acceptance (e.g. a refreshed id set whose offer call failed) ends this stream
        // with its error: never a rejected chain that no one handles and that drops every later event.
        .catch((error: unknown) => {
          if (done) return;
          failure = error instanceof Error ? error : new Error(String(error));
          stop();
        });
    },
    { topics: options.topics, ...(options.afterId !== undefined ? { afterId: options.afterId } : {}) },
  );
  function stop(): void {
    done = true;
    unsubscribe();
    signal();
  }
  const iterator: AsyncIterableIterator<ChangeEvent> = {
    async next() {
      for (;;) {
        if (queue.length) return { value: queue.shift()!, done: false };
        if (failure) {
          const error = failure;
          failure = null;
          queue.length = 0;
          throw error;
        }
        if (done) return { value: undefined, done: true };
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    async return() {
      queue.length = 0;
      stop();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
