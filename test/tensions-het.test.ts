/**
 * HET declarations through the gateway on a private hub (docs/tensions.md): levels, groups and
 * repertoire as data; declare, update, add actions, close with the demo accounts; timeline order
 * and authors; CONFLICT on a stale version; allow/deny; windows; change-feed events exactly once
 * per write and none for refused ones; ARS indicators on a hand-made set; the subscription through
 * the gateway with the establishment's name resolved by the offer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { endToEndKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';
import { createTensionService } from '../subgraphs/tensions/service.js';
import { createTensionStore } from '../subgraphs/tensions/store.js';

const BOURGES = '180000010'; // decl.tension.bourges declares here only
const ORLEANS = '450002613'; // ref.etab.orleans (alerts on its legal entity: reads, never declares)
const DAY_MS = 86_400_000;

const FIELDS = `id version level status disciplineGroup disciplineGroupCode startedAt endedAt declaredBy
  levelDetail { code rank label(regionCode: "24") }
  timeline { kind author levelCode disciplineGroupCode notes action { code categoryCode } }`;
const DECLARE = `mutation($input: DeclareTensionInput!) { declareTension(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTensionInput!, $v: Int!) { updateTension(id: $id, input: $input, expectedVersion: $v) { ${FIELDS} } }`;
const ADD = `mutation($id: ID!, $actions: [TensionActionInput!]!) { addTensionActions(id: $id, actions: $actions) { ${FIELDS} } }`;
const CLOSE = `mutation($id: ID!, $notes: String, $endedAt: DateTime) { closeTension(id: $id, notes: $notes, endedAt: $endedAt) { ${FIELDS} } }`;
const LIST = `query($filter: TensionFilter, $window: TensionWindow, $first: Int, $after: String) {
  tensions(filter: $filter, window: $window, first: $first, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } }
}`;
const INDICATORS = `query($from: DateTime!, $to: DateTime!, $d: String) { hetIndicators(from: $from, to: $to, departmentCode: $d) { alerts triggers arsInvolvements } }`;

interface Tension {
  id: string;
  version: number;
  level: string;
  status: string;
  disciplineGroup: string;
  disciplineGroupCode: string;
  endedAt: string | null;
  declaredBy: string | null;
  levelDetail: { code: string; rank: number; label: string };
  timeline: Array<{ kind: string; author: string; levelCode: string; disciplineGroupCode: string; notes: string | null; action: { code: string; categoryCode: string } | null }>;
}
type Result<T = Record<string, unknown>> = { data?: T | null; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };
const codeOf = (r: Result) => r.errors?.[0]?.extensions?.code;

describe.each(endToEndKinds('pglite'))('HET declarations (%s)', (kind) => {
  let hub: TestHub;
  let declarant: string;
  let ars: string;
  let orleans: string;
  let lastSeen = 0;
  const as = <T = Record<string, unknown>>(token: string | null, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(hub.urls.graphql, query, variables, token ? { authorization: token } : {});
  const ok = <T>(r: Result<T>): T => {
    expect(r.errors).toBeUndefined();
    return r.data!;
  };
  /** Tension events appended since the previous call. */
  const newEvents = async () => {
    const rows = await hub.db.rows<{ id: number; topic: string; record_type: string; record_id: string; action: string; actor: string; payload: Record<string, unknown> }>(
      sql`select id::int as id, topic, record_type, record_id, action, actor, payload from feed.change_event where id > ${lastSeen} order by id`,
    );
    lastSeen = rows.at(-1)?.id ?? lastSeen;
    return rows.filter((r) => r.topic === 'tension');
  };
  const declare = async (input: Record<string, unknown>, token = declarant) => ok(await as<{ declareTension: Tension }>(token, DECLARE, { input })).declareTension;

  beforeAll(async () => {
    hub = await startTestHub(kind);
    [declarant, ars, orleans] = await Promise.all([asUser(hub.urls.graphql, 'decl.tension.bourges'), asUser(hub.urls.graphql, 'admin.ars'), asUser(hub.urls.graphql, 'ref.etab.orleans')]);
    await newEvents();
  }, 120_000);
  afterAll(async () => hub?.close());

  it('serves levels, discipline groups and the repertoire as data; the demo declarations read their codes', async () => {
    const data = ok(await as<{ tensionLevels: Array<{ code: string; rank: number; national: string; regional: string }>; disciplineGroups: Array<{ code: string; disciplines: string[] }>; hetActionRepertoire: Array<{ code: string; actions: Array<{ code: string }> }> }>(
      declarant,
      `{ tensionLevels { code rank national: label regional: label(regionCode: "24") } disciplineGroups { code disciplines } hetActionRepertoire { code actions { code } } }`,
    ));
    expect(data.tensionLevels.map((l) => l.code)).toEqual(['VEILLE', 'HET_1', 'HET_2', 'HET_3', 'PLAN_BLANC', 'PLAN_BLANC_ELARGI']);
    expect(data.tensionLevels.find((l) => l.code === 'PLAN_BLANC')).toMatchObject({ national: 'Plan blanc', regional: 'Plan blanc 2' });
    expect(data.disciplineGroups.find((g) => g.code === 'REA_SI_SC')!.disciplines).toEqual(['ADULT_ICU', 'INTENSIVE_CARE', 'CONTINUOUS_CARE']);
    expect(data.hetActionRepertoire.map((c) => c.code)).toEqual(['GOUVERNANCE', 'PROGRAMME', 'LITS', 'SORTIES', 'PERSONNEL', 'URGENCES', 'TERRITOIRE', 'COMMUNICATION']);
    expect(data.hetActionRepertoire.find((c) => c.code === 'TERRITOIRE')!.actions.map((a) => a.code)).toContain('TERR_APPUI_ARS');

    const demo = ok(await as<{ establishment: { tensions: Tension[] } }>(ars, `{ establishment(id: "370004467") { tensions { ${FIELDS} } } }`)).establishment.tensions;
    expect(demo[0]).toMatchObject({ level: 'PLAN_BLANC', disciplineGroup: 'Réanimation, soins intensifs adultes et surveillance continue', status: 'CLOSED', levelDetail: { label: 'Plan blanc 2' } });
    expect(demo[0]!.timeline.map((e) => [e.kind, e.author])).toEqual([['DECLARED', 'seed'], ['CLOSED', 'seed']]);

    expect(codeOf(await as(null, '{ hetActionRepertoire { code } }'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await as(await asUser(hub.urls.graphql, 'ref.planbleu.blois'), '{ hetActionRepertoire { code } }'))).toBe('FORBIDDEN');
    ok(await as(await asApp(hub.urls.graphql, 'national-aggregator'), '{ hetActionRepertoire { code } }'));
  });

  it('declares, updates, adds actions and closes, with the timeline in order and one feed event per write', async () => {
    const t = await declare({
      establishmentId: BOURGES, disciplineGroupCode: 'MEDECINE', levelCode: 'HET_1', notes: 'Afflux aux urgences',
      actions: [{ actionCode: 'GOUV_CELLULE_VEILLE' }, { actionCode: 'LITS_BED_MANAGER', notes: 'bed manager 8h-20h' }],
    });
    expect(t).toMatchObject({ status: 'IN_PROGRESS', level: 'HET_1', version: 1, disciplineGroup: 'Médecine', declaredBy: 'decl.tension.bourges', endedAt: null });
    expect(t.id).toMatch(/^T\d{5,}$/);
    expect(t.timeline.map((e) => [e.kind, e.action?.code ?? null, e.notes])).toEqual([
      ['DECLARED', null, 'Afflux aux urgences'], ['ACTION_ADDED', 'GOUV_CELLULE_VEILLE', null], ['ACTION_ADDED', 'LITS_BED_MANAGER', 'bed manager 8h-20h'],
    ]);
    let events = await newEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ record_type: 'TENSION', record_id: t.id, action: 'DECLARE', actor: 'decl.tension.bourges',
      payload: { establishmentId: BOURGES, levelCode: 'HET_1', disciplineGroupCode: 'MEDECINE', status: 'IN_PROGRESS', version: 1 } });
    expect((events[0]!.payload.timelineEntryIds as number[]).length).toBe(3);

    const up = ok(await as<{ updateTension: Tension }>(declarant, UPDATE, { id: t.id, input: { levelCode: 'HET_2', disciplineGroupCode: 'URGENCES', notes: 'Saturation' }, v: 1 })).updateTension;
    expect(up).toMatchObject({ version: 2, level: 'HET_2', disciplineGroupCode: 'URGENCES' });
    expect(up.timeline.slice(3).map((e) => [e.kind, e.levelCode, e.disciplineGroupCode, e.notes])).toEqual([
      ['LEVEL_CHANGED', 'HET_2', 'MEDECINE', 'Saturation'], ['DISCIPLINE_GROUP_CHANGED', 'HET_2', 'URGENCES', null],
    ]);
    const stale = await as(declarant, UPDATE, { id: t.id, input: { levelCode: 'HET_3' }, v: 1 });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', current: { version: 2, levelCode: 'HET_2' } });
    const same = ok(await as<{ updateTension: Tension }>(declarant, UPDATE, { id: t.id, input: { levelCode: 'HET_2' }, v: 2 })).updateTension;
    expect(same.version).toBe(2); // nothing changed: nothing written
    events = await newEvents();
    expect(events.map((e) => [e.action, (e.payload.timelineEntryIds as number[]).length])).toEqual([['UPDATE', 2]]);

    const added = ok(await as<{ addTensionActions: Tension }>(declarant, ADD, { id: t.id, actions: [{ actionCode: 'PROG_DEPROG_CHIR' }] })).addTensionActions;
    expect(added.version).toBe(3);
    expect(added.timeline.at(-1)).toMatchObject({ kind: 'ACTION_ADDED', author: 'decl.tension.bourges', action: { code: 'PROG_DEPROG_CHIR', categoryCode: 'PROGRAMME' } });
    const bad = await as(declarant, ADD, { id: t.id, actions: [{ actionCode: 'NO_SUCH_ACTION' }] });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'actionCode' });

    const closed = ok(await as<{ closeTension: Tension }>(declarant, CLOSE, { id: t.id, notes: 'Retour à la normale' })).closeTension;
    expect(closed).toMatchObject({ status: 'CLOSED', version: 4 });
    expect(closed.endedAt).not.toBeNull();
    expect(closed.timeline.map((e) => e.kind)).toEqual(['DECLARED', 'ACTION_ADDED', 'ACTION_ADDED', 'LEVEL_CHANGED', 'DISCIPLINE_GROUP_CHANGED', 'ACTION_ADDED', 'CLOSED']);
    expect(new Set(closed.timeline.map((e) => e.author))).toEqual(new Set(['decl.tension.bourges']));
    expect(codeOf(await as(declarant, CLOSE, { id: t.id }))).toBe('BAD_USER_INPUT'); // already closed
    events = await newEvents();
    expect(events.map((e) => e.action)).toEqual(['ADD_ACTIONS', 'CLOSE']);
    expect(events[1]!.payload).toMatchObject({ status: 'CLOSED', version: 4 });

    // The ARS reads it, Orléans' referent does not (outside its perimeter).
    ok(await as(ars, `query($id: ID!) { tension(id: $id) { id } }`, { id: t.id }));
    expect(codeOf(await as(orleans, `query($id: ID!) { tension(id: $id) { id } }`, { id: t.id }))).toBe('FORBIDDEN');
  });

  it('refuses writes outside the right, for applications and anonymous callers, and appends nothing then', async () => {
    const input = { establishmentId: ORLEANS, disciplineGroupCode: 'MEDECINE', levelCode: 'HET_1' };
    const outside = await as(declarant, DECLARE, { input });
    expect(outside.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', rights: ['OruTension_tension_creation'] });
    expect(codeOf(await as(orleans, DECLARE, { input }))).toBe('FORBIDDEN'); // alerts read, not declare
    expect(codeOf(await as(null, DECLARE, { input: { ...input, establishmentId: BOURGES } }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await as(await asApp(hub.urls.graphql, 'national-aggregator'), DECLARE, { input: { ...input, establishmentId: BOURGES } }))).toBe('FORBIDDEN');
    const unknownGroup = await as(declarant, DECLARE, { input: { ...input, establishmentId: BOURGES, disciplineGroupCode: 'NOPE' } });
    expect(unknownGroup.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'disciplineGroupCode' });
    const future = await as(declarant, DECLARE, { input: { ...input, establishmentId: BOURGES, startedAt: new Date(Date.now() + DAY_MS).toISOString() } });
    expect(future.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startedAt' });
    // The ARS reads everywhere but declares nowhere (its role has no OruTension_tension_creation).
    expect(codeOf(await as(ars, DECLARE, { input }))).toBe('FORBIDDEN');

    const demoBourges = ok(await as<{ establishment: { tensions: Tension[] } }>(declarant, `{ establishment(id: "${BOURGES}") { tensions(status: IN_PROGRESS) { id version } } }`)).establishment.tensions[0]!;
    expect(codeOf(await as(orleans, UPDATE, { id: demoBourges.id, input: { levelCode: 'HET_3' }, v: demoBourges.version }))).toBe('FORBIDDEN');
    expect(codeOf(await as(null, CLOSE, { id: demoBourges.id }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await as(await asApp(hub.urls.graphql, 'national-aggregator'), CLOSE, { id: demoBourges.id }))).toBe('FORBIDDEN');
    expect(codeOf(await as(declarant, CLOSE, { id: 'T99999999' }))).toBe('NOT_FOUND');
    expect(await newEvents()).toEqual([]);
  });

  it('refuses an establishment the offer does not know (asked through its API), appending nothing', async () => {
    const asked: string[] = [];
    const offer = { exists: async (id: string) => (asked.push(id), false), inDepartment: async () => new Set<string>() };
    const service = createTensionService({ store: createTensionStore(hub.db.orm), offer }, { kind: 'system', subject: 'gateway' });
    const refused = service.declare({ establishmentId: '999999999', disciplineGroupCode: 'MEDECINE', levelCode: 'HET_1' });
    await expect(refused).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'establishmentId' } });
    expect(asked).toEqual(['999999999']);
    expect(await newEvents()).toEqual([]);
  });

  it('lists by window, filter and page; "my HET plans" are the declarant’s establishments', async () => {
    const now = Date.now();
    const iso = (daysAgo: number) => new Date(now - daysAgo * DAY_MS).toISOString();
    // Ended 10 and 20 days ago, 40 days ago; one in progress since 60 days.
    const made: string[] = [];
    for (const [start, end] of [[12, 10], [25, 20], [45, 40]] as const) {
      const t = await declare({ establishmentId: BOURGES, disciplineGroupCode: 'PSYCHIATRIE', levelCode: 'HET_1', startedAt: iso(start) });
      ok(await as(declarant, CLOSE, { id: t.id, endedAt: iso(end) }));
      made.push(t.id);
    }
    made.push((await declare({ establishmentId: BOURGES, disciplineGroupCode: 'PSYCHIATRIE', levelCode: 'VEILLE', startedAt: iso(60) })).id);
    const ids = async (window: string, token = declarant) =>
      ok(await as<{ tensions: { edges: Array<{ node: { id: string } }> } }>(token, LIST, { filter: { disciplineGroupCode: 'PSYCHIATRIE' }, window, first: 50 })).tensions.edges.map((e) => e.node.id).sort();
    expect(await ids('D7')).toEqual([made[3]]);
    expect(await ids('D15')).toEqual([made[0], made[3]].sort());
    expect(await ids('D30')).toEqual([made[0], made[1], made[3]].sort());
    expect(await ids('ALL')).toEqual([...made].sort());

    // Filters: département 18 (Cher) through the offer, levels, establishment; pages.
    const inCher = ok(await as<{ tensions: { totalCount: number } }>(ars, LIST, { filter: { departmentCode: '18', disciplineGroupCode: 'PSYCHIATRIE' } })).tensions.totalCount;
    expect(inCher).toBe(4);
    expect(ok(await as<{ tensions: { totalCount: number } }>(ars, LIST, { filter: { departmentCode: '45', disciplineGroupCode: 'PSYCHIATRIE' } })).tensions.totalCount).toBe(0);
    expect(ok(await as<{ tensions: { totalCount: number } }>(ars, LIST, { filter: { levelCodes: ['VEILLE'], establishmentId: BOURGES } })).tensions.totalCount).toBe(1);
    const first = ok(await as<{ tensions: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(ars, LIST, { filter: { disciplineGroupCode: 'PSYCHIATRIE' }, first: 3 })).tensions;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = ok(await as<{ tensions: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean } } }>(ars, LIST, { filter: { disciplineGroupCode: 'PSYCHIATRIE' }, first: 3, after: first.pageInfo.endCursor })).tensions;
    expect([...first.edges, ...second.edges].map((e) => e.node.id).sort()).toEqual([...made].sort());
    expect(second.pageInfo.hasNextPage).toBe(false);

    // Orléans' referent sees none of Bourges'; the declarant's plans are Bourges' only.
    expect(await ids('ALL', orleans)).toEqual([]);
    const mine = ok(await as<{ myHetPlans: { edges: Array<{ node: { id: string; establishment: { id: string } } }> } }>(declarant, `{ myHetPlans(first: 100) { edges { node { id establishment { id } } } } }`)).myHetPlans.edges;
    expect(mine.length).toBeGreaterThanOrEqual(5);
    expect(new Set(mine.map((e) => e.node.establishment.id))).toEqual(new Set([BOURGES]));
    expect(ok(await as<{ myHetPlans: { edges: unknown[] } }>(orleans, `{ myHetPlans { edges { cursor } } }`)).myHetPlans.edges).toEqual([]);
    expect(codeOf(await as(null, LIST))).toBe('UNAUTHENTICATED');
    await newEvents();
  });

  it('counts the ARS indicators on a hand-made set', async () => {
    // A far period no demo declaration touches: 2001.
    const at = (day: number) => new Date(Date.UTC(2001, 0, day, 12)).toISOString();
    const a = await declare({ establishmentId: BOURGES, disciplineGroupCode: 'CHIRURGIE', levelCode: 'HET_1', startedAt: at(2) }); // alert only…
    ok(await as(declarant, UPDATE, { id: a.id, input: { levelCode: 'HET_2' }, v: 1 })); // …raised now (outside 2001)
    await declare({ establishmentId: BOURGES, disciplineGroupCode: 'CHIRURGIE', levelCode: 'HET_3', startedAt: at(3) }); // alert + trigger
    await declare({ establishmentId: BOURGES, disciplineGroupCode: 'CHIRURGIE', levelCode: 'PLAN_BLANC', startedAt: at(4) }); // alert + trigger + ARS
    await declare({ establishmentId: BOURGES, disciplineGroupCode: 'CHIRURGIE', levelCode: 'HET_1', startedAt: at(5), actions: [{ actionCode: 'TERR_APPUI_ARS' }] }); // alert (+ ARS now, outside 2001)
    const count = async (from: string, to: string, d?: string) => ok(await as<{ hetIndicators: Record<string, number> }>(ars, INDICATORS, { from, to, d })).hetIndicators;
    expect(await count(at(1), at(10))).toEqual({ alerts: 4, triggers: 2, arsInvolvements: 1 });
    expect(await count(at(1), at(10), '18')).toEqual({ alerts: 4, triggers: 2, arsInvolvements: 1 });
    expect(await count(at(1), at(10), '45')).toEqual({ alerts: 0, triggers: 0, arsInvolvements: 0 });
    expect(await count(at(3), at(4))).toEqual({ alerts: 1, triggers: 1, arsInvolvements: 0 });
    // Since yesterday: the raise of the first one to HET_2 and the ARS support asked for the last.
    const since = await count(new Date(Date.now() - DAY_MS).toISOString(), new Date(Date.now() + DAY_MS).toISOString(), '18');
    expect(since.triggers).toBeGreaterThanOrEqual(1);
    expect(since.arsInvolvements).toBeGreaterThanOrEqual(1);
    expect(codeOf(await as(declarant, INDICATORS, { from: at(1), to: at(10) }))).toBe('FORBIDDEN'); // not regional
    expect(codeOf(await as(ars, INDICATORS, { from: at(10), to: at(1) }))).toBe('BAD_USER_INPUT');
    await newEvents();
  });

  it('delivers tensionChanged through the gateway to who may read, with the establishment named by the offer', async () => {
    const ws = (token: string) => createClient({ url: hub.urls.graphql.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: token }, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });
    const query = `subscription($f: TensionChangeFilter) { tensionChanged(filter: $f) {
      id action tension { id level status establishment { id name } } entries { kind action { code } } } }`;
    const follow = (token: string, f: Record<string, unknown>) => {
      const client = ws(token);
      const got: Array<Result<{ tensionChanged: { action: string; tension: { id: string; level: string; establishment: { name: string } }; entries: Array<{ kind: string }> } }>> = [];
      const stop = client.subscribe({ query, variables: { f } }, { next: (r) => void got.push(r as never), error: () => undefined, complete: () => undefined });
      return { got, close: async () => { stop(); await client.dispose(); } };
    };
    const arsDept = follow(ars, { departmentCode: '18' });
    const arsHigh = follow(ars, { levelCodes: ['PLAN_BLANC'] });
    const outsider = follow(orleans, {});
    await new Promise((r) => setTimeout(r, 800)); // subscriptions open upstream
    const t = await declare({ establishmentId: BOURGES, disciplineGroupCode: 'URGENCES', levelCode: 'HET_2', actions: [{ actionCode: 'URG_RENFORT_IOA' }] });
    ok(await as(declarant, CLOSE, { id: t.id }));
    for (let i = 0; i < 200 && arsDept.got.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(arsDept.got.map((r) => r.errors)).toEqual([undefined, undefined]);
    const [declared, closed] = arsDept.got.map((r) => r.data!.tensionChanged);
    expect(declared).toMatchObject({ action: 'DECLARE', tension: { id: t.id, level: 'HET_2', status: 'IN_PROGRESS', establishment: { id: BOURGES, name: expect.stringMatching(/Bourges/i) } } });
    expect(declared!.entries.map((e) => e.kind)).toEqual(['DECLARED', 'ACTION_ADDED']);
    expect(closed).toMatchObject({ action: 'CLOSE', tension: { status: 'CLOSED' }, entries: [{ kind: 'CLOSED' }] });
    await new Promise((r) => setTimeout(r, 300));
    expect(arsHigh.got).toEqual([]); // HET_2 is not a PLAN_BLANC event
    expect(outsider.got).toEqual([]); // Orléans may not read Bourges' tensions
    await Promise.all([arsDept.close(), arsHigh.close(), outsider.close()]);

    const anonymous = createClient({ url: hub.urls.graphql.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    const refused = await new Promise<Result>((resolve) => anonymous.subscribe({ query }, { next: (r) => resolve(r as Result), error: (e) => resolve({ errors: e as never }), complete: () => undefined }));
    expect(JSON.stringify(refused)).toContain('UNAUTHENTICATED');
    await anonymous.dispose();
    await newEvents();
  });
});
