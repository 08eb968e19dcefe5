/**
 * `Query.availableBedsByDay` (schemas/capacities.territory.graphql, @inaccessible): the available
 * beds of a set of units at the end of each day (Europe/Paris) of a range, summed, from the
 * capacity history this subgraph keeps. For the tensions subgraph, which shows them beside an
 * ED's RPU series (docs/emergency.md); the system identity only.
 */
import { and, asc, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.js';
import type { Identity } from '../../platform/auth/identity.js';
import { HubError } from '../../platform/errors.js';
import { addDays, parseDay } from './closures.js';
import { capacityHistory } from './tables.js';

const MAX_DAYS = 400;
const MAX_UNITS = 1000;

/** The instant a Paris calendar day starts (its offset is that of the day's noon: DST never changes at midnight). */
export function parisStart(day: string): Date {
  const noon = new Date(`${day}T12:00:00Z`);
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'shortOffset' }).formatToParts(noon).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d+)/.exec(name);
  const offsetHours = match ? (match[1] === '-' ? -1 : 1) * Number(match[2]) : 0;
  return new Date(Date.parse(`${day}T00:00:00Z`) - offsetHours * 3_600_000);
}

export interface BedDay {
  day: string;
  /** Null when none of the units had a record by the end of that day. */
  availableBeds: number | null;
}

interface Point {
  unitId: string;
  at: Date;
  available: number;
}

/** Walks the days, applying each point before the day's end: pure, for the test of the rule. */
export function bedsByDay(baseline: readonly Point[], points: readonly Point[], from: string, to: string): BedDay[] {
  const state = new Map(baseline.map((p) => [p.unitId, p.available]));
  const days: BedDay[] = [];
  let i = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const end = parisStart(addDays(day, 1)).getTime();
    while (i < points.length && points[i]!.at.getTime() < end) {
      state.set(points[i]!.unitId, points[i]!.available);
      i++;
    }
    days.push({ day, availableBeds: state.size ? [...state.values()].reduce((a, b) => a + b, 0) : null });
  }
  return days;
}

const available = sql<number>`coalesce((${capacityHistory.record}->>'availableBeds')::int, 0)`;

export function createBedDays(orm: Orm, identity: Identity) {
  return async (unitIds: readonly string[], from: string, to: string): Promise<BedDay[]> => {
    if (identity.kind !== 'system') throw new HubError('FORBIDDEN', "This field answers the hub's own components only.");
    parseDay(from, 'from');
    parseDay(to, 'to');
    if (to < from || addDays(from, MAX_DAYS - 1) < to) throw new HubError('BAD_USER_INPUT', `to must be on or after from, at most ${MAX_DAYS} days later.`, { field: 'to' });
    if (unitIds.length > MAX_UNITS) throw new HubError('BAD_USER_INPUT', `unitIds takes at most ${MAX_UNITS} ids.`, { field: 'unitIds' });
    if (unitIds.length === 0) return bedsByDay([], [], from, to);
    const start = parisStart(from);
    const ids = [...unitIds];
    const baseline = (await orm
      .selectDistinctOn([capacityHistory.unitId], { unitId: capacityHistory.unitId, at: capacityHistory.at, available })
      .from(capacityHistory)
      .where(and(inArray(capacityHistory.unitId, ids), lt(capacityHistory.at, start)))
      .orderBy(capacityHistory.unitId, sql`${capacityHistory.at} desc`, sql`${capacityHistory.id} desc`)) as Point[];
    const points = (await orm
      .select({ unitId: capacityHistory.unitId, at: capacityHistory.at, available })
      .from(capacityHistory)
      .where(and(inArray(capacityHistory.unitId, ids), gte(capacityHistory.at, start), lt(capacityHistory.at, parisStart(addDays(to, 1)))))
      .orderBy(asc(capacityHistory.at), asc(capacityHistory.id))) as Point[];
    return bedsByDay(baseline, points, from, to);
  };
}

export type BedDays = ReturnType<typeof createBedDays>;
