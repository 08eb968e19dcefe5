/**
 * Checks of the request and answer inputs, pure: every refusal is a BAD_USER_INPUT naming the
 * field, raised before anything is asked or written (docs/admissions.md § Requests).
 */
import { HubError } from '../../../platform/errors.js';
import { luhnCheckDigit } from '../../../platform/luhn.js';
import { MAX_PATIENT_AGE } from '../place-search/criteria.js'; // one bound for the search and the request

export const MAX_UNITS = 10;
export const SUMMARY_MAX = 2000;
export const NAME_MAX = 200;
export const CONTACT_MAX = 200;
export const COMMENT_MAX = 2000;
export const REASON_MAX = 500;
/** A wished date may lie in the past by this much (a request written for "this morning"). */
const WISHED_PAST_MS = 86_400_000;

export const SEXES = ['FEMALE', 'MALE'] as const;
export const URGENCIES = ['IMMEDIATE', 'SAME_DAY', 'WITHIN_48H', 'SCHEDULED'] as const;
export const REFUSAL_REASONS = ['NO_BED', 'NOT_SUITED', 'OTHER'] as const;

export interface RequestInput {
  unitIds: string[];
  patientAge: number;
  patientSex: (typeof SEXES)[number];
  discipline?: string | null;
  activityCode?: string | null;
  urgency: (typeof URGENCIES)[number];
  wishedAt?: Date | null;
  clinicalSummary: string;
  patientName?: string | null;
  callbackContact: string;
  onBehalfOf?: string | null;
}

export interface AnswerInput {
  answer: 'ACCEPT' | 'REFUSE' | 'PROPOSE';
  reason?: (typeof REFUSAL_REASONS)[number] | null;
  comment?: string | null;
  holdBed?: boolean | null;
  proposedAt?: Date | null;
}

function refuse(field: string, message: string): never {
  throw new HubError('BAD_USER_INPUT', message, { field });
}

const PHONE = /^\+?[0-9][0-9 .()-]{5,24}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An RPPS number: 11 digits, the last the Luhn check digit of the first ten. */
export function isRpps(value: string): boolean {
  return /^\d{11}$/.test(value) && luhnCheckDigit(value.slice(0, 10)) === Number(value[10]);
}

/** Normalises and checks a request; `isApp`: an application must say for whom it asks. */
export function checkRequest(input: RequestInput, isApp: boolean, now: Date): RequestInput {
  const unitIds = input.unitIds.map((id) => id.trim());
  if (unitIds.length < 1 || unitIds.length > MAX_UNITS) refuse('unitIds', `unitIds must name 1 to ${MAX_UNITS} units, got ${unitIds.length}.`);
  if (unitIds.some((id) => id.length === 0 || id.length > 100)) refuse('unitIds', 'unitIds must not hold an empty or overlong id.');
  if (new Set(unitIds).size !== unitIds.length) refuse('unitIds', 'unitIds must name distinct units.');
  if (!Number.isInteger(input.patientAge) || input.patientAge < 0 || input.patientAge > MAX_PATIENT_AGE) refuse('patientAge', `patientAge must be from 0 to ${MAX_PATIENT_AGE} years.`);
  const summary = input.clinicalSummary.trim();
  if (!summary) refuse('clinicalSummary', 'clinicalSummary must not be empty.');
  if (summary.length > SUMMARY_MAX) refuse('clinicalSummary', `clinicalSummary must be at most ${SUMMARY_MAX} characters, got ${summary.length}.`);
  const name = input.patientName?.trim() || null;
  if (name && name.length > NAME_MAX) refuse('patientName', `patientName must be at most ${NAME_MAX} characters.`);
  const contact = input.callbackContact.trim();
  if (contact.length > CONTACT_MAX || !(PHONE.test(contact) || EMAIL.test(contact))) {
    refuse('callbackContact', 'callbackContact must be a phone number or an e-mail address.');
  }
  if (input.wishedAt && input.wishedAt.getTime() < now.getTime() - WISHED_PAST_MS) refuse('wishedAt', 'wishedAt must not lie more than a day in the past.');
  for (const field of ['discipline', 'activityCode'] as const) {
    const value = input[field];
    if (value != null && (value.trim().length === 0 || value.length > 100)) refuse(field, `${field} must be a code of at most 100 characters.`);
  }
  const onBehalfOf = input.onBehalfOf?.trim() || null;
  if (isApp && !onBehalfOf) refuse('onBehalfOf', 'An application must give onBehalfOf: the RPPS number of the professional it acts for.');
  if (onBehalfOf && !isRpps(onBehalfOf)) refuse('onBehalfOf', 'onBehalfOf must be an RPPS number: 11 digits ending with their Luhn check digit.');
  if (!isApp && onBehalfOf) refuse('onBehalfOf', 'onBehalfOf is for applications; a signed-in user asks for themself.');
  return { ...input, unitIds, clinicalSummary: summary, patientName: name, callbackContact: contact, onBehalfOf };
}

export function checkAnswer(input: AnswerInput, now: Date): AnswerInput {
  const comment = input.comment?.trim() || null;
  if (comment && comment.length > COMMENT_MAX) refuse('comment', `comment must be at most ${COMMENT_MAX} characters.`);
  if (input.answer === 'REFUSE' && !input.reason) refuse('reason', 'A refusal needs a reason (NO_BED, NOT_SUITED or OTHER).');
  if (input.answer !== 'REFUSE' && input.reason) refuse('reason', 'reason is for a refusal only.');
  if (input.answer === 'PROPOSE') {
    if (!input.proposedAt) refuse('proposedAt', 'A proposal needs proposedAt: the time the unit proposes.');
    if (input.proposedAt.getTime() < now.getTime()) refuse('proposedAt', 'proposedAt must not lie in the past.');
  } else if (input.proposedAt) refuse('proposedAt', 'proposedAt is for a proposal only.');
  if (input.holdBed && input.answer !== 'ACCEPT') refuse('holdBed', 'holdBed goes with ACCEPT only.');
  return { ...input, comment };
}

export function checkReason(reason: string | null | undefined): string | null {
  const value = reason?.trim() || null;
  if (value && value.length > REASON_MAX) refuse('reason', `reason must be at most ${REASON_MAX} characters.`);
  return value;
}
