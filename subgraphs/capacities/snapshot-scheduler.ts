/**
 * Takes the day's snapshot once the Paris clock passes ROR_SNAPSHOT_TIME. Every process checks each
 * minute; the unique day makes the second taker a no-op, so several processes need no coordination.
 * A database without any snapshot (a new hub) gets today's as soon as the subgraph listens,
 * whatever the time, once the offer has units (else at the first check that finds some): the
 * national reading and the documented export have a file from the first minute, not from the
 * next 06:00 (D61).
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/client.js';
import type { Logger } from '../../platform/logger.js';
import type { SubgraphClient } from '../../platform/subgraph-client.js';
import { parisDay } from './closures.js';
import { createSnapshotStore, takeSnapshot } from './snapshot.js';
import { startJob, type Job, type JobResult } from '../../platform/jobs.js';

/** HH:MM in Europe/Paris at `at`. */
export function parisTime(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** Whether a snapshot is due at `at` (the day's one is taken from `time` on, at most once). */
export const snapshotDue = (at: Date, time: string): boolean => parisTime(at) >= time;

export interface SchedulerOptions {
  db: Database;
  client: SubgraphClient;
  logger: Logger;
  /** HH:MM, Europe/Paris. */
  time: string;
  intervalMs?: number;
}

export function scheduleSnapshots(app: FastifyInstance, options: SchedulerOptions): void {
  let doneFor: string | null = null;
  /** True while the database holds no snapshot at all: the first one is due at once (null: not read yet). */
  let first: boolean | null = null;
  const check = async (): Promise<JobResult> => {
    first ??= (await createSnapshotStore(options.db.orm).list(1)).length === 0;
    const now = new Date();
    const day = parisDay(now);
    if (doneFor === day || !(first || snapshotDue(now, options.time))) return 'idle';
    // A first snapshot taken early waits for units: an empty one taken when a new installation
    // starts would stand for the whole day, before the offer is imported.
    const early = first && !snapshotDue(now, options.time);
    const result = early ? await takeSnapshot(options.db.orm, options.client, day, now, { unlessEmpty: true }) : await takeSnapshot(options.db.orm, options.client, day, now);
    if (!result) return 'idle';
    doneFor = day;
    first = false;
    if (!result.taken) return 'idle'; // another process took the day's
    options.logger.info({ day, units: result.snapshot.units }, 'capacity snapshot taken');
    return result.snapshot.units;
  };
  let job: Job | null = null;
  // Started once listening, checked at once then every interval: the offer subgraph may start
  // after us (separate processes; a failed snapshot is retried at each check).
  app.addHook('onListen', async () => {
    job = startJob(options.logger, { name: 'capacity-snapshot', failureLevel: 'warn', everyMs: options.intervalMs ?? 60_000, firstAfterMs: 0, run: check, logRuns: false });
  });
  app.addHook('onClose', async () => {
    await job?.stop();
  });
}
