/**
 * Direct admissions in FHIR, end to end on a private hub of its database kind, with real clients:
 * a GP sends a request through GraphQL; the CHR Orléans bed manager's FHIR subscription (a
 * rest-hook receiver on the loopback) hears of the requested Task, finds it with
 * `Task?owner=…&status=requested` (fhir-kit-client), reads the ServiceRequest, and accepts by
 * PATCH with If-Match (412 when stale); the GP reads the accepted Task and their own
 * ServiceRequest; a user of another establishment finds nothing (empty searches, 404) and cannot
 * write; the GP cancels another request by PUT. Timings are never asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'fhir-kit-client';
import { endToEndKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asUser } from './helpers/tokens.js';
import { loadR4Definitions, r4Issues } from './helpers/fhir/validate.js';
import { startReceiver, statusOf, type Receiver } from './helpers/fhir/receiver.js';
import { BACKPORT_URLS } from '../fhir/subscriptions/backport.js';
import { ADMISSION_TOPIC } from '../fhir/subscriptions/topics.js';
import { ADMISSION_SYSTEMS } from '../fhir/mappers/admission-common.js';

const GP = 'medecin.ville.orleans';
const BED_MANAGER = 'gestionnaire.lits.orleans'; // BED_MANAGER on the CHR Orléans legal entity 450000088
const OTHER = 'ref.uo.tours'; // answers for a unit of Tours only
const LA_SOURCE = '450002613'; // Hôpital de la Source, CHR Orléans

type Resource = Record<string, unknown> & { resourceType: string; id: string };
type Bundle = { resourceType: 'Bundle'; total?: number; entry?: Array<{ resource: Resource; search?: { mode: string } }> };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (await check()) return;
}

const REQUEST = /* GraphQL */ `
  mutation($input: AdmissionRequestInput!) { requestAdmission(input: $input) { id version status targets { unit { id } status } } }
`;

describe.each(endToEndKinds('pglite'))('FHIR direct admissions on %s', (kind) => {
  let hub: TestHub;
  let hook: Receiver;
  let gpHook: Receiver;
  const tokens: Record<string, string> = {};
  const client = (who: string) => new Client({ baseUrl: hub.urls.fhir, bearerToken: tokens[who]!.replace(/^Bearer /, '') });
  let units: string[] = [];
  let requestId = '';
  let taskId = '';

  /** A raw FHIR call, for statuses and headers fhir-kit-client hides. */
  async function call(who: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${hub.urls.fhir}/${path}`, {
      method,
      headers: { authorization: tokens[who]!, ...(body !== undefined ? { 'content-type': method === 'PATCH' ? 'application/json-patch+json' : 'application/fhir+json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, etag: response.headers.get('etag'), body: (await response.json()) as Resource & { issue?: Array<{ code: string; diagnostics: string }> } };
  }

  async function sendRequest(unitIds: string[]): Promise<{ id: string; version: number }> {
    const result = await gql<{ requestAdmission: { id: string; version: number } }>(hub.urls.graphql, REQUEST, {
      input: { unitIds, patientAge: 82, patientSex: 'FEMALE', urgency: 'SAME_DAY', clinicalSummary: 'Chute à domicile, suspicion de fracture du col du fémur.', callbackContact: '+33 2 38 00 00 00' },
    }, { authorization: tokens[GP]! });
    expect(result.errors).toBeUndefined();
    return result.data!.requestAdmission;
  }

  const search = async (who: string, resourceType: string, searchParams: Record<string, string>) => (await client(who).search({ resourceType, searchParams })) as unknown as Bundle;
  const matchIds = (bundle: Bundle) => (bundle.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => e.resource.id);

  beforeAll(async () => {
    loadR4Definitions();
    hub = await startTestHub(kind, { ROR_FHIR_SUBSCRIPTION_POLL_MS: '100', ROR_FHIR_SUBSCRIPTION_RETRY_BASE_MS: '50', ROR_FHIR_SUBSCRIPTION_RETRY_MAX_MS: '200' });
    hook = await startReceiver();
    gpHook = await startReceiver();
    for (const who of [GP, BED_MANAGER, OTHER]) tokens[who] = await asUser(hub.urls.graphql, who);
    const found = await gql<{ units: { edges: Array<{ node: { id: string } }> } }>(hub.urls.graphql, `{ units(filter: { establishmentId: "${LA_SOURCE}" }, first: 2) { edges { node { id } } } }`, {}, { authorization: tokens[GP]! });
    units = found.data!.units.edges.map((e) => e.node.id);
    expect(units.length).toBe(2);
  }, 120_000);

  afterAll(async () => {
    await hook?.close();
    await gpHook?.close();
    await hub?.close();
  });

  /** A full-resource rest-hook subscription on the admission topic, active. */
  async function subscribe(who: string, filter: string, receiver: Receiver): Promise<void> {
    const subscription = (await client(who).create({
      resourceType: 'Subscription',
      body: {
        resourceType: 'Subscription',
        meta: { profile: [BACKPORT_URLS.subscriptionProfile] },
        status: 'requested',
        reason: 'Admission requests',
        criteria: ADMISSION_TOPIC.canonical,
        _criteria: { extension: [{ url: BACKPORT_URLS.filterCriteria, valueString: filter }] },
        channel: { type: 'rest-hook', endpoint: receiver.url, payload: 'application/fhir+json', _payload: { extension: [{ url: BACKPORT_URLS.payloadContent, valueCode: 'full-resource' }] } },
      },
    })) as unknown as { id: string };
    await until(async () => ((await client(who).read({ resourceType: 'Subscription', id: subscription.id })) as unknown as { status: string }).status === 'active');
  }

  it('the bed manager\'s subscription hears of the request; Task?owner=…&status=requested finds it; the ServiceRequest carries the patient by age and sex', async () => {
    await subscribe(BED_MANAGER, `Task?owner=Organization/${LA_SOURCE}`, hook);
    await subscribe(GP, `Task?requester=${GP}&status=accepted,rejected`, gpHook);

    const sent = await sendRequest([units[0]!]);
    requestId = sent.id;
    taskId = `${requestId}-${units[0]}`;
    await until(() => hook.received.some((r) => statusOf(r.body).type === 'event-notification'));
    const event = hook.received.find((r) => statusOf(r.body).type === 'event-notification')!.body;
    expect(r4Issues(event as never)).toEqual([]);
    expect(event.entry[1]!.resource).toMatchObject({ resourceType: 'Task', id: taskId, status: 'requested', owner: { reference: `HealthcareService/${units[0]}` } });

    const found = await search(BED_MANAGER, 'Task', { owner: `HealthcareService/${units[0]}`, status: 'requested' });
    expect(matchIds(found)).toEqual([taskId]);
    expect(r4Issues(found as never)).toEqual([]);
    const byOrganization = await search(BED_MANAGER, 'Task', { owner: `Organization/${LA_SOURCE}`, status: 'requested', _include: 'Task:focus' });
    expect(matchIds(byOrganization)).toEqual([taskId]);
    expect((byOrganization.entry ?? []).filter((e) => e.search?.mode === 'include').map((e) => e.resource.id)).toEqual([requestId]);

    const withOwner = await search(BED_MANAGER, 'Task', { _id: taskId, _include: 'Task:owner' });
    expect((withOwner.entry ?? []).map((e) => `${e.search?.mode} ${e.resource.resourceType}/${e.resource.id}`)).toEqual([`match Task/${taskId}`, `include HealthcareService/${units[0]}`]);
    const withTasks = await search(BED_MANAGER, 'ServiceRequest', { _id: requestId, _revinclude: 'Task:focus' });
    expect((withTasks.entry ?? []).map((e) => `${e.search?.mode} ${e.resource.resourceType}/${e.resource.id}`)).toEqual([`match ServiceRequest/${requestId}`, `include Task/${taskId}`]);

    const request = (await client(BED_MANAGER).read({ resourceType: 'ServiceRequest', id: requestId })) as unknown as Resource & { contained: Resource[]; note: Array<{ text: string }> };
    expect(r4Issues(request)).toEqual([]);
    expect(request).toMatchObject({ status: 'active', intent: 'order', priority: 'asap', subject: { reference: '#patient' }, performer: [{ reference: `HealthcareService/${units[0]}` }] });
    expect(request.contained[0]).toMatchObject({ resourceType: 'Patient', gender: 'female', extension: [{ valueAge: { value: 82, code: 'a' } }] });
    expect(request.contained[0]!.name).toBeUndefined();
    expect(request.note[0]!.text).toMatch(/fracture du col/);
  });

  it('a user of another establishment gets empty searches, 404 on reads and on writes', async () => {
    expect(matchIds(await search(OTHER, 'Task', { owner: `HealthcareService/${units[0]}` }))).toEqual([]);
    expect(matchIds(await search(OTHER, 'ServiceRequest', { _id: requestId }))).toEqual([]);
    expect(matchIds(await search(OTHER, 'Task', { _id: taskId }))).toEqual([]);
    expect((await call(OTHER, 'GET', `Task/${taskId}`)).status).toBe(404);
    expect((await call(OTHER, 'GET', `ServiceRequest/${requestId}`)).status).toBe(404);
    const write = await call(OTHER, 'PATCH', `Task/${taskId}`, [{ op: 'replace', path: '/status', value: 'accepted' }]);
    expect(write.status).toBe(404);
    expect(write.body.resourceType).toBe('OperationOutcome');
    // Nothing changed.
    expect((await call(BED_MANAGER, 'GET', `Task/${taskId}`)).body.status).toBe('requested');
  });

  it('the GP may not answer; the bed manager accepts by PATCH with If-Match (412 when stale); the GP reads the accepted Task', async () => {
    const accept = [{ op: 'replace', path: '/status', value: 'accepted' }];
    const byGp = await call(GP, 'PATCH', `Task/${taskId}`, accept);
    expect(byGp.status).toBe(403);
    expect(byGp.body.issue![0]!.code).toBe('forbidden');

    const current = await call(BED_MANAGER, 'GET', `Task/${taskId}`);
    expect(current.etag).toBe('W/"1"');
    const stale = await call(BED_MANAGER, 'PATCH', `Task/${taskId}`, accept, { 'if-match': 'W/"0"' });
    expect(stale.status).toBe(412);
    expect(stale.body.resourceType).toBe('OperationOutcome');
    const accepted = await call(BED_MANAGER, 'PATCH', `Task/${taskId}`, accept, { 'if-match': current.etag! });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ resourceType: 'Task', id: taskId, status: 'accepted', meta: { versionId: '2' } });
    expect(accepted.etag).toBe('W/"2"');
    // The same answer again, on the old version: the precondition fails, nothing is written twice.
    expect((await call(BED_MANAGER, 'PATCH', `Task/${taskId}`, accept, { 'if-match': current.etag! })).status).toBe(412);

    const seen = (await client(GP).read({ resourceType: 'Task', id: taskId })) as unknown as Resource;
    expect(seen).toMatchObject({ status: 'accepted', businessStatus: { coding: [{ system: ADMISSION_SYSTEMS.targetStatus, code: 'ACCEPTED' }] } });
    expect(matchIds(await search(GP, 'Task', { focus: `ServiceRequest/${requestId}`, status: 'accepted' }))).toEqual([taskId]);
    expect(matchIds(await search(GP, 'ServiceRequest', { status: 'active', performer: `HealthcareService/${units[0]}` }))).toContain(requestId);
    expect(matchIds(await search(GP, 'ServiceRequest', { requester: GP }))).toContain(requestId);
    expect(matchIds(await search(GP, 'ServiceRequest', { status: 'revoked', _id: requestId }))).toEqual([]);
    expect((await search(BED_MANAGER, 'Task', { owner: `Organization/${LA_SOURCE}`, _lastUpdated: `ge${new Date(Date.now() - 3_600_000).toISOString()}`, _summary: 'count' })).total).toBeGreaterThanOrEqual(1);
    expect((await search(BED_MANAGER, 'Task', { owner: `Organization/${LA_SOURCE}`, _lastUpdated: 'lt2000-01-01', _summary: 'count' })).total).toBe(0);
    await until(() => hook.received.filter((r) => statusOf(r.body).type === 'event-notification').some((r) => r.body.entry[1]?.resource?.status === 'accepted'));
    expect(hook.received.some((r) => r.body.entry[1]?.resource?.status === 'accepted')).toBe(true);
    // The GP hears of the acceptance live, and of nothing else (its filter: accepted or rejected Tasks it asked for).
    const events = () => gpHook.received.filter((r) => statusOf(r.body).type === 'event-notification');
    await until(() => events().length > 0);
    expect(events().map((r) => [r.body.entry[1]?.resource?.id, r.body.entry[1]?.resource?.status])).toEqual([[taskId, 'accepted']]);
  });

  it('a refusal needs its coded reason; the GP cancels by PUT and every Task of the request is cancelled', async () => {
    const sent = await sendRequest(units);
    const [first, second] = units.map((u) => `${sent.id}-${u}`);
    const missingReason = await call(BED_MANAGER, 'PATCH', `Task/${first}`, [{ op: 'replace', path: '/status', value: 'rejected' }]);
    expect(missingReason.status).toBe(400);
    const refused = await call(BED_MANAGER, 'PATCH', `Task/${first}`, [
      { op: 'replace', path: '/status', value: 'rejected' },
      { op: 'add', path: '/statusReason', value: { coding: [{ system: ADMISSION_SYSTEMS.refusalReason, code: 'NO_BED' }] } },
    ]);
    expect(refused.body).toMatchObject({ status: 'rejected', statusReason: { coding: [{ code: 'NO_BED' }] } });

    const task = (await client(GP).read({ resourceType: 'Task', id: second! })) as unknown as Resource;
    const cancelled = await call(GP, 'PUT', `Task/${second}`, { ...task, status: 'cancelled', statusReason: { text: 'Admise ailleurs' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', statusReason: { coding: [{ code: 'CANCELLED' }] } });
    const request = (await client(GP).read({ resourceType: 'ServiceRequest', id: sent.id })) as unknown as Resource;
    expect(request.status).toBe('revoked');
    const tasks = await search(GP, 'Task', { focus: sent.id });
    expect((tasks.entry ?? []).map((e) => [e.resource.id, e.resource.status]).sort()).toEqual([[first, 'rejected'], [second, 'cancelled']].sort());
    // Changing what is not the Task's status is refused.
    expect((await call(GP, 'PUT', `Task/${second}`, { ...task, owner: { reference: 'HealthcareService/x' } })).status).toBe(400);
  });
});
