/**
 * Population indicators through the gateway (docs/population-indicators.md), on every database
 * kind: the demo region's region and département rows and one establishment's unit-by-unit
 * explanation, against figures computed here, deliberately simply, from buildDemoRegion() and the
 * terminology files; and who may read what.
 */
import { describe, it, expect, inject } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { endToEndKinds } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';
import { buildDemoRegion } from '../scripts/demo/region.js';

const hubs = inject('hubs');
const region = buildDemoRegion();

// --- An independent, simple computation of the expected figures --------------------------------

/** Valid codes per NOS name (e.g. TRE_R227): present in the terminology file, not past their end. */
const today = new Date().toISOString().slice(0, 10);
const systemsDir = new URL('../platform/terminology/systems/', import.meta.url);
const valid = new Map<string, Set<string>>();
for (const file of readdirSync(systemsDir)) {
  const system = JSON.parse(readFileSync(new URL(file, systemsDir), 'utf8')) as { codes: Array<{ code: string; deprecatedOn?: string }> };
  valid.set(file.split('-')[0]!, new Set(system.codes.filter((c) => !c.deprecatedOn || c.deprecatedOn > today).map((c) => c.code)));
}
const isValid = (nos: string, code: string | null | undefined) => !!code && valid.get(nos)!.has(code);
const present = (s: string | null | undefined) => !!s && s.trim() !== '';

/** The demo builder's contacts and own addresses when it has them (written against its types generically). */
interface Contact { unitId: string; natureCode: string; channelCode: string; value: string; confidentialityCode: string }
type Address = { addressLine?: string | null; postalCode?: string | null; city?: string | null };
const contacts = ((region as { contacts?: Contact[] }).contacts ?? []);
const establishmentById = new Map(region.establishments.map((e) => [e.id, e]));
const activeUnits = region.units.filter((u) => !(u as { archived?: boolean }).archived);

function failedCriteria(u: (typeof region.units)[number]): string[] {
  const own = u as Address;
  const address: Address = present(own.addressLine) || present(own.postalCode) || present(own.city) ? own : establishmentById.get(u.establishmentId)!;
  const mine = contacts.filter((c) => c.unitId === u.id);
  const checks: Array<[string, boolean]> = [
    ['ACTIVITY_FIELD', isValid('TRE_R227', u.activityFieldCode)],
    ['CARE_MODE', isValid('TRE_R213', u.careModeCode)],
    ['PATIENT_TYPE', u.patientAgeMin !== null && u.patientAgeMax !== null],
    ['OPERATIONAL_ACTIVITY', u.operationalActivityCodes.some((c) => isValid('TRE_R211', c))],
    ['ADDRESS', present(address.addressLine) && present(address.postalCode) && present(address.city)],
    [
      'CONTACT',
      mine.some((c) => isValid('TRE_R287', c.natureCode) && isValid('TRE_R200', c.channelCode) && present(c.value) && isValid('TRE_R283', c.confidentialityCode)),
    ],
  ];
  return checks.filter(([, ok]) => !ok).map(([criterion]) => criterion);
}
const statusOf = (failed: string[]) => (failed.length === 0 ? 'FINALISED' : failed.length < 6 ? 'IN_PROGRESS' : 'TO_DO');

/** Sectors, simply: 01/02/03 units, else the demo's FINESS categories. */
const CATEGORY_SECTOR: Record<string, string> = {
  '101': 'MCO', '355': 'MCO', '106': 'MCO', '362': 'MCO', '365': 'MCO', '127': 'MCO', '128': 'MCO', '129': 'MCO', '697': 'MCO',
  '292': 'PSY', '161': 'PSY', '425': 'PSY', '109': 'SSR',
};
const FIELD_SECTOR: Record<string, string> = { '01': 'MCO', '02': 'SSR', '03': 'PSY' };

const expectedEstablishments = region.establishments.map((e) => {
  const units = activeUnits.filter((u) => u.establishmentId === e.id);
  const statuses = units.map((u) => statusOf(failedCriteria(u)));
  let sectors = [...new Set(units.map((u) => FIELD_SECTOR[u.activityFieldCode]).filter((s): s is string => !!s))];
  if (sectors.length === 0 && CATEGORY_SECTOR[e.categoryCode]) sectors = [CATEGORY_SECTOR[e.categoryCode]!];
  return { e, sectors, populated: units.length > 0, quality: units.length > 0 && statuses.every((s) => s === 'FINALISED') };
});

function band(quality: number, total: number): string {
  if (total === 0) return 'NO_DATA';
  const rate = (quality / total) * 100;
  if (rate > 75) return 'ABOVE_75';
  if (rate > 50) return 'FROM_51_TO_75';
  if (rate > 25) return 'FROM_26_TO_50';
  return rate > 0 ? 'FROM_1_TO_25' : 'NONE';
}

function expectedRow(level: string, areaCode: string, sector: string | null, inArea: (e: (typeof region.establishments)[number]) => boolean) {
  const members = expectedEstablishments.filter((x) => inArea(x.e) && (sector === null ? x.sectors.length > 0 : x.sectors.includes(sector)));
  const populated = members.filter((m) => m.populated).length;
  const quality = members.filter((m) => m.quality).length;
  return { level, areaCode, sector, establishments: members.length, populated, quality, band: band(quality, members.length) };
}

const SECTORS = [null, 'MCO', 'PSY', 'SSR', 'PA', 'PH'];

// --- Through the gateway -----------------------------------------------------------------------

interface Row {
  level: string;
  areaCode: string;
  areaName: string | null;
  sector: string | null;
  establishments: number;
  populated: number;
  populatedRate: number;
  quality: number;
  qualityRate: number;
  band: string;
}
const INDICATORS = /* GraphQL */ `
  query ($level: PopulationLevel!, $sector: Sector, $regionCode: String, $departmentCode: String) {
    populationIndicators(level: $level, sector: $sector, regionCode: $regionCode, departmentCode: $departmentCode) {
      level areaCode areaName sector establishments populated populatedRate quality qualityRate band
    }
  }
`;
const EXPLAIN = /* GraphQL */ `
  query ($id: ID!) {
    establishmentPopulation(id: $id) {
      establishment { id } sectors status populated quality
      units { unit { id } status failures { criterion reason } }
    }
  }
`;

function comparable(rows: Row[]) {
  for (const r of rows) {
    expect(r.populatedRate).toBeCloseTo(r.establishments ? (r.populated * 100) / r.establishments : 0, 6);
    expect(r.qualityRate).toBeCloseTo(r.establishments ? (r.quality * 100) / r.establishments : 0, 6);
  }
  return rows.map(({ level, areaCode, sector, establishments, populated, quality, band }) => ({ level, areaCode, sector, establishments, populated, quality, band }));
}

describe.each(endToEndKinds('pglite'))('population indicators on %s', (kind) => {
  const url = () => hubs[kind]!.graphql;
  const asAdmin = async () => ({ authorization: await asUser(url(), 'admin.ars') });

  it('gives the region row per sector as computed from the demo region', async () => {
    const res = await gql<{ populationIndicators: Row[] }>(url(), INDICATORS, { level: 'REGION', regionCode: '24' }, await asAdmin());
    expect(res.errors).toBeUndefined();
    const rows = res.data!.populationIndicators;
    expect(comparable(rows)).toEqual(SECTORS.map((s) => expectedRow('REGION', '24', s, (e) => e.regionCode === '24')));
    expect(rows[0]!.areaName).toBe('Centre-Val de Loire');
    // The demo region is mostly, not entirely, complete: the quality rate is neither 0 nor 100.
    expect(rows[0]!.establishments).toBeGreaterThan(100);
  });

  it('gives the département rows, for an application with offer.read too', async () => {
    const headers = { authorization: await asApp(url(), 'sante-fr-directory') };
    const res = await gql<{ populationIndicators: Row[] }>(url(), INDICATORS, { level: 'DEPARTMENT', regionCode: '24' }, headers);
    expect(res.errors).toBeUndefined();
    const departments = [...new Set(region.establishments.map((e) => e.departmentCode))].sort();
    expect(departments).toHaveLength(6);
    const expected = departments.flatMap((d) => SECTORS.map((s) => expectedRow('DEPARTMENT', d, s, (e) => e.departmentCode === d)));
    expect(comparable(res.data!.populationIndicators)).toEqual(expected);
    // Named from the administrative division, not left to the client.
    const names = new Map(res.data!.populationIndicators.map((r) => [r.areaCode, r.areaName]));
    expect(Object.fromEntries(names)).toEqual({ '18': 'Cher', '28': 'Eure-et-Loir', '36': 'Indre', '37': 'Indre-et-Loire', '41': 'Loir-et-Cher', '45': 'Loiret' });
  });

  it('gives one sector only when asked, and NO_DATA for an area without establishments', async () => {
    const psy = await gql<{ populationIndicators: Row[] }>(url(), INDICATORS, { level: 'DEPARTMENT', sector: 'PSY', departmentCode: '37' }, await asAdmin());
    expect(comparable(psy.data!.populationIndicators)).toEqual([expectedRow('DEPARTMENT', '37', 'PSY', (e) => e.departmentCode === '37')]);
    const none = await gql<{ populationIndicators: Row[] }>(url(), INDICATORS, { level: 'REGION', sector: 'MCO', regionCode: '11' }, await asAdmin());
    expect(none.data!.populationIndicators).toEqual([
      { level: 'REGION', areaCode: '11', areaName: 'Île-de-France', sector: 'MCO', establishments: 0, populated: 0, populatedRate: 0, quality: 0, qualityRate: 0, band: 'NO_DATA' },
    ]);
  });

  it("explains one establishment unit by unit, as computed from the demo region", async () => {
    const byEstablishment = (id: string) => activeUnits.filter((u) => u.establishmentId === id);
    const statuses = (id: string) => byEstablishment(id).map((u) => statusOf(failedCriteria(u)));
    const chosen =
      region.establishments.find((e) => statuses(e.id).length >= 3 && statuses(e.id).includes('FINALISED') && statuses(e.id).some((s) => s !== 'FINALISED')) ??
      region.establishments.find((e) => statuses(e.id).length >= 2)!;
    const res = await gql<{ establishmentPopulation: { establishment: { id: string }; sectors: string[]; status: string; populated: boolean; quality: boolean; units: Array<{ unit: { id: string }; status: string; failures: Array<{ criterion: string; reason: string }> }> } }>(
      url(), EXPLAIN, { id: chosen.id }, await asAdmin(),
    );
    expect(res.errors).toBeUndefined();
    const got = res.data!.establishmentPopulation;
    const units = byEstablishment(chosen.id).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(got.units.map((u) => ({ id: u.unit.id, status: u.status, failed: u.failures.map((f) => f.criterion) }))).toEqual(
      units.map((u) => ({ id: u.id, status: statusOf(failedCriteria(u)), failed: failedCriteria(u) })),
    );
    for (const u of got.units) for (const f of u.failures) expect(f.reason.length).toBeGreaterThan(5);
    const expected = expectedEstablishments.find((x) => x.e.id === chosen.id)!;
    expect({ id: got.establishment.id, sectors: got.sectors, populated: got.populated, quality: got.quality }).toEqual({
      id: chosen.id,
      sectors: [...expected.sectors].sort((a, b) => SECTORS.indexOf(a) - SECTORS.indexOf(b)),
      populated: expected.populated,
      quality: expected.quality,
    });
  });

  it('refuses anonymous callers, and unit details to applications', async () => {
    const anonymous = await gql(url(), INDICATORS, { level: 'REGION' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const anonymousDetails = await gql(url(), EXPLAIN, { id: region.establishments[0]!.id });
    expect(anonymousDetails.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const app = await gql(url(), EXPLAIN, { id: region.establishments[0]!.id }, { authorization: await asApp(url(), 'national-aggregator') });
    expect(app.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a département code on region rows', async () => {
    const res = await gql(url(), INDICATORS, { level: 'REGION', departmentCode: '45' }, await asAdmin());
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
