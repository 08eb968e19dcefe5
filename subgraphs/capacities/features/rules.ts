/**
 * The invariants of a unit's housing and equipment limits (docs/capacities.md § Housing and
 * equipment limits), pure: codes of their national lists, one row per type (per equipment and
 * feature), counts and values within bounds, each value in its feature's UCUM unit.
 */
import { HubError } from '../../../platform/errors.js';
import { MAX_BEDS } from '../rules.js';
import { assertCode, FEATURE_UNITS } from '../terminology.js';
import type { LimitValues, ResidentialValues } from './store.js';

/** Highest limit value: no equipment weighs or measures more in kg or cm (the table checks it too). */
export const MAX_LIMIT_VALUE = 100_000;
/** At most this many limits per unit: a few equipments with two features each. */
export const MAX_LIMITS = 100;

export interface ResidentialInput {
  type: string;
  count?: number | null;
}

export interface LimitInput {
  equipmentType: string;
  feature: string;
  value: number;
  unit: string;
}

const refuse = (field: string, message: string): never => {
  throw new HubError('BAD_USER_INPUT', message, { field });
};

export function checkResidential(input: readonly ResidentialInput[]): ResidentialValues[] {
  const seen = new Set<string>();
  return input.map((row, i) => {
    const field = `capacities[${i}]`;
    assertCode('residentialType', `${field}.type`, row.type);
    if (seen.has(row.type)) refuse(`${field}.type`, `Housing type ${row.type} is given twice: one row per type.`);
    seen.add(row.type);
    const count = row.count ?? null;
    if (count !== null && (!Number.isInteger(count) || count < 0 || count > MAX_BEDS)) refuse(`${field}.count`, `count must be an integer from 0 to ${MAX_BEDS}, got ${String(count)}.`);
    return { residentialType: row.type, count };
  });
}

/** `equipment`: the TRE_R212 codes of the unit's equipments (offer subgraph). */
export function checkLimits(input: readonly LimitInput[], equipment: ReadonlySet<string>): LimitValues[] {
  if (input.length > MAX_LIMITS) refuse('limits', `At most ${MAX_LIMITS} limits per unit, got ${input.length}.`);
  const seen = new Set<string>();
  return input.map((row, i) => {
    const field = `limits[${i}]`;
    if (!equipment.has(row.equipmentType)) {
      refuse(`${field}.equipmentType`, `The unit has no equipment ${row.equipmentType.slice(0, 40)} (TRE_R212): add it to the unit's equipment first.`);
    }
    assertCode('equipmentFeature', `${field}.feature`, row.feature);
    const key = `${row.equipmentType}|${row.feature}`;
    if (seen.has(key)) refuse(`${field}.feature`, `Equipment ${row.equipmentType} has two limits for feature ${row.feature}: one per feature.`);
    seen.add(key);
    const unit = FEATURE_UNITS[row.feature]!;
    if (row.unit !== unit) refuse(`${field}.unit`, `Feature ${row.feature} is given in ${unit} (UCUM), not "${row.unit.slice(0, 20)}".`);
    if (!Number.isFinite(row.value) || row.value <= 0 || row.value > MAX_LIMIT_VALUE) refuse(`${field}.value`, `value must be above 0 and at most ${MAX_LIMIT_VALUE}, got ${String(row.value)}.`);
    return { equipmentType: row.equipmentType, feature: row.feature, value: row.value, unit };
  });
}
