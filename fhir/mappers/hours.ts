/**
 * Opening hours (GraphQL `TimeSlot`s) as HealthcareService.availableTime, shaped as in the IG
 * example HealthcareService-1234564: one element per day, carrying the day number
 * (ror-available-time-number-days-of-week, which the IG prefers to daysOfWeek, 1 = Monday) and
 * the hours type TRE_R252 01 "Horaire d'ouverture"; daysOfWeek is kept for plain R4 clients.
 */
import { CODINGS, EXTENSIONS, concept } from '../codes.js';
import type { GqlDayOfWeek, GqlTimeSlot } from '../queries.js';
import type { AvailableTime, DayOfWeekCode, Extension } from '../types.js';

const DAYS: readonly GqlDayOfWeek[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

/** "HH:MM" (GraphQL) → "HH:MM:SS" (FHIR time). */
function fhirTime(value: string): string {
  if (!/^\d{2}:\d{2}$/.test(value)) throw new Error(`Not an HH:MM time: ${JSON.stringify(value)}`);
  return `${value}:00`;
}

/** ror-available-time-effective-opening-closing-date, when the slot has dates in force. */
function effectiveDates(slot: GqlTimeSlot): Extension[] {
  if (!slot.effectiveFrom && !slot.effectiveUntil) return [];
  const valuePeriod = { ...(slot.effectiveFrom ? { start: slot.effectiveFrom } : {}), ...(slot.effectiveUntil ? { end: slot.effectiveUntil } : {}) };
  return [{ url: EXTENSIONS.availableTimeEffectiveOpeningClosingDate, valuePeriod }];
}

function dayTime(day: GqlDayOfWeek, slot: GqlTimeSlot): AvailableTime {
  const time: AvailableTime = {
    extension: [
      { url: EXTENSIONS.availableTimeNumberDaysOfWeek, valueInteger: DAYS.indexOf(day) + 1 },
      ...effectiveDates(slot),
      { url: EXTENSIONS.availableTimeTypeOfTime, valueCodeableConcept: concept(CODINGS.openingHours) },
    ],
    daysOfWeek: [day.toLowerCase() as DayOfWeekCode],
  };
  if (slot.allDay) time.allDay = true;
  if (!slot.allDay && slot.opens) time.availableStartTime = fhirTime(slot.opens);
  if (!slot.allDay && slot.closes) time.availableEndTime = fhirTime(slot.closes);
  return time;
}

/** Every slot, one element per day, Monday first. */
export function availableTimes(slots: readonly GqlTimeSlot[]): AvailableTime[] {
  return slots
    .flatMap((slot) => slot.days.map((day) => ({ day, slot })))
    .sort((a, b) => DAYS.indexOf(a.day) - DAYS.indexOf(b.day))
    .map(({ day, slot }) => dayTime(day, slot));
}
