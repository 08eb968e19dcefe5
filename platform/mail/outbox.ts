/**
 * The transactional mail outbox: a subgraph writes a mail as a row of its own outbox table in the
 * same transaction as the change that causes it, so a mail is queued if and only if the change
 * commits. The worker (./worker.ts) delivers the rows later. Every outbox table has the columns
 * of `mailOutboxColumns()`; the worker addresses them by these SQL names.
 */
import { getTableConfig, integer, serial, text, timestamp, type PgTable } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { Orm } from '../db/client.js';

export const MAIL_STATUSES = ['PENDING', 'SENDING', 'SENT', 'FAILED'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** The column contract of an outbox table, to spread into a drizzle table definition. */
export function mailOutboxColumns() {
  return {
    id: serial('id').primaryKey(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** PENDING → SENDING (claimed by a worker) → SENT, or back to PENDING to retry, or FAILED. */
    status: text('status').notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  };
}

const REQUIRED_COLUMNS = ['id', 'recipient', 'subject', 'body', 'status', 'attempts', 'next_attempt_at', 'last_error', 'sent_at'];

/** Throws when `table` lacks a column of the contract (checked once, when a worker starts). */
export function assertMailOutboxTable(table: PgTable): void {
  const { name, columns } = getTableConfig(table);
  const names = new Set(columns.map((c) => c.name));
  const missing = REQUIRED_COLUMNS.filter((c) => !names.has(c));
  if (missing.length) throw new Error(`Table ${name} is not a mail outbox: it lacks ${missing.join(', ')}`);
}

export interface OutgoingMail {
  recipient: string;
  subject: string;
  body: string;
}

/** Queues a mail; pass the transaction of the change that causes it. */
export async function enqueueMail(orm: Orm, table: PgTable, mail: OutgoingMail): Promise<void> {
  await orm.execute(sql`insert into ${table} (recipient, subject, body) values (${mail.recipient}, ${mail.subject}, ${mail.body})`);
}

/**
 * Replaces e-mail addresses by a placeholder: SMTP errors often quote the recipient, and
 * addresses (rescue e-mails in particular) must never reach the logs.
 */
export function redactAddresses(text: string): string {
  return text.replace(/[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+/g, '<address>');
}
