/**
 * Rules of the offer's descriptive fields the IG's ror-healthcareservice carries beyond the
 * activity (issue 17): intervention zones, temporary closure, the entry form used, dates of the
 * hours. Codes of national systems are checked in unit-input.ts (assertCodes); here are the
 * values whose form the hub checks itself.
 */
import { departmentName, regionName } from '../../../platform/admin-divisions.js';
import { badInput } from './rules.js';

/** TRE_R201 types the hub records: région (1), département (2), commune (3). */
const ZONE_TYPES = ['1', '2', '3'] as const;
export type ZoneType = (typeof ZONE_TYPES)[number];

export interface InterventionZoneInput {
  typeCode: string;
  code: string;
}

/** A commune's INSEE code: its département (2 characters, 3 overseas) and the commune's number. */
function communeDepartment(code: string): string | null {
  if (!/^(\d{5}|2[AB]\d{3})$/.test(code)) return null;
  return code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
}

/** Whether `code` names a division of `type` the hub knows (communes: a valid form in a known département). */
function knownZone(type: ZoneType, code: string): boolean {
  if (type === '1') return regionName(code) !== null;
  if (type === '2') return departmentName(code) !== null;
  const department = communeDepartment(code);
  return department !== null && departmentName(department) !== null;
}

/**
 * Intervention zones as stored (`<type>:<code>`), deduplicated in the order given. Territoires de
 * santé, countries and defence zones (TRE_R201 4–6) are refused: the hub holds no list to check them.
 */
export function interventionZonesOf(raw: readonly InterventionZoneInput[]): string[] {
  const zones = raw.map((zone, i) => {
    const field = `interventionZones[${i}]`;
    const type = zone.typeCode.trim();
    const code = zone.code.trim().toUpperCase();
    if (!(ZONE_TYPES as readonly string[]).includes(type)) {
      throw badInput(`${field}.typeCode`, `"${type}" is not a division type the hub records (TRE_R201 1 région, 2 département, 3 commune).`);
    }
    if (!knownZone(type as ZoneType, code)) throw badInput(`${field}.code`, `"${code}" is not a known ${type === '1' ? 'région' : type === '2' ? 'département' : 'commune'} code (INSEE COG).`);
    return `${type}:${code}`;
  });
  return [...new Set(zones)];
}

/** A stored zone back as its type and code. */
export function zoneParts(zone: string): { typeCode: string; code: string } {
  const [typeCode = '', code = ''] = zone.split(':');
  return { typeCode, code };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date YYYY-MM-DD that exists (2026-02-30 does not), or null for null/blank. */
export function dayOf(field: string, raw: string | null | undefined): string | null {
  const value = raw?.trim() ?? '';
  if (!value) return null;
  const match = DAY.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw badInput(field, `"${value}" is not a date YYYY-MM-DD.`);
  return value;
}

/** A period of dates: the end, when given, not before the start; an end needs a start. */
export function periodOf(fields: [string, string], from: string | null | undefined, until: string | null | undefined): [string | null, string | null] {
  const start = dayOf(fields[0], from);
  const end = dayOf(fields[1], until);
  if (end !== null && start === null) throw badInput(fields[0], `${fields[1]} needs ${fields[0]}.`);
  if (start !== null && end !== null && end < start) throw badInput(fields[1], `${fields[1]} (${end}) is before ${fields[0]} (${start}).`);
  return [start, end];
}

/** The IG's ror-questionnaire-version-required: a canonical URL of a Questionnaire with its version, `url|version`. */
const CANONICAL = /^https?:\/\/[^\s|]+\/Questionnaire\/[A-Za-z0-9\-.]{1,64}\|[^\s|]{1,64}$/;

export function entryTemplateOf(raw: string | null | undefined): string | null {
  const value = raw?.trim() ?? '';
  if (!value) return null;
  if (value.length > 500 || !CANONICAL.test(value)) {
    throw badInput('entryTemplate', `"${value}" is not the canonical URL of a Questionnaire with its version (https://…/Questionnaire/<id>|<version>).`);
  }
  return value;
}
