/**
 * Issue 18's HET additions, over HTTP (and graphql-ws) through the gateway with real tokens (seed
 * 001's declaration screen, seed 000's action sheet): the « Grands brûlés » discipline group (a
 * unit the referent classes as a burns unit counts in the group's beds), the RPU figures attached
 * to a declaration (« RPU étendus »), manual alerts (« Nouvelle alerte »), the ARS's record of a
 * HET episode (procedure steps, RETEX, satisfaction survey) and the map of declarations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { endToEndKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';

const codeOf = (res: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;

describe.each(endToEndKinds('postgres'))('HET additions on %s', (kind) => {
  let hub: TestHub;
  let url: string;

  beforeAll(async () => {
    hub = await startTestHub(kind);
    url = hub.urls.graphql;
  });
  afterAll(() => hub?.close());

  it('is a discipline group of the reference data, mapped to burns units', async () => {
    const res = await gql<{ disciplineGroups: Array<{ code: string; label: string; disciplines: string[] }> }>(url, '{ disciplineGroups { code label disciplines } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.disciplineGroups).toContainEqual({ code: 'GRANDS_BRULES', label: 'Grands brûlés', disciplines: ['BURNS'] });
    expect(res.data!.disciplineGroups.find((g) => g.code === 'ETABLISSEMENT')!.disciplines).toContain('BURNS');
  });

  it('counts a unit classed BURNS in the beds of a declaration for the group', async () => {
    const ars = { authorization: await asUser(url, 'admin.ars') };
    const units = await gql<{ units: { edges: Array<{ node: { id: string; kind: string } }> } }>(
      url,
      '{ units(filter: { establishmentId: "180000010", discipline: ADULT_ICU }, first: 1) { edges { node { id kind } } } }',
      {},
      ars,
    );
    const unit = units.data!.units.edges[0]!.node;
    const classed = await gql<{ changeUnitType: { discipline: string } }>(url, 'mutation($id: ID!) { changeUnitType(id: $id, kind: MCO, discipline: BURNS) { discipline } }', { id: unit.id }, ars);
    expect(classed.errors).toBeUndefined();
    expect(classed.data!.changeUnitType.discipline).toBe('BURNS');
    // A burns unit is MCO: another type refuses the discipline.
    expect(codeOf(await gql(url, 'mutation($id: ID!) { changeUnitType(id: $id, kind: PSYCHIATRY, discipline: BURNS) { discipline } }', { id: unit.id }, ars))).toBe('BAD_USER_INPUT');

    const declarant = { authorization: await asUser(url, 'decl.tension.bourges') };
    const declared = await gql<{ declareTension: { disciplineGroup: string; disciplineGroupCode: string; solidarity: { disciplines: string[]; establishment: { beds: { units: number; total: number; available: number } } } } }>(
      url,
      `mutation { declareTension(input: { establishmentId: "180000010", disciplineGroupCode: "GRANDS_BRULES", levelCode: HET_1 }) {
        disciplineGroup disciplineGroupCode solidarity { disciplines establishment { beds { units total available } } } } }`,
      {},
      declarant,
    );
    expect(declared.errors).toBeUndefined();
    const tension = declared.data!.declareTension;
    expect(tension).toMatchObject({ disciplineGroup: 'Grands brûlés', disciplineGroupCode: 'GRANDS_BRULES', solidarity: { disciplines: ['BURNS'] } });
    expect(tension.solidarity.establishment.beds.units).toBe(1);
    expect(tension.solidarity.establishment.beds.available).toBeLessThanOrEqual(tension.solidarity.establishment.beds.total);
  });

  it('attaches the RPU figures from the eve of the declaration to today, read like the declaration', async () => {
    const declarant = { authorization: await asUser(url, 'decl.tension.bourges') };
    const startedAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const RPU = '{ days { day visits admissionRate loadAt15 } receptionCapacity }';
    const declared = await gql<{ declareTension: { id: string; startedAt: string; rpu: { days: Array<{ day: string; visits: number }> } } }>(
      url,
      `mutation($at: DateTime!) { declareTension(input: { establishmentId: "180000010", disciplineGroupCode: "URGENCES", levelCode: HET_2, startedAt: $at }) { id startedAt rpu ${RPU} } }`,
      { at: startedAt },
      declarant,
    );
    expect(declared.errors).toBeUndefined();
    const days = declared.data!.declareTension.rpu.days;
    const paris = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d);
    const eve = paris(new Date(Date.parse(startedAt) - 86_400_000));
    expect(days[0]!.day).toBe(eve);
    expect(days.length).toBeGreaterThanOrEqual(4);
    expect(days.every((d) => d.visits > 0)).toBe(true);
    // The same figures as the ED's indicators over those days.
    const direct = await gql<{ emergencyIndicators: { days: Array<{ day: string; visits: number }> } }>(
      url,
      `query($from: String!, $to: String!) { emergencyIndicators(establishmentId: "180000010", from: $from, to: $to) ${RPU} }`,
      { from: days[0]!.day, to: days.at(-1)!.day },
      declarant,
    );
    expect(direct.data!.emergencyIndicators.days).toEqual(days);

    const id = declared.data!.declareTension.id;
    const query = `{ tension(id: "${id}") { rpu { days { day } } } }`;
    const app = await gql<{ tension: { rpu: { days: unknown[] } } }>(url, query, {}, { authorization: await asApp(url, 'national-aggregator') });
    expect(app.errors).toBeUndefined();
    expect(app.data!.tension.rpu.days.length).toBe(days.length);
    expect(codeOf(await gql(url, query, {}, { authorization: await asUser(url, 'ref.planblanc.chartres') }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(url, query))).toBe('UNAUTHENTICATED');
  });

  // « Nouvelle alerte »: raised by hand by ORU_ALERTE_NEW holders, acknowledged, closed; mailed, live.
  const ALERT = 'id status version reason reasonLabel disciplineGroup message createdBy acknowledgedBy outcome closedBy tension { id } establishment { id name } unit { id }';
  const CREATE = `mutation($i: HetAlertInput!) { createHetAlert(input: $i) { ${ALERT} } }`;
  const ACK = `mutation($id: ID!, $v: Int!) { acknowledgeHetAlert(id: $id, expectedVersion: $v) { ${ALERT} } }`;
  const CLOSE_ALERT = `mutation($id: ID!, $o: HetAlertOutcome!, $t: ID, $v: Int!) { closeHetAlert(id: $id, outcome: $o, tensionId: $t, notes: "Renfort arrivé", expectedVersion: $v) { ${ALERT} } }`;
  const COUNT = `query($from: DateTime!, $to: DateTime!) { hetIndicators(from: $from, to: $to) { manualAlerts } }`;
  type Alert = { id: string; status: string; version: number; reasonLabel: string; createdBy: string; acknowledgedBy: string | null; outcome: string | null; establishment: { name: string }; unit: { id: string } | null };
  const user = async (login: string) => ({ authorization: await asUser(url, login) });
  const poll = async <T>(read: () => Promise<T | false>): Promise<T> => {
    for (let i = 0; i < 300; i++) {
      const value = await read();
      if (value) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('condition never met');
  };

  it('raises a manual alert for ORU_ALERTE_NEW holders on the establishment only, checked, live and mailed to the crisis cell', async () => {
    const [orleans, ars, declarant, tours] = await Promise.all(['ref.etab.orleans', 'admin.ars', 'decl.tension.bourges', 'ref.uo.tours'].map(user));
    const units = await gql<{ units: { edges: Array<{ node: { id: string } }> } }>(url, '{ units(filter: { establishmentId: "450002613" }, first: 1) { edges { node { id } } } }', {}, ars);
    const unitId = units.data!.units.edges[0]!.node.id;
    const input = { establishmentId: '450002613', unitId, disciplineGroupCode: 'URGENCES', reason: 'ED_INFLOW', message: '58 patients présents, 15 en attente de lit.' };
    const period = { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() };
    const before = (await gql<{ hetIndicators: { manualAlerts: number } }>(url, COUNT, period, ars)).data!.hetIndicators.manualAlerts;

    // Live: the ARS follows the Loiret; the Bourges declarant follows everything it reads (not Orléans).
    const ws = (token: string) => createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: token }, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });
    const follow = (token: string, filter: Record<string, unknown>) => {
      const client = ws(token);
      const got: Array<{ data?: { hetAlertChanged: { action: string; alert: { id: string; status: string; establishment: { name: string } } } }; errors?: unknown }> = [];
      const stop = client.subscribe(
        { query: 'subscription($f: HetAlertChangeFilter) { hetAlertChanged(filter: $f) { action alert { id status establishment { name } } } }', variables: { f: filter } },
        { next: (r) => void got.push(r as never), error: () => undefined, complete: () => undefined },
      );
      return { got, close: async () => { stop(); await client.dispose(); } };
    };
    const loiret = follow(ars.authorization, { departmentCode: '45' });
    const outsider = follow(declarant.authorization, {});
    await new Promise((r) => setTimeout(r, 800)); // subscriptions open upstream

    // Refused before anything is written: wrong perimeter, no right, anonymous, applications, bad input.
    expect(codeOf(await gql(url, CREATE, { i: { ...input, establishmentId: '180000010', unitId: null } }, orleans))).toBe('FORBIDDEN');
    expect(codeOf(await gql(url, CREATE, { i: input }, declarant))).toBe('FORBIDDEN');
    expect(codeOf(await gql(url, CREATE, { i: input }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(url, CREATE, { i: input }, { authorization: await asApp(url, 'national-aggregator') }))).toBe('FORBIDDEN');
    for (const [change, field] of [[{ reason: 'NOPE' }, 'input.reason'], [{ disciplineGroupCode: 'NOPE' }, 'input.disciplineGroupCode'], [{ message: '  ' }, 'input.message'], [{ unitId: '180000010-1' }, 'input.unitId']] as const) {
      const refused = await gql(url, CREATE, { i: { ...input, ...change } }, orleans);
      expect(refused.errors![0]!.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await gql<{ hetIndicators: { manualAlerts: number } }>(url, COUNT, period, ars)).data!.hetIndicators.manualAlerts).toBe(before);

    const created = await gql<{ createHetAlert: Alert }>(url, CREATE, { i: input }, orleans);
    expect(created.errors).toBeUndefined();
    const alert = created.data!.createHetAlert;
    expect(alert).toMatchObject({ status: 'OPEN', version: 1, reasonLabel: 'Afflux aux urgences', createdBy: 'ref.etab.orleans', unit: { id: unitId }, establishment: { name: expect.stringMatching(/Source/i) } });
    expect(alert.id).toMatch(/^A\d{5}$/);
    expect((await gql<{ hetIndicators: { manualAlerts: number } }>(url, COUNT, period, ars)).data!.hetIndicators.manualAlerts).toBe(before + 1);

    // Acknowledged by who manages alerts there (not a unit referent elsewhere), once.
    expect(codeOf(await gql(url, ACK, { id: alert.id, v: 1 }, tours))).toBe('FORBIDDEN');
    const acked = await gql<{ acknowledgeHetAlert: Alert }>(url, ACK, { id: alert.id, v: 1 }, orleans);
    expect(acked.data!.acknowledgeHetAlert).toMatchObject({ acknowledgedBy: 'ref.etab.orleans', version: 2, status: 'OPEN' });
    expect(codeOf(await gql(url, ACK, { id: alert.id, v: 2 }, ars))).toBe('BAD_USER_INPUT');

    // Closed by who closes alerts on the establishment; the declaration named must be one of it.
    expect(codeOf(await gql(url, CLOSE_ALERT, { id: alert.id, o: 'RESOLVED', v: 2 }, declarant))).toBe('FORBIDDEN');
    expect((await gql(url, CLOSE_ALERT, { id: alert.id, o: 'DECLARED', v: 2 }, orleans)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tensionId' });
    expect((await gql(url, CLOSE_ALERT, { id: alert.id, o: 'DECLARED', t: 'T0005', v: 2 }, orleans)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tensionId' });
    expect(codeOf(await gql(url, CLOSE_ALERT, { id: alert.id, o: 'RESOLVED', v: 1 }, orleans))).toBe('CONFLICT');
    const closed = await gql<{ closeHetAlert: Alert }>(url, CLOSE_ALERT, { id: alert.id, o: 'RESOLVED', v: 2 }, orleans);
    expect(closed.data!.closeHetAlert).toMatchObject({ status: 'CLOSED', outcome: 'RESOLVED', closedBy: 'ref.etab.orleans', version: 3 });

    for (let i = 0; i < 200 && loiret.got.length < 3; i++) await new Promise((r) => setTimeout(r, 50));
    expect(loiret.got.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect(loiret.got.map((r) => r.data!.hetAlertChanged.action)).toEqual(['CREATE', 'ACKNOWLEDGE', 'CLOSE']);
    expect(loiret.got[0]!.data!.hetAlertChanged.alert).toMatchObject({ id: alert.id, establishment: { name: alert.establishment.name } });
    expect(outsider.got).toEqual([]);
    await Promise.all([loiret.close(), outsider.close()]);

    // Raised and closed: two mails to the crisis cell (acknowledging mails nobody), named after commit.
    const NOTIFS = `query($id: ID!) { hetAlert(id: $id) { notifications { recipient subject status } } }`;
    const mails = await poll(async () => {
      const list = (await gql<{ hetAlert: { notifications: Array<{ recipient: string; subject: string; status: string }> } }>(url, NOTIFS, { id: alert.id }, ars)).data!.hetAlert.notifications;
      return list.length === 2 && list.every((m) => m.status === 'PENDING' && m.subject.includes(alert.establishment.name)) && list;
    });
    expect(mails.map((m) => m.subject.split(' – ')[0])).toEqual(['ROR : Nouvelle alerte', 'ROR : Alerte close']);
    expect(new Set(mails.map((m) => m.recipient)).size).toBe(1);

    // Read by the establishment's tension readers and tension.read applications; not by Bourges.
    const READ = `query($id: ID!) { hetAlert(id: $id) { id status } }`;
    expect(codeOf(await gql(url, READ, { id: alert.id }, declarant))).toBe('FORBIDDEN');
    expect((await gql<{ hetAlert: { status: string } }>(url, READ, { id: alert.id }, { authorization: await asApp(url, 'national-aggregator') })).data!.hetAlert.status).toBe('CLOSED');
    const seeded = await gql<{ hetAlert: { outcome: string; tension: { id: string } } }>(url, '{ hetAlert(id: "A0002") { outcome tension { id } } }', {}, declarant);
    expect(seeded.data!.hetAlert).toEqual({ outcome: 'DECLARED', tension: { id: 'T0005' } });
    const open = await gql<{ hetAlerts: Array<{ id: string }> }>(url, '{ hetAlerts(filter: { status: OPEN, departmentCode: "45" }) { id } }', {}, ars);
    expect(open.data!.hetAlerts.map((a) => a.id)).toContain('A0001');
    expect((await gql<{ hetAlerts: unknown[] }>(url, '{ hetAlerts { id } }', {}, declarant)).data!.hetAlerts.every((a) => (a as { id: string }).id !== 'A0001')).toBe(true);
  });

  // The ARS's internal record of a HET episode.
  const PROCEDURE = `query($t: ID!) { hetProcedure(tensionId: $t) { status version openedBy tension { id }
    steps { step { code } done doneBy notes } retex { participants summary recommendations } survey { channel answers { question { code } value } } } }`;
  type Procedure = { status: string; version: number; steps: Array<{ step: { code: string }; done: boolean; doneBy: string | null }>; retex: { summary: string } | null; survey: { channel: string; answers: Array<{ question: { code: string }; value: string }> } | null };
  const ANSWERS = [
    { question: 'HAS_HET_PROCEDURE', value: 'true' }, { question: 'PROCEDURE_TRIGGERED', value: 'true' }, { question: 'ARS_REACHABLE', value: '5' },
    { question: 'ARS_SUPPORT', value: '4' }, { question: 'INFORMATION', value: '3' }, { question: 'ROR_MODULE', value: '4' }, { question: 'COMMENTS', value: 'Appui rapide.' },
  ];
  const SURVEY = `mutation($t: ID!, $a: [HetSurveyAnswerInput!]!, $c: String) { submitHetSurvey(tensionId: $t, answers: $a, channel: $c) { channel respondent answers { question { code kind } value } } }`;

  it('keeps the ARS record of an episode: ARS only, steps with who and when, RETEX, survey answered by the establishment', async () => {
    const [ars, declarant, orleans, planBleu] = await Promise.all(['admin.ars', 'decl.tension.bourges', 'ref.etab.orleans', 'ref.planbleu.blois'].map(user));
    const seeded = await gql<{ hetProcedure: Procedure }>(url, PROCEDURE, { t: 'T0003' }, ars);
    expect(seeded.errors).toBeUndefined();
    expect(seeded.data!.hetProcedure).toMatchObject({ status: 'CLOSED', retex: { summary: expect.stringContaining('Plan blanc') }, survey: { channel: 'PHONE' } });
    expect(seeded.data!.hetProcedure.steps.every((s) => s.done)).toBe(true);
    const followed = (await gql<{ hetProcedure: Procedure }>(url, PROCEDURE, { t: 'T0005' }, ars)).data!.hetProcedure;
    expect(followed.steps.map((s) => s.step.code)).toEqual(['ALERT_RECEIVED', 'ESTABLISHMENT_CONTACTED', 'SITUATION_ASSESSED', 'SUPPORT_MOBILISED', 'DAILY_FOLLOW_UP', 'TENSION_LIFTED', 'RETEX_HELD', 'SURVEY_SENT']);
    expect(followed.steps.filter((s) => s.done).length).toBe(3);
    // Internal to the ARS: the establishment's declarant, another referent, applications, anonymous.
    expect(codeOf(await gql(url, PROCEDURE, { t: 'T0005' }, declarant))).toBe('FORBIDDEN');
    expect(codeOf(await gql(url, PROCEDURE, { t: 'T0005' }, orleans))).toBe('FORBIDDEN');
    expect(codeOf(await gql(url, PROCEDURE, { t: 'T0005' }, { authorization: await asApp(url, 'national-aggregator') }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(url, PROCEDURE, { t: 'T0005' }))).toBe('UNAUTHENTICATED');

    // T0006 (CH Blois, HET_1 in progress): opened once, steps, RETEX, then closed.
    const OPEN = 'mutation($t: ID!) { openHetProcedure(tensionId: $t) { status version } }';
    expect(codeOf(await gql(url, OPEN, { t: 'T0006' }, declarant))).toBe('FORBIDDEN');
    expect(codeOf(await gql(url, OPEN, { t: 'T9999' }, ars))).toBe('NOT_FOUND');
    expect((await gql<{ openHetProcedure: { status: string; version: number } }>(url, OPEN, { t: 'T0006' }, ars)).data!.openHetProcedure).toEqual({ status: 'OPEN', version: 1 });
    expect(codeOf(await gql(url, OPEN, { t: 'T0006' }, ars))).toBe('CONFLICT');
    const STEP = 'mutation($t: ID!, $s: String!, $at: DateTime) { recordHetProcedureStep(tensionId: $t, step: $s, doneAt: $at, notes: "Direction jointe") { steps { step { code } done doneBy notes } } }';
    expect((await gql(url, STEP, { t: 'T0006', s: 'NOPE' }, ars)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'step' });
    expect((await gql(url, STEP, { t: 'T0006', s: 'ALERT_RECEIVED', at: new Date(Date.now() + 86_400_000).toISOString() }, ars)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'doneAt' });
    const stepped = await gql<{ recordHetProcedureStep: Procedure }>(url, STEP, { t: 'T0006', s: 'ESTABLISHMENT_CONTACTED' }, ars);
    expect(stepped.data!.recordHetProcedureStep.steps[1]).toEqual({ step: { code: 'ESTABLISHMENT_CONTACTED' }, done: true, doneBy: 'admin.ars', notes: 'Direction jointe' });
    const RETEX = 'mutation($t: ID!, $i: HetRetexInput!) { saveHetRetex(tensionId: $t, input: $i) { retex { summary savedBy } } }';
    const retex = { heldAt: new Date().toISOString(), participants: 'ARS, direction du CH Blois', summary: 'Afflux hivernal absorbé en 48 h.', recommendations: 'Anticiper les sorties.' };
    expect((await gql(url, RETEX, { t: 'T0006', i: { ...retex, summary: '' } }, ars)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.summary' });
    expect((await gql<{ saveHetRetex: { retex: unknown } }>(url, RETEX, { t: 'T0006', i: retex }, ars)).data!.saveHetRetex.retex).toEqual({ summary: retex.summary, savedBy: 'admin.ars' });

    // The survey: the establishment's declarants answer their own episode's, checked per question.
    expect(codeOf(await gql(url, SURVEY, { t: 'T0006', a: ANSWERS }, declarant))).toBe('FORBIDDEN');
    expect(codeOf(await gql(url, SURVEY, { t: 'T0007', a: ANSWERS }, ars))).toBe('NOT_FOUND'); // no record for CH Dreux's episode
    expect((await gql(url, SURVEY, { t: 'T0005', a: ANSWERS.slice(1) }, declarant)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers' });
    expect((await gql(url, SURVEY, { t: 'T0005', a: ANSWERS.map((a, i) => (i === 2 ? { ...a, value: '7' } : a)) }, declarant)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers.2.value' });
    const answered = await gql<{ submitHetSurvey: { channel: string; respondent: string; answers: Array<{ question: { code: string; kind: string }; value: string }> } }>(url, SURVEY, { t: 'T0005', a: ANSWERS }, declarant);
    expect(answered.data!.submitHetSurvey).toMatchObject({ channel: 'QUESTIONNAIRE', respondent: 'decl.tension.bourges' });
    expect(answered.data!.submitHetSurvey.answers[2]).toEqual({ question: { code: 'ARS_REACHABLE', kind: 'SCALE_1_5' }, value: '5' });
    const READ_SURVEY = 'query($t: ID!) { hetSurvey(tensionId: $t) { respondent } }';
    expect((await gql<{ hetSurvey: { respondent: string } }>(url, READ_SURVEY, { t: 'T0005' }, declarant)).data!.hetSurvey.respondent).toBe('decl.tension.bourges');
    expect(codeOf(await gql(url, READ_SURVEY, { t: 'T0005' }, planBleu))).toBe('FORBIDDEN');
    expect((await gql<{ hetProcedure: Procedure }>(url, PROCEDURE, { t: 'T0005' }, ars)).data!.hetProcedure.survey!.answers.length).toBe(7);

    const CLOSE_RECORD = 'mutation($t: ID!, $v: Int!) { closeHetProcedure(tensionId: $t, expectedVersion: $v) { status closedBy version } }';
    expect(codeOf(await gql(url, CLOSE_RECORD, { t: 'T0006', v: 7 }, ars))).toBe('CONFLICT');
    expect((await gql<{ closeHetProcedure: unknown }>(url, CLOSE_RECORD, { t: 'T0006', v: 1 }, ars)).data!.closeHetProcedure).toEqual({ status: 'CLOSED', closedBy: 'admin.ars', version: 2 });
    expect((await gql(url, STEP, { t: 'T0006', s: 'SURVEY_SENT' }, ars)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tensionId' });
    const list = await gql<{ hetProcedures: Array<{ tension: { id: string } }> }>(url, '{ hetProcedures(status: CLOSED) { tension { id } } }', {}, ars);
    expect(list.data!.hetProcedures.map((p) => p.tension.id)).toEqual(expect.arrayContaining(['T0003', 'T0006']));
  });

  it('maps the declarations in progress and open alerts by establishment, with the offer’s positions, for who reads them', async () => {
    const MAP = `query($d: String) { tensionMap(departmentCode: $d) { highestLevel tensions { id level } openAlerts { id }
      establishment { id name position { latitude longitude } address { departmentCode departmentName } } } }`;
    type Marker = { highestLevel: string | null; tensions: Array<{ id: string }>; openAlerts: Array<{ id: string }>; establishment: { id: string; position: { latitude: number; longitude: number } | null; address: { departmentCode: string } } };
    const [ars, declarant] = await Promise.all(['admin.ars', 'decl.tension.bourges'].map(user));
    const region = await gql<{ tensionMap: Marker[] }>(url, MAP, {}, ars);
    expect(region.errors).toBeUndefined();
    const byId = new Map(region.data!.tensionMap.map((m) => [m.establishment.id, m]));
    // The demo: Bourges (HET_2), Blois and Dreux (HET_1) in progress; La Source has the open alert A0001 only.
    expect(byId.get('180000010')!.highestLevel).toBe('HET_2');
    expect(byId.get('180000010')!.tensions.map((t) => t.id)).toContain('T0005');
    expect(byId.get('410000020')!.highestLevel).toBe('HET_1');
    expect(byId.get('450002613')).toMatchObject({ highestLevel: null, tensions: [], openAlerts: [{ id: 'A0001' }] });
    for (const m of byId.values()) {
      expect(m.establishment.position!.latitude).toBeGreaterThan(46);
      expect(m.establishment.position!.latitude).toBeLessThan(49);
    }
    const eureEtLoir = (await gql<{ tensionMap: Marker[] }>(url, MAP, { d: '28' }, ars)).data!.tensionMap;
    expect(eureEtLoir.map((m) => m.establishment.id)).toContain('280000084');
    expect(eureEtLoir.every((m) => m.establishment.address.departmentCode === '28')).toBe(true);
    // A declarant sees its establishment only; who reads no tension is refused.
    expect((await gql<{ tensionMap: Marker[] }>(url, MAP, {}, declarant)).data!.tensionMap.map((m) => m.establishment.id)).toEqual(['180000010']);
    expect(codeOf(await gql(url, MAP, {}, await user('ref.planbleu.blois')))).toBe('FORBIDDEN');
    expect(codeOf(await gql(url, MAP))).toBe('UNAUTHENTICATED');
  });
});
