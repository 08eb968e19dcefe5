/**
 * Retention of the change feed (`feed.change_event`, docs/change-feed.md § Retention): an event is
 * deleted once it is older than ROR_FEED_RETENTION_DAYS **and** no reader may still need it:
 *
 * - every durable consumer (`feed.consumer_offset`: tension mails, FHIR history, FHIR
 *   subscriptions…) has passed it — a consumer whose offset lags keeps everything after it, and
 *   a database with no consumer registered yet keeps everything (a consumer starting from the
 *   beginning must find the log whole);
 * - it is not among the newest MAX_RESUME_EVENTS events, the furthest back a GraphQL
 *   subscription may resume (`after`, and the gateway's resume after a subgraph restart) and
 *   well beyond what a process's live feed is ever behind.
 *
 * FHIR `$events`, `_history` and bulk `_since` read their own tables and the records, never this
 * log. Every gateway process starts the hourly purge; one of them runs it in each period
 * (platform/periodic-job.ts), and a transaction-scoped advisory lock keeps calls from
 * overlapping; it deletes in batches.
 */
import { and, inArray, lte, lt, min, sql } from 'drizzle-orm';
import type { Database, Orm } from '../db/client.js';
import type { Logger } from '../logger.js';
import { startPeriodicJob } from '../periodic-job.js';
import { headId } from './read.js';
import { MAX_RESUME_EVENTS } from './stream.js';
import { changeEvents, consumerOffsets } from './tables.js';

const DAY_MS = 86_400_000;
const PURGE_LOCK = 7_210_021;
const BATCH = 5_000;

export interface FeedPurgeOptions {
  /** Events kept at the head whatever their age (default MAX_RESUME_EVENTS); tests lower it. */
  keepLast?: number;
}

/**
 * The highest id that may go: passed by every durable consumer and outside the newest `keepLast`
 * (0: nothing may go).
 */
export async function purgeBound(orm: Orm, keepLast = MAX_RESUME_EVENTS): Promise<number> {
  const [offsets] = await orm.select({ lowest: min(consumerOffsets.lastId), consumers: sql<number>`count(*)::int` }).from(consumerOffsets);
  if (!offsets || Number(offsets.consumers) === 0) return 0;
  return Math.max(0, Math.min(Number(offsets.lowest), (await headId(orm)) - keepLast));
}

/** Deletes the events older than `days` before `now` that no reader needs (above); returns how many. 0 days: keep all. */
export async function purgeChangeFeed(db: Database, now: Date, days: number, options: FeedPurgeOptions = {}): Promise<number> {
  if (days <= 0) return 0;
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  let purged = 0;
  for (;;) {
    const deleted = await db.orm.transaction(async (tx) => {
      // Several gateways share the database: the one holding the lock purges, the others skip.
      const { rows } = (await tx.execute(sql`select pg_try_advisory_xact_lock(${PURGE_LOCK}) as locked`)) as unknown as { rows: Array<{ locked: boolean }> };
      if (!rows[0]?.locked) return 0;
      const bound = await purgeBound(tx as unknown as Orm, options.keepLast);
      if (bound === 0) return 0;
      const batch = tx
        .select({ id: changeEvents.id })
        .from(changeEvents)
        .where(and(lte(changeEvents.id, bound), lt(changeEvents.occurredAt, cutoff)))
        .orderBy(changeEvents.id)
        .limit(BATCH);
      return (await tx.delete(changeEvents).where(inArray(changeEvents.id, batch)).returning({ id: changeEvents.id })).length;
    });
    purged += deleted;
    if (deleted < BATCH) return purged;
  }
}

const PURGE_EVERY_MS = 3_600_000;

/** The hourly purge (once per period across the gateways); returns its stop (awaits a purge in progress). */
export function startFeedRetention(db: Database, logger: Logger, days: number, timing: { firstAfterMs?: number; everyMs?: number } = {}): () => Promise<void> {
  const log = logger.child({ component: 'feed-retention' });
  if (days <= 0) return async () => {};
  return startPeriodicJob(db, log, {
    name: 'feed-retention',
    everyMs: timing.everyMs ?? PURGE_EVERY_MS,
    firstAfterMs: timing.firstAfterMs,
    run: async () => {
      const purged = await purgeChangeFeed(db, new Date(), days);
      if (purged) log.info({ purged, retentionDays: days }, 'change feed events purged');
      return purged;
    },
  });
}
