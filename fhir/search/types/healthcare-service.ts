/**
 * HealthcareService search (the unit as an offer of care): the IG's offer parameters, and the
 * position, equipment and capacity of its Location through `location.<parameter>` (same unit):
 * `location.near` with `location.capacity-status`… is the place search of issue 13 in one call.
 */
import { reportsOnUnits } from '../../error-reports/search.js';
import { CODE_SYSTEMS } from '../../codes.js';
import { unitToHealthcareService } from '../../mappers/healthcare-service.js';
import type { HealthcareServiceRecord } from '../../queries.js';
import type { HandlerContext } from '../../records.js';
import type { FhirSearchResource, HealthcareService } from '../../types.js';
import { CAPACITY_PARAMS } from '../capacity.js';
import { FEATURE_PARAMS } from '../features.js';
import { ALL_PREFIXES, COMMON_PARAMS, STRING_MODIFIERS, TOKEN_MODIFIERS, base, contentParam, ror, type SearchParamDefinition, type SearchType } from '../definitions.js';
import { HEALTHCARE_SERVICE_SEARCH } from '../graphql.js';
import type { Clause, ParsedSearch } from '../parse.js';
import { UnitCriteriaBuilder, booleanHolds, prepareUnits, unitsByIds } from '../units.js';
import { MAX_REVERSE_CHAINED, rolesWhere, unitsOfSituations } from '../professionals.js';
import { PRACTITIONER_INCLUDE, PRACTITIONER_ROLE_PARAMS, practitionerRoleCriteria } from './practitioner-role.js';
import { OperationOutcomeError, badRequest } from '../../outcomes.js';
import { NEAR_PARAM, parseNear } from '../near.js';
import { OFFER_PARAMS, offerClause } from '../offer-params.js';
import { OFFER_DESCRIPTION_PARAMS, offerDescriptionClause } from '../offer-characteristics.js';
import { FILTER_PARAM, compiler, filterCriteria, filterPaths } from '../filter.js';
import { instantTest } from '../values.js';

/** HealthcareService's own parameters (exported for Location's `_has:HealthcareService:location:…`). */
export const HEALTHCARE_SERVICE_PARAMS: readonly SearchParamDefinition[] = [
  ...COMMON_PARAMS,
  { code: 'identifier', type: 'token', description: 'identifiantOffre, `<region>/<unit id>` (no system).', definition: base('HealthcareService-identifier'), modifiers: TOKEN_MODIFIERS },
  { code: 'name', type: 'string', description: 'Name of the offer: accent- and case-insensitive prefix; :exact, :contains.', definition: base('HealthcareService-name'), modifiers: STRING_MODIFIERS },
  contentParam('the name of the offer'),
  ...OFFER_PARAMS,
  { code: 'organization', type: 'reference', description: 'providedBy: Organization/<FINESS ET> or the bare id.', definition: base('HealthcareService-organization') },
  { code: 'location', type: 'reference', description: 'Location/<unit id> or the bare id; chains `location.near`, `location.commune-cog`, `location.equipment-type` and `location.<capacity parameter>` (the same unit\'s Location).', definition: base('HealthcareService-location') },
  { code: 'active', type: 'token', description: 'true for active units, false for archived ones.', definition: base('HealthcareService-active'), modifiers: TOKEN_MODIFIERS },
  ...OFFER_DESCRIPTION_PARAMS,
  {
    code: 'psychiatric-sector',
    type: 'string',
    description: 'Psychiatric sector (RG_RECH_10 form, e.g. 45G03) of the ror-healthcareservice-psychiatric-sector extensions: a whole sector code, case-insensitive (the codes have no words to search a prefix of); anything else is a 400.',
    definition: ror('ror-sp-healthcareservice-psychiatric-sector'),
    modifiers: ['exact'],
  },
  {
    code: '_has',
    type: 'special',
    description: 'Reverse chaining, one level: `_has:PractitionerRole:service:<parameter>` with a PractitionerRole parameter (rows below); each `_has` on its own.',
    definition: base('Resource-has'),
  },
  FILTER_PARAM,
];

/**
 * `location.<parameter>`: criteria of the offer's Location, which is the same unit: its position
 * (`near`, ordering by distance), commune and equipment, its capacity records (all capacity
 * criteria within one record, as on Location), housing and equipment limits.
 */
const LOCATION_CHAINABLE: readonly SearchParamDefinition[] = [
  NEAR_PARAM,
  { code: 'commune-cog', type: 'token', description: 'INSEE commune (TRE_R13-CommuneOM) of the Location\'s ror-commune-cog.', definition: ror('ror-sp-location-commune-cog'), modifiers: TOKEN_MODIFIERS },
  { code: 'equipment-type', type: 'token', description: 'Specific equipment (TRE_R212) of the Location.', definition: ror('ror-sp-equipment-type'), modifiers: TOKEN_MODIFIERS },
  ...CAPACITY_PARAMS,
  ...FEATURE_PARAMS,
];
/**
 * `_has:PractitionerRole:service:<parameter>`: the offers where a situation matching the
 * PractitionerRole criterion works (e.g. `role=…|10`, a doctor). Each such parameter is its own
 * situation search (two `_has` need not be met by the same situation, as FHIR reads them), turned
 * into unit ids; `service` and `location` are left out (they name the unit itself: `_id`).
 */
const HAS_ROLE = '_has:PractitionerRole:service:';
const REVERSE_CHAINED: readonly SearchParamDefinition[] = PRACTITIONER_ROLE_PARAMS.filter((p) => p.code !== 'service' && p.code !== 'location' && p.code !== '_filter').map((p) => ({
  ...p,
  code: `${HAS_ROLE}${p.code}`,
  description: `Offers with a PractitionerRole whose \`${p.code}\` holds: ${p.description}`,
}));

const CHAINED: readonly SearchParamDefinition[] = [...LOCATION_CHAINABLE.map((p) => ({ ...p, code: `location.${p.code}` })), ...REVERSE_CHAINED];

/** Each `_has:PractitionerRole:service:` clause as the unit ids of the situations it matches. */
async function addRoleClauses(search: ParsedSearch, builder: UnitCriteriaBuilder, ctx: HandlerContext): Promise<UnitCriteriaBuilder> {
  for (const clause of search.clauses.filter((c) => c.code.startsWith(HAS_ROLE))) {
    const roles = await practitionerRoleCriteria({ clauses: [{ ...clause, code: clause.code.slice(HAS_ROLE.length) }] });
    const units = await unitsOfSituations(roles, ctx);
    if (units === null) {
      throw new OperationOutcomeError(badRequest(`${clause.code}: more than ${MAX_REVERSE_CHAINED} PractitionerRoles match; narrow the criterion (with organization, for instance)`));
    }
    if (units.length === 0) builder.empty = true;
    else builder.codes.push({ anyOf: units.map((code) => ({ field: 'ID' as const, code })), not: false });
  }
  return builder;
}

/** A whole psychiatric sector code (RG_RECH_10), upper-cased; a 400 otherwise. */
function sectorCode(value: string): string {
  const code = value.trim().toUpperCase();
  if (!/^(\d{2}|2[AB]|97\d)[GI]\d{2}$/.test(code)) {
    throw new OperationOutcomeError(badRequest(`psychiatric-sector: "${value}" is not a psychiatric sector code (département + G or I + 2 digits, e.g. 45G03)`));
  }
  return code;
}

const unchained = (clause: Clause): string => clause.code.replace(/^location\./, '');

/**
 * Adds a clause on one of HealthcareService's own parameters (PARAMS) to the unit criteria; false
 * for any other. Location's `_has:HealthcareService:location:<parameter>` uses it too: the
 * HealthcareService pointing at a Location is the same unit.
 */
export function healthcareServiceClause(builder: UnitCriteriaBuilder, clause: Clause): boolean {
  if (builder.common(clause) || offerClause(builder, clause) || offerDescriptionClause(builder, clause)) return true;
  switch (clause.code) {
    case '_lastUpdated':
      builder.lastUpdated(clause);
      return true;
    case 'name':
      builder.text(clause, 'NAME');
      return true;
    case '_content':
      builder.content(clause, ['NAME']);
      return true;
    case 'organization':
      builder.reference(clause, 'Organization', 'ESTABLISHMENT');
      return true;
    case 'location':
      builder.reference(clause, 'Location', 'ID');
      return true;
    case 'active':
      builder.allow((archived) => booleanHolds(clause, !archived));
      return true;
    case 'psychiatric-sector':
      builder.codes.push({ anyOf: clause.values.map((v) => ({ field: 'PSYCHIATRIC_SECTOR' as const, code: sectorCode(v.value) })), not: false });
      return true;
    default:
      return false;
  }
}

/**
 * `_filter`'s `organization._lastUpdated`: the establishment providing the offer changed; with
 * `:above` (the IG's full-offer extraction), the establishment or its legal entity (partOf), the
 * organisations the extraction includes with the offer.
 */
const ORGANIZATION_LAST_UPDATED: SearchParamDefinition = {
  code: 'organization._lastUpdated',
  type: 'date',
  description: 'meta.lastUpdated of the providing establishment; with :above, of the establishment or its legal entity.',
  definition: base('Resource-lastUpdated'),
  prefixes: ALL_PREFIXES,
  modifiers: ['above'],
};

const FILTER_PATHS = filterPaths(HEALTHCARE_SERVICE_PARAMS, new Set(), [ORGANIZATION_LAST_UPDATED]);

const compileFilterClause = compiler(
  () => new UnitCriteriaBuilder(),
  (builder, clause) => {
    if (clause.code !== ORGANIZATION_LAST_UPDATED.code) return healthcareServiceClause(builder, clause);
    const range = instantTest(clause.values[0]!);
    builder.updated.push([{ ...range, establishment: true }, ...(clause.modifier === 'above' ? [{ ...range, legalEntity: true }] : [])]);
    return true;
  },
);

/** The criteria of a `_filter` value on HealthcareService (Location's `_has:HealthcareService:location:` has none). */
const healthcareServiceFilter = (text: string) => filterCriteria(text, FILTER_PATHS, compileFilterClause);

async function criteriaOf(search: ParsedSearch): Promise<UnitCriteriaBuilder> {
  const builder = new UnitCriteriaBuilder();
  for (const clause of search.clauses) {
    if (clause.code === '_filter') {
      builder.filters.push(await healthcareServiceFilter(clause.values[0]!.value));
      continue;
    }
    if (healthcareServiceClause(builder, clause)) continue;
    switch (clause.code) {
      // The Location's own criteria (the same unit); capacity ones are the filter of prepareUnits.
      case 'location.near':
        builder.near = parseNear(clause.values[0]!.value);
        break;
      case 'location.commune-cog':
        builder.token(clause, [{ system: CODE_SYSTEMS.communeOM, field: 'COMMUNE' }]);
        break;
      case 'location.equipment-type':
        builder.token(clause, [{ system: CODE_SYSTEMS.equipement, field: 'EQUIPMENT' }]);
        break;
    }
  }
  return builder;
}

const toResource = (node: HealthcareServiceRecord): FhirSearchResource => unitToHealthcareService(node);

export const healthcareServiceSearch: SearchType = {
  resourceType: 'HealthcareService',
  params: HEALTHCARE_SERVICE_PARAMS,
  chained: CHAINED,
  sorts: { _id: 'ID', name: 'NAME', _lastUpdated: 'UPDATED_AT' },
  includes: [
    { code: 'HealthcareService:location', references: (r) => ((r as HealthcareService).location ?? []).map((l) => l.reference ?? '') },
    { code: 'HealthcareService:organization', references: (r) => [(r as HealthcareService).providedBy?.reference ?? ''] },
    { code: 'Organization:partof', iterate: true, references: (r) => (r.resourceType === 'Organization' && r.partOf?.reference ? [r.partOf.reference] : []) },
    // The IG's full-offer extraction: it applies to the PractitionerRoles `_revinclude` adds (D56).
    PRACTITIONER_INCLUDE,
  ],
  revincludes: [{ code: 'PractitionerRole:service', find: (ids, ctx) => rolesWhere('UNIT', ids, ctx) }, reportsOnUnits],
  prepare: async (search, ctx) => prepareUnits(search, await addRoleClauses(search, await criteriaOf(search), ctx), ctx, { resourceType: 'HealthcareService', query: HEALTHCARE_SERVICE_SEARCH, sorts: healthcareServiceSearch.sorts, toResource }, unchained),
  fetchByIds: (ids: readonly string[], ctx: HandlerContext) => unitsByIds(ctx, HEALTHCARE_SERVICE_SEARCH, ids, toResource),
};
