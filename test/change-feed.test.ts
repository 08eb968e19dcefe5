/**
 * The change feed (platform/changes): appended in the writer's transaction, delivered live in id
 * order, durable consumers resume after a restart and share work across processes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database, type Orm } from '../platform/db/client.js';
import { emptyPglite } from './helpers/pglite.js';
import { applyMigrations } from '../platform/db/migrate.js';
import { createLogger } from '../platform/logger.js';
import { appendChanges } from '../platform/changes/append.js';
import { openChangeFeed, type ChangeEvent, type ChangeFeed } from '../platform/changes/feed.js';
import { startConsumer } from '../platform/changes/consumer.js';
import { feedStream } from '../platform/changes/stream.js';
import { CHANGE_FEED_MIGRATIONS } from '../platform/changes/migrations.js';
import { createScratchDatabase, databaseKinds } from './helpers/hub.js';

const logger = createLogger('silent');

const change = (recordId: string, topic = 'capacity') => ({ topic, recordType: 'UNIT_CAPACITY', recordId, action: 'UPDATE', payload: { recordId } });

async function append(db: Database, ...records: string[]): Promise<number[]> {
  return db.orm.transaction((tx) => appendChanges(tx as unknown as Orm, records.map((r) => change(r))));
}

/** Resolves once `count` events were collected (or rejects after 10 s). */
function collect(feed: ChangeFeed, count: number, topics?: string[], afterId?: number) {
  const events: ChangeEvent[] = [];
  let unsubscribe: (() => void) | undefined;
  const done = new Promise<ChangeEvent[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${events.length} of ${count} events`)), 10_000);
    void feed
      .subscribe(
        (e) => {
          events.push(e);
          if (events.length === count) {
            clearTimeout(timer);
            resolve(events);
          }
        },
        { topics, afterId },
      )
      .then((u) => (unsubscribe = u));
  });
  return { events, done, stop: () => unsubscribe?.() };
}

const until = async (check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
};

describe.each(databaseKinds())('change feed on %s', (kind) => {
  let db: Database;
  let url: string | null = null;
  let drop: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    if (kind === 'postgres') ({ url, drop } = await createScratchDatabase());
    db = url ? await openDatabase({ kind: 'postgres', url }) : await emptyPglite();
    await applyMigrations(db, 'feed', CHANGE_FEED_MIGRATIONS);
  });
  afterAll(async () => {
    await db.close();
    await drop?.();
  });

  it('delivers committed changes in id order, and nothing of a rolled-back transaction', async () => {
    const feed = await openChangeFeed(db, logger, { pollMs: 60_000 });
    const got = collect(feed, 3);
    await append(db, 'a', 'b');
    await db.orm
      .transaction(async (tx) => {
        await appendChanges(tx as unknown as Orm, [change('rolled-back')]);
        throw new Error('abort');
      })
      .catch(() => undefined);
    await append(db, 'c');
    const events = await got.done;
    expect(events.map((e) => e.recordId)).toEqual(['a', 'b', 'c']);
    expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort((x, y) => x - y));
    const [{ n }] = await db.rows<{ n: number }>(sql`select count(*)::int as n from feed.change_event where record_id = 'rolled-back'`);
    expect(n).toBe(0);
    await feed.close();
  });

  it('a stream whose acceptance fails ends with that error, and leaves no unhandled rejection', async () => {
    const feed = await openChangeFeed(db, logger, { pollMs: 60_000 });
    const rejections: unknown[] = [];
    const record = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', record);
    try {
      // As a capacity subscription whose refreshed unit set failed (its offer call): accept rejects.
      const stream = await feedStream(feed, { topics: ['capacity'], accept: async (e) => (e.recordId === 'bad' ? Promise.reject(new Error('offer call failed')) : true) });
      await append(db, 'good', 'bad', 'after');
      expect((await stream.next()).value?.recordId).toBe('good');
      await expect(stream.next()).rejects.toThrow('offer call failed');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
      await feed.close();
    }
  });

  it('refuses to append outside a transaction', async () => {
    await expect(appendChanges(db.orm, [change('x')])).rejects.toThrow(/inside the transaction/);
  });

  it('replays from an id, filters by topic, then goes on live', async () => {
    const feed = await openChangeFeed(db, logger, { pollMs: 60_000 });
    const [first] = await db.orm.transaction((tx) => appendChanges(tx as unknown as Orm, [change('t1', 'tension'), change('o1', 'offer')]));
    const got = collect(feed, 2, ['tension'], first! - 1);
    await db.orm.transaction((tx) => appendChanges(tx as unknown as Orm, [change('o2', 'offer'), change('t2', 'tension')]));
    expect((await got.done).map((e) => e.recordId)).toEqual(['t1', 't2']);
    await feed.close();
  });

  it('a durable consumer handles each event once, in its transaction, and resumes after a restart', async () => {
    const feed = await openChangeFeed(db, logger, { pollMs: 60_000 });
    await db.rows(sql`create table if not exists public.handled (record_id text primary key)`);
    const handler = async (events: ChangeEvent[], tx: Orm) => {
      for (const e of events) await tx.execute(sql`insert into public.handled values (${e.recordId})`);
    };
    const name = `consumer-${kind}`;
    const consumer = startConsumer(db, feed, logger, { name, topics: ['audit'], startAt: 'now' }, handler);
    await consumer.drain();
    await db.orm.transaction((tx) => appendChanges(tx as unknown as Orm, [change('d1', 'audit'), change('d2', 'audit')]));
    await until(async () => (await db.rows(sql`select 1 from public.handled`)).length === 2);
    await consumer.stop();
    // Appended while no consumer runs: picked up by the next one, from the stored offset.
    await db.orm.transaction((tx) => appendChanges(tx as unknown as Orm, [change('d3', 'audit')]));
    const again = startConsumer(db, feed, logger, { name, topics: ['audit'], startAt: 'now' }, handler);
    await again.drain();
    const rows = await db.rows<{ record_id: string }>(sql`select record_id from public.handled order by record_id`);
    expect(rows.map((r) => r.record_id)).toEqual(['d1', 'd2', 'd3']);
    await again.stop();
    await feed.close();
  });

  it('a durable consumer wakes for events of its topics only, after the subscribers got them, one round per batch (D213)', async () => {
    const feed = await openChangeFeed(db, logger, { pollMs: 60_000 });
    let rounds = 0;
    // The consumer's rounds are its transactions: counted through a Database whose orm counts them.
    const orm = new Proxy(db.orm, { get: (target, key) => (key === 'transaction' ? (...a: unknown[]) => (rounds++, (target.transaction as (...b: unknown[]) => unknown)(...a)) : Reflect.get(target, key)) });
    const counted = { ...db, orm } as Database;
    const handled: string[] = [];
    const committed: string[] = [];
    const consumer = startConsumer(counted, feed, logger, { name: `topics-${kind}`, topics: ['wanted'], startAt: 'now' }, async (events) => {
      handled.push(...events.map((e) => e.recordId));
      // As the FHIR consumers do: act once this round has committed, without starting another round.
      void consumer.settled().then(() => committed.push(...events.map((e) => e.recordId)));
    });
    await consumer.drain();
    const idle = rounds;
    // Another topic: the feed reads it and delivers it to its subscribers, and wakes no consumer of 'wanted'.
    const other = collect(feed, 1, ['unwanted']);
    await db.orm.transaction((tx) => appendChanges(tx as unknown as Orm, [change('u1', 'unwanted')]));
    await other.done;
    expect(rounds).toBe(idle);
    // Its own topic: one round, which handles the event.
    const own = collect(feed, 1, ['wanted']);
    await db.orm.transaction((tx) => appendChanges(tx as unknown as Orm, [change('w1', 'wanted')]));
    await own.done;
    await until(() => committed.length === 1);
    expect(handled).toEqual(['w1']);
    expect(rounds).toBe(idle + 1);
    await consumer.drain(); // drain's own round finds nothing
    expect(rounds).toBe(idle + 2);
    await consumer.stop();
    await feed.close();
  });

  it('a failing handler does not advance: the batch is retried and finally handled', async () => {
    const feed = await openChangeFeed(db, logger, { pollMs: 60_000 });
    let calls = 0;
    const seen: string[] = [];
    const consumer = startConsumer(db, feed, logger, { name: `flaky-${kind}`, topics: ['flaky'], startAt: 'now' }, async (events) => {
      calls += 1;
      if (calls === 1) throw new Error('mail server down');
      seen.push(...events.map((e) => e.recordId));
    });
    await consumer.drain();
    await db.orm.transaction((tx) => appendChanges(tx as unknown as Orm, [change('f1', 'flaky')]));
    await until(() => seen.length === 1);
    expect(seen).toEqual(['f1']);
    expect(calls).toBe(2);
    await consumer.stop();
    await feed.close();
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('change feed across processes on PostgreSQL', () => {
  let url: string;
  let drop: () => Promise<void>;
  let one: Database;
  let two: Database;

  beforeAll(async () => {
    ({ url, drop } = await createScratchDatabase());
    one = await openDatabase({ kind: 'postgres', url });
    two = await openDatabase({ kind: 'postgres', url });
    await applyMigrations(one, 'feed', CHANGE_FEED_MIGRATIONS);
  });
  afterAll(async () => {
    await one.close();
    await two.close();
    await drop();
  });

  it('a change committed through one connection pool reaches a subscriber of the other at once', async () => {
    const feed = await openChangeFeed(two, logger, { pollMs: 60_000 }); // only NOTIFY can wake it in time
    const got = collect(feed, 1);
    await append(one, 'cross');
    expect((await got.done)[0]!.recordId).toBe('cross');
    await feed.close();
  });

  it('a transaction committing later with a smaller id is not skipped', async () => {
    const feed = await openChangeFeed(two, logger, { pollMs: 60_000 });
    const got = collect(feed, 2);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const slow = one.orm.transaction(async (tx) => {
      await appendChanges(tx as unknown as Orm, [change('slow')]);
      await held; // still uncommitted while the fast writer tries
    });
    await new Promise((r) => setTimeout(r, 100));
    const fast = append(two, 'fast');
    await new Promise((r) => setTimeout(r, 200));
    release();
    await Promise.all([slow, fast]);
    expect((await got.done).map((e) => e.recordId)).toEqual(['slow', 'fast']);
    await feed.close();
  });

  it('two processes running the same durable consumer handle each event once between them', async () => {
    const feedOne = await openChangeFeed(one, logger, { pollMs: 60_000 });
    const feedTwo = await openChangeFeed(two, logger, { pollMs: 60_000 });
    const handled: string[] = [];
    const handler = async (events: ChangeEvent[]) => void handled.push(...events.map((e) => e.recordId));
    const options = { name: 'shared', topics: ['shared'], startAt: 'now' as const, batchSize: 3 };
    const a = startConsumer(one, feedOne, logger, options, handler);
    const b = startConsumer(two, feedTwo, logger, options, handler);
    await Promise.all([a.drain(), b.drain()]);
    const records = Array.from({ length: 20 }, (_, i) => `s${i}`);
    for (const r of records) await one.orm.transaction((tx) => appendChanges(tx as unknown as Orm, [change(r, 'shared')]));
    await until(() => handled.length >= records.length);
    await Promise.all([a.drain(), b.drain()]);
    expect([...handled].sort()).toEqual([...records].sort());
    await Promise.all([a.stop(), b.stop()]);
    await Promise.all([feedOne.close(), feedTwo.close()]);
  });
});
