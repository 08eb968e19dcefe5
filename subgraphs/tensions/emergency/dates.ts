/**
 * RPU dates are Europe/Paris wall-clock times without a zone (JJ/MM/AAAA, JJ/MM/AAAA hh:mm[:ss]).
 * They are kept as wall clock: a Date whose UTC fields are the local fields, stored in a
 * `timestamp without time zone`, so a day is the calendar day the ED worked (see docs/emergency.md).
 */

const DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const DATE_TIME = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})(?::(\d{2}))?$/;

function build(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const at = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return at.getUTCMonth() === mo - 1 && at.getUTCDate() === d ? at : null; // rejects 31/02
}

/** JJ/MM/AAAA → wall-clock midnight, or null when malformed or not a calendar date. */
export function parseRpuDate(text: string): Date | null {
  const m = DATE.exec(text);
  return m ? build(Number(m[3]), Number(m[2]), Number(m[1])) : null;
}

/** JJ/MM/AAAA hh:mm (seconds tolerated) → wall clock, or null. */
export function parseRpuDateTime(text: string): Date | null {
  const m = DATE_TIME.exec(text);
  return m ? build(Number(m[3]), Number(m[2]), Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)) : null;
}

/** Whole years between a birth date and an entry (both wall clock). */
export function ageInYears(birth: Date, at: Date): number {
  let age = at.getUTCFullYear() - birth.getUTCFullYear();
  const before = at.getUTCMonth() < birth.getUTCMonth() || (at.getUTCMonth() === birth.getUTCMonth() && at.getUTCDate() < birth.getUTCDate());
  if (before) age -= 1;
  return age;
}

/** YYYY-MM-DD of a wall-clock Date. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

/** YYYY-MM-DD plus `n` days. */
export function addDays(day: string, n: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + n);
  return dayOf(at);
}

/** Today's date in Europe/Paris (YYYY-MM-DD). */
export function parisToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** ISO 8601 week of a YYYY-MM-DD day: { year, week }. */
export function isoWeekOf(day: string): { year: number; week: number } {
  const at = new Date(`${day}T00:00:00Z`);
  const weekday = (at.getUTCDay() + 6) % 7; // Monday 0
  at.setUTCDate(at.getUTCDate() - weekday + 3); // the Thursday of that week decides the year
  const year = at.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  return { year, week: 1 + Math.round((at.getTime() - firstThursday.getTime()) / (7 * 86_400_000)) };
}

/** The seven days (Monday first) of ISO week `week` of `year`; empty when that year has no such week (53). */
export function isoWeekDays(year: number, week: number): string[] {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (week - 1) * 7 * 86_400_000);
  const first = dayOf(monday);
  const check = isoWeekOf(first);
  if (check.year !== year || check.week !== week) return [];
  return Array.from({ length: 7 }, (_, i) => addDays(first, i));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Wall clock → JJ/MM/AAAA. */
export const formatRpuDate = (at: Date): string => `${pad(at.getUTCDate())}/${pad(at.getUTCMonth() + 1)}/${at.getUTCFullYear()}`;

/** Wall clock → JJ/MM/AAAA hh:mm. */
export const formatRpuDateTime = (at: Date): string => `${formatRpuDate(at)} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;

/** The Europe/Paris wall clock of an instant, as a Date whose UTC fields are the local ones. */
export function parisWallClock(at: Date): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return new Date(Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!));
}
