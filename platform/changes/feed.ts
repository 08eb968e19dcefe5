/**
 * The live side of the change feed, one per process: a single LISTEN wakes it, it reads the log
 * after the last event it delivered and fans events out to in-process subscribers (GraphQL
 * subscriptions, durable consumers). A periodic read covers notifications lost with a dropped
 * connection, so delivery never depends on NOTIFY alone.
 */
import type { Database } from '../db/client.js';
import type { Logger } from '../logger.js';
import { CHANGE_CHANNEL } from './append.js';
import { eventsAfter, headId } from './read.js';
import type { ChangeEvent } from './tables.js';

export type { ChangeEvent };

export interface SubscribeOptions {
  /** Only these topics (all when absent). */
  topics?: readonly string[];
  /** Replay events after this id first (default: only events committed from now on). */
  afterId?: number;
}

export interface ChangeFeed {
  /** `listener` gets every matching event once, in id order; resolves when subscribed. */
  subscribe(listener: (event: ChangeEvent) => void, options?: SubscribeOptions): Promise<() => void>;
  /** `fn` runs whenever new events may have been committed (durable consumers poll on it). */
  onWake(fn: () => void): () => void;
  /** Id of the last event delivered to subscribers. */
  head(): number;
  /** Live subscribers now (metrics, tests). */
  subscribers(): number;
  close(): Promise<void>;
}

interface Subscriber {
  listener: (event: ChangeEvent) => void;
  topics: ReadonlySet<string> | null;
}

const PAGE = 500;

export async function openChangeFeed(db: Database, logger: Logger, options: { pollMs?: number } = {}): Promise<ChangeFeed> {
  let head = await headId(db.orm);
  const subscribers = new Set<Subscriber>();
  const wakers = new Set<() => void>();
  // Every read and every (un)subscription runs in this one queue, so no event is delivered twice or skipped.
  let queue: Promise<void> = Promise.resolve();
  const serially = (task: () => Promise<void>): Promise<void> => {
    queue = queue.then(task).catch((error: unknown) => logger.error({ err: error }, 'change feed read failed'));
    return queue;
  };

  const deliver = (subscriber: Subscriber, event: ChangeEvent) => {
    if (subscriber.topics && !subscriber.topics.has(event.topic)) return;
    try {
      subscriber.listener(event);
    } catch (error) {
      logger.error({ err: error, eventId: event.id }, 'change feed subscriber failed');
    }
  };

  let draining = false;
  const drain = () => {
    if (draining) return;
    draining = true;
    void serially(async () => {
      draining = false;
      for (;;) {
        const events = await eventsAfter(db.orm, head, PAGE);
        for (const event of events) {
          head = event.id;
          for (const s of subscribers) deliver(s, event);
        }
        if (events.length < PAGE) break;
      }
    });
    for (const wake of wakers) wake();
  };

  const stopListening = await db.listen(CHANGE_CHANNEL, drain, drain);
  const timer = setInterval(drain, options.pollMs ?? 5_000);
  timer.unref();

  return {
    subscribe: async (listener, { topics, afterId } = {}) => {
      const subscriber: Subscriber = { listener, topics: topics?.length ? new Set(topics) : null };
      await serially(async () => {
        for (let from = afterId ?? head; from < head; ) {
          const events = (await eventsAfter(db.orm, from, PAGE, topics)).filter((e) => e.id <= head);
          for (const event of events) deliver(subscriber, event);
          from = events.length === PAGE ? events.at(-1)!.id : head;
        }
        subscribers.add(subscriber);
      });
      return () => void subscribers.delete(subscriber);
    },
    onWake: (fn) => {
      wakers.add(fn);
      return () => void wakers.delete(fn);
    },
    head: () => head,
    subscribers: () => subscribers.size,
    close: async () => {
      clearInterval(timer);
      subscribers.clear();
      wakers.clear();
      await stopListening();
      await queue;
    },
  };
}
