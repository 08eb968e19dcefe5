/**
 * Semantic checks of what editors send (GraphQL already checked the types): each value
 * normalised, or a BAD_USER_INPUT error naming the field (`extensions.field`). No database here.
 */
import { NO_ADDRESS_PARTS, STREET_TYPES, type AddressParts } from '../finess/address.js';
import { HubError } from '../../../platform/errors.js';
import type { DayOfWeek, TimeSlot } from '../tables.js';
import { periodOf } from './characteristics.js';

export function badInput(field: string, message: string, extensions: Record<string, unknown> = {}): HubError {
  return new HubError('BAD_USER_INPUT', `\`${field}\`: ${message}`, { field, ...extensions });
}

export const UNIT_KINDS = ['MCO', 'SMR', 'PSYCHIATRY', 'MEDICO_TECHNICAL', 'ELDERLY', 'DISABLED', 'HAD'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * The disciplines each unit type may have: the one table of allowed (kind, discipline) pairs.
 * MCO covers long stay (USLD) and the ED short-stay units (model.md); units without beds of their
 * own (medico-technical) take the discipline they serve; elderly and disabled units are long stay
 * (and SMR for the disabled). Every pair of the demo region is in it.
 */
export const DISCIPLINES_OF_KIND: Readonly<Record<UnitKind, readonly string[]>> = {
  MCO: ['MEDICINE', 'SURGERY', 'OBSTETRICS', 'PAEDIATRICS', 'ADULT_ICU', 'PAEDIATRIC_ICU', 'INTENSIVE_CARE', 'CONTINUOUS_CARE', 'LONG_STAY', 'ED_SHORT_STAY', 'BURNS'],
  SMR: ['SMR'],
  PSYCHIATRY: ['PSYCHIATRY'],
  MEDICO_TECHNICAL: ['MEDICINE', 'SURGERY', 'OBSTETRICS', 'PAEDIATRICS'],
  ELDERLY: ['LONG_STAY'],
  DISABLED: ['LONG_STAY', 'SMR'],
  HAD: ['HAD'],
};

export function requireCompatible(kind: string, discipline: string, field = 'discipline'): void {
  const allowed = DISCIPLINES_OF_KIND[kind as UnitKind] ?? [];
  if (!allowed.includes(discipline)) {
    throw badInput(field, `discipline ${discipline} does not suit unit type ${kind}; allowed: ${allowed.join(', ')}.`, { allowed });
  }
}

const NAME_MAX = 200;

/** Trimmed, single-spaced, non-empty; unit names in capitals (model.md: "name (capitals…)"). */
export function nameOf(field: string, raw: string, capitals: boolean): string {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (!name) throw badInput(field, 'a name cannot be empty.');
  if (name.length > NAME_MAX) throw badInput(field, `at most ${NAME_MAX} characters.`);
  return capitals ? name.toLocaleUpperCase('fr-FR') : name;
}

/** UF code as in the hospital's patient administration system: 1 to 10 letters or digits. */
export function ufCodeOf(raw: string, field = 'ufCode'): string {
  const code = raw.trim().toUpperCase();
  if (!/^[0-9A-Z]{1,10}$/.test(code)) throw badInput(field, `"${raw}" is not a UF code (1 to 10 letters or digits).`);
  return code;
}

export const SSE_CAPACITY_MAX = 10_000;

export function sseCapacityOf(raw: number | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  // The capacities subgraph's MAX_BEDS: a synthesis sums remainingToMobilise (≤ SSE capacity) over every unit in a 32-bit Int.
  if (!Number.isInteger(raw) || raw < 0 || raw > SSE_CAPACITY_MAX) throw badInput('sseCapacity', `the SSE capacity is a number of beds, from 0 to ${SSE_CAPACITY_MAX}.`);
  return raw;
}

/**
 * The patientèle's conventional open ends (D197): a unit taking patients from birth
 * records 0, one with no upper age records AGE_CEILING (the IG's example writes 150 so). Both
 * bounds are mandatory, as the ROR's entry asks and its FHIR profile needs (ageRange low and high).
 */
export const AGE_FLOOR = 0;
export const AGE_CEILING = 150;

/** The patient age range a unit will have: both bounds, in years, min ≤ max. */
export function agesOf(min: number | null, max: number | null): { patientAgeMin: number; patientAgeMax: number } {
  const checked = (field: 'patientAgeMin' | 'patientAgeMax', age: number | null, open: string): number => {
    if (age === null) throw badInput(field, `the patient age ${field === 'patientAgeMin' ? 'minimum' : 'maximum'} is mandatory (${open}).`);
    if (!Number.isInteger(age) || age < AGE_FLOOR || age > AGE_CEILING) throw badInput(field, `an age in years, from ${AGE_FLOOR} to ${AGE_CEILING}.`);
    return age;
  };
  const patientAgeMin = checked('patientAgeMin', min, `${AGE_FLOOR} when the unit takes patients from birth`);
  const patientAgeMax = checked('patientAgeMax', max, `${AGE_CEILING} when the unit sets no upper age`);
  if (patientAgeMin > patientAgeMax) throw badInput('patientAgeMax', `the maximum age (${patientAgeMax}) is below the minimum (${patientAgeMin}).`);
  return { patientAgeMin, patientAgeMax };
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface TimeSlotInput {
  days: string[];
  allDay: boolean;
  opens?: string | null;
  closes?: string | null;
  effectiveFrom?: string | null;
  effectiveUntil?: string | null;
}

/** The slot's dates in force, only when given (rows without them stay as they were). */
function effectiveDates(where: string, slot: TimeSlotInput): Pick<TimeSlot, 'effectiveFrom' | 'effectiveUntil'> {
  const [from, until] = periodOf([`${where}.effectiveFrom`, `${where}.effectiveUntil`], slot.effectiveFrom, slot.effectiveUntil);
  return { ...(from !== null ? { effectiveFrom: from } : {}), ...(until !== null ? { effectiveUntil: until } : {}) };
}

/** Days deduplicated in week order; `allDay`, or HH:MM opens before closes. */
export function timeSlotsOf(field: string, slots: readonly TimeSlotInput[]): TimeSlot[] {
  const week: DayOfWeek[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  return slots.map((slot, i) => {
    const where = `${field}[${i}]`;
    const days = week.filter((d) => slot.days.map((x) => x.toLowerCase()).includes(d));
    if (!days.length) throw badInput(`${where}.days`, 'a time slot needs at least one day.');
    const dates = effectiveDates(where, slot);
    if (slot.allDay) return { days, allDay: true, opens: null, closes: null, ...dates };
    const opens = slot.opens?.trim() ?? '';
    const closes = slot.closes?.trim() ?? '';
    if (!HH_MM.test(opens)) throw badInput(`${where}.opens`, `"${opens}" is not a time HH:MM (or set allDay).`);
    if (!HH_MM.test(closes)) throw badInput(`${where}.closes`, `"${closes}" is not a time HH:MM (or set allDay).`);
    if (opens >= closes) throw badInput(`${where}.closes`, `closes (${closes}) must be after opens (${opens}).`);
    return { days, allDay: false, opens, closes, ...dates };
  });
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;
/** French or international numbers: digits, spaces, dots, hyphens, a leading +; 2 (short numbers such as 15) to 20 digits. */
const PHONE = /^\+?[0-9 .()-]{2,25}$/;

/** Null for null or blank (clears the field); the trimmed address otherwise. */
export function emailOf(field: string, raw: string | null | undefined): string | null {
  const value = raw?.trim() ?? '';
  if (!value) return null;
  if (value.length > 254 || !EMAIL.test(value)) throw badInput(field, `"${value}" is not an e-mail address.`);
  return value;
}

export function phoneOf(field: string, raw: string | null | undefined): string | null {
  const value = raw?.trim() ?? '';
  if (!value) return null;
  const digits = value.replace(/\D/g, '').length;
  if (!PHONE.test(value) || digits < 2 || digits > 20) throw badInput(field, `"${value}" is not a phone number.`);
  return value;
}

export function urlOf(field: string, raw: string | null | undefined): string | null {
  const value = raw?.trim() ?? '';
  if (!value) return null;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    /* reported below */
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || !url.hostname.includes('.')) throw badInput(field, `"${value}" is not a web address (http or https).`);
  return value;
}

/** Free text: trimmed, null when blank, bounded. */
export function textOf(field: string, raw: string | null | undefined, max = 2000): string | null {
  const value = raw?.trim() ?? '';
  if (!value) return null;
  if (value.length > max) throw badInput(field, `at most ${max} characters.`);
  return value;
}

/** RG_RECH_10: département (2 characters, 3 overseas) + G (general adult) or I (intersector) + 2 digits. */
const PSYCHIATRIC_SECTOR = /^(\d{2}|2[AB]|97\d)[GI]\d{2}$/;

/** Psychiatric sector codes, upper-cased and deduplicated, in the form RG_RECH_10 gives. */
export function psychiatricSectorsOf(raw: readonly string[]): string[] {
  const sectors = [...new Set(raw.map((s) => s.trim().toUpperCase()))];
  const bad = sectors.find((s) => !PSYCHIATRIC_SECTOR.test(s));
  if (bad !== undefined) throw badInput('psychiatricSectors', `"${bad}" is not a psychiatric sector code (département + G or I + 2 digits, e.g. 45G03).`);
  return sectors;
}

export interface AddressInput {
  line: string;
  houseNumber?: string | null;
  houseNumberSuffix?: string | null;
  streetType?: string | null;
  streetName?: string | null;
  namedPlace?: string | null;
  postBox?: string | null;
  postalCode: string;
  city: string;
  inseeCode?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

export interface OwnAddress extends AddressParts {
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  inseeCode: string | null;
  latitude: number | null;
  longitude: number | null;
}

export const NO_ADDRESS: OwnAddress = { addressLine: null, ...NO_ADDRESS_PARTS, postalCode: null, city: null, inseeCode: null, latitude: null, longitude: null };

/**
 * The optional parts of an address line, checked as FINESS writes them: a number of 1 to 4
 * digits, a one-letter or B/T/Q suffix, a TRE_R35 street type code.
 */
function addressPartsOf(raw: AddressInput): AddressParts {
  const houseNumber = textOf('ownAddress.houseNumber', raw.houseNumber, 10);
  if (houseNumber !== null && !/^\d{1,4}$/.test(houseNumber)) throw badInput('ownAddress.houseNumber', `"${houseNumber}" is not a street number (1 to 4 digits).`);
  const houseNumberSuffix = textOf('ownAddress.houseNumberSuffix', raw.houseNumberSuffix, 10)?.toUpperCase() ?? null;
  if (houseNumberSuffix !== null && !/^[A-Z]$/.test(houseNumberSuffix)) throw badInput('ownAddress.houseNumberSuffix', `"${houseNumberSuffix}" is not a repetition index (one letter: B bis, T ter, Q quater…).`);
  if (houseNumberSuffix !== null && houseNumber === null) throw badInput('ownAddress.houseNumberSuffix', 'a repetition index needs its street number.');
  const streetType = textOf('ownAddress.streetType', raw.streetType, 10)?.toUpperCase() ?? null;
  if (streetType !== null && !Object.hasOwn(STREET_TYPES, streetType)) throw badInput('ownAddress.streetType', `"${streetType}" is not a street type code of TRE_R35 (R, AV, BD, RTE…).`);
  return {
    houseNumber,
    houseNumberSuffix,
    streetType,
    streetName: textOf('ownAddress.streetName', raw.streetName, 200),
    namedPlace: textOf('ownAddress.namedPlace', raw.namedPlace, 200),
    postBox: textOf('ownAddress.postBox', raw.postBox, 50),
  };
}

/** A unit's own address; null clears it (the unit is then at its establishment's address). */
export function ownAddressOf(raw: AddressInput | null): OwnAddress {
  if (!raw) return NO_ADDRESS;
  const line = textOf('ownAddress.line', raw.line, 300);
  const city = textOf('ownAddress.city', raw.city, 100);
  if (!line) throw badInput('ownAddress.line', 'an address needs its street line.');
  if (!city) throw badInput('ownAddress.city', 'an address needs its city.');
  const postalCode = raw.postalCode.trim();
  if (!/^\d{5}$/.test(postalCode)) throw badInput('ownAddress.postalCode', `"${raw.postalCode}" is not a postal code (5 digits).`);
  const insee = raw.inseeCode?.trim() || null;
  if (insee !== null && !/^\d[0-9AB]\d{3}$/.test(insee)) throw badInput('ownAddress.inseeCode', `"${insee}" is not an INSEE commune code.`);
  const lat = raw.latitude ?? null;
  const lon = raw.longitude ?? null;
  if ((lat === null) !== (lon === null)) throw badInput('ownAddress.latitude', 'give both latitude and longitude, or neither.');
  if (lat !== null && (lat < -90 || lat > 90)) throw badInput('ownAddress.latitude', 'from -90 to 90.');
  if (lon !== null && (lon < -180 || lon > 180)) throw badInput('ownAddress.longitude', 'from -180 to 180.');
  return { addressLine: line, ...addressPartsOf(raw), postalCode, city, inseeCode: insee, latitude: lat, longitude: lon };
}
