/** The capacity figures of the candidate units, asked from the capacities subgraph as the system identity (D81). */
import type { SubgraphClient } from '../../../platform/subgraph-client.js';

export interface Figures {
  availableMen: number;
  availableWomen: number;
  availableUndifferentiated: number;
  installedBeds: number;
  updatedAt: Date;
}

const FIGURES = `query($ids: [ID!]!) { unitFigures(unitIds: $ids) { unitId availableMen availableWomen availableUndifferentiated installedBeds updatedAt } }`;

/** The figures by unit id; a unit that never had any is absent. */
export async function figuresOf(client: SubgraphClient, unitIds: readonly string[]): Promise<Map<string, Figures>> {
  if (unitIds.length === 0) return new Map();
  const { unitFigures } = await client.query<{ unitFigures: Array<Omit<Figures, 'updatedAt'> & { unitId: string; updatedAt: string }> }>('capacities', FIGURES, { ids: unitIds });
  return new Map(unitFigures.map(({ unitId, updatedAt, ...f }) => [unitId, { ...f, updatedAt: new Date(updatedAt) }]));
}
