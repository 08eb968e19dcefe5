/**
 * Issue 18's HET additions, over HTTP through the gateway with real tokens (seed 001's
 * declaration screen): the « Grands brûlés » discipline group (a unit the referent classes as a
 * burns unit counts in the group's beds), and the RPU figures attached to a declaration
 * (« RPU étendus »).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';

const codeOf = (res: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;

describe.each(databaseKinds())('the Grands brûlés group on %s', (kind) => {
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
});
