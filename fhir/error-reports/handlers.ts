/**
 * The ror-task interactions (docs/feedback.md § FHIR Task): create reports an error on a
 * record (`reportError`), read follows one (`errorReport`: the regional team or its sender), and
 * the regional team answers by PATCH (`answerErrorReport`), all as the caller through the
 * gateway's executor, so the offer subgraph's rules decide.
 */
import { allOk, badRequest, created, notFound, OperationOutcomeError, outcomeAt, getStatus } from '../outcomes.js';
import type { HandlerContext } from '../records.js';
import { fetchRecord } from '../records.js';
import { run } from '../search/graphql.js';
import type { OperationOutcome, Task } from '../types.js';
import { applyPatch, readPatch } from '../write/patch.js';
import {
  INPUT_CODES,
  OUTPUT_CODES,
  PARAMETER_TYPES,
  REPORT_TASK_SYSTEMS,
  parameterText,
  parseReportTaskId,
  reportToTask,
  type InputCode,
  type OutputCode,
  type TaskParameter,
} from '../mappers/report-task.js';
import { CODE_SYSTEMS, CODINGS, PROFILES } from '../codes.js';
import { ANSWER_ERROR_REPORT_MUTATION, ERROR_REPORT_QUERY, REPORT_ERROR_MUTATION, type ErrorReportRecord } from './queries.js';

type Result<R> = Promise<[OperationOutcome, R?]>;

export const REPORT_TASK_DOCUMENTATION = {
  create:
    "Task ror-task: signalement d'une anomalie sur une ressource (focus Organization, HealthcareService, Location, Practitioner ou PractitionerRole visible de l'appelant), " +
    'inputs typés par input-task-ror-codesystem (pathElementError en valueExpression, identifierRequester en valueIdentifier, ou valueString), transmis à l\'équipe régionale. Hub users, or applications with the offer.report scope.',
  patch:
    "Seuls les attributs de 'premier niveau' peuvent être mis à jour avec l'interaction patch (JSON Patch or FHIRPath Patch): the regional team answers a ror-task " +
    '(status requested → completed or rejected, or businessStatus → 08 Corrigé or 09 Refusé; output newValue / identifierAnalyst, note). An admission Task: see its own rules.',
  read: 'Task/report-<n> (ror-task): the regional team and the reporter; Task/<request id>-<unit id>: an admission Task.',
} as const;

const invalid = (message: string, expression: string): OperationOutcomeError => new OperationOutcomeError(outcomeAt('invalid', 'invalid', message, expression));
const rule = (message: string, expression: string): OperationOutcomeError => new OperationOutcomeError(outcomeAt('invalid', 'business-rule', message, expression));

async function reportById(ctx: HandlerContext, reportId: string): Promise<ErrorReportRecord | null> {
  return fetchRecord<{ errorReport: ErrorReportRecord | null }, 'errorReport'>(ctx, ERROR_REPORT_QUERY, 'errorReport', reportId);
}

export async function readReportTask(id: string, ctx: HandlerContext): Result<Task> {
  const reportId = parseReportTaskId(id);
  const record = reportId ? await reportById(ctx, reportId) : null;
  const task = record ? reportToTask(record) : null;
  return task ? [allOk, task] : [notFound('Task', id)];
}

/**
 * The text a parameter carries: a valueString, or the value type the profile gives its code
 * (valueExpression in FHIRPath, valueIdentifier), the form served since D193.
 */
function textOf(parameter: TaskParameter, code: InputCode | OutputCode, label: string, at: string): string {
  const type = PARAMETER_TYPES[code];
  const allowed = ['valueString', ...(type ? [`value${type}`] : [])];
  const given = Object.keys(parameter).filter((key) => key.startsWith('value'));
  if (given.length !== 1 || !allowed.includes(given[0]!)) throw invalid(`${label} takes one value: ${allowed.join(' or ')}.`, at);
  if (given[0] === 'valueExpression' && parameter.valueExpression?.language !== 'text/fhirpath') {
    throw invalid(`${label} is a FHIRPath expression: valueExpression.language text/fhirpath.`, `${at}.valueExpression.language`);
  }
  const text = parameterText(parameter);
  if (!text?.trim()) throw invalid(`${label} needs a non-empty ${given[0]}.`, `${at}.${given[0]}`);
  return text;
}

/** The values of `input` or `output` by code, each from the given code system, once, as the text the report stores. */
function parametersOf<C extends InputCode | OutputCode>(list: readonly TaskParameter[] | undefined, system: string, codes: readonly C[], element: string): Partial<Record<C, string>> {
  const values: Partial<Record<C, string>> = {};
  if (list !== undefined && !Array.isArray(list)) throw invalid(`Task.${element} must be an array.`, `Task.${element}`);
  (list ?? []).forEach((parameter, i) => {
    const codings: unknown = parameter?.type?.coding;
    const coding = Array.isArray(codings) ? (codings as Array<{ system?: unknown; code?: unknown }>).find((c) => c?.system === system) : undefined;
    const code = coding?.code as C | undefined;
    if (typeof code !== 'string' || !codes.includes(code)) throw invalid(`${element}[${i}].type must be coded in ${system} (${codes.join(', ')}).`, `Task.${element}[${i}].type`);
    if (values[code] !== undefined) throw invalid(`${element} ${code} is given twice.`, `Task.${element}[${i}]`);
    values[code] = textOf(parameter, code, `${element} ${code}`, `Task.${element}[${i}]`);
  });
  return values;
}

/** The record a focus names: subject type candidates (an Organization is an EG first, then an EJ) and its id. */
function focusOf(task: Task): { focusType: string; id: string; subjectTypes: ('ORGANIZATION' | 'ESTABLISHMENT' | 'UNIT' | 'PROFESSIONAL' | 'SITUATION')[] } {
  const match = /^(?:.*\/)?([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(task.focus?.reference ?? '');
  if (!match) throw invalid('Task.focus.reference must name the resource reported on, e.g. HealthcareService/<id>.', 'Task.focus');
  const [, focusType, id] = match as unknown as [string, string, string];
  if (focusType === 'Organization') return { focusType, id, subjectTypes: ['ESTABLISHMENT', 'ORGANIZATION'] };
  if (focusType === 'HealthcareService' || focusType === 'Location') return { focusType, id, subjectTypes: ['UNIT'] };
  // A professional's record, or their situation in a unit (<professional id>.<unit id>).
  if (focusType === 'Practitioner') return { focusType, id, subjectTypes: ['PROFESSIONAL'] };
  if (focusType === 'PractitionerRole') return { focusType, id, subjectTypes: ['SITUATION'] };
  throw invalid(`Task.focus cannot be a ${focusType}: Organization, HealthcareService, Location, Practitioner or PractitionerRole.`, 'Task.focus');
}

/** What a created Task must be: a requested ror-task with a focus and inputs, no answer. */
function checkNewTask(body: unknown): Task {
  const task = body as Task | undefined;
  if (!task || typeof task !== 'object' || task.resourceType !== 'Task') throw new OperationOutcomeError(badRequest('POST Task takes a Task resource (ror-task).'));
  const profiles: unknown = task.meta?.profile ?? [];
  if (!Array.isArray(profiles) || (profiles.length && !profiles.includes(PROFILES.task))) throw invalid(`A Task created here is a ror-task: meta.profile must be ${PROFILES.task}.`, 'Task.meta.profile');
  if (task.status !== 'requested') throw invalid('A new ror-task has status requested.', 'Task.status');
  if (!task.intent) throw invalid('Task.intent is required (e.g. proposal).', 'Task.intent');
  if (task.description !== undefined && typeof task.description !== 'string') throw invalid('Task.description must be a string.', 'Task.description');
  if (task.output !== undefined) throw invalid("Task.output is the regional team's answer: a new ror-task has none.", 'Task.output');
  return task;
}

/** The message the team reads: the description, else the inputs in words. */
function messageOf(task: Task, inputs: Partial<Record<InputCode, string>>): string {
  if (task.description?.trim()) return task.description;
  const parts = [inputs.pathElementError && `Élément : ${inputs.pathElementError}`, inputs.errorValue && `Valeur erronée : ${inputs.errorValue}`, inputs.proposedValue && `Valeur proposée : ${inputs.proposedValue}`];
  const text = parts.filter(Boolean).join('\n');
  if (!text) throw invalid('Say what is wrong: Task.description, or inputs errorValue / proposedValue / pathElementError.', 'Task.description');
  return text;
}

/** POST Task: an error report on the focus, mailed to the regional team. */
export async function createReportTask(ctx: HandlerContext): Result<Task> {
  if (!ctx.caller.authorization && !ctx.caller.principal) {
    throw new OperationOutcomeError(outcomeAt('unauthenticated', 'login', 'Sign in to report an error: send a bearer token (Authorization: Bearer …).', 'Task'));
  }
  const task = checkNewTask(ctx.request?.body);
  const inputs = parametersOf(task.input, REPORT_TASK_SYSTEMS.input, INPUT_CODES, 'input');
  const focus = focusOf(task);
  const message = messageOf(task, inputs);
  const details = { ...inputs, focusType: focus.focusType };
  for (const [i, subjectType] of focus.subjectTypes.entries()) {
    try {
      const data = await run<{ reportError: ErrorReportRecord }>(ctx, REPORT_ERROR_MUTATION, { subjectType, subjectId: focus.id, message, details });
      const report = reportToTask(data.reportError)!;
      return [created('Task', report.id!), report];
    } catch (error) {
      if (!(error instanceof OperationOutcomeError) || getStatus(error.outcome) !== 404) throw error;
      // An Organization is an EG or an EJ: the last candidate's NOT_FOUND is the answer.
      if (i === focus.subjectTypes.length - 1) throw invalid(`${task.focus!.reference} does not exist or is not visible to the caller.`, 'Task.focus');
    }
  }
  throw invalid('Task.focus names no record.', 'Task.focus');
}

const WRITABLE = new Set(['status', 'businessStatus', 'output', 'note', 'meta', 'lastModified']);

/**
 * The status an answer sets: the patched status, or the one a patched businessStatus stands for
 * (the IG answers by replacing Task.businessStatus: 08 Corrigé, 09 Refusé of TRE_R352).
 */
function answeredStatus(current: Task, wanted: Task): Task['status'] {
  if (JSON.stringify(current.businessStatus) === JSON.stringify(wanted.businessStatus)) return wanted.status;
  const codings: unknown = wanted.businessStatus?.coding;
  const code = Array.isArray(codings) ? (codings as Array<{ system?: unknown; code?: unknown }>).find((c) => c?.system === CODE_SYSTEMS.statutMetierAnomalie)?.code : undefined;
  const status = ({ [CODINGS.reportCorrected.code!]: 'completed', [CODINGS.reportRefused.code!]: 'rejected' } as Record<string, Task['status']>)[String(code)];
  if (!status) throw rule(`Task.businessStatus answers a report as 08 (Corrigé) or 09 (Refusé) of ${CODE_SYSTEMS.statutMetierAnomalie}.`, 'Task.businessStatus');
  if (wanted.status !== current.status && wanted.status !== status) throw rule(`Task.status ${wanted.status} contradicts Task.businessStatus ${String(code)}.`, 'Task.status');
  return status;
}

/** The answer a patched Task stands for. */
function answerOf(current: Task, wanted: Task) {
  for (const key of new Set([...Object.keys(current), ...Object.keys(wanted)])) {
    if (WRITABLE.has(key)) continue;
    if (JSON.stringify((current as unknown as Record<string, unknown>)[key]) !== JSON.stringify((wanted as unknown as Record<string, unknown>)[key])) {
      throw rule(`Task.${key} cannot change: the regional team answers with status, output and note only.`, `Task.${key}`);
    }
  }
  if (current.status !== 'requested') throw rule(`This report is already answered (${current.status}).`, 'Task.status');
  const status = answeredStatus(current, wanted);
  if (status !== 'completed' && status !== 'rejected') {
    throw rule('Answer by setting Task.status to completed (corrected) or rejected (or businessStatus to 08 or 09), with the outputs.', 'Task.status');
  }
  const outputs = parametersOf<OutputCode>(wanted.output, REPORT_TASK_SYSTEMS.output, OUTPUT_CODES, 'output');
  if (wanted.note !== undefined && !Array.isArray(wanted.note)) throw invalid('Task.note must be an array of annotations.', 'Task.note');
  const added = wanted.note && wanted.note.length > (current.note?.length ?? 0) ? wanted.note.at(-1)?.text : undefined;
  if (added !== undefined && typeof added !== 'string') throw invalid('Task.note[].text must be a string.', 'Task.note');
  const note = added;
  return { resolution: status === 'completed' ? 'CORRECTED' : 'REJECTED', ...outputs, ...(note ? { note } : {}) };
}

/**
 * PATCH Task/report-<n>, first-level JSON Patch or FHIRPath Patch: the regional team's answer.
 * If-Match W/"<version>" → 412 when stale. Answering is one transition (requested → answered), made
 * by an UPDATE that requires the report still open: of two racing answers, the second is refused.
 */
export async function patchReportTask(id: string, ctx: HandlerContext): Result<Task> {
  const patch = readPatch(ctx.request?.contentType, ctx.request?.body);
  const [outcome, current] = await readReportTask(id, ctx);
  if (!current) return [outcome];
  const ifMatch = ctx.request?.ifMatch;
  const tag = ifMatch?.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
  if (tag !== undefined && tag !== '*' && tag !== current.meta?.versionId) {
    throw new OperationOutcomeError(outcomeAt('precondition-failed', 'conflict', `If-Match ${ifMatch} is not the current version of Task/${id} (${current.meta?.versionId}).`, 'Task'));
  }
  const input = answerOf(current, applyPatch(current, patch));
  const data = await run<{ answerErrorReport: ErrorReportRecord }>(ctx, ANSWER_ERROR_REPORT_MUTATION, { id: parseReportTaskId(id), input });
  return [allOk, reportToTask(data.answerErrorReport)!];
}
