/**
 * Retention of the change feed (platform/changes/retention.ts, docs/change-feed.md § Retention):
 * old events go once every durable consumer has passed them and they are outside the newest
 * events a subscription may resume from; nothing goes while a consumer still needs it, nor
 * without any consumer, nor with a retention of 0 days. On PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, sql } from 'drizzle-orm';
import { openDatabase, type Database, type Orm } from '../platform/db/client.js';
import { emptyPglite } from './helpers/pglite.js';
import { applyMigrations } from '../platform/db/migrate.js';
import { createLogger } from '../platform/logger.js';
import { appendChanges } from '../platform/changes/append.js';
import { CHANGE_FEED_MIGRATIONS } from '../platform/changes/migrations.js';
import { purgeChangeFeed, startFeedRetention } from '../platform/changes/retention.js';
import { claimPeriod } from '../platform/periodic-job.js';
import { changeEvents, consumerOffsets } from '../platform/changes/tables.js';
import { createScratchDatabase, databaseKinds } from './helpers/hub.js';

const DAYS = 30;

describe.each(databaseKinds())('change feed retention on %s', (kind) => {
  let db: Database;
  let drop: (() => Promise<void>) | null = null;

  const append = (n: number) =>
    db.orm.transaction((tx) => appendChanges(tx as unknown as Orm, Array.from({ length: n }, (_, i) => ({ topic: 'capacity', recordType: 'UNIT_CAPACITY', recordId: `u${i}`, action: 'UPDATE', payload: {} }))));
  const ids = async () => (await db.orm.select({ id: changeEvents.id }).from(changeEvents).orderBy(asc(changeEvents.id))).map((r) => r.id);
  const age = (upTo: number, days: number) => db.orm.execute(sql`update feed.change_event set occurred_at = now() - make_interval(days => ${days}) where id <= ${upTo}`);
  const consumer = (name: string, lastId: number) =>
    db.orm.insert(consumerOffsets).values({ name, lastId }).onConflictDoUpdate({ target: consumerOffsets.name, set: { lastId } });
  const purge = (keepLast = 5, days = DAYS) => purgeChangeFeed(db, new Date(), days, { keepLast });

  beforeAll(async () => {
    let url: string | null = null;
    if (kind === 'postgres') ({ url, drop } = await createScratchDatabase());
    db = url ? await openDatabase({ kind: 'postgres', url }) : await emptyPglite();
    await applyMigrations(db, 'feed', CHANGE_FEED_MIGRATIONS);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  it('keeps every event while no consumer has registered a position, and with 0 days', async () => {
    const appended = await append(30);
    await age(appended.at(-1)!, DAYS + 10);
    expect(await purge()).toBe(0);
    await consumer('tension-mail', 30);
    expect(await purge(5, 0)).toBe(0);
    expect((await ids()).length).toBe(30);
  });

  it('never deletes an event a consumer has not passed, nor one within the newest a subscription may resume from', async () => {
    await consumer('tension-mail', 20);
    await consumer('fhir-history', 25);
    expect(await purge()).toBe(20); // the slowest consumer is at 20
    expect(await ids()).toEqual(Array.from({ length: 10 }, (_, i) => 21 + i));
    await consumer('tension-mail', 30);
    await consumer('fhir-history', 30);
    expect(await purge()).toBe(5); // every consumer is at the head: the newest 5 stay for resumes
    expect(await ids()).toEqual([26, 27, 28, 29, 30]);
    // Today's events stay whatever the consumers' positions.
    await append(10);
    await consumer('tension-mail', 40);
    await consumer('fhir-history', 40);
    expect(await purge()).toBe(5); // 26–30 are old and passed; 31–35 passed but recent; 36–40 the newest
    expect(await ids()).toEqual(Array.from({ length: 10 }, (_, i) => 31 + i));
    // The default keeps the newest MAX_RESUME_EVENTS (10,000): here, everything.
    await age(40, DAYS + 1);
    expect(await purgeChangeFeed(db, new Date(), DAYS)).toBe(0);
  });

  it('gives each period of a periodic job to one claimant, however many processes ask at once', async () => {
    const DAY_MS = 86_400_000; // a period that does not end during the test, but at midnight UTC
    const claims = await Promise.all(Array.from({ length: 6 }, () => claimPeriod(db, 'scale-test', DAY_MS)));
    expect(claims.filter((c) => c !== null)).toHaveLength(1);
    expect(await claimPeriod(db, 'scale-test', DAY_MS)).toBeNull();
    expect(await claimPeriod(db, 'another-job', DAY_MS)).not.toBeNull();
    expect(await claimPeriod(db, 'scale-test', DAY_MS / 2)).not.toBeNull(); // another period length: its own series
  });

  it('claims a period ahead, which the job then finds taken (how the benches keep a job out of their runs)', async () => {
    const HOUR_MS = 3_600_000;
    const [now, next] = [await claimPeriod(db, 'bench-held', HOUR_MS, 0), await claimPeriod(db, 'bench-held', HOUR_MS, 1)];
    expect(next).toBe(now! + 1);
    expect(await claimPeriod(db, 'bench-held', HOUR_MS)).toBeNull();
  });

  it('runs as a periodic job', { timeout: 20_000 }, async () => {
    // Events 31–40 are old and passed by every consumer; the job keeps the newest 10,000.
    const stop = startFeedRetention(db, createLogger('silent'), DAYS, { firstAfterMs: 10, everyMs: 50 });
    await new Promise((r) => setTimeout(r, 300));
    await stop();
    expect((await ids()).length).toBe(10);
    // A lagging consumer of a larger log: the job purges up to it, and no further.
    await append(10_050);
    await age(10_090, DAYS + 1);
    await consumer('tension-mail', 60);
    await consumer('fhir-history', 10_090);
    const again = startFeedRetention(db, createLogger('silent'), DAYS, { firstAfterMs: 10, everyMs: 60_000 });
    for (let i = 0; i < 100 && (await ids())[0] !== 61; i++) await new Promise((r) => setTimeout(r, 50));
    await again();
    expect((await ids())[0]).toBe(61);
  });
});
