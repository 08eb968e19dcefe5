/**
 * Checks a requested placement against the offer: each unit must exist, belong to one of the
 * professional's establishments, and be active unless the professional is attached to it already
 * (an archived unit keeps the people it had, but takes no new ones).
 */
import type { Target } from '../../platform/auth/identity.js';
import { badInput, type Placement, type PlacementDraft, type UnitPlacement } from './input.js';
import type { OfferUnit, UnitDirectory } from './offer-units.js';

export interface ResolvedPlacement extends Placement {
  /** The offer's view of each unit of the placement, for authorisation targets. */
  offerUnits: Map<string, OfferUnit>;
  /** TRE_R30 region of each establishment the offer knows, stored with the placement (Practitioner `_tag`). */
  establishmentRegions: Map<string, string>;
}

export async function resolvePlacement(directory: UnitDirectory, draft: PlacementDraft, current: Placement | null, prefix = 'input.'): Promise<ResolvedPlacement> {
  const [offerUnits, establishmentRegions] = await Promise.all([directory.units(draft.unitIds), directory.establishmentRegions(draft.establishmentIds)]);
  const units: UnitPlacement[] = draft.unitIds.map((unitId) => {
    const unit = offerUnits.get(unitId);
    if (!unit) throw badInput(`${prefix}unitIds`, `No unit ${unitId} in the offer of care.`);
    const attached = current?.units.some((u) => u.unitId === unitId) ?? false;
    if (unit.archived && !attached) throw badInput(`${prefix}unitIds`, `Unit ${unitId} is archived: it takes no new professionals.`);
    if (!draft.establishmentIds.includes(unit.establishmentId)) {
      throw badInput(`${prefix}unitIds`, `Unit ${unitId} belongs to establishment ${unit.establishmentId}, which is not among the professional's establishments.`);
    }
    const kept = current?.units.find((u) => u.unitId === unitId)?.exerciseModeCode ?? null;
    return { unitId, establishmentId: unit.establishmentId, exerciseModeCode: draft.exerciseModes.get(unitId) ?? kept, regionCode: unit.regionCode };
  });
  return { establishmentIds: draft.establishmentIds, units, offerUnits, establishmentRegions };
}

/** The authorisation target of a unit assignment, with the ancestry the offer gave (or the stored establishment). */
export function unitTarget(unit: UnitPlacement, offerUnits: Map<string, OfferUnit>): Target {
  const known = offerUnits.get(unit.unitId);
  return { kind: 'UNIT', id: unit.unitId, establishmentId: known?.establishmentId ?? unit.establishmentId, organizationId: known?.organizationId };
}
