/**
 * Planned closures (seasonal, works, staff) and the forecast capacity they give: installed beds
 * minus the beds planned closed on each day. Dates are calendar days (ISO, Europe/Paris).
 */
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.js';
import { HubError } from '../../platform/errors.js';
import { MAX_BEDS, NOTES_MAX } from './rules.js';
import { plannedClosures, type PlannedClosureRow } from './tables.js';

export const CLOSURE_REASONS = ['SEASONAL', 'WORKS', 'STAFF', 'OTHER'] as const;
export const MAX_FORECAST_DAYS = 92;

export interface ClosureInput {
  startDate: string;
  endDate: string;
  beds: number;
  reason: string;
  notes?: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A valid calendar day as `YYYY-MM-DD`, or BAD_USER_INPUT naming `field`. */
export function parseDay(value: string, field: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!ISO_DATE.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new HubError('BAD_USER_INPUT', `${field} must be a calendar date YYYY-MM-DD, got "${value}".`, { field });
  }
  return value;
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Today in Europe/Paris (the region's calendar), as YYYY-MM-DD. */
export function parisDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Refuses a closure that cannot hold; `installed` is the unit's installed beds (null: no record yet). */
export function checkClosure(input: ClosureInput, installed: number | null): void {
  parseDay(input.startDate, 'startDate');
  parseDay(input.endDate, 'endDate');
  if (input.startDate > input.endDate) throw new HubError('BAD_USER_INPUT', 'endDate must be on or after startDate.', { field: 'endDate' });
  if (!Number.isInteger(input.beds) || input.beds <= 0 || input.beds > MAX_BEDS) {
    throw new HubError('BAD_USER_INPUT', `beds must be an integer from 1 to ${MAX_BEDS}, got ${input.beds}.`, { field: 'beds' });
  }
  if (installed !== null && input.beds > installed) {
    throw new HubError('BAD_USER_INPUT', `beds (${input.beds}) cannot exceed the unit's installed beds (${installed}).`, { field: 'beds' });
  }
  if (!(CLOSURE_REASONS as readonly string[]).includes(input.reason)) throw new HubError('BAD_USER_INPUT', `reason must be one of ${CLOSURE_REASONS.join(', ')}.`, { field: 'reason' });
  if ((input.notes?.length ?? 0) > NOTES_MAX) throw new HubError('BAD_USER_INPUT', `notes must be at most ${NOTES_MAX} characters.`, { field: 'notes' });
}

export function createClosureStore(orm: Orm) {
  return {
    /** Closures of these units ending on `today` or later, by start date. */
    upcoming: (unitIds: readonly string[], today: string): Promise<PlannedClosureRow[]> =>
      orm
        .select()
        .from(plannedClosures)
        .where(and(inArray(plannedClosures.unitId, [...unitIds]), gte(plannedClosures.endDate, today)))
        .orderBy(asc(plannedClosures.startDate), asc(plannedClosures.createdAt)),
    overlapping: (unitId: string, from: string, to: string): Promise<PlannedClosureRow[]> =>
      orm
        .select()
        .from(plannedClosures)
        .where(and(eq(plannedClosures.unitId, unitId), lte(plannedClosures.startDate, to), gte(plannedClosures.endDate, from))),
    byId: async (id: string): Promise<PlannedClosureRow | null> => {
      const [row] = await orm.select().from(plannedClosures).where(eq(plannedClosures.id, id));
      return row ?? null;
    },
    insert: async (row: typeof plannedClosures.$inferInsert): Promise<PlannedClosureRow> => {
      const [created] = await orm.insert(plannedClosures).values(row).returning();
      return created!;
    },
    remove: async (id: string): Promise<boolean> => (await orm.delete(plannedClosures).where(eq(plannedClosures.id, id)).returning({ id: plannedClosures.id })).length > 0,
  };
}

export type ClosureStore = ReturnType<typeof createClosureStore>;

export interface ForecastDay {
  date: string;
  installedBeds: number;
  plannedClosedBeds: number;
  forecastBeds: number;
}

/** Forecast of each day of [from, to]: planned closed beds are capped at the installed beds. */
export function forecast(installed: number, closures: readonly PlannedClosureRow[], from: string, to: string): ForecastDay[] {
  const days: ForecastDay[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const planned = Math.min(installed, closures.filter((c) => c.startDate <= day && c.endDate >= day).reduce((s, c) => s + c.beds, 0));
    days.push({ date: day, installedBeds: installed, plannedClosedBeds: planned, forecastBeds: installed - planned });
  }
  return days;
}
