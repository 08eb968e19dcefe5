/** Rules of the capacities subgraph, per request (batched reads). */
import DataLoader from 'dataloader';
import { requireReadAccess } from '../../platform/auth/authorize.js';
import type { Identity } from '../../platform/auth/identity.js';
import type { RightCode } from '../../platform/auth/rights.js';
import type { CapacityStore } from './store.js';
import type { UnitCapacityRow } from './tables.js';

/**
 * Who may read a unit's capacity: users holding a view right on it, or an entry right (who enters
 * a unit's beds must see them, though rights.md only grants view rights transversally or per
 * legal entity); applications with the scope.
 */
export const CAPACITY_READ = {
  rights: ['ORU_CAPACITE_DISPONIBLE_SHOW', 'OruLitsDispos_litsdispos_visu', 'ORU_CAPACITE_DISPONIBLE_EDIT', 'OruLitsDispos_litsdispos_saisie'] as RightCode[],
  scope: 'capacity.read',
} as const;

export function createCapacityService(store: CapacityStore, identity: Identity) {
  const ofUnit = new DataLoader(async (unitIds: readonly string[]) => {
    const rows = new Map((await store.byUnitIds(unitIds)).map((r) => [r.unitId, r]));
    return unitIds.map((id) => rows.get(id) ?? null);
  });
  return {
    capacityOf: (unitId: string): Promise<UnitCapacityRow | null> => {
      requireReadAccess(identity, CAPACITY_READ, { kind: 'UNIT', id: unitId });
      return ofUnit.load(unitId);
    },
  };
}

export type CapacityService = ReturnType<typeof createCapacityService>;
