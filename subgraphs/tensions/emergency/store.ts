/** SQL of the emergency part of the tensions subgraph (tables.ts). */
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Orm } from '../../../platform/db/client.js';
import { alertProposals, emergencyDays, emergencyDepartments, rpuKeys, rpuPassages, type AlertProposalRow, type EmergencyDayRow } from './tables.js';

export type NewPassage = typeof rpuPassages.$inferInsert;
export type NewDay = typeof emergencyDays.$inferInsert;
export type NewProposal = typeof alertProposals.$inferInsert;
export type StoredPassage = Pick<typeof rpuPassages.$inferSelect, 'key' | 'leftAt' | 'ageYears' | 'exitMode' | 'orientation'>;

const CHUNK = 1000;

/** The deduplication hash's key; drawn and stored on first use when `create` (a write), else null if none yet. */
export async function passageSecret(orm: Orm, create: boolean): Promise<string | null> {
  const read = async () => (await orm.select().from(rpuKeys).where(eq(rpuKeys.id, 1)))[0]?.secret ?? null;
  const found = await read();
  if (found || !create) return found;
  await orm.insert(rpuKeys).values({ id: 1, secret: randomBytes(32).toString('hex') }).onConflictDoNothing();
  return read();
}

/** Stored passages among `keys`, by key. */
export async function storedPassages(orm: Orm, keys: readonly string[]): Promise<Map<string, StoredPassage>> {
  const out = new Map<string, StoredPassage>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await orm
      .select({ key: rpuPassages.key, leftAt: rpuPassages.leftAt, ageYears: rpuPassages.ageYears, exitMode: rpuPassages.exitMode, orientation: rpuPassages.orientation })
      .from(rpuPassages)
      .where(inArray(rpuPassages.key, keys.slice(i, i + CHUNK)));
    for (const row of rows) out.set(row.key, row);
  }
  return out;
}

/** Inserts new passages and rewrites re-sent ones whose values changed (the caller passes only those). */
export async function upsertPassages(orm: Orm, rows: readonly NewPassage[], onChunk?: (done: number) => void): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await orm
      .insert(rpuPassages)
      .values(rows.slice(i, i + CHUNK))
      .onConflictDoUpdate({
        target: rpuPassages.key,
        set: {
          leftAt: sql`excluded.left_at`,
          ageYears: sql`excluded.age_years`,
          exitMode: sql`excluded.exit_mode`,
          orientation: sql`excluded.orientation`,
          importedAt: sql`now()`,
        },
      });
    onChunk?.(Math.min(i + CHUNK, rows.length));
  }
}

/**
 * Recomputes the daily indicators of one ED for the days [from, to] that have passages (see
 * docs/emergency.md § Indicators for each definition). Present at 15:00: arrived before 15:00
 * (within 72 h) and left after it, or not left yet and arrived within the previous 24 h.
 */
export async function refreshDays(orm: Orm, establishmentId: string, from: string, to: string): Promise<void> {
  await orm.execute(sql`
    with days as (
      select d::date as day from generate_series(${from}::date, ${to}::date, interval '1 day') d
    ), agg as (
      select p.entered_at::date as day,
             count(*)::int as visits,
             count(*) filter (where p.age_years >= 75)::int as visits_75,
             count(p.exit_mode)::int as exit_mode_filled,
             count(*) filter (where p.exit_mode in ('6', '7'))::int as admitted,
             count(*) filter (where p.exit_mode in ('6', '7') and p.orientation = 'UHCD')::int as admitted_uhcd,
             count(*) filter (where p.exit_mode in ('6', '7') and p.left_at > p.entered_at and p.left_at <= p.entered_at + interval '72 hours')::int as los_count,
             coalesce(round(sum(extract(epoch from p.left_at - p.entered_at) / 60)
               filter (where p.exit_mode in ('6', '7') and p.left_at > p.entered_at and p.left_at <= p.entered_at + interval '72 hours')), 0)::int as los_minutes
      from tensions.rpu_passage p
      where p.establishment_id = ${establishmentId} and p.entered_at >= ${from}::date and p.entered_at < ${to}::date + 1
      group by 1
    ), present as (
      select d.day, count(p.key)::int as n
      from days d
      left join tensions.rpu_passage p
        on p.establishment_id = ${establishmentId}
       and p.entered_at < d.day + time '15:00'
       and p.entered_at >= d.day + time '15:00' - interval '72 hours'
       and (p.left_at > d.day + time '15:00' or (p.left_at is null and p.entered_at > d.day + time '15:00' - interval '24 hours'))
      group by d.day
    )
    insert into tensions.emergency_day
      (establishment_id, day, visits, visits_75, exit_mode_filled, admitted, admitted_uhcd, admitted_los_count, admitted_los_minutes, present_15, source, computed_at)
    select ${establishmentId}, a.day, a.visits, a.visits_75, a.exit_mode_filled, a.admitted, a.admitted_uhcd, a.los_count, a.los_minutes, pr.n, 'RPU', now()
    from agg a join present pr on pr.day = a.day
    on conflict (establishment_id, day) do update set
      visits = excluded.visits, visits_75 = excluded.visits_75, exit_mode_filled = excluded.exit_mode_filled,
      admitted = excluded.admitted, admitted_uhcd = excluded.admitted_uhcd, admitted_los_count = excluded.admitted_los_count,
      admitted_los_minutes = excluded.admitted_los_minutes, present_15 = excluded.present_15, source = 'RPU', computed_at = now()`);
}

export function createEmergencyStore(orm: Orm) {
  return {
    /** Daily rows of one ED in [from, to], oldest first. */
    days: (establishmentId: string, from: string, to: string): Promise<EmergencyDayRow[]> =>
      orm
        .select()
        .from(emergencyDays)
        .where(and(eq(emergencyDays.establishmentId, establishmentId), gte(emergencyDays.day, from), lte(emergencyDays.day, to)))
        .orderBy(asc(emergencyDays.day)),
    /** Daily rows of one ED on the given days. */
    daysAmong: (establishmentId: string, days: readonly string[]): Promise<EmergencyDayRow[]> =>
      days.length === 0 ? Promise.resolve([]) : orm.select().from(emergencyDays).where(and(eq(emergencyDays.establishmentId, establishmentId), inArray(emergencyDays.day, [...days]))),
    /** EDs with indicators on some day of [from, to]. */
    establishmentsBetween: async (from: string, to: string): Promise<string[]> =>
      (await orm.selectDistinct({ id: emergencyDays.establishmentId }).from(emergencyDays).where(and(gte(emergencyDays.day, from), lte(emergencyDays.day, to)))).map((r) => r.id),
    /** EDs with indicators on `day`. */
    establishmentsOn: async (day: string): Promise<string[]> =>
      (await orm.selectDistinct({ id: emergencyDays.establishmentId }).from(emergencyDays).where(eq(emergencyDays.day, day))).map((r) => r.id),
    receptionCapacities: async (ids: readonly string[]): Promise<Map<string, number>> => {
      if (ids.length === 0) return new Map();
      const rows = await orm.select().from(emergencyDepartments).where(inArray(emergencyDepartments.establishmentId, [...ids]));
      return new Map(rows.map((r) => [r.establishmentId, r.receptionCapacity]));
    },
    setReceptionCapacity: (establishmentId: string, capacity: number, actor: string) =>
      orm
        .insert(emergencyDepartments)
        .values({ establishmentId, receptionCapacity: capacity, updatedBy: actor })
        .onConflictDoUpdate({ target: emergencyDepartments.establishmentId, set: { receptionCapacity: capacity, updatedBy: actor, updatedAt: sql`now()` } }),
    proposal: async (id: string): Promise<AlertProposalRow | null> => (await orm.select().from(alertProposals).where(eq(alertProposals.id, id)))[0] ?? null,
    proposals: (filter: { establishmentIds?: readonly string[]; status?: string; from?: string; to?: string }): Promise<AlertProposalRow[]> =>
      orm
        .select()
        .from(alertProposals)
        .where(
          and(
            filter.establishmentIds ? inArray(alertProposals.establishmentId, [...filter.establishmentIds]) : undefined,
            filter.status ? eq(alertProposals.status, filter.status) : undefined,
            filter.from ? gte(alertProposals.day, filter.from) : undefined,
            filter.to ? lte(alertProposals.day, filter.to) : undefined,
          ),
        )
        .orderBy(desc(alertProposals.day), asc(alertProposals.establishmentId), asc(alertProposals.indicator))
        .limit(1000),
    /** Moves a PROPOSED proposal to `status`; null when it was no longer PROPOSED (someone decided first). */
    decide: async (id: string, status: string, actor: string): Promise<AlertProposalRow | null> =>
      (
        await orm
          .update(alertProposals)
          .set({ status, decidedAt: sql`now()`, decidedBy: actor })
          .where(and(eq(alertProposals.id, id), eq(alertProposals.status, 'PROPOSED')))
          .returning()
      )[0] ?? null,
  };
}

export type EmergencyStore = ReturnType<typeof createEmergencyStore>;
