/**
 * Retention purge (docs/admissions.md § Data protection): a request closed (completed, refused,
 * cancelled, expired) more than ROR_ADMISSION_RETENTION_DAYS days ago (90 by default) is deleted,
 * its targets and events with it (foreign keys cascade). Open requests are never purged, however
 * old. Once deleted, a request no longer counts in the indicators either.
 */
import type { FastifyInstance } from 'fastify';
import { and, isNotNull, lt, sql } from 'drizzle-orm';
import type { Orm } from '../../../platform/db/client.js';
import type { SubgraphDeps } from '../../../platform/subgraph-module.js';
import { startPeriodicJob } from '../../../platform/periodic-job.js';
import { requests } from '../tables.js';

const DAY_MS = 86_400_000;
const PURGE_EVERY_MS = 3_600_000;
/** Transaction-scoped advisory lock: one process purges at a time, the others skip that round. */
const PURGE_LOCK = 7_210_013;

/** Deletes the requests closed before `now` − `days`; returns how many. */
export async function purgeClosedRequests(orm: Orm, now: Date, days: number): Promise<number> {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  return orm.transaction(async (tx) => {
    // Several processes serve the subgraph on PostgreSQL: the one that holds the lock purges, the
    // others skip (a second delete would find nothing, but would wait on the first's row locks).
    const { rows } = (await tx.execute(sql`select pg_try_advisory_xact_lock(${PURGE_LOCK}) as locked`)) as unknown as { rows: Array<{ locked: boolean }> };
    if (!rows[0]?.locked) return 0;
    const deleted = await tx
      .delete(requests)
      .where(and(isNotNull(requests.closedAt), lt(requests.closedAt, cutoff)))
      .returning({ id: requests.id });
    return deleted.length;
  });
}

/** The hourly purge (once per hour across processes), started with the subgraph and stopped when its app closes. */
export function startRetentionPurge(app: FastifyInstance, deps: Pick<SubgraphDeps, 'db' | 'logger' | 'config'>): void {
  const logger = deps.logger.child({ component: 'admissions-purge' });
  const stop = startPeriodicJob(deps.db, logger, {
    name: 'admissions-retention-purge',
    everyMs: deps.config.purgeEveryMs ?? PURGE_EVERY_MS,
    run: async () => {
      const purged = await purgeClosedRequests(deps.db.orm, new Date(), deps.config.admissions.retentionDays);
      if (purged) logger.info({ purged, retentionDays: deps.config.admissions.retentionDays }, 'closed admission requests purged');
      return purged;
    },
  });
  app.addHook('onClose', () => stop());
}
