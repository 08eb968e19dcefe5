/**
 * BJML (besoin journalier minimal en lits): for an ISO week, the 25th percentile of the daily
 * post-ED admissions (MODE_SORTIE 6 + 7) on the days of the same ISO week of the previous
 * `years` years, with their mean and 75th percentile (docs/emergency.md § BJML).
 */
import { isoWeekDays } from './dates.js';
import { mean, percentile } from './stats.js';
import type { EmergencyDayRow } from './tables.js';

/** Below this share of passages with MODE_SORTIE filled, admissions are undercounted: no BJML. */
export const MIN_EXIT_MODE_FILLED = 0.8;
/** Above this share of history days without passages, the history is too patchy: no BJML. */
export const MAX_MISSING_DAYS = 0.2;

export type BjmlQuality = 'OK' | 'NO_HISTORY' | 'MISSING_DAYS' | 'EXIT_MODE_UNFILLED';

export interface Bjml {
  year: number;
  week: number;
  years: number;
  /** Days of that ISO week in the history window, and how many had passages. */
  expectedDays: number;
  observedDays: number;
  exitModeFilledRate: number | null;
  quality: BjmlQuality;
  /** Null unless quality is OK. */
  bjml: number | null;
  mean: number | null;
  p75: number | null;
}

/** The history days of week `week`: that ISO week in each of the `years` years before `year`. */
export function historyDays(year: number, week: number, years: number): string[] {
  return Array.from({ length: years }, (_, i) => isoWeekDays(year - 1 - i, week)).flat();
}

export function computeBjml(year: number, week: number, years: number, rows: readonly EmergencyDayRow[]): Bjml {
  const expected = historyDays(year, week, years);
  const wanted = new Set(expected);
  const observed = rows.filter((r) => wanted.has(r.day) && r.visits > 0);
  const visits = observed.reduce((a, r) => a + r.visits, 0);
  const filled = observed.reduce((a, r) => a + r.exitModeFilled, 0);
  const filledRate = visits > 0 ? filled / visits : null;
  const base = { year, week, years, expectedDays: expected.length, observedDays: observed.length, exitModeFilledRate: filledRate };
  let quality: BjmlQuality = 'OK';
  if (observed.length === 0) quality = 'NO_HISTORY';
  else if (expected.length - observed.length > MAX_MISSING_DAYS * expected.length) quality = 'MISSING_DAYS';
  else if (filledRate !== null && filledRate < MIN_EXIT_MODE_FILLED) quality = 'EXIT_MODE_UNFILLED';
  if (quality !== 'OK') return { ...base, quality, bjml: null, mean: null, p75: null };
  const admissions = observed.map((r) => r.admitted);
  return { ...base, quality, bjml: percentile(admissions, 0.25), mean: mean(admissions), p75: percentile(admissions, 0.75) };
}
