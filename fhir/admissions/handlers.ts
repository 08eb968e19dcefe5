/**
 * ServiceRequest and Task reads, and the Task writes of the receiving unit and of the requester
 * (docs/admissions.md § FHIR). A Task change is a transition of the request, run as the GraphQL
 * mutation it stands for, with the caller's credentials:
 *
 * | Task.status | from | mutation (who) |
 * |---|---|---|
 * | accepted | requested | answerAdmissionRequest ACCEPT (the unit's answerers; holdBed with an `output` bed-held-until) |
 * | rejected | requested, on-hold | answerAdmissionRequest REFUSE, reason = statusReason (admission-refusal-reason) |
 * | on-hold | requested | answerAdmissionRequest PROPOSE, proposedAt = restriction.period.start |
 * | accepted | on-hold | acceptAdmissionProposal (the requester) |
 * | cancelled | requested, on-hold, accepted | cancelAdmissionRequest (the requester; the whole request) |
 * | completed | accepted | recordAdmission (the accepting unit) |
 *
 * `If-Match: W/"<version>"` is the expected version: 412 when it is not the current one (or no
 * longer is when the mutation runs). Without it, the version just read is used (409 on a race).
 */
import { allOk, badRequest, notFound, OperationOutcomeError, outcomeAt, getStatus } from '../outcomes.js';
import type { HandlerContext } from '../records.js';
import { run } from '../search/graphql.js';
import type { OperationOutcome, ServiceRequest, Task } from '../types.js';
import { ADMISSION_SYSTEMS, isRequestId, parseTaskId } from '../mappers/admission-common.js';
import { requestToServiceRequest } from '../mappers/service-request.js';
import { targetToTask } from '../mappers/task.js';
import { applyPatch, readPatch } from '../write/patch.js';
import {
  ACCEPT_PROPOSAL_MUTATION,
  ANSWER_MUTATION,
  CANCEL_MUTATION,
  RECORD_ADMISSION_MUTATION,
  type AdmissionRequestRecord,
} from './queries.js';
import { requestById } from './source.js';

type Result<R> = Promise<[OperationOutcome, R?]>;

export const TASK_WRITE_DOCUMENTATION =
  'The receiving unit answers by changing Task.status: requested → accepted (an output bed-held-until also holds a bed), ' +
  'rejected (statusReason coded in https://ror-hub.fr/fhir/CodeSystem/admission-refusal-reason) or on-hold (a proposed time in ' +
  'restriction.period.start); the requester accepts a proposal (on-hold → accepted) or cancels (→ cancelled); the accepting unit ' +
  'records the admission (→ completed). PATCH takes a JSON Patch (or a first-level FHIRPath Patch), PUT the whole Task; If-Match W/"<version>" → 412 when stale.';

export async function readServiceRequest(id: string, ctx: HandlerContext): Result<ServiceRequest> {
  const request = isRequestId(id) ? await requestById(ctx, id) : null;
  return request ? [allOk, requestToServiceRequest(request)] : [notFound('ServiceRequest', id)];
}

async function taskAndRequest(id: string, ctx: HandlerContext): Promise<{ task: Task; request: AdmissionRequestRecord } | null> {
  const parsed = parseTaskId(id);
  const request = parsed ? await requestById(ctx, parsed.requestId) : null;
  const target = request?.targets.find((t) => t.unit.id === parsed!.unitId);
  return request && target ? { task: targetToTask(request, target), request } : null;
}

export async function readTask(id: string, ctx: HandlerContext): Result<Task> {
  const found = await taskAndRequest(id, ctx);
  return found ? [allOk, found.task] : [notFound('Task', id)];
}

const refuse = (message: string, expression = 'Task'): never => {
  throw new OperationOutcomeError(outcomeAt('invalid', 'business-rule', message, expression));
};

/** The version `If-Match` names (weak or strong tag, a single one), or undefined without the header. */
function expectedVersion(ifMatch: string | undefined, current: number): number | undefined {
  if (ifMatch === undefined) return undefined;
  const tag = ifMatch.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
  if (tag === '*') return current;
  if (!/^\d+$/.test(tag)) throw new OperationOutcomeError(badRequest(`If-Match must be W/"<version>" of the Task, not ${ifMatch}.`));
  return Number(tag);
}

/** Elements a write may change; anything else differing from the current Task is refused. */
const WRITABLE = new Set(['status', 'statusReason', 'note', 'restriction', 'output', 'meta', 'businessStatus', 'lastModified']);

/** The mutation a wanted Task (after the patch, or the PUT body) stands for. */
function transition(current: Task, wanted: Task, request: AdmissionRequestRecord, unitId: string): { query: string; variables: Record<string, unknown> } | null {
  for (const key of new Set([...Object.keys(current), ...Object.keys(wanted)])) {
    if (WRITABLE.has(key)) continue;
    if (JSON.stringify((current as unknown as Record<string, unknown>)[key]) !== JSON.stringify((wanted as unknown as Record<string, unknown>)[key])) {
      refuse(`Task.${key} cannot change: only status (with statusReason, note, restriction.period.start, output) is written.`, `Task.${key}`);
    }
  }
  if (wanted.status === current.status) return null;
  const id = request.id;
  const comment = wanted.note?.at(-1)?.text ?? wanted.statusReason?.text;
  const from = current.status;
  const answer = (input: Record<string, unknown>) => ({ query: ANSWER_MUTATION, variables: { id, unitId, input: { ...input, ...(comment ? { comment } : {}) } } });
  switch (wanted.status) {
    case 'accepted':
      if (from === 'on-hold') return { query: ACCEPT_PROPOSAL_MUTATION, variables: { id, unitId } };
      if (from !== 'requested') break;
      return answer({ answer: 'ACCEPT', holdBed: (wanted.output ?? []).some((o) => o.type.coding?.some((c) => c.system === ADMISSION_SYSTEMS.output && c.code === 'bed-held-until')) });
    case 'rejected': {
      if (from !== 'requested' && from !== 'on-hold') break;
      const reason = wanted.statusReason?.coding?.find((c) => c.system === ADMISSION_SYSTEMS.refusalReason)?.code;
      if (!reason) refuse(`A rejection needs Task.statusReason coded in ${ADMISSION_SYSTEMS.refusalReason} (NO_BED, NOT_SUITED, OTHER).`, 'Task.statusReason');
      return answer({ answer: 'REFUSE', reason });
    }
    case 'on-hold': {
      if (from !== 'requested') break;
      const proposedAt = wanted.restriction?.period?.start;
      if (!proposedAt) refuse('Proposing another time (on-hold) needs Task.restriction.period.start.', 'Task.restriction.period.start');
      return answer({ answer: 'PROPOSE', proposedAt });
    }
    case 'cancelled':
      if (from !== 'requested' && from !== 'on-hold' && from !== 'accepted') break;
      return { query: CANCEL_MUTATION, variables: { id, reason: wanted.statusReason?.text ?? comment ?? null } };
    case 'completed':
      if (from !== 'accepted') break;
      return { query: RECORD_ADMISSION_MUTATION, variables: { id } };
    default:
      break;
  }
  return refuse(`Task.status cannot go from ${from} to ${wanted.status}.`, 'Task.status');
}

const MUTATION_FIELDS = ['answerAdmissionRequest', 'acceptAdmissionProposal', 'cancelAdmissionRequest', 'recordAdmission'] as const;

/** Runs the write a wanted Task stands for, and answers the Task as it now is. */
async function write(id: string, ctx: HandlerContext, want: (current: Task) => Task): Result<Task> {
  const parsed = parseTaskId(id);
  if (!parsed) return [notFound('Task', id)];
  const found = await taskAndRequest(id, ctx);
  if (!found) return [notFound('Task', id)];
  const { task, request } = found;
  const ifMatch = ctx.request?.ifMatch;
  const expected = expectedVersion(ifMatch, request.version);
  if (expected !== undefined && expected !== request.version) {
    throw new OperationOutcomeError(outcomeAt('precondition-failed', 'conflict', `If-Match ${ifMatch} is not the current version of Task/${id} (${request.version}).`, 'Task'));
  }
  const mutation = transition(task, want(task), request, parsed.unitId);
  if (!mutation) return [allOk, task];
  let data: Record<string, AdmissionRequestRecord>;
  try {
    data = await run<Record<string, AdmissionRequestRecord>>(ctx, mutation.query, { ...mutation.variables, expectedVersion: expected ?? request.version });
  } catch (error) {
    // With If-Match, a transition that lost a race is the precondition failing (RFC 9110), not a conflict.
    if (expected !== undefined && error instanceof OperationOutcomeError && getStatus(error.outcome) === 409) {
      throw new OperationOutcomeError(outcomeAt('precondition-failed', 'conflict', error.outcome.issue[0]?.diagnostics ?? 'The Task changed', 'Task'));
    }
    throw error;
  }
  const updated = MUTATION_FIELDS.map((f) => data[f]).find((r) => r !== undefined)!;
  const target = updated.targets.find((t) => t.unit.id === parsed.unitId)!;
  return [allOk, targetToTask(updated, target)];
}

/** PATCH Task/[id] with a JSON Patch (deeper paths too: restriction.period.start) or a first-level FHIRPath Patch. */
export function patchTask(id: string | undefined, ctx: HandlerContext): Result<Task> {
  if (id === undefined) throw new OperationOutcomeError(badRequest('A Task is patched by id: PATCH Task/[id].'));
  const patch = readPatch(ctx.request?.contentType, ctx.request?.body);
  return write(id, ctx, (current) => applyPatch(current, patch, { firstLevel: false }));
}

/** PUT Task/[id] with the whole Task (no create: ids are the server's). */
export function updateTask(id: string, ctx: HandlerContext): Result<Task> {
  const body = ctx.request?.body as Partial<Task> | undefined;
  if (!body || typeof body !== 'object' || body.resourceType !== 'Task') throw new OperationOutcomeError(badRequest('PUT Task/[id] takes a Task resource.'));
  if (body.id !== id) throw new OperationOutcomeError(badRequest(`The Task's id (${String(body.id)}) must be the id of the URL (${id}).`));
  // A client sending back what it read may leave out server-set elements: those keep their value.
  return write(id, ctx, (current) => ({ ...current, ...body, meta: current.meta, lastModified: current.lastModified, businessStatus: current.businessStatus }) as Task);
}
