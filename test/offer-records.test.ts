/**
 * Full records of the offer through the gateway (docs/offer-records.md): establishments with the
 * referents' fields and pôles, units with acts, equipment, contacts (confidential ones hidden from
 * public access profiles), hours and address fallback; code systems; act and equipment filters.
 * Expectations come from the demo builder.
 */
import { describe, it, expect, inject } from 'vitest';
import { endToEndKinds } from './helpers/hub.js';
import { gql as rawGql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';
import { buildDemoRegion } from '../scripts/demo/region.js';
import { TERMINOLOGY } from '../subgraphs/offer/terminology/systems.js';

const hubs = inject('hubs');
const region = buildDemoRegion();
const R210 = 'https://mos.esante.gouv.fr/NOS/TRE_R210-ActeSpecifique/FHIR/TRE-R210-ActeSpecifique';
const R212 = 'https://mos.esante.gouv.fr/NOS/TRE_R212-Equipement/FHIR/TRE-R212-Equipement';

/** A cardiology ICU unit: acts, equipment, a pôle and three contacts of levels 1, 2 and 3. */
const unit = region.units.find((u) => u.name.startsWith('SOINS INTENSIFS DE CARDIOLOGIE') && u.populationGap === null && !u.sensitive)!;
const establishment = region.establishments.find((e) => e.id === unit.establishmentId)!;
const contacts = region.contacts.filter((c) => c.unitId === unit.id);

const UNIT = /* GraphQL */ `
  query ($id: ID!) {
    unit(id: $id) {
      id sseCapacity accessDetails hasOwnAddress patientAge { min max }
      specificActs { system code display } equipment { system code display }
      pole { id name establishment { id } units { id } }
      contacts { nature { code display } role channel { code } value confidentiality { code display } }
      openingHours { days allDay opens closes } visitingHours { days allDay opens closes }
      address { line postalCode city departmentCode } position { latitude longitude }
      establishment {
        id managementPhone alertPhones alertEmail managementEmail website
        poles { id name units { id } }
        organization { id siren legalStatus { system code display } }
      }
    }
  }
`;

const UNIT_IDS = /* GraphQL */ `
  query ($filter: UnitFilter) { units(filter: $filter, first: 200) { edges { node { id } } totalCount } }
`;

describe.each(endToEndKinds('pglite'))('offer records on %s', (kind) => {
  const url = () => hubs[kind]!.graphql;
  const as = async (token: Promise<string>) => ({ authorization: await token });

  it('reads a full unit and establishment record through the gateway', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a deep record, checked field by field below
    const res = await rawGql<{ unit: Record<string, any> }>(url(), UNIT, { id: unit.id }, await as(asApp(url(), 'national-aggregator')));
    expect(res.errors).toBeUndefined();
    const u = res.data!.unit;
    expect(u.sseCapacity).toBe(unit.sseCapacity);
    expect(u.patientAge).toEqual({ min: unit.patientAgeMin, max: unit.patientAgeMax });
    expect(u.specificActs.map((c: { code: string }) => c.code)).toEqual(unit.specificActCodes);
    for (const c of u.specificActs) expect(c).toMatchObject({ system: R210, display: expect.any(String) });
    expect(u.equipment.map((c: { code: string }) => c.code)).toEqual(unit.equipmentCodes);
    for (const c of u.equipment) expect(c).toMatchObject({ system: R212, display: expect.any(String) });
    expect(u.pole).toMatchObject({ id: unit.poleId, establishment: { id: establishment.id } });
    expect(u.pole.units.map((x: { id: string }) => x.id)).toContain(unit.id);
    expect(u.openingHours).toEqual([{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'], allDay: true, opens: null, closes: null }]);
    expect(u.visitingHours).toHaveLength(1);
    expect(u.accessDetails).toBe(unit.accessDetails);
    // No own address: the establishment's.
    expect(u.hasOwnAddress).toBe(false);
    expect(u.address).toEqual({ line: establishment.addressLine, postalCode: establishment.postalCode, city: establishment.city, departmentCode: establishment.departmentCode });
    expect(u.position).toEqual(establishment.latitude === null ? null : { latitude: establishment.latitude, longitude: establishment.longitude });
    const e = u.establishment;
    expect(e).toMatchObject({
      managementPhone: establishment.managementPhone,
      alertPhones: establishment.alertPhones,
      alertEmail: establishment.alertEmail,
      managementEmail: establishment.managementEmail,
      website: establishment.website,
    });
    expect(e.poles.map((p: { id: string }) => p.id).sort()).toEqual(region.poles.filter((p) => p.establishmentId === establishment.id).map((p) => p.id).sort());
    const organization = region.organizations.find((o) => o.id === establishment.organizationId)!;
    expect(e.organization.siren).toBe(organization.siren);
    if (organization.legalStatusCode) {
      expect(e.organization.legalStatus).toMatchObject({ code: organization.legalStatusCode, display: expect.any(String) });
      expect(e.organization.legalStatus.system).toMatch(/TRE_R72-FinessStatutJuridique/);
    }
  });

  it('shows every contact to hub users, only open-access ones to the public directory', async () => {
    expect(contacts.map((c) => c.confidentialityCode).sort()).toEqual(['1', '2', '3']);
    const query = /* GraphQL */ `query ($id: ID!) { unit(id: $id) { contacts { value confidentiality { code display } nature { display } } } }`;
    const user = await rawGql<{ unit: { contacts: Array<{ value: string; confidentiality: { code: string } }> } }>(url(), query, { id: unit.id }, await as(asUser(url(), 'admin.ars')));
    expect(user.errors).toBeUndefined();
    expect(user.data!.unit.contacts.map((c) => c.value)).toEqual(contacts.map((c) => c.value));
    for (const c of user.data!.unit.contacts) expect(c.confidentiality.code).toMatch(/^[123]$/);
    const open = await rawGql<typeof user.data>(url(), query, { id: unit.id }, await as(asApp(url(), 'sante-fr-directory')));
    expect(open.errors).toBeUndefined();
    expect(open.data!.unit.contacts.map((c) => c.value)).toEqual(contacts.filter((c) => c.confidentialityCode === '1').map((c) => c.value));
  });

  it('lists the code systems with their canonical URLs, and one by NOS name or URL', async () => {
    const res = await rawGql<{ codeSystems: Array<{ url: string; name: string; version: string }>; byName: { url: string; codes: Array<{ code: string }> }; byUrl: { name: string } }>(
      url(),
      /* GraphQL */ `{ codeSystems { url name version } byName: codeSystem(id: "TRE_R212-Equipement") { url codes { code } } byUrl: codeSystem(id: "${R210}") { name } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.codeSystems.map((c) => c.name).sort()).toEqual(Object.values(TERMINOLOGY).map((t) => t.name).sort());
    for (const s of res.data!.codeSystems) expect(s.url).toBe(`https://mos.esante.gouv.fr/NOS/${s.name}/FHIR/${s.name.replace('_', '-')}`);
    expect(res.data!.byName.url).toBe(R212);
    const codes = res.data!.byName.codes.map((c) => c.code);
    expect(codes).toContain('231');
    expect(codes).not.toContain('001'); // deprecated in 2018
    expect(res.data!.byUrl.name).toBe('TRE_R210-ActeSpecifique');
  });

  it('filters units by specific act, equipment and pôle: exactly the units the builder gives them', async () => {
    const headers = await as(asApp(url(), 'national-aggregator'));
    const visible = region.units; // national-aggregator (access profile 1) sees sensitive units too
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ specificActCodes: ['0001'] }, visible.filter((u) => u.specificActCodes.includes('0001')).map((u) => u.id)],
      [{ equipmentCodes: ['231', '097'] }, visible.filter((u) => u.equipmentCodes.some((c) => c === '231' || c === '097')).map((u) => u.id)],
      [{ poleId: unit.poleId }, visible.filter((u) => u.poleId === unit.poleId).map((u) => u.id)],
    ];
    for (const [filter, expected] of cases) {
      expect(expected.length).toBeGreaterThan(0);
      const res = await rawGql<{ units: { edges: Array<{ node: { id: string } }>; totalCount: number } }>(url(), UNIT_IDS, { filter }, headers);
      expect(res.errors).toBeUndefined();
      expect(res.data!.units.edges.map((e) => e.node.id)).toEqual([...expected].sort());
      expect(res.data!.units.totalCount).toBe(expected.length);
    }
  });
});
