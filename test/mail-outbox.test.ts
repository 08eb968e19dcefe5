/**
 * The mail outbox worker (platform/mail) against a real SMTP server on loopback: delivery, retry
 * with backoff after a refused attempt, giving up after the last attempt, nothing sent twice by
 * concurrent workers, mails kept queued without SMTP, and addresses kept out of logs and errors.
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/client.js';
import { backoffMs, DEFAULT_RETRY, enqueueMail, redactAddresses, startMailWorker, type MailWorker } from '../platform/mail/index.js';
import { mailOutbox } from '../subgraphs/professionals/tables.js';
import { databaseKinds, openMigratedDatabase } from './helpers/hub.js';
import { startSmtpServer, type TestSmtpServer } from './helpers/smtp.js';

interface Row {
  id: number;
  recipient: string;
  status: string;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
}

/** A pino logger writing into an array, to read what the worker logs. */
function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, stream), lines };
}

// Backoffs of 20, 40 and 60 ms: the tests wait them out (the worker's own poll is a minute away).
const FAST = { baseMs: 20, maxMs: 60, maxAttempts: 3 };

describe('backoff', () => {
  it('doubles from the base delay up to the cap', () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a, { baseMs: 100, maxMs: 500, maxAttempts: 9 }))).toEqual([100, 200, 400, 500]);
    expect(backoffMs(1, DEFAULT_RETRY)).toBe(60_000);
  });

  it('redacts e-mail addresses from error texts', () => {
    expect(redactAddresses("550 <jean.dupont@chr-orleans.fr>: mailbox unavailable; cc a.b+c@x.org")).toBe('550 <<address>>: mailbox unavailable; cc <address>');
  });
});

describe.each(databaseKinds())('mail outbox worker on %s', (kind) => {
  let db: Database;
  let drop: (() => Promise<void>) | undefined;
  const workers: MailWorker[] = [];
  const servers: TestSmtpServer[] = [];

  beforeAll(async () => {
    ({ db, drop } = await openMigratedDatabase(kind));
  });
  beforeEach(async () => {
    for (const w of workers.splice(0)) await w.stop();
    for (const s of servers.splice(0)) await s.close();
    await db.rows(sql`delete from professionals.mail_outbox`);
  });
  afterAll(async () => {
    for (const w of workers) await w.stop();
    for (const s of servers) await s.close();
    await drop?.();
  });

  const rows = () => db.rows<Row>(sql`select id, recipient, status, attempts, last_error, sent_at from professionals.mail_outbox order by id`);
  const queue = (recipient: string, subject = 'Test') => enqueueMail(db.orm, mailOutbox, { recipient, subject, body: `Bonjour ${recipient}` });
  const smtp = async (behaviour: Parameters<typeof startSmtpServer>[0] = {}) => {
    const server = await startSmtpServer(behaviour);
    servers.push(server);
    return server;
  };
  const worker = (smtpUrl: string | null, { logger = pino({ level: 'silent' }), batchSize }: { logger?: pino.Logger; batchSize?: number } = {}) => {
    const w = startMailWorker({ orm: db.orm, table: mailOutbox, smtpUrl, from: 'ROR Hub <no-reply@ror.test>', logger, pollMs: 60_000, retry: FAST, batchSize });
    workers.push(w);
    return w;
  };
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await check()).toBe(true);
  };

  it('sends pending mails and marks them SENT', async () => {
    const server = await smtp();
    await queue('alice@example.org', 'Bienvenue');
    await queue('bob@example.org');
    const w = worker(server.url);
    await until(async () => (await rows()).every((r) => r.status === 'SENT'));
    expect(await w.runOnce()).toBe(0);
    expect(server.received.map((m) => m.to)).toEqual([['alice@example.org'], ['bob@example.org']]);
    expect(server.received[0]!.from).toBe('no-reply@ror.test');
    expect(server.received[0]!.raw).toContain('Subject: Bienvenue');
    expect(server.received[0]!.raw).toContain('Bonjour alice@example.org');
    expect((await rows()).map((r) => [r.status, r.attempts, r.last_error, r.sent_at !== null])).toEqual([
      ['SENT', 1, null, true],
      ['SENT', 1, null, true],
    ]);
  });

  it('retries a refused attempt after a backoff, then sends', async () => {
    const server = await smtp({ refuseFirst: 1 });
    await queue('carol@example.org');
    const w = worker(server.url);
    await until(async () => (await rows())[0]!.attempts === 1 && (await rows())[0]!.status === 'PENDING');
    const [failed] = await rows();
    expect(failed!.last_error).toMatch(/451 Temporary local problem/);
    expect(server.received).toEqual([]);
    await new Promise((r) => setTimeout(r, FAST.baseMs + 20));
    expect(await w.runOnce()).toBe(1);
    expect(server.refused).toBe(1);
    expect(server.received.map((m) => m.to)).toEqual([['carol@example.org']]);
    expect((await rows())[0]).toMatchObject({ status: 'SENT', attempts: 2, last_error: null });
  });

  it('gives up after the last attempt, and keeps addresses out of its logs and errors', async () => {
    const server = await smtp({ refuseRecipients: true });
    await queue('dave.secret@example.org');
    const { logger, lines } = capturingLogger();
    const w = worker(server.url, { logger });
    for (let attempt = 0; attempt < FAST.maxAttempts + 1; attempt++) {
      await new Promise((r) => setTimeout(r, FAST.maxMs + 20));
      await w.runOnce();
    }
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'FAILED', attempts: FAST.maxAttempts });
    expect(row!.last_error).toMatch(/550 <<address>>: mailbox unavailable/);
    expect(server.received).toEqual([]);
    const log = lines.join('');
    expect(log).toContain('mail failed for good');
    expect(log).not.toContain('dave.secret');
  });

  it('never sends a mail twice, whatever the number of workers', async () => {
    const server = await smtp();
    await Promise.all(Array.from({ length: 30 }, (_, i) => queue(`user${i}@example.org`)));
    // Batches of 5: the three workers claim turn about and send side by side, rather than the
    // first taking 20 mails to send one after the other while the others wait.
    const many = [worker(server.url, { batchSize: 5 }), worker(server.url, { batchSize: 5 }), worker(server.url, { batchSize: 5 })];
    await Promise.all(many.flatMap((w) => [w.runOnce(), w.runOnce()]));
    await until(async () => (await rows()).every((r) => r.status === 'SENT'));
    const recipients = server.received.flatMap((m) => m.to);
    expect(recipients).toHaveLength(30);
    expect(new Set(recipients).size).toBe(30);
    expect((await rows()).every((r) => r.attempts === 1)).toBe(true);
  });

  it('keeps mails queued when no SMTP server is configured, saying so once', async () => {
    await queue('erin@example.org');
    const { logger, lines } = capturingLogger();
    const w = worker(null, { logger });
    expect(await w.runOnce()).toBe(0);
    w.nudge();
    expect((await rows())[0]).toMatchObject({ status: 'PENDING', attempts: 0 });
    expect(lines.filter((l) => l.includes('mails are queued in the outbox, not sent'))).toHaveLength(1);
  });

  it('delivers at once when nudged, without waiting for the next poll', async () => {
    const server = await smtp();
    const w = worker(server.url);
    await w.runOnce();
    await queue('frank@example.org');
    w.nudge();
    await until(async () => server.received.length === 1);
  });
});
