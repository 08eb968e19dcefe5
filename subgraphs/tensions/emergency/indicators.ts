/** The five daily indicators of an ED from its emergency_day row (docs/emergency.md § Indicators). */
import type { EmergencyDayRow } from './tables.js';

/** Reception capacity used when the ED has declared none (setEmergencyReceptionCapacity). */
export const DEFAULT_RECEPTION_CAPACITY = 20;

export const INDICATORS = ['VISITS', 'VISITS_75', 'ADMITTED_LOS', 'ADMISSION_RATE', 'PRESENT_15'] as const;
export type Indicator = (typeof INDICATORS)[number];

export interface DailyIndicators {
  day: string;
  visits: number;
  visits75: number;
  /** Mean minutes in the ED of admitted patients (stays of ]0, 72 h]); null when none. */
  admittedMeanLos: number | null;
  /** (MODE_SORTIE 6 + 7) ÷ passages with MODE_SORTIE filled; UHCD stays count as admissions. */
  admissionRate: number | null;
  admitted: number;
  admittedUhcd: number;
  /** Share of passages with MODE_SORTIE filled (data quality). */
  exitModeFilledRate: number | null;
  present15: number;
  receptionCapacity: number;
  /** present15 ÷ receptionCapacity. */
  load15: number;
  /** RPU (from passages) or HISTORY (aggregated history without passages). */
  source: string;
}

export function dailyIndicators(row: EmergencyDayRow, receptionCapacity: number): DailyIndicators {
  return {
    day: row.day,
    visits: row.visits,
    visits75: row.visits75,
    admittedMeanLos: row.admittedLosCount > 0 ? row.admittedLosMinutes / row.admittedLosCount : null,
    admissionRate: row.exitModeFilled > 0 ? row.admitted / row.exitModeFilled : null,
    admitted: row.admitted,
    admittedUhcd: row.admittedUhcd,
    exitModeFilledRate: row.visits > 0 ? row.exitModeFilled / row.visits : null,
    present15: row.present15,
    receptionCapacity,
    load15: row.present15 / receptionCapacity,
    source: row.source,
  };
}

/** The value of one indicator on a day (null when undefined that day). */
export function valueOf(day: DailyIndicators, indicator: Indicator): number | null {
  switch (indicator) {
    case 'VISITS':
      return day.visits;
    case 'VISITS_75':
      return day.visits75;
    case 'ADMITTED_LOS':
      return day.admittedMeanLos;
    case 'ADMISSION_RATE':
      return day.admissionRate;
    case 'PRESENT_15':
      return day.present15;
  }
}
