/**
 * Refused writes change nothing: hostile variants of writes on known demo records (a unit's
 * capacity, a tension), each followed by a read of the record's version and of the change feed.
 * A write answered with an error must leave both as they were (issue 12, case 3: an Int overflow
 * answered as an error while version 5 was committed).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import type { Rng } from './rng.js';
import { INTS, STRINGS, ENUMS } from './values.js';
import { describeValue as describe } from './graphql-ops.js';

export interface GuardedWrite {
  label: string;
  query: string;
  /** The variables, given the record's version now (a stale one would be refused for that alone). */
  variables: (version: number) => Record<string, unknown>;
}

/** Events of one record in the change feed (its version's witness). */
export async function eventsOf(db: Database, recordType: string, recordId: string): Promise<number> {
  const [row] = await db.rows<{ n: number }>(sql`select count(*)::int as n from feed.change_event where record_type = ${recordType} and record_id = ${recordId}`);
  return row!.n;
}

export const CAPACITY_FIELDS = ['installedBeds', 'availableMen', 'availableWomen', 'availableUndifferentiated', 'closedBeds', 'reopenedBeds', 'reopenableBeds', 'mobilisedBeds'] as const;
export type CapacityFigures = Record<(typeof CAPACITY_FIELDS)[number], number> & { version: number; notes: string | null };

/** Every scalar of a Capacity, as a caller would read the write's result (totalOperational overflowed in case 3). */
export const CAPACITY_SELECTION = '__typename nature installedBeds availableBeds closedBeds reopenedBeds reopenableBeds mobilisedBeds totalOperational remainingToMobilise notes source updatedAt updatedBy version available { men women undifferentiated total }';

const UPDATE_UNIT = `mutation Fuzz($unitId: ID!, $input: CapacityInput!, $expectedVersion: Int!) { updateUnitCapacity(unitId: $unitId, input: $input, expectedVersion: $expectedVersion) { ${CAPACITY_SELECTION} } }`;
const UPDATE_MANY = `mutation Fuzz($entries: [CapacityEntry!]!) { updateCapacities(entries: $entries) { ${CAPACITY_SELECTION} } }`;

/** Hostile variants of updateUnitCapacity and updateCapacities on `unitId`, from its current figures. */
export function capacityWrites(unitId: string, current: CapacityFigures, rng: Rng, runs: number): GuardedWrite[] {
  const input = Object.fromEntries(CAPACITY_FIELDS.map((f) => [f, current[f]]));
  const writes: GuardedWrite[] = [
    // Issue 12, case 3, exactly as reported.
    { label: 'updateUnitCapacity installed=mobilised=2147483647', query: UPDATE_UNIT, variables: (v) => ({ unitId, expectedVersion: v, input: { ...input, installedBeds: 2147483647, mobilisedBeds: 2147483647 } }) },
    { label: 'updateUnitCapacity notes with U+0000', query: UPDATE_UNIT, variables: (v) => ({ unitId, expectedVersion: v, input: { ...input, notes: 'a\u0000b' } }) },
  ];
  for (let run = 0; run < runs * 3; run++) {
    const field = rng.pick([...CAPACITY_FIELDS, 'notes', 'nature', 'expectedVersion'] as const);
    const value = field === 'notes' ? rng.pick(STRINGS) : field === 'nature' ? rng.pick(ENUMS) : rng.pick(INTS);
    const hostile = field === 'expectedVersion' ? input : { ...input, [field]: value };
    const version = (v: number) => (field === 'expectedVersion' ? value : v);
    if (rng.chance(0.3)) {
      writes.push({ label: `updateCapacities ${field}=${describe(value)}`, query: UPDATE_MANY, variables: (v) => ({ entries: [{ unitId, input: hostile, expectedVersion: version(v) }] }) });
    } else {
      writes.push({ label: `updateUnitCapacity ${field}=${describe(value)}`, query: UPDATE_UNIT, variables: (v) => ({ unitId, input: hostile, expectedVersion: version(v) }) });
    }
  }
  return writes;
}

const UPDATE_TENSION = `mutation Fuzz($id: ID!, $input: UpdateTensionInput!, $expectedVersion: Int!) { updateTension(id: $id, input: $input, expectedVersion: $expectedVersion) { version } }`;

/** Hostile variants of updateTension on `tensionId`. */
export function tensionWrites(tensionId: string, rng: Rng, runs: number): GuardedWrite[] {
  const writes: GuardedWrite[] = [{ label: 'updateTension notes with U+0000', query: UPDATE_TENSION, variables: (v) => ({ id: tensionId, expectedVersion: v, input: { notes: 'a\u0000b' } }) }];
  for (let run = 0; run < runs * 2; run++) {
    const field = rng.pick(['notes', 'levelCode', 'disciplineGroupCode', 'expectedVersion'] as const);
    const value = field === 'levelCode' ? rng.pick(ENUMS) : field === 'expectedVersion' ? rng.pick(INTS) : rng.pick(STRINGS);
    const input = field === 'expectedVersion' ? { notes: 'fuzz' } : { notes: 'fuzz', [field]: value };
    writes.push({ label: `updateTension ${field}=${describe(value)}`, query: UPDATE_TENSION, variables: (v) => ({ id: tensionId, input, expectedVersion: field === 'expectedVersion' ? value : v }) });
  }
  return writes;
}
