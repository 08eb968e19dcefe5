/**
 * The offer's description beyond its activity (issue 17), where the demo's FINESS and SAE copies
 * support it: every value here follows from what the unit already is (its SAE bordereau, its
 * activity, its hours). Nothing is invented where no source says it: no maternity type (the
 * copies hold no perinatal level), no closure and no entry form (docs/offer-records.md).
 */
import type { DemoUnit } from './types.js';
import { USIP_NAME } from './unit-specs.js';

/** TRE_R244 of a psychiatry unit: the demo's psychiatry units are full-time beds (SAE PSY CAP_HTP). */
function categoryOf(unit: DemoUnit): string | null {
  if (unit.activityFieldCode !== '03') return null;
  return unit.name === USIP_NAME ? '15' : '16'; // USIP; Unité d'hospitalisation (hors HDJ)
}

/** TRE_R238 from the opening hours: every day → 03 (365 days); weekdays only, all year → 04 (from 210 days). */
function annualOpeningOf(unit: DemoUnit): string | null {
  const days = new Set(unit.openingHours.flatMap((s) => s.days));
  if (days.size === 7) return '03';
  if (days.size === 5 && !days.has('sat') && !days.has('sun')) return '04';
  return null;
}

/** TRE_R239 where the activity defines the patients: addictology (R211 003, 240) → 04; long-term care (USLD) → 01. */
function patientTypesOf(unit: DemoUnit): string[] {
  if (unit.operationalActivityCodes.some((c) => c === '003' || c === '240')) return ['04'];
  if (unit.discipline === 'LONG_STAY') return ['01'];
  return [];
}

/** Home hospitalisation (HAD) teams go to patients' homes: their zone is their establishment's département (TRE_R201 2). */
function interventionZonesOf(unit: DemoUnit, department: string): string[] {
  return unit.discipline === 'HAD' ? [`2:${department}`] : [];
}

export function describeOffers(units: readonly DemoUnit[], departmentOf: (establishmentId: string) => string): void {
  for (const unit of units) {
    unit.categoryCode = categoryOf(unit);
    unit.annualOpeningCode = annualOpeningOf(unit);
    unit.patientTypeCodes = patientTypesOf(unit);
    unit.interventionZones = interventionZonesOf(unit, departmentOf(unit.establishmentId));
  }
}
