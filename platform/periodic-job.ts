/**
 * Periodic jobs (the purges) that every replica of a component starts, run **once per period**
 * across all of them: at each tick a process claims the current period (floor of the database
 * clock / period) by inserting it into `feed.job_period`; the insert that wins runs the job, the
 * others skip. A process ticks once per period, so with one replica or ten the job runs once in
 * each period, by whichever replica ticked first in it (D112). Replicas that
 * merely skipped a concurrent run (a try-lock) would still each run it once per their own
 * period, staggered by their start times: N runs an hour for N replicas.
 */
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { Database } from './db/client.js';
import type { Logger } from './logger.js';
import { startJob } from './jobs.js';

/** Rows of a job's older periods kept for the operator (the rest is deleted as periods are claimed). */
const KEPT_PERIODS = 100;
/** The first tick waits at most this long after start, so start-up (migrations, seed, first requests) goes first. */
const FIRST_AFTER_MAX_MS = 60_000;
const RUN_BY = `${hostname()}:${process.pid}`;

/**
 * Claims the current period of `job` for this process (or the one `ahead` periods later: the
 * benches claim a job's periods to keep it out of their measurements): its number, or null when
 * another process has it.
 */
export async function claimPeriod(db: Database, job: string, everyMs: number, ahead = 0): Promise<number | null> {
  const rows = await db.rows<{ period: string }>(sql`
    insert into feed.job_period (job, every_ms, period, run_by)
    values (${job}, ${everyMs}, floor(extract(epoch from clock_timestamp()) * 1000 / ${everyMs})::bigint + ${ahead}, ${RUN_BY})
    on conflict do nothing
    returning period`);
  const claimed = rows[0] ? Number(rows[0].period) : null;
  if (claimed !== null) await db.rows(sql`delete from feed.job_period where job = ${job} and every_ms = ${everyMs} and period < ${claimed - KEPT_PERIODS}`);
  return claimed;
}

export interface PeriodicJob {
  /** Unique across the hub: the period claims are keyed by it. */
  name: string;
  everyMs: number;
  /** Delay of the first tick (default min(60 s, everyMs)). */
  firstAfterMs?: number;
  /** The job's work; a number is logged as what it did (rows purged). */
  run: () => Promise<number | void>;
}

/** Starts `job` on the job scheduler (platform/jobs.ts), first run after min(60 s, period); returns its stop, which awaits a run in progress. */
export function startPeriodicJob(db: Database, logger: Logger, job: PeriodicJob): () => Promise<void> {
  const started = startJob(logger, {
    name: job.name,
    everyMs: job.everyMs,
    firstAfterMs: job.firstAfterMs ?? Math.min(FIRST_AFTER_MAX_MS, job.everyMs),
    logRuns: false, // logged below, with the period (the scale-out test reads these lines)
    run: async () => {
      const period = await claimPeriod(db, job.name, job.everyMs);
      if (period === null) return 'idle'; // another replica has this period
      const done = await job.run();
      logger.info({ job: job.name, period, everyMs: job.everyMs, ...(typeof done === 'number' ? { done } : {}) }, 'periodic job ran');
      return done;
    },
  });
  return () => started.stop();
}
