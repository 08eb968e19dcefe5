/**
 * Capacities: installed beds from the unit split, and a synthetic current situation: availability
 * split by sex, some closed beds (part reopened, part reopenable), supplementary beds mobilised on
 * a few critical care and medicine units (docs/capacities.md gives the rules these figures keep).
 */
import { rngFor } from './rng.js';
import type { DemoCapacity, DemoUnit, Discipline } from './types.js';

const CRITICAL_CARE: ReadonlySet<Discipline> = new Set(['ADULT_ICU', 'PAEDIATRIC_ICU', 'INTENSIVE_CARE', 'CONTINUOUS_CARE']);

/**
 * The full record. `DemoCapacity` (types.ts) holds the fields every builder shares; the figures
 * below travel with it to the capacities seed, which stores them column for column.
 */
export interface DemoCapacityRecord extends DemoCapacity {
  availableMen: number;
  availableWomen: number;
  availableUndifferentiated: number;
  closedBeds: number;
  reopenedBeds: number;
  reopenableBeds: number;
  mobilisedBeds: number;
  notes: string | null;
}

/** Closed, reopened, reopenable and mobilised beds: about a quarter of the units have closed beds. */
function operationalState(unit: DemoUnit, installedBeds: number) {
  // A seed of its own, so the availability drawn below stays what earlier builds drew.
  const rng = rngFor(`capacity-state:${unit.id}`);
  const closedBeds = installedBeds >= 10 && rng.next() < 0.25 ? rng.int(1, Math.max(1, Math.floor(installedBeds * 0.15))) : 0;
  const reopenedBeds = closedBeds > 1 && rng.next() < 0.3 ? rng.int(1, Math.floor(closedBeds / 2)) : 0;
  const reopenableBeds = closedBeds - reopenedBeds > 0 ? rng.int(0, closedBeds - reopenedBeds) : 0;
  const mobilises = (CRITICAL_CARE.has(unit.discipline) || unit.discipline === 'MEDICINE') && rng.next() < 0.12;
  const mobilisedBeds = mobilises ? rng.int(1, Math.max(1, Math.ceil(installedBeds * 0.1))) : 0;
  const notes = closedBeds > 0 ? (reopenableBeds > 0 ? 'Lits fermés faute de personnel, réactivables.' : 'Lits fermés pour travaux.') : mobilisedBeds > 0 ? 'Lits supplémentaires mobilisés.' : null;
  return { closedBeds, reopenedBeds, reopenableBeds, mobilisedBeds, notes };
}

/** Splits the available beds by the sex they can take: mostly undifferentiated, some single-sex rooms. */
function bySex(unit: DemoUnit, availableBeds: number) {
  const rng = rngFor(`capacity-sex:${unit.id}`);
  const availableMen = rng.int(0, Math.floor(availableBeds / 3));
  const availableWomen = rng.int(0, Math.floor((availableBeds - availableMen) / 2));
  return { availableMen, availableWomen, availableUndifferentiated: availableBeds - availableMen - availableWomen };
}

/**
 * Current availability. Critical care usually has 0 to 2 free beds. Other units have 0 to 15 %
 * of their installed beds free, never more than the beds open now. Each unit is stamped up to 12
 * hours before the reference instant, as after a night of automatic feeds and manual entries.
 */
export function buildCapacity(unit: DemoUnit, installedBeds: number, referenceMs: number): DemoCapacityRecord {
  const rng = rngFor(`capacity:${unit.id}`);
  const drawn = CRITICAL_CARE.has(unit.discipline) ? Math.min(installedBeds, rng.int(0, 2)) : Math.floor(installedBeds * 0.15 * rng.next());
  const minutesAgo = rng.int(0, 12 * 60);
  const state = operationalState(unit, installedBeds);
  const operational = installedBeds - (state.closedBeds - state.reopenedBeds) + state.mobilisedBeds;
  const availableBeds = Math.min(drawn, operational);
  return {
    unitId: unit.id,
    installedBeds,
    availableBeds,
    ...bySex(unit, availableBeds),
    ...state,
    updatedAt: new Date(referenceMs - minutesAgo * 60_000),
  };
}
