/**
 * Bed requests: the SAE bed counts of each establishment, the category fallback for sites absent
 * from SAE, and the relocation of USLD beds to the long-stay sites of the same EJ.
 */
import { REGION_CODE, SAE_FILE } from './constants.js';
import { col, count, type CsvRow, readCsv } from './csv.js';
import { rngFor } from './rng.js';
import type { DemoEstablishment } from './types.js';
import {
  ADULT_ICU,
  CONTINUOUS_CARE_ADULT,
  CONTINUOUS_CARE_CHILD,
  ED_SHORT_STAY_ADULT,
  ED_SHORT_STAY_CHILD,
  HAD,
  INTENSIVE_CARE_CARDIO,
  INTENSIVE_CARE_NEURO,
  INTENSIVE_CARE_OTHER,
  LONG_STAY,
  MEDICINE,
  OBSTETRICS,
  PAEDIATRIC_ICU,
  PAEDIATRICS,
  PSYCHIATRY_ADULT,
  PSYCHIATRY_CHILD,
  SMR,
  SURGERY,
  type UnitSpec,
} from './unit-specs.js';

/** One bed count to turn into units. */
export interface BedRequest {
  spec: UnitSpec;
  beds: number;
}

/**
 * Maps one SAE row to bed requests. The list is in a fixed order so that UF codes and names stay
 * stable. USLD beds are handled separately (see relocateLongStay), because SAE often reports them
 * on another site of the same EJ.
 */
export function bedRequests(sae: CsvRow | undefined, longStayBeds: number): BedRequest[] {
  const siTotal = count(sae, 'lit_sitot');
  const usic = Math.min(count(sae, 'lit_usic'), siTotal);
  const usinv = Math.min(count(sae, 'lit_siunv'), siTotal - usic);
  const requests: BedRequest[] = [
    { spec: MEDICINE, beds: count(sae, 'mco_lit_med') },
    { spec: SURGERY, beds: count(sae, 'mco_lit_chi') },
    { spec: OBSTETRICS, beds: count(sae, 'mco_lit_obs') },
    { spec: PAEDIATRICS, beds: count(sae, 'mco_lit_ped') },
    { spec: ADULT_ICU, beds: count(sae, 'lit_reaadu') },
    { spec: PAEDIATRIC_ICU, beds: count(sae, 'lit_reaenf') },
    { spec: INTENSIVE_CARE_CARDIO, beds: usic },
    { spec: INTENSIVE_CARE_NEURO, beds: usinv },
    { spec: INTENSIVE_CARE_OTHER, beds: siTotal - usic - usinv },
    { spec: CONTINUOUS_CARE_ADULT, beds: count(sae, 'lit_survadu') },
    { spec: CONTINUOUS_CARE_CHILD, beds: count(sae, 'lit_survenf') },
    { spec: ED_SHORT_STAY_ADULT, beds: count(sae, 'urg_gen_lit_uhcd') },
    { spec: ED_SHORT_STAY_CHILD, beds: count(sae, 'urg_ped_lit_uhcd') },
    { spec: SMR, beds: count(sae, 'smr_lits') },
    { spec: PSYCHIATRY_ADULT, beds: count(sae, 'psy_gen_lits_temps_plein') },
    { spec: PSYCHIATRY_CHILD, beds: count(sae, 'psy_inf_lits_temps_plein') },
    { spec: LONG_STAY, beds: longStayBeds },
    { spec: HAD, beds: count(sae, 'had_places') },
  ];
  return requests.filter((r) => r.beds > 0);
}

/**
 * Fallback sizes for sites with no SAE row whose category clearly implies a unit: an HAD (127)
 * or a USLD (362). They are modest and stable per FINESS number. The 2021 files never reach this
 * path, because every CVL HAD has an SAE row and every orphan USLD gets beds moved from its EJ.
 */
export function fallbackRequests(est: DemoEstablishment): BedRequest[] {
  const rng = rngFor(`fallback:${est.id}`);
  if (est.categoryCode === '127') return [{ spec: HAD, beds: rng.int(20, 40) }];
  if (est.categoryCode === '362') return [{ spec: LONG_STAY, beds: rng.int(30, 60) }];
  return [];
}

/**
 * SAE reports an EJ's USLD beds on one of its sanitary sites, while FINESS lists the USLD as its
 * own ET (category 362) with no SAE row. The ROR holds the long-stay unit on the USLD site, so
 * the beds move there (split evenly when an EJ has several such ETs). The regional total stays
 * the SAE one. Returns the USLD beds to use per establishment.
 */
export function relocateLongStay(
  establishments: readonly DemoEstablishment[],
  saeById: ReadonlyMap<string, CsvRow>,
): Map<string, number> {
  const beds = new Map<string, number>();
  for (const est of establishments) beds.set(est.id, count(saeById.get(est.id), 'usld_lits'));

  const byEj = new Map<string, DemoEstablishment[]>();
  for (const est of establishments) byEj.set(est.organizationId, [...(byEj.get(est.organizationId) ?? []), est]);

  for (const sites of byEj.values()) {
    const orphans = sites.filter((e) => e.categoryCode === '362' && !saeById.has(e.id));
    const donors = sites.filter((e) => e.categoryCode !== '362' && (beds.get(e.id) ?? 0) > 0);
    if (orphans.length === 0 || donors.length === 0) continue;
    const total = donors.reduce((sum, d) => sum + (beds.get(d.id) ?? 0), 0);
    for (const d of donors) beds.set(d.id, 0);
    orphans.forEach((o, i) => {
      const share = Math.floor(total / orphans.length) + (i < total % orphans.length ? 1 : 0);
      beds.set(o.id, share);
    });
  }
  return beds;
}

export function readSae(): Map<string, CsvRow> {
  const rows = readCsv(SAE_FILE).filter((row) => col(row, 'code_region') === REGION_CODE);
  return new Map(rows.map((row) => [col(row, 'nofinesset'), row]));
}
