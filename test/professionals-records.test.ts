/**
 * Professional records end to end on a running hub: creation (normalised names, similar-name
 * confirmation, unique RPPS/ADELI numbers), edition, archive → hidden → reactivation, purge, and
 * who may do each, in and out of perimeter. Authorised calls go to the subgraph with a signed
 * identity envelope, as the gateway sends them; anonymous ones go through the gateway.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Identity } from '../platform/auth/identity.js';
import { purgeArchivedProfessionals } from '../subgraphs/professionals/purge.js';
import { endToEndKinds, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { ANONYMOUS, callAs, clientIdentity, codeOf, startProfessionalsHub, TEST_SECRET, userIdentity, type Call } from './helpers/professionals.js';
import { backfillRegions } from '../subgraphs/professionals/region-backfill.js';
import { createRegionStore } from '../subgraphs/professionals/region-store.js';
import { createUnitDirectory } from '../subgraphs/professionals/offer-units.js';
import { subgraphClientAt } from '../platform/subgraph-client.js';

const CREATE = `mutation($input: CreateProfessionalInput!, $confirm: Boolean) {
  createProfessional(input: $input, confirmSimilar: $confirm) { id lastName firstName sex rppsNumber adeliNumber profession { code display } specialty { code } establishments { id } units { id } archived }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateProfessionalInput!) { updateProfessional(id: $id, input: $input) { id lastName firstName rppsNumber adeliNumber establishments { id } units { id } } }`;
const ARCHIVE = `mutation($id: ID!) { archiveProfessional(id: $id) { id archived archivedAt } }`;
const REACTIVATE = `mutation($id: ID!) { reactivateProfessional(id: $id) { id archived archivedAt } }`;
const LIST = `query($filter: ProfessionalFilter) { professionals(filter: $filter, first: 200) { edges { node { id } } totalCount } }`;

interface Created {
  createProfessional: { id: string; lastName: string; firstName: string; rppsNumber: string | null; establishments: Array<{ id: string }> };
}

describe.each(endToEndKinds('pglite'))('professional records on %s', (kind) => {
  let hub: TestHub;
  /** Referents of CHR Orléans (legal entity 450000088) and of CHRU Tours (370000481), the ARS, an archiver. */
  let orleans: Call, tours: Call, ars: Call, archiver: Call, anonymous: Call, app: Call, appWithoutScope: Call;
  let orleansIdentity: Identity;

  beforeAll(async () => {
    hub = await startProfessionalsHub(kind);
    const url = hub.urls.subgraphs.professionals;
    orleansIdentity = await userIdentity(hub, 'P000328', [{ role: 'ESTABLISHMENT_REFERENT', kind: 'ORGANIZATION', id: '450000088' }]);
    orleans = callAs(url, orleansIdentity);
    tours = callAs(url, await userIdentity(hub, 'P000212', [{ role: 'ESTABLISHMENT_REFERENT', kind: 'ORGANIZATION', id: '370000481' }]));
    ars = callAs(url, await userIdentity(hub, 'P000369', [{ role: 'ESTABLISHMENT_REFERENT', kind: 'TRANSVERSAL', id: null }]));
    archiver = callAs(url, await userIdentity(hub, 'P000330', [{ role: 'UNIT_REFERENT', kind: 'ORGANIZATION', id: '450000088' }]));
    anonymous = callAs(url, ANONYMOUS);
    app = callAs(url, clientIdentity(['professional.read']));
    appWithoutScope = callAs(url, clientIdentity(['offer.read']));
  });
  afterAll(() => hub?.close());

  const create = async (call: Call, input: Record<string, unknown>, confirm = true) => call<Created>(CREATE, { input, confirm });

  describe('creation', () => {
    it('normalises names to capitals without accents nor hyphens, and keeps the record as given', async () => {
      const res = await create(orleans, {
        lastName: '  Le Bihan-Kervella ',
        firstName: "Éloïse  d'Arc",
        sex: 'FEMALE',
        professionCode: '10',
        specialtyCode: 'sm26',
        rppsNumber: '10 9999 0000 1',
        establishmentIds: ['450002613'],
        unitIds: ['450002613-4554'],
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.createProfessional).toMatchObject({
        id: expect.stringMatching(/^P\d{6}$/),
        lastName: 'LE BIHAN KERVELLA',
        firstName: 'ELOISE D ARC',
        sex: 'FEMALE',
        rppsNumber: '10999900001',
        adeliNumber: null,
        profession: { code: '10', display: 'Médecin' },
        specialty: { code: 'SM26' },
        establishments: [{ id: '450002613' }],
        units: [{ id: '450002613-4554' }],
        archived: false,
      });
    });

    it('refuses malformed input with BAD_USER_INPUT naming the argument', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ lastName: 'R2D2', firstName: 'A' }, 'input.lastName'],
        [{ lastName: 'A', firstName: 'B', rppsNumber: '123' }, 'input.rppsNumber'],
        [{ lastName: 'A', firstName: 'B', adeliNumber: '12' }, 'input.adeliNumber'],
        [{ lastName: 'A', firstName: 'B', rppsNumber: '10999900002', adeliNumber: '751234567' }, 'input.rppsNumber'],
        [{ lastName: 'A', firstName: 'B', specialtyCode: 'SM26' }, 'input.specialtyCode'],
        [{ lastName: 'A', firstName: 'B', professionCode: 'doctor' }, 'input.professionCode'],
        [{ lastName: 'A', firstName: 'B', establishmentIds: ['450002613'], unitIds: ['370000481-2101'] }, 'input.unitIds'],
        [{ lastName: 'A', firstName: 'B', establishmentIds: ['Orleans'] }, 'input.establishmentIds'],
      ];
      for (const [input, argument] of cases) {
        const res = await create(ars, input);
        expect(codeOf(res), JSON.stringify(input)).toBe('BAD_USER_INPUT');
        expect(res.errors![0]!.extensions!.argumentName).toBe(argument);
      }
    });

    it('needs ORU_PROFESSIONNEL_NEW covering every establishment given, or transversally', async () => {
      const inOrleans = { lastName: 'Perimetre', firstName: 'Test', establishmentIds: ['450002613'] };
      expect(codeOf(await create(tours, inOrleans))).toBe('FORBIDDEN');
      const both = await create(orleans, { ...inOrleans, establishmentIds: ['450002613', '370000481'] });
      expect(codeOf(both)).toBe('FORBIDDEN');
      expect(both.errors![0]!.message).toMatch(/ORU_PROFESSIONNEL_NEW .* on establishment 370000481/);
      expect(codeOf(await create(orleans, { lastName: 'Sans', firstName: 'Etablissement' }))).toBe('FORBIDDEN');
      expect(codeOf(await create(anonymous, inOrleans))).toBe('UNAUTHENTICATED');
      expect(codeOf(await create(app, inOrleans))).toBe('FORBIDDEN');
      expect((await create(ars, { lastName: 'Sans', firstName: 'Etablissement' })).errors).toBeUndefined();
      expect((await create(ars, { ...inOrleans, establishmentIds: ['450002613', '370000481'] })).errors).toBeUndefined();
    });
  });

  describe('similar names', () => {
    it('finds records whatever the accents, case, hyphens and word order, most similar first', async () => {
      await create(orleans, { lastName: 'Vasseur-Ménard', firstName: 'Anne-Sophie', establishmentIds: ['450002613'] });
      const res = await orleans<{ similarProfessionals: Array<{ similarity: number; professional: { lastName: string; firstName: string } }> }>(
        `query($l: String!, $f: String!) { similarProfessionals(lastName: $l, firstName: $f) { similarity professional { id lastName firstName } } }`,
        { l: 'VASSEUR MENARD', f: 'anne sophie' },
      );
      expect(res.errors).toBeUndefined();
      const [best] = res.data!.similarProfessionals;
      expect(best).toMatchObject({ similarity: 1, professional: { lastName: 'VASSEUR MENARD', firstName: 'ANNE SOPHIE' } });
      const swapped = await orleans<{ similarProfessionals: unknown[] }>(`{ similarProfessionals(lastName: "Anne Sophie", firstName: "Vasseur Ménard") { similarity } }`);
      expect(swapped.data!.similarProfessionals.length).toBeGreaterThan(0);
      const other = await orleans<{ similarProfessionals: unknown[] }>(`{ similarProfessionals(lastName: "Zyxwv", firstName: "Qwerty") { similarity } }`);
      expect(other.data!.similarProfessionals).toEqual([]);
    });

    it('asks for confirmation with the candidates, then creates once confirmed', async () => {
      const first = await create(orleans, { lastName: 'Grandjean-Rivière', firstName: 'Bérénice', establishmentIds: ['450002613'] });
      const existing = first.data!.createProfessional.id;
      const input = { lastName: 'Grandjean Riviere', firstName: 'Berenise', establishmentIds: ['450000021'] };
      const refused = await create(orleans, input, false);
      expect(codeOf(refused)).toBe('CONFIRMATION_REQUIRED');
      expect(refused.errors![0]!.message).toContain(existing);
      const candidates = refused.errors![0]!.extensions!.candidates as Array<Record<string, unknown>>;
      expect(candidates).toContainEqual(
        expect.objectContaining({ id: existing, lastName: 'GRANDJEAN RIVIERE', firstName: 'BERENICE', establishmentIds: ['450002613'], archived: false }),
      );
      expect(Object.keys(candidates[0]!).sort()).toEqual(['archived', 'establishmentIds', 'firstName', 'id', 'lastName', 'similarity']);
      const byDefault = await orleans(`mutation { createProfessional(input: { lastName: "Grandjean Riviere", firstName: "Berenise", establishmentIds: ["450000021"] }) { id } }`);
      expect(codeOf(byDefault)).toBe('CONFIRMATION_REQUIRED');
      const confirmed = await create(orleans, input, true);
      expect(confirmed.errors).toBeUndefined();
      expect(confirmed.data!.createProfessional.id).not.toBe(existing);
    });
  });

  describe('RPPS and ADELI numbers', () => {
    it('are unique: a duplicate is a CONFLICT naming the number and its holder', async () => {
      const holder = await create(ars, { lastName: 'Numero', firstName: 'Rpps', rppsNumber: '10999900003' });
      const holderId = holder.data!.createProfessional.id;
      const duplicate = await create(ars, { lastName: 'Autre', firstName: 'Personne', rppsNumber: '109 999 000 03' });
      expect(codeOf(duplicate)).toBe('CONFLICT');
      expect(duplicate.errors![0]!.message).toBe(`RPPS number 10999900003 is already recorded for professional ${holderId}.`);
      expect(duplicate.errors![0]!.extensions).toMatchObject({ argumentName: 'input.rppsNumber', professionalId: holderId });

      const adeli = await create(ars, { lastName: 'Numero', firstName: 'Adeli', adeliNumber: '451234567' });
      expect(adeli.data!.createProfessional).toMatchObject({ adeliNumber: '451234567', rppsNumber: null });
      const again = await create(ars, { lastName: 'Encore', firstName: 'Adeli', adeliNumber: '451234567' });
      expect(again.errors![0]!.message).toMatch(/^ADELI number 451234567 is already recorded for professional P\d+\.$/);

      const other = await create(ars, { lastName: 'Troisieme', firstName: 'Personne' });
      const update = await ars(UPDATE, { id: other.data!.createProfessional.id, input: { rppsNumber: '10999900003' } });
      expect(codeOf(update)).toBe('CONFLICT');
    });
  });

  describe('edition', () => {
    it('needs ORU_PROFESSIONNEL_EDIT on the professional; moving needs rights on both establishments', async () => {
      const created = await create(orleans, { lastName: 'Edition', firstName: 'Test', establishmentIds: ['450002613'], unitIds: ['450002613-4554'] });
      const id = created.data!.createProfessional.id;
      const renamed = await orleans<{ updateProfessional: Record<string, unknown> }>(UPDATE, { id, input: { firstName: 'Hélène-Marie', rppsNumber: '10999900004' } });
      expect(renamed.errors).toBeUndefined();
      expect(renamed.data!.updateProfessional).toMatchObject({ lastName: 'EDITION', firstName: 'HELENE MARIE', rppsNumber: '10999900004', units: [{ id: '450002613-4554' }] });

      expect(codeOf(await tours(UPDATE, { id, input: { firstName: 'Pirate' } }))).toBe('FORBIDDEN');
      expect(codeOf(await anonymous(UPDATE, { id, input: { firstName: 'Pirate' } }))).toBe('UNAUTHENTICATED');
      const moved = await orleans(UPDATE, { id, input: { establishmentIds: ['450002613', '370000481'] } });
      expect(codeOf(moved)).toBe('FORBIDDEN');
      expect(moved.errors![0]!.message).toMatch(/on establishment 370000481/);

      const within = await orleans<{ updateProfessional: Record<string, unknown> }>(UPDATE, { id, input: { establishmentIds: ['450000021'] } });
      expect(within.data!.updateProfessional).toMatchObject({ establishments: [{ id: '450000021' }], units: [] });
      const cleared = await orleans<{ updateProfessional: Record<string, unknown> }>(UPDATE, { id, input: { rppsNumber: null } });
      expect(cleared.data!.updateProfessional).toMatchObject({ rppsNumber: null });
      expect(codeOf(await orleans(UPDATE, { id: 'P999999', input: { firstName: 'X' } }))).toBe('NOT_FOUND');
    });
  });

  describe('exercise modes', () => {
    const MODES = `query($id: ID!) { professional(id: $id) { situations { unit { id } exerciseMode { system code display } } } }`;
    type Modes = { professional: { situations: Array<{ unit: { id: string }; exerciseMode: { system: string; code: string; display: string } | null }> } };
    const modesOf = async (id: string) =>
      (await ars<Modes>(MODES, { id })).data!.professional.situations.map((s) => `${s.unit.id}=${s.exerciseMode?.code ?? '-'}`);

    it('are entered with the placement, kept when the placement does not mention them, and checked against TRE_R23', async () => {
      const created = await create(orleans, {
        lastName: 'Mode',
        firstName: 'Exercice',
        establishmentIds: ['450002613'],
        unitIds: ['450002613-4554', '450002613-4534'],
        exerciseModes: [{ unitId: '450002613-4554', exerciseModeCode: ' l ' }],
      });
      expect(created.errors).toBeUndefined();
      const id = created.data!.createProfessional.id;
      expect(await modesOf(id)).toEqual(['450002613-4534=-', '450002613-4554=L']);
      const read = await ars<Modes>(MODES, { id });
      expect(read.data!.professional.situations.find((s) => s.exerciseMode)!.exerciseMode).toEqual({
        system: 'https://mos.esante.gouv.fr/NOS/TRE_R23-ModeExercice/FHIR/TRE-R23-ModeExercice',
        code: 'L',
        display: 'Libéral, indépendant, artisan, commerçant',
      });

      // Only the modes: the units stay; another change of the placement keeps the modes.
      expect((await orleans(UPDATE, { id, input: { exerciseModes: [{ unitId: '450002613-4534', exerciseModeCode: 'S' }] } })).errors).toBeUndefined();
      expect(await modesOf(id)).toEqual(['450002613-4534=S', '450002613-4554=L']);
      expect((await orleans(UPDATE, { id, input: { unitIds: ['450002613-4554'] } })).errors).toBeUndefined();
      expect(await modesOf(id)).toEqual(['450002613-4554=L']);

      const cases: Array<[Record<string, unknown>, string]> = [
        [{ exerciseModes: [{ unitId: '450002613-4554', exerciseModeCode: 'X' }] }, 'TRE_R23'],
        [{ exerciseModes: [{ unitId: '450002613-4534', exerciseModeCode: 'S' }] }, 'not among'],
        [{ exerciseModes: [{ unitId: '450002613-4554', exerciseModeCode: 'S' }, { unitId: '450002613-4554', exerciseModeCode: 'L' }] }, 'two exercise modes'],
      ];
      for (const [input, message] of cases) {
        const res = await orleans(UPDATE, { id, input });
        expect(codeOf(res), JSON.stringify(input)).toBe('BAD_USER_INPUT');
        expect(res.errors![0]!.extensions!.argumentName).toBe('input.exerciseModes');
        expect(res.errors![0]!.message).toContain(message);
      }
      expect(await modesOf(id)).toEqual(['450002613-4554=L']);
    });

    it('are changed only with a placement right on the unit', async () => {
      const created = await create(ars, {
        lastName: 'Mode',
        firstName: 'Deux Sites',
        establishmentIds: ['450002613', '370004467'],
        unitIds: ['450002613-4554', '370004467-4557'],
      });
      expect(created.errors).toBeUndefined();
      const id = created.data!.createProfessional.id;
      const inTours = { exerciseModes: [{ unitId: '370004467-4557', exerciseModeCode: 'S' }] };
      const refused = await orleans(UPDATE, { id, input: inTours });
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(await modesOf(id)).toEqual(['370004467-4557=-', '450002613-4554=-']);
      expect(codeOf(await anonymous(UPDATE, { id, input: inTours }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await app(UPDATE, { id, input: inTours }))).toBe('FORBIDDEN');
      expect((await tours(UPDATE, { id, input: inTours })).errors).toBeUndefined();
      expect(await modesOf(id)).toEqual(['370004467-4557=S', '450002613-4554=-']);
    });
  });

  describe('situation identifiers and regions', () => {
    const SITUATIONS = `query($id: ID!) { professional(id: $id) { situations { unit { id } identifier } } }`;
    const identifiersOf = async (id: string) =>
      Object.fromEntries((await ars<{ professional: { situations: Array<{ unit: { id: string }; identifier: string }> } }>(SITUATIONS, { id })).data!.professional.situations.map((s) => [s.unit.id, s.identifier]));
    const SEARCH = `query($c: ProfessionalSearchCriteria!) { situationSearch(criteria: $c, first: 10) { edges { node { id identifier } } } }`;

    it('assigns each new situation an identifier that placement writes keep, and stores the regions the offer gives', async () => {
      const created = await create(ars, { lastName: 'Situation', firstName: 'Numerotee', establishmentIds: ['450002613', '370004467'], unitIds: ['450002613-4554', '370004467-4557'] });
      expect(created.errors).toBeUndefined();
      const id = created.data!.createProfessional.id;
      const first = await identifiersOf(id);
      expect(Object.values(first)).toEqual([expect.stringMatching(/^S\d{7,}$/), expect.stringMatching(/^S\d{7,}$/)]);
      expect(new Set(Object.values(first)).size).toBe(2);
      // A name change, then a placement change: the kept unit keeps its number, the new one gets another.
      expect((await ars(UPDATE, { id, input: { firstName: 'Renommee' } })).errors).toBeUndefined();
      expect(await identifiersOf(id)).toEqual(first);
      expect((await ars(UPDATE, { id, input: { unitIds: ['450002613-4554', '450002613-4534'] } })).errors).toBeUndefined();
      const second = await identifiersOf(id);
      expect(second['450002613-4554']).toBe(first['450002613-4554']);
      expect(Object.values(first)).not.toContain(second['450002613-4534']);
      // The offer's regions, stored with the placement: both sites are in Centre-Val de Loire (24).
      expect(await hub.db.rows(sql`select unit_id, region_code from professionals.unit_assignment where professional_id = ${id} order by unit_id`)).toEqual([
        { unit_id: '450002613-4534', region_code: '24' },
        { unit_id: '450002613-4554', region_code: '24' },
      ]);
      expect(await hub.db.rows(sql`select establishment_id, region_code from professionals.establishment_assignment where professional_id = ${id} order by establishment_id`)).toEqual([
        { establishment_id: '370004467', region_code: '24' },
        { establishment_id: '450002613', region_code: '24' },
      ]);
      // The structured search finds a situation by its identifier (the stored number), and nothing for other values.
      const found = await ars<{ situationSearch: { edges: Array<{ node: { id: string; identifier: string } }> } }>(SEARCH, { c: { codes: [{ anyOf: [{ field: 'SITUATION_IDENTIFIER', code: second['450002613-4534'] }] }] } });
      expect(found.data!.situationSearch.edges.map((e) => e.node)).toEqual([{ id: `${id}.450002613-4534`, identifier: second['450002613-4534'] }]);
      for (const code of ['S', 'X0000001', '0000001']) {
        expect((await ars<{ situationSearch: { edges: unknown[] } }>(SEARCH, { c: { codes: [{ anyOf: [{ field: 'SITUATION_IDENTIFIER', code }] }] } })).data!.situationSearch.edges).toEqual([]);
      }
      const inRegion = await ars<{ situationSearch: { edges: Array<{ node: { id: string } }> } }>(SEARCH, {
        c: { codes: [{ anyOf: [{ field: 'PROFESSIONAL', code: id }] }, { anyOf: [{ field: 'REGION', code: '24' }] }] },
      });
      expect(inRegion.data!.situationSearch.edges.map((e) => e.node.id).sort()).toEqual([`${id}.450002613-4534`, `${id}.450002613-4554`]);
      const professional = `query($c: ProfessionalSearchCriteria!) { professionalSearch(criteria: $c) { totalCount } }`;
      const inRegions = async (region: string) =>
        (await ars<{ professionalSearch: { totalCount: number } }>(professional, { c: { codes: [{ anyOf: [{ field: 'PROFESSIONAL', code: id }] }, { anyOf: [{ field: 'REGION', code: region }] }] } })).data!.professionalSearch.totalCount;
      expect([await inRegions('24'), await inRegions('76')]).toEqual([1, 0]);
      // Reading the search needs professional.read, like the records.
      expect(codeOf(await appWithoutScope(SEARCH, { c: { codes: [{ anyOf: [{ field: 'REGION', code: '24' }] }] } }))).toBe('FORBIDDEN');
    });

    it('fills the regions of placements written before they were stored, from the offer, and finds them by region again', async () => {
      const created = await create(ars, { lastName: 'Region', firstName: 'Ancienne', establishmentIds: ['450002613'], unitIds: ['450002613-4554'] });
      const id = created.data!.createProfessional.id;
      // As a row older than migration 0010 is: no region, so no region search finds it.
      await hub.db.rows(sql`update professionals.unit_assignment set region_code = null where professional_id = ${id}`);
      await hub.db.rows(sql`update professionals.establishment_assignment set region_code = null where professional_id = ${id}`);
      const inRegion = async () =>
        (await ars<{ situationSearch: { edges: Array<{ node: { id: string } }> } }>(SEARCH, { c: { codes: [{ anyOf: [{ field: 'PROFESSIONAL', code: id }] }, { anyOf: [{ field: 'REGION', code: '24' }] }] } })).data!.situationSearch.edges.length;
      expect(await inRegion()).toBe(0);
      // The hourly job's work, with the subgraph's own store and the offer reached as the job reaches it.
      const directory = createUnitDirectory(subgraphClientAt((name) => hub.urls.subgraphs[name], TEST_SECRET, 10_000));
      const store = createRegionStore(hub.db.orm);
      expect(await backfillRegions(store, directory)).toBeGreaterThanOrEqual(2);
      expect(await inRegion()).toBe(1);
      expect(await hub.db.rows(sql`select region_code from professionals.establishment_assignment where professional_id = ${id}`)).toEqual([{ region_code: '24' }]);
      // Nothing left: a second run finds nothing to do.
      expect(await backfillRegions(store, directory)).toBe(0);
    });
  });

  describe('archiving', () => {
    it('hides the record from lists, keeps it readable by id, and reactivates it; both need ORU_PROFESSIONNEL_DELETE', async () => {
      const created = await create(orleans, { lastName: 'Archive', firstName: 'Puis Reactive', establishmentIds: ['450002613'], unitIds: ['450002613-4534'] });
      const id = created.data!.createProfessional.id;
      const listed = async (filter: Record<string, unknown>) =>
        (await orleans<{ professionals: { edges: Array<{ node: { id: string } }> } }>(LIST, { filter })).data!.professionals.edges.some((e) => e.node.id === id);
      const ofEstablishment = async () => {
        const res = await orleans<{ _entities: Array<{ professionals: Array<{ id: string }> }> }>(
          `{ _entities(representations: [{ __typename: "Establishment", id: "450002613" }, { __typename: "Unit", id: "450002613-4534" }]) { ... on Establishment { professionals { id } } ... on Unit { professionals { id } } } }`,
        );
        return res.data!._entities.map((e) => e.professionals.some((p) => p.id === id));
      };
      expect(await listed({ establishmentId: '450002613' })).toBe(true);
      expect(await ofEstablishment()).toEqual([true, true]);

      expect(codeOf(await orleans(ARCHIVE, { id }))).toBe('FORBIDDEN'); // the establishment referent role has no DELETE right
      const archived = await archiver<{ archiveProfessional: { archived: boolean; archivedAt: string } }>(ARCHIVE, { id });
      expect(archived.errors).toBeUndefined();
      expect(archived.data!.archiveProfessional.archived).toBe(true);
      expect(await listed({ establishmentId: '450002613' })).toBe(false);
      expect(await listed({ name: 'archive' })).toBe(false);
      expect(await listed({ establishmentId: '450002613', includeArchived: true })).toBe(true);
      expect(await ofEstablishment()).toEqual([false, false]);
      const byId = await orleans<{ professional: { archived: boolean } }>(`query($id: ID!) { professional(id: $id) { archived } }`, { id });
      expect(byId.data!.professional.archived).toBe(true);
      expect(codeOf(await orleans(UPDATE, { id, input: { firstName: 'X' } }))).toBe('BAD_USER_INPUT');

      expect(codeOf(await tours(REACTIVATE, { id }))).toBe('FORBIDDEN');
      const back = await archiver<{ reactivateProfessional: { archived: boolean; archivedAt: null } }>(REACTIVATE, { id });
      expect(back.data!.reactivateProfessional).toMatchObject({ archived: false, archivedAt: null });
      expect(await listed({ establishmentId: '450002613' })).toBe(true);
    });

    it('purges records archived longer than the retention, with everything attached', async () => {
      const created = await create(ars, { lastName: 'Purge', firstName: 'Test', establishmentIds: ['450002613'], account: { login: 'purge.test', rescueEmail: 'purge.test@example.org' } });
      const id = created.data!.createProfessional.id;
      const kept = (await create(ars, { lastName: 'Active', firstName: 'Kept', establishmentIds: ['450002613'] })).data!.createProfessional.id;
      await ars(`mutation($id: ID!) { assignRole(professionalId: $id, role: UNIT_REFERENT, perimeterKind: UNIT, perimeterId: "450002613-4554") { assignment { id } } }`, { id });
      const archiveAll = callAs(hub.urls.subgraphs.professionals, await userIdentity(hub, 'P000369', [{ rights: ['ORU_PROFESSIONNEL_DELETE'], kind: 'TRANSVERSAL', id: null }]));
      expect((await archiveAll(ARCHIVE, { id })).errors).toBeUndefined();

      const day = 86_400_000;
      const now = Date.now();
      expect(await purgeArchivedProfessionals(hub.db, new Date(now + 364 * day), 365)).not.toContain(id);
      const purged = await purgeArchivedProfessionals(hub.db, new Date(now + 366 * day), 365);
      expect(purged).toContain(id);
      expect(purged).not.toContain(kept);

      const [left] = await hub.db.rows<Record<string, number>>(sql`select
        (select count(*)::int from professionals.professional where id = ${id}) as people,
        (select count(*)::int from professionals.establishment_assignment where professional_id = ${id}) as placements,
        (select count(*)::int from professionals.account where professional_id = ${id}) as accounts,
        (select count(*)::int from professionals.role_assignment where professional_id = ${id}) as roles,
        (select count(*)::int from professionals.professional where id = ${kept}) as kept`);
      expect(left).toEqual({ people: 0, placements: 0, accounts: 0, roles: 0, kept: 1 });
    });
  });

  describe('reads', () => {
    it('need an authenticated caller: anonymous callers get UNAUTHENTICATED, the directory still answers', async () => {
      const res = await gql<{ establishment: { name: string; professionals: null } }>(hub.urls.graphql, `{ establishment(id: "450002613") { name professionals { id } } }`);
      expect(res.data!.establishment.name).toBeTruthy();
      expect(res.data!.establishment.professionals).toBeNull();
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
      for (const query of ['{ professionals { totalCount } }', '{ professional(id: "P000001") { id } }', '{ me { id } }', '{ similarProfessionals(lastName: "A", firstName: "B") { similarity } }']) {
        expect(codeOf(await gql(hub.urls.graphql, query)), query).toBe('UNAUTHENTICATED');
      }
    });

    it('are open to every user and to applications with professional.read only', async () => {
      const query = `{ professional(id: "P000001") { id lastName establishments { id } } }`;
      expect((await tours(query)).data).toEqual({ professional: { id: 'P000001', lastName: 'BLANCHARD', establishments: [{ id: '180000010' }] } });
      expect((await app(query)).errors).toBeUndefined();
      const refused = await appWithoutScope(query);
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.errors![0]!.message).toBe('Missing scope professional.read for this application.');
    });

    it('page through a filtered list without duplicates, matching totalCount', async () => {
      const seen = new Set<string>();
      let after: string | null = null;
      let total = 0;
      do {
        const res: Awaited<ReturnType<Call>> = await tours<{ professionals: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string }; totalCount: number } }>(
          `query($after: String) { professionals(filter: { name: "martin" }, first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } totalCount } }`,
          { after },
        );
        const page = (res.data as { professionals: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string }; totalCount: number } }).professionals;
        for (const edge of page.edges) seen.add(edge.node.id);
        total = page.totalCount;
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(total).toBeGreaterThan(2);
      expect(seen.size).toBe(total);
      expect(codeOf(await tours(`{ professionals(after: "bm9wZQ") { totalCount } }`))).toBe('BAD_USER_INPUT');
    });

    it('filter by profession (TRE_G15), with the other criteria', async () => {
      const query = `query($filter: ProfessionalFilter) { professionals(filter: $filter, first: 200) { edges { node { id profession { code } establishments { id } } } totalCount } }`;
      type Page = { professionals: { edges: Array<{ node: { id: string; profession: { code: string } | null; establishments: Array<{ id: string }> } }>; totalCount: number } };
      const all = (await tours<Page>(query, { filter: { establishmentId: '450002613' } })).data!.professionals;
      const nurses = (await tours<Page>(query, { filter: { establishmentId: '450002613', professionCode: '60' } })).data!.professionals;
      expect(nurses.totalCount).toBeGreaterThan(0);
      expect(nurses.totalCount).toBeLessThan(all.totalCount);
      expect(nurses.edges.every((e) => e.node.profession?.code === '60' && e.node.establishments.some((x) => x.id === '450002613'))).toBe(true);
      expect(nurses.totalCount).toBe(all.edges.filter((e) => e.node.profession?.code === '60').length);
    });

    it('show the last login only with ORU_PROFESSIONNEL_SHOW_LAST_LOGIN covering the professional', async () => {
      await hub.db.rows(sql`update professionals.account set last_login_at = '2026-11-20T08:00:00Z' where login = 'ref.etab.orleans'`);
      const query = `{ professionals(filter: { name: "arnaud sophie" }) { edges { node { id lastName lastLoginAt account { login } } } } }`;
      const allowed = await orleans<{ professionals: { edges: Array<{ node: { lastLoginAt: string } }> } }>(query);
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data!.professionals.edges[0]!.node).toMatchObject({ lastLoginAt: '2026-11-20T08:00:00.000Z', account: { login: 'ref.etab.orleans' } });
      const denied = await tours<{ professionals: { edges: Array<{ node: { lastName: string; lastLoginAt: null } }> } }>(query);
      expect(codeOf(denied)).toBe('FORBIDDEN');
      expect(denied.errors![0]!.message).toMatch(/ORU_PROFESSIONNEL_SHOW_LAST_LOGIN/);
      expect(denied.data!.professionals.edges[0]!.node).toMatchObject({ lastName: 'ARNAUD', lastLoginAt: null });
    });

    it('show account details to the person and to those who manage accounts only', async () => {
      const query = `{ professional(id: "P000328") { lastName account { login enabled hasPassword } } }`;
      expect((await orleans<{ professional: { account: unknown } }>(query)).data!.professional.account).toEqual({ login: 'ref.etab.orleans', enabled: true, hasPassword: true });
      const declarant = callAs(hub.urls.subgraphs.professionals, await userIdentity(hub, 'P000001', [{ role: 'TENSION_DECLARANT', kind: 'ESTABLISHMENT', id: '180000010' }]));
      for (const reader of [tours, declarant, app]) {
        const denied = await reader<{ professional: { lastName: string; account: null } }>(query);
        expect(codeOf(denied)).toBe('FORBIDDEN');
        expect(denied.data!.professional).toEqual({ lastName: 'ARNAUD', account: null });
      }
    });

    it('answer `me` with the caller\'s own record, for users only', async () => {
      expect((await orleans<{ me: { id: string } }>(`{ me { id } }`)).data!.me.id).toBe(orleansIdentity.kind === 'user' ? orleansIdentity.professionalId : '');
      expect(codeOf(await app(`{ me { id } }`))).toBe('FORBIDDEN');
    });
  });
});
