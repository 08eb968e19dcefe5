/**
 * Feeds the version store from the change feed (D40): a durable consumer turns each committed
 * change into the resources it may have changed and queues them (`pending_version`, in the
 * offset's transaction, so nothing is lost across restarts); a worker then materialises each
 * queued resource through the executor, outside any transaction (on PGlite the subgraphs the
 * executor reaches share the one connection a transaction would hold), and stores the version.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import { startConsumer, type Consumer } from '../../platform/changes/consumer.js';
import type { ChangeEvent } from '../../platform/changes/tables.js';
import type { Orm } from '../../platform/db/client.js';
import type { Logger } from '../../platform/logger.js';
import { startJob, type Job, type JobResult } from '../../platform/jobs.js';
import type { FhirFeature, FhirRuntime } from '../features.js';
import { findHandler } from '../registry.js';
import { dependentsOf, materialise, type ReadFn } from './materialise.js';
import { createVersionStore } from './store.js';
import { pendingVersions } from './tables.js';

export const HISTORY_CONSUMER = 'fhir-history';
const TOPICS = ['offer', 'capacity', 'professional'];
const BATCH = 50;
/** Retries queued resources a failure left behind (the feed wakes the worker otherwise). */
const SWEEP_EVERY_MS = 60_000;

type ResourceKey = [resourceType: string, id: string];

/** The served resources an event may have changed (deleted records are not followed: no delete versions). */
export function resourcesOfEvent(event: Pick<ChangeEvent, 'topic' | 'recordType' | 'recordId' | 'action' | 'payload'>): ResourceKey[] {
  const id = event.recordId;
  switch (`${event.topic}/${event.recordType}`) {
    case 'capacity/UNIT_CAPACITY':
      return [['Location', id]];
    case 'offer/UNIT':
      return [['HealthcareService', id], ['Location', id]];
    case 'offer/ESTABLISHMENT':
    case 'offer/ORGANIZATION':
      return [['Organization', id]];
    case 'professional/PROFESSIONAL': {
      if (event.action === 'PURGE') return [];
      const units = Array.isArray(event.payload.unitIds) ? event.payload.unitIds.filter((u): u is string => typeof u === 'string') : [];
      return [['Practitioner', id], ...units.map((unitId): ResourceKey => ['PractitionerRole', `${id}.${unitId}`])];
    }
    default:
      return [];
  }
}

/** Queues the resources of `events` (a resource queued again has its `queuedAt` moved). */
export function queueVersions(tx: Orm, events: readonly ChangeEvent[]): Promise<number> {
  return queueKeys(tx, events.flatMap(resourcesOfEvent));
}

async function queueKeys(tx: Orm, resources: readonly ResourceKey[]): Promise<number> {
  const keys = new Map(resources.map(([type, id]) => [`${type}/${id}`, { resourceType: type, resourceId: id }]));
  if (keys.size === 0) return 0;
  await tx
    .insert(pendingVersions)
    .values([...keys.values()].map((k) => ({ ...k, queuedAt: sql`clock_timestamp()` })))
    .onConflictDoUpdate({
      target: [pendingVersions.resourceType, pendingVersions.resourceId],
      set: { queuedAt: sql`clock_timestamp()`, lastError: null },
    });
  return keys.size;
}

/** Materialises queued versions on the job scheduler: at once, when woken, and every sweep. */
function startWorker(runtime: FhirRuntime, logger: Logger): Job {
  const { db } = runtime;
  const store = createVersionStore(db);

  /** Materialises one queued resource; true when it is done (stored, or gone). */
  const handle = async (row: typeof pendingVersions.$inferSelect): Promise<boolean> => {
    const where = and(eq(pendingVersions.resourceType, row.resourceType), eq(pendingVersions.resourceId, row.resourceId));
    try {
      const read = findHandler(row.resourceType)?.interactions.read as ReadFn | undefined;
      const full = read ? await materialise(read, row.resourceType, row.resourceId, runtime.execute) : null;
      const dependents = full ? await dependentsOf(row.resourceType, row.resourceId, runtime.execute) : [];
      await db.orm.transaction(async (tx) => {
        if (full) await store.save(full.body, full.unitClass, tx as unknown as Orm);
        await queueKeys(tx as unknown as Orm, dependents); // materialised in a later round
        // Only if no event queued it again meanwhile: that newer state is materialised next round.
        await tx.delete(pendingVersions).where(and(where, sql`${pendingVersions.queuedAt} = ${row.queuedAt}::timestamptz`));
      });
      return true;
    } catch (error) {
      logger.error({ err: error, resource: `${row.resourceType}/${row.resourceId}` }, 'FHIR version not materialised; will retry');
      await db.orm.update(pendingVersions).set({ lastError: error instanceof Error ? error.message : String(error) }).where(where);
      return false;
    }
  };

  const runRounds = async (): Promise<JobResult> => {
    let materialised = 0;
    for (;;) {
      const rows = await db.orm.select().from(pendingVersions).orderBy(asc(pendingVersions.queuedAt)).limit(BATCH);
      let done = 0;
      for (const row of rows) if (await handle(row)) done++;
      materialised += done;
      // Again until the queue is drained (a round may queue dependents) or only failing rows are
      // left (the sweep retries them).
      if (rows.length === 0 || done === 0) return materialised || 'idle';
    }
  };

  // First run at once: what a previous process left queued.
  return startJob(logger, { name: 'fhir-history-versions', everyMs: SWEEP_EVERY_MS, firstAfterMs: 0, run: runRounds, logRuns: false });
}

/** Starts the consumer and the worker with the FHIR plugin; both stop when the app closes. */
const historyRoutes: FastifyPluginAsync<FhirRuntime> = async (app, runtime) => {
  // Fastify's logger is the hub's pino logger; its declared type is a narrower interface.
  const logger = (app.log as unknown as Logger).child({ component: HISTORY_CONSUMER });
  const worker = startWorker(runtime, logger);
  const options = { name: HISTORY_CONSUMER, topics: TOPICS, startAt: 'now' as const, batchSize: 200 };
  const consumer: Consumer = startConsumer(runtime.db, runtime.feed, logger, options, async (events, tx) => {
    // settled() resolves once this round has committed: only then are the queued rows visible.
    if (await queueVersions(tx, events)) void consumer.settled().then(() => worker.wake());
  });
  app.addHook('onClose', async () => {
    await consumer.stop();
    await worker.stop();
  });
};

export const historyFeature: FhirFeature = { name: 'history', routes: historyRoutes };
