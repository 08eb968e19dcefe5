/**
 * Tables of the tension notifications, solidarity establishments and Plan blanc / Plan bleu forms
 * (docs/tension-plans.md), in the tensions subgraph's schema. Establishment ids are the offer
 * subgraph's FINESS ET numbers (federation keys), never joined to its tables.
 */
import { bigint, boolean, index, integer, jsonb, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { mailOutboxColumns } from '../../../platform/mail/outbox.js';
import { tensions } from '../tables.js';
import type { PlanContent } from './plan-schema.js';

/**
 * Mails about tension declarations (platform/mail outbox contract). A row is drafted by the
 * `tension-mail` change consumer in the transaction that advances its offset, so each event mails
 * each recipient once: (event_id, recipient) is unique even if two processes raced. A draft
 * (status DRAFT, which the worker never claims) gets the establishment's name from the offer
 * subgraph after commit, then becomes PENDING (see plans/mailer.ts for why).
 */
export const tensionMailOutbox = tensions.table(
  'mail_outbox',
  {
    ...mailOutboxColumns(),
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    tensionId: text('tension_id').notNull(),
    establishmentId: text('establishment_id').notNull(),
  },
  (t) => [unique('mail_outbox_event_recipient_key').on(t.eventId, t.recipient), index('mail_outbox_tension_idx').on(t.tensionId, t.id)],
);

/** Opt-in: an establishment that wants the mails of its own declarations, and where. */
export const notificationSettings = tensions.table('notification_setting', {
  establishmentId: text('establishment_id').primaryKey(),
  emails: jsonb('emails').$type<string[]>().notNull(),
  enabled: boolean('enabled').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The establishments an establishment relies on in tension, in the order it gave them. */
export const solidarityLinks = tensions.table(
  'solidarity_link',
  {
    establishmentId: text('establishment_id').notNull(),
    solidarityEstablishmentId: text('solidarity_establishment_id').notNull(),
    rank: integer('rank').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.establishmentId, t.solidarityEstablishmentId] })],
);

/** The current Plan blanc or Plan bleu of an establishment (one of each at most). */
export const plans = tensions.table(
  'plan',
  {
    kind: text('kind').notNull(), // BLANC | BLEU
    establishmentId: text('establishment_id').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<PlanContent>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.establishmentId] })],
);

/** Every version of every plan, written with the change (who changed what, when). */
export const planVersions = tensions.table(
  'plan_version',
  {
    kind: text('kind').notNull(),
    establishmentId: text('establishment_id').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<PlanContent>().notNull(),
    author: text('author').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.establishmentId, t.version] })],
);

export type TensionMailRow = typeof tensionMailOutbox.$inferSelect;
export type NotificationSettingRow = typeof notificationSettings.$inferSelect;
export type PlanRow = typeof plans.$inferSelect;
export type PlanVersionRow = typeof planVersions.$inferSelect;
