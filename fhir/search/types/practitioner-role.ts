/**
 * PractitionerRole search: situations (professional × unit, D39) the caller's access profile lets
 * it see (filtered in the professionals subgraph), by practitioner, service/location (the unit),
 * organization (the situation's establishment), profession and specialty; includes of the
 * practitioner, the offer and the establishment.
 */
import { CODE_SYSTEMS, CODINGS, IDENTIFIER_SYSTEMS } from '../../codes.js';
import type { PractitionerRole } from '../../types.js';
import { COMMON_PARAMS, TOKEN_MODIFIERS, base, type SearchParamDefinition, type SearchType } from '../definitions.js';
import type { Clause, ParsedSearch } from '../parse.js';
import { PRACTITIONER_ROLES, ProfessionalCriteriaBuilder, prepareProfessionals, professionalsWhere, type ProfessionalCodeField } from '../professionals.js';
import { tokenMatches } from '../values.js';
import { FILTER_PARAM, compiler, filterCriteria, filterPaths } from '../filter.js';

export const PRACTITIONER_ROLE_PARAMS: readonly SearchParamDefinition[] = [
  ...COMMON_PARAMS.map((p) =>
    p.code === '_lastUpdated'
      ? { ...p, description: 'meta.lastUpdated, the professional record\'s (every placement change moves it), with every prefix; UTC without a time zone.' }
      : p.code === '_tag'
        ? { ...p, description: 'Region (TRE_R30-RegionOM) of the situation\'s establishment, stored with the placement.' }
        : p,
  ),
  {
    code: 'identifier',
    type: 'token',
    description: `identifiantSituationOperationnelle (${IDENTIFIER_SYSTEMS.situation}): S and at least 7 digits, assigned by the hub.`,
    definition: base('PractitionerRole-identifier'),
    modifiers: TOKEN_MODIFIERS,
  },
  { code: 'practitioner', type: 'reference', description: 'Practitioner/<professional id> or the bare id.', definition: base('PractitionerRole-practitioner') },
  { code: 'service', type: 'reference', description: 'HealthcareService/<unit id> or the bare id.', definition: base('PractitionerRole-service') },
  { code: 'location', type: 'reference', description: 'Location/<unit id> or the bare id (the same unit as service).', definition: base('PractitionerRole-location') },
  { code: 'organization', type: 'reference', description: 'Organization/<FINESS ET> of the situation\'s establishment, or the bare id.', definition: base('PractitionerRole-organization') },
  { code: 'role', type: 'token', description: 'Profession (TRE_G15-ProfessionSante) in PractitionerRole.code.', definition: base('PractitionerRole-role'), modifiers: TOKEN_MODIFIERS },
  {
    code: 'specialty',
    type: 'token',
    description: 'Ordinal specialty (TRE_R38-SpecialiteOrdinale), or TRE_R04-TypeSavoirFaire S for any.',
    definition: base('PractitionerRole-specialty'),
    modifiers: TOKEN_MODIFIERS,
  },
  FILTER_PARAM,
];

/**
 * `specialty`: a TRE_R38 code is the professional's specialty; the expertise type TRE_R04 `S`
 * (the slice every specialised role carries) means "has a specialty"; other R04 codes match none.
 */
function specialty(clause: Clause, builder: ProfessionalCriteriaBuilder): void {
  const matches = tokenMatches<ProfessionalCodeField | 'EXPERTISE'>(clause, [
    { system: CODE_SYSTEMS.specialiteOrdinale, field: 'SPECIALTY' },
    { system: CODINGS.expertiseSpecialty.system!, field: 'EXPERTISE' },
  ]).flatMap((m) => (m.field !== 'EXPERTISE' ? [{ field: m.field, code: m.code }] : m.code === null || m.code === CODINGS.expertiseSpecialty.code ? [{ field: 'SPECIALTY' as const, code: null }] : []));
  const not = clause.modifier === 'not';
  if (matches.length === 0) builder.empty ||= !not;
  else builder.codes.push({ anyOf: matches, not });
}

/** The situation criteria of a PractitionerRole search (also HealthcareService's `_has:PractitionerRole:service:`). */
export async function practitionerRoleCriteria(search: Pick<ParsedSearch, 'clauses'>): Promise<ProfessionalCriteriaBuilder> {
  const builder = new ProfessionalCriteriaBuilder();
  for (const clause of search.clauses) {
    if (clause.code === '_filter') builder.filters.push(await filterCriteria(clause.values[0]!.value, FILTER_PATHS, compileFilterClause));
    else roleClause(builder, clause);
  }
  return builder;
}

function roleClause(builder: ProfessionalCriteriaBuilder, clause: Clause): void {
  switch (clause.code) {
    case '_id':
      builder.token(clause, [{ field: 'SITUATION' }]);
      break;
    case '_lastUpdated':
      builder.lastUpdated(clause);
      break;
    case '_tag':
      builder.token(clause, [{ system: CODE_SYSTEMS.regionOM, field: 'REGION' }]);
      break;
    case 'identifier':
      builder.token(clause, [{ system: IDENTIFIER_SYSTEMS.situation, field: 'SITUATION_IDENTIFIER' }]);
      break;
    case 'practitioner':
      builder.reference(clause, 'Practitioner', 'PROFESSIONAL');
      break;
    case 'service':
      builder.reference(clause, 'HealthcareService', 'UNIT');
      break;
    case 'location':
      builder.reference(clause, 'Location', 'UNIT');
      break;
    case 'organization':
      builder.reference(clause, 'Organization', 'ESTABLISHMENT');
      break;
    case 'role':
      builder.token(clause, [{ system: CODE_SYSTEMS.professionSante, field: 'PROFESSION' }]);
      break;
    case 'specialty':
      specialty(clause, builder);
      break;
  }
}

const FILTER_PATHS = filterPaths(PRACTITIONER_ROLE_PARAMS);
const compileFilterClause = compiler(() => new ProfessionalCriteriaBuilder(), (builder, clause) => roleClause(builder, clause));

const role = (r: { resourceType: string }): PractitionerRole | null => (r.resourceType === 'PractitionerRole' ? (r as PractitionerRole) : null);
const refs = (list: Array<{ reference?: string }> | undefined): string[] => (list ?? []).flatMap((l) => (l.reference ? [l.reference] : []));

/** `PractitionerRole:practitioner`, also offered on HealthcareService where it applies to the revincluded roles (D56). */
export const PRACTITIONER_INCLUDE = { code: 'PractitionerRole:practitioner', references: (r: { resourceType: string }) => refs(role(r)?.practitioner ? [role(r)!.practitioner!] : []) };

export const practitionerRoleSearch: SearchType = {
  resourceType: 'PractitionerRole',
  params: PRACTITIONER_ROLE_PARAMS,
  sorts: PRACTITIONER_ROLES.sorts,
  includes: [
    PRACTITIONER_INCLUDE,
    { code: 'PractitionerRole:service', references: (r) => refs(role(r)?.healthcareService) },
    { code: 'PractitionerRole:organization', references: (r) => refs(role(r)?.organization ? [role(r)!.organization!] : []) },
    { code: 'PractitionerRole:location', references: (r) => refs(role(r)?.location) },
  ],
  revincludes: [],
  prepare: async (search, ctx) => prepareProfessionals(await practitionerRoleCriteria(search), ctx, PRACTITIONER_ROLES),
  fetchByIds: (ids, ctx) => professionalsWhere(ctx, PRACTITIONER_ROLES, 'SITUATION', ids, ids.length),
};
