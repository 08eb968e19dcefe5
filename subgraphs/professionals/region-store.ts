/**
 * SQL of the placements' regions (D196): which placements still lack their establishment's
 * region, and storing the regions the offer gave. Knows tables and rows, not GraphQL nor rules.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.js';
import { establishmentAssignments, unitAssignments } from './tables.js';

export interface RegionStore {
  /** Up to `limit` establishments with at least one placement (establishment or unit) without a region. */
  establishmentsWithoutRegion(limit: number): Promise<string[]>;
  /** Sets the region of the placements at each establishment that have none; returns the rows changed. */
  fillRegions(regions: ReadonlyMap<string, string>): Promise<number>;
}

export function createRegionStore(orm: Orm): RegionStore {
  return {
    async establishmentsWithoutRegion(limit) {
      const [atEstablishments, atUnits] = await Promise.all([
        orm.selectDistinct({ id: establishmentAssignments.establishmentId }).from(establishmentAssignments).where(isNull(establishmentAssignments.regionCode)).limit(limit),
        orm.selectDistinct({ id: unitAssignments.establishmentId }).from(unitAssignments).where(isNull(unitAssignments.regionCode)).limit(limit),
      ]);
      return [...new Set([...atEstablishments, ...atUnits].map((r) => r.id))].slice(0, limit);
    },
    async fillRegions(regions) {
      let changed = 0;
      await orm.transaction(async (tx) => {
        for (const [establishmentId, regionCode] of regions) {
          const a = await tx.update(establishmentAssignments).set({ regionCode }).where(and(eq(establishmentAssignments.establishmentId, establishmentId), isNull(establishmentAssignments.regionCode))).returning({ id: establishmentAssignments.professionalId });
          const b = await tx.update(unitAssignments).set({ regionCode }).where(and(eq(unitAssignments.establishmentId, establishmentId), isNull(unitAssignments.regionCode))).returning({ id: unitAssignments.professionalId });
          changed += a.length + b.length;
        }
      });
      return changed;
    },
  };
}
