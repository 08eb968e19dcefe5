/** SQL of a unit's housing and equipment limits (tables.ts): read per unit, replaced as a whole. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Orm } from '../../../platform/db/client.js';
import { equipmentLimits, residentialCapacities, type EquipmentLimitRow, type ResidentialCapacityRow } from '../tables.js';

export type ResidentialValues = Pick<ResidentialCapacityRow, 'residentialType' | 'count'>;
export type LimitValues = Pick<EquipmentLimitRow, 'equipmentType' | 'feature' | 'value' | 'unit'>;

export function createFeatureStore(orm: Orm) {
  return {
    residentialOf: (unitIds: readonly string[]): Promise<ResidentialCapacityRow[]> =>
      orm.select().from(residentialCapacities).where(inArray(residentialCapacities.unitId, [...unitIds])).orderBy(asc(residentialCapacities.residentialType)),
    limitsOf: (unitIds: readonly string[]): Promise<EquipmentLimitRow[]> =>
      orm.select().from(equipmentLimits).where(inArray(equipmentLimits.unitId, [...unitIds])).orderBy(asc(equipmentLimits.equipmentType), asc(equipmentLimits.feature)),
    /** The unit's rows become `rows`, in one transaction. */
    replaceResidential: (unitId: string, rows: readonly ResidentialValues[], updatedBy: string): Promise<ResidentialCapacityRow[]> =>
      orm.transaction(async (tx) => {
        await tx.delete(residentialCapacities).where(eq(residentialCapacities.unitId, unitId));
        if (rows.length === 0) return [];
        const written = await tx.insert(residentialCapacities).values(rows.map((r) => ({ ...r, unitId, updatedBy }))).returning();
        return written.sort((a, b) => a.residentialType.localeCompare(b.residentialType));
      }),
    replaceLimits: (unitId: string, rows: readonly LimitValues[], updatedBy: string): Promise<EquipmentLimitRow[]> =>
      orm.transaction(async (tx) => {
        await tx.delete(equipmentLimits).where(eq(equipmentLimits.unitId, unitId));
        if (rows.length === 0) return [];
        const written = await tx.insert(equipmentLimits).values(rows.map((r) => ({ ...r, unitId, updatedBy }))).returning();
        return written.sort((a, b) => a.equipmentType.localeCompare(b.equipmentType) || a.feature.localeCompare(b.feature));
      }),
  };
}

export type FeatureStore = ReturnType<typeof createFeatureStore>;
