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
  /**
   * `fn` runs once the feed has read new events of `topics` (any topic when absent), after they
   * reached the subscribers, and at every periodic read or reconnection whatever they held
   * (durable consumers poll on it: D213).
   */
  onWake(fn: () => void, topics?: readonly string[]): () => void;
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

interface Waker {
  fn: () => void;
  topics: ReadonlySet<string> | null;
}

const PAGE = 500;

export async function openChangeFeed(db: Database, logger: Logger, options: { pollMs?: number } = {}): Promise<ChangeFeed> {
  let head = await headId(db.orm);
  const subscribers = new Set<Subscriber>();
  const wakers = new Set<Waker>();
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

  /**
   * Durable consumers are woken after the read, and only for their topics: the subscriptions get
   * the events first, and a write does not cost every consumer a transaction that finds nothing
   * (D213). The periodic read and a reconnection wake them all, whatever they read:
   * the safety net of a consumer whose round was locked by another process or failed.
   */
  const wakeUp = (topics: ReadonlySet<string>, all: boolean) => {
    for (const waker of wakers) {
      if (all || (topics.size > 0 && (!waker.topics || [...topics].some((t) => waker.topics!.has(t))))) waker.fn();
    }
  };

  let draining = false;
  let wakeAll = false;
  const drain = (all: boolean) => {
    wakeAll ||= all;
    if (draining) return;
    draining = true;
    void serially(async () => {
      draining = false;
      const everyone = wakeAll;
      wakeAll = false;
      const topics = new Set<string>();
      try {
        for (;;) {
          const events = await eventsAfter(db.orm, head, PAGE);
          for (const event of events) {
            head = event.id;
            topics.add(event.topic);
            for (const s of subscribers) deliver(s, event);
          }
          if (events.length < PAGE) break;
        }
      } finally {
        wakeUp(topics, everyone); // a failed read still wakes what it found (the consumers read for themselves)
      }
    });
  };

  const stopListening = await db.listen(CHANGE_CHANNEL, () => drain(false), () => drain(true));
  const timer = setInterval(() => drain(true), options.pollMs ?? 5_000);
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
    onWake: (fn, topics) => {
      const waker: Waker = { fn, topics: topics?.length ? new Set(topics) : null };
      wakers.add(waker);
      return () => void wakers.delete(waker);
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
