/**
 * The place search's criteria (schemas/admissions.graphql `PlaceSearchInput`): validated and
 * normalised once, so that the rest of the search and the cursors' hash see one canonical form.
 * Codes are checked by the offer, against the Discipline values and the national code systems it
 * holds (a search naming an unknown code gets its BAD_USER_INPUT as is).
 */
import { createHash } from 'node:crypto';
import { HubError } from '../../../platform/errors.js';

export const MAX_RADIUS_KM = 200;
export const DEFAULT_RADIUS_KM = 30;
export const MAX_PATIENT_AGE = 130;
/** Page size bounds of `first` (issue 13: a page of places, not a bulk export). */
export const MAX_PLACES_PAGE = 100;
export const DEFAULT_PLACES_PAGE = 20;
/** Codes per list: a search names a few, never a catalogue. */
const MAX_CODES = 50;

export type PatientSex = 'FEMALE' | 'MALE';

export interface PlaceSearchInput {
  near?: { latitude: number; longitude: number; radiusKm: number } | null;
  communeCode?: string | null;
  postalCode?: string | null;
  radiusKm?: number | null;
  disciplines?: string[] | null;
  activityCodes?: string[] | null;
  careModeCodes?: string[] | null;
  equipmentCodes?: string[] | null;
  patientAge?: number | null;
  patientSex?: PatientSex | null;
  freeBedsOnly?: boolean | null;
  maxFiguresAgeMinutes?: number | null;
}

/** Where the search starts: a point, or a commune named by INSEE or postal code (resolved in centre.ts). */
export type Origin = { kind: 'near'; latitude: number; longitude: number } | { kind: 'commune'; code: string } | { kind: 'postal'; code: string };

export interface PlaceCriteria {
  origin: Origin;
  radiusKm: number;
  disciplines: string[];
  activityCodes: string[];
  careModeCodes: string[];
  equipmentCodes: string[];
  patientAge: number | null;
  patientSex: PatientSex | null;
  freeBedsOnly: boolean;
  maxFiguresAgeMinutes: number | null;
}

export function badInput(field: string, message: string, extra: Record<string, unknown> = {}): HubError {
  return new HubError('BAD_USER_INPUT', message, { argumentName: field.split('.')[0], field, ...extra });
}

function radius(value: number, field: string): number {
  if (!Number.isFinite(value) || value <= 0 || value > MAX_RADIUS_KM) throw badInput(field, `\`${field}\` must be greater than 0 and at most ${MAX_RADIUS_KM} km.`);
  return value;
}

/** Sorted, without duplicates: two searches asking the same codes in another order are one search. */
function codes(values: string[] | null | undefined, field: string): string[] {
  const list = [...new Set((values ?? []).map((v) => v.trim()))].sort();
  if (list.length > MAX_CODES) throw badInput(field, `\`${field}\` takes at most ${MAX_CODES} values.`);
  if (list.some((v) => !/^[A-Za-z0-9_.-]{1,40}$/.test(v))) throw badInput(field, `\`${field}\` holds a value that is not a code.`);
  return list;
}

function origin(input: PlaceSearchInput): Origin {
  const given = (['near', 'communeCode', 'postalCode'] as const).filter((k) => input[k] !== null && input[k] !== undefined);
  if (given.length !== 1) {
    throw badInput('criteria', `Give exactly one origin: \`near\`, \`communeCode\` or \`postalCode\` (${given.length ? `got ${given.join(', ')}` : 'got none'}).`);
  }
  if (input.near) {
    const { latitude, longitude } = input.near;
    if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) throw badInput('criteria.near.latitude', '`criteria.near.latitude` must be between -90 and 90.');
    if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) throw badInput('criteria.near.longitude', '`criteria.near.longitude` must be between -180 and 180.');
    return { kind: 'near', latitude, longitude };
  }
  if (input.communeCode !== null && input.communeCode !== undefined) {
    const code = input.communeCode.trim().toUpperCase();
    // INSEE COG: 5 characters, digits except Corsica's 2A/2B.
    if (!/^(\d{5}|2[AB]\d{3})$/.test(code)) throw badInput('criteria.communeCode', '`criteria.communeCode` must be an INSEE commune code (5 characters, e.g. 45234).');
    return { kind: 'commune', code };
  }
  const code = input.postalCode!.trim();
  if (!/^\d{5}$/.test(code)) throw badInput('criteria.postalCode', '`criteria.postalCode` must be 5 digits.');
  return { kind: 'postal', code };
}

export function validateCriteria(input: PlaceSearchInput): PlaceCriteria {
  const from = origin(input);
  if (from.kind === 'near' && input.radiusKm !== null && input.radiusKm !== undefined) {
    throw badInput('criteria.radiusKm', '`criteria.radiusKm` goes with `communeCode` or `postalCode`; with `near`, give `near.radiusKm`.');
  }
  const radiusKm = from.kind === 'near' ? radius(input.near!.radiusKm, 'criteria.near.radiusKm') : radius(input.radiusKm ?? DEFAULT_RADIUS_KM, 'criteria.radiusKm');
  const age = input.patientAge ?? null;
  if (age !== null && (!Number.isInteger(age) || age < 0 || age > MAX_PATIENT_AGE)) throw badInput('criteria.patientAge', `\`criteria.patientAge\` must be an integer between 0 and ${MAX_PATIENT_AGE}.`);
  const maxAge = input.maxFiguresAgeMinutes ?? null;
  if (maxAge !== null && (!Number.isInteger(maxAge) || maxAge < 0)) throw badInput('criteria.maxFiguresAgeMinutes', '`criteria.maxFiguresAgeMinutes` must be a positive integer.');
  return {
    origin: from,
    radiusKm,
    disciplines: codes(input.disciplines, 'criteria.disciplines'),
    activityCodes: codes(input.activityCodes, 'criteria.activityCodes'),
    careModeCodes: codes(input.careModeCodes, 'criteria.careModeCodes'),
    equipmentCodes: codes(input.equipmentCodes, 'criteria.equipmentCodes'),
    patientAge: age,
    patientSex: input.patientSex ?? null,
    freeBedsOnly: Boolean(input.freeBedsOnly),
    maxFiguresAgeMinutes: maxAge,
  };
}

/** A short hash of the normalised criteria: a cursor carries it and is refused with other criteria. */
export function criteriaHash(criteria: PlaceCriteria): string {
  return createHash('sha256').update(JSON.stringify(criteria)).digest('base64url').slice(0, 12);
}

export function placesPageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PLACES_PAGE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PLACES_PAGE) throw badInput('first', `\`first\` must be an integer between 0 and ${MAX_PLACES_PAGE}.`);
  return size;
}
