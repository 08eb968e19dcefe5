/**
 * Location search (the unit as the place where its beds live): address, commune, equipment,
 * status, a true-radius `near` ordered by distance, the offer criteria of the same unit's
 * HealthcareService (`specialty`, `service-type`, `characteristic`, `age-range-*`: hub extension),
 * and the capacity parameters, all of which must hold within one capacity record
 * (fhir/search/capacity.ts), and the housing and equipment-limit ones (fhir/search/features.ts).
 */
import { CODE_SYSTEMS, CODINGS } from '../../codes.js';
import { FIELD_BY_PLACE_FUNCTION, unitToLocation } from '../../mappers/location.js';
import { establishmentToOrganization } from '../../mappers/organization.js';
import type { EstablishmentRecord, LocationRecord } from '../../queries.js';
import type { HandlerContext } from '../../records.js';
import { NEAR_INSEE_CODE_PARAM, NEAR_PARAM, parseNear, parseNearInseeCode } from '../near.js';
import { LOCATION_OFFER_PARAMS, offerClause } from '../offer-params.js';
import type { FhirSearchResource } from '../../types.js';
import { CAPACITY_PARAMS } from '../capacity.js';
import { FEATURE_PARAMS } from '../features.js';
import { COMMON_PARAMS, STRING_MODIFIERS, TOKEN_MODIFIERS, base, contentParam, ror, type SearchParamDefinition, type SearchType } from '../definitions.js';
import { LOCATION_CAPACITY_PAGE, LOCATION_SEARCH, LOCATION_WITH_ORGANIZATION_CAPACITY_PAGE, LOCATION_WITH_ORGANIZATION_SEARCH, unitsWithVisibleCapacity } from '../graphql.js';
import type { Clause, ParsedSearch } from '../parse.js';
import { UnitCriteriaBuilder, prepareUnits, unitsByIds } from '../units.js';
import { instantTest, tokenHolds } from '../values.js';
import { OperationOutcomeError, badRequest } from '../../outcomes.js';
import { FILTER_PARAM, compiler, filterCriteria, filterPaths } from '../filter.js';
import { HEALTHCARE_SERVICE_PARAMS, healthcareServiceClause, healthcareServiceSearch } from './healthcare-service.js';

export { DEFAULT_NEAR_KM, MAX_NEAR_KM, parseNear } from '../near.js';

const LOCATION_STATUS = 'http://hl7.org/fhir/location-status';

const PARAMS: readonly SearchParamDefinition[] = [
  ...COMMON_PARAMS.map((p) =>
    p.code === '_lastUpdated'
      ? { ...p, or: false, prefixes: p.prefixes!.filter((x) => x !== 'ne'), description: 'meta.lastUpdated: the latest change of the unit, of its capacity (when the caller may read it) and of its establishment when the unit uses its address. All prefixes but ne; one value per parameter.' }
      : p,
  ),
  { code: 'identifier', type: 'token', description: 'Identifier of the place, `<region>/<unit id>` (no system).', definition: base('Location-identifier'), modifiers: TOKEN_MODIFIERS },
  { code: 'name', type: 'string', description: 'Name: accent- and case-insensitive prefix; :exact, :contains.', definition: base('Location-name'), modifiers: STRING_MODIFIERS },
  contentParam('the name and the address (city, postal code) of the place'),
  { code: 'address-city', type: 'string', description: 'City of the address (the unit\'s own, else its establishment\'s).', definition: base('Location-address-city'), modifiers: STRING_MODIFIERS },
  { code: 'address-postalcode', type: 'string', description: 'Postal code of the address.', definition: base('Location-address-postalcode'), modifiers: STRING_MODIFIERS },
  { code: 'commune-cog', type: 'token', description: 'INSEE commune (TRE_R13-CommuneOM) of ror-commune-cog.', definition: ror('ror-sp-location-commune-cog'), modifiers: TOKEN_MODIFIERS },
  { code: 'type', type: 'token', description: 'fonctionLieu (TRE_R343): 001 MCO, 002 PSY, 003 MS or 004 SMR hosting, told by the unit\'s field of activity (TRE_R227; D136).', definition: base('Location-type'), modifiers: TOKEN_MODIFIERS },
  { code: 'equipment-type', type: 'token', description: 'Specific equipment (TRE_R212).', definition: ror('ror-sp-equipment-type'), modifiers: TOKEN_MODIFIERS },
  { code: 'status', type: 'token', description: 'active, or inactive for archived units.', definition: base('Location-status'), modifiers: TOKEN_MODIFIERS },
  { code: 'operational-status', type: 'token', description: 'TRE_R203-StatutLieu 3 (Opérationnel) for active units; archived ones have none.', definition: base('Location-operational-status'), modifiers: TOKEN_MODIFIERS },
  { code: 'organization', type: 'reference', description: 'managingOrganization: Organization/<FINESS ET> or the bare id.', definition: base('Location-organization') },
  NEAR_PARAM,
  NEAR_INSEE_CODE_PARAM,
  ...LOCATION_OFFER_PARAMS,
  ...CAPACITY_PARAMS,
  ...FEATURE_PARAMS,
  {
    code: '_has',
    type: 'special',
    description: 'Reverse chaining, one level: `_has:HealthcareService:location:<parameter>` with any HealthcareService parameter (rows below).',
    definition: base('Resource-has'),
  },
  FILTER_PARAM,
];

/**
 * `_has:HealthcareService:location:<parameter>`: the Locations a matching HealthcareService points
 * at. A unit is both resources (same id) and each HealthcareService points at its own unit's
 * Location only, so this is the HealthcareService criterion on the same unit: no join, the same
 * indexed `unitSearch` criteria (the IG's "capacity of one offer" query).
 */
const HAS_SERVICE = '_has:HealthcareService:location:';
// `location` is left out (`_has:HealthcareService:location:location=Location/X` is `_id=X`), and `_filter` and `_has` (one level).
const REVERSE_CHAINED: readonly SearchParamDefinition[] = HEALTHCARE_SERVICE_PARAMS.filter((p) => p.code !== 'location' && p.code !== '_filter' && p.code !== '_has').map((p) => ({
  ...p,
  code: `${HAS_SERVICE}${p.code}`,
  description: `HealthcareService \`${p.code}\` of the same unit: ${p.description}`,
}));

/**
 * `_lastUpdated` against the latest of the place and of the capacity the caller may read: a lower
 * bound also takes the units whose capacity changed since (asked of the capacities subgraph), an
 * upper bound leaves out those whose capacity changed after.
 */
async function lastUpdated(clause: Clause, builder: UnitCriteriaBuilder, ctx: HandlerContext): Promise<void> {
  const range = instantTest(clause.values[0]!);
  const changedSince = (instant: string) => unitsWithVisibleCapacity(ctx, { figures: ['INSTALLED'], updated: [[{ from: instant }]] });
  const change: UnitCriteriaBuilder['placeChanged'][number] = {};
  if (range.from) {
    change.from = range.from;
    const ids = await changedSince(range.from);
    if (ids?.length) change.orIds = ids;
  }
  if (range.before) {
    change.before = range.before;
    const ids = await changedSince(range.before);
    if (ids?.length) change.exceptIds = ids;
  }
  builder.placeChanged.push(change);
}

/** `_filter` takes every parameter but the capacity, housing and equipment-limit ones (another source, evaluated after the offer's SQL). */
const FILTER_PATHS = filterPaths(PARAMS, new Set([...CAPACITY_PARAMS, ...FEATURE_PARAMS].map((p) => p.code)));

async function criteriaOf(search: ParsedSearch, ctx: HandlerContext): Promise<UnitCriteriaBuilder> {
  const builder = new UnitCriteriaBuilder();
  const compile = compiler(() => new UnitCriteriaBuilder(), (b, clause) => locationClause(b, clause, ctx));
  for (const clause of search.clauses) {
    if (clause.code === '_filter') builder.filters.push(await filterCriteria(clause.values[0]!.value, FILTER_PATHS, compile));
    else await locationClause(builder, clause, ctx);
  }
  return builder;
}

/** Adds one clause of a Location parameter (capacity ones excepted: prepareUnits filters on them). */
async function locationClause(builder: UnitCriteriaBuilder, clause: Clause, ctx: HandlerContext): Promise<void> {
  if (builder.common(clause) || offerClause(builder, clause) || builder.place(clause)) return;
  if (clause.code.startsWith(HAS_SERVICE)) {
    healthcareServiceClause(builder, { ...clause, code: clause.code.slice(HAS_SERVICE.length) });
    return;
  }
  switch (clause.code) {
    case '_lastUpdated':
      await lastUpdated(clause, builder, ctx);
      break;
    case 'commune-cog':
      builder.token(clause, [{ system: CODE_SYSTEMS.communeOM, field: 'COMMUNE' }]);
      break;
    case 'equipment-type':
      builder.token(clause, [{ system: CODE_SYSTEMS.equipement, field: 'EQUIPMENT' }]);
      break;
    case 'type':
      // A code of no hosting place (or of another system) matches no unit.
      builder.token(clause, [{ system: CODE_SYSTEMS.fonctionLieu, field: 'ACTIVITY_FIELD' }], (code) => FIELD_BY_PLACE_FUNCTION[code] ?? null);
      break;
    case 'status':
      builder.allow((archived) => tokenHolds(clause, { system: LOCATION_STATUS, code: archived ? 'inactive' : 'active' }));
      break;
    case 'operational-status': {
      const operational = { system: CODINGS.locationOperational.system!, code: CODINGS.locationOperational.code! };
      builder.allow((archived) => tokenHolds(clause, archived ? null : operational));
      break;
    }
    case 'organization':
      builder.reference(clause, 'Organization', 'ESTABLISHMENT');
      break;
    case 'near':
    case 'near-insee-code':
      if (builder.near) throw new OperationOutcomeError(badRequest('near and near-insee-code cannot be combined'));
      builder.near = clause.code === 'near' ? parseNear(clause.values[0]!.value) : await parseNearInseeCode(clause.values[0]!.value, ctx);
      break;
  }
}

const toResource = (node: LocationRecord): FhirSearchResource => unitToLocation(node);

type LocationWithOrganization = LocationRecord & { includedEstablishment: EstablishmentRecord };

/** With `_include=Location:organization`, the page reads each establishment in full and includes it from there. */
function specOf(search: ParsedSearch) {
  const sorts = locationSearch.sorts;
  if (!search.includes.some((i) => i.code === 'Location:organization')) return { resourceType: 'Location' as const, query: LOCATION_SEARCH, capacityPage: LOCATION_CAPACITY_PAGE, sorts, toResource };
  // The units of a page share few establishments (20 units, 2 establishments at Tours): each is
  // mapped once per search, the engine includes it once anyway.
  const organizations = new Map<string, FhirSearchResource>();
  const organizationOf = (establishment: EstablishmentRecord): FhirSearchResource => {
    let organization = organizations.get(establishment.id);
    if (!organization) organizations.set(establishment.id, (organization = establishmentToOrganization(establishment)));
    return organization;
  };
  return {
    resourceType: 'Location' as const,
    query: LOCATION_WITH_ORGANIZATION_SEARCH,
    capacityPage: LOCATION_WITH_ORGANIZATION_CAPACITY_PAGE,
    sorts,
    toResource: (node: LocationWithOrganization) => unitToLocation(node),
    included: (node: LocationWithOrganization) => [organizationOf(node.includedEstablishment)],
  };
}

export const locationSearch: SearchType = {
  resourceType: 'Location',
  params: PARAMS,
  chained: REVERSE_CHAINED,
  sorts: { _id: 'ID', name: 'NAME' },
  includes: [{ code: 'Location:organization', references: (r) => (r.resourceType === 'Location' && r.managingOrganization?.reference ? [r.managingOrganization.reference] : []) }],
  revincludes: [
    // The offer of a place is the same unit: HealthcareService/{id} has location Location/{id}.
    { code: 'HealthcareService:location', find: (ids, ctx) => healthcareServiceSearch.fetchByIds(ids, ctx) },
  ],
  prepare: async (search, ctx) => prepareUnits(search, await criteriaOf(search, ctx), ctx, specOf(search), (c) => c.code),
  fetchByIds: (ids: readonly string[], ctx: HandlerContext) => unitsByIds(ctx, LOCATION_SEARCH, ids, toResource),
};
