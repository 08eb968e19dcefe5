/**
 * A unit's housing and equipment limits (schemas/capacities.features.graphql): read with the
 * capacity read rights, replaced with the capacity entry rights (the bed managers and unit
 * referents who enter the unit's capacity, D173), on active units only.
 */
import DataLoader from 'dataloader';
import type { Identity } from '../../../platform/auth/identity.js';
import { actorName } from '../../../platform/auth/identity.js';
import type { SubgraphClient } from '../../../platform/subgraph-client.js';
import { CAPACITY_ENTRY, CAPACITY_READ, requireAccess } from '../access.js';
import { requireActiveUnits, requireWritePerimeter } from '../service.js';
import type { EquipmentLimitRow, ResidentialCapacityRow } from '../tables.js';
import { checkLimits, checkResidential, type LimitInput, type ResidentialInput } from './rules.js';
import type { FeatureStore } from './store.js';

/** Rows of many units in one read, grouped back per unit (DataLoader batches a page's Locations). */
function perUnit<R extends { unitId: string }>(read: (ids: readonly string[]) => Promise<R[]>) {
  return new DataLoader(async (unitIds: readonly string[]) => {
    const rows = await read(unitIds);
    return unitIds.map((id) => rows.filter((r) => r.unitId === id));
  });
}

export function createFeatureService(deps: { store: FeatureStore; client: SubgraphClient }, identity: Identity) {
  const { store, client } = deps;
  const residential = perUnit(store.residentialOf);
  const limits = perUnit(store.limitsOf);

  /** Rights before any lookup, then the unit (active, in an application's perimeter). */
  async function writable(unitId: string, withEquipment: boolean) {
    requireAccess(identity, CAPACITY_ENTRY, { kind: 'UNIT', id: unitId }, true);
    const units = await requireActiveUnits(client, [unitId], withEquipment);
    requireWritePerimeter(identity, CAPACITY_ENTRY, units, [unitId]);
    return units.get(unitId)!;
  }

  return {
    residentialOf: (unitId: string): Promise<ResidentialCapacityRow[]> => {
      requireAccess(identity, CAPACITY_READ, { kind: 'UNIT', id: unitId });
      return residential.load(unitId);
    },
    limitsOf: (unitId: string): Promise<EquipmentLimitRow[]> => {
      requireAccess(identity, CAPACITY_READ, { kind: 'UNIT', id: unitId });
      return limits.load(unitId);
    },
    /**
     * A unit's rows read by another statement of this request (`capacityMatches`): the reads above
     * answer them without a statement of their own, after the same rights check.
     */
    prime: (unitId: string, residentialRows: ResidentialCapacityRow[], limitRows: EquipmentLimitRow[]): void => {
      residential.clear(unitId).prime(unitId, residentialRows);
      limits.clear(unitId).prime(unitId, limitRows);
    },
    setResidential: async (unitId: string, input: readonly ResidentialInput[]) => {
      await writable(unitId, false);
      return store.replaceResidential(unitId, checkResidential(input), actorName(identity));
    },
    setLimits: async (unitId: string, input: readonly LimitInput[]) => {
      const unit = await writable(unitId, true);
      return store.replaceLimits(unitId, checkLimits(input, new Set((unit.equipment ?? []).map((e) => e.code))), actorName(identity));
    },
  };
}

export type FeatureService = ReturnType<typeof createFeatureService>;
