/**
 * The invariants of a capacity record (docs/capacities.md § Rules), pure: every entry path (the
 * mutations, the automatic feed) goes through `checkCapacity` before writing.
 */
import { HubError } from '../../platform/errors.js';
import { assertCode } from './terminology.js';

export const NOTES_MAX = 2000;
/**
 * Highest value of any count of a record (and of a planned closure's beds). Chosen so that no sum
 * can leave GraphQL's 32-bit Int: a unit's total operational is at most installed + mobilised =
 * 2 × MAX_BEDS, and a national synthesis over 100 000 units sums to at most 2 × 10^9 < 2^31 − 1
 * (docs/capacities.md § Rules, decision "bounded figures"). The largest French units hold hundreds.
 */
export const MAX_BEDS = 10_000;
export const NATURES = ['BED', 'PLACE'] as const;
export type CapacityNature = (typeof NATURES)[number];

/** The figures an entry states (GraphQL CapacityInput). */
export interface CapacityFigures {
  nature: CapacityNature;
  installedBeds: number;
  availableMen: number;
  availableWomen: number;
  availableUndifferentiated: number;
  closedBeds: number;
  reopenedBeds: number;
  reopenableBeds: number;
  mobilisedBeds: number;
  notes: string | null;
  /**
   * TRE_R336 crisis under which the supplementary beds are opened (e.g. 02 Plan blanc), null for
   * none; TRE_R337 temporary assignment of the unit's beds (01 Aucune, 02 Covid+, 03 Covid-).
   * Undefined in an entry: the current record's (null and 01 for a first record).
   */
  crisisType?: string | null;
  temporaryAssignment?: string;
}

/** The record's crisis type and assignment where an entry leaves them out (keeps what the record says). */
export function withCurrentQualifiers(f: CapacityFigures, current: Pick<CapacityFigures, 'crisisType' | 'temporaryAssignment'> | null): CapacityFigures {
  return {
    ...f,
    crisisType: f.crisisType !== undefined ? f.crisisType : (current?.crisisType ?? null),
    temporaryAssignment: f.temporaryAssignment ?? current?.temporaryAssignment ?? NO_ASSIGNMENT,
  };
}

/** TRE_R337 01 Aucune: beds not set aside for a pathology or event. */
export const NO_ASSIGNMENT = '01';

const COUNTS = [
  'installedBeds',
  'availableMen',
  'availableWomen',
  'availableUndifferentiated',
  'closedBeds',
  'reopenedBeds',
  'reopenableBeds',
  'mobilisedBeds',
] as const;

function refuse(field: string, message: string): never {
  throw new HubError('BAD_USER_INPUT', message, { field });
}

export function availableTotal(f: Pick<CapacityFigures, 'availableMen' | 'availableWomen' | 'availableUndifferentiated'>): number {
  return f.availableMen + f.availableWomen + f.availableUndifferentiated;
}

/** Beds open now: installed minus those still closed, plus the supplementary beds mobilised. */
export function totalOperational(f: Pick<CapacityFigures, 'installedBeds' | 'closedBeds' | 'reopenedBeds' | 'mobilisedBeds'>): number {
  return f.installedBeds - (f.closedBeds - f.reopenedBeds) + f.mobilisedBeds;
}

/** SSE capacity minus total operational, at least 0; null when the unit has no SSE capacity. */
export function remainingToMobilise(sseCapacity: number | null | undefined, operational: number): number | null {
  return sseCapacity === null || sseCapacity === undefined ? null : Math.max(0, sseCapacity - operational);
}

/**
 * Refuses figures that break an invariant, with a BAD_USER_INPUT whose `extensions.field` names
 * the input field at fault. `previousInstalled` is the installed figure of the current record
 * (null when the unit has none yet), for the crisis rule.
 */
export function checkCapacity(f: CapacityFigures, previousInstalled: number | null): void {
  if (!NATURES.includes(f.nature)) refuse('nature', `nature must be one of ${NATURES.join(', ')}.`);
  for (const field of COUNTS) {
    const value = f[field];
    if (!Number.isInteger(value) || value < 0 || value > MAX_BEDS) refuse(field, `${field} must be an integer from 0 to ${MAX_BEDS}, got ${String(value)}.`);
  }
  if (previousInstalled !== null && previousInstalled > 0 && f.installedBeds === 0) {
    refuse(
      'installedBeds',
      `installedBeds cannot go from ${previousInstalled} to 0: installed capacity stays when a unit is converted (crisis rule). ` +
        'Record the converted beds as closedBeds, extra beds as mobilisedBeds, and archive the unit to retire it.',
    );
  }
  if (f.closedBeds > f.installedBeds) refuse('closedBeds', `closedBeds (${f.closedBeds}) cannot exceed installedBeds (${f.installedBeds}).`);
  if (f.reopenedBeds > f.closedBeds) refuse('reopenedBeds', `reopenedBeds (${f.reopenedBeds}) cannot exceed closedBeds (${f.closedBeds}).`);
  const stillClosed = f.closedBeds - f.reopenedBeds;
  if (f.reopenableBeds > stillClosed) {
    refuse('reopenableBeds', `reopenableBeds (${f.reopenableBeds}) cannot exceed the beds still closed, closedBeds - reopenedBeds (${stillClosed}).`);
  }
  const operational = totalOperational(f);
  const available = availableTotal(f);
  if (available > operational) {
    // Named on the undifferentiated figure: the by-sex split is the input, the total is derived.
    refuse(
      'availableUndifferentiated',
      `Available beds (men + women + undifferentiated = ${available}) cannot exceed the total operational capacity ` +
        `(installed - (closed - reopened) + mobilised = ${operational}).`,
    );
  }
  if (f.notes !== null && f.notes.length > NOTES_MAX) refuse('notes', `notes must be at most ${NOTES_MAX} characters, got ${f.notes.length}.`);
  if (f.notes?.includes('\u0000')) refuse('notes', 'notes must not contain the NUL character (U+0000).');
  if (f.crisisType !== undefined && f.crisisType !== null) assertCode('crisisType', 'crisisType', f.crisisType);
  if (f.temporaryAssignment !== undefined) assertCode('temporaryAssignment', 'temporaryAssignment', f.temporaryAssignment);
}

/** True when two entries state the same situation (the automatic feed then writes nothing). */
export function sameFigures(a: CapacityFigures, b: CapacityFigures): boolean {
  return (
    a.nature === b.nature &&
    COUNTS.every((k) => a[k] === b[k]) &&
    (a.notes ?? null) === (b.notes ?? null) &&
    (a.crisisType ?? null) === (b.crisisType ?? null) &&
    (a.temporaryAssignment ?? NO_ASSIGNMENT) === (b.temporaryAssignment ?? NO_ASSIGNMENT)
  );
}
