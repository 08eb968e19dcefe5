/**
 * What error reports (feedback of kind REPORT_ERROR) carry beyond a message, for the IG's
 * `ror-task` (docs/feedback.md § FHIR Task): the data-quality inputs of the reporter, the regional
 * team's answer, who may read a report (the team and its sender), and the change-feed event each
 * change of a report appends (topic `feedback`, which FHIR subscriptions follow).
 */
import type { NewChange } from '../../platform/changes/tables.js';
import { HubError } from '../../platform/errors.js';
import type { Identity } from '../../platform/auth/identity.js';
import type { FeedbackResolution, FeedbackRow, FeedbackSenderKind, FeedbackSubjectType } from './tables.js';

/** At most this many characters per input or output value. */
export const DETAIL_MAX = 4000;

export interface ErrorReportDetails {
  ruleErrorId?: string | null;
  errorValue?: string | null;
  proposedValue?: string | null;
  pathElementError?: string | null;
  systemRequester?: string | null;
  identifierRequester?: string | null;
  /** The FHIR type the report was made on, so Task.focus reads back as sent. */
  focusType?: string | null;
}

export interface ErrorReportAnswer {
  resolution: FeedbackResolution;
  newValue?: string | null;
  identifierAnalyst?: string | null;
  note?: string | null;
}

/** The FHIR types a report on each kind of record may have been made on. */
const FOCUS_TYPES: Partial<Record<FeedbackSubjectType, readonly string[]>> = {
  ORGANIZATION: ['Organization'],
  ESTABLISHMENT: ['Organization'],
  UNIT: ['HealthcareService', 'Location'],
  PROFESSIONAL: ['Practitioner'],
  SITUATION: ['PractitionerRole'],
};

const DETAIL_KEYS = ['ruleErrorId', 'errorValue', 'proposedValue', 'pathElementError', 'systemRequester', 'identifierRequester'] as const;

const badInput = (message: string, argumentName: string) => new HubError('BAD_USER_INPUT', message, { argumentName });

/** A trimmed optional value of at most DETAIL_MAX characters; empty is absent. */
export function optionalText(value: string | null | undefined, argumentName: string): string | null {
  const text = value?.trim();
  if (!text) return null;
  if (text.length > DETAIL_MAX) throw badInput(`\`${argumentName}\` must be at most ${DETAIL_MAX} characters (got ${text.length}).`, argumentName);
  return text;
}

/** The columns the details fill, validated; only for an error report on a record. */
export function detailColumns(subjectType: FeedbackSubjectType, details: ErrorReportDetails | null | undefined) {
  if (!details) return {};
  const columns: Partial<Record<(typeof DETAIL_KEYS)[number] | 'focusType', string | null>> = {};
  for (const key of DETAIL_KEYS) columns[key] = optionalText(details[key], `details.${key}`);
  if (details.focusType) {
    const allowed = FOCUS_TYPES[subjectType] ?? [];
    if (!allowed.includes(details.focusType)) {
      throw badInput(`\`details.focusType\` must be ${allowed.length ? allowed.join(' or ') : 'absent'} for a ${subjectType} report.`, 'details.focusType');
    }
    columns.focusType = details.focusType;
  }
  return columns;
}

/** Who sent a report, from the identity (never from the input). */
export function senderOf(identity: Extract<Identity, { kind: 'user' } | { kind: 'client' }>): {
  senderKind: FeedbackSenderKind;
  senderSubject: string;
  senderProfessionalId: string | null;
  senderLogin: string;
} {
  return identity.kind === 'user'
    ? { senderKind: 'USER', senderSubject: identity.subject, senderProfessionalId: identity.professionalId, senderLogin: identity.login }
    : { senderKind: 'APPLICATION', senderSubject: identity.subject, senderProfessionalId: null, senderLogin: identity.name };
}

/** The change-feed event of a report's creation or answer: what a subscriber's filters compare, no message text. */
export function errorReportChange(row: FeedbackRow, action: 'CREATE' | 'ANSWER' | 'CLOSE', actor: string): NewChange {
  return {
    topic: 'feedback',
    recordType: 'ERROR_REPORT',
    recordId: String(row.id),
    action,
    payload: { status: row.status, resolution: row.resolution, subjectType: row.subjectType, subjectId: row.subjectId, version: row.version },
    actor,
  };
}
