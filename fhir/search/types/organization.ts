/**
 * Organization search: legal entities (EJ) and geographic establishments (EG) together, in one
 * keyset order (the offer's `structureSearch`). EG-only elements (type, partOf, address, SIRET)
 * never match an EJ.
 */
import { CODE_SYSTEMS, IDENTIFIER_SYSTEMS } from '../../codes.js';
import { establishmentToOrganization, legalEntityToOrganization } from '../../mappers/organization.js';
import type { HandlerContext } from '../../records.js';
import type { FhirSearchResource } from '../../types.js';
import { COMMON_PARAMS, STRING_MODIFIERS, TOKEN_MODIFIERS, base, contentParam, type FetchedPage, type PreparedSearch, type SearchParamDefinition, type SearchType, type SortRequest } from '../definitions.js';
import { ORGANIZATION_SEARCH, STRUCTURE_COUNT, run, type SearchPage, type StructureNode } from '../graphql.js';
import type { Clause, ParsedSearch } from '../parse.js';
import { FILTER_PARAM, compiler, filterCriteria, filterPaths } from '../filter.js';
import { ORGANIZATION_IG_PARAMS, StructureCriteriaBuilder, organizationIgClause } from './organization-ig.js';


const PARAMS: readonly SearchParamDefinition[] = [
  ...COMMON_PARAMS,
  {
    code: 'identifier',
    type: 'token',
    description: `FINESS (${IDENTIFIER_SYSTEMS.finess}), idNat_Struct (${IDENTIFIER_SYSTEMS.idNatStruct}) or SIRET (${IDENTIFIER_SYSTEMS.sirene}).`,
    definition: base('Organization-identifier'),
    modifiers: TOKEN_MODIFIERS,
  },
  { code: 'name', type: 'string', description: 'Name: accent- and case-insensitive prefix; :exact, :contains.', definition: base('Organization-name'), modifiers: STRING_MODIFIERS },
  contentParam('the name and, for an establishment, the address (city, postal code)'),
  { code: 'type', type: 'token', description: 'FINESS establishment category (TRE_R66), establishments only.', definition: base('Organization-type'), modifiers: TOKEN_MODIFIERS },
  { code: 'partof', type: 'reference', description: 'The legal entity of an establishment: Organization/<FINESS EJ> or the bare id.', definition: base('Organization-partof') },
  { code: 'address-city', type: 'string', description: 'City of an establishment.', definition: base('Organization-address-city'), modifiers: STRING_MODIFIERS },
  { code: 'address-postalcode', type: 'string', description: 'Postal code of an establishment.', definition: base('Organization-address-postalcode'), modifiers: STRING_MODIFIERS },
  ...ORGANIZATION_IG_PARAMS,
  FILTER_PARAM,
];

type Builder = StructureCriteriaBuilder;

const FILTER_PATHS = filterPaths(PARAMS);
const compileFilterClause = compiler(() => new StructureCriteriaBuilder(), (builder, clause) => organizationClause(builder, clause));

async function criteriaOf(search: ParsedSearch): Promise<Builder> {
  const builder: Builder = new StructureCriteriaBuilder();
  for (const clause of search.clauses) {
    if (clause.code === '_filter') builder.filters.push(await filterCriteria(clause.values[0]!.value, FILTER_PATHS, compileFilterClause));
    else organizationClause(builder, clause);
  }
  return builder;
}

function organizationClause(builder: Builder, clause: Clause): void {
  if (organizationIgClause(builder, clause) || builder.place(clause)) return;
  switch (clause.code) {
    case '_id':
      builder.token(clause, [{ field: 'ID' }]);
      break;
    case '_tag':
      builder.token(clause, [{ system: CODE_SYSTEMS.regionOM, field: 'REGION' }]);
      break;
    case '_lastUpdated':
      builder.lastUpdated(clause);
      break;
    case 'identifier':
      builder.token(clause, [
        { system: IDENTIFIER_SYSTEMS.finess, field: 'ID' },
        { system: IDENTIFIER_SYSTEMS.idNatStruct, field: 'ID_NAT_STRUCT' },
        { system: IDENTIFIER_SYSTEMS.sirene, field: 'SIRET' },
      ]);
      break;
    case 'type':
      builder.token(clause, [{ system: CODE_SYSTEMS.categorieEtablissement, field: 'CATEGORY' }]);
      break;
    case 'partof':
      builder.reference(clause, 'Organization', 'PART_OF');
      break;
  }
}

const toResource = (node: StructureNode): FhirSearchResource =>
  node.__typename === 'Establishment' ? establishmentToOrganization(node) : legalEntityToOrganization(node);

const SORTS = { _id: 'ID', name: 'NAME', _lastUpdated: 'UPDATED_AT' } as const;

async function prepare(search: ParsedSearch, ctx: HandlerContext): Promise<PreparedSearch> {
  const builder = await criteriaOf(search);
  const criteria = builder.criteria();
  if (builder.empty) return { empty: true, fetch: async () => ({ items: [], hasNext: false }), count: async () => 0 };
  return {
    fetch: async (sort: readonly SortRequest[], size: number, after: string | null): Promise<FetchedPage> => {
      const data = await run<{ structureSearch: SearchPage<StructureNode> }>(ctx, ORGANIZATION_SEARCH, {
        criteria,
        sort: sort.map((s) => ({ key: SORTS[s.code as keyof typeof SORTS], descending: s.descending })),
        first: size,
        after,
      });
      return {
        items: data.structureSearch.edges.map((e) => ({ resource: toResource(e.node), cursor: e.cursor })),
        hasNext: data.structureSearch.pageInfo.hasNextPage,
      };
    },
    count: async () => (await run<{ structureSearch: { totalCount: number } }>(ctx, STRUCTURE_COUNT, { criteria })).structureSearch.totalCount,
  };
}

async function fetchByIds(ids: readonly string[], ctx: HandlerContext): Promise<FhirSearchResource[]> {
  const resources: FhirSearchResource[] = [];
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 100) {
    const chunk = unique.slice(i, i + 100); // an EJ and an EG may share a number: room for both
    const criteria = { codes: [{ anyOf: chunk.map((code) => ({ field: 'ID', code })), not: false }] };
    const data = await run<{ structureSearch: SearchPage<StructureNode> }>(ctx, ORGANIZATION_SEARCH, { criteria, first: chunk.length * 2 });
    resources.push(...data.structureSearch.edges.map((e) => toResource(e.node)));
  }
  return resources;
}

export const organizationSearch: SearchType = {
  resourceType: 'Organization',
  params: PARAMS,
  sorts: SORTS,
  includes: [{ code: 'Organization:partof', iterate: true, references: (r) => (r.resourceType === 'Organization' && r.partOf?.reference ? [r.partOf.reference] : []) }],
  revincludes: [],
  prepare,
  fetchByIds,
};
