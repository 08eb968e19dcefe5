/**
 * The FHIR adapter's version store, in its own Postgres schema `fhir_history`: every version of
 * a served resource the adapter has seen, as the full view (materialised with the internal
 * application, access profile 1). Callers get them redacted to their current view (redact.ts).
 */
import { index, jsonb, pgSchema, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { DomainResource } from '../types.js';

export const fhirHistory = pgSchema('fhir_history');

export const resourceVersions = fhirHistory.table(
  'resource_version',
  {
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id').notNull(),
    /** meta.versionId of the body (as reads send it). */
    versionId: text('version_id').notNull(),
    /** meta.lastUpdated of the body. */
    lastUpdated: timestamp('last_updated', { withTimezone: true, mode: 'string' }).notNull(),
    /**
     * What the unit behind the resource was when this version was taken, `<S|N>:<TRE_R227 code>`
     * (sensitive or not, activity field): the access profiles decide on both, so a caller gets a
     * past version only when it was of the same class as the current one. Null for Organization
     * and Practitioner.
     */
    unitClass: text('unit_class'),
    body: jsonb('body').$type<DomainResource>().notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.resourceType, t.resourceId, t.versionId] }),
    index('resource_version_newest_idx').on(t.resourceType, t.resourceId, t.lastUpdated),
  ],
);

export type ResourceVersionRow = typeof resourceVersions.$inferSelect;

/**
 * Resources whose version the feed consumer learnt may have changed, waiting to be materialised
 * (the consumer writes them in its offset's transaction; the worker materialises outside any
 * transaction, since the executor's subgraphs use the same database).
 */
export const pendingVersions = fhirHistory.table(
  'pending_version',
  {
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id').notNull(),
    /** Moved by every new event about the resource: the worker deletes a row only if it has not moved. */
    queuedAt: timestamp('queued_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** Last materialisation failure (kept for operators; the row is retried). */
    lastError: text('last_error'),
  },
  (t) => [primaryKey({ columns: [t.resourceType, t.resourceId] })],
);
