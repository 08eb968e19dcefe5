/**
 * Tension detection for one day (docs/emergency.md § Detection): each ED's five indicators against
 * its own reference (mean and SD of the previous 365 days), and its available medicine + surgery
 * beds against the week's BJML. Each signal becomes an alert proposal, once per ED, day and indicator.
 */
import { randomUUID } from 'node:crypto';
import { appendChanges } from '../../../platform/changes/append.js';
import type { Database } from '../../../platform/db/client.js';
import { alertProposals, type AlertProposalRow } from './tables.js';
import { createEmergencyStore } from './store.js';
import { addDays, isoWeekDays, isoWeekOf, parisToday } from './dates.js';
import { computeBjml, historyDays } from './bjml.js';
import { dailyIndicators, INDICATORS, valueOf, DEFAULT_RECEPTION_CAPACITY } from './indicators.js';
import { mean, standardDeviation } from './stats.js';

/** Days in the reference window, and the fewest with passages for a reference to be used. */
export const REFERENCE_DAYS = 365;
export const MIN_REFERENCE_DAYS = 28;
/**
 * A proposal is raised from mean + 1 SD, as the "mean + 1/2/3 SD" asks, with its band:
 * 1 "attention", 2 "vigilance", 3 "alerte" (RESURAL's k = 2 / 3); readers sort on the band.
 */
export const MIN_PROPOSAL_BAND = 1;

export interface DetectionOptions {
  /** Years of history of the BJML (ROR_BJML_YEARS). */
  bjmlYears: number;
  /** Available medicine + surgery beds now; null when unknown. */
  availableBeds: (establishmentId: string) => Promise<number | null>;
  actor: string;
  scheduled: boolean;
  now?: Date;
}

export interface DetectionResult {
  day: string;
  establishments: number;
  created: AlertProposalRow[];
}

type Signal = Omit<typeof alertProposals.$inferInsert, 'id' | 'status' | 'scheduled' | 'establishmentId' | 'day'>;

/** The band (1–3) of `value` against mean + k·SD, or 0. */
export function bandOf(value: number, m: number, sd: number): number {
  if (sd <= 0) return 0;
  for (const k of [3, 2, 1]) if (value > m + k * sd) return k;
  return 0;
}

export async function detectTensions(db: Database, day: string, options: DetectionOptions): Promise<DetectionResult> {
  const store = createEmergencyStore(db.orm);
  const ids = await store.establishmentsOn(day);
  const { year, week } = isoWeekOf(day);
  // Beds are a present-time figure: compared with the BJML only for today or yesterday.
  const today = parisToday(options.now);
  const bedsApply = day >= addDays(today, -1) && day <= today;
  const proposals: Array<typeof alertProposals.$inferInsert> = [];
  for (const id of ids) {
    const rows = await store.days(id, addDays(day, -REFERENCE_DAYS), day);
    const current = rows.find((r) => r.day === day);
    if (!current) continue;
    const signals: Signal[] = [];
    const reference = rows.filter((r) => r.day < day && r.visits > 0).map((r) => dailyIndicators(r, DEFAULT_RECEPTION_CAPACITY));
    const now = dailyIndicators(current, DEFAULT_RECEPTION_CAPACITY);
    if (reference.length >= MIN_REFERENCE_DAYS) {
      for (const indicator of INDICATORS) {
        const value = valueOf(now, indicator);
        const values = reference.map((r) => valueOf(r, indicator)).filter((v): v is number => v !== null);
        const m = mean(values);
        const sd = standardDeviation(values);
        if (value === null || m === null || sd === null) continue;
        const band = bandOf(value, m, sd);
        if (band >= MIN_PROPOSAL_BAND) signals.push({ indicator, value, threshold: m + band * sd, referenceMean: m, referenceSd: sd, band });
      }
    }
    if (bedsApply && isoWeekDays(year, week).length > 0) {
      const bjml = computeBjml(year, week, options.bjmlYears, await store.daysAmong(id, historyDays(year, week, options.bjmlYears)));
      const beds = bjml.bjml === null ? null : await options.availableBeds(id);
      if (bjml.bjml !== null && beds !== null && beds < bjml.bjml) {
        signals.push({ indicator: 'BEDS_BELOW_BJML', value: beds, threshold: bjml.bjml, referenceMean: bjml.mean, referenceSd: null, band: null });
      }
    }
    for (const s of signals) proposals.push({ ...s, id: randomUUID(), establishmentId: id, day, status: 'PROPOSED', scheduled: options.scheduled });
  }
  const created = proposals.length === 0 ? [] : await db.orm.transaction(async (tx) => {
    const rows = await tx.insert(alertProposals).values(proposals).onConflictDoNothing().returning();
    // Last in the transaction: the feed's lock is held only until commit.
    await appendChanges(
      tx,
      rows.map((r) => ({
        topic: 'tension',
        recordType: 'ALERT_PROPOSAL',
        recordId: r.id,
        action: 'CREATE',
        payload: { establishmentId: r.establishmentId, day: r.day, indicator: r.indicator, value: r.value, threshold: r.threshold, band: r.band, status: r.status },
        actor: options.actor,
      })),
    );
    return rows;
  });
  return { day, establishments: ids.length, created };
}
