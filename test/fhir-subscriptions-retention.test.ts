/**
 * Retention of the FHIR subscriptions' event logs (D59), without a hub, on a migrated database of
 * each kind: what the purge deletes and keeps, counters untouched, batches, two purges at once,
 * the inbox, and what `$events` and delivery read once numbers are purged.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/client.js';
import { notificationBundle } from '../fhir/subscriptions/bundles.js';
import { purgeExpired } from '../fhir/subscriptions/retention.js';
import { createStore, type SubscriptionStore } from '../fhir/subscriptions/store.js';
import { fanoutCursor, inbox, subscriptionEvents, type NewSubscriptionRow } from '../fhir/subscriptions/tables.js';
import { databaseKinds, openMigratedDatabase } from './helpers/hub.js';
import { loadR4Definitions, r4Issues } from './helpers/fhir/validate.js';

const DAY = 86_400_000;
const OLD = new Date(Date.now() - 40 * DAY); // past the 30-day retention
const RECENT = new Date(Date.now() - DAY);

function subscription(id: string, overrides: Partial<NewSubscriptionRow>): NewSubscriptionRow {
  return {
    id,
    ownerKey: 'client:place-search',
    principal: { kind: 'client', clientId: 'place-search', scopes: [] },
    baseUrl: 'http://127.0.0.1/fhir',
    reason: 'retention test',
    topic: 'https://interop.esante.gouv.fr/ig/fhir/ror/SubscriptionTopic/capacity',
    filters: [],
    channelType: 'rest-hook',
    endpoint: 'http://127.0.0.1:9/hook',
    payloadMime: 'application/fhir+json',
    content: 'id-only',
    headers: [],
    timeoutSeconds: 10,
    maxCount: 10,
    status: 'active',
    ...overrides,
  };
}

describe.each(databaseKinds())('event log retention on %s', (kind) => {
  let db: Database;
  let drop: (() => Promise<void>) | undefined;
  let store: SubscriptionStore;

  beforeAll(async () => {
    loadR4Definitions();
    ({ db, drop } = await openMigratedDatabase(kind));
    store = createStore(db);
  });
  afterAll(async () => drop?.());

  /** Logs events numbered 1..n at the given times, and sets the counter to n. */
  async function log(id: string, times: Date[]): Promise<void> {
    const rows = times.map((occurredAt, i) => ({ subscriptionId: id, eventNumber: i + 1, changeId: i + 1, focusType: 'Location', focusId: `u${i + 1}`, occurredAt }));
    await db.orm.insert(subscriptionEvents).values(rows);
  }
  const numbers = async (id: string) => (await store.events(id, 0, Number.MAX_SAFE_INTEGER, 1_000)).map((e) => e.eventNumber);

  beforeEach(async () => {
    await db.rows(sql`delete from fhir_subscriptions.subscription`);
    await db.rows(sql`delete from fhir_subscriptions.inbox`);
    await db.rows(sql`delete from fhir_subscriptions.fanout_cursor`);
    await store.insert(subscription('active', { eventCount: 5, deliveredThrough: 3 }));
    await log('active', [OLD, OLD, OLD, OLD, RECENT]);
    await store.insert(subscription('failing', { status: 'error', eventCount: 3, deliveredThrough: 1, lastSentAt: OLD }));
    await log('failing', [OLD, OLD, RECENT]);
    await store.insert(subscription('socket', { channelType: 'websocket', endpoint: null, eventCount: 2 }));
    await log('socket', [OLD, RECENT]);
    await store.insert(subscription('ended', { status: 'off', eventCount: 2 }));
    await log('ended', [OLD, OLD]);
    await store.insert(subscription('fresh', { eventCount: 2, deliveredThrough: 2 }));
    await log('fresh', [RECENT, RECENT]);
  });

  it('deletes old events no delivery needs, keeps pending and recent ones, leaves the counters alone', async () => {
    expect(await purgeExpired(store, 30)).toBe(3 + 2 + 1 + 2);
    expect(await numbers('active')).toEqual([4, 5]); // 4 is old but still pending on an active subscription
    expect(await numbers('failing')).toEqual([3]); // in error: old pending events go too
    expect(await numbers('socket')).toEqual([2]);
    expect(await numbers('ended')).toEqual([]);
    expect(await numbers('fresh')).toEqual([1, 2]);
    const active = (await store.get('active'))!;
    expect([active.eventCount, active.deliveredThrough]).toEqual([5, 3]);
    expect((await store.get('failing'))!.eventCount).toBe(3);
    expect(await purgeExpired(store, 30)).toBe(0); // idempotent
  });

  it('keeps everything younger than the retention', async () => {
    expect(await purgeExpired(store, 60)).toBe(0);
    expect(await numbers('ended')).toEqual([1, 2]);
  });

  it('deletes in bounded batches, and two purges at once delete each event once', async () => {
    expect(await store.purgeEvents(30, 2)).toBe(2);
    const [a, b] = await Promise.all([purgeExpired(store, 30), purgeExpired(store, 30)]);
    expect(a + b).toBe(6);
    expect(await numbers('active')).toEqual([4, 5]);
  });

  it('answers $events and the next delivery with the events still held, the counter showing the gap', async () => {
    await purgeExpired(store, 30);
    const row = (await store.get('failing'))!;
    // What delivery reads for its backlog (after deliveredThrough = 1) and what $events reads from 1.
    const backlog = await store.events(row.id, row.deliveredThrough, row.eventCount, row.maxCount);
    expect(backlog.map((e) => e.eventNumber)).toEqual([3]);
    expect((await store.events(row.id, 0, row.eventCount, 50)).map((e) => e.eventNumber)).toEqual([3]);
    const bundle = await notificationBundle(row, 'query-event', backlog, 'id-only');
    expect(r4Issues(bundle as never)).toEqual([]);
    const status = bundle.entry[0]!.resource as { parameter: { name: string; valueString?: string; part?: { name: string; valueString?: string }[] }[] };
    expect(status.parameter.find((p) => p.name === 'events-since-subscription-start')?.valueString).toBe('3');
    const numbered = status.parameter.filter((p) => p.name === 'notification-event').map((p) => p.part!.find((q) => q.name === 'event-number')!.valueString);
    expect(numbered).toEqual(['3']);
  });

  it('removes fanned-out inbox rows only', async () => {
    await db.orm.insert(fanoutCursor).values({ name: 'fanout', lastChangeId: 10 });
    const row = { topic: 'capacity', recordType: 'UNIT', recordId: 'u1', payload: {}, occurredAt: OLD };
    await db.orm.insert(inbox).values([{ ...row, changeId: 9 }, { ...row, changeId: 11 }]);
    await purgeExpired(store, 30);
    expect((await db.orm.select().from(inbox)).map((r) => r.changeId)).toEqual([11]);
  });

  it('drops a deleted subscription\'s log with it', async () => {
    await store.remove('fresh');
    expect(await numbers('fresh')).toEqual([]);
  });
});
