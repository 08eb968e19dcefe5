/**
 * Synthetic RPU passages for the demo region's emergency departments, sized from the SAE 2021 ED
 * visit counts (urg_gen_passages + urg_ped_passages) and deterministic (one seed per ED and day, so
 * any window of days gives the same passages). Shapes: winter and summer peaks by ISO week, busy
 * Mondays, an hour-of-day arrival curve, an age mix with about 18 % aged 75+, admission after the
 * ED about 20 % (more for the elderly), log-normal lengths of stay. No real patient.
 */
import { SAE_FILE } from '../region/constants.js';
import { count, readCsv } from '../region/csv.js';
import { rngFor, type Rng } from '../region/rng.js';
import { ageInYears, formatRpuDate, isoWeekOf } from '../../../subgraphs/tensions/emergency/dates.js';

export interface EmergencyDepartment {
  finess: string;
  /** ED passages per year (SAE 2021). */
  annualVisits: number;
  /** Share admitted after the ED (SAE passages followed by hospitalisation), bounded to [10 %, 35 %]. */
  admissionRate: number;
  paediatricOnly: boolean;
}

export interface SyntheticPassage {
  enteredAt: Date;
  /** Null while the patient is still in the ED at generation time. */
  leftAt: Date | null;
  age: number;
  /** JJ/MM/AAAA, consistent with `age` at entry (the XML generator writes it; the seed hashes it). */
  birth: string;
  sex: 'M' | 'F';
  exitMode: '6' | '7' | '8' | '9' | null;
  orientation: string | null;
  severity: string;
  transport: string;
}

/** The demo region's EDs: every SAE row with ED passages. */
export function demoEmergencyDepartments(): EmergencyDepartment[] {
  return readCsv(SAE_FILE)
    .map((row) => {
      const gen = count(row, 'urg_gen_passages');
      const ped = count(row, 'urg_ped_passages');
      const admitted = count(row, 'urg_gen_passages_suivis_hospit') + count(row, 'urg_ped_passages_suivis_hospit');
      const visits = gen + ped;
      const rate = visits > 0 && admitted > 0 ? admitted / visits : 0.2;
      return { finess: row.nofinesset!, annualVisits: visits, admissionRate: Math.min(0.35, Math.max(0.1, rate)), paediatricOnly: gen === 0 && ped > 0 };
    })
    .filter((ed) => ed.annualVisits > 0);
}

/** Relative arrivals per hour of the day (night trough, late-morning and early-evening peaks). */
const HOURLY = [2.2, 1.7, 1.4, 1.2, 1.1, 1.2, 1.8, 3.0, 5.0, 6.4, 6.8, 6.6, 6.0, 5.9, 6.0, 6.0, 5.9, 5.8, 5.9, 5.7, 4.9, 4.1, 3.4, 2.8];
const HOURLY_SUM = HOURLY.reduce((a, b) => a + b, 0);
/** Relative visits per weekday, Monday first. */
const WEEKDAY = [1.12, 1.0, 0.97, 0.96, 0.99, 0.97, 0.99];

function gaussian(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

/** Winter epidemics around week 2, a smaller summer peak around week 30. */
export function seasonality(week: number): number {
  return 1 + 0.08 * Math.cos((2 * Math.PI * (week - 2)) / 52) + 0.05 * Math.exp(-(((week - 30) / 4) ** 2));
}

function hourOf(rng: Rng): number {
  let x = rng.next() * HOURLY_SUM;
  for (let h = 0; h < 24; h++) {
    x -= HOURLY[h]!;
    if (x < 0) return h;
  }
  return 23;
}

function ageOf(rng: Rng, ed: EmergencyDepartment): number {
  if (ed.paediatricOnly) return rng.int(0, 17);
  const x = rng.next();
  if (x < 0.2) return rng.int(0, 15);
  if (x < 0.5) return rng.int(16, 44);
  if (x < 0.82) return rng.int(45, 74);
  return Math.min(104, 75 + Math.floor(-Math.log(1 - rng.next()) * 9));
}

/** The passages entered at ED `ed` on `day` (YYYY-MM-DD), as known at `now` (later exits unknown). */
export function passagesOf(ed: EmergencyDepartment, day: string, now: Date): SyntheticPassage[] {
  const rng = rngFor(`rpu:${ed.finess}:${day}`);
  const at = new Date(`${day}T00:00:00Z`);
  const lambda = (ed.annualVisits / 365) * seasonality(isoWeekOf(day).week) * WEEKDAY[(at.getUTCDay() + 6) % 7]!;
  const n = Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(rng)));
  const out: SyntheticPassage[] = [];
  // `now` is a Paris wall clock here, like the passages.
  for (let i = 0; i < n; i++) {
    const enteredAt = new Date(at.getTime() + (hourOf(rng) * 60 + rng.int(0, 59)) * 60_000);
    const drawn = ageOf(rng, ed);
    const anniversary = new Date(Date.UTC(enteredAt.getUTCFullYear() - drawn, enteredAt.getUTCMonth(), Math.min(enteredAt.getUTCDate(), 28)));
    const birthDate = new Date(anniversary.getTime() - rng.int(0, 364) * 86_400_000);
    const birth = formatRpuDate(birthDate);
    const age = ageInYears(birthDate, enteredAt); // the age the import will derive from NAISSANCE
    const ageFactor = age >= 75 ? 2.2 : age < 16 ? 0.45 : 0.8;
    const admitted = rng.next() < Math.min(0.9, ed.admissionRate * ageFactor);
    const died = !admitted && rng.next() < 0.001;
    const medianMinutes = admitted ? (age >= 75 ? 330 : 270) : 160;
    const los = Math.max(10, Math.min(72 * 60, Math.round(medianMinutes * Math.exp(0.55 * gaussian(rng)))));
    const leftAt = new Date(enteredAt.getTime() + los * 60_000);
    const severity = admitted ? rng.pick(['2', '3', '3', '4']) : rng.pick(['1', '1', '2', '2', '2', 'P']);
    const transport = admitted ? rng.pick(['AMBU', 'VSAB', 'PERSO', 'SMUR']) : rng.pick(['PERSO', 'PERSO', 'PERSO', 'VSAB']);
    const exitMode = admitted ? (rng.next() < 0.9 ? '6' : '7') : died ? '9' : '8';
    const orientation = admitted ? (rng.next() < 0.25 ? 'UHCD' : rng.pick(['MED', 'MED', 'MED', 'CHIR', 'SC'])) : null;
    const missingExit = rng.next() < 0.03; // some software leaves MODE_SORTIE empty
    const stillIn = leftAt > now;
    out.push({
      enteredAt,
      leftAt: stillIn ? null : leftAt,
      age,
      birth,
      sex: rng.next() < 0.5 ? 'M' : 'F',
      exitMode: stillIn || missingExit ? null : exitMode,
      orientation: stillIn || missingExit ? null : orientation,
      severity,
      transport,
    });
  }
  return out.filter((p) => p.enteredAt <= now);
}

/** Mean LOS multiplier of the log-normal (σ = 0.55): exp(σ²/2). */
const LOG_NORMAL_MEAN = Math.exp(0.55 ** 2 / 2);

function binomial(rng: Rng, n: number, p: number): number {
  if (n <= 0) return 0;
  return Math.max(0, Math.min(n, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * gaussian(rng))));
}

/**
 * One history day's figures drawn directly (normal approximations of the passage model above,
 * Little's law for the 15:00 presence), without simulating its passages: fast enough to seed
 * years of history at first start.
 */
export function historyDayOf(ed: EmergencyDepartment, day: string) {
  const rng = rngFor(`rpu-history:${ed.finess}:${day}`);
  const at = new Date(`${day}T00:00:00Z`);
  const lambda = (ed.annualVisits / 365) * seasonality(isoWeekOf(day).week) * WEEKDAY[(at.getUTCDay() + 6) % 7]!;
  const visits = Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(rng)));
  const old = ed.paediatricOnly ? 0 : 0.18;
  const filled = visits - binomial(rng, visits, 0.03);
  const rate = Math.min(0.9, ed.admissionRate * (ed.paediatricOnly ? 0.45 : old * 2.2 + 0.62 * 0.8 + 0.2 * 0.45));
  const admitted = binomial(rng, filled, rate);
  const meanAdmittedLos = (ed.paediatricOnly ? 270 : 285) * LOG_NORMAL_MEAN;
  const meanLosHours = ((1 - rate) * 160 + rate * meanAdmittedLos / LOG_NORMAL_MEAN) * LOG_NORMAL_MEAN / 60;
  const arrivalsPerHourAt15 = (lambda * (HOURLY[12]! + HOURLY[13]! + HOURLY[14]!)) / 3 / HOURLY_SUM;
  const present = arrivalsPerHourAt15 * meanLosHours;
  return {
    visits,
    visits75: binomial(rng, visits, old),
    exitModeFilled: filled,
    admitted,
    admittedUhcd: binomial(rng, admitted, 0.25),
    admittedLosCount: admitted,
    admittedLosMinutes: Math.round(admitted * meanAdmittedLos * (1 + 0.06 * gaussian(rng))),
    present15: Math.max(0, Math.round(present + Math.sqrt(present) * gaussian(rng))),
  };
}
