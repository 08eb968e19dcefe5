/**
 * The offer-of-care criteria HealthcareService defines (activity field, operational activity,
 * care mode and acts, patients' age range) and Location also takes: in this hub a unit is both
 * its HealthcareService and its Location (same id), so "a place offering geriatrics for an
 * 82-year-old" is one search on either type (issue 13). One definition, one criteria builder.
 */
import { CODE_SYSTEMS } from '../codes.js';
import { TOKEN_MODIFIERS, base, ror, type SearchParamDefinition } from './definitions.js';
import type { Clause } from './parse.js';
import type { UnitCriteriaBuilder } from './units.js';
import { quantityTest } from './values.js';

const UCUM = ['http://unitsofmeasure.org', CODE_SYSTEMS.ucumUniteMesure];
const AGE_PREFIXES = ['eq', 'ne', 'gt', 'lt', 'ge', 'le'] as const;

/** HealthcareService's own definitions (R4 base or IG). */
export const OFFER_PARAMS: readonly SearchParamDefinition[] = [
  { code: 'service-type', type: 'token', description: 'Field of activity (TRE_R227) in HealthcareService.type.', definition: base('HealthcareService-service-type'), modifiers: TOKEN_MODIFIERS },
  { code: 'specialty', type: 'token', description: 'Operational activity (TRE_R211).', definition: base('HealthcareService-specialty'), modifiers: TOKEN_MODIFIERS },
  { code: 'characteristic', type: 'token', description: 'Care mode (TRE_R213), specific act (TRE_R210), maternity type (TRE_R253) or annual opening (TRE_R238).', definition: base('HealthcareService-characteristic'), modifiers: TOKEN_MODIFIERS },
  { code: 'age-range-low', type: 'quantity', description: 'Lower bound of the patients\' age range, in years (UCUM a).', definition: ror('ror-sp-healthcareservice-age-range-low'), prefixes: AGE_PREFIXES },
  { code: 'age-range-high', type: 'quantity', description: 'Upper bound of the patients\' age range, in years (UCUM a).', definition: ror('ror-sp-healthcareservice-age-range-high'), prefixes: AGE_PREFIXES },
];

/**
 * The same parameters on Location. The IG's Location defines none of them (its CapabilityStatement
 * offers `_has` for criteria on the HealthcareService pointing at it): the canonical stays
 * HealthcareService's, and the description says they apply to the unit's HealthcareService.
 */
export const LOCATION_OFFER_PARAMS: readonly SearchParamDefinition[] = OFFER_PARAMS.map((p) => ({
  ...p,
  description: `${p.description.replace(/ in HealthcareService\.type\.$/, '.')} Hub extension: the criterion of HealthcareService/{same id} (the IG's Location has no such parameter).`,
}));


/** Adds an offer clause to the unit criteria; false when the clause is not one of OFFER_PARAMS. */
export function offerClause(builder: UnitCriteriaBuilder, clause: Clause): boolean {
  switch (clause.code) {
    case 'service-type':
      builder.token(clause, [{ system: CODE_SYSTEMS.champActivite, field: 'ACTIVITY_FIELD' }]);
      return true;
    case 'specialty':
      builder.token(clause, [{ system: CODE_SYSTEMS.activiteOperationnelle, field: 'OPERATIONAL_ACTIVITY' }]);
      return true;
    case 'characteristic':
      builder.token(clause, [
        { system: CODE_SYSTEMS.modePriseEnCharge, field: 'CARE_MODE' },
        { system: CODE_SYSTEMS.acteSpecifique, field: 'SPECIFIC_ACT' },
        { system: CODE_SYSTEMS.typeMaternite, field: 'MATERNITY_TYPE' },
        { system: CODE_SYSTEMS.ouvertureAnnuelle, field: 'ANNUAL_OPENING' },
      ]);
      return true;
    case 'age-range-low':
    case 'age-range-high': {
      const field = clause.code === 'age-range-low' ? 'PATIENT_AGE_MIN' : 'PATIENT_AGE_MAX';
      builder.numbers.push({ anyOf: clause.values.map((v) => ({ field, ...quantityTest(v, 'a', UCUM) })) });
      return true;
    }
    default:
      return false;
  }
}
