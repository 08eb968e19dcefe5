/**
 * The demo's emergency data, one seed step called from scripts/demo/seed.ts: the last
 * PASSAGE_DAYS days as passages (so imports, the 15:00 presence and re-sends work on real rows),
 * and the HISTORY_DAYS before them as daily aggregates drawn directly (generate.ts historyDayOf):
 * 3 years of passages would be about 2.4 million rows, far too slow for a first start on PGlite,
 * and the BJML and the detection reference only need the daily figures.
 */
import type { Database } from '../../../platform/db/client.js';
import { addDays, dayOf, formatRpuDateTime, parisWallClock } from '../../../subgraphs/tensions/emergency/dates.js';
import type { NewDay } from '../../../subgraphs/tensions/emergency/store.js';
import { passageIdentity } from '../../../subgraphs/tensions/emergency/validate.js';
import { seedEmergency, isEmergencyEmpty, type EmergencySeedPassage } from '../../../subgraphs/tensions/emergency/seed.js';
import { demoEmergencyDepartments, historyDayOf, passagesOf } from './generate.js';

/** Days (today included) seeded as passages. */
export const PASSAGE_DAYS = 7;
/** Days before them seeded as aggregates: 3 years and a week, for ROR_BJML_YEARS up to 3. */
export const HISTORY_DAYS = 3 * 366 + 7;

export interface DemoEmergencyOptions {
  passageDays?: number;
  historyDays?: number;
}

/** Seeds the demo emergency data when the tables are empty; true when written. */
export async function seedDemoEmergency(db: Database, now = new Date(), options: DemoEmergencyOptions = {}): Promise<boolean> {
  if (!(await isEmergencyEmpty(db))) return false;
  const clock = parisWallClock(now);
  const today = dayOf(clock);
  const passageDays = options.passageDays ?? PASSAGE_DAYS;
  const firstPassageDay = addDays(today, 1 - passageDays);
  const firstDay = addDays(firstPassageDay, -(options.historyDays ?? HISTORY_DAYS));
  const history: NewDay[] = [];
  const passages: EmergencySeedPassage[] = [];
  const capacities = [];
  for (const ed of demoEmergencyDepartments()) {
    for (let day = firstDay; day < firstPassageDay; day = addDays(day, 1)) history.push({ establishmentId: ed.finess, day, ...historyDayOf(ed, day), source: 'HISTORY' });
    // The day before the passages too, so the first day's 15:00 presence sees the night's patients.
    for (let day = addDays(firstPassageDay, -1); day <= today; day = addDays(day, 1)) {
      for (const p of passagesOf(ed, day, clock)) {
        passages.push({
          establishmentId: ed.finess,
          identity: passageIdentity(ed.finess, formatRpuDateTime(p.enteredAt), p.birth, p.sex),
          enteredAt: p.enteredAt,
          leftAt: p.leftAt,
          ageYears: p.age,
          exitMode: p.exitMode,
          orientation: p.orientation,
        });
      }
    }
    // About one place per 6 daily visits, at least 8: a plausible order of magnitude.
    capacities.push({ establishmentId: ed.finess, receptionCapacity: Math.max(8, Math.round(ed.annualVisits / 365 / 6)) });
  }
  return seedEmergency(db, { history, passages, passageDays: { from: firstPassageDay, to: today }, capacities });
}
