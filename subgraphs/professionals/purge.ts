/**
 * Purge of archived professionals: rights.md keeps an archived record one year (the retention is
 * `ROR_ARCHIVE_RETENTION_DAYS`, 365 by default), then deletes it with everything attached.
 */
import type { Database } from '../../platform/db/client.js';
import { createRecordWriter } from './record-writer.js';

const DAY_MS = 86_400_000;

/**
 * Deletes the records archived more than `retentionDays` days before `now` (assignments, account,
 * password links and role assignments cascade). Returns the ids deleted.
 */
export function purgeArchivedProfessionals(db: Database, now: Date, retentionDays: number): Promise<string[]> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  return db.orm.transaction((tx) => createRecordWriter(tx).purgeArchivedBefore(cutoff));
}
