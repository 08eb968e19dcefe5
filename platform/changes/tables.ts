/**
 * The change feed's tables, in the platform-owned Postgres schema `feed`: an append-only log of
 * committed changes of every subgraph, and the position of each durable consumer.
 */
import { pgSchema, text, bigserial, bigint, jsonb, timestamp, index } from 'drizzle-orm/pg-core';

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
