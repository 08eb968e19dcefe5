/**
 * Writers of the professionals subgraph on the change feed (docs/change-feed.md, "who appends
 * what"), through the gateway with real demo tokens on a private hub: each kind of write appends
 * exactly its events in its transaction, a refused write appends nothing, and no payload carries
 * a rescue e-mail, a password or its hash.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { purgeArchivedProfessionals, PURGE_ACTOR } from '../subgraphs/professionals/purge.js';
import { databaseKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asUser } from './helpers/tokens.js';

const RESCUE = 'feed.secret.rescue@example.org';
const OTHER_RESCUE = 'feed.other.rescue@example.org';
const LATE_RESCUE = 'feed.late.rescue@example.org';
const PASSWORD = 'Feed-Secret-Passw0rd!';
/** CHR Orléans (legal entity 450000088 of ref.etab.orleans); payloads list ids sorted, so Madeleine comes first. */
const LA_SOURCE = '450002613';
const MADELEINE = '450000021';
const OTHER_UNIT = '450002613-1124';

interface Event {
  topic: string;
  record_type: string;
  record_id: string;
  action: string;
  actor: string | null;
  payload: Record<string, unknown>;
}

type Result = { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }>; data?: unknown };
const codeOf = (r: Result) => r.errors?.[0]?.extensions?.code;

describe.each(databaseKinds())('professionals writes on the change feed (%s)', (kind) => {
  let hub: TestHub;
  let ars: string;
  let lastSeen = 0;
  const as = <T = Record<string, unknown>>(token: string, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(hub.urls.graphql, query, variables, { authorization: token });

  /** Professional-topic events appended since the previous call. */
  const newEvents = async (): Promise<Event[]> => {
    const rows = await hub.db.rows<Event & { id: number }>(
      sql`select id::int as id, topic, record_type, record_id, action, actor, payload from feed.change_event where id > ${lastSeen} order by id`,
    );
    lastSeen = rows.at(-1)?.id ?? lastSeen;
    return rows.filter((r) => r.topic === 'professional').map(({ id: _id, ...event }) => event);
  };
  const ok = <T>(r: Result & { data?: T | null }): T => {
    expect(r.errors).toBeUndefined();
    return r.data!;
  };

  let id = '';
  let accountId = '';

  beforeAll(async () => {
    hub = await startTestHub(kind);
    ars = await asUser(hub.urls.graphql, 'admin.ars');
    await newEvents();
  }, 120_000);
  afterAll(async () => hub?.close());

  it('createProfessional with an account: PROFESSIONAL CREATE and ACCOUNT CREATE, field names only', async () => {
    const created = ok(
      await as<{ createProfessional: { id: string } }>(
        ars,
        `mutation($input: CreateProfessionalInput!) { createProfessional(input: $input, confirmSimilar: true) { id } }`,
        { input: { lastName: 'Feedwriter', firstName: 'Anne', establishmentIds: [LA_SOURCE], unitIds: [OTHER_UNIT], account: { login: 'feed.writer', rescueEmail: RESCUE } } },
      ),
    );
    id = created.createProfessional.id;
    const events = await newEvents();
    expect(events).toHaveLength(2);
    expect(events[0]).toEqual({
      topic: 'professional',
      record_type: 'PROFESSIONAL',
      record_id: id,
      action: 'CREATE',
      actor: 'admin.ars',
      payload: { changedFields: ['lastName', 'firstName', 'rescueEmail'], establishmentIds: [LA_SOURCE], unitIds: [OTHER_UNIT] },
    });
    expect(events[1]).toMatchObject({ record_type: 'ACCOUNT', action: 'CREATE', actor: 'admin.ars', payload: { professionalId: id, changedFields: ['login', 'enabled'] } });
    accountId = events[1]!.record_id;
  });

  it('updateProfessional: the changed fields and placement; the same values again append nothing', async () => {
    const update = `mutation($id: ID!, $input: UpdateProfessionalInput!) { updateProfessional(id: $id, input: $input) { id } }`;
    ok(await as(ars, update, { id, input: { firstName: 'Annie', establishmentIds: [LA_SOURCE, MADELEINE] } }));
    expect(await newEvents()).toEqual([
      {
        topic: 'professional',
        record_type: 'PROFESSIONAL',
        record_id: id,
        action: 'UPDATE',
        actor: 'admin.ars',
        payload: { changedFields: ['firstName', 'establishmentIds'], establishmentIds: [MADELEINE, LA_SOURCE], unitIds: [OTHER_UNIT] },
      },
    ]);
    ok(await as(ars, update, { id, input: { firstName: 'Annie', establishmentIds: [MADELEINE, LA_SOURCE] } }));
    expect(await newEvents()).toEqual([]);
  });

  it('disabling and enabling the account: ACCOUNT UPDATE of enabled', async () => {
    const update = `mutation($id: ID!, $on: Boolean!) { updateProfessional(id: $id, input: { accountEnabled: $on }) { id } }`;
    ok(await as(ars, update, { id, on: false }));
    expect(await newEvents()).toEqual([
      { topic: 'professional', record_type: 'ACCOUNT', record_id: accountId, action: 'UPDATE', actor: 'admin.ars', payload: { professionalId: id, changedFields: ['enabled'], enabled: false } },
    ]);
    ok(await as(ars, update, { id, on: true }));
    expect((await newEvents()).map((e) => e.payload.enabled)).toEqual([true]);
  });

  it('setRescueEmail and changePassword: the field names, never the values', async () => {
    ok(await as(ars, `mutation($id: ID!, $e: String!) { setRescueEmail(professionalId: $id, email: $e) { id } }`, { id, e: OTHER_RESCUE }));
    ok(await as(ars, `mutation($id: ID!, $p: String!) { changePassword(professionalId: $id, newPassword: $p) { login } }`, { id, p: PASSWORD }));
    expect(await newEvents()).toEqual([
      {
        topic: 'professional',
        record_type: 'PROFESSIONAL',
        record_id: id,
        action: 'UPDATE',
        actor: 'admin.ars',
        payload: { changedFields: ['rescueEmail'], establishmentIds: [MADELEINE, LA_SOURCE], unitIds: [OTHER_UNIT] },
      },
      { topic: 'professional', record_type: 'ACCOUNT', record_id: accountId, action: 'UPDATE', actor: 'admin.ars', payload: { professionalId: id, changedFields: ['password'] } },
    ]);
  });

  it('changeMyPassword: the account owner is the actor', async () => {
    const own = await asUser(hub.urls.graphql, 'feed.writer', PASSWORD);
    ok(await as(own, `mutation($c: String!, $n: String!) { changeMyPassword(currentPassword: $c, newPassword: $n) { login } }`, { c: PASSWORD, n: `${PASSWORD}2` }));
    expect(await newEvents()).toEqual([
      { topic: 'professional', record_type: 'ACCOUNT', record_id: accountId, action: 'UPDATE', actor: 'feed.writer', payload: { professionalId: id, changedFields: ['password'] } },
    ]);
  });

  it('createAccount on an existing record: ACCOUNT CREATE', async () => {
    ok(await as(ars, `mutation { setRescueEmail(professionalId: "P000329", email: "${LATE_RESCUE}") { id } }`));
    ok(await as(ars, `mutation { createAccount(professionalId: "P000329", login: "p000329.feed") { id } }`));
    const events = await newEvents();
    expect(events.map((e) => [e.record_type, e.action, e.actor, e.payload.changedFields])).toEqual([
      ['PROFESSIONAL', 'UPDATE', 'admin.ars', ['rescueEmail']],
      ['ACCOUNT', 'CREATE', 'admin.ars', ['login', 'enabled']],
    ]);
    expect(events[1]!.payload.professionalId).toBe('P000329');
  });

  it('role assignment and revocation: ROLE_ASSIGNMENT CREATE then DELETE; assigning twice appends once', async () => {
    const grant = `mutation($p: ID!) { grantRight(professionalId: $p, right: "ORU_PROFESSIONNEL_DELETE", perimeterKind: TRANSVERSAL) { assignment { id } } }`;
    const assignment = ok(await as<{ grantRight: { assignment: { id: string } } }>(ars, grant, { p: id })).grantRight.assignment.id;
    ok(await as(ars, grant, { p: id }));
    const payload = { professionalId: id, role: null, right: 'ORU_PROFESSIONNEL_DELETE', perimeterKind: 'TRANSVERSAL', perimeterId: null };
    expect(await newEvents()).toEqual([{ topic: 'professional', record_type: 'ROLE_ASSIGNMENT', record_id: assignment, action: 'CREATE', actor: 'admin.ars', payload }]);

    ok(await as(ars, `mutation($id: ID!) { revokeRoleAssignment(id: $id) { id } }`, { id: assignment }));
    expect(await newEvents()).toEqual([{ topic: 'professional', record_type: 'ROLE_ASSIGNMENT', record_id: assignment, action: 'DELETE', actor: 'admin.ars', payload }]);
  });

  it('refused writes append nothing (FORBIDDEN, BAD_USER_INPUT, NOT_FOUND)', async () => {
    const bourges = await asUser(hub.urls.graphql, 'decl.tension.bourges');
    const create = `mutation($input: CreateProfessionalInput!) { createProfessional(input: $input, confirmSimilar: true) { id } }`;
    expect(codeOf(await as(bourges, create, { input: { lastName: 'Refused', firstName: 'Write', establishmentIds: [LA_SOURCE] } }))).toBe('FORBIDDEN');
    expect(codeOf(await as(ars, `mutation($id: ID!) { setRescueEmail(professionalId: $id, email: "not-an-address") { id } }`, { id }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await as(ars, `mutation { updateProfessional(id: "P000331", input: { accountEnabled: false }) { id } }`))).toBe('BAD_USER_INPUT');
    expect(codeOf(await as(ars, `mutation { archiveProfessional(id: "P000329") { id } }`))).toBe('FORBIDDEN'); // the role has no ORU_PROFESSIONNEL_DELETE
    expect(codeOf(await as(ars, `mutation { revokeRoleAssignment(id: "999999") { id } }`))).toBe('NOT_FOUND');
    expect(await newEvents()).toEqual([]);
  });

  it('archive and reactivate (with ORU_PROFESSIONNEL_DELETE), then the purge: ARCHIVE, REACTIVATE, PURGE', async () => {
    const grant = `mutation { grantRight(professionalId: "P000328", right: "ORU_PROFESSIONNEL_DELETE", perimeterKind: ORGANIZATION, perimeterId: "450000088") { assignment { id } } }`;
    ok(await as(ars, grant));
    await newEvents();
    const orleans = await asUser(hub.urls.graphql, 'ref.etab.orleans'); // a token issued after the grant
    ok(await as(orleans, `mutation($id: ID!) { archiveProfessional(id: $id) { id } }`, { id }));
    ok(await as(orleans, `mutation($id: ID!) { reactivateProfessional(id: $id) { id } }`, { id }));
    ok(await as(orleans, `mutation($id: ID!) { archiveProfessional(id: $id) { id } }`, { id }));
    const keys = { changedFields: ['archivedAt'], establishmentIds: [MADELEINE, LA_SOURCE], unitIds: [OTHER_UNIT] };
    expect((await newEvents()).map((e) => [e.record_id, e.action, e.actor, e.payload])).toEqual([
      [id, 'ARCHIVE', 'ref.etab.orleans', keys],
      [id, 'REACTIVATE', 'ref.etab.orleans', keys],
      [id, 'ARCHIVE', 'ref.etab.orleans', keys],
    ]);

    const purged = await purgeArchivedProfessionals(hub.db, new Date(Date.now() + 366 * 86_400_000), 365);
    expect(purged).toContain(id);
    const events = await newEvents();
    expect(events.map((e) => [e.record_type, e.record_id, e.action, e.actor, e.payload])).toEqual(purged.map((p) => ['PROFESSIONAL', p, 'PURGE', PURGE_ACTOR, {}]));
    expect(await purgeArchivedProfessionals(hub.db, new Date(Date.now() + 366 * 86_400_000), 365)).toEqual([]);
    expect(await newEvents()).toEqual([]);
  });

  it('a unit transfer moves its professionals: one PROFESSIONAL UPDATE each, none on a unit without them', async () => {
    const orleans = await asUser(hub.urls.graphql, 'ref.etab.orleans');
    const input = { name: 'UNITE FEED', ufCode: 'F900', kind: 'MCO', discipline: 'MEDICINE', activityFieldCode: '01', careModeCode: '28', operationalActivityCodes: ['083'], patientAgeMin: 18, patientAgeMax: 150 };
    const unit = ok(await as<{ createUnit: { id: string } }>(orleans, `mutation($e: ID!, $input: UnitInput!) { createUnit(establishmentId: $e, input: $input) { id } }`, { e: LA_SOURCE, input })).createUnit.id;
    const pro = ok(
      await as<{ createProfessional: { id: string } }>(
        orleans,
        `mutation($input: CreateProfessionalInput!) { createProfessional(input: $input, confirmSimilar: true) { id } }`,
        { input: { lastName: 'Feedmover', firstName: 'Test', establishmentIds: [LA_SOURCE], unitIds: [unit] } },
      ),
    ).createProfessional.id;
    await newEvents();
    const transfer = `mutation($id: ID!, $to: ID!) { transferUnit(id: $id, toEstablishmentId: $to, withProfessionals: true) { id } }`;
    ok(await as(orleans, transfer, { id: unit, to: MADELEINE }));
    expect(await newEvents()).toEqual([
      {
        topic: 'professional',
        record_type: 'PROFESSIONAL',
        record_id: pro,
        action: 'UPDATE',
        actor: 'system',
        payload: { changedFields: ['establishmentIds'], establishmentIds: [MADELEINE], unitIds: [unit], transferredUnitId: unit },
      },
    ]);
  });

  it('no professional payload holds a rescue e-mail, a password or a hash', async () => {
    const all = await hub.db.rows<{ payload: unknown; actor: string | null }>(sql`select payload, actor from feed.change_event where topic = 'professional'`);
    expect(all.length).toBeGreaterThan(10);
    const text = JSON.stringify(all);
    for (const secret of [RESCUE, OTHER_RESCUE, LATE_RESCUE, PASSWORD, '@example.org', '$argon2', 'scrypt', 'passwordHash', 'token']) expect(text).not.toContain(secret);
  });
});
