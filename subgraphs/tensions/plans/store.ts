/** SQL of solidarity establishments, notification settings and Plan blanc / Plan bleu forms. */
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
      }),

    settingsOf: (establishmentIds: readonly string[]): Promise<NotificationSettingRow[]> =>
      orm.select().from(notificationSettings).where(inArray(notificationSettings.establishmentId, [...establishmentIds])),

    saveSetting: async (row: Omit<NotificationSettingRow, 'updatedAt'>): Promise<NotificationSettingRow> => {
      const [saved] = await orm
        .insert(notificationSettings)
        .values(row)
        .onConflictDoUpdate({ target: notificationSettings.establishmentId, set: { emails: row.emails, enabled: row.enabled, updatedBy: row.updatedBy, updatedAt: sql`now()` } })
        .returning();
      return saved!;
    },

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
        return row;
      }),

    /** The mails of these declarations, oldest first. */
    mailsOf: (tensionIds: readonly string[]): Promise<TensionMailRow[]> =>
      orm.select().from(tensionMailOutbox).where(inArray(tensionMailOutbox.tensionId, [...tensionIds])).orderBy(asc(tensionMailOutbox.id)),
  };
}

export type PlanStore = ReturnType<typeof createPlanStore>;
