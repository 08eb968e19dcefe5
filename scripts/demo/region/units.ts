/**
 * Units: bed requests become ROR units of plausible size, with stable names and UF codes, and
 * one unit is marked sensitive.
 */
import type { BedRequest } from './bed-requests.js';
import { type Rng, rngFor } from './rng.js';
import type { DemoEstablishment, DemoUnit } from './types.js';
import { USIP_NAME, type UnitSpec, type UnitTemplate } from './unit-specs.js';

/**
 * Splits `total` beds into units of plausible size (minBeds..maxBeds), keeping the sum exact.
 * Sizes are made slightly uneven, because real units rarely have identical counts.
 */
function splitBeds(total: number, minBeds: number, maxBeds: number, rng: Rng): number[] {
  if (total <= maxBeds) return [total];
  const fewest = Math.ceil(total / maxBeds);
  const most = Math.max(fewest, Math.floor(total / minBeds));
  const target = minBeds + (maxBeds - minBeds) * (0.45 + 0.25 * rng.next());
  const n = Math.min(most, Math.max(fewest, Math.round(total / target)));
  const sizes = Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0));
  for (let i = 0; i + 1 < n; i++) {
    const shift = rng.int(0, 3);
    const a = sizes[i] ?? 0;
    const b = sizes[i + 1] ?? 0;
    if (a + shift <= maxBeds && b - shift >= minBeds) {
      sizes[i] = a + shift;
      sizes[i + 1] = b - shift;
    }
  }
  return sizes;
}

/** The k-th template of a split. Past the end of the list, names repeat with " 2", " 3", etc. */
function templateAt(spec: UnitSpec, k: number, unitCount: number): UnitTemplate {
  if (unitCount === 1) return spec.single;
  const template = spec.split[k % spec.split.length];
  if (!template) throw new Error(`no template for ${spec.discipline}`);
  const round = Math.floor(k / spec.split.length);
  return round === 0 ? template : { ...template, name: `${template.name} ${round + 1}` };
}

/** A 4-digit UF code: the pole digit, then 3 digits. It is unique within the establishment. */
function nextUfCode(prefix: number, used: Set<string>, rng: Rng): string {
  let n = rng.int(100, 989);
  for (let tries = 0; tries < 1000; tries++) {
    const code = `${prefix}${String(n).padStart(3, '0')}`;
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
    n = (n + 1) % 1000;
  }
  throw new Error(`UF codes exhausted for prefix ${prefix}`);
}

export interface PlannedUnit {
  unit: DemoUnit;
  beds: number;
}

export function buildEstablishmentUnits(est: DemoEstablishment, requests: readonly BedRequest[]): PlannedUnit[] {
  const rng = rngFor(`units:${est.id}`);
  const usedUf = new Set<string>();
  const planned: PlannedUnit[] = [];
  for (const { spec, beds } of requests) {
    const sizes = splitBeds(beds, spec.minBeds, spec.maxBeds, rng);
    sizes.forEach((size, k) => {
      const template = templateAt(spec, k, sizes.length);
      const ufCode = nextUfCode(spec.ufPrefix, usedUf, rng);
      planned.push({
        beds: size,
        unit: {
          id: `${est.id}-${ufCode}`,
          establishmentId: est.id,
          name: template.name,
          ufCode,
          kind: spec.kind,
          discipline: spec.discipline,
          activityFieldCode: spec.activityField,
          careModeCode: spec.careMode,
          operationalActivityCodes: [...template.activities],
          patientAgeMin: template.ageMin !== undefined ? template.ageMin : spec.ageMin,
          patientAgeMax: template.ageMax !== undefined ? template.ageMax : spec.ageMax,
          sensitive: false,
          // Filled by records.ts once every unit of the establishment is planned.
          poleId: null,
          sseCapacity: null,
          specificActCodes: [],
          equipmentCodes: [],
          psychiatricSectors: [],
          categoryCode: null,
          annualOpeningCode: null,
          patientTypeCodes: [],
          interventionZones: [],
          openingHours: [],
          visitingHours: [],
          accessDetails: null,
          populationGap: null,
        },
      });
    });
  }
  return planned;
}

/**
 * Psychiatric sectors of the psychiatry units (TRE_R227 03), a plausible assignment and no source
 * (sectors are set by ARS decrees the demo data does not carry): in each département, the
 * establishments with adult psychiatry units get sectors G01, G02… and those with units for
 * patients up to 18 sectors I01, I02…, in FINESS order; every such unit of an establishment
 * serves its establishment's sector. Codes in the RG_RECH_10 form (45G03).
 */
export function assignPsychiatricSectors(units: readonly DemoUnit[], departmentOf: (establishmentId: string) => string): void {
  const numbers = new Map<string, number>();
  const sectorOf = new Map<string, string>();
  const psychiatry = units.filter((u) => u.activityFieldCode === '03').sort((a, b) => a.establishmentId.localeCompare(b.establishmentId) || a.id.localeCompare(b.id));
  for (const unit of psychiatry) {
    const kind = unit.patientAgeMax !== null && unit.patientAgeMax <= 18 ? 'I' : 'G';
    const department = departmentOf(unit.establishmentId);
    const key = `${unit.establishmentId}:${kind}`;
    if (!sectorOf.has(key)) {
      const n = (numbers.get(`${department}${kind}`) ?? 0) + 1;
      numbers.set(`${department}${kind}`, n);
      sectorOf.set(key, `${department}${kind}${String(n).padStart(2, '0')}`);
    }
    unit.psychiatricSectors = [sectorOf.get(key)!];
  }
}

/**
 * Marks one unit as sensitive ("unité sensible": hidden from access profiles 0, 2 and 3), so the
 * demo exercises that rule. It is the first intensive psychiatric care unit in FINESS order.
 */
export function markSensitiveUnit(units: DemoUnit[]): void {
  const usip = units.find((u) => u.discipline === 'PSYCHIATRY' && u.name === USIP_NAME);
  if (usip) usip.sensitive = true;
}
