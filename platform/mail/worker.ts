/**
 * Delivers the mails of one outbox table (./outbox.ts) over SMTP. Several processes may run a
 * worker on the same table: a mail is claimed by one statement (`FOR UPDATE SKIP LOCKED`, status
 * SENDING and a lease in `next_attempt_at`), so two workers never send it both. A failed send is
 * retried with exponential backoff, then marked FAILED. Without an SMTP URL, mails stay queued.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Orm } from '../db/client.js';
import type { Logger } from '../logger.js';
import { assertMailOutboxTable, redactAddresses } from './outbox.js';
import { startJob } from '../jobs.js';

export interface RetryPolicy {
  /** Delay before the second attempt; doubled at each further one. */
  baseMs: number;
  maxMs: number;
  /** Attempts before a mail is marked FAILED. */
  maxAttempts: number;
}

export interface MailWorkerOptions {
  orm: Orm;
  table: PgTable;
  /** smtp(s)://[user:pass@]host:port; null keeps mails queued (PENDING). */
  smtpUrl: string | null;
  from: string;
  logger: Logger;
  pollMs?: number;
  batchSize?: number;
  retry?: Partial<RetryPolicy>;
  /** How long a claimed mail stays reserved to its worker; longer than any SMTP timeout. */
  leaseMs?: number;
}

export interface MailWorker {
  /** Delivers due mails now (e.g. right after a transaction queued one) instead of at the next poll. */
  nudge(): void;
  /** One delivery pass; resolves with the number of mails sent. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 60_000, maxMs: 6 * 3_600_000, maxAttempts: 8 };
const SMTP_TIMEOUT_MS = 30_000;

interface ClaimedMail {
  id: number;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

export function backoffMs(attempts: number, retry: RetryPolicy): number {
  return Math.min(retry.maxMs, retry.baseMs * 2 ** Math.max(0, attempts - 1));
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

function createOutboxQueries(orm: Orm, table: PgTable, leaseMs: number, maxAttempts: number) {
  return {
    /** Claims due mails: PENDING ones, and SENDING ones whose worker died (lease over). */
    claim: async (limit: number): Promise<ClaimedMail[]> =>
      rowsOf<ClaimedMail>(
        await orm.execute(sql`
          update ${table} set status = 'SENDING', attempts = attempts + 1,
            next_attempt_at = now() + ${leaseMs} * interval '1 millisecond'
          where id in (
            select id from ${table}
            where status in ('PENDING', 'SENDING') and next_attempt_at <= now() and attempts < ${maxAttempts}
            order by next_attempt_at, id limit ${limit}
            for update skip locked)
          returning id, recipient, subject, body, attempts`),
      ),
    sent: (id: number) =>
      orm.execute(sql`update ${table} set status = 'SENT', sent_at = now(), last_error = null where id = ${id}`),
    failed: (id: number, attempts: number, error: string, delayMs: number) =>
      orm.execute(sql`
        update ${table} set last_error = ${error},
          status = ${attempts >= maxAttempts ? 'FAILED' : 'PENDING'},
          next_attempt_at = now() + ${delayMs} * interval '1 millisecond'
        where id = ${id}`),
    /** A claimed mail whose worker died on its last attempt will not be claimed again. */
    abandon: () =>
      orm.execute(sql`
        update ${table} set status = 'FAILED', last_error = coalesce(last_error, 'worker stopped during the last attempt')
        where status = 'SENDING' and next_attempt_at <= now() and attempts >= ${maxAttempts}`),
  };
}

function createTransporter(smtpUrl: string): Transporter {
  return nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
}

/** A worker that does nothing: mail stays in the outbox until a worker with SMTP runs. */
function queueOnlyWorker(logger: Logger): MailWorker {
  logger.info('no SMTP_URL: mails are queued in the outbox, not sent');
  return { nudge: () => {}, runOnce: async () => 0, stop: async () => {} };
}

export function startMailWorker(options: MailWorkerOptions): MailWorker {
  assertMailOutboxTable(options.table);
  const logger = options.logger.child({ component: 'mail-worker' });
  if (!options.smtpUrl) return queueOnlyWorker(logger);
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const queries = createOutboxQueries(options.orm, options.table, options.leaseMs ?? 10 * 60_000, retry.maxAttempts);
  const transporter = createTransporter(options.smtpUrl);
  const pollMs = options.pollMs ?? 15_000;
  const batchSize = options.batchSize ?? 20;

  const deliver = async (mail: ClaimedMail): Promise<boolean> => {
    try {
      await transporter.sendMail({ from: options.from, to: mail.recipient, subject: mail.subject, text: mail.body });
      await queries.sent(mail.id);
      logger.info({ mailId: mail.id, attempts: mail.attempts }, 'mail sent');
      return true;
    } catch (error) {
      const reason = redactAddresses(error instanceof Error ? error.message : String(error)).slice(0, 500);
      await queries.failed(mail.id, mail.attempts, reason, backoffMs(mail.attempts, retry));
      const final = mail.attempts >= retry.maxAttempts;
      logger.warn({ mailId: mail.id, attempts: mail.attempts, reason, final }, final ? 'mail failed for good' : 'mail will be retried');
      return false;
    }
  };

  const runOnce = async (): Promise<number> => {
    let sent = 0;
    await queries.abandon();
    // Another batch only after a full one: a mail that just failed is retried at a later pass.
    for (let full = true; full; ) {
      const batch = await queries.claim(batchSize);
      for (const mail of batch) if (await deliver(mail)) sent++;
      full = batch.length === batchSize;
    }
    return sent;
  };

  // One pass at once (mail a previous process left), then every poll and on each nudge.
  const job = startJob(logger, { name: `mail-${getTableConfig(options.table).schema ?? 'public'}`, everyMs: pollMs, firstAfterMs: 0, run: runOnce, logRuns: false });
  return {
    nudge: job.wake,
    runOnce: () => job.runNow().then((sent) => (typeof sent === 'number' ? sent : 0), () => 0),
    stop: async () => {
      await job.stop();
      transporter.close();
    },
  };
}
