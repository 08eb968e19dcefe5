/**
 * The capacity record as the API shows it (GraphQL `Capacity` without remainingToMobilise, which
 * needs the offer's SSE capacity): one shape for the current record, the history, the change feed's
 * payload and the snapshot, so that a consumer reads the same fields everywhere.
 */
import { availableTotal, remainingToMobilise, totalOperational, type CapacityFigures, type CapacityNature } from './rules.js';
import type { UnitCapacityRow } from './tables.js';
import { codingOf, type CodeListKey } from './terminology.js';

/** GraphQL Coding (shareable with the offer's). */
export type RecordCoding = ReturnType<typeof codingOf>;

export interface CapacityRecord {
  nature: CapacityNature;
  installedBeds: number;
  availableBeds: number;
  available: { men: number; women: number; undifferentiated: number; total: number };
  closedBeds: number;
  reopenedBeds: number;
  reopenableBeds: number;
  mobilisedBeds: number;
  totalOperational: number;
  notes: string | null;
  /** TRE_R336 crisis of the supplementary beds; null: none. */
  crisisType: RecordCoding | null;
  /** TRE_R337 temporary assignment (01 Aucune when none). */
  temporaryAssignment: RecordCoding;
  source: string;
  /** ISO 8601 (the DateTime scalar serialises strings as well as dates). */
  updatedAt: string;
  updatedBy: string | null;
  version: number;
}

export function toRecord(row: UnitCapacityRow): CapacityRecord {
  const available = { men: row.availableMen, women: row.availableWomen, undifferentiated: row.availableUndifferentiated };
  return {
    nature: row.nature as CapacityNature,
    installedBeds: row.installedBeds,
    availableBeds: row.availableBeds,
    available: { ...available, total: availableTotal({ availableMen: available.men, availableWomen: available.women, availableUndifferentiated: available.undifferentiated }) },
    closedBeds: row.closedBeds,
    reopenedBeds: row.reopenedBeds,
    reopenableBeds: row.reopenableBeds,
    mobilisedBeds: row.mobilisedBeds,
    totalOperational: totalOperational(row),
    notes: row.notes,
    crisisType: row.crisisType ? codingOf('crisisType', row.crisisType) : null,
    temporaryAssignment: codingOf('temporaryAssignment', row.temporaryAssignment),
    source: row.source,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
    version: row.version,
  };
}

export function figuresOf(row: UnitCapacityRow): CapacityFigures {
  return {
    nature: row.nature as CapacityNature,
    installedBeds: row.installedBeds,
    availableMen: row.availableMen,
    availableWomen: row.availableWomen,
    availableUndifferentiated: row.availableUndifferentiated,
    closedBeds: row.closedBeds,
    reopenedBeds: row.reopenedBeds,
    reopenableBeds: row.reopenableBeds,
    mobilisedBeds: row.mobilisedBeds,
    notes: row.notes,
    crisisType: row.crisisType,
    temporaryAssignment: row.temporaryAssignment,
  };
}

/** The columns a write sets from the figures (available_beds kept equal to the by-sex total). */
export function columnsOf(f: CapacityFigures) {
  return { ...f, availableBeds: availableTotal(f) };
}

/**
 * A coded field of a Capacity as GraphQL shows it: history rows and events written before the
 * field existed have none (no crisis, no assignment).
 */
export const recordCoding = (key: CodeListKey, value: RecordCoding | null | undefined, fallback: string | null): RecordCoding | null =>
  value ?? (fallback === null ? null : codingOf(key, fallback));

/** The GraphQL Capacity: the record plus what needs the offer's SSE capacity (null when unknown). */
export function capacityView(row: UnitCapacityRow, sseCapacity: number | null | undefined) {
  const record = toRecord(row);
  return { ...record, remainingToMobilise: remainingToMobilise(sseCapacity, record.totalOperational) };
}
