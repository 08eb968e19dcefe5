/** Input checks of the crisis protocol's writes: clear BAD_USER_INPUT naming the field, before anything is written. */
import { HubError } from '../../../platform/errors.js';
import { FIELD_INDICATORS, RESOURCE_KINDS } from './codes.js';
import type { CptsRow } from './tables.js';

export const bad = (field: string, message: string) => new HubError('BAD_USER_INPUT', message, { field });

/** A record id of this part (a bigserial): digits only. */
export function recordId(raw: string, field = 'id'): number {
  if (!/^\d{1,15}$/.test(raw)) throw bad(field, `${field} must be the id of a record (digits), not "${raw.slice(0, 40)}".`);
  return Number(raw);
}

/** Optional free text: trimmed, null when empty, at most `max` characters. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  const text = value?.trim() ?? '';
  if (text.length > max) throw bad(field, `${field} holds at most ${max} characters (${text.length} given).`);
  return text || null;
}

export function requiredText(value: string, field: string, max: number): string {
  const text = optionalText(value, field, max);
  if (!text) throw bad(field, `${field} must not be empty.`);
  return text;
}

export function intBetween(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw bad(field, `${field} must be a whole number from ${min} to ${max}.`);
  return value;
}

/** A commune of the CPTS's own territory (INSEE code), or none. */
export function communeOf(row: CptsRow, code: string | null | undefined, field: string): string | null {
  if (code === null || code === undefined) return null;
  if (!row.communes.some((c) => c.code === code)) {
    throw bad(field, `Commune ${code.slice(0, 10)} is not in the territory of ${row.name} (${row.communes.map((c) => c.code).join(', ')}).`);
  }
  return code;
}

export function resourceKind(kind: string): (typeof RESOURCE_KINDS)[number] {
  const found = RESOURCE_KINDS.find((k) => k === kind);
  if (!found) throw bad('input.kind', `Unknown resource kind ${kind}.`);
  return found;
}

export function fieldIndicator(code: string): keyof typeof FIELD_INDICATORS {
  if (!Object.hasOwn(FIELD_INDICATORS, code)) throw bad('input.indicator', `Unknown field indicator ${code}.`);
  return code as keyof typeof FIELD_INDICATORS;
}
