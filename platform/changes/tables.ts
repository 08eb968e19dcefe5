/**
 * The change feed's tables, in the platform-owned Postgres schema `feed`: an append-only log of
 * committed changes of every subgraph, and the position of each durable consumer.
 */
import { pgSchema, text, bigserial, bigint, jsonb, timestamp, index, primaryKey } from 'drizzle-orm/pg-core';

export const feed = pgSchema('feed');

export const changeEvents = feed.table(
  'change_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** What consumers subscribe to: capacity, offer, tension, professional. */
    topic: text('topic').notNull(),
    /** The record's type in its subgraph, e.g. UNIT_CAPACITY, UNIT, TENSION. */
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    /** CREATE, UPDATE, ARCHIVE… as the writing subgraph names it. */
    action: text('action').notNull(),
    /** What a consumer needs without reading the writer's tables (the new state, the filter keys). */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** Login, application or process that made the change. */
    actor: text('actor'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('change_event_topic_idx').on(t.topic, t.id)],
);

export const consumerOffsets = feed.table('consumer_offset', {
  /** A durable consumer's name, unique across processes sharing the database. */
  name: text('name').primaryKey(),
  /** Id of the last event the consumer has handled (0: none). */
  lastId: bigint('last_id', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ChangeEvent = typeof changeEvents.$inferSelect;
export type NewChange = Omit<typeof changeEvents.$inferInsert, 'id' | 'occurredAt'>;

/**
 * Periods of the hub's periodic jobs (purges) already run, across every process sharing the
 * database (platform/periodic-job.ts): the process that inserts a (job, period) row runs that
 * period, the others skip it, so a purge runs once per period however many replicas there are.
 * In the platform-owned schema because every component migrates it.
 */
export const jobPeriods = feed.table(
  'job_period',
  {
    job: text('job').notNull(),
    /** The job's period length: a changed setting starts a new series instead of colliding with the old one. */
    everyMs: bigint('every_ms', { mode: 'number' }).notNull(),
    /** floor(database clock / everyMs). */
    period: bigint('period', { mode: 'number' }).notNull(),
    /** Which process ran it (host and pid), for the operator. */
    runBy: text('run_by').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.job, t.everyMs, t.period] })],
);
