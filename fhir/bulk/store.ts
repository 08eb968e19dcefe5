/**
 * SQL of the bulk export (schema `fhir_bulk`). Leases and expiry compare with the database clock,
 * so several hub processes sharing the database agree on them.
 */
import { and, asc, count, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.js';
import type { Principal } from '../../platform/executor.js';
import type { OperationOutcome } from '../types.js';
import { exportChunks, exportFiles, exportJobs, type ExportFile, type ExportJob } from './tables.js';

/** Statuses that count against the hub's limit of exports at once. */
const ACTIVE: ExportJob['status'][] = ['accepted', 'in-progress'];

/** A job that failed to finish this many times (its worker died each time) is failed, not retried. */
export const MAX_ATTEMPTS = 3;

export interface NewJob {
  id: string;
  principal: Principal;
  owner: string;
  request: string;
  types: string[];
  since: Date | null;
  transactionTime: Date;
}

/** A stored chunk: gzip-compressed, or plain text when written before compression (one is set). */
export interface StoredChunk {
  chunkNo: number;
  gzip: Buffer | null;
  lines: string | null;
}

const seconds = (n: number) => sql`now() + make_interval(secs => ${n})`;

export function createBulkStore(orm: Orm) {
  return {
    /**
     * Records a job unless `maxJobs` are already queued or running (false). The count and the
     * insert run under one transaction-scoped advisory lock, so two kick-offs at once cannot both
     * take the last place.
     */
    admit: (job: NewJob, maxJobs: number): Promise<boolean> =>
      orm.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext('fhir_bulk.admit'))`);
        const [row] = await tx.select({ n: count() }).from(exportJobs).where(inArray(exportJobs.status, ACTIVE));
        if ((row?.n ?? 0) >= maxJobs) return false;
        await tx.insert(exportJobs).values({ ...job, status: 'accepted' });
        return true;
      }),

    findJob: async (id: string, owner: string): Promise<ExportJob | null> => {
      const [job] = await orm.select().from(exportJobs).where(and(eq(exportJobs.id, id), eq(exportJobs.owner, owner)));
      return job ?? null;
    },

    /** Deletes a job and (cascade) its files; false when the owner has no such job. */
    deleteJob: async (id: string, owner: string): Promise<boolean> => {
      const deleted = await orm.delete(exportJobs).where(and(eq(exportJobs.id, id), eq(exportJobs.owner, owner))).returning({ id: exportJobs.id });
      return deleted.length > 0;
    },

    /**
     * Takes the oldest job waiting for a worker, or one whose worker stopped renewing its lease
     * (crashed process), and counts the attempt. Skip-locked, so two workers never take the same.
     */
    claimNext: async (worker: string, leaseSeconds: number): Promise<ExportJob | null> => {
      const rows = await orm.execute(sql`
        update ${exportJobs} set status = 'in-progress', lease_owner = ${worker}, lease_until = ${seconds(leaseSeconds)},
          attempts = attempts + 1, progress = 'started'
        where id = (
          select id from ${exportJobs}
          where status = 'accepted' or (status = 'in-progress' and lease_until < now())
          order by created_at limit 1 for update skip locked
        )
        returning id`);
      const id = (rows as unknown as { rows: { id: string }[] }).rows[0]?.id;
      if (!id) return null;
      const [job] = await orm.select().from(exportJobs).where(eq(exportJobs.id, id));
      return job ?? null;
    },

    /** Extends the lease and records progress; false when the job was cancelled or taken over. */
    renewLease: async (id: string, worker: string, leaseSeconds: number, progress: string): Promise<boolean> => {
      const rows = await orm
        .update(exportJobs)
        .set({ leaseUntil: seconds(leaseSeconds), progress })
        .where(and(eq(exportJobs.id, id), eq(exportJobs.leaseOwner, worker), eq(exportJobs.status, 'in-progress')))
        .returning({ id: exportJobs.id });
      return rows.length > 0;
    },

    /** Whether this worker still holds the job (false once cancelled, expired or taken over). */
    holds: async (id: string, worker: string): Promise<boolean> => {
      const rows = await orm
        .select({ id: exportJobs.id })
        .from(exportJobs)
        .where(and(eq(exportJobs.id, id), eq(exportJobs.leaseOwner, worker), eq(exportJobs.status, 'in-progress')));
      return rows.length > 0;
    },

    /** Forgets what an earlier, interrupted run of the job wrote: each run starts from scratch. */
    resetOutput: async (id: string): Promise<void> => {
      await orm.delete(exportChunks).where(eq(exportChunks.jobId, id));
      await orm.delete(exportFiles).where(eq(exportFiles.jobId, id));
    },

    startFile: async (jobId: string, fileNo: number, type: string): Promise<void> => {
      await orm.insert(exportFiles).values({ jobId, fileNo, type, count: 0 });
    },

    /** Appends lines (one gzip member) to a file and its count together. */
    appendChunk: (jobId: string, fileNo: number, chunkNo: number, gzip: Buffer, lineCount: number): Promise<void> =>
      orm.transaction(async (tx) => {
        await tx.insert(exportChunks).values({ jobId, fileNo, chunkNo, gzip });
        await tx
          .update(exportFiles)
          .set({ count: sql`${exportFiles.count} + ${lineCount}` })
          .where(and(eq(exportFiles.jobId, jobId), eq(exportFiles.fileNo, fileNo)));
      }),

    /** Marks a job done if this worker still holds it; its files are kept `retentionSeconds`. */
    complete: async (id: string, worker: string, retentionSeconds: number): Promise<boolean> => {
      const rows = await orm
        .update(exportJobs)
        .set({ status: 'completed', progress: null, leaseOwner: null, leaseUntil: null, completedAt: sql`now()`, expiresAt: seconds(retentionSeconds) })
        .where(and(eq(exportJobs.id, id), eq(exportJobs.leaseOwner, worker), eq(exportJobs.status, 'in-progress')))
        .returning({ id: exportJobs.id });
      return rows.length > 0;
    },

    /** Marks a job failed (its partial files deleted); `worker` null fails it whoever held it. */
    fail: async (id: string, worker: string | null, error: OperationOutcome, retentionSeconds: number): Promise<void> => {
      await orm.transaction(async (tx) => {
        const owned = worker === null ? undefined : eq(exportJobs.leaseOwner, worker);
        const rows = await tx
          .update(exportJobs)
          .set({ status: 'failed', error, progress: null, leaseOwner: null, leaseUntil: null, completedAt: sql`now()`, expiresAt: seconds(retentionSeconds) })
          .where(and(eq(exportJobs.id, id), owned))
          .returning({ id: exportJobs.id });
        if (rows.length > 0) {
          // Nothing of a failed run stays: no file to list or serve, only the OperationOutcome.
          await tx.delete(exportChunks).where(eq(exportChunks.jobId, id));
          await tx.delete(exportFiles).where(eq(exportFiles.jobId, id));
        }
      });
    },

    /** Hands a job back to the queue (a worker shutting down): the next worker starts it again. */
    release: async (id: string, worker: string): Promise<void> => {
      await orm
        .update(exportJobs)
        .set({ status: 'accepted', leaseOwner: null, leaseUntil: null, progress: null, attempts: sql`greatest(${exportJobs.attempts} - 1, 0)` })
        .where(and(eq(exportJobs.id, id), eq(exportJobs.leaseOwner, worker), eq(exportJobs.status, 'in-progress')));
    },

    filesOf: (jobId: string): Promise<ExportFile[]> =>
      orm.select().from(exportFiles).where(eq(exportFiles.jobId, jobId)).orderBy(asc(exportFiles.fileNo)),

    file: async (jobId: string, fileNo: number): Promise<ExportFile | null> => {
      const [file] = await orm.select().from(exportFiles).where(and(eq(exportFiles.jobId, jobId), eq(exportFiles.fileNo, fileNo)));
      return file ?? null;
    },

    /** The next chunks of a file after `afterChunk`, in order. */
    chunksAfter: (jobId: string, fileNo: number, afterChunk: number, limit: number): Promise<StoredChunk[]> =>
      orm
        .select({ chunkNo: exportChunks.chunkNo, gzip: exportChunks.gzip, lines: exportChunks.lines })
        .from(exportChunks)
        .where(and(eq(exportChunks.jobId, jobId), eq(exportChunks.fileNo, fileNo), gt(exportChunks.chunkNo, afterChunk)))
        .orderBy(asc(exportChunks.chunkNo))
        .limit(limit),

    /** Deletes finished jobs past their expiry, with their files; returns how many. */
    deleteExpired: async (): Promise<number> => {
      const rows = await orm
        .delete(exportJobs)
        .where(and(or(eq(exportJobs.status, 'completed'), eq(exportJobs.status, 'failed')), lt(exportJobs.expiresAt, sql`now()`)))
        .returning({ id: exportJobs.id });
      return rows.length;
    },
  };
}

export type BulkStore = ReturnType<typeof createBulkStore>;
