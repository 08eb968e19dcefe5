/**
 * HealthcareService search (the unit as an offer of care): the IG's offer parameters, and the
 * capacity of its Location through `location.<capacity parameter>` (same unit).
 */
import { CODE_SYSTEMS } from '../../codes.js';
import { unitToHealthcareService } from '../../mappers/healthcare-service.js';
import type { HealthcareServiceRecord } from '../../queries.js';
import type { HandlerContext } from '../../records.js';
import type { FhirSearchResource, HealthcareService } from '../../types.js';
import { CAPACITY_PARAMS } from '../capacity.js';
import { COMMON_PARAMS, STRING_MODIFIERS, TOKEN_MODIFIERS, base, ror, type SearchParamDefinition, type SearchType } from '../definitions.js';
import { HEALTHCARE_SERVICE_SEARCH } from '../graphql.js';
import type { Clause, ParsedSearch } from '../parse.js';
import { UnitCriteriaBuilder, booleanHolds, prepareUnits, unitsByIds } from '../units.js';
import { rolesWhere } from '../professionals.js';
import { PRACTITIONER_INCLUDE } from './practitioner-role.js';
import { quantityTest } from '../values.js';

const UCUM = ['http://unitsofmeasure.org', CODE_SYSTEMS.ucumUniteMesure];

const PARAMS: readonly SearchParamDefinition[] = [
  ...COMMON_PARAMS,
  { code: 'identifier', type: 'token', description: 'identifiantOffre, `<region>/<unit id>` (no system).', definition: base('HealthcareService-identifier'), modifiers: TOKEN_MODIFIERS },
  { code: 'name', type: 'string', description: 'Name of the offer: accent- and case-insensitive prefix; :exact, :contains.', definition: base('HealthcareService-name'), modifiers: STRING_MODIFIERS },
  { code: 'service-type', type: 'token', description: 'Field of activity (TRE_R227) in HealthcareService.type.', definition: base('HealthcareService-service-type'), modifiers: TOKEN_MODIFIERS },
  { code: 'specialty', type: 'token', description: 'Operational activity (TRE_R211).', definition: base('HealthcareService-specialty'), modifiers: TOKEN_MODIFIERS },
  { code: 'characteristic', type: 'token', description: 'Care mode (TRE_R213) or specific act (TRE_R210).', definition: base('HealthcareService-characteristic'), modifiers: TOKEN_MODIFIERS },
  { code: 'organization', type: 'reference', description: 'providedBy: Organization/<FINESS ET> or the bare id.', definition: base('HealthcareService-organization') },
  { code: 'location', type: 'reference', description: 'Location/<unit id> or the bare id; chains `location.<capacity parameter>` (Location capacity parameters, within one record).', definition: base('HealthcareService-location') },
  { code: 'active', type: 'token', description: 'true for active units, false for archived ones.', definition: base('HealthcareService-active'), modifiers: TOKEN_MODIFIERS },
  { code: 'age-range-low', type: 'quantity', description: 'Lower bound of the patients\' age range, in years (UCUM a).', definition: ror('ror-sp-healthcareservice-age-range-low'), prefixes: ['eq', 'ne', 'gt', 'lt', 'ge', 'le'] },
  { code: 'age-range-high', type: 'quantity', description: 'Upper bound of the patients\' age range, in years (UCUM a).', definition: ror('ror-sp-healthcareservice-age-range-high'), prefixes: ['eq', 'ne', 'gt', 'lt', 'ge', 'le'] },
];

/** `location.<capacity parameter>`: the capacity of the offer's Location (the same unit). */
const CHAINED: readonly SearchParamDefinition[] = CAPACITY_PARAMS.map((p) => ({ ...p, code: `location.${p.code}` }));

const unchained = (clause: Clause): string => clause.code.replace(/^location\./, '');

function criteriaOf(search: ParsedSearch): UnitCriteriaBuilder {
  const builder = new UnitCriteriaBuilder();
  for (const clause of search.clauses) {
    if (builder.common(clause) || clause.code.startsWith('location.')) continue;
    switch (clause.code) {
      case '_lastUpdated':
        builder.lastUpdated(clause);
        break;
      case 'name':
        builder.text(clause, 'NAME');
        break;
      case 'service-type':
        builder.token(clause, [{ system: CODE_SYSTEMS.champActivite, field: 'ACTIVITY_FIELD' }]);
        break;
      case 'specialty':
        builder.token(clause, [{ system: CODE_SYSTEMS.activiteOperationnelle, field: 'OPERATIONAL_ACTIVITY' }]);
        break;
      case 'characteristic':
        builder.token(clause, [
          { system: CODE_SYSTEMS.modePriseEnCharge, field: 'CARE_MODE' },
          { system: CODE_SYSTEMS.acteSpecifique, field: 'SPECIFIC_ACT' },
        ]);
        break;
      case 'organization':
        builder.reference(clause, 'Organization', 'ESTABLISHMENT');
        break;
      case 'location':
        builder.reference(clause, 'Location', 'ID');
        break;
      case 'active':
        builder.allow((archived) => booleanHolds(clause, !archived));
        break;
      case 'age-range-low':
      case 'age-range-high': {
        const field = clause.code === 'age-range-low' ? 'PATIENT_AGE_MIN' : 'PATIENT_AGE_MAX';
        builder.numbers.push({ anyOf: clause.values.map((v) => ({ field, ...quantityTest(v, 'a', UCUM) })) });
        break;
      }
    }
  }
  return builder;
}

const toResource = (node: HealthcareServiceRecord): FhirSearchResource => unitToHealthcareService(node);

export const healthcareServiceSearch: SearchType = {
  resourceType: 'HealthcareService',
  params: PARAMS,
  chained: CHAINED,
  sorts: { _id: 'ID', name: 'NAME', _lastUpdated: 'UPDATED_AT' },
  includes: [
    { code: 'HealthcareService:location', references: (r) => ((r as HealthcareService).location ?? []).map((l) => l.reference ?? '') },
    { code: 'HealthcareService:organization', references: (r) => [(r as HealthcareService).providedBy?.reference ?? ''] },
    { code: 'Organization:partof', iterate: true, references: (r) => (r.resourceType === 'Organization' && r.partOf?.reference ? [r.partOf.reference] : []) },
    // The IG's full-offer extraction: it applies to the PractitionerRoles `_revinclude` adds (D56).
    PRACTITIONER_INCLUDE,
  ],
  revincludes: [{ code: 'PractitionerRole:service', find: (ids, ctx) => rolesWhere('UNIT', ids, ctx) }],
  prepare: async (search, ctx) => prepareUnits(search, criteriaOf(search), ctx, { resourceType: 'HealthcareService', query: HEALTHCARE_SERVICE_SEARCH, sorts: healthcareServiceSearch.sorts, toResource }, unchained),
  fetchByIds: (ids: readonly string[], ctx: HandlerContext) => unitsByIds(ctx, HEALTHCARE_SERVICE_SEARCH, ids, toResource),
};
