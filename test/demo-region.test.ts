/**
 * The demo region builder (scripts/demo/region.ts). The checks: it is deterministic, it stays
 * inside Centre-Val de Loire, its references hold together, its capacities are sane, its bed
 * totals match the copied SAE 2021 file, and every code it emits has a label.
 *
 * The expected figures are read from the same copied files the builder reads. They are never
 * read from ../shared.
 */
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { buildDemoRegion, CODE_LABELS, CODE_SYSTEMS, type DemoRegion, type Discipline } from '../scripts/demo/region.js';
import { isExerciseModeCode, isSpecialtyCode } from '../subgraphs/professionals/codes.js';

const DATA = new URL('../scripts/demo/data/', import.meta.url);
const CVL_DEPARTMENTS = ['18', '28', '36', '37', '41', '45'];

/**
 * A deliberately naive reader for the copied files. No field of finess-cvl.csv or
 * sae2021-cvl.csv contains ';' (the cut script checks the field count). A plain split is
 * therefore enough to count rows and add up columns, and it stays independent of the
 * builder's parser.
 */
function readRows(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(new URL(file, DATA), 'utf8').split('\n').filter((l) => l !== '');
  const names = (header ?? '').split(';');
  return lines.map((line) => {
    const values = line.split(';');
    return Object.fromEntries(names.map((name, i) => [name, values[i] ?? '']));
  });
}

const finessRows = readRows('finess-cvl.csv');
const saeRows = readRows('sae2021-cvl.csv');

function saeSum(...columns: string[]): number {
  return saeRows
    .filter((r) => r['code_region'] === '24')
    .reduce((sum, r) => sum + columns.reduce((s, c) => s + (Number.parseInt(r[c] ?? '', 10) || 0), 0), 0);
}

function installedBeds(region: DemoRegion, discipline: Discipline): number {
  const unitIds = new Set(region.units.filter((u) => u.discipline === discipline).map((u) => u.id));
  return region.capacities.filter((c) => unitIds.has(c.unitId)).reduce((sum, c) => sum + c.installedBeds, 0);
}

const region = buildDemoRegion();

describe('demo region builder', () => {
  it('is deterministic: two builds are deep-equal', () => {
    const again = buildDemoRegion();
    expect(again).toEqual(region);
    // toEqual treats undefined and missing keys alike. JSON also pins key presence and Date values.
    expect(JSON.stringify(again)).toBe(JSON.stringify(region));
  });

  it('keeps every establishment inside Centre-Val de Loire', () => {
    for (const est of region.establishments) {
      expect(CVL_DEPARTMENTS).toContain(est.departmentCode);
      expect(est.regionCode).toBe('24');
      expect(est.regionName).toBe('Centre-Val de Loire');
      expect(est.id.slice(0, 2)).toBe(est.departmentCode);
    }
    expect(new Set(region.establishments.map((e) => e.departmentCode))).toEqual(new Set(CVL_DEPARTMENTS));
  });

  it('has one establishment per CVL row of the copied FINESS file', () => {
    const cvlRows = finessRows.filter((r) => r['code_region'] === '24');
    expect(cvlRows).toHaveLength(188);
    expect(region.establishments).toHaveLength(cvlRows.length);
    expect(new Set(region.establishments.map((e) => e.id))).toEqual(new Set(cvlRows.map((r) => r['nofinesset'])));
  });

  it('has one organization per EJ, and every establishment belongs to one', () => {
    const orgIds = region.organizations.map((o) => o.id);
    expect(new Set(orgIds).size).toBe(orgIds.length);
    expect(new Set(orgIds)).toEqual(new Set(region.establishments.map((e) => e.organizationId)));
    for (const org of region.organizations) expect(org.name).not.toBe('');
  });

  it('gives units unique, FHIR-safe ids and UF codes unique per establishment', () => {
    const ids = region.units.map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    const establishmentIds = new Set(region.establishments.map((e) => e.id));
    const ufByEstablishment = new Map<string, Set<string>>();
    for (const unit of region.units) {
      expect(unit.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
      expect(unit.ufCode).toMatch(/^\d{4}$/);
      expect(unit.id).toBe(`${unit.establishmentId}-${unit.ufCode}`);
      expect(establishmentIds.has(unit.establishmentId)).toBe(true);
      const used = ufByEstablishment.get(unit.establishmentId) ?? new Set<string>();
      expect(used.has(unit.ufCode)).toBe(false);
      used.add(unit.ufCode);
      ufByEstablishment.set(unit.establishmentId, used);
      expect(unit.operationalActivityCodes.length).toBeGreaterThan(0);
    }
  });

  it('follows the ROR unit rules: USLD is type MCO, child units end by 17, few sensitive units', () => {
    for (const unit of region.units.filter((u) => u.discipline === 'LONG_STAY')) expect(unit.kind).toBe('MCO');
    for (const unit of region.units.filter((u) => u.discipline === 'ED_SHORT_STAY')) expect(unit.careModeCode).toBe('13');
    for (const unit of region.units.filter((u) => u.discipline === 'HAD')) expect(unit.careModeCode).toBe('31');
    for (const unit of region.units.filter((u) => ['PAEDIATRICS', 'PAEDIATRIC_ICU'].includes(u.discipline))) {
      expect(unit.patientAgeMin).toBeGreaterThanOrEqual(0);
      expect(unit.patientAgeMax).not.toBeNull();
      expect(unit.patientAgeMax).toBeLessThanOrEqual(17);
    }
    const childPsychiatry = region.units.filter((u) => u.discipline === 'PSYCHIATRY' && u.operationalActivityCodes.includes('227'));
    expect(childPsychiatry.length).toBeGreaterThan(0);
    for (const unit of childPsychiatry) expect(unit.patientAgeMax).toBeLessThanOrEqual(17);
    const sensitive = region.units.filter((u) => u.sensitive);
    expect(sensitive.length).toBeLessThanOrEqual(3);
    for (const unit of sensitive) expect(unit.discipline).toBe('PSYCHIATRY');
  });

  it('has one capacity per unit with 0 <= available <= installed and installed > 0', () => {
    expect(region.capacities.map((c) => c.unitId)).toEqual(region.units.map((u) => u.id));
    const reference = Date.parse('2026-11-23T06:00:00Z');
    for (const capacity of region.capacities) {
      expect(Number.isInteger(capacity.installedBeds)).toBe(true);
      expect(Number.isInteger(capacity.availableBeds)).toBe(true);
      expect(capacity.installedBeds).toBeGreaterThan(0);
      expect(capacity.availableBeds).toBeGreaterThanOrEqual(0);
      expect(capacity.availableBeds).toBeLessThanOrEqual(capacity.installedBeds);
      expect(capacity.updatedAt.getTime()).toBeLessThanOrEqual(reference);
    }
  });

  it('matches the SAE 2021 regional bed totals of the copied file', () => {
    expect(saeSum('lit_reaadu')).toBe(195); // the CVL figure of the SAE README
    expect(installedBeds(region, 'ADULT_ICU')).toBe(saeSum('lit_reaadu'));
    expect(installedBeds(region, 'MEDICINE')).toBe(saeSum('mco_lit_med'));
    expect(installedBeds(region, 'SURGERY')).toBe(saeSum('mco_lit_chi'));
    expect(installedBeds(region, 'OBSTETRICS')).toBe(saeSum('mco_lit_obs'));
    expect(installedBeds(region, 'INTENSIVE_CARE')).toBe(saeSum('lit_sitot'));
    expect(installedBeds(region, 'CONTINUOUS_CARE')).toBe(saeSum('lit_survadu', 'lit_survenf'));
    expect(installedBeds(region, 'SMR')).toBe(saeSum('smr_lits'));
    expect(installedBeds(region, 'HAD')).toBe(saeSum('had_places'));
    expect(installedBeds(region, 'ED_SHORT_STAY')).toBe(saeSum('urg_gen_lit_uhcd', 'urg_ped_lit_uhcd'));
    // USLD beds move from the reporting site to the EJ's USLD establishment. The total is unchanged.
    expect(installedBeds(region, 'LONG_STAY')).toBe(saeSum('usld_lits'));
  });

  it('writes names in capitals, without accents for units and professionals', () => {
    const plainCapitals = /^[A-Z0-9 '"().\-/+&]+$/;
    for (const unit of region.units) expect(unit.name).toMatch(plainCapitals);
    for (const person of region.professionals) {
      expect(person.lastName).toMatch(/^[A-Z ]+$/);
      expect(person.firstName).toMatch(/^[A-Z ]+$/);
    }
    // Establishment names are FINESS values: capitals, but some keep their accents (e.g. HÔPITAL).
    for (const named of [...region.establishments, ...region.organizations]) {
      expect(named.name).toBe(named.name.toUpperCase());
      expect(named.name).not.toMatch(/\s{2}|^\s|\s$/);
    }
    expect(region.establishments.find((e) => e.id === '370005001')?.name).toBe('POUPONNIERE "BEAU SITE" CHR TOURS');
  });

  it('has a label for every code it emits', () => {
    const labelled = (system: keyof typeof CODE_SYSTEMS, code: string) =>
      expect(CODE_LABELS[system][code], `${system} ${code}`).toEqual(expect.any(String));
    for (const unit of region.units) {
      labelled('activityField', unit.activityFieldCode);
      labelled('careMode', unit.careModeCode);
      for (const code of unit.operationalActivityCodes) labelled('operationalActivity', code);
    }
    for (const person of region.professionals) if (person.professionCode) labelled('profession', person.professionCode);
    for (const est of region.establishments) labelled('finessCategory', est.categoryCode);
    for (const url of Object.values(CODE_SYSTEMS)) expect(url).toMatch(/^https:\/\/mos\.esante\.gouv\.fr\/NOS\/TRE_/);
  });

  it('labels FINESS categories as the copied category table does', () => {
    const table = new Map(readRows('categories.csv').map((r) => [r['categetab'], r['libcategetab']]));
    for (const [code, label] of Object.entries(CODE_LABELS.finessCategory)) expect(table.get(code)).toBe(label);
    for (const est of region.establishments) expect(est.categoryLabel).toBe(table.get(est.categoryCode));
  });

  it('gives every establishment with units its commune INSEE code (ror-commune-cog), from FINESS rows of the same commune when its own row has none', () => {
    const staffed = new Set(region.units.map((u) => u.establishmentId));
    const withUnits = region.establishments.filter((e) => staffed.has(e.id));
    expect(withUnits.filter((e) => !e.inseeCode).map((e) => `${e.id} ${e.city ?? ''}`)).toEqual([]);
    // USLD DU CH VIERZON has no code in FINESS; CH de Vierzon, same commune, gives 18279.
    expect(region.establishments.find((e) => e.id === '180004640')?.inseeCode).toBe('18279');
    for (const e of region.establishments) if (e.inseeCode) expect(e.inseeCode).toMatch(/^\d[0-9AB]\d{3}$/);
  });

  it('has a few professionals, consistent with the units they work in', () => {
    const unitById = new Map(region.units.map((u) => [u.id, u]));
    const establishmentIds = new Set(region.establishments.map((e) => e.id));
    expect(region.professionals.length).toBeGreaterThanOrEqual(300);
    expect(region.professionals.length).toBeLessThanOrEqual(600);
    expect(new Set(region.professionals.map((p) => p.id)).size).toBe(region.professionals.length);
    const rpps = region.professionals.flatMap((p) => (p.rppsNumber ? [p.rppsNumber] : []));
    expect(new Set(rpps).size).toBe(rpps.length);
    for (const person of region.professionals) {
      expect(person.id).toMatch(/^P\d{6}$/);
      expect(['10', '60']).toContain(person.professionCode);
      // Doctors and nurses alike are in the RPPS: each has the idNat_PS ror-practitioner needs.
      expect(person.rppsNumber).toMatch(/^10\d{9}$/);
      for (const id of person.establishmentIds) expect(establishmentIds.has(id)).toBe(true);
      for (const id of person.unitIds) expect(person.establishmentIds).toContain(unitById.get(id)?.establishmentId);
      // What ror-practitionerrole requires of each situation: a savoir-faire (an ordinal specialty of
      // the person's profession, from the TRE_R38 file the subgraph checks) and an exercise mode.
      expect(isSpecialtyCode(person.specialtyCode ?? ''), `${person.id} ${person.specialtyCode ?? ''}`).toBe(true);
      expect(person.specialtyCode).toMatch(person.professionCode === '10' ? /^SM\d{2}$/ : /^SI\d{2}$/);
      expect(Object.keys(person.exerciseModeCodes).sort()).toEqual([...person.unitIds].sort());
      expect(Object.values(person.exerciseModeCodes).every(isExerciseModeCode)).toBe(true);
    }
    expect(region.professionals.some((p) => p.establishmentIds.length === 2)).toBe(true);
  });

  it('has a handful of tension declarations on known establishments', () => {
    const establishmentIds = new Set(region.establishments.map((e) => e.id));
    expect(region.tensions.length).toBeGreaterThanOrEqual(3);
    expect(region.tensions.length).toBeLessThanOrEqual(8);
    for (const tension of region.tensions) {
      expect(tension.id).toMatch(/^T\d{4}$/);
      expect(establishmentIds.has(tension.establishmentId)).toBe(true);
      if (tension.status === 'IN_PROGRESS') expect(tension.endedAt).toBeNull();
      else expect(tension.endedAt?.getTime()).toBeGreaterThan(tension.startedAt.getTime());
    }
    expect(region.tensions.filter((t) => t.status === 'IN_PROGRESS').length).toBeGreaterThanOrEqual(2);
    // The real March 2020 declaration of CHRU Tours, Trousseau site (17/03/2020 13:58, Paris time).
    expect(region.tensions.find((t) => t.establishmentId === '370004467')?.startedAt.toISOString()).toBe('2020-03-17T12:58:00.000Z');
  });
});
