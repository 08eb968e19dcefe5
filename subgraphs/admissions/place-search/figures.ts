/** The capacity figures of the candidate units, asked from the capacities subgraph as the system identity (D81). */
import type { SubgraphClient } from '../../../platform/subgraph-client.js';

export interface Figures {
  availableMen: number;
  availableWomen: number;
  availableUndifferentiated: number;
  installedBeds: number;
  updatedAt: Date;
}

const FIGURES = `query($ids: [ID!]!) { unitFigures(unitIds: $ids) { unitIds availableMen availableWomen availableUndifferentiated installedBeds updatedAt } }`;

interface UnitFigureLists {
  unitIds: string[];
  availableMen: number[];
  availableWomen: number[];
  availableUndifferentiated: number[];
  installedBeds: number[];
  updatedAt: string[];
}

/** The figures by unit id; a unit that never had any is absent. */
export async function figuresOf(client: SubgraphClient, unitIds: readonly string[]): Promise<Map<string, Figures>> {
  if (unitIds.length === 0) return new Map();
  const { unitFigures: f } = await client.query<{ unitFigures: UnitFigureLists }>('capacities', FIGURES, { ids: unitIds });
  return new Map(
    f.unitIds.map((unitId, i) => [
      unitId,
      {
        availableMen: f.availableMen[i]!,
        availableWomen: f.availableWomen[i]!,
        availableUndifferentiated: f.availableUndifferentiated[i]!,
        installedBeds: f.installedBeds[i]!,
        updatedAt: new Date(f.updatedAt[i]!),
      },
    ]),
  );
}
