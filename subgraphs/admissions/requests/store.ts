/** SQL of the admission requests: the only place that reads or writes the admissions tables. */
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Orm } from '../../../platform/db/client.js';
import { requestEvents, requests, requestTargets, type RequestEventRow, type RequestRow, type RequestTargetRow } from '../tables.js';
import type { AnswerReach } from './access.js';

export type NewRequest = typeof requests.$inferInsert;
export type NewTarget = typeof requestTargets.$inferInsert;
export type NewEvent = typeof requestEvents.$inferInsert;
export type RequestPatch = Partial<Pick<RequestRow, 'status' | 'acceptedUnitId' | 'closedAt'>> & { updatedAt: Date };
export type TargetPatch = Partial<Omit<RequestTargetRow, 'requestId' | 'unitId' | 'establishmentId' | 'organizationId'>>;

/** What a list asks: the caller's sides (as SQL conditions) and the filter. */
export interface ListQuery {
  /** The requester's own requests (SENT); null when that side is not asked. */
  sentBy: { kind: string; subject: string } | null;
  /** The units the caller answers for (RECEIVED); null when that side is not asked. */
  receivedBy: AnswerReach | null;
  statuses?: string[] | null;
  unitIds?: string[] | null;
  establishmentId?: string | null;
  createdFrom?: Date | null;
  createdBefore?: Date | null;
  /** Cursor: after this (createdAt, id), newest first. */
  after?: { createdAt: Date; id: string } | null;
}

const targetWhere = (condition: SQL) =>
  sql`exists (select 1 from ${requestTargets} where ${requestTargets.requestId} = ${requests.id} and ${condition})`;

function reachCondition(reach: AnswerReach): SQL | null {
  if (reach.all) return sql`true`;
  const parts: SQL[] = [];
  if (reach.units.length) parts.push(inArray(requestTargets.unitId, reach.units));
  if (reach.establishments.length) parts.push(inArray(requestTargets.establishmentId, reach.establishments));
  if (reach.organizations.length) parts.push(inArray(requestTargets.organizationId, reach.organizations));
  return parts.length ? targetWhere(or(...parts)!) : null;
}

function listWhere(q: ListQuery): SQL {
  const sides: SQL[] = [];
  if (q.sentBy) sides.push(and(eq(requests.requesterKind, q.sentBy.kind), eq(requests.requesterSubject, q.sentBy.subject))!);
  const received = q.receivedBy ? reachCondition(q.receivedBy) : null;
  if (received) sides.push(received);
  // Deny by default: a caller on no side sees nothing.
  const where: SQL[] = [sides.length ? or(...sides)! : sql`false`];
  if (q.statuses?.length) where.push(inArray(requests.status, q.statuses));
  if (q.unitIds?.length) where.push(targetWhere(inArray(requestTargets.unitId, q.unitIds)));
  if (q.establishmentId) where.push(targetWhere(eq(requestTargets.establishmentId, q.establishmentId)));
  if (q.createdFrom) where.push(gte(requests.createdAt, q.createdFrom));
  if (q.createdBefore) where.push(lt(requests.createdAt, q.createdBefore));
  return and(...where)!;
}

export function createRequestStore(orm: Orm) {
  return {
    orm,
    transaction: <T>(fn: (tx: Orm) => Promise<T>): Promise<T> => orm.transaction((tx) => fn(tx as unknown as Orm)),

    byIds: (ids: readonly string[]): Promise<RequestRow[]> =>
      ids.length ? orm.select().from(requests).where(inArray(requests.id, [...ids])) : Promise.resolve([]),

    targetsOf: (ids: readonly string[]): Promise<RequestTargetRow[]> =>
      ids.length ? orm.select().from(requestTargets).where(inArray(requestTargets.requestId, [...ids])).orderBy(asc(requestTargets.requestId), asc(requestTargets.unitId)) : Promise.resolve([]),

    eventsOf: (ids: readonly string[]): Promise<RequestEventRow[]> =>
      ids.length ? orm.select().from(requestEvents).where(inArray(requestEvents.requestId, [...ids])).orderBy(asc(requestEvents.id)) : Promise.resolve([]),

    /** A page, newest first: `limit` rows after the cursor. */
    list: (q: ListQuery, limit: number): Promise<RequestRow[]> => {
      const where = [listWhere(q)];
      if (q.after) {
        where.push(or(lt(requests.createdAt, q.after.createdAt), and(eq(requests.createdAt, q.after.createdAt), lt(requests.id, q.after.id)))!);
      }
      return orm.select().from(requests).where(and(...where)).orderBy(desc(requests.createdAt), desc(requests.id)).limit(limit);
    },

    count: async (q: ListQuery): Promise<number> => {
      const [row] = await orm.select({ n: count() }).from(requests).where(listWhere(q));
      return row?.n ?? 0;
    },

    /** PENDING requests past their expiry (the expiry job). */
    expired: (now: Date, limit: number): Promise<RequestRow[]> =>
      orm.select().from(requests).where(and(eq(requests.status, 'PENDING'), lt(requests.expiresAt, now))).orderBy(asc(requests.expiresAt)).limit(limit),

    /**
     * Targets whose bed hold is due for release: the hold ran out, the target left ACCEPTED
     * (withdrawn, completed: released as admitted), or the release after a cancel did not happen.
     */
    holdsToRelease: (now: Date, limit: number): Promise<RequestTargetRow[]> =>
      orm
        .select()
        .from(requestTargets)
        .where(
          and(
            isNotNull(requestTargets.holdId),
            or(ne(requestTargets.status, 'ACCEPTED'), sql`${requestTargets.bedHeldUntil} is null`, lt(requestTargets.bedHeldUntil, now)),
          ),
        )
        .limit(limit),
  };
}

export type RequestStore = ReturnType<typeof createRequestStore>;

/** Statements run inside a transition's transaction. */
export const tx = {
  insertRequest: async (t: Orm, row: NewRequest, targets: NewTarget[]): Promise<RequestRow> => {
    const [inserted] = await t.insert(requests).values(row).returning();
    await t.insert(requestTargets).values(targets);
    return inserted!;
  },

  /**
   * The optimistic step of every transition: succeeds only while the request still has the
   * version and one of the statuses the caller read, so two concurrent answers cannot both win.
   */
  updateIfVersion: async (t: Orm, id: string, expectedVersion: number, statuses: readonly string[], patch: RequestPatch): Promise<RequestRow | null> => {
    const [row] = await t
      .update(requests)
      .set({ ...patch, version: sql`${requests.version} + 1` })
      .where(and(eq(requests.id, id), eq(requests.version, expectedVersion), inArray(requests.status, [...statuses])))
      .returning();
    return row ?? null;
  },

  updateTarget: (t: Orm, requestId: string, unitId: string, patch: TargetPatch) =>
    t.update(requestTargets).set(patch).where(and(eq(requestTargets.requestId, requestId), eq(requestTargets.unitId, unitId))).returning(),

  /** The other units still open (PENDING, PROPOSED; ACCEPTED too on cancel): closed with `patch`. */
  closeTargets: (t: Orm, requestId: string, statuses: readonly string[], patch: TargetPatch, exceptUnitId?: string) =>
    t
      .update(requestTargets)
      .set(patch)
      .where(and(eq(requestTargets.requestId, requestId), inArray(requestTargets.status, [...statuses]), ...(exceptUnitId ? [ne(requestTargets.unitId, exceptUnitId)] : [])))
      .returning(),

  current: async (t: Orm, id: string): Promise<RequestRow | null> => {
    const [row] = await t.select().from(requests).where(eq(requests.id, id));
    return row ?? null;
  },

  targets: (t: Orm, requestId: string): Promise<RequestTargetRow[]> => t.select().from(requestTargets).where(eq(requestTargets.requestId, requestId)).orderBy(asc(requestTargets.unitId)),

  insertEvents: async (t: Orm, events: NewEvent[]): Promise<void> => {
    if (events.length) await t.insert(requestEvents).values(events);
  },

  /** Forgets a hold once released, unless another took its place meanwhile. */
  clearHold: (t: Orm, requestId: string, unitId: string, holdId: string) =>
    t
      .update(requestTargets)
      .set({ holdId: null, bedHeldUntil: null })
      .where(and(eq(requestTargets.requestId, requestId), eq(requestTargets.unitId, unitId), eq(requestTargets.holdId, holdId)))
      .returning(),

  bumpVersion: async (t: Orm, id: string, at: Date): Promise<RequestRow | null> => {
    const [row] = await t.update(requests).set({ version: sql`${requests.version} + 1`, updatedAt: at }).where(eq(requests.id, id)).returning();
    return row ?? null;
  },
};
