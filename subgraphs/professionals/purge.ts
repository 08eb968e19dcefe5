/**
 * Purge of archived professionals: rights.md keeps an archived record one year (the retention is
 * `ROR_ARCHIVE_RETENTION_DAYS`, 365 by default), then deletes it with everything attached.
 */
import { appendChanges } from '../../platform/changes/append.js';
import type { Database, Orm } from '../../platform/db/client.js';
import { professionalChange } from './changes.js';
import { createRecordWriter } from './record-writer.js';

const DAY_MS = 86_400_000;

/** Who the feed says purged: the job, not a person. */
export const PURGE_ACTOR = 'professionals-purge';

/**
 * Deletes the records archived more than `retentionDays` days before `now` (assignments, account,
 * password links and role assignments cascade), and publishes one PURGE per record: followers
 * drop the record and everything attached to it (no separate ACCOUNT or ROLE_ASSIGNMENT events).
 * Returns the ids deleted.
 */
export function purgeArchivedProfessionals(db: Database, now: Date, retentionDays: number): Promise<string[]> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  return db.orm.transaction(async (tx) => {
    const ids = await createRecordWriter(tx).purgeArchivedBefore(cutoff);
    await appendChanges(tx as unknown as Orm, ids.map((id) => professionalChange('PROFESSIONAL', id, 'PURGE', PURGE_ACTOR, {})));
    return ids;
  });
}
