/**
 * Validation of what callers send about a record: each value normalised, or a BAD_USER_INPUT
 * error naming the argument. No database access here; uniqueness is checked by the services.
 */
import { HubError } from '../../platform/errors.js';
import { EXERCISE_MODE_CODES, isExerciseModeCode, isProfessionCode, isSpecialtyCode } from './codes.js';
import { contactFieldsOf } from './contact-input.js';
import { isFinessNumber, nationalNumberOf, parseAdeli, parseRpps, validEmail, validLogin, validName } from './normalize.js';
import type { RecordFields } from './record-writer.js';

export type SexValue = 'F' | 'M';

export interface RecordInput {
  lastName?: string | null;
  firstName?: string | null;
  sex?: SexValue | null;
  professionCode?: string | null;
  specialtyCode?: string | null;
  rppsNumber?: string | null;
  adeliNumber?: string | null;
  establishmentIds?: string[] | null;
  unitIds?: string[] | null;
  exerciseModes?: ExerciseModeInput[] | null;
  jobTitle?: string | null;
  workEmail?: string | null;
  workPhone?: string | null;
  mssanteAddress?: string | null;
}

/** How the person works in one of their units (TRE_R23), given with the placement. */
export interface ExerciseModeInput {
  unitId: string;
  exerciseModeCode: string;
}

export interface CreateInput extends RecordInput {
  lastName: string;
  firstName: string;
  account?: { login: string; rescueEmail: string } | null;
}

export interface UpdateInput extends RecordInput {
  accountEnabled?: boolean | null;
}

/** A unit assignment with the establishment its unit belongs to (stored: a transferred unit keeps its id). */
export interface UnitPlacement {
  unitId: string;
  establishmentId: string;
  /** TRE_R23 code, or null when not known. */
  exerciseModeCode: string | null;
  /** TRE_R30 region of the unit's establishment, as the offer gives it (null on rows older than migration 0010). */
  regionCode: string | null;
}

/** Where a professional works, as stored. */
export interface Placement {
  establishmentIds: string[];
  units: UnitPlacement[];
}

/** Where a caller asks a professional to work; the units are checked against the offer (placement.ts). */
export interface PlacementDraft {
  establishmentIds: string[];
  unitIds: string[];
  /** The exercise modes given, by unit id (units not listed keep theirs, or have none). */
  exerciseModes: Map<string, string>;
}

export interface CreateDraft extends PlacementDraft {
  fields: RecordFields;
  account: { login: string; rescueEmail: string } | null;
}

export interface UpdateDraft {
  fields: Partial<RecordFields>;
  placement: PlacementDraft | null;
  accountEnabled: boolean | null;
}

const MAX_ESTABLISHMENTS = 50;
/** Unit ids of the offer: `<FINESS ET>-<UF code>`, or `-<n>` after it when that id was taken (D30). */
const UNIT_ID = /^\d[0-9AB]{2}\d{6}-[0-9A-Za-z._-]{1,40}$/;
const MAX_UNITS = 200;

export function badInput(argumentName: string, message: string): HubError {
  return new HubError('BAD_USER_INPUT', message, { argumentName });
}

export function nameOf(argument: string, raw: string): string {
  const name = validName(raw);
  if (!name) throw badInput(argument, `${argument} must hold letters (accents, hyphens and apostrophes are allowed and normalised), at most 100.`);
  return name;
}

function optionalCode(argument: string, raw: string | null | undefined, valid: (c: string) => boolean, what: string): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const code = raw.trim().toUpperCase();
  if (!valid(code)) throw badInput(argument, `${argument} "${raw}" is not a ${what} code.`);
  return code;
}

/** The one stored number from the two arguments: an RPPS (11 digits) or an ADELI (9 characters). */
function nationalNumber(rpps: string | null | undefined, adeli: string | null | undefined, prefix: string): string | null {
  if (rpps && adeli) throw badInput(`${prefix}rppsNumber`, 'Give an RPPS number or an ADELI number, not both.');
  if (rpps) {
    const value = parseRpps(rpps);
    if (!value) throw badInput(`${prefix}rppsNumber`, `RPPS number "${rpps}" must have 11 digits.`);
    return value;
  }
  if (adeli) {
    const value = parseAdeli(adeli);
    if (!value) throw badInput(`${prefix}adeliNumber`, `ADELI number "${adeli}" must have 9 characters (digits and capitals).`);
    return value;
  }
  return null;
}

/**
 * Establishments (FINESS ET) and units, deduplicated and well formed. Whether each unit exists, is
 * active and lies in one of the establishments is the offer's to say (placement.ts): a unit id's
 * prefix is only the establishment it was created in.
 */
export function placementOf(establishmentIds: readonly string[], unitIds: readonly string[], prefix = 'input.', modes: readonly ExerciseModeInput[] = []): PlacementDraft {
  const establishments = [...new Set(establishmentIds.map((e) => e.trim()))];
  const units = [...new Set(unitIds.map((u) => u.trim()))];
  if (establishments.length > MAX_ESTABLISHMENTS || units.length > MAX_UNITS) {
    throw badInput(`${prefix}establishmentIds`, `At most ${MAX_ESTABLISHMENTS} establishments and ${MAX_UNITS} units per professional.`);
  }
  const badEstablishment = establishments.find((e) => !isFinessNumber(e));
  if (badEstablishment) throw badInput(`${prefix}establishmentIds`, `"${badEstablishment}" is not a FINESS ET number (9 characters).`);
  const badUnit = units.find((u) => !UNIT_ID.test(u));
  if (badUnit !== undefined) throw badInput(`${prefix}unitIds`, `"${badUnit}" is not a unit id (<FINESS ET>-<UF code>[-<n>]).`);
  return { establishmentIds: establishments.sort(), unitIds: units.sort(), exerciseModes: exerciseModesOf(modes, units, prefix) };
}

/** Each mode names one of the placement's units, once, with a TRE_R23 code. */
function exerciseModesOf(modes: readonly ExerciseModeInput[], unitIds: readonly string[], prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const mode of modes) {
    const unitId = mode.unitId.trim();
    const code = mode.exerciseModeCode.trim().toUpperCase();
    if (!unitIds.includes(unitId)) throw badInput(`${prefix}exerciseModes`, `Unit ${unitId} has an exercise mode but is not among the professional's units.`);
    if (out.has(unitId)) throw badInput(`${prefix}exerciseModes`, `Unit ${unitId} has two exercise modes.`);
    if (!isExerciseModeCode(code)) {
      throw badInput(`${prefix}exerciseModes`, `"${mode.exerciseModeCode}" is not a TRE_R23 exercise mode (${EXERCISE_MODE_CODES.join(', ')}).`);
    }
    out.set(unitId, code);
  }
  return out;
}

export function accountOf(raw: { login: string; rescueEmail: string }, prefix = 'input.account.'): { login: string; rescueEmail: string } {
  return { login: loginOf(raw.login, `${prefix}login`), rescueEmail: rescueEmailOf(raw.rescueEmail, `${prefix}rescueEmail`) };
}

export function loginOf(raw: string, argument = 'login'): string {
  const login = validLogin(raw);
  if (!login) throw badInput(argument, 'A login has 3 to 64 letters, digits, ".", "_" or "-", and starts with a letter or digit.');
  return login;
}

/** The message never quotes the address: it is write-only, even back to its author. */
export function rescueEmailOf(raw: string, argument = 'email'): string {
  const email = validEmail(raw);
  if (!email) throw badInput(argument, 'The rescue e-mail is not a valid e-mail address.');
  return email;
}

function specialtyNeedsProfession(fields: { professionCode: string | null; specialtyCode: string | null }, prefix: string): void {
  if (fields.specialtyCode && !fields.professionCode) throw badInput(`${prefix}specialtyCode`, 'A specialty needs a profession (professionCode).');
}

export function parseCreate(input: CreateInput): CreateDraft {
  const fields: RecordFields = {
    lastName: nameOf('input.lastName', input.lastName),
    firstName: nameOf('input.firstName', input.firstName),
    sex: input.sex ?? null,
    professionCode: optionalCode('input.professionCode', input.professionCode, isProfessionCode, 'TRE_G15 profession'),
    specialtyCode: optionalCode('input.specialtyCode', input.specialtyCode, isSpecialtyCode, 'TRE_R38 specialty'),
    rppsNumber: nationalNumber(input.rppsNumber, input.adeliNumber, 'input.'),
    jobTitle: null,
    workEmail: null,
    workPhone: null,
    mssanteAddress: null,
    ...contactFieldsOf(input),
  };
  specialtyNeedsProfession(fields, 'input.');
  return {
    fields,
    ...placementOf(input.establishmentIds ?? [], input.unitIds ?? [], 'input.', input.exerciseModes ?? []),
    account: input.account ? accountOf(input.account) : null,
  };
}

/** The stored number after an update: a given number replaces it, null clears a number of that kind. */
function updatedNumber(input: UpdateInput, current: string | null): string | null | undefined {
  const given = nationalNumber(input.rppsNumber, input.adeliNumber, 'input.');
  if (given) return given;
  const kind = nationalNumberOf(current)?.kind;
  if ((input.rppsNumber === null && kind === 'RPPS') || (input.adeliNumber === null && kind === 'ADELI')) return null;
  return undefined;
}

export function parseUpdate(input: UpdateInput, current: RecordFields, currentPlacement: Placement): UpdateDraft {
  const fields: Partial<RecordFields> = {};
  if (input.lastName !== undefined) fields.lastName = nameOf('input.lastName', input.lastName ?? '');
  if (input.firstName !== undefined) fields.firstName = nameOf('input.firstName', input.firstName ?? '');
  if (input.sex !== undefined) fields.sex = input.sex;
  if (input.professionCode !== undefined) fields.professionCode = optionalCode('input.professionCode', input.professionCode, isProfessionCode, 'TRE_G15 profession');
  if (input.specialtyCode !== undefined) fields.specialtyCode = optionalCode('input.specialtyCode', input.specialtyCode, isSpecialtyCode, 'TRE_R38 specialty');
  const number = updatedNumber(input, current.rppsNumber);
  if (number !== undefined) fields.rppsNumber = number;
  Object.assign(fields, contactFieldsOf(input));
  specialtyNeedsProfession({ professionCode: current.professionCode, specialtyCode: current.specialtyCode, ...fields }, 'input.');
  return { fields, placement: updatedPlacement(input, currentPlacement), accountEnabled: input.accountEnabled ?? null };
}

/**
 * Null when unchanged. Units not given stay, except those of establishments no longer listed
 * (by the establishment stored with each assignment, which follows transfers).
 */
function updatedPlacement(input: UpdateInput, current: Placement): PlacementDraft | null {
  if (input.establishmentIds === undefined && input.unitIds === undefined && input.exerciseModes === undefined) return null;
  const establishments = input.establishmentIds === undefined ? current.establishmentIds : (input.establishmentIds ?? []);
  const units =
    input.unitIds === undefined
      ? current.units.filter((u) => establishments.includes(u.establishmentId)).map((u) => u.unitId)
      : (input.unitIds ?? []);
  return placementOf(establishments, units, 'input.', input.exerciseModes ?? []);
}
