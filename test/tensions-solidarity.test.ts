/**
 * Solidarity establishments (docs/tension-plans.md) through the gateway on a private hub: who may
 * configure them; a declaration's solidarity view whose bed counts the gateway resolves from the
 * capacities subgraph (Establishment.bedAvailability / BedAvailability), matching the capacity
 * records and following a new entry; who may read the counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endToEndKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';

const BOURGES = '180000010'; // decl.tension.bourges declares here
const ORLEANS = '450002613'; // ref.etab.orleans edits its legal entity's establishments
const CHATEAUROUX = '360000137'; // saisie.lits.chateauroux enters its beds
const CHARTRES = '280504267';
const REA = ['ADULT_ICU', 'CONTINUOUS_CARE', 'INTENSIVE_CARE']; // group REA_SI_SC, sorted

const SET = `mutation($e: ID!, $ids: [ID!]!) { setSolidarityEstablishments(establishmentId: $e, establishmentIds: $ids) { id name } }`;
const DECLARE = `mutation($input: DeclareTensionInput!) { declareTension(input: $input) { id } }`;
const BEDS = 'establishment { id name } beds { id available total units unitsWithoutCapacity disciplines }';
const VIEW = `query($id: ID!) { tension(id: $id) { id solidarity { disciplines establishment { ${BEDS} } solidarityEstablishments { ${BEDS} } } } }`;

type Result<T = Record<string, unknown>> = { data?: T | null; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };
interface Beds {
  establishment: { id: string; name: string };
  beds: { id: string; available: number; total: number; units: number; unitsWithoutCapacity: number; disciplines: string[] };
}
interface UnitCap {
  id: string;
  discipline: string;
  capacity: { availableBeds: number; totalOperational: number; version: number; installedBeds: number } | null;
}
const codeOf = (r: Result) => r.errors?.[0]?.extensions?.code;

describe.each(endToEndKinds('postgres'))('solidarity establishments (%s)', (kind) => {
  let hub: TestHub;
  let declarant: string;
  let ars: string;
  const as = <T = Record<string, unknown>>(token: string | null, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(hub.urls.graphql, query, variables, token ? { authorization: token } : {});
  const ok = <T>(r: Result<T>): T => {
    expect(r.errors).toBeUndefined();
    return r.data!;
  };
  /** The establishment's active units of the group, with capacities, as admin.ars reads them (capacity view right region-wide). */
  const unitsOf = async (id: string): Promise<UnitCap[]> =>
    ok(await as<{ establishment: { units: UnitCap[] } }>(ars, `query($id: ID!) { establishment(id: $id) { units { id discipline capacity { availableBeds totalOperational version installedBeds } } } }`, { id }))
      .establishment.units.filter((u) => REA.includes(u.discipline));
  const expected = (units: UnitCap[]) => ({
    available: units.reduce((s, u) => s + (u.capacity?.availableBeds ?? 0), 0),
    total: units.reduce((s, u) => s + (u.capacity?.totalOperational ?? 0), 0),
    units: units.length,
    unitsWithoutCapacity: units.filter((u) => !u.capacity).length,
  });

  beforeAll(async () => {
    hub = await startTestHub(kind);
    [declarant, ars] = await Promise.all([asUser(hub.urls.graphql, 'decl.tension.bourges'), asUser(hub.urls.graphql, 'admin.ars')]);
  }, 120_000);
  afterAll(async () => hub?.close());

  it('lets the declarant or the establishment referent set the list, and no one else', async () => {
    const set = ok(await as<{ setSolidarityEstablishments: Array<{ id: string; name: string }> }>(declarant, SET, { e: BOURGES, ids: [CHATEAUROUX, CHARTRES] }));
    expect(set.setSolidarityEstablishments.map((e) => e.id)).toEqual([CHATEAUROUX, CHARTRES]);
    expect(set.setSolidarityEstablishments[0]!.name).toBeTruthy(); // resolved by the offer subgraph

    const orleans = await asUser(hub.urls.graphql, 'ref.etab.orleans');
    ok(await as(orleans, SET, { e: ORLEANS, ids: [BOURGES] })); // ORU_ROR_ETABLISSEMENT_EDIT on its legal entity
    const denied = await as(orleans, SET, { e: BOURGES, ids: [ORLEANS] });
    expect(codeOf(denied)).toBe('FORBIDDEN');
    expect(denied.errors![0]!.message).toContain('OruTension_tension_creation');
    expect(codeOf(await as(declarant, SET, { e: ORLEANS, ids: [] }))).toBe('FORBIDDEN');
    expect(codeOf(await as(await asUser(hub.urls.graphql, 'ref.planbleu.blois'), SET, { e: BOURGES, ids: [] }))).toBe('FORBIDDEN');
    expect(codeOf(await as(await asApp(hub.urls.graphql, 'national-aggregator'), SET, { e: BOURGES, ids: [] }))).toBe('FORBIDDEN');
    expect(codeOf(await as(null, SET, { e: BOURGES, ids: [] }))).toBe('UNAUTHENTICATED');

    for (const ids of [[BOURGES], ['999999999'], [CHARTRES, CHARTRES]]) {
      const bad = await as(declarant, SET, { e: BOURGES, ids });
      expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'establishmentIds' });
    }
    const list = `query($id: ID!) { establishment(id: $id) { solidarityEstablishments { id } } }`;
    expect(ok(await as<{ establishment: { solidarityEstablishments: Array<{ id: string }> } }>(declarant, list, { id: BOURGES })).establishment.solidarityEstablishments).toEqual([
      { id: CHATEAUROUX },
      { id: CHARTRES },
    ]);
    expect(codeOf(await as(await asUser(hub.urls.graphql, 'ref.planbleu.blois'), list, { id: BOURGES }))).toBe('FORBIDDEN');
  });

  it("shows a declaration's beds and its solidarity establishments' beds, resolved from the capacities subgraph", async () => {
    const { declareTension } = ok(await as<{ declareTension: { id: string } }>(declarant, DECLARE, { input: { establishmentId: BOURGES, disciplineGroupCode: 'REA_SI_SC', levelCode: 'HET_2' } }));
    const view = async (token = declarant) => ok(await as<{ tension: { solidarity: { disciplines: string[]; establishment: Beds; solidarityEstablishments: Beds[] } } }>(token, VIEW, { id: declareTension.id })).tension.solidarity;
    const solidarity = await view();
    expect([...solidarity.disciplines].sort()).toEqual(REA);
    expect(solidarity.establishment.establishment.id).toBe(BOURGES);
    expect(solidarity.solidarityEstablishments.map((s) => s.establishment.id)).toEqual([CHATEAUROUX, CHARTRES]);
    for (const entry of [solidarity.establishment, ...solidarity.solidarityEstablishments]) {
      expect(entry.establishment.name).toBeTruthy();
      expect(entry.beds).toMatchObject({ id: `${entry.establishment.id}:${REA.join(',')}`, disciplines: REA, ...expected(await unitsOf(entry.establishment.id)) });
      expect(entry.beds.available).toBeLessThanOrEqual(entry.beds.total);
    }
    expect(solidarity.establishment.beds.units).toBeGreaterThan(0); // CH Bourges has critical care units

    // A new entry in a solidarity establishment shows on the declaration at once.
    const entry = await asUser(hub.urls.graphql, 'saisie.lits.chateauroux');
    const [unit] = (await unitsOf(CHATEAUROUX)).filter((u) => u.capacity);
    expect(unit).toBeDefined();
    const installed = Math.max(unit!.capacity!.installedBeds, 6);
    ok(
      await as(entry, `mutation($u: ID!, $i: CapacityInput!, $v: Int!) { updateUnitCapacity(unitId: $u, input: $i, expectedVersion: $v) { version } }`, {
        u: unit!.id,
        v: unit!.capacity!.version,
        i: { installedBeds: installed, availableMen: 0, availableWomen: 0, availableUndifferentiated: 0, closedBeds: 0, reopenedBeds: 0, reopenableBeds: 0, mobilisedBeds: 0 },
      }),
    );
    const after = (await view()).solidarityEstablishments[0]!;
    expect(after.beds).toMatchObject(expected(await unitsOf(CHATEAUROUX)));

    // Other tension readers see the same view; who cannot read the tension sees nothing.
    expect((await view(ars)).establishment.beds).toEqual(solidarity.establishment.beds);
    expect(codeOf(await as(await asUser(hub.urls.graphql, 'ref.planbleu.blois'), VIEW, { id: declareTension.id }))).toBe('FORBIDDEN');
  });

  it('serves Establishment.bedAvailability to capacity readers, tension actors and the right applications only', async () => {
    const q = `query($id: ID!, $d: [String!]!) { establishment(id: $id) { bedAvailability(disciplines: $d) { id available total units } } }`;
    const vars = { id: CHARTRES, d: ['INTENSIVE_CARE', 'ADULT_ICU', 'CONTINUOUS_CARE'] };
    const want = expected(await unitsOf(CHARTRES));
    const read = async (token: string | null) => as<{ establishment: { bedAvailability: Record<string, unknown> } }>(token, q, vars);

    expect(ok(await read(declarant)).establishment.bedAvailability).toMatchObject({ id: `${CHARTRES}:${REA.join(',')}`, available: want.available, total: want.total });
    // A capacity reader of its own legal entity only, without any tension right: its establishment, not another.
    const entry = await asUser(hub.urls.graphql, 'saisie.lits.chateauroux');
    ok(await as(entry, q, { ...vars, id: CHATEAUROUX }));
    expect(codeOf(await read(entry))).toBe('FORBIDDEN');
    ok(await read(await asApp(hub.urls.graphql, 'place-search'))); // capacity.read
    ok(await read(await asApp(hub.urls.graphql, 'national-aggregator')));
    expect(codeOf(await read(await asUser(hub.urls.graphql, 'ref.planbleu.blois')))).toBe('FORBIDDEN');
    expect(codeOf(await read(await asApp(hub.urls.graphql, 'sante-fr-directory')))).toBe('FORBIDDEN');
    expect(codeOf(await read(null))).toBe('UNAUTHENTICATED');
    const bad = await as(declarant, q, { id: CHARTRES, d: ['CARDIOLOGY'] });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'disciplines' });
  });
});
