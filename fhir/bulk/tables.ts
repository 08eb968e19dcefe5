/**
 * The bulk export's own tables, in the Postgres schema `fhir_bulk` (no other part of the hub reads
 * them): one row per export job, one per NDJSON file, and the files' content as chunks of lines,
 * so any hub process sharing the database can serve a file, and none holds one in memory.
 */
import { customType, pgSchema, text, integer, jsonb, timestamp, index, primaryKey } from 'drizzle-orm/pg-core';
import type { Principal } from '../../platform/executor.js';
import type { OperationOutcome } from '../types.js';

export const fhirBulk = pgSchema('fhir_bulk');

/** `bytea` as a Buffer on both drivers (node-postgres gives a Buffer, PGlite a Uint8Array). */
const bytes = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

/** accepted: waiting for a worker; in-progress: a worker holds the lease; then completed or failed. */
export type JobStatus = 'accepted' | 'in-progress' | 'completed' | 'failed';

export const exportJobs = fhirBulk.table(
  'export_job',
  {
    id: text('id').primaryKey(),
    /** Who asked: every read of the export runs as this principal (platform/executor.ts). */
    principal: jsonb('principal').$type<Principal>().notNull(),
    /** `client:<id>` or `user:<account id>`: status, files and cancel answer only to it. */
    owner: text('owner').notNull(),
    /** The kick-off URL (manifest `request`). */
    request: text('request').notNull(),
    types: text('types').array().notNull(),
    since: timestamp('since', { withTimezone: true, mode: 'date' }),
    /** Fixed at kick-off; the client's next `_since`. */
    transactionTime: timestamp('transaction_time', { withTimezone: true, mode: 'date' }).notNull(),
    status: text('status').$type<JobStatus>().notNull(),
    /** X-Progress while it runs. */
    progress: text('progress'),
    /** Why it failed. */
    error: jsonb('error').$type<OperationOutcome>(),
    /** Runs started; a job whose worker died is run again from scratch, up to a limit, then failed. */
    attempts: integer('attempts').notNull().default(0),
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamp('lease_until', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    /** When a finished job and its files are deleted (manifest `Expires`). */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('export_job_status_idx').on(t.status, t.createdAt)],
);

export const exportFiles = fhirBulk.table(
  'export_file',
  {
    jobId: text('job_id')
      .notNull()
      .references(() => exportJobs.id, { onDelete: 'cascade' }),
    /** 1, 2, … in the order files were written (manifest order). */
    fileNo: integer('file_no').notNull(),
    type: text('type').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.fileNo] })],
);

export const exportChunks = fhirBulk.table(
  'export_chunk',
  {
    jobId: text('job_id')
      .notNull()
      .references(() => exportJobs.id, { onDelete: 'cascade' }),
    fileNo: integer('file_no').notNull(),
    chunkNo: integer('chunk_no').notNull(),
    /**
     * Whole NDJSON lines, each ending with a newline, as one gzip member (D142): a
     * file's chunks concatenated are a gzip stream of the file.
     */
    gzip: bytes('gzip'),
    /** The same, uncompressed: chunks written before `gzip` existed (null since). */
    lines: text('lines'),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.fileNo, t.chunkNo] })],
);

export type ExportJob = typeof exportJobs.$inferSelect;
export type ExportFile = typeof exportFiles.$inferSelect;
