/**
 * SQL of the tension mails: what the consumer reads in its transaction (the declaration's labels
 * and timeline entries from the declarations part's tables, read only; the establishment's
 * notification setting), the drafts it writes, and their finishing after commit.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Orm } from '../../../platform/db/client.js';
import { actions, disciplineGroups, levels, timelineEntries } from '../tables.js';
import { notificationSettings, tensionMailOutbox, type NotificationSettingRow } from './tables.js';

export interface MailEntry {
  at: Date;
  author: string;
  kind: string;
  actionLabel: string | null;
  levelCode: string;
  notes: string | null;
}

export interface MailDetails {
  levelLabel: string;
  groupLabel: string;
  entries: MailEntry[];
  setting: NotificationSettingRow | null;
}

export interface NewDraft {
  eventId: number;
  tensionId: string;
  establishmentId: string;
  recipient: string;
  subject: string;
  body: string;
}

export interface Draft {
  id: number;
  establishmentId: string;
  subject: string;
  body: string;
}

/** Labels, entries and setting of one event, read with the consumer's transaction `tx`. */
export async function readMailDetails(
  tx: Orm,
  p: { establishmentId: string; levelCode: string; disciplineGroupCode: string; timelineEntryIds: readonly number[] },
): Promise<MailDetails> {
  const [level] = await tx.select({ label: levels.label }).from(levels).where(eq(levels.code, p.levelCode));
  const [group] = await tx.select({ label: disciplineGroups.label }).from(disciplineGroups).where(eq(disciplineGroups.code, p.disciplineGroupCode));
  const entries = p.timelineEntryIds.length
    ? await tx
        .select({
          at: timelineEntries.at,
          author: timelineEntries.author,
          kind: timelineEntries.kind,
          actionLabel: actions.label,
          levelCode: timelineEntries.levelCode,
          notes: timelineEntries.notes,
        })
        .from(timelineEntries)
        .leftJoin(actions, eq(actions.code, timelineEntries.actionCode))
        .where(inArray(timelineEntries.id, [...p.timelineEntryIds]))
        .orderBy(asc(timelineEntries.id))
    : [];
  const [setting] = await tx.select().from(notificationSettings).where(eq(notificationSettings.establishmentId, p.establishmentId));
  return { levelLabel: level?.label ?? p.levelCode, groupLabel: group?.label ?? p.disciplineGroupCode, entries, setting: setting ?? null };
}

/** Drafts are invisible to the mail worker (it claims PENDING and SENDING rows only). */
export async function insertDrafts(tx: Orm, drafts: readonly NewDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  // (event, recipient) is unique: an event handled twice mails nobody twice.
  await tx
    .insert(tensionMailOutbox)
    .values(drafts.map((d) => ({ ...d, status: 'DRAFT' })))
    .onConflictDoNothing();
}

export function draftsToFinish(orm: Orm, limit: number): Promise<Draft[]> {
  return orm
    .select({ id: tensionMailOutbox.id, establishmentId: tensionMailOutbox.establishmentId, subject: tensionMailOutbox.subject, body: tensionMailOutbox.body })
    .from(tensionMailOutbox)
    .where(eq(tensionMailOutbox.status, 'DRAFT'))
    .orderBy(asc(tensionMailOutbox.id))
    .limit(limit);
}

/** Hands a finished draft to the worker; a draft another process finished already is left alone. */
export async function releaseDraft(orm: Orm, id: number, subject: string, body: string): Promise<void> {
  await orm
    .update(tensionMailOutbox)
    .set({ subject, body, status: 'PENDING', nextAttemptAt: sql`now()` })
    .where(and(eq(tensionMailOutbox.id, id), eq(tensionMailOutbox.status, 'DRAFT')));
}
