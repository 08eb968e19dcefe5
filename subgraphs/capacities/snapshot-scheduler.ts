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
  let running: Promise<void> | null = null;
  let doneFor: string | null = null;
  let closed = false;
  /** True while the database holds no snapshot at all: the first one is due at once. */
  let first = false;
  const tick = () => {
    const now = new Date();
    const day = parisDay(now);
    if (closed || running || doneFor === day || !(first || snapshotDue(now, options.time))) return;
    // A first snapshot taken early waits for units: an empty one taken when a new installation
    // starts would stand for the whole day, before the offer is imported.
    const early = first && !snapshotDue(now, options.time);
    const taking = early ? takeSnapshot(options.db.orm, options.client, day, now, { unlessEmpty: true }) : takeSnapshot(options.db.orm, options.client, day, now);
    running = taking
      .then((result) => {
        if (!result) return;
        const { taken, snapshot } = result;
        doneFor = day;
        first = false;
        if (taken) options.logger.info({ day, units: snapshot.units }, 'capacity snapshot taken');
      })
      .catch((err: unknown) => options.logger.warn({ err, day }, 'capacity snapshot failed; retrying at the next check'))
      .finally(() => (running = null));
  };
  let timer: NodeJS.Timeout | null = null;
  app.addHook('onListen', async () => {
    // The regular check comes one interval after start: the offer subgraph may start after us
    // (separate processes; a failed first snapshot is retried at each check), and short-lived
    // processes (tests, scripts) take no daily snapshot of an existing database.
    timer = setInterval(tick, options.intervalMs ?? 60_000);
    timer.unref();
    running = createSnapshotStore(options.db.orm)
      .list(1)
      .then((rows) => void (first = rows.length === 0))
      .catch((err: unknown) => options.logger.warn({ err }, 'capacity snapshots could not be listed; the first check will tell'))
      .finally(() => {
        running = null;
        tick();
      });
  });
  app.addHook('onClose', async () => {
    closed = true;
    if (timer) clearInterval(timer);
    await running;
  });
}
