/**
 * An error report as the IG's `ror-task` (docs/feedback.md § FHIR Task): Task/report-<n>, its
 * focus the record reported on, its inputs the reporter's data-quality values and its outputs
 * the regional team's answer, each typed by the IG's input/output code systems.
 *
 * | report | Task.status |
 * |---|---|
 * | OPEN | requested |
 * | CLOSED, resolution REJECTED | rejected |
 * | CLOSED otherwise (CORRECTED, or closed without saying) | completed |
 *
 * Admission Tasks are `<request UUID>-<unit id>`: a `report-` id can never be one.
 */
import type { ErrorReportRecord } from '../error-reports/queries.js';
import { IG, PROFILES } from '../codes.js';
import type { Task, TaskStatus } from '../types.js';

const ROR_CS = `${IG.canonical}/CodeSystem`;

export const REPORT_TASK_SYSTEMS = {
  input: `${ROR_CS}/input-task-ror-codesystem`,
  output: `${ROR_CS}/output-task-ror-codesystem`,
} as const;

/** The codes of the IG's input-task-ror-codesystem, in its order. */
export const INPUT_CODES = ['ruleErrorId', 'errorValue', 'proposedValue', 'pathElementError', 'systemRequester', 'identifierRequester'] as const;
export type InputCode = (typeof INPUT_CODES)[number];
/** The codes of the IG's output-task-ror-codesystem. */
export const OUTPUT_CODES = ['newValue', 'identifierAnalyst'] as const;
export type OutputCode = (typeof OUTPUT_CODES)[number];

const PREFIX = 'report-';

export const reportTaskId = (reportId: string): string => `${PREFIX}${reportId}`;

/** The report id of a ror-task id, or null when the id is not one (e.g. an admission Task). */
export function parseReportTaskId(id: string): string | null {
  return id.startsWith(PREFIX) && /^[1-9]\d{0,9}$/.test(id.slice(PREFIX.length)) ? id.slice(PREFIX.length) : null;
}

/** The FHIR type a report's record is served as, unless the reporter named another (a unit's Location). */
export function focusTypeOf(record: Pick<ErrorReportRecord, 'subject' | 'details'>): string {
  const byType: Record<string, string> = { UNIT: 'HealthcareService', PROFESSIONAL: 'Practitioner', SITUATION: 'PractitionerRole' };
  return record.details?.focusType ?? byType[record.subject.type] ?? 'Organization';
}

export function reportTaskStatus(record: Pick<ErrorReportRecord, 'status' | 'resolution'>): TaskStatus {
  if (record.status === 'OPEN') return 'requested';
  return record.resolution === 'REJECTED' ? 'rejected' : 'completed';
}

const parameter = (system: string, code: string, value: string) => ({ type: { coding: [{ system, code }] }, valueString: value });

/** The Task of an error report on a record; null for reports on a search or on nothing (no focus: not Tasks). */
export function reportToTask(record: ErrorReportRecord): Task | null {
  if (!record.subject.id) return null;
  const details = record.details;
  const inputs = INPUT_CODES.flatMap((code) => (details?.[code] ? [parameter(REPORT_TASK_SYSTEMS.input, code, details[code])] : []));
  const outputs = OUTPUT_CODES.flatMap((code) => (record[code] ? [parameter(REPORT_TASK_SYSTEMS.output, code, record[code])] : []));
  const updated = new Date(record.updatedAt).toISOString();
  return {
    resourceType: 'Task',
    id: reportTaskId(record.id),
    meta: { versionId: String(record.version), lastUpdated: updated, profile: [PROFILES.task] },
    status: reportTaskStatus(record),
    intent: 'proposal',
    description: record.message,
    focus: { reference: `${focusTypeOf(record)}/${record.subject.id}` },
    authoredOn: new Date(record.createdAt).toISOString(),
    lastModified: updated,
    requester:
      record.senderKind === 'USER' && record.senderProfessionalId
        ? { reference: `Practitioner/${record.senderProfessionalId}`, display: record.senderLogin }
        : { type: 'Device', display: record.senderLogin },
    ...(record.closedByProfessionalId ? { owner: { reference: `Practitioner/${record.closedByProfessionalId}`, display: record.closedBy ?? undefined } } : {}),
    ...(record.closingNote ? { note: [{ text: record.closingNote, ...(record.closedBy ? { authorString: record.closedBy } : {}) }] } : {}),
    ...(inputs.length ? { input: inputs } : {}),
    ...(outputs.length ? { output: outputs } : {}),
  };
}
