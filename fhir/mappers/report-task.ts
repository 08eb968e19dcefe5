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
 * The profile's 1..1 codes are derived from what the report records (D191):
 * businessStatus (TRE_R352) from status and resolution (02 À traiter, 08 Corrigé, 09 Refusé, 07
 * Toléré définitivement when closed without a resolution); reasonCode (TRE_R349) AJO Ajout when
 * the reporter proposes a value without an erroneous one, COR Correction otherwise; code
 * (TRE_R350) 01 Complétude for an addition, 06 Exactitude for a correction. systemRequester is
 * the reporter's own, else the application's name or, for a hub user, the hub (D192).
 *
 * Admission Tasks are `<request UUID>-<unit id>`: a `report-` id can never be one.
 */
import type { ErrorReportRecord } from '../error-reports/queries.js';
import { CODINGS, HUB_SYSTEM_NAME, IG, PROFILES } from '../codes.js';
import type { Coding, Identifier, Task, TaskStatus } from '../types.js';

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

export type TaskParameter = NonNullable<Task['input']>[number];

/** The parameters the profile types otherwise than string; the reports store their text (D193). */
export const PARAMETER_TYPES: Partial<Record<InputCode | OutputCode, 'Expression' | 'Identifier'>> = {
  pathElementError: 'Expression',
  identifierRequester: 'Identifier',
  identifierAnalyst: 'Identifier',
};

/** An identifier stored as text: `<system>|<value>` when it has a system (a URI), else its value. */
const identifierText = (identifier: Identifier): string => (identifier.system ? `${identifier.system}|${identifier.value ?? ''}` : (identifier.value ?? ''));

function identifierOf(text: string): Identifier {
  const bar = text.indexOf('|');
  return bar > 0 && /^(https?:|urn:)/.test(text) ? { system: text.slice(0, bar), value: text.slice(bar + 1) } : { value: text };
}

/** The stored text of a parameter, whatever its value type (null when it has none the hub stores). */
export function parameterText(parameter: TaskParameter): string | null {
  if (typeof parameter.valueString === 'string') return parameter.valueString;
  if (typeof parameter.valueExpression?.expression === 'string') return parameter.valueExpression.expression;
  return parameter.valueIdentifier && typeof parameter.valueIdentifier.value === 'string' ? identifierText(parameter.valueIdentifier) : null;
}

function parameter(system: string, code: InputCode | OutputCode, text: string): TaskParameter {
  const type = { coding: [{ system, code }] };
  if (PARAMETER_TYPES[code] === 'Expression') return { type, valueExpression: { language: 'text/fhirpath', expression: text } };
  if (PARAMETER_TYPES[code] === 'Identifier') return { type, valueIdentifier: identifierOf(text) };
  return { type, valueString: text };
}

type Derived = Pick<ErrorReportRecord, 'status' | 'resolution' | 'details' | 'senderKind' | 'senderLogin'>;

/** The business status (JDV_J244) a report's status and resolution stand for. */
function reportBusinessStatus(record: Pick<ErrorReportRecord, 'status' | 'resolution'>): Coding {
  if (record.status === 'OPEN') return CODINGS.reportToProcess;
  if (record.resolution === 'CORRECTED') return CODINGS.reportCorrected;
  return record.resolution === 'REJECTED' ? CODINGS.reportRefused : CODINGS.reportToleratedForGood;
}

/** A value proposed where none is said wrong asks for an addition; anything else, a correction. */
const isAddition = (record: Derived): boolean => !!record.details?.proposedValue && !record.details.errorValue;

/** The reporting system: the reporter's own, else the application, else the hub its users report through. */
const systemRequester = (record: Derived): string =>
  record.details?.systemRequester || (record.senderKind === 'USER' ? HUB_SYSTEM_NAME : record.senderLogin);

/** businessStatus, code and reasonCode: 1..1 in ror-task, derived from the report. */
function derivedCodes(record: Derived): Pick<Task, 'businessStatus' | 'code' | 'reasonCode'> {
  const addition = isAddition(record);
  return {
    businessStatus: { coding: [reportBusinessStatus(record)] },
    code: { coding: [addition ? CODINGS.themeCompleteness : CODINGS.themeAccuracy] },
    reasonCode: { coding: [addition ? CODINGS.actionAddition : CODINGS.actionCorrection] },
  };
}

/** The Task of an error report on a record; null for reports on a search or on nothing (no focus: not Tasks). */
export function reportToTask(record: ErrorReportRecord): Task | null {
  if (!record.subject.id) return null;
  const details = record.details;
  const values = { ...details, systemRequester: systemRequester(record) };
  const inputs = INPUT_CODES.flatMap((code) => (values[code] ? [parameter(REPORT_TASK_SYSTEMS.input, code, values[code])] : []));
  const outputs = OUTPUT_CODES.flatMap((code) => (record[code] ? [parameter(REPORT_TASK_SYSTEMS.output, code, record[code])] : []));
  const updated = new Date(record.updatedAt).toISOString();
  return {
    resourceType: 'Task',
    id: reportTaskId(record.id),
    meta: { versionId: String(record.version), lastUpdated: updated, profile: [PROFILES.task] },
    status: reportTaskStatus(record),
    ...derivedCodes(record),
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
    input: inputs,
    ...(outputs.length ? { output: outputs } : {}),
  };
}
