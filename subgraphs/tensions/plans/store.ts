/** SQL of solidarity establishments, notification settings and Plan blanc / Plan bleu forms. */
import { appendChanges } from '../../../platform/changes/append.js';
import type { NewChange } from '../../../platform/changes/tables.js';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Orm } from '../../../platform/db/client.js';
import type { PlanKind } from './access.js';
import type { PlanContent } from './plan-schema.js';
import {
  notificationSettings,
  plans,
  planVersions,
  solidarityLinks,
  tensionMailOutbox,
  type NotificationSettingRow,
  type PlanRow,
  type PlanVersionRow,
  type TensionMailRow,
} from './tables.js';

/** A setting or plan write on the change feed (topic `tension`; the mail consumer reads TENSION only). */
function planChange(recordType: 'SOLIDARITY' | 'NOTIFICATION_SETTING' | 'CRISIS_PLAN', recordId: string, actor: string, payload: Record<string, unknown>): NewChange {
  return { topic: 'tension', recordType, recordId, action: 'UPDATE', actor, payload };
}

export function createPlanStore(orm: Orm) {
  const tx = <T>(fn: (tx: Orm) => Promise<T>): Promise<T> => orm.transaction((t) => fn(t as unknown as Orm));
  return {
    /** Solidarity links of these establishments, each list in its configured order. */
    solidarityOf: (establishmentIds: readonly string[]) =>
      orm.select().from(solidarityLinks).where(inArray(solidarityLinks.establishmentId, [...establishmentIds])).orderBy(asc(solidarityLinks.rank)),

    /** Replaces the whole list in one transaction (an empty list clears it). */
    replaceSolidarity: (establishmentId: string, ids: readonly string[], actor: string) =>
      tx(async (t) => {
        await t.delete(solidarityLinks).where(eq(solidarityLinks.establishmentId, establishmentId));
        if (ids.length) {
          await t.insert(solidarityLinks).values(ids.map((id, rank) => ({ establishmentId, solidarityEstablishmentId: id, rank, updatedBy: actor })));
        }
        await appendChanges(t, [planChange('SOLIDARITY', establishmentId, actor, { establishmentId, solidarityEstablishmentIds: [...ids] })]);
      }),

    settingsOf: (establishmentIds: readonly string[]): Promise<NotificationSettingRow[]> =>
      orm.select().from(notificationSettings).where(inArray(notificationSettings.establishmentId, [...establishmentIds])),

    /** The addresses stay off the feed: followers learn that the setting changed, not to whom mails go. */
    saveSetting: (row: Omit<NotificationSettingRow, 'updatedAt'>): Promise<NotificationSettingRow> =>
      tx(async (t) => {
        const [saved] = await t
          .insert(notificationSettings)
          .values(row)
          .onConflictDoUpdate({ target: notificationSettings.establishmentId, set: { emails: row.emails, enabled: row.enabled, updatedBy: row.updatedBy, updatedAt: sql`now()` } })
          .returning();
        await appendChanges(t, [planChange('NOTIFICATION_SETTING', row.establishmentId, row.updatedBy, { establishmentId: row.establishmentId, enabled: row.enabled })]);
        return saved!;
      }),

    plansOf: (kind: PlanKind, establishmentIds: readonly string[]): Promise<PlanRow[]> =>
      orm.select().from(plans).where(and(eq(plans.kind, kind), inArray(plans.establishmentId, [...establishmentIds]))),

    allPlans: (kind: PlanKind): Promise<PlanRow[]> => orm.select().from(plans).where(eq(plans.kind, kind)).orderBy(asc(plans.establishmentId)),

    versionsOf: (kind: PlanKind, establishmentId: string): Promise<PlanVersionRow[]> =>
      orm
        .select()
        .from(planVersions)
        .where(and(eq(planVersions.kind, kind), eq(planVersions.establishmentId, establishmentId)))
        .orderBy(desc(planVersions.version)),

    /**
     * Writes version `expectedVersion + 1`: an insert when 0 is expected, else an update guarded by
     * the version read (optimistic concurrency); null when another writer got there first. The
     * version row is written in the same transaction.
     */
    savePlan: (kind: PlanKind, establishmentId: string, content: PlanContent, expectedVersion: number, actor: string): Promise<PlanRow | null> =>
      tx(async (t) => {
        const [row] =
          expectedVersion === 0
            ? await t.insert(plans).values({ kind, establishmentId, version: 1, content, updatedBy: actor }).onConflictDoNothing().returning()
            : await t
                .update(plans)
                .set({ content, version: sql`${plans.version} + 1`, updatedBy: actor, updatedAt: sql`now()` })
                .where(and(eq(plans.kind, kind), eq(plans.establishmentId, establishmentId), eq(plans.version, expectedVersion)))
                .returning();
        if (!row) return null;
        await t.insert(planVersions).values({ kind, establishmentId, version: row.version, content, author: actor, at: row.updatedAt });
        await appendChanges(t, [planChange('CRISIS_PLAN', `${kind}:${establishmentId}`, actor, { kind, establishmentId, version: row.version })]);
        return row;
      }),

    /** The mails of these declarations, oldest first. */
    mailsOf: (tensionIds: readonly string[]): Promise<TensionMailRow[]> =>
      orm.select().from(tensionMailOutbox).where(inArray(tensionMailOutbox.tensionId, [...tensionIds])).orderBy(asc(tensionMailOutbox.id)),
  };
}

export type PlanStore = ReturnType<typeof createPlanStore>;
