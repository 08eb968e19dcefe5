/**
 * Practitioner search (a professional, archived ones included as `active: false`): id, idNat_PS,
 * names with the engine's string semantics, `_lastUpdated`, and the professional's situations by
 * `_revinclude=PractitionerRole:practitioner`. Applications need `professional.read` (403).
 */
import { CODE_SYSTEMS, IDENTIFIER_SYSTEMS } from '../../codes.js';
import { nationalNumberOfIdNatPs } from '../../mappers/practitioner.js';
import { COMMON_PARAMS, STRING_MODIFIERS, TOKEN_MODIFIERS, base, contentParam, type SearchParamDefinition, type SearchType } from '../definitions.js';
import type { Clause, ParsedSearch } from '../parse.js';
import { FILTER_PARAM, compiler, filterCriteria, filterPaths } from '../filter.js';
import { PRACTITIONERS, ProfessionalCriteriaBuilder, prepareProfessionals, professionalsWhere, rolesWhere } from '../professionals.js';

const NAME_NOTE = 'accent- and case-insensitive prefix; :exact (names are in capitals), :contains.';

const PARAMS: readonly SearchParamDefinition[] = [
  ...COMMON_PARAMS.map((p) => (p.code === '_tag' ? { ...p, description: 'Region (TRE_R30-RegionOM) all the professional\'s establishments share (meta.tag); none when they are in several.' } : p)),
  {
    code: 'identifier',
    type: 'token',
    description: `idNat_PS (${IDENTIFIER_SYSTEMS.idNatPs}): 8 + RPPS, or 0 + ADELI.`,
    definition: base('Practitioner-identifier'),
    modifiers: TOKEN_MODIFIERS,
  },
  contentParam('the family or given name'),
  { code: 'name', type: 'string', description: `Family or given name: ${NAME_NOTE}`, definition: base('Practitioner-name'), modifiers: STRING_MODIFIERS },
  { code: 'family', type: 'string', description: `Family name: ${NAME_NOTE}`, definition: base('individual-family'), modifiers: STRING_MODIFIERS },
  { code: 'given', type: 'string', description: `Given name: ${NAME_NOTE}`, definition: base('individual-given'), modifiers: STRING_MODIFIERS },
  FILTER_PARAM,
];

const FILTER_PATHS = filterPaths(PARAMS);
const compileFilterClause = compiler(() => new ProfessionalCriteriaBuilder(), (builder, clause) => practitionerClause(builder, clause));

async function criteriaOf(search: ParsedSearch): Promise<ProfessionalCriteriaBuilder> {
  const builder = new ProfessionalCriteriaBuilder();
  for (const clause of search.clauses) {
    if (clause.code === '_filter') builder.filters.push(await filterCriteria(clause.values[0]!.value, FILTER_PATHS, compileFilterClause));
    else practitionerClause(builder, clause);
  }
  return builder;
}

function practitionerClause(builder: ProfessionalCriteriaBuilder, clause: Clause): void {
  switch (clause.code) {
    case '_id':
      builder.token(clause, [{ field: 'PROFESSIONAL' }]);
      break;
    case '_lastUpdated':
      builder.lastUpdated(clause);
      break;
    case '_tag':
      builder.token(clause, [{ system: CODE_SYSTEMS.regionOM, field: 'REGION' }]);
      break;
    case 'identifier':
      // A value that is no idNat_PS of a person (8 + RPPS, 0 + ADELI) matches nobody.
      builder.token(clause, [{ system: IDENTIFIER_SYSTEMS.idNatPs, field: 'NATIONAL_NUMBER' }], (code) => nationalNumberOfIdNatPs(code));
      break;
    case '_content':
      builder.content(clause, ['NAME']);
      break;
    case 'name':
      builder.text(clause, 'NAME');
      break;
    case 'family':
      builder.text(clause, 'FAMILY');
      break;
    case 'given':
      builder.text(clause, 'GIVEN');
      break;
  }
}

export const practitionerSearch: SearchType = {
  resourceType: 'Practitioner',
  params: PARAMS,
  sorts: PRACTITIONERS.sorts,
  includes: [],
  revincludes: [{ code: 'PractitionerRole:practitioner', find: (ids, ctx) => rolesWhere('PROFESSIONAL', ids, ctx) }],
  prepare: async (search, ctx) => prepareProfessionals(await criteriaOf(search), ctx, PRACTITIONERS),
  fetchByIds: (ids, ctx) => professionalsWhere(ctx, PRACTITIONERS, 'PROFESSIONAL', ids, ids.length),
};
