/** The candidate units of a search, asked from the offer as the system identity (D81): ids, distances, sensitivity. */
import type { SubgraphClient } from '../../../platform/subgraph-client.js';
import type { PlaceCriteria } from './criteria.js';
import type { Centre } from './centre.js';

export interface Candidate {
  unitId: string;
  distanceKm: number;
  sensitive: boolean;
}

const CANDIDATES = `query($criteria: PlaceCandidateCriteria!) { placeCandidates(criteria: $criteria) { unitIds distancesKm sensitiveUnitIds } }`;

interface PlaceCandidates {
  unitIds: string[];
  distancesKm: number[];
  sensitiveUnitIds: string[];
}

/** Every active unit within the radius meeting the care criteria (the offer validates the codes). */
export async function candidatesOf(client: SubgraphClient, criteria: PlaceCriteria, centre: Centre): Promise<Candidate[]> {
  const listOrNull = (codes: string[]) => (codes.length ? codes : null);
  const { placeCandidates: c } = await client.query<{ placeCandidates: PlaceCandidates }>('offer', CANDIDATES, {
    criteria: {
      near: { latitude: centre.latitude, longitude: centre.longitude, radiusKm: criteria.radiusKm },
      disciplines: listOrNull(criteria.disciplines),
      activityCodes: listOrNull(criteria.activityCodes),
      careModeCodes: listOrNull(criteria.careModeCodes),
      equipmentCodes: listOrNull(criteria.equipmentCodes),
      patientAge: criteria.patientAge,
    },
  });
  const sensitive = new Set(c.sensitiveUnitIds);
  return c.unitIds.map((unitId, i) => ({ unitId, distanceKm: c.distancesKm[i]!, sensitive: sensitive.has(unitId) }));
}
