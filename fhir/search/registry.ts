/**
 * The searchable types. Adding one (e.g. PractitionerRole) is its module under types/ plus one
 * line here; the router, the CapabilityStatement and `_include` resolution all read this list.
 */
import type { SearchType } from './definitions.js';
import { healthcareServiceSearch } from './types/healthcare-service.js';
import { locationSearch } from './types/location.js';
import { organizationSearch } from './types/organization.js';

export const SEARCH_TYPES: readonly SearchType[] = [organizationSearch, healthcareServiceSearch, locationSearch];

export function findSearchType(resourceType: string): SearchType | undefined {
  return SEARCH_TYPES.find((t) => t.resourceType === resourceType);
}
