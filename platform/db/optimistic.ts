/**
 * Optimistic concurrency on records versioned by their `updated_at` (the FHIR versionId of the
 * offer's and the professionals' resources is that instant in milliseconds, D154): a writer sends
 * the `updatedAt` it read as `expectedUpdatedAt`, and the write's own UPDATE requires it still, as
 * the capacities' `updateIfVersion` requires its version. A write landing in between is detected
 * (CONFLICT), never overwritten, and nothing of the refused write is kept (its transaction rolls back).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { HubError } from '../errors.js';

/**
 * The UPDATE's condition: the row's `updated_at` is still the expected instant. To the
 * millisecond, since clients see instants in milliseconds (the database keeps microseconds, and
 * its driver's Date truncates them); undefined (no condition) without an expected instant.
 */
export function unchangedSince(column: AnyPgColumn, expected: Date | null | undefined): SQL | undefined {
  return expected ? sql`date_trunc('milliseconds', ${column}) = ${expected.toISOString()}::timestamptz` : undefined;
}

/** The same test on a row already read (and locked): a write that turns out to change nothing still answers a stale version. */
export function isUnchangedSince(updatedAt: Date, expected: Date | null | undefined): boolean {
  return !expected || updatedAt.getTime() === expected.getTime();
}

/** CONFLICT naming the record and the instant the caller read; `expectedUpdatedAt` in extensions tells a stale version from other conflicts. */
export function staleRecord(record: string, expected: Date): HubError {
  return new HubError('CONFLICT', `${record} changed since ${expected.toISOString()}, the version the write expected: read it again.`, {
    expectedUpdatedAt: expected.toISOString(),
  });
}
