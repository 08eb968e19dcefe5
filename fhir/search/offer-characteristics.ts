/**
 * The IG's HealthcareService parameters on the offer's description (issue 17): `service-category`
 * (TRE_R244), `patient-type` (TRE_R239), `intervention-zone` (ror-territorial-division) and
 * `notavailable-closing-reopeningdate` (the closure period). Each is a criterion of the offer's
 * `unitSearch` on an indexed column, so they also work in `_filter` and in Location's
 * `_has:HealthcareService:location:`.
 */
import { CODE_SYSTEMS } from '../codes.js';
import { ZONE_CODE_SYSTEMS } from '../mappers/offer-characteristics.js';
import { OperationOutcomeError, badRequest } from '../outcomes.js';
import { PERIOD_PREFIXES, TOKEN_MODIFIERS, base, ror, type SearchParamDefinition } from './definitions.js';
import type { Clause } from './parse.js';
import type { UnitCriteriaBuilder } from './units.js';
import { parseToken, periodTest } from './values.js';

export const OFFER_DESCRIPTION_PARAMS: readonly SearchParamDefinition[] = [
  { code: 'service-category', type: 'token', description: 'Type of offer (TRE_R244 CategorieOrganisation) in HealthcareService.category.', definition: base('HealthcareService-service-category'), modifiers: TOKEN_MODIFIERS },
  { code: 'patient-type', type: 'token', description: 'Patients taken care of (TRE_R239 PublicPrisEnCharge), the supportedPatientInfo of ror-healthcareservice-patient-type.', definition: ror('ror-sp-healthcareservice-patient-type'), modifiers: TOKEN_MODIFIERS },
  {
    code: 'intervention-zone',
    type: 'token',
    description: 'Intervention zone (ror-territorial-division): a région (TRE_R30-RegionOM), département (TRE_G09-DepartementOM) or commune (TRE_R13-CommuneOM) code; without a system, any of the three. Zones are matched as recorded: a commune does not match its département\'s zone.',
    definition: ror('ror-sp-healthcareservice-intervention-zone'),
    modifiers: TOKEN_MODIFIERS,
  },
  {
    code: 'notavailable-closing-reopeningdate',
    type: 'date',
    description: 'The closure period notAvailable[closingReopeningDate].during (closing day to forecast reopening day, whole days UTC; open-ended without a reopening day), with FHIR\'s period semantics: eq the period lies within the value, ge/gt it ends at or after it, le/lt it starts at or before it, sa/eb it starts after/ends before it, ap it overlaps it. "Closed on D": le D and ge D. Offers without a closure never match.',
    definition: ror('ror-sp-healthcareservice-notavailable-closing-reopeningdate'),
    prefixes: PERIOD_PREFIXES,
  },
];

/** An intervention-zone token as the stored `<TRE_R201 type>:<code>` forms it may match. */
function zoneCodes(clause: Clause): string[] {
  const types = Object.entries(ZONE_CODE_SYSTEMS);
  return clause.values.flatMap(({ value }) => {
    const token = parseToken(value);
    if (token.code === undefined) throw new OperationOutcomeError(badRequest(`intervention-zone: "${value}" needs a code (a région, département or commune code)`));
    const code = token.code.toUpperCase();
    if (token.system === undefined) return types.map(([type]) => `${type}:${code}`);
    return types.filter(([, system]) => system === token.system).map(([type]) => `${type}:${code}`);
  });
}

/** Adds a clause on one of OFFER_DESCRIPTION_PARAMS; false for any other parameter. */
export function offerDescriptionClause(builder: UnitCriteriaBuilder, clause: Clause): boolean {
  switch (clause.code) {
    case 'service-category':
      builder.token(clause, [{ system: CODE_SYSTEMS.categorieOrganisation, field: 'CATEGORY' }]);
      return true;
    case 'patient-type':
      builder.token(clause, [{ system: CODE_SYSTEMS.publicPrisEnCharge, field: 'PATIENT_TYPE' }]);
      return true;
    case 'intervention-zone': {
      const codes = zoneCodes(clause);
      const not = clause.modifier === 'not';
      if (codes.length === 0) builder.empty ||= !not; // only systems the zones never use
      else builder.codes.push({ anyOf: codes.map((code) => ({ field: 'INTERVENTION_ZONE' as const, code })), not });
      return true;
    }
    case 'notavailable-closing-reopeningdate':
      builder.closure.push(clause.values.map(periodTest));
      return true;
    default:
      return false;
  }
}
