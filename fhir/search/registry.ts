/**
 * The searchable types. Adding one (e.g. PractitionerRole) is its module under types/ plus one
 * line here; the router, the CapabilityStatement and `_include` resolution all read this list.
 */
import type { SearchType } from './definitions.js';
import { healthcareServiceSearch } from './types/healthcare-service.js';
import { locationSearch } from './types/location.js';
import { organizationSearch } from './types/organization.js';
import { practitionerRoleSearch } from './types/practitioner-role.js';
import { practitionerSearch } from './types/practitioner.js';
import { serviceRequestSearch } from '../admissions/search.js';
import { taskSearch } from '../error-reports/search.js';

export const SEARCH_TYPES: readonly SearchType[] = [organizationSearch, healthcareServiceSearch, locationSearch, practitionerSearch, practitionerRoleSearch, serviceRequestSearch, taskSearch];

export function findSearchType(resourceType: string): SearchType | undefined {
  return SEARCH_TYPES.find((t) => t.resourceType === resourceType);
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/**
 * The parameters of every searchable type as the Markdown table of docs/fhir-search.md (between
 * its `search-parameters` markers; a test checks the page holds exactly this).
 */
export function renderSearchParameters(): string {
  const rows = SEARCH_TYPES.flatMap((type) =>
    [...type.params, ...(type.chained ?? [])].map((p) => {
      const accepts = [...(p.modifiers ?? []).map((m) => `:${m}`), ...(p.prefixes ?? [])].join(' ') || '–';
      const source = p.definition.includes('/ig/fhir/ror/') ? 'ROR IG' : 'R4';
      return `| ${type.resourceType} | \`${p.code}\` | ${p.type} | ${cell(accepts)} | ${source} | ${cell(p.description)} |`;
    }),
  );
  const results = SEARCH_TYPES.map(
    (type) =>
      `| ${type.resourceType} | ${Object.keys(type.sorts).map((s) => `\`${s}\``).join(', ') || '–'} | ${type.includes.map((i) => `\`${i.code}\`${i.iterate ? ' (:iterate)' : ''}`).join(', ') || '–'} | ${type.revincludes.map((i) => `\`${i.code}\``).join(', ') || '–'} |`,
  );
  return [
    '| type | parameter | type | modifiers, prefixes | defined by | meaning |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    '| type | `_sort` | `_include` | `_revinclude` |',
    '|---|---|---|---|',
    ...results,
  ].join('\n');
}
