/**
 * Durable consumers of the change feed: each named consumer handles every event exactly once
 * for database effects, even with several processes sharing the database — the handler runs in
 * the transaction that advances the consumer's offset, under a row lock other processes skip.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Orm } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { ChangeFeed } from './feed.js';
import { eventsAfter, headId } from './read.js';
import { consumerOffsets, type ChangeEvent } from './tables.js';

export interface ConsumerOptions {
  name: string;
  topics?: readonly string[];
  /** Where a consumer seen for the first time starts: the whole log, or events from now on. */
  startAt?: 'beginning' | 'now';
  batchSize?: number;
}

/** Handles a batch inside the offset's transaction: write effects with `tx` (e.g. an outbox). */
export type ConsumerHandler = (events: ChangeEvent[], tx: Orm) => Promise<void>;

export interface Consumer {
  /** Handles everything committed so far; resolves when caught up (tests, shutdown). */
  drain(): Promise<void>;
  /**
   * Resolves when the rounds running now have ended (their batch committed), without starting
   * another: what a handler chains (never awaits: its round waits for it) to act on what it wrote.
   */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

type Settings = Required<Omit<ConsumerOptions, 'topics'>> & ConsumerOptions;

/**
 * One round: handles at most one batch; returns how many events it handled (0: caught up or
 * locked elsewhere). `known`: the consumer's offset row was found by an earlier round of this
 * process, so the head read and the insert that create it are skipped (D213).
 */
async function round(db: Database, options: Settings, handler: ConsumerHandler, known: { row: boolean }): Promise<number> {
  let found = false;
  const handled = await db.orm.transaction(async (tx) => {
    if (!known.row) {
      const start = options.startAt === 'now' ? await headId(tx as unknown as Orm) : 0;
      await tx.insert(consumerOffsets).values({ name: options.name, lastId: start }).onConflictDoNothing();
    }
    const [offset] = await tx
      .select({ lastId: consumerOffsets.lastId })
      .from(consumerOffsets)
      .where(and(eq(consumerOffsets.name, options.name)))
      .for('update', { skipLocked: true });
    if (!offset) return 0; // another process holds this consumer right now (or the row went)
    found = true;
    const events = await eventsAfter(tx as unknown as Orm, offset.lastId, options.batchSize, options.topics);
    if (events.length === 0) return 0;
    await handler(events, tx as unknown as Orm);
    await tx
      .update(consumerOffsets)
      .set({ lastId: events.at(-1)!.id, updatedAt: sql`now()` })
      .where(eq(consumerOffsets.name, options.name));
    return events.length;
  });
  // Known once a committed round saw the row; a round that did not creates it again if it went.
  known.row = found;
  return handled;
}

/**
 * On PGlite, a consumer woken idle starts its round this long after the wake (wakes meanwhile join
 * that round). PGlite has one connection and a transaction holds it: the consumers' rounds (FHIR
 * history, FHIR subscriptions, the tension mailer), woken by the same read of the feed as the live
 * GraphQL subscriptions, otherwise took the database first, and the gateway's entity fetch for the
 * change's subscribers waited behind them. Measured with 1,000 subscribers (D226): the
 * gateway's time after the mutation's answer p50 48–53 → 19–41 ms, gateway / direct ×1.7–×2.0 →
 * ×1.5–×1.6. PostgreSQL's pool runs them side by side: no delay there (no gain measured).
 */
export const PGLITE_WAKE_DELAY_MS = 25;

export function startConsumer(db: Database, feed: ChangeFeed, logger: Logger, options: ConsumerOptions, handler: ConsumerHandler): Consumer {
  const settings = { startAt: 'beginning' as const, batchSize: 200, ...options };
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let retry: NodeJS.Timeout | null = null;
  const known = { row: false };
  const delayMs = db.kind === 'pglite' ? PGLITE_WAKE_DELAY_MS : 0;

  const run = async (): Promise<void> => {
    do {
      again = false;
      try {
        while (!stopped && (await round(db, settings, handler, known)) === settings.batchSize);
        failures = 0;
      } catch (error) {
        failures += 1;
        const delay = Math.min(1_000 * 2 ** (failures - 1), 60_000);
        logger.error({ err: error, consumer: settings.name, retryInMs: delay }, 'change consumer failed; retrying');
        retry = setTimeout(wake, delay);
        retry.unref();
        return;
      }
    } while (again && !stopped);
  };
  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (delayMs ? new Promise((resolve) => setTimeout(resolve, delayMs)).then(run) : run()).finally(() => (running = null));
  }

  // Woken only by events of its topics (and the feed's periodic read): feed.ts.
  const unsubscribe = feed.onWake(wake, settings.topics);
  wake();
  const settled = async () => {
    while (running) await running;
  };
  return {
    drain: async () => {
      await settled();
      wake();
      await settled();
    },
    settled,
    stop: async () => {
      stopped = true;
      unsubscribe();
      if (retry) clearTimeout(retry);
      await running;
    },
  };
}
