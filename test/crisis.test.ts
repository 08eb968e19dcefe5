/**
 * The CPTS crisis protocol (docs/crisis.md) through the gateway on a private hub, with the demo
 * accounts: the seeded CPTS (territory, members resolved by the professionals subgraph, cell,
 * inventory, groups, procedures, communication plan); activation, level change and deactivation
 * with history and optimistic concurrency; procedures, resources, meetings, field data and the
 * indicators they feed; the live `crisisCellChanged` subscription over graphql-ws; allow and deny
 * for every right (ORU_CPTS_CRISE_SHOW / _EDIT / _ACTIVATION / _REMONTEE) and perimeter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { endToEndKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';

const CPTS = '450099990';
type Result<T = Record<string, unknown>> = { data?: T | null; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };
const codeOf = (r: Result) => r.errors?.[0]?.extensions?.code;

const CELL = 'cell { active level version activatedAt levelDetail { label } members { name organisation professional { id lastName } } currentProcedures { id title level } history { action level actor reason } }';
const GET = `query($id: ID!) { cpts(id: $id) { id name departmentCode communes { code name } members { id lastName } ${CELL}
  resources { id kind label quantity available professional { id } } workingGroups { id theme label referent { id lastName } }
  procedures { id level title lastTriggeredAt } communicationPlan(level: LEVEL_2) { level audience channel } } }`;
const ACTIVATE = `mutation($id: ID!, $l: CrisisLevel!, $v: Int!, $r: String) { activateCrisisCell(cptsId: $id, level: $l, expectedVersion: $v, reason: $r) { ${CELL} } }`;
const DEACTIVATE = `mutation($id: ID!, $v: Int!) { deactivateCrisisCell(cptsId: $id, expectedVersion: $v, reason: "Fin de l'alerte") { ${CELL} } }`;
const INDICATORS = `query($id: ID!, $f: DateTime) { cpts(id: $id) { indicators(from: $f) { procedures resources resourcesAvailable activations proceduresTriggered meetingsHeld groupMeetingsHeld meanMinutesToFirstProcedure meanMinutesToFirstMeeting } } }`;

interface Cell {
  active: boolean;
  level: string | null;
  version: number;
  members: Array<{ name: string; professional: { id: string; lastName: string } | null }>;
  currentProcedures: Array<{ id: string; title: string; level: string }>;
  history: Array<{ action: string; level: string | null; actor: string }>;
}

describe.each(endToEndKinds('pglite'))('CPTS crisis protocol (%s)', (kind) => {
  let hub: TestHub;
  let coord: string;
  let gp: string;
  let ars: string;
  let declarant: string;
  const clients: Client[] = [];
  const as = <T = Record<string, unknown>>(token: string | null, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(hub.urls.graphql, query, variables, token ? { authorization: token } : {});
  const ok = <T>(r: Result<T>): T => {
    expect(r.errors).toBeUndefined();
    return r.data!;
  };
  const cellOf = async (token: string) => ok(await as<{ cpts: { cell: Cell } }>(token, `query($id: ID!) { cpts(id: $id) { ${CELL} } }`, { id: CPTS })).cpts.cell;

  beforeAll(async () => {
    hub = await startTestHub(kind);
    [coord, gp, ars, declarant] = await Promise.all(['coord.cpts.orleans', 'medecin.ville.orleans', 'admin.ars', 'decl.tension.bourges'].map((l) => asUser(hub.urls.graphql, l)));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await hub?.close();
  });

  it('shows the seeded CPTS, its territory, members (professionals subgraph) and protocol to its coordinator, member and the ARS', async () => {
    for (const token of [coord, gp, ars]) {
      const c = ok(await as<{ cpts: Record<string, unknown> & { cell: Cell; members: Array<{ lastName: string }> } }>(token, GET, { id: CPTS })).cpts;
      expect(c.name).toBe('CPTS Orléans Ouest (démo)');
      expect(c.communes).toContainEqual({ code: '45234', name: 'Orléans' });
      expect(c.members).toHaveLength(5);
      expect(c.members.every((m) => m.lastName.length > 0)).toBe(true);
      expect(c.members).toContainEqual(expect.objectContaining({ lastName: 'MARTIN' })); // the GP
      expect(c.cell).toMatchObject({ active: false, level: null, currentProcedures: [] });
      expect(c.cell.history.map((h) => h.action)).toEqual(['DEACTIVATED', 'LEVEL_CHANGED', 'ACTIVATED']);
      expect(c.cell.members[0]!.professional?.lastName).toBeTruthy();
      expect((c.resources as Array<{ kind: string }>).map((r) => r.kind)).toEqual(expect.arrayContaining(['PERSON', 'PREMISES', 'EQUIPMENT']));
      expect(c.workingGroups).toHaveLength(5);
      expect(c.procedures).toHaveLength(7);
      expect((c.communicationPlan as Array<{ level: string | null }>).every((x) => x.level === null || x.level === 'LEVEL_2')).toBe(true);
    }
    expect(ok(await as<{ cptsList: Array<{ id: string }> }>(gp, '{ cptsList { id } }')).cptsList).toEqual([{ id: CPTS }]);
  });

  it('refuses the protocol to anonymous callers, users without a CPTS right, applications, and other CPTS, before any lookup', async () => {
    expect(codeOf(await as(null, GET, { id: CPTS }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await as(null, '{ cptsList { id } }'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await as(declarant, GET, { id: CPTS }))).toBe('FORBIDDEN');
    expect(codeOf(await as(declarant, '{ cptsList { id } }'))).toBe('FORBIDDEN');
    expect(codeOf(await as(await asApp(hub.urls.graphql, 'national-aggregator'), GET, { id: CPTS }))).toBe('FORBIDDEN');
    // Another (unknown) CPTS: the coordinator's right does not reach it, and the answer does not tell whether it exists.
    expect(codeOf(await as(coord, GET, { id: '450099991' }))).toBe('FORBIDDEN');
    expect(codeOf(await as(declarant, ACTIVATE, { id: '450099991', l: 'LEVEL_1', v: 1 }))).toBe('FORBIDDEN');
  });

  it('activates, raises and deactivates the cell with history, refusing stale versions, members and the ARS; streams each change live', async () => {
    const c = createClient({ url: hub.urls.graphql.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: gp }, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });
    clients.push(c);
    const live = c.iterate<{ crisisCellChanged: { action: string; cpts: { id: string; cell: { level: string | null; active: boolean } } } }>({
      query: `subscription($id: ID) { crisisCellChanged(cptsId: $id) { id action cpts { id cell { active level } } } }`,
      variables: { id: CPTS },
    });
    const seen: string[] = [];
    const events: Array<{ action: string; level: string | null }> = [];
    const listening = (async () => {
      for await (const e of live) {
        const change = e.data!.crisisCellChanged;
        seen.push(change.action);
        if (change.action !== 'FIELD_REPORTED') events.push({ action: change.action, level: change.cpts.cell.level });
        if (events.length === 3) break;
      }
    })();
    // The subscription is open once a change made after it reaches it: send field data until one arrives.
    while (seen.length === 0) {
      ok(await as(gp, 'mutation($id: ID!) { submitFieldReport(cptsId: $id, input: { indicator: TESTS_DONE, value: 1 }) { id } }', { id: CPTS }));
      await new Promise((r) => setTimeout(r, 200));
    }
    const before = await cellOf(coord);
    expect(codeOf(await as(gp, ACTIVATE, { id: CPTS, l: 'LEVEL_2', v: before.version }))).toBe('FORBIDDEN');
    expect(codeOf(await as(ars, ACTIVATE, { id: CPTS, l: 'LEVEL_2', v: before.version }))).toBe('FORBIDDEN');
    expect(codeOf(await as(coord, ACTIVATE, { id: CPTS, l: 'LEVEL_2', v: before.version + 5 }))).toBe('CONFLICT');
    expect(codeOf(await as(coord, DEACTIVATE, { id: CPTS, v: before.version }))).toBe('BAD_USER_INPUT'); // not active

    let cell = ok(await as<{ activateCrisisCell: { cell: Cell } }>(coord, ACTIVATE, { id: CPTS, l: 'LEVEL_2', v: before.version, r: 'Épidémie' })).activateCrisisCell.cell;
    expect(cell).toMatchObject({ active: true, level: 'LEVEL_2', version: before.version + 1 });
    expect(cell.currentProcedures.map((p) => p.level)).toEqual(['LEVEL_2', 'LEVEL_2', 'LEVEL_2']);
    expect(cell.history[0]).toMatchObject({ action: 'ACTIVATED', level: 'LEVEL_2', actor: 'coord.cpts.orleans' });
    expect(codeOf(await as(coord, ACTIVATE, { id: CPTS, l: 'LEVEL_2', v: cell.version }))).toBe('BAD_USER_INPUT'); // already there
    cell = ok(await as<{ activateCrisisCell: { cell: Cell } }>(coord, ACTIVATE, { id: CPTS, l: 'LEVEL_3', v: cell.version })).activateCrisisCell.cell;
    expect(cell.history[0]).toMatchObject({ action: 'LEVEL_CHANGED', level: 'LEVEL_3' });
    cell = ok(await as<{ deactivateCrisisCell: { cell: Cell } }>(coord, DEACTIVATE, { id: CPTS, v: cell.version })).deactivateCrisisCell.cell;
    expect(cell).toMatchObject({ active: false, level: null, currentProcedures: [] });
    await listening;
    expect(events).toEqual([
      { action: 'ACTIVATED', level: 'LEVEL_2' },
      { action: 'LEVEL_CHANGED', level: 'LEVEL_3' },
      { action: 'DEACTIVATED', level: null },
    ]);
  });

  it('refuses the subscription to who may not read the CPTS', async () => {
    for (const [token, code] of [[declarant, 'FORBIDDEN'], [null, 'UNAUTHENTICATED']] as const) {
      const c = createClient({ url: hub.urls.graphql.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: token ? { authorization: token } : {}, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });
      clients.push(c);
      const it = c.iterate({ query: `subscription { crisisCellChanged(cptsId: "${CPTS}") { id } }` });
      const first = await it.next().catch((e: unknown) => ({ error: e }));
      expect(JSON.stringify(first)).toContain(code);
    }
  });

  it('triggers procedures of the current level, records resources, meetings and field data, and counts them in the indicators', async () => {
    const since = new Date().toISOString(); // after the changes of the tests above
    const c = ok(await as<{ cpts: { cell: Cell; procedures: Array<{ id: string; level: string }>; workingGroups: Array<{ id: string }> } }>(coord, GET, { id: CPTS })).cpts;
    const level1 = c.procedures.find((p) => p.level === 'LEVEL_1')!;
    const level3 = c.procedures.find((p) => p.level === 'LEVEL_3')!;
    const TRIGGER = 'mutation($p: ID!) { triggerCrisisProcedure(procedureId: $p, notes: "Lancée") { id lastTriggeredAt } }';
    expect(codeOf(await as(coord, TRIGGER, { p: level1.id }))).toBe('BAD_USER_INPUT'); // cell not active
    const cell = ok(await as<{ activateCrisisCell: { cell: Cell } }>(coord, ACTIVATE, { id: CPTS, l: 'LEVEL_1', v: c.cell.version })).activateCrisisCell.cell;
    expect(codeOf(await as(coord, TRIGGER, { p: level3.id }))).toBe('BAD_USER_INPUT'); // above the current level
    expect(codeOf(await as(gp, TRIGGER, { p: level1.id }))).toBe('FORBIDDEN');
    expect(codeOf(await as(coord, TRIGGER, { p: 'abc' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await as(coord, TRIGGER, { p: '999999' }))).toBe('NOT_FOUND');
    expect(ok(await as<{ triggerCrisisProcedure: { lastTriggeredAt: string } }>(coord, TRIGGER, { p: level1.id })).triggerCrisisProcedure.lastTriggeredAt).toBeTruthy();

    const ADD = 'mutation($id: ID!, $i: CrisisResourceInput!) { addCrisisResource(cptsId: $id, input: $i) { id kind label quantity available communeCode } }';
    const tent = { kind: 'PREMISES', label: 'Tente de tri', quantity: 2, communeCode: '45302' };
    expect(codeOf(await as(gp, ADD, { id: CPTS, i: tent }))).toBe('FORBIDDEN');
    const bad = await as(coord, ADD, { id: CPTS, i: { ...tent, communeCode: '37261' } });
    expect([codeOf(bad), bad.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'input.communeCode']);
    expect(codeOf(await as(coord, ADD, { id: CPTS, i: { ...tent, quantity: 0 } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await as(coord, ADD, { id: CPTS, i: { ...tent, kind: 'PERSON', professionalId: 'P999999' } }))).toBe('NOT_FOUND');
    const added = ok(await as<{ addCrisisResource: { id: string; available: boolean } }>(coord, ADD, { id: CPTS, i: tent })).addCrisisResource;
    expect(added.available).toBe(true);
    const SET = 'mutation($id: ID!) { setCrisisResourceAvailability(id: $id, available: false) { available updatedBy } }';
    expect(codeOf(await as(gp, SET, { id: added.id }))).toBe('FORBIDDEN');
    expect(ok(await as<{ setCrisisResourceAvailability: unknown }>(coord, SET, { id: added.id })).setCrisisResourceAvailability).toEqual({ available: false, updatedBy: 'coord.cpts.orleans' });

    const MEET = 'mutation($id: ID!, $g: ID, $at: DateTime!) { recordCrisisMeeting(cptsId: $id, groupId: $g, heldAt: $at, notes: "Point") { id group { id } } }';
    const now = new Date().toISOString();
    expect(codeOf(await as(gp, MEET, { id: CPTS, at: now }))).toBe('FORBIDDEN');
    expect(codeOf(await as(coord, MEET, { id: CPTS, at: new Date(Date.now() + 86_400_000).toISOString() }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await as(coord, MEET, { id: CPTS, g: '999999', at: now }))).toBe('BAD_USER_INPUT');
    ok(await as(coord, MEET, { id: CPTS, at: now }));
    expect(ok(await as<{ recordCrisisMeeting: { group: { id: string } } }>(coord, MEET, { id: CPTS, g: c.workingGroups[1]!.id, at: now })).recordCrisisMeeting.group.id).toBe(c.workingGroups[1]!.id);

    const REPORT = 'mutation($id: ID!, $i: FieldReportInput!) { submitFieldReport(cptsId: $id, input: $i) { id author value } }';
    expect(codeOf(await as(ars, REPORT, { id: CPTS, i: { indicator: 'SUSPECTED_CASES', value: 3 } }))).toBe('FORBIDDEN');
    expect(codeOf(await as(gp, REPORT, { id: CPTS, i: { indicator: 'SUSPECTED_CASES', value: -1 } }))).toBe('BAD_USER_INPUT');
    ok(await as(gp, REPORT, { id: CPTS, i: { indicator: 'SUSPECTED_CASES', value: 3, communeCode: '45234' } }));
    ok(await as(coord, REPORT, { id: CPTS, i: { indicator: 'SUSPECTED_CASES', value: 4 } }));
    const feedback = ok(await as<{ cpts: { fieldFeedback: unknown[] } }>(gp, `query($id: ID!, $s: DateTime) { cpts(id: $id) { fieldFeedback(since: $s) { indicator label total reports byCommune { communeCode total } } } }`, { id: CPTS, s: since })).cpts.fieldFeedback;
    expect(feedback).toEqual([{ indicator: 'SUSPECTED_CASES', label: 'Cas suspects vus en consultation', total: 7, reports: 2, byCommune: [{ communeCode: '45234', total: 3 }, { communeCode: null, total: 4 }] }]);

    const ind = ok(await as<{ cpts: { indicators: Record<string, number | null> } }>(ars, INDICATORS, { id: CPTS, f: since })).cpts.indicators;
    expect(ind).toMatchObject({ procedures: 7, resources: 8, resourcesAvailable: 7, activations: 1, proceduresTriggered: 1, meetingsHeld: 2, groupMeetingsHeld: 1 });
    expect(ind.meanMinutesToFirstProcedure).toBeGreaterThanOrEqual(0);
    expect(ind.meanMinutesToFirstMeeting).toBeGreaterThanOrEqual(0);
    // The seeded winter: one activation, procedure 90 min after it, first meeting 7 days 10 h later (raised to level 2).
    const winter = ok(await as<{ cpts: { indicators: Record<string, number | null> } }>(ars, `query($id: ID!) { cpts(id: $id) { indicators(from: "2026-01-01T00:00:00Z", to: "2026-03-01T00:00:00Z") { activations proceduresTriggered meetingsHeld meanMinutesToFirstProcedure meanMinutesToFirstMeeting } } }`, { id: CPTS })).cpts.indicators;
    expect(winter).toEqual({ activations: 1, proceduresTriggered: 2, meetingsHeld: 2, meanMinutesToFirstProcedure: 90, meanMinutesToFirstMeeting: 10_680 });
    ok(await as(coord, DEACTIVATE, { id: CPTS, v: cell.version }));
  });

  it('lets the coordinator edit members, cell, groups, procedures, plan and inventory, validated, logged and live; refuses everyone else', async () => {
    const c = createClient({ url: hub.urls.graphql.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: gp }, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });
    clients.push(c);
    const live = c.iterate<{ crisisCellChanged: { action: string; cpts: { cell: { members: Array<{ name: string }> } } } }>({
      query: `subscription($id: ID) { crisisCellChanged(cptsId: $id) { action cpts { cell { members { name } } } } }`,
      variables: { id: CPTS },
    });
    const heard: Array<{ action: string; members: string[] }> = [];
    const listening = (async () => {
      for await (const e of live) {
        const change = e.data!.crisisCellChanged;
        heard.push({ action: change.action, members: change.cpts.cell.members.map((m) => m.name) });
        if (change.cpts.cell.members.some((m) => m.name === 'Mme Durand')) break;
      }
    })();
    while (heard.length === 0) {
      ok(await as(gp, 'mutation($id: ID!) { submitFieldReport(cptsId: $id, input: { indicator: TESTS_DONE, value: 1 }) { id } }', { id: CPTS }));
      await new Promise((r) => setTimeout(r, 200));
    }

    // Cell members: add (last), update, remove.
    const ADD_MEMBER = 'mutation($id: ID!, $i: CrisisCellMemberInput!) { addCrisisCellMember(cptsId: $id, input: $i) { id name function organisation professional { id } } }';
    const partner = { name: 'Mme Durand', function: 'Directrice de cabinet', organisation: 'Mairie de Saran' };
    for (const token of [gp, ars, declarant]) expect(codeOf(await as(token, ADD_MEMBER, { id: CPTS, i: partner }))).toBe('FORBIDDEN');
    expect(codeOf(await as(null, ADD_MEMBER, { id: CPTS, i: partner }))).toBe('UNAUTHENTICATED');
    const empty = await as(coord, ADD_MEMBER, { id: CPTS, i: { ...partner, name: '  ' } });
    expect([codeOf(empty), empty.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'input.name']);
    expect(codeOf(await as(coord, ADD_MEMBER, { id: CPTS, i: { ...partner, professionalId: 'P999999' } }))).toBe('NOT_FOUND');
    const member = ok(await as<{ addCrisisCellMember: { id: string; name: string } }>(coord, ADD_MEMBER, { id: CPTS, i: partner })).addCrisisCellMember;
    await listening; // the member's screen got the new member live
    expect(heard.at(-1)).toMatchObject({ action: 'PROTOCOL_CHANGED' });
    expect((await cellOf(coord)).members.at(-1)!.name).toBe('Mme Durand');
    const UPDATE_MEMBER = 'mutation($id: ID!, $i: CrisisCellMemberInput!) { updateCrisisCellMember(id: $id, input: $i) { id function } }';
    expect(codeOf(await as(gp, UPDATE_MEMBER, { id: member.id, i: partner }))).toBe('FORBIDDEN');
    expect(codeOf(await as(coord, UPDATE_MEMBER, { id: 'abc', i: partner }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await as(coord, UPDATE_MEMBER, { id: '999999', i: partner }))).toBe('NOT_FOUND');
    expect(ok(await as<{ updateCrisisCellMember: { function: string } }>(coord, UPDATE_MEMBER, { id: member.id, i: { ...partner, function: 'Adjointe à la santé' } })).updateCrisisCellMember.function).toBe('Adjointe à la santé');
    const REMOVE_MEMBER = 'mutation($id: ID!) { removeCrisisCellMember(id: $id) { cell { members { name } } } }';
    expect(codeOf(await as(gp, REMOVE_MEMBER, { id: member.id }))).toBe('FORBIDDEN');
    const afterRemoval = ok(await as<{ removeCrisisCellMember: { cell: { members: Array<{ name: string }> } } }>(coord, REMOVE_MEMBER, { id: member.id })).removeCrisisCellMember;
    expect(afterRemoval.cell.members.map((m) => m.name)).not.toContain('Mme Durand');

    // Working groups: a referent who is a professional; a group with meetings is kept.
    const before = ok(await as<{ cpts: { members: Array<{ id: string }>; workingGroups: Array<{ id: string }>; procedures: Array<{ id: string; level: string; lastTriggeredAt: string | null }> } }>(coord, GET, { id: CPTS })).cpts;
    const GROUP = 'mutation($id: ID!, $i: CrisisWorkingGroupInput!) { addCrisisWorkingGroup(cptsId: $id, input: $i) { id theme label referentName referent { id } } }';
    const group = ok(await as<{ addCrisisWorkingGroup: { id: string; label: string; referent: { id: string } } }>(coord, GROUP, { id: CPTS, i: { theme: 'TRANSPORT', referentName: 'Ambulancier référent', referentProfessionalId: before.members[0]!.id } })).addCrisisWorkingGroup;
    expect(group).toMatchObject({ label: 'Transports sanitaires', referent: { id: before.members[0]!.id } });
    expect(codeOf(await as(gp, GROUP, { id: CPTS, i: { theme: 'TRANSPORT', referentName: 'X' } }))).toBe('FORBIDDEN');
    const renamed = ok(await as<{ updateCrisisWorkingGroup: { label: string; referent: null } }>(coord, 'mutation($id: ID!, $i: CrisisWorkingGroupInput!) { updateCrisisWorkingGroup(id: $id, input: $i) { label referent { id } } }', { id: group.id, i: { theme: 'TRANSPORT', label: 'Transports et évacuations', referentName: 'SAMU 45' } })).updateCrisisWorkingGroup;
    expect(renamed).toEqual({ label: 'Transports et évacuations', referent: null });
    ok(await as(coord, 'mutation($id: ID!) { removeCrisisWorkingGroup(id: $id) { id } }', { id: group.id }));
    expect(codeOf(await as(coord, 'mutation($id: ID!) { removeCrisisWorkingGroup(id: $id) { id } }', { id: before.workingGroups[1]!.id }))).toBe('CONFLICT'); // a meeting was recorded

    // Procedures: added last of their level; a new level moves them; a triggered one is kept.
    const PROC = 'mutation($id: ID!, $i: CrisisProcedureInput!) { addCrisisProcedure(cptsId: $id, input: $i) { id level title lastTriggeredAt } }';
    const proc = { level: 'LEVEL_2', title: 'Ouverture d’une ligne d’écoute', description: 'Ligne téléphonique pour les habitants isolés', owner: 'Groupe Suivi de patients' };
    const badLevel = await as(coord, PROC, { id: CPTS, i: { ...proc, description: 'x'.repeat(2001) } });
    expect([codeOf(badLevel), badLevel.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'input.description']);
    const added = ok(await as<{ addCrisisProcedure: { id: string; lastTriggeredAt: null } }>(coord, PROC, { id: CPTS, i: proc })).addCrisisProcedure;
    expect(added.lastTriggeredAt).toBeNull();
    ok(await as(coord, 'mutation($id: ID!, $i: CrisisProcedureInput!) { updateCrisisProcedure(id: $id, input: $i) { id } }', { id: added.id, i: { ...proc, level: 'LEVEL_3' } }));
    const level3 = ok(await as<{ cpts: { procedures: Array<{ id: string }> } }>(coord, `query($id: ID!) { cpts(id: $id) { procedures(level: LEVEL_3) { id } } }`, { id: CPTS })).cpts.procedures;
    expect(level3.at(-1)!.id).toBe(added.id);
    ok(await as(coord, 'mutation($id: ID!) { removeCrisisProcedure(id: $id) { id } }', { id: added.id }));
    const triggered = before.procedures.find((p) => p.lastTriggeredAt)!;
    expect(codeOf(await as(coord, 'mutation($id: ID!) { removeCrisisProcedure(id: $id) { id } }', { id: triggered.id }))).toBe('CONFLICT');

    // Communication plan: an entry at every level (level null), replaced, removed.
    const COMM = 'mutation($id: ID!, $i: CrisisCommunicationInput!) { addCrisisCommunication(cptsId: $id, input: $i) { id level audience channel } }';
    const entry = { audience: 'Pharmacies du territoire', message: 'Point de situation hebdomadaire', channel: 'EMAIL', owner: 'Coordinateur' };
    expect(codeOf(await as(ars, COMM, { id: CPTS, i: entry }))).toBe('FORBIDDEN');
    const comm = ok(await as<{ addCrisisCommunication: { id: string; level: null } }>(coord, COMM, { id: CPTS, i: entry })).addCrisisCommunication;
    expect(comm.level).toBeNull();
    const plan = ok(await as<{ cpts: { communicationPlan: Array<{ audience: string }> } }>(gp, `query($id: ID!) { cpts(id: $id) { communicationPlan(level: LEVEL_1) { audience } } }`, { id: CPTS })).cpts.communicationPlan;
    expect(plan.map((p) => p.audience)).toContain('Pharmacies du territoire');
    expect(ok(await as<{ updateCrisisCommunication: { channel: string } }>(coord, 'mutation($id: ID!, $i: CrisisCommunicationInput!) { updateCrisisCommunication(id: $id, input: $i) { channel } }', { id: comm.id, i: { ...entry, channel: 'SMS' } })).updateCrisisCommunication.channel).toBe('SMS');
    ok(await as(coord, 'mutation($id: ID!) { removeCrisisCommunication(id: $id) { id } }', { id: comm.id }));

    // Inventory: replaced and removed (availability is tested above).
    const res = ok(await as<{ addCrisisResource: { id: string } }>(coord, 'mutation($id: ID!) { addCrisisResource(cptsId: $id, input: { kind: EQUIPMENT, label: "Groupe électrogène", quantity: 1 }) { id } }', { id: CPTS })).addCrisisResource;
    const UPDATE_RES = 'mutation($id: ID!, $i: CrisisResourceInput!) { updateCrisisResource(id: $id, input: $i) { quantity communeCode updatedBy } }';
    expect(codeOf(await as(coord, UPDATE_RES, { id: res.id, i: { kind: 'EQUIPMENT', label: 'Groupe électrogène', quantity: 2, communeCode: '75056' } }))).toBe('BAD_USER_INPUT');
    expect(ok(await as<{ updateCrisisResource: unknown }>(coord, UPDATE_RES, { id: res.id, i: { kind: 'EQUIPMENT', label: 'Groupe électrogène', quantity: 2, communeCode: '45302' } })).updateCrisisResource).toEqual({ quantity: 2, communeCode: '45302', updatedBy: 'coord.cpts.orleans' });
    expect(codeOf(await as(gp, 'mutation($id: ID!) { removeCrisisResource(id: $id) { id } }', { id: res.id }))).toBe('FORBIDDEN');
    ok(await as(coord, 'mutation($id: ID!) { removeCrisisResource(id: $id) { id } }', { id: res.id }));

    // CPTS members: a member leaves and comes back; twice is refused.
    const leaving = before.members[4]!.id;
    const MEMBERS = 'mutation($id: ID!, $p: ID!) { %s(cptsId: $id, professionalId: $p) { members { id } } }';
    expect(codeOf(await as(gp, MEMBERS.replace('%s', 'removeCptsMember'), { id: CPTS, p: leaving }))).toBe('FORBIDDEN');
    expect(ok(await as<{ removeCptsMember: { members: unknown[] } }>(coord, MEMBERS.replace('%s', 'removeCptsMember'), { id: CPTS, p: leaving })).removeCptsMember.members).toHaveLength(4);
    expect(codeOf(await as(coord, MEMBERS.replace('%s', 'removeCptsMember'), { id: CPTS, p: leaving }))).toBe('NOT_FOUND');
    expect(codeOf(await as(coord, MEMBERS.replace('%s', 'addCptsMember'), { id: CPTS, p: 'P999999' }))).toBe('NOT_FOUND');
    expect(ok(await as<{ addCptsMember: { members: unknown[] } }>(coord, MEMBERS.replace('%s', 'addCptsMember'), { id: CPTS, p: leaving })).addCptsMember.members).toHaveLength(5);
    expect(codeOf(await as(coord, MEMBERS.replace('%s', 'addCptsMember'), { id: CPTS, p: leaving }))).toBe('CONFLICT');
    expect(codeOf(await as(coord, MEMBERS.replace('%s', 'addCptsMember'), { id: '450099991', p: leaving }))).toBe('FORBIDDEN'); // another CPTS

    // The edit log: who changed what, newest first, readable with the protocol.
    type Edit = { actor: string; recordType: string; action: string; changes: Array<{ field: string; from: string | null; to: string | null }> };
    const edits = ok(await as<{ cpts: { protocolEdits: Edit[] } }>(ars, `query($id: ID!) { cpts(id: $id) { protocolEdits(limit: 100) { actor recordType recordId action changes { field from to } } } }`, { id: CPTS })).cpts.protocolEdits;
    expect(edits[0]).toMatchObject({ actor: 'coord.cpts.orleans', recordType: 'CPTS_MEMBER', action: 'CREATED' });
    const memberEdits = edits.filter((e) => e.recordType === 'CRISIS_CELL_MEMBER').map((e) => e.action);
    expect(memberEdits).toEqual(['REMOVED', 'UPDATED', 'CREATED']);
    expect(edits.find((e) => e.recordType === 'CRISIS_CELL_MEMBER' && e.action === 'UPDATED')!.changes).toEqual([{ field: 'function', from: '"Directrice de cabinet"', to: '"Adjointe à la santé"' }]);
    expect(edits.filter((e) => e.recordType === 'CRISIS_RESOURCE').map((e) => e.action)).toEqual(expect.arrayContaining(['CREATED', 'UPDATED', 'REMOVED']));
    expect(codeOf(await as(coord, `query($id: ID!) { cpts(id: $id) { protocolEdits(limit: 0) { id } } }`, { id: CPTS }))).toBe('BAD_USER_INPUT');
  });
});
