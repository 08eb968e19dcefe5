/**
 * The work contact fields of a record (the deck's creation form: function in the establishment,
 * establishment e-mail, phone, secure messaging), each normalised or refused with BAD_USER_INPUT
 * naming its argument. Absent fields are left out (unchanged on update); null or blank clears one.
 */
import { HubError } from '../../platform/errors.js';
import { validEmail } from './normalize.js';

export interface ContactInput {
  jobTitle?: string | null;
  workEmail?: string | null;
  workPhone?: string | null;
  mssanteAddress?: string | null;
}

export type ContactFields = { [K in keyof ContactInput]-?: string | null };

const JOB_TITLE_MAX = 100;
/** MSSanté mailboxes all live in domains under mssante.fr (e.g. ch-orleans.mssante.fr, medecin.mssante.fr). */
const MSSANTE_DOMAIN = /@([a-z0-9-]+\.)*mssante\.fr$/i;

function bad(field: keyof ContactInput, message: string): HubError {
  return new HubError('BAD_USER_INPUT', message, { argumentName: `input.${field}` });
}

function jobTitleOf(raw: string): string {
  const title = raw.replace(/\s+/g, ' ').trim();
  if (title.length > JOB_TITLE_MAX) throw bad('jobTitle', `input.jobTitle must be at most ${JOB_TITLE_MAX} characters.`);
  return title;
}

function workEmailOf(raw: string): string {
  const email = validEmail(raw);
  if (!email) throw bad('workEmail', `input.workEmail "${raw.trim()}" is not an e-mail address.`);
  return email;
}

/** Separators people type are dropped; what remains is 6 to 15 digits, with an optional leading +. */
function workPhoneOf(raw: string): string {
  const phone = raw.replace(/[\s.()/-]/g, '');
  if (!/^\+?\d{6,15}$/.test(phone)) throw bad('workPhone', `input.workPhone "${raw.trim()}" is not a phone number (6 to 15 digits, optionally after +).`);
  return phone;
}

function mssanteAddressOf(raw: string): string {
  const email = validEmail(raw);
  if (!email || !MSSANTE_DOMAIN.test(email)) {
    throw bad('mssanteAddress', `input.mssanteAddress "${raw.trim()}" is not an MSSanté address (an e-mail address in a domain under mssante.fr).`);
  }
  return email.toLowerCase();
}

const PARSERS: Record<keyof ContactInput, (raw: string) => string> = {
  jobTitle: jobTitleOf,
  workEmail: workEmailOf,
  workPhone: workPhoneOf,
  mssanteAddress: mssanteAddressOf,
};

/** The contact fields given in `input`, normalised; blank or null ones as null. */
export function contactFieldsOf(input: ContactInput): Partial<ContactFields> {
  const fields: Partial<ContactFields> = {};
  for (const field of Object.keys(PARSERS) as Array<keyof ContactInput>) {
    const raw = input[field];
    if (raw === undefined) continue;
    fields[field] = raw === null || raw.trim() === '' ? null : PARSERS[field](raw) || null;
  }
  return fields;
}
