/**
 * Capacities: installed beds from the unit split, and a synthetic current availability.
 */
import { rngFor } from './rng.js';
import type { DemoCapacity, DemoUnit, Discipline } from './types.js';

const CRITICAL_CARE: ReadonlySet<Discipline> = new Set(['ADULT_ICU', 'PAEDIATRIC_ICU', 'INTENSIVE_CARE', 'CONTINUOUS_CARE']);

/**
 * Current availability. Critical care usually has 0 to 2 free beds. Other units have 0 to 15 %
 * of their installed beds free. Each unit is stamped up to 12 hours before the reference instant,
 * as after a night of automatic feeds and manual entries.
 */
export function buildCapacity(unit: DemoUnit, installedBeds: number, referenceMs: number): DemoCapacity {
  const rng = rngFor(`capacity:${unit.id}`);
  const availableBeds = CRITICAL_CARE.has(unit.discipline)
    ? Math.min(installedBeds, rng.int(0, 2))
    : Math.floor(installedBeds * 0.15 * rng.next());
  const minutesAgo = rng.int(0, 12 * 60);
  return { unitId: unit.id, installedBeds, availableBeds, updatedAt: new Date(referenceMs - minutesAgo * 60_000) };
}
