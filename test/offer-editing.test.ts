/**
 * Editing the offer through the gateway with real tokens of the demo accounts, on a private hub
 * of its database kind (the shared demo data stay untouched): who may do what (in and out of
 * perimeter, applications, anonymous callers), validation with nothing written on refusal,
 * archive / reactivate, copy, change of type, and the audit trail (docs/offer-editing.md).
 * Cross-subgraph rules (archive with professionals, transfers) are in offer-editing-professionals.test.ts.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { endToEndKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';
import { demoPrivateJwk, demoPublicJwks } from '../scripts/demo/clients.js';
import { discover, requestClientToken, signClientAssertion } from '../scripts/token.js';

/** CHR Orléans, Hôpital de la Source (legal entity 450000088 of ref.etab.orleans). */
const LA_SOURCE = '450002613';
/** CHRU Tours Trousseau, and the unit of ref.uo.tours. */
const TROUSSEAU = '370004467';
const TOURS_UNIT = '370004467-4557';

const UNIT_FIELDS = `id name ufCode kind discipline archived sseCapacity establishment { id } pole { id }
  activityField { code } careMode { code } operationalActivities { code } specificActs { code } equipment { code }
  patientAge { min max } contacts { nature { code } role channel { code } value confidentiality { code } }
  openingHours { days allDay opens closes } visitingHours { days allDay opens closes } accessDetails psychiatricSectors category { code } patientTypes { code } interventionZones { type { code } code } closure { from reopening description } entryTemplate hasOwnAddress address { line houseNumber houseNumberSuffix streetType streetName namedPlace postBox postalCode city inseeCode } sensitive`;
const CREATE_UNIT = `mutation($e: ID!, $input: UnitInput!) { createUnit(establishmentId: $e, input: $input) { ${UNIT_FIELDS} } }`;
const UPDATE_UNIT = `mutation($id: ID!, $input: UnitUpdate!) { updateUnit(id: $id, input: $input) { ${UNIT_FIELDS} } }`;
const CHANGE_TYPE = `mutation($id: ID!, $kind: UnitKind!, $d: Discipline!) { changeUnitType(id: $id, kind: $kind, discipline: $d) { id kind discipline } }`;
const ARCHIVE = `mutation($id: ID!) { archiveUnit(id: $id) { id archived } }`;
const REACTIVATE = `mutation($id: ID!) { reactivateUnit(id: $id) { id archived } }`;
const COPY = `mutation($id: ID!, $name: String!, $uf: String!, $e: ID) { copyUnit(id: $id, name: $name, ufCode: $uf, establishmentId: $e) { ${UNIT_FIELDS} } }`;
const UPDATE_EST = `mutation($id: ID!, $input: EstablishmentUpdate!) { updateEstablishment(id: $id, input: $input) { id website alertPhones alertEmail managementEmail switchboardPhone } }`;
const CREATE_POLE = `mutation($e: ID!, $name: String!) { createPole(establishmentId: $e, name: $name) { id name archived } }`;
const RENAME_POLE = `mutation($id: ID!, $name: String!) { renamePole(id: $id, name: $name) { id name } }`;
const ARCHIVE_POLE = `mutation($id: ID!) { archivePole(id: $id) { id archived } }`;
const REACTIVATE_POLE = `mutation($id: ID!) { reactivatePole(id: $id) { id archived } }`;
const HISTORY = (type: 'unit' | 'establishment' | 'pole' | 'organization') =>
  `query($id: ID!, $after: String, $first: Int) { ${type}(id: $id) { history(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id action actor at changes { field from to } } } } } }`;

interface HistoryNode {
  id: string;
  action: string;
  actor: string;
  at: string;
  changes: Array<{ field: string; from: string | null; to: string | null }>;
}
type History = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: HistoryNode }> };
type Unit = Record<string, unknown> & { id: string; name: string; ufCode: string; archived: boolean };

function unitInput(ufCode: string, extra: Record<string, unknown> = {}) {
  return {
    name: 'unité de test',
    ufCode,
    kind: 'MCO',
    discipline: 'MEDICINE',
    activityFieldCode: '01',
    careModeCode: '28',
    operationalActivityCodes: ['083'],
    patientAgeMin: 18,
    patientAgeMax: 99,
    sseCapacity: 12,
    specificActCodes: ['0001'],
    equipmentCodes: ['003'],
    contacts: [{ natureCode: '01', role: 'Cadre de santé', channelCode: '2', value: '02 38 51 44 44', confidentialityCode: '1' }],
    openingHours: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'], allDay: true }],
    visitingHours: [{ days: ['SAT', 'SUN'], allDay: false, opens: '13:00', closes: '20:00' }],
    accessDetails: 'Bâtiment B, 2e étage',
    ownAddress: { line: '14 avenue de l’Hôpital', houseNumber: '14', streetType: 'av', streetName: 'de l’Hôpital', postalCode: '45100', city: 'Orléans' },
    ...extra,
  };
}

describe.each(endToEndKinds('pglite'))('offer editing on %s', (kind) => {
  let hub: TestHub;
  let orleans: string, tours: string, ars: string, app: string;
  const as = <T = Record<string, unknown>>(token: string | null, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(hub.urls.graphql, query, variables, token ? { authorization: token } : {});
  const codeOf = (r: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => r.errors?.[0]?.extensions?.code;
  const history = async (type: Parameters<typeof HISTORY>[0], id: string, token = ars): Promise<History> => {
    const r = await as<Record<string, { history: History }>>(token, HISTORY(type), { id, first: 50 });
    expect(r.errors).toBeUndefined();
    return r.data![type]!.history;
  };
  const createUnit = async (ufCode: string, extra: Record<string, unknown> = {}, establishment = LA_SOURCE): Promise<Unit> => {
    const r = await as<{ createUnit: Unit }>(orleans, CREATE_UNIT, { e: establishment, input: unitInput(ufCode, extra) });
    expect(r.errors).toBeUndefined();
    return r.data!.createUnit;
  };

  beforeAll(async () => {
    hub = await startTestHub(kind);
    [orleans, tours, ars, app] = await Promise.all([
      asUser(hub.urls.graphql, 'ref.etab.orleans'),
      asUser(hub.urls.graphql, 'ref.uo.tours'),
      asUser(hub.urls.graphql, 'admin.ars'),
      asApp(hub.urls.graphql, 'national-aggregator'),
    ]);
  }, 60_000);
  afterAll(async () => hub?.close());

  describe('establishments', () => {
    it('its referent edits the fields kept current; the audit trail says who changed what', async () => {
      const before = (await as<{ establishment: { website: string | null } }>(ars, `{ establishment(id: "${LA_SOURCE}") { website } }`)).data!.establishment;
      const r = await as<{ updateEstablishment: Record<string, unknown> }>(orleans, UPDATE_EST, {
        id: LA_SOURCE,
        input: { website: 'https://www.chr-orleans.fr', alertPhones: ['02 38 22 95 00', '02 38 22 95 00', '15'], alertEmail: ' alerte@chr-orleans.fr ' },
      });
      expect(r.errors).toBeUndefined();
      expect(r.data!.updateEstablishment).toMatchObject({ website: 'https://www.chr-orleans.fr', alertPhones: ['02 38 22 95 00', '15'], alertEmail: 'alerte@chr-orleans.fr' });
      const events = await history('establishment', LA_SOURCE);
      expect(events.edges[0]!.node).toMatchObject({ action: 'UPDATE', actor: 'ref.etab.orleans' });
      const fields = Object.fromEntries(events.edges[0]!.node.changes.map((c) => [c.field, c]));
      expect(fields.website).toEqual({ field: 'website', from: before.website === null ? null : JSON.stringify(before.website), to: '"https://www.chr-orleans.fr"' });
      expect(Object.keys(fields).sort()).toEqual(['alertEmail', 'alertPhones', 'website']);

      // The same values again change nothing, and record nothing.
      const again = await as(orleans, UPDATE_EST, { id: LA_SOURCE, input: { website: 'https://www.chr-orleans.fr' } });
      expect(again.errors).toBeUndefined();
      expect((await history('establishment', LA_SOURCE)).totalCount).toBe(events.totalCount);
    });

    it('refuses bad values naming the field, and callers without the right', async () => {
      const bad = await as(orleans, UPDATE_EST, { id: LA_SOURCE, input: { managementEmail: 'not-an-address' } });
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0]!.extensions!.field).toBe('managementEmail');
      expect(codeOf(await as(orleans, UPDATE_EST, { id: LA_SOURCE, input: { website: 'ftp://x' } }))).toBe('BAD_USER_INPUT');

      const outside = await as(orleans, UPDATE_EST, { id: TROUSSEAU, input: { website: 'https://x.fr' } });
      expect(codeOf(outside)).toBe('FORBIDDEN');
      expect(outside.errors![0]!.message).toContain('ORU_ROR_ETABLISSEMENT_EDIT');
      expect(codeOf(await as(tours, UPDATE_EST, { id: TROUSSEAU, input: { website: 'https://x.fr' } }))).toBe('FORBIDDEN');
      expect(codeOf(await as(app, UPDATE_EST, { id: LA_SOURCE, input: { website: 'https://x.fr' } }))).toBe('FORBIDDEN');
      expect(codeOf(await as(null, UPDATE_EST, { id: LA_SOURCE, input: { website: 'https://x.fr' } }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await as(orleans, UPDATE_EST, { id: '450999999', input: {} }))).toBe('NOT_FOUND');
    });

    it('the history is readable with the edit right only', async () => {
      const r = await as(tours, HISTORY('establishment'), { id: LA_SOURCE });
      expect(codeOf(r)).toBe('FORBIDDEN');
      expect(r.errors![0]!.message).toContain('ORU_ROR_ETABLISSEMENT_EDIT');
      expect(codeOf(await as(app, HISTORY('establishment'), { id: LA_SOURCE }))).toBe('FORBIDDEN');
      expect(codeOf(await as(null, HISTORY('establishment'), { id: LA_SOURCE }))).toBe('UNAUTHENTICATED');
      expect((await history('establishment', LA_SOURCE, orleans)).totalCount).toBeGreaterThan(0);
      expect((await history('organization', '450000088', orleans)).totalCount).toBe(0);
    });
  });

  describe('pôles', () => {
    it('are created, renamed, archived (not while active units belong to them) and reactivated by the referent', async () => {
      const created = await as<{ createPole: { id: string; name: string } }>(orleans, CREATE_POLE, { e: LA_SOURCE, name: '  Pôle   Médecine ' });
      expect(created.errors).toBeUndefined();
      const pole = created.data!.createPole;
      expect(pole.name).toBe('Pôle Médecine');
      expect((await as<{ renamePole: { name: string } }>(orleans, RENAME_POLE, { id: pole.id, name: 'Pôle Médecine A' })).data!.renamePole.name).toBe('Pôle Médecine A');

      const unit = await createUnit('P100', { poleId: pole.id });
      expect(unit.pole).toEqual({ id: pole.id });
      const refused = await as(orleans, ARCHIVE_POLE, { id: pole.id });
      expect(codeOf(refused)).toBe('CONFLICT');
      expect(refused.errors![0]!.message).toContain(unit.id);

      expect((await as(orleans, UPDATE_UNIT, { id: unit.id, input: { poleId: null } })).errors).toBeUndefined();
      expect((await as<{ archivePole: { archived: boolean } }>(orleans, ARCHIVE_POLE, { id: pole.id })).data!.archivePole.archived).toBe(true);
      // An archived pôle takes no units.
      const intoArchived = await as(orleans, UPDATE_UNIT, { id: unit.id, input: { poleId: pole.id } });
      expect(codeOf(intoArchived)).toBe('BAD_USER_INPUT');
      expect((await as<{ reactivatePole: { archived: boolean } }>(orleans, REACTIVATE_POLE, { id: pole.id })).data!.reactivatePole.archived).toBe(false);

      const events = (await history('pole', pole.id)).edges.map((e) => e.node.action);
      expect(events).toEqual(['REACTIVATE', 'ARCHIVE', 'UPDATE', 'CREATE']);
    });

    it('are refused outside the perimeter, to unit referents, applications and anonymous callers', async () => {
      expect(codeOf(await as(orleans, CREATE_POLE, { e: TROUSSEAU, name: 'X' }))).toBe('FORBIDDEN');
      expect(codeOf(await as(tours, CREATE_POLE, { e: TROUSSEAU, name: 'X' }))).toBe('FORBIDDEN');
      expect(codeOf(await as(app, CREATE_POLE, { e: LA_SOURCE, name: 'X' }))).toBe('FORBIDDEN');
      expect(codeOf(await as(null, CREATE_POLE, { e: LA_SOURCE, name: 'X' }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await as(orleans, CREATE_POLE, { e: LA_SOURCE, name: '   ' }))).toBe('BAD_USER_INPUT');
      const tourPole = await as<{ createPole: { id: string } }>(ars, CREATE_POLE, { e: TROUSSEAU, name: 'Pôle Réanimation' });
      expect(tourPole.errors).toBeUndefined();
      const id = tourPole.data!.createPole.id;
      expect(codeOf(await as(orleans, RENAME_POLE, { id, name: 'Y' }))).toBe('FORBIDDEN');
      expect(codeOf(await as(orleans, ARCHIVE_POLE, { id }))).toBe('FORBIDDEN');
    });
  });

  describe('units', () => {
    it('are created with every field, in capitals, with the id <ET>-<UF>', async () => {
      const unit = await createUnit('T001', {
        psychiatricSectors: ['45g03', '45G03'],
        categoryCode: '11',
        patientTypeCodes: ['07', '07'],
        interventionZones: [{ typeCode: '3', code: '45234' }, { typeCode: '2', code: '45' }, { typeCode: '2', code: '45' }],
        closedFrom: '2026-12-20',
        closureDescription: 'Travaux',
        entryTemplate: 'https://interop.esante.gouv.fr/ig/fhir/ror/Questionnaire/MS-141|1',
      });
      expect(unit).toMatchObject({
        id: `${LA_SOURCE}-T001`,
        name: 'UNITÉ DE TEST',
        ufCode: 'T001',
        archived: false,
        sseCapacity: 12,
        establishment: { id: LA_SOURCE },
        specificActs: [{ code: '0001' }],
        equipment: [{ code: '003' }],
        patientAge: { min: 18, max: 99 },
        contacts: [{ nature: { code: '01' }, role: 'Cadre de santé', channel: { code: '2' }, value: '02 38 51 44 44', confidentiality: { code: '1' } }],
        openingHours: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'], allDay: true, opens: null, closes: null }],
        visitingHours: [{ days: ['SAT', 'SUN'], allDay: false, opens: '13:00', closes: '20:00' }],
        hasOwnAddress: true,
        psychiatricSectors: ['45G03'],
        category: { code: '11' },
        patientTypes: [{ code: '07' }],
        interventionZones: [{ type: { code: '3' }, code: '45234' }, { type: { code: '2' }, code: '45' }],
        closure: { from: '2026-12-20', reopening: null, description: 'Travaux' },
        entryTemplate: 'https://interop.esante.gouv.fr/ig/fhir/ror/Questionnaire/MS-141|1',
        address: {
          line: '14 avenue de l’Hôpital',
          houseNumber: '14',
          houseNumberSuffix: null,
          streetType: 'AV',
          streetName: 'de l’Hôpital',
          namedPlace: null,
          postBox: null,
          postalCode: '45100',
          city: 'Orléans',
          // Not given: the commune's code the establishments of Orléans give (ror-commune-cog 1..1).
          inseeCode: '45234',
        },
      });
      const events = await history('unit', unit.id);
      expect(events.edges.map((e) => e.node.action)).toEqual(['CREATE']);
      expect(events.edges[0]!.node.changes.find((c) => c.field === 'ufCode')).toEqual({ field: 'ufCode', from: null, to: '"T001"' });
    });

    it('refuse unknown or deprecated codes naming the field, and write nothing', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ specificActCodes: ['0001', 'ZZZZ'] }, 'specificActCodes'],
        [{ specificActCodes: ['0002'] }, 'specificActCodes'], // deprecated in 2018
        [{ careModeCode: '99X' }, 'careModeCode'],
        [{ activityFieldCode: 'NOPE' }, 'activityFieldCode'],
        [{ operationalActivityCodes: [] }, 'operationalActivityCodes'],
        [{ equipmentCodes: ['ZZZ'] }, 'equipmentCodes'],
        [{ contacts: [{ natureCode: '99', channelCode: '2', value: '0238514444', confidentialityCode: '1' }] }, 'contacts[0].natureCode'],
        [{ contacts: [{ natureCode: '01', channelCode: '3', value: 'pas une adresse', confidentialityCode: '1' }] }, 'contacts[0].value'],
        [{ discipline: 'PSYCHIATRY' }, 'discipline'],
        [{ patientAgeMin: 60, patientAgeMax: 18 }, 'patientAgeMax'],
        [{ patientAgeMin: -1 }, 'patientAgeMin'],
        [{ patientAgeMin: null }, 'patientAgeMin'],
        [{ patientAgeMax: undefined }, 'patientAgeMax'],
        [{ patientAgeMax: 151 }, 'patientAgeMax'],
        [{ ownAddress: { line: '1 rue du Moulin', postalCode: '45999', city: 'Nulle-Part-sur-Loire' } }, 'ownAddress.inseeCode'],
        [{ sseCapacity: -3 }, 'sseCapacity'],
        [{ ufCode: 'UF 12' }, 'ufCode'],
        [{ name: '  ' }, 'name'],
        [{ openingHours: [{ days: ['MON'], allDay: false, opens: '18:00', closes: '08:00' }] }, 'openingHours[0].closes'],
        [{ openingHours: [{ days: [], allDay: true }] }, 'openingHours[0].days'],
        [{ visitingHours: [{ days: ['MON'], allDay: false, opens: '9h', closes: '10:00' }] }, 'visitingHours[0].opens'],
        [{ ownAddress: { line: '14 rue X', streetType: 'RUE', postalCode: '45100', city: 'Orléans' } }, 'ownAddress.streetType'],
        [{ psychiatricSectors: ['45G03', '45X01'] }, 'psychiatricSectors'],
        [{ categoryCode: '999' }, 'categoryCode'],
        [{ annualOpeningCode: '09' }, 'annualOpeningCode'],
        [{ patientTypeCodes: ['07', '42'] }, 'patientTypeCodes'],
        [{ interventionZones: [{ typeCode: '4', code: '45' }] }, 'interventionZones[0].typeCode'],
        [{ interventionZones: [{ typeCode: '3', code: '99123' }] }, 'interventionZones[0].code'],
        [{ closedFrom: '2026-12-20', reopeningOn: '2026-12-01' }, 'reopeningOn'],
        [{ closedFrom: '2026-02-30' }, 'closedFrom'],
        [{ reopeningOn: '2027-01-04' }, 'closedFrom'],
        [{ entryTemplate: 'https://interop.esante.gouv.fr/ig/fhir/ror/Questionnaire/MS-141' }, 'entryTemplate'],
        [{ openingHours: [{ days: ['MON'], allDay: true, effectiveFrom: '2026-06-01', effectiveUntil: '2026-05-01' }] }, 'openingHours[0].effectiveUntil'],
        [{ ownAddress: { line: '14 rue X', houseNumber: '14 bis', postalCode: '45100', city: 'Orléans' } }, 'ownAddress.houseNumber'],
        [{ ownAddress: { line: 'rue X', houseNumberSuffix: 'B', postalCode: '45100', city: 'Orléans' } }, 'ownAddress.houseNumberSuffix'],
      ];
      for (const [extra, field] of cases) {
        const r = await as(orleans, CREATE_UNIT, { e: LA_SOURCE, input: unitInput('X404', extra) });
        expect(codeOf(r), field).toBe('BAD_USER_INPUT');
        expect(r.errors![0]!.extensions!.field, JSON.stringify(extra)).toBe(field);
      }
      const none = await as<{ unit: unknown }>(ars, `{ unit(id: "${LA_SOURCE}-X404") { id } }`);
      expect(none.data!.unit).toBeNull();
    });

    it('refuse a UF code already used in the establishment', async () => {
      const r = await as(orleans, CREATE_UNIT, { e: LA_SOURCE, input: unitInput('1124') });
      expect(codeOf(r)).toBe('CONFLICT');
      expect(r.errors![0]!.message).toContain(`${LA_SOURCE}-1124`);
    });

    it('are created only with ORU_ROR_UNITE_NEW on the establishment', async () => {
      const outside = await as(orleans, CREATE_UNIT, { e: TROUSSEAU, input: unitInput('T002') });
      expect(codeOf(outside)).toBe('FORBIDDEN');
      expect(outside.errors![0]!.message).toContain('ORU_ROR_UNITE_NEW');
      expect(codeOf(await as(tours, CREATE_UNIT, { e: TROUSSEAU, input: unitInput('T002') }))).toBe('FORBIDDEN');
      expect(codeOf(await as(app, CREATE_UNIT, { e: LA_SOURCE, input: unitInput('T002') }))).toBe('FORBIDDEN');
      expect(codeOf(await as(null, CREATE_UNIT, { e: LA_SOURCE, input: unitInput('T002') }))).toBe('UNAUTHENTICATED');
    });

    it('the unit referent edits their unit, not another; a new UF code keeps the id', async () => {
      const r = await as<{ updateUnit: Unit }>(tours, UPDATE_UNIT, { id: TOURS_UNIT, input: { sseCapacity: 24, accessDetails: 'Niveau 1' } });
      expect(r.errors).toBeUndefined();
      expect(r.data!.updateUnit).toMatchObject({ id: TOURS_UNIT, sseCapacity: 24, accessDetails: 'Niveau 1' });
      const renumbered = await as<{ updateUnit: Unit }>(tours, UPDATE_UNIT, { id: TOURS_UNIT, input: { ufCode: '4557b' } });
      expect(renumbered.data!.updateUnit).toMatchObject({ id: TOURS_UNIT, ufCode: '4557B' });

      const events = await history('unit', TOURS_UNIT, tours);
      expect(events.edges.map((e) => [e.node.action, e.node.actor])).toEqual([
        ['UPDATE', 'ref.uo.tours'],
        ['UPDATE', 'ref.uo.tours'],
      ]);
      expect(events.edges[0]!.node.changes).toEqual([{ field: 'ufCode', from: '"4557"', to: '"4557B"' }]);
      expect(new Date(events.edges[0]!.node.at).getTime()).toBeGreaterThanOrEqual(new Date(events.edges[1]!.node.at).getTime());

      const other = await as<{ establishment: { units: Array<{ id: string }> } }>(ars, `{ establishment(id: "${TROUSSEAU}") { units { id } } }`);
      const otherUnit = other.data!.establishment.units.find((u) => u.id !== TOURS_UNIT)!.id;
      expect(codeOf(await as(tours, UPDATE_UNIT, { id: otherUnit, input: { sseCapacity: 1 } }))).toBe('FORBIDDEN');
      expect(codeOf(await as(tours, HISTORY('unit'), { id: otherUnit }))).toBe('FORBIDDEN');
      expect(codeOf(await as(orleans, UPDATE_UNIT, { id: TOURS_UNIT, input: { sseCapacity: 1 } }))).toBe('FORBIDDEN');
      expect(codeOf(await as(app, UPDATE_UNIT, { id: TOURS_UNIT, input: { sseCapacity: 1 } }))).toBe('FORBIDDEN');
      expect(codeOf(await as(null, UPDATE_UNIT, { id: TOURS_UNIT, input: { sseCapacity: 1 } }))).toBe('UNAUTHENTICATED');
      // The unit referent cannot archive, transfer or copy.
      expect(codeOf(await as(tours, ARCHIVE, { id: TOURS_UNIT }))).toBe('FORBIDDEN');
      expect(codeOf(await as(tours, `mutation { transferUnit(id: "${TOURS_UNIT}", toEstablishmentId: "370000861") { id } }`))).toBe('FORBIDDEN');
      expect(codeOf(await as(tours, COPY, { id: TOURS_UNIT, name: 'COPIE', uf: 'C1' }))).toBe('FORBIDDEN');
    });

    it('an own address written by an update takes its INSEE code as on creation, or is refused whole', async () => {
      const unit = await createUnit('T020', { ownAddress: null });
      const moved = await as<{ updateUnit: Unit }>(orleans, UPDATE_UNIT, {
        id: unit.id,
        input: { ownAddress: { line: '2 rue de la Gare', postalCode: '45100', city: 'Orléans' }, accessDetails: 'Porte 2' },
      });
      expect(moved.errors).toBeUndefined();
      expect(moved.data!.updateUnit).toMatchObject({ hasOwnAddress: true, accessDetails: 'Porte 2', address: { line: '2 rue de la Gare', postalCode: '45100', inseeCode: '45234' } });

      const nowhere = await as(orleans, UPDATE_UNIT, {
        id: unit.id,
        input: { ownAddress: { line: '1 rue du Moulin', postalCode: '45999', city: 'Nulle-Part-sur-Loire' }, accessDetails: 'Porte 3' },
      });
      expect(codeOf(nowhere)).toBe('BAD_USER_INPUT');
      expect(nowhere.errors![0]!.extensions!.field).toBe('ownAddress.inseeCode');
      const kept = await as<{ unit: Unit }>(ars, `{ unit(id: "${unit.id}") { ${UNIT_FIELDS} } }`);
      expect(kept.data!.unit).toMatchObject({ accessDetails: 'Porte 2', address: { line: '2 rue de la Gare', inseeCode: '45234' } });
    });

    it('an update that changes nothing records nothing; unknown codes write nothing', async () => {
      const unit = await createUnit('T003');
      const same = await as(orleans, UPDATE_UNIT, { id: unit.id, input: { sseCapacity: 12, name: 'Unité de test' } });
      expect(same.errors).toBeUndefined();
      expect((await history('unit', unit.id)).totalCount).toBe(1);
      const bad = await as(orleans, UPDATE_UNIT, { id: unit.id, input: { sseCapacity: 40, equipmentCodes: ['003', 'ZZZ'] } });
      expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'equipmentCodes' });
      const after = await as<{ unit: { sseCapacity: number } }>(ars, `{ unit(id: "${unit.id}") { sseCapacity } }`);
      expect(after.data!.unit.sseCapacity).toBe(12);
      expect((await history('unit', unit.id)).totalCount).toBe(1);
    });

    it('change type: the discipline must suit the type', async () => {
      const unit = await createUnit('T004');
      const refused = await as(orleans, CHANGE_TYPE, { id: unit.id, kind: 'PSYCHIATRY', d: 'SURGERY' });
      expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'discipline' });
      const r = await as<{ changeUnitType: Unit }>(orleans, CHANGE_TYPE, { id: unit.id, kind: 'SMR', d: 'SMR' });
      expect(r.data!.changeUnitType).toMatchObject({ id: unit.id, kind: 'SMR', discipline: 'SMR' });
      const [last] = (await history('unit', unit.id)).edges;
      expect(last!.node.action).toBe('CHANGE_TYPE');
      expect(last!.node.changes).toEqual([
        { field: 'kind', from: '"MCO"', to: '"SMR"' },
        { field: 'discipline', from: '"MEDICINE"', to: '"SMR"' },
      ]);
      expect(codeOf(await as(tours, CHANGE_TYPE, { id: unit.id, kind: 'MCO', d: 'MEDICINE' }))).toBe('FORBIDDEN');
    });

    it('archive hides the unit from search; reactivate brings it back', async () => {
      const unit = await createUnit('T005');
      const search = async () =>
        (await as<{ units: { edges: Array<{ node: { id: string } }> } }>(orleans, `{ units(filter: { establishmentId: "${LA_SOURCE}", ufCode: "T005" }) { edges { node { id } } } }`)).data!.units.edges.map((e) => e.node.id);
      expect(await search()).toEqual([unit.id]);
      expect(codeOf(await as(app, ARCHIVE, { id: unit.id }))).toBe('FORBIDDEN');
      expect((await as<{ archiveUnit: Unit }>(orleans, ARCHIVE, { id: unit.id })).data!.archiveUnit.archived).toBe(true);
      expect(await search()).toEqual([]);
      // Archived: no edits until reactivated.
      expect(codeOf(await as(orleans, UPDATE_UNIT, { id: unit.id, input: { sseCapacity: 3 } }))).toBe('BAD_USER_INPUT');
      expect((await as<{ reactivateUnit: Unit }>(orleans, REACTIVATE, { id: unit.id })).data!.reactivateUnit.archived).toBe(false);
      expect(await search()).toEqual([unit.id]);
      expect((await history('unit', unit.id)).edges.map((e) => e.node.action)).toEqual(['REACTIVATE', 'ARCHIVE', 'CREATE']);
    });

    it('each audited write is also on the change feed, in order, with its actor', async () => {
      const unit = await createUnit('T016');
      await as(orleans, ARCHIVE, { id: unit.id });
      const events = await hub.db.rows<{ topic: string; action: string; actor: string }>(
        sql`select topic, action, actor from feed.change_event where record_type = 'UNIT' and record_id = ${unit.id} order by id`,
      );
      expect(events).toEqual([
        { topic: 'offer', action: 'CREATE', actor: 'ref.etab.orleans' },
        { topic: 'offer', action: 'ARCHIVE', actor: 'ref.etab.orleans' },
      ]);
    });

    it('an archived unit frees its UF code; reactivating it is refused while another active unit holds the code', async () => {
      const seasonal = await createUnit('T015');
      await as(orleans, ARCHIVE, { id: seasonal.id });
      const successor = await createUnit('T015');
      expect(successor.id).not.toBe(seasonal.id);
      const refused = await as(orleans, REACTIVATE, { id: seasonal.id });
      expect(refused.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', unitId: successor.id });
      await as(orleans, ARCHIVE, { id: successor.id });
      expect((await as<{ reactivateUnit: Unit }>(orleans, REACTIVATE, { id: seasonal.id })).data!.reactivateUnit.archived).toBe(false);
    });

    it('copy: a new name and a free UF code; every record field but professionals and capacities', async () => {
      const pole = (await as<{ createPole: { id: string } }>(orleans, CREATE_POLE, { e: LA_SOURCE, name: 'Pôle Copies' })).data!.createPole;
      const source = await createUnit('T006', { poleId: pole.id, sensitive: true });
      expect(codeOf(await as(orleans, COPY, { id: source.id, name: 'unité de test', uf: 'T007' }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await as(orleans, COPY, { id: source.id, name: 'COPIE', uf: 'T006' }))).toBe('CONFLICT');
      expect(codeOf(await as(orleans, COPY, { id: source.id, name: 'COPIE', uf: 'T007', e: TROUSSEAU }))).toBe('FORBIDDEN');

      const r = await as<{ copyUnit: Unit }>(orleans, COPY, { id: source.id, name: 'unité de test bis', uf: 't007' });
      expect(r.errors).toBeUndefined();
      const copy = r.data!.copyUnit;
      const { id: _a, name: _b, ufCode: _c, ...sourceFields } = source;
      const { id, name, ufCode, ...copyFields } = copy;
      expect({ id, name, ufCode }).toEqual({ id: `${LA_SOURCE}-T007`, name: 'UNITÉ DE TEST BIS', ufCode: 'T007' });
      expect(copyFields).toEqual(sourceFields);
      expect(copy.pole).toEqual({ id: pole.id });

      const elsewhere = await as<{ copyUnit: Unit }>(orleans, COPY, { id: source.id, name: 'COPIE MADELEINE', uf: 'T006', e: '450000021' });
      expect(elsewhere.errors).toBeUndefined();
      expect(elsewhere.data!.copyUnit).toMatchObject({ id: '450000021-T006', pole: null, establishment: { id: '450000021' }, sensitive: true });

      const [event] = (await history('unit', copy.id)).edges;
      expect(event!.node).toMatchObject({ action: 'COPY', actor: 'ref.etab.orleans' });
      expect(event!.node.changes).toContainEqual({ field: 'copiedFrom', from: null, to: JSON.stringify(source.id) });
      const professionals = await as<{ unit: { professionals: unknown[] } }>(ars, `{ unit(id: "${copy.id}") { professionals { id } } }`);
      expect(professionals.data!.unit.professionals).toEqual([]);
    });

    it('history pages newest first', async () => {
      const unit = await createUnit('T008');
      for (const sse of [1, 2, 3]) await as(orleans, UPDATE_UNIT, { id: unit.id, input: { sseCapacity: sse } });
      const first = await as<{ unit: { history: History } }>(orleans, HISTORY('unit'), { id: unit.id, first: 2 });
      const page1 = first.data!.unit.history;
      expect(page1.totalCount).toBe(4);
      expect(page1.edges.map((e) => e.node.changes[0]!.to)).toEqual(['3', '2']);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const second = await as<{ unit: { history: History } }>(orleans, HISTORY('unit'), { id: unit.id, first: 2, after: page1.pageInfo.endCursor });
      expect(second.data!.unit.history.edges.map((e) => e.node.action)).toEqual(['UPDATE', 'CREATE']);
      expect(second.data!.unit.history.pageInfo.hasNextPage).toBe(false);
    });
  });

  describe('applications (offer.write, D153)', () => {
    /** An application registered for LA_SOURCE with offer.write, signing with a demo key. */
    const writerToken = async (clientId: string, scopes: string, perimeter: string | null): Promise<string> => {
      const key = 'bed-manager-chateauroux';
      await hub.db.rows(sql`
        insert into professionals.client (client_id, name, jwks, scopes, access_level, write_establishments)
        values (${clientId}, ${`Logiciel ${clientId}`}, ${JSON.stringify(demoPublicJwks(key))}::jsonb, ${`{${scopes.replaceAll(' ', ',')}}`}::text[], 2, ${perimeter ? `{${perimeter}}` : null}::text[])`);
      const { token_endpoint } = await discover(hub.urls.graphql.replace(/\/graphql$/, ''));
      const assertion = await signClientAssertion({ clientId, key: demoPrivateJwk(key), audience: token_endpoint });
      const issued = (await (await requestClientToken(token_endpoint, assertion, scopes)).json()) as { access_token: string };
      return `Bearer ${issued.access_token}`;
    };

    it('create and edit units and establishments of their perimeter only, audited under their name; nothing else', async () => {
      const writer = await writerToken('offer-writer', 'offer.read offer.write', LA_SOURCE);
      const created = await as<{ createUnit: Unit }>(writer, CREATE_UNIT, { e: LA_SOURCE, input: unitInput('A001') });
      expect(created.errors).toBeUndefined();
      const id = created.data!.createUnit.id;
      expect((await as(writer, UPDATE_UNIT, { id, input: { name: 'unité applicative' } })).errors).toBeUndefined();
      expect((await as(writer, UPDATE_EST, { id: LA_SOURCE, input: { website: 'https://app.example.fr' } })).errors).toBeUndefined();
      expect((await history('unit', id)).edges.map((e) => [e.node.action, e.node.actor])).toEqual([
        ['UPDATE', 'Logiciel offer-writer'],
        ['CREATE', 'Logiciel offer-writer'],
      ]);
      // Outside the perimeter, and the writes kept for users.
      const before = await history('unit', TOURS_UNIT);
      const outside = await as(writer, UPDATE_UNIT, { id: TOURS_UNIT, input: { sseCapacity: 3 } });
      expect(codeOf(outside)).toBe('FORBIDDEN');
      expect(outside.errors![0]!.message).toContain('outside the establishments it is registered for');
      expect((await history('unit', TOURS_UNIT)).totalCount).toBe(before.totalCount);
      expect(codeOf(await as(writer, CREATE_UNIT, { e: TROUSSEAU, input: unitInput('A002') }))).toBe('FORBIDDEN');
      expect(codeOf(await as(writer, ARCHIVE, { id }))).toBe('FORBIDDEN');
      expect(codeOf(await as(writer, CHANGE_TYPE, { id, kind: 'MCO', d: 'SURGERY' }))).toBe('FORBIDDEN');
      expect(codeOf(await as(writer, CREATE_POLE, { e: LA_SOURCE, name: 'P' }))).toBe('FORBIDDEN');
      // offer.write without a registered perimeter writes nothing (deny by default).
      const unperimetered = await writerToken('offer-writer-nowhere', 'offer.read offer.write', null);
      expect(codeOf(await as(unperimetered, UPDATE_UNIT, { id, input: { sseCapacity: 3 } }))).toBe('FORBIDDEN');
    });

    it('keep the confidential contacts they cannot see when they replace a unit\'s contacts', async () => {
      const writer = await writerToken('offer-writer-contacts', 'offer.read offer.write', LA_SOURCE);
      const confidential = { natureCode: '01', role: 'Garde', channelCode: '2', value: '02 38 00 00 01', confidentialityCode: '3' };
      const unit = await createUnit('A003', { contacts: [unitInput('x').contacts[0], confidential] });
      const replaced = { natureCode: '01', role: 'Accueil', channelCode: '2', value: '02 38 00 00 02', confidentialityCode: '1' };
      expect((await as(writer, UPDATE_UNIT, { id: unit.id, input: { contacts: [replaced] } })).errors).toBeUndefined();
      const seen = await as<{ unit: { contacts: Array<{ value: string; confidentiality: { code: string } }> } }>(ars, `{ unit(id: "${unit.id}") { contacts { value confidentiality { code } } } }`);
      expect(seen.data!.unit.contacts.map((c) => [c.value, c.confidentiality.code])).toEqual([
        ['02 38 00 00 02', '1'],
        ['02 38 00 00 01', '3'],
      ]);
    });
  });
});
