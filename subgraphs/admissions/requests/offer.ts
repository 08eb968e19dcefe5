/**
 * The units a request names, as the offer subgraph knows them now (asked as the system identity,
 * never read from its tables, D81): each must exist, be active and take the patient's age.
 */
import { HubError } from '../../../platform/errors.js';
import type { SubgraphClient } from '../../../platform/subgraph-client.js';

export interface OfferUnit {
  id: string;
  name: string;
  archived: boolean;
  /** Both bounds always recorded (D197): an open end is 0 or 150 years. */
  patientAge: { min: number; max: number };
  establishment: { id: string; organization: { id: string } };
}

const SELECTION = 'id name archived patientAge { min max } establishment { id organization { id } }';

/** The units, in the order given; a BAD_USER_INPUT names the first unit that cannot take the patient. */
export async function unitsForRequest(client: SubgraphClient, unitIds: readonly string[], patientAge: number): Promise<OfferUnit[]> {
  const found = await client.entities<OfferUnit>('offer', 'Unit', unitIds, SELECTION);
  return unitIds.map((id, i) => {
    const unit = found[i];
    if (!unit) throw new HubError('BAD_USER_INPUT', `Unit ${id} does not exist.`, { field: 'unitIds', unitId: id });
    if (unit.archived) throw new HubError('BAD_USER_INPUT', `Unit ${id} (${unit.name}) is archived: it takes no admission.`, { field: 'unitIds', unitId: id });
    const { min, max } = unit.patientAge;
    if (patientAge < min || patientAge > max) {
      throw new HubError('BAD_USER_INPUT', `Unit ${id} (${unit.name}) takes patients aged ${min}–${max} years, not ${patientAge}.`, { field: 'unitIds', unitId: id });
    }
    return unit;
  });
}
