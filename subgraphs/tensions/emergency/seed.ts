/**
 * Writes demo emergency data (scripts/demo/rpu/seed.ts builds it): recent passages, older days as
 * HISTORY aggregates, and reception capacities; once, when the emergency tables are empty.
 */
import { count, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.js';
import { insertInChunks } from '../../../platform/db/bulk.js';
import { passageKey } from './import.js';
import { passageSecret, refreshDays, type NewDay } from './store.js';
import { emergencyDays, emergencyDepartments } from './tables.js';

export interface EmergencySeedPassage {
  establishmentId: string;
  /** FINESS|ENTREE|NAISSANCE|SEXE (validate.ts passageIdentity), hashed here like an import does. */
  identity: string;
  enteredAt: Date;
  leftAt: Date | null;
  ageYears: number;
  exitMode: string | null;
  orientation: string | null;
}

export interface EmergencySeed {
  history: NewDay[];
  passages: EmergencySeedPassage[];
  /** First and last day of the passages, per ED, to compute their days from them. */
  passageDays: { from: string; to: string };
  capacities: Array<{ establishmentId: string; receptionCapacity: number }>;
}

export async function isEmergencyEmpty(db: Database): Promise<boolean> {
  const [row] = await db.orm.select({ n: count() }).from(emergencyDays);
  return (row?.n ?? 0) === 0;
}

export async function seedEmergency(db: Database, seed: EmergencySeed): Promise<boolean> {
  if (!(await isEmergencyEmpty(db))) return false;
  await db.orm.transaction(async (tx) => {
    const secret = (await passageSecret(tx, true))!;
    // One JSON parameter per 10,000 days: far faster on PGlite than multi-row VALUES (about 5x).
    for (let i = 0; i < seed.history.length; i += 10_000) {
      const chunk = seed.history.slice(i, i + 10_000).map((d) => [d.establishmentId, d.day, d.visits, d.visits75, d.exitModeFilled, d.admitted, d.admittedUhcd, d.admittedLosCount, d.admittedLosMinutes, d.present15, d.source]);
      await tx.execute(sql`
        insert into tensions.emergency_day (establishment_id, day, visits, visits_75, exit_mode_filled, admitted, admitted_uhcd, admitted_los_count, admitted_los_minutes, present_15, source)
        select r->>0, (r->>1)::date, (r->>2)::int, (r->>3)::int, (r->>4)::int, (r->>5)::int, (r->>6)::int, (r->>7)::int, (r->>8)::int, (r->>9)::int, r->>10
        from json_array_elements(${JSON.stringify(chunk)}::json) r`);
    }
    for (let i = 0; i < seed.passages.length; i += 10_000) {
      const chunk = seed.passages.slice(i, i + 10_000).map((p) => [passageKey(secret, p.identity), p.establishmentId, p.enteredAt.toISOString(), p.leftAt?.toISOString() ?? null, p.ageYears, p.exitMode, p.orientation]);
      // ISO strings end in Z: read as UTC fields, i.e. the wall clock the Dates carry (dates.ts).
      await tx.execute(sql`
        insert into tensions.rpu_passage (key, establishment_id, entered_at, left_at, age_years, exit_mode, orientation)
        select r->>0, r->>1, (r->>2)::timestamptz at time zone 'UTC', (r->>3)::timestamptz at time zone 'UTC', (r->>4)::smallint, r->>5, r->>6
        from json_array_elements(${JSON.stringify(chunk)}::json) r`);
    }
    for (const id of new Set(seed.passages.map((p) => p.establishmentId))) await refreshDays(tx, id, seed.passageDays.from, seed.passageDays.to);
    await insertInChunks(tx, emergencyDepartments, seed.capacities.map((c) => ({ ...c, updatedBy: 'demo' })));
  });
  return true;
}
