/**
 * Background jobs of the requests, run by every process serving the subgraph and stopped with it:
 * expiry of PENDING requests past `expiresAt`, and release of bed holds that ran out (or whose
 * release after a cancel or an admission failed). No lease is needed: each step is a conditional
 * write (the expiry's UPDATE … WHERE version = $v AND status = 'PENDING', the hold's
 * UPDATE … WHERE hold_id = $h, and the capacities side's release of an open hold only), so a
 * second process doing the same step at the same time finds nothing left to do.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../../../platform/logger.js';
import { HubError } from '../../../platform/errors.js';
import { appendAdmissionChange } from './changes.js';
import type { Holds } from './holds.js';
import { commitTransition } from './service.js';
import { tx, type RequestStore } from './store.js';
import { startJob, type Job } from '../../../platform/jobs.js';

/** Who the history and the feed say did it: the job, not a person. */
export const EXPIRY_ACTOR = 'admissions-expiry';
export const HOLD_ACTOR = 'admissions-hold-release';
const BATCH = 200;

/** Expires the PENDING requests past their expiry at `now`; returns their ids. */
export async function expireRequests(store: RequestStore, now: Date): Promise<string[]> {
  const expired: string[] = [];
  for (const row of await store.expired(now, BATCH)) {
    try {
      await commitTransition(store, row.id, row.version, {
        statuses: ['PENDING'],
        patch: { status: 'EXPIRED', closedAt: now },
        targets: [],
        closeOthers: { statuses: ['PENDING', 'PROPOSED'], patch: { status: 'WITHDRAWN' } },
        action: 'EXPIRED',
        unitId: null,
        closedAction: 'WITHDRAWN',
      }, EXPIRY_ACTOR, null, now);
      expired.push(row.id);
    } catch (error) {
      // Answered, cancelled or expired by another process meanwhile: nothing left to expire.
      if (!(error instanceof HubError && (error.extensions.code === 'CONFLICT' || error.extensions.code === 'NOT_FOUND'))) throw error;
    }
  }
  return expired;
}

/**
 * Releases the holds due at `now`: a completed target's hold as admitted (the bed stays taken),
 * any other's giving the bed back (capacities decides whether the figures still count it). A hold
 * that ran out on an ACCEPTED request is a transition of its own (HOLD_RELEASED, version + 1).
 */
export async function releaseDueHolds(store: RequestStore, holds: Holds, now: Date): Promise<number> {
  let released = 0;
  for (const target of await store.holdsToRelease(now, BATCH)) {
    const holdId = target.holdId!;
    await holds.release(holdId, target.status === 'COMPLETED', HOLD_ACTOR);
    await store.transaction(async (t) => {
      const cleared = await tx.clearHold(t, target.requestId, target.unitId, holdId);
      if (!cleared.length || target.status !== 'ACCEPTED') return;
      const row = await tx.bumpVersion(t, target.requestId, now);
      if (!row) return;
      await tx.insertEvents(t, [{ requestId: target.requestId, at: now, actor: HOLD_ACTOR, action: 'HOLD_RELEASED', unitId: target.unitId, address: null }]);
      await appendAdmissionChange(t, row, await tx.targets(t, target.requestId), 'HOLD_RELEASED', HOLD_ACTOR, now, target.unitId);
    });
    released++;
  }
  return released;
}

export interface JobOptions {
  store: RequestStore;
  holds: Holds;
  logger: Logger;
  intervalMs?: number;
}

export function scheduleRequestJobs(app: FastifyInstance, options: JobOptions): void {
  const logger = options.logger.child({ component: 'admission-jobs' });
  const everyMs = options.intervalMs ?? 30_000;
  const jobs: Job[] = [];
  app.addHook('onListen', async () => {
    jobs.push(
      startJob(logger, {
        name: 'admission-expiry',
        everyMs,
        run: async () => {
          const expired = await expireRequests(options.store, new Date());
          if (expired.length) logger.info({ expired: expired.length }, 'admission requests expired');
          return expired.length ? expired.length : 'idle';
        },
        logRuns: false,
      }),
      startJob(logger, {
        name: 'bed-hold-release',
        failureLevel: 'warn', // the capacities subgraph may be restarting: retried at the next tick
        everyMs,
        run: async () => {
          const released = await releaseDueHolds(options.store, options.holds, new Date());
          if (released) logger.info({ released }, 'bed holds released');
          return released ? released : 'idle';
        },
        logRuns: false,
      }),
    );
  });
  app.addHook('onClose', async () => {
    await Promise.all(jobs.map((job) => job.stop()));
  });
}
