/**
 * The assistance form (the deck's « Les demandes d'assistance »): who asks (name, phone, e-mail,
 * département, establishment, function), the type of request and its subject, checked field by
 * field before anything is stored (BAD_USER_INPUT naming `input.<field>`). The message itself is
 * checked with the other feedback items (feedback.ts).
 */
import { departmentName } from '../../platform/admin-divisions.js';
import { HubError } from '../../platform/errors.js';
import type { AssistanceDetails, AssistanceType } from './tables.js';

export interface AssistanceInput {
  lastName: string;
  firstName: string;
  phone?: string | null;
  email: string;
  departmentCode: string;
  establishment: string;
  jobTitle: string;
  type: AssistanceType;
  subject: string;
  message: string;
}

const SHORT_MAX = 200;

function bad(field: string, message: string): HubError {
  return new HubError('BAD_USER_INPUT', message, { argumentName: `input.${field}` });
}

/** Trimmed, spaces collapsed, 1 to SHORT_MAX characters. */
function required(field: string, raw: string): string {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text) throw bad(field, `input.${field} must not be empty.`);
  if (text.length > SHORT_MAX) throw bad(field, `input.${field} must be at most ${SHORT_MAX} characters (got ${text.length}).`);
  return text;
}

/** Separators dropped; 6 to 15 digits, optionally after + ("+33 06 07 21 94 65" as the form shows it). */
function phoneOf(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const phone = raw.replace(/[\s.()/-]/g, '');
  if (!/^\+?\d{6,15}$/.test(phone)) throw bad('phone', `input.phone "${raw.trim()}" is not a phone number (6 to 15 digits, optionally after +).`);
  return phone;
}

function emailOf(raw: string): string {
  const email = raw.trim();
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(email)) throw bad('email', `input.email "${email}" is not an e-mail address.`);
  return email;
}

/** A département of the official division (01…95, 2A, 2B, 971…976). */
function departmentOf(raw: string): string {
  const code = raw.trim().toUpperCase();
  if (departmentName(code) === null) throw bad('departmentCode', `input.departmentCode "${raw}" is not a département code (e.g. 41, 2A, 974).`);
  return code;
}

export function assistanceDetailsOf(input: Omit<AssistanceInput, 'message'>): AssistanceDetails {
  return {
    lastName: required('lastName', input.lastName),
    firstName: required('firstName', input.firstName),
    phone: phoneOf(input.phone),
    email: emailOf(input.email),
    departmentCode: departmentOf(input.departmentCode),
    establishment: required('establishment', input.establishment),
    jobTitle: required('jobTitle', input.jobTitle),
    type: input.type,
    subject: required('subject', input.subject),
  };
}
