/**
 * Error reports as ror-task Tasks (docs/feedback.md § FHIR Task), with fhir-kit-client against a
 * running hub: an application reports a wrong phone number on a HealthcareService, the report
 * reaches the regional team (mail, GraphQL list, Task search), the team answers by PATCH and the
 * reporter's subscription receives the answer. Deny cases change nothing; bad payloads get an
 * OperationOutcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'fhir-kit-client';
import { sql } from 'drizzle-orm';
import { endToEndKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';
import { loadR4Definitions, r4Issues, rorIssues } from './helpers/fhir/validate.js';
import { startReceiver, statusOf, type Receiver } from './helpers/fhir/receiver.js';
import { BACKPORT_URLS } from '../fhir/subscriptions/backport.js';
import { REPORT_TASK_TOPIC } from '../fhir/subscriptions/topics.js';
import { REPORT_TASK_SYSTEMS } from '../fhir/mappers/report-task.js';
import { CODE_SYSTEMS } from '../fhir/codes.js';

const ROR_TASK = 'https://interop.esante.gouv.fr/ig/fhir/ror/StructureDefinition/ror-task';
const REPORTER = 'bed-manager-chateauroux'; // application with offer.report, access profile 2
const NO_RIGHT = 'sante-fr-directory'; // application without offer.report
const TEAM = 'admin.ars'; // ORU_ROR_ETABLISSEMENT_EDIT transversally
const USER = 'ref.etab.orleans'; // a hub user, not of the team

type Resource = Record<string, unknown> & { resourceType: string; id: string };
type Bundle = { resourceType: 'Bundle'; total?: number; entry?: Array<{ resource: Resource; search?: { mode: string } }> };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (await check()) return;
}

const input = (code: string, value: string) => ({ type: { coding: [{ system: REPORT_TASK_SYSTEMS.input, code }] }, valueString: value });
/** An input in the value type the profile gives it (Expression, Identifier). */
const typed = (code: string, value: Record<string, unknown>) => ({ type: { coding: [{ system: REPORT_TASK_SYSTEMS.input, code }] }, ...value });
const coded = (task: Record<string, unknown>) => (['businessStatus', 'code', 'reasonCode'] as const).map((key) => (task[key] as { coding: Array<{ code: string }> } | undefined)?.coding[0]?.code);
const inputOf = (task: Record<string, unknown>, code: string) => (task.input as Array<{ type: { coding: Array<{ code: string }> } }>).find((p) => p.type.coding[0]!.code === code);

const phoneReport = (focus: string) => ({
  resourceType: 'Task',
  meta: { profile: [ROR_TASK] },
  status: 'requested',
  intent: 'proposal',
  focus: { reference: focus },
  description: 'Le numéro de téléphone du service est faux.',
  input: [
    typed('pathElementError', { valueExpression: { language: 'text/fhirpath', expression: 'HealthcareService.telecom' } }),
    input('errorValue', '02 54 00 00 00'),
    input('proposedValue', '02 54 29 60 00'),
    input('systemRequester', 'Gestion des lits — CH Châteauroux'),
    typed('identifierRequester', { valueIdentifier: { system: 'urn:oid:1.2.250.1.213.1.4.2', value: 'GL-4512' } }),
  ],
});

describe.each(endToEndKinds('pglite'))('FHIR ror-task error reports on %s', (kind) => {
  let hub: TestHub;
  let hook: Receiver;
  const tokens: Record<string, string> = {};
  const client = (who: string) => new Client({ baseUrl: hub.urls.fhir, bearerToken: tokens[who]!.replace(/^Bearer /, '') });
  let unitId = '';
  let sensitiveUnitId = '';
  let taskId = '';

  async function call(who: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${hub.urls.fhir}/${path}`, {
      method,
      headers: { ...(who ? { authorization: tokens[who]! } : {}), ...(body !== undefined ? { 'content-type': method === 'PATCH' ? 'application/json-patch+json' : 'application/fhir+json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, location: response.headers.get('location'), body: (await response.json()) as Resource & { issue?: Array<{ code: string; diagnostics: string; expression?: string[] }> } };
  }
  const search = async (who: string, resourceType: string, searchParams: Record<string, string>) => (await client(who).search({ resourceType, searchParams })) as unknown as Bundle;
  const ids = (bundle: Bundle, mode = 'match') => (bundle.entry ?? []).filter((e) => e.search?.mode === mode).map((e) => `${e.resource.resourceType}/${e.resource.id}`);
  const reportCount = async () => (await hub.db.rows<{ n: number }>(sql`select count(*)::int as n from offer.feedback`))[0]!.n;

  beforeAll(async () => {
    loadR4Definitions();
    hub = await startTestHub(kind, { ROR_FHIR_SUBSCRIPTION_POLL_MS: '100', ROR_FHIR_SUBSCRIPTION_RETRY_BASE_MS: '50', ROR_FHIR_SUBSCRIPTION_RETRY_MAX_MS: '200' });
    hook = await startReceiver();
    for (const app of [REPORTER, NO_RIGHT]) tokens[app] = await asApp(hub.urls.graphql, app);
    for (const user of [TEAM, USER]) tokens[user] = await asUser(hub.urls.graphql, user);
    [{ id: unitId }] = await hub.db.rows<{ id: string }>(sql`select id from offer.unit where not sensitive and establishment_id = '360000137' order by id limit 1`);
    [{ id: sensitiveUnitId }] = await hub.db.rows<{ id: string }>(sql`select id from offer.unit where sensitive order by id limit 1`);
  }, 120_000);

  afterAll(async () => {
    await hook?.close();
    await hub?.close();
  });

  it('an application reports a wrong phone number; the team sees it (mail, GraphQL, Task search), answers by PATCH, and the subscription receives the answer', async () => {
    const subscription = (await client(REPORTER).create({
      resourceType: 'Subscription',
      body: {
        resourceType: 'Subscription',
        meta: { profile: [BACKPORT_URLS.subscriptionProfile] },
        status: 'requested',
        reason: 'Suivi de nos signalements',
        criteria: REPORT_TASK_TOPIC.canonical,
        _criteria: { extension: [{ url: BACKPORT_URLS.filterCriteria, valueString: 'Task?status=completed,rejected' }] },
        channel: { type: 'rest-hook', endpoint: hook.url, payload: 'application/fhir+json', _payload: { extension: [{ url: BACKPORT_URLS.payloadContent, valueCode: 'full-resource' }] } },
      },
    })) as unknown as { id: string };
    await until(async () => ((await client(REPORTER).read({ resourceType: 'Subscription', id: subscription.id })) as unknown as { status: string }).status === 'active');

    const created = await call(REPORTER, 'POST', 'Task', phoneReport(`HealthcareService/${unitId}`));
    expect(created.status).toBe(201);
    taskId = created.body.id;
    expect(taskId).toMatch(/^report-\d+$/);
    expect(created.location).toMatch(new RegExp(`/Task/${taskId}/_history/1$`));
    expect(r4Issues(created.body as never)).toEqual([]);
    expect(rorIssues(created.body as never)).toEqual([]);
    expect(created.body).toMatchObject({ status: 'requested', focus: { reference: `HealthcareService/${unitId}` }, requester: { type: 'Device' } });
    // 02 À traiter, 06 Exactitude, COR Correction: a wrong value with a proposed one.
    expect(coded(created.body)).toEqual(['02', '06', 'COR']);

    // The requester reads and finds its Task; the team finds it too.
    const read = (await client(REPORTER).read({ resourceType: 'Task', id: taskId })) as unknown as Resource & { input: unknown[] };
    // Inputs come back in the code system's order, equal otherwise.
    expect(read.input).toHaveLength(phoneReport('').input.length);
    expect(read.input).toEqual(expect.arrayContaining(phoneReport('').input));
    expect(ids(await search(REPORTER, 'Task', { focus: `HealthcareService/${unitId}` }))).toEqual([`Task/${taskId}`]);
    expect(ids(await search(TEAM, 'Task', { _profile: ROR_TASK, status: 'requested', _lastUpdated: 'ge2020-01-01' }))).toContain(`Task/${taskId}`);
    expect(ids(await search(REPORTER, 'Task', { _content: 'TELEPHONE du service' }))).toContain(`Task/${taskId}`);
    expect(ids(await search(REPORTER, 'Task', { _content: 'fax' }))).toEqual([]);
    const withReports = await search(TEAM, 'HealthcareService', { _id: unitId, _revinclude: 'Task:focus' });
    expect(ids(withReports, 'include')).toContain(`Task/${taskId}`);

    const list = await gql<{ feedback: { edges: Array<{ node: { id: string; senderLogin: string; details: { errorValue: string } } }> } }>(
      hub.urls.graphql, '{ feedback(status: OPEN, kind: REPORT_ERROR) { edges { node { id senderLogin details { errorValue } } } } }', {}, { authorization: tokens[TEAM]! });
    expect(list.data!.feedback.edges.map((e) => e.node)).toContainEqual({ id: taskId.slice('report-'.length), senderLogin: 'Gestion des lits — CH Châteauroux', details: { errorValue: '02 54 00 00 00' } });
    const [mail] = await hub.db.rows<{ body: string }>(sql`select body from offer.mail_outbox where subject like ${`%n° ${taskId.slice('report-'.length)} %`}`);
    expect(mail!.body).toContain('02 54 29 60 00');

    // The team answers.
    const answer = [
      { op: 'replace', path: '/status', value: 'completed' },
      { op: 'add', path: '/output', value: [{ type: { coding: [{ system: REPORT_TASK_SYSTEMS.output, code: 'newValue' }] }, valueString: '02 54 29 60 00' }, { type: { coding: [{ system: REPORT_TASK_SYSTEMS.output, code: 'identifierAnalyst' }] }, valueIdentifier: { value: 'ARS-CVL-07' } }] },
    ];
    const patched = await call(TEAM, 'PATCH', `Task/${taskId}`, answer, { 'if-match': 'W/"1"' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ status: 'completed', meta: { versionId: '2' }, output: answer[1]!.value });
    expect(coded(patched.body)).toEqual(['08', '06', 'COR']);
    expect(r4Issues(patched.body as never)).toEqual([]);
    expect(rorIssues(patched.body as never)).toEqual([]);

    await until(() => hook.received.some((r) => statusOf(r.body).type === 'event-notification'));
    const event = hook.received.find((r) => statusOf(r.body).type === 'event-notification')!.body;
    expect(event.entry[1]!.resource).toMatchObject({ resourceType: 'Task', id: taskId, status: 'completed', output: answer[1]!.value });
  });

  it('refuses without the right, on an invisible focus, and a PATCH by anyone but the team, changing nothing', async () => {
    const before = await reportCount();
    const noRight = await call(NO_RIGHT, 'POST', 'Task', phoneReport(`HealthcareService/${unitId}`));
    expect(noRight.status).toBe(403);
    expect(noRight.body.resourceType).toBe('OperationOutcome');
    expect((await call(null, 'POST', 'Task', phoneReport(`HealthcareService/${unitId}`))).status).toBe(401);
    const invisible = await call(REPORTER, 'POST', 'Task', phoneReport(`HealthcareService/${sensitiveUnitId}`));
    expect(invisible.status).toBe(400);
    expect(invisible.body.issue![0]!.expression).toEqual(['Task.focus']);
    expect(await reportCount()).toBe(before);

    const withoutSystem = phoneReport(`Location/${unitId}`);
    const created = await call(REPORTER, 'POST', 'Task', { ...withoutSystem, input: withoutSystem.input.filter((p) => p.type.coding[0]!.code !== 'systemRequester') });
    expect(created.status).toBe(201);
    // The application is the reporting system when it names none.
    expect(inputOf(created.body, 'systemRequester')).toMatchObject({ valueString: 'Gestion des lits — CH Châteauroux' });
    expect(rorIssues(created.body as never)).toEqual([]);
    const toCancel = [{ op: 'replace', path: '/businessStatus', value: { coding: [{ system: CODE_SYSTEMS.statutMetierAnomalie, code: '03' }] } }];
    const cancelled = await call(TEAM, 'PATCH', `Task/${created.body.id}`, toCancel);
    expect([cancelled.status, cancelled.body.issue?.[0]?.expression]).toEqual([400, ['Task.businessStatus']]);
    const byReporter = await call(REPORTER, 'PATCH', `Task/${created.body.id}`, [{ op: 'replace', path: '/status', value: 'rejected' }]);
    expect(byReporter.status).toBe(403);
    expect((await call(USER, 'PATCH', `Task/${created.body.id}`, [{ op: 'replace', path: '/status', value: 'rejected' }])).status).toBe(404);
    expect((await call(USER, 'GET', `Task/${created.body.id}`)).status).toBe(404);
    const unchanged = await call(TEAM, 'GET', `Task/${created.body.id}`);
    expect(unchanged.body).toMatchObject({ status: 'requested', meta: { versionId: '1' }, focus: { reference: `Location/${unitId}` } });
  });

  it('a hub user reports on an establishment (an Organization) and follows its own report', async () => {
    // The string forms of before stay accepted; a hub user reports through the hub.
    const legacy = [input('pathElementError', 'Organization.telecom'), input('errorValue', '02 54 00 00 00'), input('identifierRequester', 'REF-42')];
    const created = await call(USER, 'POST', 'Task', { ...phoneReport('Organization/360000137'), description: undefined, input: legacy });
    expect(created.status).toBe(201);
    expect(rorIssues(created.body as never)).toEqual([]);
    expect(inputOf(created.body, 'systemRequester')).toMatchObject({ valueString: 'ROR Hub' });
    expect(inputOf(created.body, 'pathElementError')).toMatchObject({ valueExpression: { language: 'text/fhirpath', expression: 'Organization.telecom' } });
    expect(inputOf(created.body, 'identifierRequester')).toMatchObject({ valueIdentifier: { value: 'REF-42' } });
    expect(created.body).toMatchObject({ focus: { reference: 'Organization/360000137' }, requester: { reference: expect.stringMatching(/^Practitioner\/P\d+$/) } });
    expect(created.body.description).toMatch(/Valeur erronée : 02 54 00 00 00/);
    const [row] = await hub.db.rows<{ subject_type: string; sender_kind: string }>(sql`select subject_type, sender_kind from offer.feedback where id = ${Number(created.body.id.slice('report-'.length))}`);
    expect(row).toEqual({ subject_type: 'ESTABLISHMENT', sender_kind: 'USER' });
    expect((await call(USER, 'GET', `Task/${created.body.id}`)).status).toBe(200);
    expect(ids(await search(USER, 'Task', { _profile: ROR_TASK }))).toEqual([`Task/${created.body.id}`]);
    expect((await call(REPORTER, 'GET', `Task/${created.body.id}`)).status).toBe(404);

    // The team answers with a FHIRPath Patch (the same applier as the offer writes), as the IG does: businessStatus 09 Refusé.
    const operation = (parts: unknown[]) => ({ name: 'operation', part: parts });
    const answer = {
      resourceType: 'Parameters',
      parameter: [
        operation([{ name: 'type', valueCode: 'replace' }, { name: 'path', valueString: 'Task.businessStatus' }, { name: 'value', valueCodeableConcept: { coding: [{ system: CODE_SYSTEMS.statutMetierAnomalie, code: '09', display: 'Refusé' }] } }]),
        operation([{ name: 'type', valueCode: 'add' }, { name: 'path', valueString: 'Task' }, { name: 'name', valueString: 'note' }, { name: 'value', part: [{ name: 'text', valueString: 'Le standard est bien au 02 38 00 00 00.' }] }]),
      ],
    };
    const fhirPath = { 'content-type': 'application/fhir+json', 'if-match': 'W/"1"' };
    const deeper = { resourceType: 'Parameters', parameter: [operation([{ name: 'type', valueCode: 'replace' }, { name: 'path', valueString: 'Task.focus.reference' }, { name: 'value', valueString: 'Organization/1' }])] };
    expect((await call(TEAM, 'PATCH', `Task/${created.body.id}`, deeper, fhirPath)).status).toBe(422);
    const answered = await call(TEAM, 'PATCH', `Task/${created.body.id}`, answer, fhirPath);
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'rejected', meta: { versionId: '2' }, note: [{ text: 'Le standard est bien au 02 38 00 00 00.' }] });
    expect(coded(answered.body)).toEqual(['09', '06', 'COR']);
    expect(rorIssues(answered.body as never)).toEqual([]);
    expect((await call(USER, 'GET', `Task/${created.body.id}`)).body).toMatchObject({ status: 'rejected' });
  });

  it('answers bad payloads with an OperationOutcome', async () => {
    const before = await reportCount();
    const bad = async (body: unknown) => {
      const result = await call(REPORTER, 'POST', 'Task', body);
      expect(result.status).toBe(400);
      expect(result.body.resourceType).toBe('OperationOutcome');
      return result.body.issue![0]!;
    };
    expect((await bad({ resourceType: 'Patient' })).diagnostics).toMatch(/Task resource/);
    expect((await bad({ ...phoneReport(`HealthcareService/${unitId}`), status: 'completed' })).expression).toEqual(['Task.status']);
    expect((await bad({ ...phoneReport(`HealthcareService/${unitId}`), input: [input('colour', 'x')] })).expression).toEqual(['Task.input[0].type']);
    expect((await bad({ ...phoneReport(`HealthcareService/${unitId}`), focus: { reference: 'Patient/1' } })).expression).toEqual(['Task.focus']);
    expect((await bad({ ...phoneReport(`HealthcareService/${unitId}`), input: [input('errorValue', 'x'.repeat(4001))] })).code).toBe('invalid');
    expect((await bad({ ...phoneReport(`HealthcareService/${unitId}`), input: { errorValue: 'x' } })).expression).toEqual(['Task.input']);
    expect((await bad({ ...phoneReport(`HealthcareService/${unitId}`), input: [{ type: { coding: 'errorValue' }, valueString: 'x' }] })).expression).toEqual(['Task.input[0].type']);
    expect((await bad({ ...phoneReport(`HealthcareService/${unitId}`), description: 12 })).expression).toEqual(['Task.description']);
    const cql = typed('pathElementError', { valueExpression: { language: 'text/cql', expression: 'x' } });
    expect((await bad({ ...phoneReport(`HealthcareService/${unitId}`), input: [cql] })).expression).toEqual(['Task.input[0].valueExpression.language']);
    expect((await bad({ ...phoneReport(`HealthcareService/${unitId}`), input: [typed('errorValue', { valueIdentifier: { value: 'x' } })] })).expression).toEqual(['Task.input[0]']);
    expect((await bad({ ...phoneReport(`HealthcareService/${unitId}`), input: [typed('identifierRequester', { valueIdentifier: { system: 'urn:x' } })] })).expression).toEqual(['Task.input[0].valueIdentifier']);
    expect((await bad({ ...phoneReport(`HealthcareService/${unitId}`), meta: { profile: 'x' } })).expression).toEqual(['Task.meta.profile']);
    expect(await reportCount()).toBe(before);
    const badDate = await call(REPORTER, 'GET', `Task?_profile=${ROR_TASK}&_lastUpdated=ge2026-13-01`);
    expect(badDate.status).toBe(400);
    const badPatch = await call(TEAM, 'PATCH', `Task/${taskId}`, [{ op: 'replace', path: '/status', value: 'rejected' }]);
    expect(badPatch.status).toBe(400);
    expect(badPatch.body.issue![0]!.diagnostics).toMatch(/already answered/);
  });

  it('declares Task create, read, search and patch with the ror-task profile', async () => {
    const statement = (await client(TEAM).capabilityStatement()) as unknown as { rest: Array<{ resource: Array<{ type: string; supportedProfile: string[]; interaction: Array<{ code: string }>; searchParam: Array<{ name: string }> }> }> };
    const task = statement.rest[0]!.resource.find((r) => r.type === 'Task')!;
    expect(task.supportedProfile).toContain(ROR_TASK);
    expect(task.interaction.map((i) => i.code)).toEqual(expect.arrayContaining(['create', 'read', 'search-type', 'patch']));
    expect(task.searchParam.map((p) => p.name)).toEqual(expect.arrayContaining(['_id', 'status', 'focus', 'owner', '_lastUpdated']));
    const service = statement.rest[0]!.resource.find((r) => r.type === 'HealthcareService') as unknown as { searchRevInclude: string[] };
    expect(service.searchRevInclude).toContain('Task:focus');
  });
  it('reports on a professional (Practitioner) and on a situation (PractitionerRole), on the same store; refuses a focus the sender cannot read', async () => {
    const [{ professional_id: professional, unit_id: unit }] = await hub.db.rows<{ professional_id: string; unit_id: string }>(sql`
      select a.professional_id, a.unit_id from professionals.unit_assignment a join offer.unit u on u.id = a.unit_id
      where not u.sensitive and a.professional_id like 'P0%' order by 1, 2 limit 1`);
    // A value proposed where none is said wrong: 01 Complétude, AJO Ajout.
    const onPerson = await call(USER, 'POST', 'Task', { ...phoneReport(`Practitioner/${professional}`), input: [input('proposedValue', '06 07 08 09 10')] });
    expect(onPerson.status).toBe(201);
    expect(coded(onPerson.body)).toEqual(['02', '01', 'AJO']);
    expect(rorIssues(onPerson.body as never)).toEqual([]);
    expect(onPerson.body.focus).toEqual({ reference: `Practitioner/${professional}` });
    const situation = `${professional}.${unit}`;
    const onRole = await call(USER, 'POST', 'Task', phoneReport(`PractitionerRole/${situation}`));
    expect(onRole.status).toBe(201);
    const rows = await hub.db.rows<{ subject_type: string; subject_id: string }>(sql`select subject_type, subject_id from offer.feedback where id in (${Number(onPerson.body.id.slice(7))}, ${Number(onRole.body.id.slice(7))}) order by id`);
    expect(rows).toEqual([{ subject_type: 'PROFESSIONAL', subject_id: professional }, { subject_type: 'SITUATION', subject_id: situation }]);
    expect(ids(await search(TEAM, 'Task', { focus: `PractitionerRole/${situation}` }))).toEqual([`Task/${onRole.body.id}`]);
    expect(ids(await search(USER, 'Task', { focus: `Practitioner/${professional}` }))).toEqual([`Task/${onPerson.body.id}`]);

    const before = await reportCount();
    for (const [who, focus] of [
      [REPORTER, `Practitioner/${professional}`], // an application without professional.read does not read professionals
      [USER, 'Practitioner/P999999'],
      [USER, `PractitionerRole/${professional}.${sensitiveUnitId}x`],
    ] as const) {
      const refused = await call(who, 'POST', 'Task', phoneReport(focus));
      expect([refused.status, refused.body.issue?.[0]?.expression]).toEqual([400, ['Task.focus']]);
    }
    expect(await reportCount()).toBe(before);
  });
});
