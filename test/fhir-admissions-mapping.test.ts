/**
 * The admission mappers and Task writes, pure: ServiceRequest and Task from an admission request
 * record (schemas/admissions.graphql), valid R4; the Task ids; JSON Patch; which GraphQL mutation
 * a Task change stands for, run against a recording executor; the subscription topic's focus and
 * filters (the hub-level test is test/fhir-admissions.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSchema, parse, validate } from 'graphql';
import { composeServices } from '@apollo/composition';
import { loadSubgraphSdl } from '../platform/sdl.js';
import { loadR4Definitions, r4Issues } from './helpers/fhir/validate.js';
import { requestToServiceRequest } from '../fhir/mappers/service-request.js';
import type { Patient } from '../fhir/types.js';
import { requestToTasks, targetToTask } from '../fhir/mappers/task.js';
import { ADMISSION_EXTENSIONS, ADMISSION_SYSTEMS, parseTaskId, taskId } from '../fhir/mappers/admission-common.js';
import { applyPatch, readPatch } from '../fhir/write/patch.js';
import { patchTask, readTask, updateTask } from '../fhir/admissions/handlers.js';
import { FHIR_ADMISSION_OPERATIONS, type AdmissionRequestRecord, type AdmissionTargetRecord } from '../fhir/admissions/queries.js';
import { OperationOutcomeError, getStatus } from '../fhir/outcomes.js';
import type { HandlerContext } from '../fhir/records.js';
import { CODE_SYSTEMS, IDENTIFIER_SYSTEMS } from '../fhir/codes.js';
import { ADMISSION_TOPIC } from '../fhir/subscriptions/topics.js';
import { FilterError, matches, parseFilters, wantedTypes } from '../fhir/subscriptions/filters.js';
import { runSearch, type SearchRequest } from '../fhir/search/engine.js';
import { findSearchType } from '../fhir/search/registry.js';
import { taskSearch } from '../fhir/admissions/search.js';

const ID = '6f1c2b9e-3d4a-4c5b-9e8f-0a1b2c3d4e5f';

const target = (unitId: string, extra: Partial<AdmissionTargetRecord> = {}): AdmissionTargetRecord => ({
  unit: { id: unitId },
  establishment: { id: unitId.split('-')[0]! },
  status: 'PENDING',
  answer: null,
  refusalReason: null,
  comment: null,
  proposedAt: null,
  bedHeldUntil: null,
  answeredBy: null,
  answeredAt: null,
  ...extra,
});

function record(extra: Partial<AdmissionRequestRecord> = {}): AdmissionRequestRecord {
  return {
    id: ID,
    status: 'PENDING',
    version: 3,
    patientAge: 82,
    patientSex: 'FEMALE',
    discipline: 'MEDICINE',
    activityCode: '050',
    urgency: 'SAME_DAY',
    wishedAt: '2026-12-06T14:00:00.000Z',
    clinicalSummary: 'Chute, suspicion de fracture du col.',
    patientName: null,
    callbackContact: '+33 2 38 00 00 00',
    requester: { name: 'medecin.ville.orleans', kind: 'USER', professionalId: 'P000900', onBehalfOf: null },
    targets: [target('450002613-1124'), target('450000294-1640')],
    acceptedUnit: null,
    createdAt: '2026-12-06T08:00:00.000Z',
    updatedAt: '2026-12-06T08:05:00.000Z',
    expiresAt: '2026-12-06T10:00:00.000Z',
    closedAt: null,
    ...extra,
  };
}

beforeAll(() => loadR4Definitions(), 30_000);

describe('ServiceRequest', () => {
  it('is the request: status, intent, priority, contained patient by age and sex, requester, performers, note; valid R4', () => {
    const sr = requestToServiceRequest(record());
    expect(r4Issues(sr)).toEqual([]);
    expect(sr).toMatchObject({
      id: ID,
      meta: { versionId: '3', lastUpdated: '2026-12-06T08:05:00.000Z' },
      status: 'active',
      intent: 'order',
      priority: 'asap',
      code: { coding: [{ system: CODE_SYSTEMS.activiteOperationnelle, code: '050' }], text: 'MEDICINE' },
      subject: { reference: '#patient' },
      occurrenceDateTime: '2026-12-06T14:00:00.000Z',
      authoredOn: '2026-12-06T08:00:00.000Z',
      requester: { reference: 'Practitioner/P000900' },
      performer: [{ reference: 'HealthcareService/450002613-1124' }, { reference: 'HealthcareService/450000294-1640' }],
      note: [{ text: 'Chute, suspicion de fracture du col.' }],
    });
    const patient = sr.contained![0] as Patient;
    expect(patient).toEqual({ resourceType: 'Patient', id: 'patient', gender: 'female', extension: [{ url: ADMISSION_EXTENSIONS.patientAge, valueAge: { value: 82, unit: 'a', system: 'http://unitsofmeasure.org', code: 'a' } }] });
    expect(patient.name).toBeUndefined();
    expect((requestToServiceRequest(record({ patientName: 'DURAND Jeanne' })).contained![0] as Patient).name).toEqual([{ use: 'official', family: 'DURAND Jeanne' }]);
  });

  it('maps urgency to priority and the request status to request-status, keeping the hub status as a tag', () => {
    expect((['IMMEDIATE', 'SAME_DAY', 'WITHIN_48H', 'SCHEDULED'] as const).map((urgency) => requestToServiceRequest(record({ urgency })).priority)).toEqual(['stat', 'asap', 'urgent', 'routine']);
    const statuses = (['PENDING', 'ACCEPTED', 'COMPLETED', 'REFUSED', 'CANCELLED', 'EXPIRED'] as const).map((status) => requestToServiceRequest(record({ status })));
    expect(statuses.map((s) => s.status)).toEqual(['active', 'active', 'completed', 'revoked', 'revoked', 'revoked']);
    expect(statuses[4]!.meta!.tag).toEqual([{ system: ADMISSION_SYSTEMS.requestStatus, code: 'CANCELLED' }]);
  });

  it('names an application acting for a professional by idNat_PS, and an application alone as a Device', () => {
    const onBehalf = requestToServiceRequest(record({ requester: { name: 'place-search', kind: 'APPLICATION', professionalId: null, onBehalfOf: '10003456789' } }));
    expect(onBehalf.requester).toEqual({ type: 'Practitioner', identifier: { system: IDENTIFIER_SYSTEMS.idNatPs, value: '810003456789' }, display: 'place-search (RPPS 10003456789)' });
    expect(r4Issues(onBehalf)).toEqual([]);
    const app = requestToServiceRequest(record({ requester: { name: 'place-search', kind: 'APPLICATION', professionalId: null, onBehalfOf: null } }));
    expect(app.requester).toEqual({ type: 'Device', display: 'place-search' });
  });
});

describe('Task', () => {
  it('one per unit asked, id <request>-<unit>, owner the unit, focus and basedOn the request; valid R4', () => {
    const tasks = requestToTasks(record());
    expect(tasks.map((t) => t.id)).toEqual([`${ID}-450002613-1124`, `${ID}-450000294-1640`]);
    for (const task of tasks) expect(r4Issues(task)).toEqual([]);
    expect(tasks[0]).toMatchObject({
      status: 'requested',
      intent: 'order',
      priority: 'asap',
      focus: { reference: `ServiceRequest/${ID}` },
      basedOn: [{ reference: `ServiceRequest/${ID}` }],
      owner: { reference: 'HealthcareService/450002613-1124' },
      location: { reference: 'Location/450002613-1124' },
      requester: { reference: 'Practitioner/P000900' },
      businessStatus: { coding: [{ system: ADMISSION_SYSTEMS.targetStatus, code: 'PENDING' }] },
      meta: { versionId: '3' },
      executionPeriod: { start: '2026-12-06T08:00:00.000Z' },
    });
    expect(parseTaskId(tasks[0]!.id!)).toEqual({ requestId: ID, unitId: '450002613-1124' });
    expect(parseTaskId('450002613-1124')).toBeNull();
    expect(taskId(ID, 'x').length).toBeLessThanOrEqual(64);
  });

  it('maps each unit status: accepted, rejected with reason, on-hold with the proposed time, cancelled with why, completed', () => {
    const accepted = targetToTask(record({ status: 'ACCEPTED' }), target('u-1', { status: 'ACCEPTED', answeredAt: '2026-12-06T08:04:00Z', bedHeldUntil: '2026-12-06T12:04:00Z' }));
    expect(accepted).toMatchObject({ status: 'accepted', executionPeriod: { end: '2026-12-06T08:04:00.000Z' }, output: [{ valueDateTime: '2026-12-06T12:04:00.000Z' }] });
    const rejected = targetToTask(record(), target('u-1', { status: 'REFUSED', refusalReason: 'NO_BED', comment: 'Plus de lit' }));
    expect(rejected).toMatchObject({ status: 'rejected', statusReason: { coding: [{ system: ADMISSION_SYSTEMS.refusalReason, code: 'NO_BED' }], text: 'Plus de lit' } });
    const proposed = targetToTask(record(), target('u-1', { status: 'PROPOSED', proposedAt: '2026-12-07T09:00:00Z' }));
    expect(proposed).toMatchObject({ status: 'on-hold', restriction: { period: { start: '2026-12-07T09:00:00.000Z' } } });
    const withdrawn = (status: AdmissionRequestRecord['status']) => targetToTask(record({ status }), target('u-1', { status: 'WITHDRAWN' })).statusReason?.coding?.[0]?.code;
    expect([withdrawn('ACCEPTED'), withdrawn('CANCELLED'), withdrawn('EXPIRED')]).toEqual(['OTHER_UNIT_ACCEPTED', 'CANCELLED', 'EXPIRED']);
    expect(targetToTask(record({ status: 'COMPLETED' }), target('u-1', { status: 'COMPLETED' })).status).toBe('completed');
    for (const task of [accepted, rejected, proposed]) expect(r4Issues(task)).toEqual([]);
  });
});

describe('JSON Patch and FHIRPath Patch (fhir/write/patch.ts, the one applier)', () => {
  const JSON_PATCH = 'application/json-patch+json';
  const json = (operations: unknown) => readPatch(JSON_PATCH, operations);
  const status = (f: () => unknown) => {
    try {
      f();
      return 200;
    } catch (error) {
      return error instanceof OperationOutcomeError ? getStatus(error.outcome) : 500;
    }
  };

  it('adds, replaces, removes and tests; refuses what it cannot do', () => {
    const doc = { resourceType: 'Task', status: 'requested', note: [{ text: 'a' }] };
    const deep = json([{ op: 'test', path: '/status', value: 'requested' }, { op: 'replace', path: '/status', value: 'accepted' }, { op: 'add', path: '/note/-', value: { text: 'b' } }, { op: 'add', path: '/restriction/period/start', value: 'x' }, { op: 'add', path: '/output/-', value: { valueString: 'o' } }]);
    expect(applyPatch(doc, deep, { firstLevel: false })).toEqual({
      resourceType: 'Task',
      status: 'accepted',
      note: [{ text: 'a' }, { text: 'b' }],
      restriction: { period: { start: 'x' } },
      output: [{ valueString: 'o' }],
    });
    expect(doc.status).toBe('requested');
    // The IG's writes are first-level: the same patch is a 422 naming the deeper path.
    expect(status(() => applyPatch(doc, deep))).toBe(422);
    expect(status(() => json({ op: 'replace' }))).toBe(400);
    expect(status(() => json([{ op: 'move', path: '/status', from: '/x' }]))).toBe(400);
    expect(status(() => applyPatch(doc, json([{ op: 'replace', path: '/statusReason', value: {} }])))).toBe(400);
    expect(status(() => applyPatch(doc, json([{ op: 'test', path: '/status', value: 'accepted' }])))).toBe(400);
    expect(status(() => applyPatch(doc, json([{ op: 'replace', path: '/meta', value: {} }])))).toBe(422);
    expect(applyPatch(doc, json([{ op: 'remove', path: '/note/0' }]))).toEqual({ resourceType: 'Task', status: 'requested' });
    // A member of a first-level element is deeper; add never overwrites a value on its way.
    expect(status(() => applyPatch(doc, json([{ op: 'add', path: '/status/text', value: 'x' }])))).toBe(422);
    expect(status(() => applyPatch(doc, json([{ op: 'add', path: '/status/text', value: 'x' }]), { firstLevel: false }))).toBe(400);
  });

  it('reads a Parameters body as FHIRPath Patch: replace, delete, add on first-level elements', () => {
    const operation = (parts: unknown[]) => ({ name: 'operation', part: parts });
    const patch = readPatch('application/fhir+json', {
      resourceType: 'Parameters',
      parameter: [
        operation([{ name: 'type', valueCode: 'replace' }, { name: 'path', valueString: 'Task.status' }, { name: 'value', valueCode: 'completed' }]),
        operation([{ name: 'type', valueCode: 'add' }, { name: 'path', valueString: 'Task' }, { name: 'name', valueString: 'output' }, { name: 'value', part: [{ name: 'valueString', valueString: 'v' }] }]),
        operation([{ name: 'type', valueCode: 'delete' }, { name: 'path', valueString: 'Task.note' }]),
      ],
    });
    expect(applyPatch({ resourceType: 'Task', status: 'requested', note: [{ text: 'a' }] }, patch)).toEqual({ resourceType: 'Task', status: 'completed', output: [{ valueString: 'v' }] });
    const deeper = readPatch('application/fhir+json', { resourceType: 'Parameters', parameter: [operation([{ name: 'type', valueCode: 'replace' }, { name: 'path', valueString: 'Task.owner.reference' }, { name: 'value', valueString: 'x' }])] });
    expect(status(() => applyPatch({ resourceType: 'Task', owner: { reference: 'y' } }, deeper))).toBe(422);
    expect(status(() => readPatch('application/fhir+json', { resourceType: 'Parameters', parameter: [] }))).toBe(400);
    expect(status(() => readPatch('application/fhir+json', [{ op: 'replace', path: '/status', value: 'x' }]))).toBe(400);
  });
});

describe('Task writes as GraphQL transitions', () => {
  /** An executor answering the read with `current`, and any mutation with `after` (or the given errors); it records what it ran. */
  function context(current: AdmissionRequestRecord, opts: { after?: AdmissionRequestRecord; errors?: Array<{ message: string; extensions: { code: string } }>; body?: unknown; ifMatch?: string } = {}) {
    const calls: Array<{ operation: string; variables: Record<string, unknown> }> = [];
    const ctx: HandlerContext = {
      caller: { authorization: 'Bearer x' },
      request: { query: {}, body: opts.body, ...(opts.ifMatch !== undefined ? { ifMatch: opts.ifMatch } : {}) },
      execute: (async ({ query, variables }: { query: string; variables?: Record<string, unknown> }) => {
        const operation = /(?:query|mutation) (\w+)/.exec(query)![1]!;
        calls.push({ operation, variables: variables ?? {} });
        if (operation === 'FhirAdmissionRequest') return { data: { admissionRequest: variables?.id === current.id ? current : null } };
        if (opts.errors) return { errors: opts.errors };
        const field = { FhirAnswerAdmission: 'answerAdmissionRequest', FhirCancelAdmission: 'cancelAdmissionRequest', FhirAcceptAdmissionProposal: 'acceptAdmissionProposal', FhirRecordAdmission: 'recordAdmission' }[operation]!;
        return { data: { [field]: opts.after ?? current } };
      }) as unknown as HandlerContext['execute'],
    };
    return { ctx, calls };
  }
  const TASK = `${ID}-450002613-1124`;
  const outcomeStatus = async (p: Promise<unknown>) => p.then(() => 200, (e: unknown) => (e instanceof OperationOutcomeError ? getStatus(e.outcome) : 500));

  it('requested → accepted is answerAdmissionRequest ACCEPT with the If-Match version, answered as the updated Task', async () => {
    const after = record({ status: 'ACCEPTED', version: 4, targets: [target('450002613-1124', { status: 'ACCEPTED' }), target('450000294-1640', { status: 'WITHDRAWN' })] });
    const { ctx, calls } = context(record(), { after, ifMatch: 'W/"3"', body: [{ op: 'replace', path: '/status', value: 'accepted' }] });
    const [, task] = await patchTask(TASK, ctx);
    expect(calls[1]).toEqual({ operation: 'FhirAnswerAdmission', variables: { id: ID, unitId: '450002613-1124', input: { answer: 'ACCEPT', holdBed: false }, expectedVersion: 3 } });
    expect(task).toMatchObject({ status: 'accepted', meta: { versionId: '4' } });
  });

  it('rejected needs a coded reason; on-hold a proposed time; cancelled is the requester\'s cancel; PUT works like PATCH', async () => {
    const reject = context(record(), { body: [{ op: 'replace', path: '/status', value: 'rejected' }, { op: 'add', path: '/statusReason', value: { coding: [{ system: ADMISSION_SYSTEMS.refusalReason, code: 'NOT_SUITED' }], text: 'Pas de gériatrie aiguë' } }] });
    await patchTask(TASK, reject.ctx);
    expect(reject.calls[1]!.variables).toMatchObject({ input: { answer: 'REFUSE', reason: 'NOT_SUITED', comment: 'Pas de gériatrie aiguë' }, expectedVersion: 3 });
    expect(await outcomeStatus(patchTask(TASK, context(record(), { body: [{ op: 'replace', path: '/status', value: 'rejected' }] }).ctx))).toBe(400);
    const propose = context(record(), { body: [{ op: 'replace', path: '/status', value: 'on-hold' }, { op: 'add', path: '/restriction', value: { period: { start: '2026-12-07T09:00:00Z' } } }] });
    await patchTask(TASK, propose.ctx);
    expect(propose.calls[1]!.variables).toMatchObject({ input: { answer: 'PROPOSE', proposedAt: '2026-12-07T09:00:00Z' } });
    const [, current] = await readTask(TASK, context(record()).ctx);
    const cancel = context(record(), { body: { ...current, status: 'cancelled', statusReason: { text: 'Patiente hospitalisée ailleurs' } } });
    await updateTask(TASK, cancel.ctx);
    expect(cancel.calls[1]).toEqual({ operation: 'FhirCancelAdmission', variables: { id: ID, reason: 'Patiente hospitalisée ailleurs', expectedVersion: 3 } });
  });

  it('refuses with an OperationOutcome: stale If-Match 412 (also when the mutation loses a race), other elements 400, impossible moves 400, unknown Task 404', async () => {
    const body = [{ op: 'replace', path: '/status', value: 'accepted' }];
    const stale = context(record(), { body, ifMatch: 'W/"2"' });
    expect(await outcomeStatus(patchTask(TASK, stale.ctx))).toBe(412);
    expect(stale.calls.map((c) => c.operation)).toEqual(['FhirAdmissionRequest']);
    const raced = context(record(), { body, ifMatch: 'W/"3"', errors: [{ message: 'Version 3 is stale.', extensions: { code: 'CONFLICT' } }] });
    expect(await outcomeStatus(patchTask(TASK, raced.ctx))).toBe(412);
    expect(await outcomeStatus(patchTask(TASK, context(record(), { body, errors: [{ message: 'stale', extensions: { code: 'CONFLICT' } }] }).ctx))).toBe(409);
    expect(await outcomeStatus(patchTask(TASK, context(record(), { body, errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] }).ctx))).toBe(403);
    expect(await outcomeStatus(patchTask(TASK, context(record(), { body: [{ op: 'replace', path: '/owner', value: { reference: 'HealthcareService/x' } }] }).ctx))).toBe(400);
    expect(await outcomeStatus(patchTask(TASK, context(record(), { body: [{ op: 'replace', path: '/status', value: 'completed' }] }).ctx))).toBe(400);
    const [missing] = await patchTask(`${ID}-999999999-1`, context(record(), { body }).ctx);
    expect(getStatus(missing)).toBe(404);
  });
});

describe('GraphQL documents', () => {
  it('validate against the supergraph composed with the admissions contract', () => {
    const services = ['offer', 'capacities', 'tensions', 'professionals', 'admissions'].map((name) => ({ name, url: `http://${name}.invalid/graphql`, typeDefs: loadSubgraphSdl(name) }));
    const composed = composeServices(services);
    expect(composed.errors ?? []).toEqual([]);
    if (composed.errors) return;
    const schema = buildSchema(composed.supergraphSdl);
    for (const [name, document] of Object.entries(FHIR_ADMISSION_OPERATIONS)) expect(validate(schema, parse(document)).map((e) => e.message), name).toEqual([]);
  });
});

describe('the admission subscription topic', () => {
  const change = (action: string, unitId: string | null) => ({
    recordType: 'ADMISSION_REQUEST',
    recordId: ID,
    payload: { requestId: ID, action, unitId, targets: [{ unitId: 'u-1', establishmentId: 'e', organizationId: 'o' }, { unitId: 'u-2', establishmentId: 'e', organizationId: 'o' }] },
  });

  it('focuses the Task of the unit that answered, or every Task when the change may move them all', () => {
    const wanted = wantedTypes(ADMISSION_TOPIC, []);
    expect(ADMISSION_TOPIC.focusOf(change('REFUSED', 'u-2'), wanted)).toEqual([{ type: 'Task', id: `${ID}-u-2` }]);
    expect(ADMISSION_TOPIC.focusOf(change('ACCEPTED', 'u-1'), wanted)).toEqual([{ type: 'Task', id: `${ID}-u-1` }, { type: 'Task', id: `${ID}-u-2` }]);
    expect(ADMISSION_TOPIC.focusOf(change('CREATED', null), wanted)).toEqual([{ type: 'Task', id: `${ID}-u-1` }, { type: 'Task', id: `${ID}-u-2` }]);
    expect(ADMISSION_TOPIC.focusOf({ ...change('CREATED', null), recordType: 'UNIT' }, wanted)).toBeNull();
  });

  it('filters Task by owner, requester, status, focus and _id; references compare by id', () => {
    const criteria = parseFilters(ADMISSION_TOPIC, ['Task?owner=HealthcareService/u-1&status=accepted,requested']);
    expect(matches(criteria, 'Task', { owner: ['u-1', 'e'], status: ['requested'] })).toBe(true);
    expect(matches(criteria, 'Task', { owner: ['u-2', 'e'], status: ['requested'] })).toBe(false);
    expect(matches(parseFilters(ADMISSION_TOPIC, ['Task?owner=Organization/e']), 'Task', { owner: ['u-2', 'e'] })).toBe(true);
    expect(() => parseFilters(ADMISSION_TOPIC, ['Task?patient=x'])).toThrow(FilterError);
    expect(() => parseFilters(ADMISSION_TOPIC, ['Location?_id=x'])).toThrow(FilterError);
  });
});

describe('Task search paging', () => {
  /** Requests of 1 to 3 units, newest first, served as `admissionRequests` pages (cursor = index). */
  const requests = Array.from({ length: 7 }, (_, i) =>
    record({ id: `6f1c2b9e-3d4a-4c5b-9e8f-0a1b2c3d4e${String(i).padStart(2, '0')}`, targets: Array.from({ length: (i % 3) + 1 }, (_, k) => target(`45000000${i}-${k}`, { status: k === 0 ? 'PENDING' : 'REFUSED', refusalReason: k === 0 ? null : 'NO_BED' })) }),
  );
  const ctx = {
    caller: {},
    execute: (async ({ query, variables }: { query: string; variables?: Record<string, unknown> }) => {
      if (/query FhirAdmissionRequests/.test(query)) {
        const start = variables?.after ? Number(variables.after) + 1 : 0;
        const page = requests.slice(start, start + Number(variables?.first));
        return { data: { admissionRequests: { edges: page.map((node, i) => ({ cursor: String(start + i), node })), pageInfo: { hasNextPage: start + page.length < requests.length, endCursor: String(start + page.length - 1) } } } };
      }
      return { data: { admissionRequest: requests.find((r) => r.id === variables?.id) ?? null } };
    }) as unknown as HandlerContext['execute'],
  } as HandlerContext;

  async function all(params: Array<[string, string]>): Promise<string[]> {
    const ids: string[] = [];
    let request: SearchRequest = { params, baseUrl: 'http://hub/fhir', lenient: false };
    for (let pages = 0; pages < 50; pages++) {
      const bundle = await runSearch(taskSearch, request, ctx, findSearchType);
      ids.push(...(bundle.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => e.resource!.id!));
      const next = bundle.link?.find((l) => l.relation === 'next');
      if (!next) return ids;
      request = { ...request, params: [...new URL(next.url).searchParams] };
    }
    throw new Error('no end');
  }

  it('pages through every Task once, also when a page ends between two Tasks of one request', async () => {
    const expected = requests.flatMap((r) => r.targets.map((t) => taskId(r.id, t.unit.id)));
    for (const count of ['1', '2', '5', '200']) expect(await all([['_count', count]])).toEqual(expected);
    const rejected = requests.flatMap((r) => r.targets.filter((t) => t.status === 'REFUSED').map((t) => taskId(r.id, t.unit.id)));
    expect(await all([['status', 'rejected'], ['_count', '2']])).toEqual(rejected);
    expect(await all([['_id', expected[4]!]])).toEqual([expected[4]]);
    expect(await all([['focus', `ServiceRequest/${requests[2]!.id}`], ['_count', '1']])).toEqual(requests[2]!.targets.map((t) => taskId(requests[2]!.id, t.unit.id)));
    const total = await runSearch(taskSearch, { params: [['status', 'requested'], ['_summary', 'count']], baseUrl: 'http://hub/fhir', lenient: false }, ctx, findSearchType);
    expect(total.total).toBe(requests.length);
  });
});

describe('admission search values', () => {
  it('are checked before any read: a bad date or reference is 400, even when nothing would be listed', async () => {
    const ctx = { caller: {}, execute: (async () => ({ data: { admissionRequests: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } })) as unknown as HandlerContext['execute'] } as HandlerContext;
    const run = (params: Array<[string, string]>) =>
      runSearch(taskSearch, { params, baseUrl: 'http://hub/fhir', lenient: false }, ctx, findSearchType).then(
        () => 200,
        (e: unknown) => (e instanceof OperationOutcomeError ? getStatus(e.outcome) : 500),
      );
    expect(await run([['_lastUpdated', 'ge2026-13-01']])).toBe(400);
    expect(await run([['owner', 'HealthcareService/a b']])).toBe(400);
    expect(await run([['patient', 'x']])).toBe(400);
    expect(await run([['_sort', 'status']])).toBe(400);
    expect(await run([['owner', 'HealthcareService/450002613-1124'], ['_lastUpdated', 'ge2026-01-01']])).toBe(200);
  });
});
