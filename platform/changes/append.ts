/**
 * Writers append their changes to the feed inside the transaction of the change itself: nothing
 * is published that was not committed, nothing is committed that is not published.
 */
import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Orm } from '../db/client.js';
import { changeEvents, type NewChange } from './tables.js';

/** NOTIFY channel: the payload is the highest id appended by the committing transaction. */
export const CHANGE_CHANNEL = 'ror_changes';

/** Advisory lock serialising appenders until they commit (see appendChanges). */
const APPEND_LOCK = 7_210_002;

/**
 * Appends `changes` within the caller's transaction `tx` and notifies listeners at commit.
 * The transaction-scoped lock makes appending transactions commit one after the other, so ids
 * become visible in increasing order: a consumer that has read id n never later sees a smaller
 * id appear (the classic outbox gap a plain sequence has). Append last, just before committing,
 * to hold the lock briefly.
 * @throws Error when `tx` is not a transaction (the guarantee would not hold)
 */
export async function appendChanges(tx: Orm, changes: readonly NewChange[]): Promise<number[]> {
  if (!(tx instanceof PgTransaction)) throw new Error('appendChanges must run inside the transaction of the change');
  if (changes.length === 0) return [];
  await tx.execute(sql`select pg_advisory_xact_lock(${APPEND_LOCK})`);
  const rows = await tx.insert(changeEvents).values([...changes]).returning({ id: changeEvents.id });
  const ids = rows.map((r) => r.id);
  await tx.execute(sql`select pg_notify(${CHANGE_CHANNEL}, ${String(Math.max(...ids))})`);
  return ids;
}
