/**
 * Task and ServiceRequest search (docs/admissions.md § FHIR): over the admission requests the
 * caller may see (requester and receivers only, decided by the admissions subgraph). `_id` and
 * `focus` name requests, read directly; `owner` / `performer` on units narrow the listing on the
 * subgraph's side; every other clause is evaluated on the mapped resource.
 */
import { requestToServiceRequest } from '../mappers/service-request.js';
import { requestToTasks } from '../mappers/task.js';
import { isRequestId, parseTaskId, requesterKeys } from '../mappers/admission-common.js';
import type { HandlerContext } from '../records.js';
import type { FhirSearchResource, ServiceRequest, Task } from '../types.js';
import { ALL_PREFIXES, TOKEN_MODIFIERS, base, type SearchParamDefinition, type SearchType } from '../search/definitions.js';
import { unescape, type Clause, type ParsedSearch } from '../search/parse.js';
import { OperationOutcomeError, badRequest } from '../outcomes.js';
import { idOrLastUpdatedHolds, instantTest, parseToken, tokenHolds } from '../search/values.js';
import type { AdmissionRequestRecord } from './queries.js';
import { prepareAdmissions, requestById, type RequestFilter } from './source.js';

const TASK_STATUS_SYSTEM = 'http://hl7.org/fhir/task-status';
const REQUEST_STATUS_SYSTEM = 'http://hl7.org/fhir/request-status';

const ID: SearchParamDefinition = { code: '_id', type: 'token', description: 'Logical id; comma-separated ids are alternatives.', definition: base('Resource-id') };
const LAST_UPDATED: SearchParamDefinition = {
  code: '_lastUpdated',
  type: 'date',
  description: 'meta.lastUpdated: the request\'s last transition (any unit\'s answer moves every Task of the request).',
  definition: base('Resource-lastUpdated'),
  prefixes: ALL_PREFIXES,
};

const TASK_PARAMS: readonly SearchParamDefinition[] = [
  ID,
  LAST_UPDATED,
  { code: 'status', type: 'token', description: 'Task.status (http://hl7.org/fhir/task-status): requested, on-hold (a time was proposed), accepted, rejected, cancelled, completed.', definition: base('Task-status'), modifiers: TOKEN_MODIFIERS },
  { code: 'focus', type: 'reference', description: 'The request: ServiceRequest/<request id> or the bare id.', definition: base('Task-focus') },
  { code: 'owner', type: 'reference', description: 'The unit asked, HealthcareService/<unit id>, or its establishment, Organization/<FINESS ET>; a bare id is either.', definition: base('Task-owner') },
  { code: 'requester', type: 'reference', description: 'Who asked: Practitioner/<professional id>, or the requester\'s name.', definition: base('Task-requester') },
];

const SERVICE_REQUEST_PARAMS: readonly SearchParamDefinition[] = [
  ID,
  LAST_UPDATED,
  { code: 'status', type: 'token', description: 'ServiceRequest.status (http://hl7.org/fhir/request-status): active (pending or accepted), completed, revoked (refused, cancelled or expired).', definition: base('ServiceRequest-status'), modifiers: TOKEN_MODIFIERS },
  { code: 'requester', type: 'reference', description: 'Who asked: Practitioner/<professional id>, or the requester\'s name.', definition: base('ServiceRequest-requester') },
  { code: 'performer', type: 'reference', description: 'A unit asked: HealthcareService/<unit id> or the bare id.', definition: base('ServiceRequest-performer') },
];

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** A reference value as [type or undefined, id]. */
export function reference(raw: string): [string | undefined, string] {
  const parts = unescape(raw).split('/');
  return parts.length >= 2 ? [parts.at(-2), parts.at(-1)!] : [undefined, parts[0]!];
}

/**
 * Malformed values are 400 before anything is read (FHIR search.html#errors), although the
 * clauses are evaluated per resource: a bad date must not pass because no request was listed.
 */
function checkValues(search: ParsedSearch): void {
  for (const clause of search.clauses) {
    for (const value of clause.values) {
      if (clause.definition.type === 'date') instantTest(value);
      // requester also takes a name, which may hold any character.
      if (clause.definition.type === 'reference' && clause.code !== 'requester' && !FHIR_ID.test(reference(value.value)[1])) {
        throw new OperationOutcomeError(badRequest(`Invalid reference "${value.value}" for ${clause.code}`));
      }
    }
  }
}

function requesterHolds(clause: Clause, request: AdmissionRequestRecord): boolean {
  const keys = requesterKeys(request);
  return clause.values.some((v) => {
    const [type, id] = reference(v.value);
    return type === undefined || type === 'Practitioner' ? keys.includes(id) || keys.includes(unescape(v.value)) : false;
  });
}

/** The request ids a clause set names (`_id` without :not, `focus`), intersected; undefined when none does. */
function namedRequests(clauses: readonly Clause[], idOf: (value: string) => string | null): string[] | undefined {
  let named: Set<string> | undefined;
  for (const clause of clauses) {
    if (clause.modifier === 'not') continue;
    const ids = clause.code === '_id' ? clause.values.map((v) => idOf(unescape(v.value))) : clause.code === 'focus' ? clause.values.map((v) => { const [type, id] = reference(v.value); return type === undefined || type === 'ServiceRequest' ? id : null; }) : null;
    if (!ids) continue;
    const valid = new Set(ids.filter((id): id is string => id !== null && isRequestId(id)));
    named = named ? new Set([...named].filter((id) => valid.has(id))) : valid;
  }
  return named ? [...named] : undefined;
}

/**
 * What the subgraph can narrow (the predicate still checks everything): the units every value of
 * a unit-reference clause names, or the one establishment an `Organization/` value names.
 */
function unitFilter(search: ParsedSearch, code: string): RequestFilter {
  const clause = search.clauses.find((c) => c.code === code);
  if (!clause) return {};
  const refs = clause.values.map((v) => reference(v.value));
  if (refs.every(([type]) => type === 'HealthcareService')) return { unitIds: refs.map(([, id]) => id) };
  if (refs.length === 1 && refs[0]![0] === 'Organization') return { establishmentId: refs[0]![1] };
  return {};
}

/** ServiceRequest.status → the request statuses it stands for, to narrow the listing (not for :not). */
const REQUEST_STATUSES: Readonly<Record<string, string[]>> = {
  active: ['PENDING', 'ACCEPTED'],
  completed: ['COMPLETED'],
  revoked: ['REFUSED', 'CANCELLED', 'EXPIRED'],
};

function statusFilter(search: ParsedSearch): RequestFilter {
  const clause = search.clauses.find((c) => c.code === 'status');
  if (!clause || clause.modifier === 'not') return {};
  const tokens = clause.values.map((v) => parseToken(v.value));
  // `system|` (any status) or an empty result (nothing can match: the predicate says so) narrow nothing.
  if (tokens.some((t) => t.code === undefined)) return {};
  const statuses = tokens.flatMap((t) => (t.system === undefined || t.system === REQUEST_STATUS_SYSTEM ? (REQUEST_STATUSES[t.code!] ?? []) : []));
  return statuses.length ? { statuses } : {};
}

function taskHolds(clause: Clause, task: Task, request: AdmissionRequestRecord): boolean {
  const unitId = task.owner!.reference!.split('/')[1]!;
  const target = request.targets.find((t) => t.unit.id === unitId)!;
  const common = idOrLastUpdatedHolds(clause, task);
  if (common !== undefined) return common;
  switch (clause.code) {
    case 'status':
      return tokenHolds(clause, { system: TASK_STATUS_SYSTEM, code: task.status });
    case 'focus':
      return clause.values.some((v) => { const [type, id] = reference(v.value); return (type === undefined || type === 'ServiceRequest') && id === request.id; });
    case 'owner':
      return clause.values.some((v) => {
        const [type, id] = reference(v.value);
        return ((type === undefined || type === 'HealthcareService') && id === unitId) || ((type === undefined || type === 'Organization') && id === target.establishment.id);
      });
    case 'requester':
      return requesterHolds(clause, request);
    default:
      return true;
  }
}

function serviceRequestHolds(clause: Clause, resource: ServiceRequest, request: AdmissionRequestRecord): boolean {
  const common = idOrLastUpdatedHolds(clause, resource);
  if (common !== undefined) return common;
  switch (clause.code) {
    case 'status':
      return tokenHolds(clause, { system: REQUEST_STATUS_SYSTEM, code: resource.status });
    case 'requester':
      return requesterHolds(clause, request);
    case 'performer':
      return clause.values.some((v) => { const [type, id] = reference(v.value); return (type === undefined || type === 'HealthcareService') && request.targets.some((t) => t.unit.id === id); });
    default:
      return true;
  }
}

const tasksOf = async (ids: readonly string[], ctx: HandlerContext): Promise<Task[]> => {
  const wanted = new Set(ids);
  const requests = [...new Set(ids.map((id) => parseTaskId(id)?.requestId).filter((r): r is string => r !== undefined))];
  const found = await Promise.all(requests.map((id) => requestById(ctx, id)));
  return found.flatMap((r) => (r ? requestToTasks(r) : [])).filter((t) => wanted.has(t.id!));
};

const serviceRequestsOf = async (ids: readonly string[], ctx: HandlerContext): Promise<ServiceRequest[]> => {
  const found = await Promise.all([...new Set(ids)].filter(isRequestId).map((id) => requestById(ctx, id)));
  return found.filter((r): r is AdmissionRequestRecord => r !== null).map(requestToServiceRequest);
};

export const taskSearch: SearchType = {
  resourceType: 'Task',
  params: TASK_PARAMS,
  sorts: {},
  includes: [
    { code: 'Task:focus', references: (r) => (r.resourceType === 'Task' && r.focus?.reference ? [r.focus.reference] : []) },
    { code: 'Task:owner', references: (r) => (r.resourceType === 'Task' && r.owner?.reference ? [r.owner.reference] : []) },
  ],
  revincludes: [],
  prepare: async (search, ctx) => {
    checkValues(search);
    return prepareAdmissions<Task>(ctx, {
      expand: requestToTasks,
      keep: (task, request) => search.clauses.every((c) => taskHolds(c, task, request)),
      filter: unitFilter(search, 'owner'),
      requestIds: namedRequests(search.clauses, (id) => parseTaskId(id)?.requestId ?? null),
    });
  },
  fetchByIds: (ids, ctx) => tasksOf(ids, ctx) as Promise<FhirSearchResource[]>,
};

export const serviceRequestSearch: SearchType = {
  resourceType: 'ServiceRequest',
  params: SERVICE_REQUEST_PARAMS,
  sorts: {},
  includes: [{ code: 'ServiceRequest:performer', references: (r) => (r.resourceType === 'ServiceRequest' ? (r.performer ?? []).map((p) => p.reference ?? '') : []) }],
  revincludes: [
    {
      code: 'Task:focus',
      find: async (ids, ctx) => (await Promise.all(ids.map((id) => requestById(ctx, id)))).flatMap((r) => (r ? requestToTasks(r) : [])),
    },
  ],
  prepare: async (search, ctx) => {
    checkValues(search);
    return prepareAdmissions<ServiceRequest>(ctx, {
      expand: (request) => [requestToServiceRequest(request)],
      keep: (resource, request) => search.clauses.every((c) => serviceRequestHolds(c, resource, request)),
      filter: { ...unitFilter(search, 'performer'), ...statusFilter(search) },
      requestIds: namedRequests(search.clauses, (id) => id),
    });
  },
  fetchByIds: (ids, ctx) => serviceRequestsOf(ids, ctx) as Promise<FhirSearchResource[]>,
};

