/**
 * The offer's unit writes that depend on the professionals subgraph, through the gateway with
 * real demo tokens on a private hub: archive refused while a professional has this unit only,
 * transfer with and without professionals (a unit keeps its id; the professionals subgraph
 * stores each assignment's establishment), and professional writes checking units against the
 * offer rather than their id prefix (docs/offer-editing.md, D30).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { endToEndKinds, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asUser } from './helpers/tokens.js';
import { callAs, startProfessionalsHub, SYSTEM } from './helpers/professionals.js';

/** CHR Orléans (legal entity 450000088 of ref.etab.orleans): La Source, Madeleine, Saran. */
const LA_SOURCE = '450002613';
const MADELEINE = '450000021';
const SARAN = '450010442';
const OTHER_UNIT = '450002613-1124';

const CREATE_UNIT = `mutation($e: ID!, $input: UnitInput!) { createUnit(establishmentId: $e, input: $input) { id } }`;
const ARCHIVE = `mutation($id: ID!) { archiveUnit(id: $id) { id archived } }`;
const TRANSFER = `mutation($id: ID!, $to: ID!, $with: Boolean!) { transferUnit(id: $id, toEstablishmentId: $to, withProfessionals: $with) { id ufCode establishment { id } pole { id } } }`;
const CREATE_PRO = `mutation($input: CreateProfessionalInput!) { createProfessional(input: $input, confirmSimilar: true) { id } }`;
const UPDATE_PRO = `mutation($id: ID!, $input: UpdateProfessionalInput!) { updateProfessional(id: $id, input: $input) { id establishments { id } units { id } } }`;
const PRO = `query($id: ID!) { professional(id: $id) { id establishments { id } units { id establishment { id } } } }`;

type Pro = { id: string; establishments: Array<{ id: string }>; units: Array<{ id: string; establishment: { id: string } }> };

describe.each(endToEndKinds('postgres'))('offer editing with professionals on %s', (kind) => {
  let hub: TestHub;
  let orleans: string, ars: string;
  const as = <T = Record<string, unknown>>(token: string | null, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(hub.urls.graphql, query, variables, token ? { authorization: token } : {});
  const codeOf = (r: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => r.errors?.[0]?.extensions?.code;
  const newUnit = async (ufCode: string): Promise<string> => {
    const input = { name: `UNITE ${ufCode}`, ufCode, kind: 'MCO', discipline: 'MEDICINE', activityFieldCode: '01', careModeCode: '28', operationalActivityCodes: ['083'], patientAgeMin: 18, patientAgeMax: 150 };
    const r = await as<{ createUnit: { id: string } }>(orleans, CREATE_UNIT, { e: LA_SOURCE, input });
    expect(r.errors).toBeUndefined();
    return r.data!.createUnit.id;
  };
  const newProfessional = async (lastName: string, unitIds: string[], establishmentIds = [LA_SOURCE]): Promise<string> => {
    const r = await as<{ createProfessional: { id: string } }>(orleans, CREATE_PRO, { input: { lastName, firstName: 'Test', establishmentIds, unitIds } });
    expect(r.errors).toBeUndefined();
    return r.data!.createProfessional.id;
  };
  const professional = async (id: string): Promise<Pro> => (await as<{ professional: Pro }>(ars, PRO, { id })).data!.professional;

  beforeAll(async () => {
    hub = await startProfessionalsHub(kind);
    [orleans, ars] = await Promise.all([asUser(hub.urls.graphql, 'ref.etab.orleans'), asUser(hub.urls.graphql, 'admin.ars')]);
  }, 60_000);
  afterAll(async () => hub?.close());

  it('archive is refused while a professional has this unit only, and accepted once they are moved', async () => {
    const unit = await newUnit('A100');
    const pro = await newProfessional('Seulici', [unit]);
    const sole = await as<{ unit: { soleProfessionals: Array<{ id: string }> } }>(orleans, `{ unit(id: "${unit}") { soleProfessionals { id } } }`);
    expect(sole.data!.unit.soleProfessionals).toEqual([{ id: pro }]);

    const refused = await as(orleans, ARCHIVE, { id: unit });
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors![0]!.message).toContain(`${pro} SEULICI TEST`);

    // Attached to another unit as well: no longer stranded by the archive.
    expect((await as(orleans, UPDATE_PRO, { id: pro, input: { unitIds: [unit, OTHER_UNIT] } })).errors).toBeUndefined();
    const archived = await as<{ archiveUnit: { archived: boolean } }>(orleans, ARCHIVE, { id: unit });
    expect(archived.errors).toBeUndefined();
    expect(archived.data!.archiveUnit.archived).toBe(true);

    // An archived unit takes no new professionals; those attached keep it.
    expect(codeOf(await as(orleans, CREATE_PRO, { input: { lastName: 'Nouveau', firstName: 'Test', establishmentIds: [LA_SOURCE], unitIds: [unit] } }))).toBe('BAD_USER_INPUT');
    expect((await as(orleans, UPDATE_PRO, { id: pro, input: { unitIds: [unit, OTHER_UNIT] } })).errors).toBeUndefined();
  });

  it('professional writes check units against the offer: unknown units and units of other establishments are refused', async () => {
    const unknown = await as(orleans, CREATE_PRO, { input: { lastName: 'Inconnu', firstName: 'Test', establishmentIds: [LA_SOURCE], unitIds: [`${LA_SOURCE}-NOPE`] } });
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.unitIds' });
    const elsewhere = await as(orleans, CREATE_PRO, { input: { lastName: 'Ailleurs', firstName: 'Test', establishmentIds: [MADELEINE], unitIds: [OTHER_UNIT] } });
    expect(elsewhere.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.unitIds' });
  });

  it('transfer without professionals: the unit keeps its id; its professionals are detached and stay in the source', async () => {
    const unit = await newUnit('T200');
    const pro = await newProfessional('Detache', [unit]);
    const r = await as<{ transferUnit: { id: string; establishment: { id: string } } }>(orleans, TRANSFER, { id: unit, to: MADELEINE, with: false });
    expect(r.errors).toBeUndefined();
    expect(r.data!.transferUnit).toMatchObject({ id: unit, establishment: { id: MADELEINE } });
    expect(await professional(pro)).toEqual({ id: pro, establishments: [{ id: LA_SOURCE }], units: [] });

    const history = await as<{ unit: { history: { edges: Array<{ node: { action: string; changes: Array<{ field: string; from: string; to: string }> } }> } } }>(
      orleans,
      `{ unit(id: "${unit}") { history { edges { node { action changes { field from to } } } } } }`,
    );
    const [event] = history.data!.unit.history.edges;
    expect(event!.node.action).toBe('TRANSFER');
    expect(event!.node.changes).toContainEqual({ field: 'establishmentId', from: JSON.stringify(LA_SOURCE), to: JSON.stringify(MADELEINE) });
    expect(event!.node.changes).toContainEqual({ field: 'professionals', from: JSON.stringify([pro]), to: '[]' });
  });

  it('transfer with professionals: they follow the unit, keeping the source only where another of their units is', async () => {
    const unit = await newUnit('T300');
    const only = await newProfessional('Suit', [unit]);
    const both = await newProfessional('Reste', [unit, OTHER_UNIT]);
    const placement = () =>
      hub.db.rows<{ n: string; establishment_id: string; region_code: string | null }>(
        sql`select situation_number::text as n, establishment_id, region_code from professionals.unit_assignment where professional_id = ${only} and unit_id = ${unit}`,
      );
    const [before] = await placement();
    const r = await as<{ transferUnit: { id: string; establishment: { id: string } } }>(orleans, TRANSFER, { id: unit, to: SARAN, with: true });
    expect(r.errors).toBeUndefined();
    expect(r.data!.transferUnit).toMatchObject({ id: unit, establishment: { id: SARAN } });
    // The situation keeps its identifier and takes the target's region, as the offer gives it (Saran: 24).
    expect(await placement()).toEqual([{ n: before!.n, establishment_id: SARAN, region_code: '24' }]);
    expect(await hub.db.rows(sql`select region_code from professionals.establishment_assignment where professional_id = ${only}`)).toEqual([{ region_code: '24' }]);

    expect(await professional(only)).toEqual({ id: only, establishments: [{ id: SARAN }], units: [{ id: unit, establishment: { id: SARAN } }] });
    const kept = await professional(both);
    expect(kept.establishments.map((e) => e.id).sort()).toEqual([LA_SOURCE, SARAN]);
    expect(kept.units.map((u) => [u.id, u.establishment.id]).sort()).toEqual([
      [OTHER_UNIT, LA_SOURCE],
      [unit, SARAN],
    ]);

    // The unit id still starts with La Source's number; the professionals subgraph goes by the stored establishment.
    const moved = await as<{ updateProfessional: Pro }>(orleans, UPDATE_PRO, { id: only, input: { establishmentIds: [SARAN, MADELEINE] } });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.updateProfessional.units).toEqual([{ id: unit }]);
    const roles = await as(ars, `mutation($p: ID!, $u: ID) { assignRole(professionalId: $p, role: UNIT_REFERENT, perimeterKind: UNIT, perimeterId: $u) { assignment { perimeterId } } }`, { p: only, u: unit });
    expect(roles.errors).toBeUndefined();

    // Running the professionals' side again (the repair after a failed offer commit) changes nothing.
    const system = callAs(hub.urls.subgraphs.professionals, SYSTEM);
    const apply = `mutation($u: ID!) { applyUnitTransfer(unitId: $u, fromEstablishmentId: "${LA_SOURCE}", toEstablishmentId: "${SARAN}", withProfessionals: true) }`;
    const again = await system<{ applyUnitTransfer: string[] }>(apply, { u: unit });
    expect(again.errors).toBeUndefined();
    expect(again.data!.applyUnitTransfer.sort()).toEqual([both, only].sort());
    expect((await professional(both)).establishments.map((e) => e.id).sort()).toEqual([LA_SOURCE, SARAN]);
  });

  it('transfer needs ORU_ROR_UNITE_NEW on the target; the professionals mutation is hidden and system-only', async () => {
    const unit = await newUnit('T400');
    const outside = await as(orleans, TRANSFER, { id: unit, to: '370004467', with: false });
    expect(codeOf(outside)).toBe('FORBIDDEN');
    expect(outside.errors![0]!.message).toContain('ORU_ROR_UNITE_NEW');
    expect(codeOf(await as(orleans, TRANSFER, { id: unit, to: LA_SOURCE, with: false }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await as(orleans, TRANSFER, { id: OTHER_UNIT, to: MADELEINE, with: false }))).toBeUndefined();
    // Madeleine now holds UF 1124: a second unit with that UF code cannot go there.
    const taken = await newUnit('1124');
    expect(taken).toBe(`${OTHER_UNIT}-2`); // the id 450002613-1124 stays with the transferred unit
    expect(codeOf(await as(orleans, TRANSFER, { id: taken, to: MADELEINE, with: false }))).toBe('CONFLICT');

    const hidden = await as(ars, `mutation { applyUnitTransfer(unitId: "${unit}", fromEstablishmentId: "${LA_SOURCE}", toEstablishmentId: "${SARAN}", withProfessionals: true) }`);
    expect(hidden.errors?.length).toBeGreaterThan(0);
    const user = callAs(hub.urls.subgraphs.professionals, { kind: 'user', subject: 'x', login: 'x', professionalId: 'P000001', grants: [] });
    expect(codeOf(await user(`mutation { applyUnitTransfer(unitId: "${unit}", fromEstablishmentId: "${LA_SOURCE}", toEstablishmentId: "${SARAN}", withProfessionals: true) }`))).toBe('FORBIDDEN');
  });
});
