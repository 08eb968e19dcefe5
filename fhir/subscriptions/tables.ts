/**
 * The FHIR subscriptions' own tables, in the Postgres schema `fhir_subscriptions`
 * (docs/fhir-subscriptions.md): the subscriptions, their per-subscription event logs, the inbox
 * the durable change-feed consumer fills, the fan-out cursor, and websocket binding tokens.
 */
import { pgSchema, text, bigint, integer, jsonb, timestamp, primaryKey, index } from 'drizzle-orm/pg-core';
import type { Principal } from '../../platform/executor.js';

export const fhirSubscriptions = pgSchema('fhir_subscriptions');

/** One R4 Subscription (backport profile) and its delivery state. */
export const subscriptions = fhirSubscriptions.table(
  'subscription',
  {
    id: text('id').primaryKey(),
    /** `client:<client id>` or `user:<account id>`: who may read, search and delete it. */
    ownerKey: text('owner_key').notNull(),
    /** Who events are checked and resources read for, re-read by the gateway each time. */
    principal: jsonb('principal').$type<Principal>().notNull(),
    /** FHIR base URL the subscription was created at (fullUrl, references in notifications). */
    baseUrl: text('base_url').notNull(),
    reason: text('reason').notNull(),
    topic: text('topic').notNull(),
    /** The filter-criteria strings as the client sent them (`Location?organization=…`). */
    filters: jsonb('filters').$type<string[]>().notNull(),
    channelType: text('channel_type').$type<'rest-hook' | 'websocket'>().notNull(),
    endpoint: text('endpoint'),
    payloadMime: text('payload_mime').notNull(),
    content: text('content').$type<'empty' | 'id-only' | 'full-resource'>().notNull(),
    headers: jsonb('headers').$type<string[]>().notNull(),
    heartbeatSeconds: integer('heartbeat_seconds'),
    timeoutSeconds: integer('timeout_seconds').notNull(),
    maxCount: integer('max_count').notNull(),
    endAt: timestamp('end_at', { withTimezone: true }),
    status: text('status').$type<'requested' | 'active' | 'error' | 'off'>().notNull(),
    /** Why the subscription is in error (Subscription.error, $status `error`). */
    error: text('error'),
    /** Event number of the last event logged (eventsSinceSubscriptionStart). */
    eventCount: bigint('event_count', { mode: 'number' }).notNull().default(0),
    /** Event number of the last event a rest-hook receiver acknowledged (2xx). */
    deliveredThrough: bigint('delivered_through', { mode: 'number' }).notNull().default(0),
    /** Consecutive failed deliveries; reset by a 2xx. */
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
    /** The process delivering it now, and until when its claim holds. */
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('subscription_owner_idx').on(t.ownerKey), index('subscription_topic_idx').on(t.topic, t.status)],
);

/** A subscription's durable event log: written before any delivery, replayed by `$events`. */
export const subscriptionEvents = fhirSubscriptions.table(
  'event',
  {
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => subscriptions.id, { onDelete: 'cascade' }),
    eventNumber: bigint('event_number', { mode: 'number' }).notNull(),
    /** The change-feed event it comes from. */
    changeId: bigint('change_id', { mode: 'number' }).notNull(),
    focusType: text('focus_type').notNull(),
    focusId: text('focus_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.subscriptionId, t.eventNumber] })],
);

/** Change-feed events of the topics served, copied by the durable consumer, waiting for fan-out. */
export const inbox = fhirSubscriptions.table('inbox', {
  changeId: bigint('change_id', { mode: 'number' }).primaryKey(),
  topic: text('topic').notNull(),
  recordType: text('record_type').notNull(),
  recordId: text('record_id').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
});

/** Position of the fan-out over the inbox, and the process holding it (a lease, not a lock). */
export const fanoutCursor = fhirSubscriptions.table('fanout_cursor', {
  name: text('name').primaryKey(),
  lastChangeId: bigint('last_change_id', { mode: 'number' }).notNull().default(0),
  leaseOwner: text('lease_owner'),
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
});

/** Websocket binding tokens ($get-ws-binding-token); only their SHA-256 is stored. */
export const bindingTokens = fhirSubscriptions.table('binding_token', {
  tokenHash: text('token_hash').primaryKey(),
  subscriptionId: text('subscription_id')
    .notNull()
    .references(() => subscriptions.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});


export type SubscriptionRow = typeof subscriptions.$inferSelect;
export type NewSubscriptionRow = typeof subscriptions.$inferInsert;
export type EventRow = typeof subscriptionEvents.$inferSelect;
export type InboxRow = typeof inbox.$inferSelect;
