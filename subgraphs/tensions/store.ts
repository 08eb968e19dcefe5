/** SQL of the tensions subgraph: declarations, their timeline, the reference data. */
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.js';
import type { NewChange } from '../../platform/changes/tables.js';
import { appendChanges } from '../../platform/changes/append.js';
import {
  actionCategories, actions, declarationNumbers, declarations, disciplineGroups, levelLabels, levels, timelineEntries,
  type DeclarationRow, type TimelineRow,
} from './tables.js';

/** Which declarations a list reads; `establishmentIds` null means every establishment. */
export interface DeclarationQuery {
  establishmentIds: readonly string[] | null;
  levelCodes?: readonly string[] | null;
  disciplineGroupCode?: string | null;
  status?: string | null;
  /** In progress at some moment since then (ended after it, or not ended). */
  activeSince?: Date | null;
}

export type NewTimelineEntry = Omit<typeof timelineEntries.$inferInsert, 'id' | 'declarationId'>;

/** A write: the declaration's new state, its timeline entries and the feed event, in one transaction. */
export interface DeclarationWrite {
  entries: NewTimelineEntry[];
  /** Builds the feed event from the row written and the ids of its entries. */
  change: (row: DeclarationRow, entryIds: number[]) => NewChange;
}

function whereOf(q: DeclarationQuery): SQL | undefined {
  const parts: Array<SQL | undefined> = [];
  if (q.establishmentIds) parts.push(inArray(declarations.establishmentId, [...q.establishmentIds]));
  if (q.levelCodes?.length) parts.push(inArray(declarations.levelCode, [...q.levelCodes]));
  if (q.disciplineGroupCode) parts.push(eq(declarations.disciplineGroupCode, q.disciplineGroupCode));
  if (q.status) parts.push(eq(declarations.status, q.status));
  if (q.activeSince) parts.push(or(isNull(declarations.endedAt), gte(declarations.endedAt, q.activeSince)));
  return and(...parts);
}

export function createTensionStore(orm: Orm) {
  async function insertEntries(tx: Orm, declarationId: string, entries: NewTimelineEntry[]): Promise<number[]> {
    if (entries.length === 0) return [];
    const rows = await tx.insert(timelineEntries).values(entries.map((e) => ({ ...e, declarationId }))).returning({ id: timelineEntries.id });
    return rows.map((r) => r.id);
  }

  return {
    byIds: (ids: readonly string[]): Promise<DeclarationRow[]> => orm.select().from(declarations).where(inArray(declarations.id, [...ids])),
    ofEstablishments: (establishmentIds: readonly string[]): Promise<DeclarationRow[]> =>
      orm.select().from(declarations).where(inArray(declarations.establishmentId, [...establishmentIds])).orderBy(desc(declarations.startedAt)),
    countAll: async (): Promise<number> => {
      const [row] = await orm.select({ n: count() }).from(declarations);
      return row?.n ?? 0;
    },

    /** A page, newest first (started_at desc, id desc), after the cursor key when given. */
    page: (q: DeclarationQuery, limit: number, after: { startedAt: Date; id: string } | null): Promise<DeclarationRow[]> => {
      const cursor = after
        ? or(lt(declarations.startedAt, after.startedAt), and(eq(declarations.startedAt, after.startedAt), lt(declarations.id, after.id)))
        : undefined;
      return orm.select().from(declarations).where(and(whereOf(q), cursor)).orderBy(desc(declarations.startedAt), desc(declarations.id)).limit(limit);
    },
    count: async (q: DeclarationQuery): Promise<number> => {
      const [row] = await orm.select({ n: count() }).from(declarations).where(whereOf(q));
      return row?.n ?? 0;
    },

    timelines: (declarationIds: readonly string[]): Promise<TimelineRow[]> =>
      orm.select().from(timelineEntries).where(inArray(timelineEntries.declarationId, [...declarationIds])).orderBy(asc(timelineEntries.id)),
    entriesByIds: (ids: readonly number[]): Promise<TimelineRow[]> =>
      orm.select().from(timelineEntries).where(inArray(timelineEntries.id, [...ids])).orderBy(asc(timelineEntries.id)),
    /** Entries of the given kinds up to `before`, of declarations of these establishments (null: all), in order. */
    entriesUntil: (kinds: readonly string[], before: Date, establishmentIds: readonly string[] | null): Promise<Array<TimelineRow & { establishmentId: string }>> =>
      orm.select({ entry: timelineEntries, establishmentId: declarations.establishmentId })
        .from(timelineEntries)
        .innerJoin(declarations, eq(declarations.id, timelineEntries.declarationId))
        .where(and(inArray(timelineEntries.kind, [...kinds]), lt(timelineEntries.at, before), establishmentIds ? inArray(declarations.establishmentId, [...establishmentIds]) : undefined))
        .orderBy(asc(timelineEntries.id))
        .then((rows) => rows.map((r) => ({ ...r.entry, establishmentId: r.establishmentId }))),

    levels: () => orm.select().from(levels).orderBy(asc(levels.rank)),
    levelLabels: () => orm.select().from(levelLabels),
    disciplineGroups: () => orm.select().from(disciplineGroups).orderBy(asc(disciplineGroups.rank)),
    actionCategories: () => orm.select().from(actionCategories).orderBy(asc(actionCategories.rank)),
    actions: () => orm.select().from(actions).orderBy(asc(actions.rank)),

    /** Inserts a declaration with its entries and appends its feed event (last), in one transaction. */
    declare: (row: Omit<typeof declarations.$inferInsert, 'id'>, write: DeclarationWrite): Promise<{ row: DeclarationRow; entryIds: number[] }> =>
      orm.transaction(async (tx) => {
        const id = sql`'T' || nextval(${`tensions.${declarationNumbers.seqName}`}::regclass)`;
        const [inserted] = await tx.insert(declarations).values({ ...row, id }).returning();
        const entryIds = await insertEntries(tx as never, inserted!.id, write.entries);
        await appendChanges(tx as never, [write.change(inserted!, entryIds)]);
        return { row: inserted!, entryIds };
      }),

    /**
     * Applies `set` when the row is still in progress and at `expectedVersion` (null: any version;
     * the update locks the row), then its entries and feed event. Returns null otherwise (nothing
     * written): a concurrent writer got there first.
     */
    change: (id: string, expectedVersion: number | null, set: Partial<typeof declarations.$inferInsert>, write: DeclarationWrite): Promise<{ row: DeclarationRow; entryIds: number[] } | null> =>
      orm.transaction(async (tx) => {
        const versionOk = expectedVersion === null ? undefined : eq(declarations.version, expectedVersion);
        const [updated] = await tx.update(declarations)
          .set({ ...set, version: sql`${declarations.version} + 1`, updatedAt: sql`now()` })
          .where(and(eq(declarations.id, id), eq(declarations.status, 'IN_PROGRESS'), versionOk))
          .returning();
        if (!updated) return null;
        const entryIds = await insertEntries(tx as never, id, write.entries);
        await appendChanges(tx as never, [write.change(updated, entryIds)]);
        return { row: updated, entryIds };
      }),
  };
}

export type TensionStore = ReturnType<typeof createTensionStore>;
