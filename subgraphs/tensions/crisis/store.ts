/** SQL of the CPTS crisis protocol. Every write appends its change-feed event (topic `crisis`) in its transaction. */
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { appendChanges } from '../../../platform/changes/append.js';
import type { Orm } from '../../../platform/db/client.js';
import {
  activations,
  cellMembers,
  communications,
  cpts,
  cptsMembers,
  fieldReports,
  meetings,
  procedureRuns,
  procedures,
  resources,
  workingGroups,
  type CptsRow,
  type FieldReportRow,
  type MeetingRow,
  type ProcedureRunRow,
} from './tables.js';

/** What a subscriber of `crisisCellChanged` gets without reading the tables. */
export interface CrisisEventPayload {
  cptsId: string;
  levelCode: string | null;
}

async function publish(t: Orm, cptsId: string, action: string, actor: string, levelCode: string | null, recordType = 'CRISIS_CELL'): Promise<void> {
  await appendChanges(t, [{ topic: 'crisis', recordType, recordId: cptsId, action, actor, payload: { cptsId, levelCode } satisfies CrisisEventPayload as Record<string, unknown> }]);
}

const levelOf = async (t: Orm, cptsId: string) => (await t.select({ l: cpts.cellLevelCode }).from(cpts).where(eq(cpts.id, cptsId)))[0]?.l ?? null;

/** Appends a crisis event for `cptsId` with the cell's current level, in the writer's transaction `t`. */
export async function publishCrisis(t: Orm, cptsId: string, action: string, actor: string, recordType: string): Promise<void> {
  await publish(t, cptsId, action, actor, await levelOf(t, cptsId), recordType);
}

export interface CellChange {
  cptsId: string;
  expectedVersion: number;
  levelCode: string | null;
  action: 'ACTIVATED' | 'LEVEL_CHANGED' | 'DEACTIVATED';
  reason: string | null;
  actor: string;
}

export function createCrisisStore(orm: Orm) {
  const tx = <T>(fn: (t: Orm) => Promise<T>): Promise<T> => orm.transaction((t) => fn(t as unknown as Orm));
  return {
    cptsByIds: (ids: readonly string[]): Promise<CptsRow[]> => orm.select().from(cpts).where(inArray(cpts.id, [...ids])),
    allCpts: (): Promise<CptsRow[]> => orm.select().from(cpts).orderBy(asc(cpts.id)),
    memberIds: async (cptsId: string): Promise<string[]> =>
      (await orm.select({ id: cptsMembers.professionalId }).from(cptsMembers).where(eq(cptsMembers.cptsId, cptsId)).orderBy(asc(cptsMembers.professionalId))).map((r) => r.id),
    cellMembers: (cptsId: string) => orm.select().from(cellMembers).where(eq(cellMembers.cptsId, cptsId)).orderBy(asc(cellMembers.rank)),
    activations: (cptsId: string) => orm.select().from(activations).where(eq(activations.cptsId, cptsId)).orderBy(desc(activations.at), desc(activations.id)),
    resources: (cptsId: string) => orm.select().from(resources).where(eq(resources.cptsId, cptsId)).orderBy(asc(resources.kind), asc(resources.id)),
    groups: (cptsId: string) => orm.select().from(workingGroups).where(eq(workingGroups.cptsId, cptsId)).orderBy(asc(workingGroups.id)),
    groupsByIds: (ids: readonly number[]) => orm.select().from(workingGroups).where(inArray(workingGroups.id, [...ids])),
    meetings: (cptsId: string) => orm.select().from(meetings).where(eq(meetings.cptsId, cptsId)).orderBy(desc(meetings.heldAt), desc(meetings.id)),
    procedures: (cptsId: string) => orm.select().from(procedures).where(eq(procedures.cptsId, cptsId)).orderBy(asc(procedures.levelCode), asc(procedures.rank)),
    procedureById: async (id: number) => (await orm.select().from(procedures).where(eq(procedures.id, id)))[0] ?? null,
    /** The last run of each procedure. */
    lastRuns: async (procedureIds: readonly number[]): Promise<Map<number, Date>> => {
      if (!procedureIds.length) return new Map();
      const rows = await orm
        .select({ id: procedureRuns.procedureId, at: sql<Date>`max(${procedureRuns.triggeredAt})`.mapWith(procedureRuns.triggeredAt) })
        .from(procedureRuns)
        .where(inArray(procedureRuns.procedureId, [...procedureIds]))
        .groupBy(procedureRuns.procedureId);
      return new Map(rows.map((r) => [r.id, r.at]));
    },
    communications: (cptsId: string) => orm.select().from(communications).where(eq(communications.cptsId, cptsId)).orderBy(asc(communications.rank)),
    reportsSince: (cptsId: string, since: Date): Promise<FieldReportRow[]> =>
      orm.select().from(fieldReports).where(and(eq(fieldReports.cptsId, cptsId), gte(fieldReports.reportedAt, since))).orderBy(asc(fieldReports.reportedAt)),

    /** What the indicators count over [from, to]. */
    period: async (cptsId: string, from: Date, to: Date) => {
      const [acts, runs, held] = await Promise.all([
        orm.select().from(activations).where(and(eq(activations.cptsId, cptsId), gte(activations.at, from), lte(activations.at, to))).orderBy(asc(activations.at)),
        orm.select().from(procedureRuns).where(and(eq(procedureRuns.cptsId, cptsId), gte(procedureRuns.triggeredAt, from), lte(procedureRuns.triggeredAt, to))).orderBy(asc(procedureRuns.triggeredAt)),
        orm.select().from(meetings).where(and(eq(meetings.cptsId, cptsId), gte(meetings.heldAt, from), lte(meetings.heldAt, to))).orderBy(asc(meetings.heldAt)),
      ]);
      return { activations: acts, runs, meetings: held };
    },

    /**
     * Applies an activation change guarded by the version read (optimistic concurrency): null when
     * another writer got there first. The history row and the event go in the same transaction.
     */
    changeCell: (c: CellChange): Promise<CptsRow | null> =>
      tx(async (t) => {
        const activatedAt = c.action === 'ACTIVATED' ? sql`now()` : c.action === 'DEACTIVATED' ? null : cpts.cellActivatedAt;
        const [row] = await t
          .update(cpts)
          .set({ cellLevelCode: c.levelCode, cellActivatedAt: activatedAt as never, version: sql`${cpts.version} + 1`, updatedAt: sql`now()` })
          .where(and(eq(cpts.id, c.cptsId), eq(cpts.version, c.expectedVersion)))
          .returning();
        if (!row) return null;
        await t.insert(activations).values({ cptsId: c.cptsId, at: row.updatedAt, actor: c.actor, action: c.action, levelCode: c.levelCode, reason: c.reason });
        await publish(t, c.cptsId, c.action, c.actor, c.levelCode);
        return row;
      }),

    insertRun: (row: Omit<ProcedureRunRow, 'id' | 'triggeredAt'>): Promise<ProcedureRunRow> =>
      tx(async (t) => {
        const [run] = await t.insert(procedureRuns).values({ ...row, triggeredAt: sql`now()` as never }).returning();
        await publish(t, row.cptsId, 'PROCEDURE_TRIGGERED', row.triggeredBy, await levelOf(t, row.cptsId), 'CRISIS_PROCEDURE');
        return run!;
      }),

    insertMeeting: (row: Omit<MeetingRow, 'id'>): Promise<MeetingRow> =>
      tx(async (t) => {
        const [saved] = await t.insert(meetings).values(row).returning();
        await publish(t, row.cptsId, 'MEETING_RECORDED', row.recordedBy, await levelOf(t, row.cptsId), 'CRISIS_MEETING');
        return saved!;
      }),

    insertReport: (row: Omit<FieldReportRow, 'id' | 'reportedAt'>): Promise<FieldReportRow> =>
      tx(async (t) => {
        const [saved] = await t.insert(fieldReports).values({ ...row, reportedAt: sql`now()` as never }).returning();
        await publish(t, row.cptsId, 'FIELD_REPORTED', row.author, await levelOf(t, row.cptsId), 'CRISIS_FIELD_REPORT');
        return saved!;
      }),
  };
}

export type CrisisStore = ReturnType<typeof createCrisisStore>;
