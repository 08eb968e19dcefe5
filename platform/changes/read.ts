/** Reads of the change log shared by the live feed and the durable consumers. */
import { and, asc, gt, inArray, max, type SQL } from 'drizzle-orm';
import type { Orm } from '../db/client.js';
import { changeEvents, type ChangeEvent } from './tables.js';

/** Events after `afterId` (of `topics` when given), oldest first. */
export function eventsAfter(orm: Orm, afterId: number, limit: number, topics?: readonly string[]): Promise<ChangeEvent[]> {
  const where: SQL[] = [gt(changeEvents.id, afterId)];
  if (topics?.length) where.push(inArray(changeEvents.topic, [...topics]));
  return orm.select().from(changeEvents).where(and(...where)).orderBy(asc(changeEvents.id)).limit(limit);
}

/** Id of the newest event (0 when the log is empty). */
export async function headId(orm: Orm): Promise<number> {
  const [row] = await orm.select({ id: max(changeEvents.id) }).from(changeEvents);
  return Number(row?.id ?? 0);
}
