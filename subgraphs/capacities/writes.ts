/**
 * Every capacity write, in one transaction each: the record, its history row and the change-feed
 * event commit together or not at all (appendChanges last, as platform/changes/append.ts asks).
 */
import { appendChanges } from '../../platform/changes/append.js';
import type { Orm } from '../../platform/db/client.js';
import { HubError } from '../../platform/errors.js';
import { checkCapacity, NO_ASSIGNMENT, sameFigures, withCurrentQualifiers, type CapacityFigures } from './rules.js';
import { figuresOf, toRecord, type CapacityRecord } from './record.js';
import { txStatements as q, type CapacityStore, type WriteStamp } from './store.js';
import type { UnitCapacityRow } from './tables.js';

export interface Entry {
  unitId: string;
  figures: CapacityFigures;
  expectedVersion: number;
  /** Same figures as the current record (at expectedVersion): write nothing, return it (a bed manager re-sending). */
  ifChanged?: boolean;
}

export interface Written {
  row: UnitCapacityRow;
  created: boolean;
  /** Nothing written: no history row nor event. */
  unchanged?: boolean;
}

/** Appends the history rows and the feed events of `written`, last in the transaction (bed holds too: holds.ts). */
export async function record(tx: Orm, written: readonly Written[], stamp: WriteStamp): Promise<void> {
  const records = written.map((w) => ({ unitId: w.row.unitId, record: toRecord(w.row) }));
  const history = await q.appendHistory(tx, records.map((r) => ({ unitId: r.unitId, at: stamp.at, record: r.record as unknown as Record<string, unknown> })));
  await appendChanges(
    tx,
    written.map((w, i) => ({
      topic: 'capacity',
      recordType: 'UNIT_CAPACITY',
      recordId: w.row.unitId,
      action: w.created ? 'CREATE' : 'UPDATE',
      actor: stamp.updatedBy,
      // historyId and at: a subscriber's CapacityChange is the same as the history's.
      payload: { unitId: w.row.unitId, capacity: records[i]!.record, historyId: history[i]!.id, at: stamp.at.toISOString() },
    })),
  );
}

function conflict(unitId: string, expectedVersion: number, current: UnitCapacityRow | null): HubError {
  const message = current
    ? `The capacity of unit ${unitId} changed since version ${expectedVersion}: it is at version ${current.version} (in extensions.current). Re-read it and enter again.`
    : `Unit ${unitId} has no capacity yet: send expectedVersion 0.`;
  return new HubError('CONFLICT', message, { unitId, expectedVersion, current: current ? toRecord(current) : null });
}

/** One entry with optimistic concurrency: a stale expectedVersion is a CONFLICT carrying the current record. */
async function writeEntry(tx: Orm, entry: Entry, stamp: WriteStamp): Promise<Written> {
  const current = await q.current(tx, entry.unitId);
  const figures = withCurrentQualifiers(entry.figures, current);
  checkCapacity(figures, current?.installedBeds ?? null);
  if (entry.ifChanged && current?.version === entry.expectedVersion && sameFigures(figuresOf(current), figures)) {
    return { row: current, created: false, unchanged: true };
  }
  if (entry.expectedVersion === 0 && !current) {
    const row = await q.insertIfAbsent(tx, entry.unitId, figures, stamp);
    if (row) return { row, created: true };
  } else {
    const row = await q.updateIfVersion(tx, entry.unitId, entry.expectedVersion, figures, stamp);
    if (row) return { row, created: false };
  }
  // Read again: a concurrent writer may have committed between our first read and our write.
  throw conflict(entry.unitId, entry.expectedVersion, await q.current(tx, entry.unitId));
}

/**
 * Manual entries ("validate" or "validate all"), all or nothing. A refusal of a batch names the
 * entry (`extensions.entryIndex`, 0-based, and `unitId`); a single entry keeps the plain error.
 */
export function writeEntries(store: CapacityStore, entries: readonly Entry[], stamp: WriteStamp, batch: boolean): Promise<UnitCapacityRow[]> {
  return store.transaction(async (tx) => {
    const written: Written[] = [];
    for (const [index, entry] of entries.entries()) {
      try {
        written.push(await writeEntry(tx, entry, stamp));
      } catch (error) {
        if (!batch || !(error instanceof HubError)) throw error;
        const { code, ...extensions } = error.extensions;
        throw new HubError(code as never, `Entry ${index} (unit ${entry.unitId}): ${error.message} Nothing was written.`, { ...extensions, entryIndex: index, unitId: entry.unitId });
      }
    }
    await record(tx, written.filter((w) => !w.unchanged), stamp);
    return written.map((w) => w.row);
  });
}

/** A line of the automatic feed, resolved to its unit; absent optional figures keep their current value. */
export interface FeedUpdate {
  unitId: string;
  figures: Partial<CapacityFigures> & Pick<CapacityFigures, 'installedBeds' | 'availableMen' | 'availableWomen' | 'availableUndifferentiated'>;
}

export type FeedOutcome =
  /** `capacity` is null while not written (and stays so when the batch is not written). */
  | { status: 'created' | 'updated'; capacity: CapacityRecord | null }
  | { status: 'unchanged'; capacity: CapacityRecord }
  | { status: 'rejected'; reason: string; field?: string };

const NO_CAPACITY: CapacityFigures = {
  nature: 'BED',
  installedBeds: 0,
  availableMen: 0,
  availableWomen: 0,
  availableUndifferentiated: 0,
  closedBeds: 0,
  reopenedBeds: 0,
  reopenableBeds: 0,
  mobilisedBeds: 0,
  notes: null,
  crisisType: null,
  temporaryAssignment: NO_ASSIGNMENT,
};

/**
 * The automatic feed: last writer wins (no expectedVersion; the rows are locked while compared,
 * then written in one upsert per 500 lines),
 * same figures write nothing, and one refused line writes nothing of the batch. Returns one outcome
 * per update, and `written` false when a line was refused.
 */
export function writeFeed(
  store: CapacityStore,
  updates: readonly FeedUpdate[],
  stamp: WriteStamp,
  /** False: only check the lines (another line of the request was already refused). */
  commit = true,
): Promise<{ written: boolean; outcomes: FeedOutcome[] }> {
  return store.transaction(async (tx) => {
    const state = new Map((await q.lockRows(tx, [...new Set(updates.map((u) => u.unitId))])).map((r) => [r.unitId, r]));
    const plan: Array<{ unitId: string; figures: CapacityFigures } | null> = [];
    const outcomes: FeedOutcome[] = [];
    const seen = new Set<string>();
    for (const update of updates) {
      const row = state.get(update.unitId);
      const figures: CapacityFigures = { ...(row ? figuresOf(row) : NO_CAPACITY), ...stripUndefined(update.figures) };
      const repeated = seen.has(update.unitId);
      seen.add(update.unitId);
      try {
        // Two lines for one unit would make the result depend on their order: refused.
        if (repeated) throw new HubError('BAD_USER_INPUT', 'An earlier line of this batch already names this unit.', { field: 'ufCode' });
        checkCapacity(figures, row?.installedBeds ?? null);
      } catch (error) {
        if (!(error instanceof HubError)) throw error;
        outcomes.push({ status: 'rejected', reason: error.message, field: error.extensions.field as string | undefined });
        plan.push(null);
        continue;
      }
      if (row && sameFigures(figuresOf(row), figures)) {
        plan.push(null);
        outcomes.push({ status: 'unchanged', capacity: toRecord(row) });
      } else {
        plan.push({ unitId: update.unitId, figures });
        outcomes.push({ status: row ? 'updated' : 'created', capacity: null });
      }
    }
    if (!commit || outcomes.some((o) => o.status === 'rejected')) return { written: false, outcomes };
    const steps = plan.filter((step): step is { unitId: string; figures: CapacityFigures } => step !== null);
    const rows = await q.upsertAll(tx, steps, stamp);
    const written: Written[] = [];
    for (const [i, step] of plan.entries()) {
      if (!step) continue;
      const row = rows.get(step.unitId)!;
      const created = !state.get(step.unitId);
      written.push({ row, created });
      outcomes[i] = { status: created ? 'created' : 'updated', capacity: toRecord(row) };
    }
    await record(tx, written, stamp);
    return { written: true, outcomes };
  });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
