/**
 * Every SQL statement of the subscriptions feature. Claims are short statements (a lease written
 * under FOR UPDATE SKIP LOCKED), never transactions held across a network call: PGlite runs one
 * transaction at a time, and a delivery or a gateway read may take seconds.
 */
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Database, Orm } from '../../platform/db/client.js';
import type { ChangeEvent } from '../../platform/changes/tables.js';
import { bindingTokens, fanoutCursor, inbox, subscriptionEvents, subscriptions, type EventRow, type InboxRow, type NewSubscriptionRow, type SubscriptionRow } from './tables.js';

/** NOTIFY channel telling every process that events were logged (payload: nothing useful). */
export const EVENTS_CHANNEL = 'fhir_subscription_events';
const FANOUT = 'fanout';

const leaseFree = (until: typeof subscriptions.leaseUntil | typeof fanoutCursor.leaseUntil): SQL =>
  or(isNull(until), lte(until, sql`now()`))!;
const notEnded = or(isNull(subscriptions.endAt), gt(subscriptions.endAt, sql`now()`))!;

export function createStore(db: Database) {
  const orm = db.orm;
  return {
    async insert(row: NewSubscriptionRow): Promise<SubscriptionRow> {
      const [created] = await orm.insert(subscriptions).values(row).returning();
      return created!;
    },

    async get(id: string): Promise<SubscriptionRow | null> {
      const [row] = await orm.select().from(subscriptions).where(eq(subscriptions.id, id));
      return row ?? null;
    },

    /** The owner's subscriptions, oldest first, optionally of some statuses. */
    listByOwner(ownerKey: string, statuses?: readonly string[]): Promise<SubscriptionRow[]> {
      const where = [eq(subscriptions.ownerKey, ownerKey)];
      if (statuses?.length) where.push(inArray(subscriptions.status, [...statuses] as SubscriptionRow['status'][]));
      return orm.select().from(subscriptions).where(and(...where)).orderBy(asc(subscriptions.createdAt), asc(subscriptions.id));
    },

    async remove(id: string): Promise<void> {
      await orm.delete(subscriptions).where(eq(subscriptions.id, id));
    },

    /** Subscriptions events of `topic` are logged for (not off, not past their end). */
    listening(topic: string): Promise<SubscriptionRow[]> {
      return orm
        .select()
        .from(subscriptions)
        .where(and(eq(subscriptions.topic, topic), ne(subscriptions.status, 'off'), notEnded))
        .orderBy(asc(subscriptions.id));
    },

    /** Subscriptions past their `end` go off. */
    async expire(): Promise<void> {
      await orm
        .update(subscriptions)
        .set({ status: 'off', updatedAt: sql`now()` })
        .where(and(ne(subscriptions.status, 'off'), isNotNull(subscriptions.endAt), lte(subscriptions.endAt, sql`now()`)));
    },

    // ---- inbox and fan-out ----

    /** Copies change events into the inbox, in the durable consumer's transaction. */
    async copyToInbox(tx: Orm, events: readonly ChangeEvent[]): Promise<void> {
      if (events.length === 0) return;
      const rows = events.map((e) => ({ changeId: e.id, topic: e.topic, recordType: e.recordType, recordId: e.recordId, payload: e.payload, occurredAt: e.occurredAt }));
      await tx.insert(inbox).values(rows).onConflictDoNothing();
    },

    /**
     * Takes (or renews) the fan-out lease for `owner`; returns the last change id fanned out, or
     * null when another process holds the lease.
     */
    async claimFanout(owner: string, leaseMs: number): Promise<number | null> {
      await orm.insert(fanoutCursor).values({ name: FANOUT }).onConflictDoNothing();
      const [row] = await orm
        .update(fanoutCursor)
        .set({ leaseOwner: owner, leaseUntil: sql`now() + ${`${leaseMs} milliseconds`}::interval` })
        .where(and(eq(fanoutCursor.name, FANOUT), or(eq(fanoutCursor.leaseOwner, owner), leaseFree(fanoutCursor.leaseUntil))))
        .returning({ lastChangeId: fanoutCursor.lastChangeId });
      return row ? row.lastChangeId : null;
    },

    async releaseFanout(owner: string): Promise<void> {
      await orm.update(fanoutCursor).set({ leaseOwner: null, leaseUntil: null }).where(and(eq(fanoutCursor.name, FANOUT), eq(fanoutCursor.leaseOwner, owner)));
    },

    /** Whether any change waits for fan-out (a read, so an idle poll writes nothing). */
    async inboxPending(): Promise<boolean> {
      const [row] = await orm.select({ changeId: inbox.changeId }).from(inbox).limit(1);
      return row !== undefined;
    },

    inboxAfter(changeId: number, limit: number): Promise<InboxRow[]> {
      return orm.select().from(inbox).where(gt(inbox.changeId, changeId)).orderBy(asc(inbox.changeId)).limit(limit);
    },

    /**
     * Logs the events one change gives, advances the cursor past it and removes it from the
     * inbox, in one transaction that only commits while `owner` still holds the lease: an event
     * is logged exactly once even if a lease expired and another process took over meanwhile.
     * Returns false when the lease was lost (nothing written).
     */
    async logChange(owner: string, change: InboxRow, targets: readonly { subscriptionId: string; focusType: string; focusId: string }[]): Promise<boolean> {
      return orm.transaction(async (tx) => {
        const [cursor] = await tx
          .update(fanoutCursor)
          .set({ lastChangeId: change.changeId })
          .where(and(eq(fanoutCursor.name, FANOUT), eq(fanoutCursor.leaseOwner, owner), lt(fanoutCursor.lastChangeId, change.changeId)))
          .returning({ name: fanoutCursor.name });
        if (!cursor) return false;
        for (const target of targets) {
          const [counted] = await tx
            .update(subscriptions)
            .set({ eventCount: sql`${subscriptions.eventCount} + 1`, updatedAt: sql`now()` })
            .where(and(eq(subscriptions.id, target.subscriptionId), ne(subscriptions.status, 'off')))
            .returning({ eventNumber: subscriptions.eventCount });
          if (!counted) continue; // deleted or turned off while its visibility was checked
          await tx.insert(subscriptionEvents).values({ ...target, eventNumber: counted.eventNumber, changeId: change.changeId, occurredAt: change.occurredAt });
        }
        await tx.delete(inbox).where(lte(inbox.changeId, change.changeId));
        if (targets.length > 0) await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, '')`);
        return true;
      });
    },

    // ---- event log ----

    /** Events numbered in (after, until], oldest first. */
    events(subscriptionId: string, after: number, until: number, limit: number): Promise<EventRow[]> {
      return orm
        .select()
        .from(subscriptionEvents)
        .where(and(eq(subscriptionEvents.subscriptionId, subscriptionId), gt(subscriptionEvents.eventNumber, after), lte(subscriptionEvents.eventNumber, until)))
        .orderBy(asc(subscriptionEvents.eventNumber))
        .limit(limit);
    },

    /**
     * Retention (D59): deletes at most `batch` events older than `retentionDays` that no delivery
     * still needs: delivered (rest-hook, up to deliveredThrough), of a websocket subscription (a
     * binding only sends what is logged after it binds), or of a subscription off or in error.
     * Events pending on a requested/active rest-hook subscription are kept. Counters are not
     * touched: eventsSinceSubscriptionStart keeps counting and the gap shows what was purged.
     * SKIP LOCKED and a bounded batch: several processes may purge at once, each deletes rows the
     * others have not, and no statement holds many locks. Returns how many rows went.
     */
    async purgeEvents(retentionDays: number, batch: number): Promise<number> {
      // Raw SQL: drizzle qualifies `FOR UPDATE OF` with the schema, which Postgres refuses; only
      // event rows are locked, so delivery's updates of the subscription rows never wait on a purge.
      const gone = await db.rows<{ event_number: number }>(sql`
        delete from ${subscriptionEvents} where (subscription_id, event_number) in (
          select e.subscription_id, e.event_number
          from ${subscriptionEvents} e join ${subscriptions} s on s.id = e.subscription_id
          where e.occurred_at < now() - ${`${retentionDays} days`}::interval
            and (e.event_number <= s.delivered_through or s.channel_type = 'websocket' or s.status in ('off', 'error'))
          limit ${batch}
          for update of e skip locked)
        returning event_number`);
      return gone.length;
    },

    /** Inbox rows at or before the fan-out cursor: already fanned out (or skipped), never read again. */
    async purgeInbox(): Promise<void> {
      await orm.delete(inbox).where(lte(inbox.changeId, sql`(select ${fanoutCursor.lastChangeId} from ${fanoutCursor} where ${fanoutCursor.name} = ${FANOUT})`));
    },

    // ---- rest-hook delivery ----

    /**
     * Claims rest-hook subscriptions with something due: a handshake, events not yet delivered,
     * a heartbeat, or the probe of one in error (once it had been active).
     */
    claimDue(owner: string, leaseMs: number, limit: number): Promise<SubscriptionRow[]> {
      const due = orm
        .select({ id: subscriptions.id })
        .from(subscriptions)
        .where(
          and(
            eq(subscriptions.channelType, 'rest-hook'),
            ne(subscriptions.status, 'off'),
            notEnded,
            lte(subscriptions.nextAttemptAt, sql`now()`),
            leaseFree(subscriptions.leaseUntil),
            or(
              eq(subscriptions.status, 'requested'),
              and(eq(subscriptions.status, 'active'), gt(subscriptions.eventCount, subscriptions.deliveredThrough)),
              // in error after having been active: probed (its backlog, or a heartbeat) at each due retry
              and(eq(subscriptions.status, 'error'), isNotNull(subscriptions.lastSentAt)),
              and(
                eq(subscriptions.status, 'active'),
                isNotNull(subscriptions.heartbeatSeconds),
                lte(sql`${subscriptions.lastSentAt} + ${subscriptions.heartbeatSeconds} * interval '1 second'`, sql`now()`),
              ),
            ),
          ),
        )
        .orderBy(asc(subscriptions.nextAttemptAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      return orm
        .update(subscriptions)
        .set({ leaseOwner: owner, leaseUntil: sql`now() + ${`${leaseMs} milliseconds`}::interval` })
        .where(inArray(subscriptions.id, due))
        .returning();
    },

    /** A 2xx: active again, events up to `through` delivered, the failure count reset. */
    async delivered(owner: string, id: string, through: number): Promise<void> {
      await orm
        .update(subscriptions)
        .set({
          status: sql`case when ${subscriptions.status} = 'off' then 'off' else 'active' end`,
          error: null,
          attempts: 0,
          deliveredThrough: sql`greatest(${subscriptions.deliveredThrough}, ${through})`,
          lastSentAt: sql`now()`,
          nextAttemptAt: sql`now()`,
          leaseOwner: null,
          leaseUntil: null,
          updatedAt: sql`now()`,
        })
        .where(and(eq(subscriptions.id, id), eq(subscriptions.leaseOwner, owner)));
    },

    /** A failed delivery: retry after `retryInMs`, in `error` when `failed` says so. */
    async failed(owner: string, id: string, reason: string, retryInMs: number, toError: boolean): Promise<void> {
      await orm
        .update(subscriptions)
        .set({
          status: toError ? sql`case when ${subscriptions.status} = 'off' then 'off' else 'error' end` : subscriptions.status,
          error: reason,
          attempts: sql`${subscriptions.attempts} + 1`,
          nextAttemptAt: sql`now() + ${`${retryInMs} milliseconds`}::interval`,
          leaseOwner: null,
          leaseUntil: null,
          updatedAt: sql`now()`,
        })
        .where(and(eq(subscriptions.id, id), eq(subscriptions.leaseOwner, owner)));
    },

    // ---- websocket ----

    async markActive(id: string): Promise<void> {
      await orm
        .update(subscriptions)
        .set({ status: 'active', error: null, lastSentAt: sql`now()`, updatedAt: sql`now()` })
        .where(and(eq(subscriptions.id, id), ne(subscriptions.status, 'off')));
    },

    async insertToken(tokenHash: string, subscriptionId: string, ttlMs: number): Promise<Date> {
      await orm.delete(bindingTokens).where(lte(bindingTokens.expiresAt, sql`now()`));
      const [row] = await orm
        .insert(bindingTokens)
        .values({ tokenHash, subscriptionId, expiresAt: sql`now() + ${`${ttlMs} milliseconds`}::interval` })
        .returning({ expiresAt: bindingTokens.expiresAt });
      return row!.expiresAt;
    },

    /** The subscription a token binds, while it is valid. */
    async tokenSubscription(tokenHash: string): Promise<string | null> {
      const [row] = await orm
        .select({ subscriptionId: bindingTokens.subscriptionId })
        .from(bindingTokens)
        .where(and(eq(bindingTokens.tokenHash, tokenHash), gt(bindingTokens.expiresAt, sql`now()`)));
      return row?.subscriptionId ?? null;
    },
  };
}

export type SubscriptionStore = ReturnType<typeof createStore>;
