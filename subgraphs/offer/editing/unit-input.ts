/**
 * From the GraphQL unit inputs to column values: every value checked (rules.ts) and every code
 * checked against the terminology (terminology/validate.ts), before anything is written.
 */
import { assertCodes } from '../terminology/validate.js';
import { FIELD_BINDINGS } from '../terminology/bindings.js';
import type { UnitContactRow, UnitRow } from '../tables.js';
import {
  badInput,
  emailOf,
  nameOf,
  ownAddressOf,
  psychiatricSectorsOf,
  phoneOf,
  agesOf,
  requireCompatible,
  sseCapacityOf,
  textOf,
  timeSlotsOf,
  ufCodeOf,
  urlOf,
  type AddressInput,
  type TimeSlotInput,
} from './rules.js';
import type { ContactValues, UnitChanges } from './store.js';
import { dayOf, entryTemplateOf, interventionZonesOf, periodOf, type InterventionZoneInput } from './characteristics.js';

export interface UnitContactInput {
  natureCode: string;
  role?: string | null;
  channelCode: string;
  value: string;
  confidentialityCode: string;
}

/** The fields UnitInput and UnitUpdate share (UnitUpdate: all optional, null clears). */
export interface UnitFieldsInput {
  name?: string | null;
  ufCode?: string | null;
  poleId?: string | null;
  sseCapacity?: number | null;
  activityFieldCode?: string | null;
  careModeCode?: string | null;
  operationalActivityCodes?: string[] | null;
  patientAgeMin?: number | null;
  patientAgeMax?: number | null;
  specificActCodes?: string[] | null;
  equipmentCodes?: string[] | null;
  psychiatricSectors?: string[] | null;
  categoryCode?: string | null;
  maternityTypeCode?: string | null;
  annualOpeningCode?: string | null;
  patientTypeCodes?: string[] | null;
  interventionZones?: InterventionZoneInput[] | null;
  closedFrom?: string | null;
  reopeningOn?: string | null;
  closureDescription?: string | null;
  entryTemplate?: string | null;
  contacts?: UnitContactInput[] | null;
  sensitive?: boolean | null;
  openingHours?: TimeSlotInput[] | null;
  visitingHours?: TimeSlotInput[] | null;
  accessDetails?: string | null;
  ownAddress?: AddressInput | null;
}

export interface UnitInput extends UnitFieldsInput {
  name: string;
  ufCode: string;
  kind: string;
  discipline: string;
  activityFieldCode: string;
  careModeCode: string;
  operationalActivityCodes: string[];
}

/** TRE_R200 channels whose value has a format we can check. */
const PHONE_CHANNELS = ['1', '2', '6', '8'];
const EMAIL_CHANNELS = ['3', '9'];
const URL_CHANNELS = ['4'];

export function contactsOf(raw: readonly UnitContactInput[], keep: readonly UnitContactRow[] = []): ContactValues[] {
  return raw.map((c, i) => {
    const field = `contacts[${i}]`;
    assertCodes(`${field}.natureCode`, 'contactNature', c.natureCode, { keep: keep.map((k) => k.natureCode) });
    assertCodes(`${field}.channelCode`, 'channel', c.channelCode, { keep: keep.map((k) => k.channelCode) });
    assertCodes(`${field}.confidentialityCode`, 'confidentiality', c.confidentialityCode, { keep: keep.map((k) => k.confidentialityCode) });
    const valueField = `${field}.value`;
    const value = PHONE_CHANNELS.includes(c.channelCode)
      ? phoneOf(valueField, c.value)
      : EMAIL_CHANNELS.includes(c.channelCode)
        ? emailOf(valueField, c.value)
        : URL_CHANNELS.includes(c.channelCode)
          ? urlOf(valueField, c.value)
          : textOf(valueField, c.value, 300);
    if (!value) throw badInput(valueField, 'a contact needs a value.');
    return { natureCode: c.natureCode, role: textOf(`${field}.role`, c.role, 200), channelCode: c.channelCode, value, confidentialityCode: c.confidentialityCode };
  });
}

const given = <K extends keyof UnitFieldsInput>(input: UnitFieldsInput, key: K): boolean => input[key] !== undefined;

/**
 * The column values an input sets: only the fields present (all of them for a creation). Codes
 * already on the record (`current`) pass even if deprecated since; new ones must be current.
 */
export function unitChangesOf(input: UnitFieldsInput, current: UnitRow | null, currentContacts: readonly UnitContactRow[] = []): { changes: UnitChanges; contacts: ContactValues[] | null } {
  const changes: UnitChanges = {};
  const keep = <T>(pick: (u: UnitRow) => T) => (current ? [pick(current)].flat() as string[] : []);
  if (given(input, 'name')) changes.name = nameOf('name', input.name ?? '', true);
  if (given(input, 'ufCode')) changes.ufCode = ufCodeOf(input.ufCode ?? '');
  if (given(input, 'poleId')) changes.poleId = input.poleId?.trim() || null;
  if (given(input, 'sseCapacity')) changes.sseCapacity = sseCapacityOf(input.sseCapacity);
  if (given(input, 'activityFieldCode')) {
    if (!input.activityFieldCode) throw badInput('activityFieldCode', 'the field of activity is mandatory.');
    assertCodes('activityFieldCode', 'activityField', input.activityFieldCode, { keep: keep((u) => u.activityFieldCode) });
    changes.activityFieldCode = input.activityFieldCode;
  }
  if (given(input, 'careModeCode')) {
    if (!input.careModeCode) throw badInput('careModeCode', 'the care mode is mandatory.');
    assertCodes('careModeCode', 'careMode', input.careModeCode, { keep: keep((u) => u.careModeCode) });
    changes.careModeCode = input.careModeCode;
  }
  if (given(input, 'operationalActivityCodes')) {
    const codes = [...new Set(input.operationalActivityCodes ?? [])];
    if (!codes.length) throw badInput('operationalActivityCodes', 'at least one operational activity is mandatory.');
    assertCodes('operationalActivityCodes', 'operationalActivity', codes, { keep: keep((u) => u.operationalActivityCodes) });
    changes.operationalActivityCodes = codes;
  }
  // Both bounds are checked together, a given one against the stored other.
  const age = (key: 'patientAgeMin' | 'patientAgeMax'): number | null => (given(input, key) ? (input[key] ?? null) : (current?.[key] ?? null));
  if (given(input, 'patientAgeMin') || given(input, 'patientAgeMax') || !current) Object.assign(changes, agesOf(age('patientAgeMin'), age('patientAgeMax')));
  if (given(input, 'specificActCodes')) {
    const codes = [...new Set(input.specificActCodes ?? [])];
    assertCodes('specificActCodes', 'specificAct', codes, { keep: keep((u) => u.specificActCodes) });
    changes.specificActCodes = codes;
  }
  if (given(input, 'equipmentCodes')) {
    const codes = [...new Set(input.equipmentCodes ?? [])];
    assertCodes('equipmentCodes', 'equipment', codes, { keep: keep((u) => u.equipmentCodes) });
    changes.equipmentCodes = codes;
  }
  if (given(input, 'psychiatricSectors')) changes.psychiatricSectors = psychiatricSectorsOf(input.psychiatricSectors ?? []);
  Object.assign(changes, characteristicChangesOf(input, current));
  if (given(input, 'sensitive')) changes.sensitive = input.sensitive ?? false;
  if (given(input, 'openingHours')) changes.openingHours = timeSlotsOf('openingHours', input.openingHours ?? []);
  if (given(input, 'visitingHours')) changes.visitingHours = timeSlotsOf('visitingHours', input.visitingHours ?? []);
  if (given(input, 'accessDetails')) changes.accessDetails = textOf('accessDetails', input.accessDetails);
  if (given(input, 'ownAddress')) Object.assign(changes, ownAddressOf(input.ownAddress ?? null));
  return { changes, contacts: given(input, 'contacts') ? contactsOf(input.contacts ?? [], currentContacts) : null };
}

/** One optional code of a national system, checked; null or blank clears it. */
function optionalCode(input: UnitFieldsInput, field: 'categoryCode' | 'maternityTypeCode' | 'annualOpeningCode', system: Parameters<typeof assertCodes>[1], current: UnitRow | null): string | null {
  const code = input[field]?.trim() || null;
  assertCodes(field, system, code, { keep: current?.[field] ? [current[field]] : [], binding: FIELD_BINDINGS[field] });
  return code;
}

/** The closure as a whole, with the stored parts the input leaves unchanged; clearing the start clears it all. */
function closureOf(input: UnitFieldsInput, current: UnitRow | null): Pick<UnitChanges, 'closedFrom' | 'reopeningOn' | 'closureDescription'> {
  const pick = <K extends 'closedFrom' | 'reopeningOn' | 'closureDescription'>(key: K) => (given(input, key) ? input[key] : current?.[key]);
  const start = dayOf('closedFrom', pick('closedFrom'));
  if (start === null && !given(input, 'reopeningOn') && !given(input, 'closureDescription')) return { closedFrom: null, reopeningOn: null, closureDescription: null };
  const [closedFrom, reopeningOn] = periodOf(['closedFrom', 'reopeningOn'], start, pick('reopeningOn'));
  const closureDescription = textOf('closureDescription', pick('closureDescription'), 500);
  if (closedFrom === null && closureDescription !== null) throw badInput('closedFrom', 'closureDescription needs closedFrom.');
  return { closedFrom, reopeningOn, closureDescription };
}

/**
 * The offer's description beyond its activity (issue 17): category, characteristics, patient
 * types, intervention zones, closure and entry form. The closure is checked as a whole, with the
 * stored bound the input leaves unchanged.
 */
function characteristicChangesOf(input: UnitFieldsInput, current: UnitRow | null): UnitChanges {
  const changes: UnitChanges = {};
  if (given(input, 'categoryCode')) changes.categoryCode = optionalCode(input, 'categoryCode', 'organisationCategory', current);
  if (given(input, 'maternityTypeCode')) changes.maternityTypeCode = optionalCode(input, 'maternityTypeCode', 'maternityType', current);
  if (given(input, 'annualOpeningCode')) changes.annualOpeningCode = optionalCode(input, 'annualOpeningCode', 'annualOpening', current);
  if (given(input, 'patientTypeCodes')) {
    const codes = [...new Set(input.patientTypeCodes ?? [])];
    assertCodes('patientTypeCodes', 'patientType', codes, { keep: current?.patientTypeCodes ?? [] });
    changes.patientTypeCodes = codes;
  }
  if (given(input, 'interventionZones')) changes.interventionZones = interventionZonesOf(input.interventionZones ?? []);
  if (given(input, 'closedFrom') || given(input, 'reopeningOn') || given(input, 'closureDescription')) Object.assign(changes, closureOf(input, current));
  if (given(input, 'entryTemplate')) changes.entryTemplate = entryTemplateOf(input.entryTemplate);
  return changes;
}

/** A creation: every mandatory field, type and discipline compatible. */
export function newUnitOf(input: UnitInput): { changes: UnitChanges & { kind: string; discipline: string }; contacts: ContactValues[] } {
  requireCompatible(input.kind, input.discipline);
  const { changes, contacts } = unitChangesOf({ ...input, specificActCodes: input.specificActCodes ?? [], equipmentCodes: input.equipmentCodes ?? [], contacts: input.contacts ?? [] }, null);
  return { changes: { ...changes, kind: input.kind, discipline: input.discipline }, contacts: contacts ?? [] };
}

/** The unit's own fields as audited (contacts included, timestamps left out). */
export function auditedUnit(row: UnitRow, contacts: readonly ContactValues[]): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, id: _id, ...fields } = row;
  return { ...fields, contacts: contacts.map(({ natureCode, role, channelCode, value, confidentialityCode }) => ({ natureCode, role, channelCode, value, confidentialityCode })) };
}
