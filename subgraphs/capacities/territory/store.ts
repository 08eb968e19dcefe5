/** SQL of territorial bed management: establishments' contacts and units' bed blockers. */
import { and, asc, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import type { Orm } from '../../../platform/db/client.js';
import { appendChanges } from '../../../platform/changes/append.js';
import type { NewChange } from '../../../platform/changes/tables.js';
import { bedBlockers, bedManagementContacts, bedManagementMaturity, type BedBlockerRow, type BedManagementContactRow, type BedManagementMaturityRow } from '../tables.js';

export function createTerritoryStore(orm: Orm) {
  return {
    contacts: (establishmentIds: readonly string[]): Promise<BedManagementContactRow[]> =>
      establishmentIds.length ? orm.select().from(bedManagementContacts).where(inArray(bedManagementContacts.establishmentId, [...establishmentIds])) : Promise.resolve([]),
    /** Open bed blockers of these units, longest wait first. */
    openBlockers: (unitIds: readonly string[]): Promise<BedBlockerRow[]> =>
      unitIds.length
        ? orm.select().from(bedBlockers).where(and(inArray(bedBlockers.unitId, [...unitIds]), isNull(bedBlockers.dischargedAt))).orderBy(asc(bedBlockers.fitSince), asc(bedBlockers.createdAt))
        : Promise.resolve([]),
    maturityDeclarations: (establishmentIds: readonly string[]): Promise<BedManagementMaturityRow[]> =>
      establishmentIds.length ? orm.select().from(bedManagementMaturity).where(inArray(bedManagementMaturity.establishmentId, [...establishmentIds])) : Promise.resolve([]),
    /** Units among these where a bed blocker was entered or discharged since `since`. */
    unitsWithBlockerActivity: async (unitIds: readonly string[], since: Date): Promise<Set<string>> => {
      if (!unitIds.length) return new Set();
      const rows = await orm
        .selectDistinct({ unitId: bedBlockers.unitId })
        .from(bedBlockers)
        .where(and(inArray(bedBlockers.unitId, [...unitIds]), or(gte(bedBlockers.createdAt, since), gte(bedBlockers.dischargedAt, since))));
      return new Set(rows.map((r) => r.unitId));
    },
    saveMaturity: (row: typeof bedManagementMaturity.$inferInsert, change: NewChange): Promise<BedManagementMaturityRow> =>
      orm.transaction(async (tx) => {
        const t = tx as unknown as Orm;
        const { establishmentId, ...fields } = row;
        const [saved] = await t.insert(bedManagementMaturity).values(row).onConflictDoUpdate({ target: bedManagementMaturity.establishmentId, set: fields }).returning();
        await appendChanges(t, [change]);
        return saved!;
      }),
    blockerById: async (id: string): Promise<BedBlockerRow | null> => {
      const [row] = await orm.select().from(bedBlockers).where(eq(bedBlockers.id, id));
      return row ?? null;
    },
    /** Each write and its change event in one transaction (docs/change-feed.md). */
    saveContact: (row: typeof bedManagementContacts.$inferInsert, change: NewChange): Promise<BedManagementContactRow> =>
      orm.transaction(async (tx) => {
        const t = tx as unknown as Orm;
        const { establishmentId, ...fields } = row;
        const [saved] = await t.insert(bedManagementContacts).values(row).onConflictDoUpdate({ target: bedManagementContacts.establishmentId, set: fields }).returning();
        await appendChanges(t, [change]);
        return saved!;
      }),
    insertBlocker: (row: typeof bedBlockers.$inferInsert, change: (saved: BedBlockerRow) => NewChange): Promise<BedBlockerRow> =>
      orm.transaction(async (tx) => {
        const t = tx as unknown as Orm;
        const [saved] = await t.insert(bedBlockers).values(row).returning();
        await appendChanges(t, [change(saved!)]);
        return saved!;
      }),
    /** Closes an open row (null when it was closed meanwhile: two discharges, one wins). */
    dischargeBlocker: (id: string, by: string, at: Date, change: (saved: BedBlockerRow) => NewChange): Promise<BedBlockerRow | null> =>
      orm.transaction(async (tx) => {
        const t = tx as unknown as Orm;
        const [saved] = await t.update(bedBlockers).set({ dischargedAt: at, dischargedBy: by }).where(and(eq(bedBlockers.id, id), isNull(bedBlockers.dischargedAt))).returning();
        if (!saved) return null;
        await appendChanges(t, [change(saved)]);
        return saved;
      }),
  };
}

export type TerritoryStore = ReturnType<typeof createTerritoryStore>;
