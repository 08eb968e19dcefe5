/**
 * SQL of the HET follow-up: alerts (each write with its change-feed event, last, in one
 * transaction), and the ARS's procedure record of a declaration with its steps, RETEX and survey.
 */
import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Orm } from '../../../platform/db/client.js';
import { appendChanges } from '../../../platform/changes/append.js';
import type { NewChange } from '../../../platform/changes/tables.js';
import { declarations } from '../tables.js';
import { alertNumbers, alerts, procedures, procedureSteps, retex, surveys, type AlertRow, type ProcedureRow } from './tables.js';

export interface AlertQuery {
  /** null: every establishment. */
  establishmentIds: readonly string[] | null;
  status?: string | null;
  /** Created at or after. */
  since?: Date | null;
}

function alertWhere(q: AlertQuery): SQL | undefined {
  return and(
    q.establishmentIds ? inArray(alerts.establishmentId, [...q.establishmentIds]) : undefined,
    q.status ? eq(alerts.status, q.status) : undefined,
    q.since ? gte(alerts.createdAt, q.since) : undefined,
  );
}

export function createHetStore(orm: Orm) {
  return {
    alertsByIds: (ids: readonly string[]): Promise<AlertRow[]> => orm.select().from(alerts).where(inArray(alerts.id, [...ids])),
    alerts: (q: AlertQuery, limit: number): Promise<AlertRow[]> =>
      orm.select().from(alerts).where(alertWhere(q)).orderBy(desc(alerts.createdAt), desc(alerts.id)).limit(limit),
    countAlerts: async (from: Date, to: Date, establishmentIds: readonly string[] | null): Promise<number> => {
      const [row] = await orm.select({ n: count() }).from(alerts)
        .where(and(gte(alerts.createdAt, from), lt(alerts.createdAt, to), establishmentIds ? inArray(alerts.establishmentId, [...establishmentIds]) : undefined));
      return row?.n ?? 0;
    },
    insertAlert: (row: Omit<typeof alerts.$inferInsert, 'id'>, change: (row: AlertRow) => NewChange): Promise<AlertRow> =>
      orm.transaction(async (tx) => {
        const id = sql`'A' || nextval(${`tensions.${alertNumbers.seqName}`}::regclass)`;
        const [inserted] = await tx.insert(alerts).values({ ...row, id }).returning();
        await appendChanges(tx as never, [change(inserted!)]);
        return inserted!;
      }),
    /** Applies `set` to an OPEN alert at `expectedVersion`, with its event; null when it moved on. */
    changeAlert: (id: string, expectedVersion: number, set: Partial<typeof alerts.$inferInsert>, change: (row: AlertRow) => NewChange): Promise<AlertRow | null> =>
      orm.transaction(async (tx) => {
        const [updated] = await tx.update(alerts)
          .set({ ...set, version: sql`${alerts.version} + 1` })
          .where(and(eq(alerts.id, id), eq(alerts.status, 'OPEN'), eq(alerts.version, expectedVersion)))
          .returning();
        if (!updated) return null;
        await appendChanges(tx as never, [change(updated)]);
        return updated;
      }),

    /** Declarations in progress (the map), of these establishments (null: all). */
    tensionsInProgress: (establishmentIds: readonly string[] | null) =>
      orm.select().from(declarations)
        .where(and(eq(declarations.status, 'IN_PROGRESS'), establishmentIds ? inArray(declarations.establishmentId, [...establishmentIds]) : undefined))
        .orderBy(desc(declarations.startedAt)),
    declaration: async (id: string) => (await orm.select().from(declarations).where(eq(declarations.id, id)))[0] ?? null,

    procedures: (tensionIds: readonly string[]): Promise<ProcedureRow[]> => orm.select().from(procedures).where(inArray(procedures.tensionId, [...tensionIds])),
    procedureList: (status: string | null): Promise<Array<ProcedureRow & { establishmentId: string }>> =>
      orm.select({ p: procedures, establishmentId: declarations.establishmentId }).from(procedures)
        .innerJoin(declarations, eq(declarations.id, procedures.tensionId))
        .where(status ? eq(procedures.status, status) : undefined)
        .orderBy(desc(procedures.openedAt))
        .then((rows) => rows.map((r) => ({ ...r.p, establishmentId: r.establishmentId }))),
    /** Opens the record; null when one exists already. */
    openProcedure: async (tensionId: string, openedBy: string): Promise<ProcedureRow | null> =>
      (await orm.insert(procedures).values({ tensionId, openedBy }).onConflictDoNothing().returning())[0] ?? null,
    closeProcedure: async (tensionId: string, expectedVersion: number, closedBy: string): Promise<ProcedureRow | null> =>
      (await orm.update(procedures)
        .set({ status: 'CLOSED', closedBy, closedAt: sql`now()`, version: sql`${procedures.version} + 1` })
        .where(and(eq(procedures.tensionId, tensionId), eq(procedures.status, 'OPEN'), eq(procedures.version, expectedVersion)))
        .returning())[0] ?? null,
    steps: (tensionId: string) => orm.select().from(procedureSteps).where(eq(procedureSteps.tensionId, tensionId)).orderBy(asc(procedureSteps.doneAt), asc(procedureSteps.id)),
    /** Records a step, or corrects it when recorded already (one per step and episode). */
    recordStep: async (row: typeof procedureSteps.$inferInsert) =>
      (await orm.insert(procedureSteps).values(row)
        .onConflictDoUpdate({ target: [procedureSteps.tensionId, procedureSteps.step], set: { doneAt: row.doneAt, doneBy: row.doneBy, notes: row.notes ?? null } })
        .returning())[0]!,
    retex: async (tensionId: string) => (await orm.select().from(retex).where(eq(retex.tensionId, tensionId)))[0] ?? null,
    saveRetex: async (row: typeof retex.$inferInsert) =>
      (await orm.insert(retex).values(row).onConflictDoUpdate({ target: retex.tensionId, set: { ...row, savedAt: sql`now()` } }).returning())[0]!,
    survey: async (tensionId: string) => (await orm.select().from(surveys).where(eq(surveys.tensionId, tensionId)))[0] ?? null,
    saveSurvey: async (row: typeof surveys.$inferInsert) =>
      (await orm.insert(surveys).values(row).onConflictDoUpdate({ target: surveys.tensionId, set: { ...row, respondedAt: sql`now()` } }).returning())[0]!,
  };
}

export type HetStore = ReturnType<typeof createHetStore>;
