/** SQL of the capacities subgraph: the current records and their history. */
import { and, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.js';
import { capacityHistory, unitCapacities, type UnitCapacityRow } from './tables.js';
import type { CapacityFigures } from './rules.js';
import { columnsOf } from './record.js';

/** Who and how a write is made. */
export interface WriteStamp {
  source: 'MANUAL' | 'AUTOMATIC_FEED' | 'IMPORT';
  updatedBy: string;
  at: Date;
}

export function createCapacityStore(orm: Orm) {
  return {
    byUnitIds: (unitIds: readonly string[]): Promise<UnitCapacityRow[]> =>
      unitIds.length === 0 ? Promise.resolve([]) : orm.select().from(unitCapacities).where(inArray(unitCapacities.unitId, [...unitIds])),
    all: (): Promise<UnitCapacityRow[]> => orm.select().from(unitCapacities),
    countAll: async (): Promise<number> => {
      const [row] = await orm.select({ n: count() }).from(unitCapacities);
      return row?.n ?? 0;
    },
    /** Runs `fn` in one transaction; the handle it gets is an Orm (what appendChanges expects). */
    transaction: <T>(fn: (tx: Orm) => Promise<T>): Promise<T> => orm.transaction((tx) => fn(tx as unknown as Orm)),
    /** History of a unit, newest first, within [from, to), after the history id `beforeId`. */
    history: (unitId: string, range: { from?: Date | null; to?: Date | null; beforeId?: number | null }, limit: number) => {
      const where: SQL[] = [eq(capacityHistory.unitId, unitId)];
      if (range.from) where.push(gte(capacityHistory.at, range.from));
      if (range.to) where.push(lt(capacityHistory.at, range.to));
      if (range.beforeId) where.push(lt(capacityHistory.id, range.beforeId));
      return orm.select().from(capacityHistory).where(and(...where)).orderBy(desc(capacityHistory.id)).limit(limit);
    },
  };
}

export type CapacityStore = ReturnType<typeof createCapacityStore>;

/** Statements that must run inside the writer's transaction `tx`. */
/** 500 rows × 17 columns stays far below Postgres's 65,535 bind parameters. */
const UPSERT_CHUNK = 500;

export const txStatements = {
  /** The current records, locked until commit (the feed's last-writer-wins compares then writes). */
  lockRows: (tx: Orm, unitIds: readonly string[]): Promise<UnitCapacityRow[]> =>
    tx.select().from(unitCapacities).where(inArray(unitCapacities.unitId, [...unitIds])).for('update'),

  /** The optimistic write: succeeds only while the row still has the version the writer read. */
  updateIfVersion: async (tx: Orm, unitId: string, expectedVersion: number, f: CapacityFigures, stamp: WriteStamp) => {
    const [row] = await tx
      .update(unitCapacities)
      .set({ ...columnsOf(f), source: stamp.source, updatedBy: stamp.updatedBy, updatedAt: stamp.at, version: sql`${unitCapacities.version} + 1` })
      .where(and(eq(unitCapacities.unitId, unitId), eq(unitCapacities.version, expectedVersion)))
      .returning();
    return row ?? null;
  },

  /** First record of a unit; null when another writer created it first. */
  insertIfAbsent: async (tx: Orm, unitId: string, f: CapacityFigures, stamp: WriteStamp) => {
    const [row] = await tx
      .insert(unitCapacities)
      .values({ unitId, ...columnsOf(f), source: stamp.source, updatedBy: stamp.updatedBy, updatedAt: stamp.at, version: 1 })
      .onConflictDoNothing()
      .returning();
    return row ?? null;
  },

  /**
   * The feed's write, one statement per chunk: its rows are locked (or absent) and already
   * compared, and a unit created meanwhile by another writer is simply overwritten (last writer
   * wins), so an upsert says it all. Rows come back by unit id.
   */
  upsertAll: async (tx: Orm, steps: ReadonlyArray<{ unitId: string; figures: CapacityFigures }>, stamp: WriteStamp): Promise<Map<string, UnitCapacityRow>> => {
    const written = new Map<string, UnitCapacityRow>();
    for (let i = 0; i < steps.length; i += UPSERT_CHUNK) {
      const values = steps.slice(i, i + UPSERT_CHUNK).map((s) => ({ unitId: s.unitId, ...columnsOf(s.figures), source: stamp.source, updatedBy: stamp.updatedBy, updatedAt: stamp.at, version: 1 }));
      const fromExcluded = Object.fromEntries(
        Object.keys(values[0]!)
          .filter((k) => k !== 'unitId' && k !== 'version')
          .map((k) => [k, sql.raw(`excluded."${unitCapacities[k as keyof typeof unitCapacities.$inferInsert].name}"`)]),
      );
      const rows = await tx
        .insert(unitCapacities)
        .values(values)
        .onConflictDoUpdate({ target: unitCapacities.unitId, set: { ...fromExcluded, version: sql`${unitCapacities.version} + 1` } })
        .returning();
      for (const row of rows) written.set(row.unitId, row);
    }
    return written;
  },

  current: async (tx: Orm, unitId: string): Promise<UnitCapacityRow | null> => {
    const [row] = await tx.select().from(unitCapacities).where(eq(unitCapacities.unitId, unitId));
    return row ?? null;
  },

  appendHistory: (tx: Orm, rows: Array<{ unitId: string; at: Date; record: Record<string, unknown> }>) =>
    rows.length === 0 ? Promise.resolve([]) : tx.insert(capacityHistory).values(rows).returning({ id: capacityHistory.id }),
};
