/**
 * What a searchable resource type declares: its parameters (which drive both the parser and the
 * CapabilityStatement), its sorts, includes and revincludes, and how to run a page. Adding a type
 * is one module implementing `SearchType` plus one line in fhir/search/registry.ts.
 */
import { IG } from '../codes.js';
import type { HandlerContext } from '../records.js';
import type { FhirSearchResource } from '../types.js';
import type { ParsedSearch } from './parse.js';

export type SearchParamType = 'string' | 'token' | 'reference' | 'date' | 'number' | 'quantity' | 'special';

export type Prefix = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le' | 'sa' | 'eb' | 'ap';
export const ALL_PREFIXES: readonly Prefix[] = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb'];
/** Date parameters on a period whose `ap` the hub defines (an overlap of the two ranges). */
export const PERIOD_PREFIXES: readonly Prefix[] = [...ALL_PREFIXES, 'ap'];
export const NUMBER_PREFIXES: readonly Prefix[] = ['eq', 'ne', 'gt', 'lt', 'ge', 'le'];

export interface SearchParamDefinition {
  code: string;
  type: SearchParamType;
  description: string;
  /** Canonical URL of the SearchParameter (an IG one when the IG defines it, else the R4 base one). */
  definition: string;
  /** Modifiers accepted besides none (e.g. exact, contains, not). */
  modifiers?: readonly string[];
  /** Prefixes accepted (date, number, quantity); none for other types. */
  prefixes?: readonly Prefix[];
  /** Whether comma-separated alternatives (OR) are accepted; true by default. */
  or?: boolean;
  /** Whether the parameter may be repeated (AND); true by default. */
  and?: boolean;
}

/** `_include` or `_revinclude` value this type supports, e.g. `HealthcareService:location`. */
export interface IncludeDefinition {
  /** `Source:param`. */
  code: string;
  /** Whether `:iterate` is meaningful (the target type has the same include). */
  iterate?: boolean;
}

/** An `_include`: the references of a resource that the named parameter follows. */
export interface ForwardInclude extends IncludeDefinition {
  references: (resource: FhirSearchResource) => string[];
}

/** A `_revinclude` from this type's point of view: the resources of another type pointing at the matches. */
export interface ReverseInclude extends IncludeDefinition {
  find: (ids: readonly string[], ctx: HandlerContext) => Promise<FhirSearchResource[]>;
}

/** A sort the type supports, by `_sort` code (without `-`). */
export type SortCodes = Readonly<Record<string, string>>;

/** One page the type fetched: resources in order, the cursor after each, and whether more follow. */
export interface FetchedPage {
  items: Array<{
    resource: FhirSearchResource;
    cursor: string;
    search?: { score?: number };
    distanceKm?: number | null;
    /** Resources read with this one that `_include` may point to (e.g. a Location's Organization): taken instead of fetched again. */
    included?: FhirSearchResource[];
  }>;
  hasNext: boolean;
}

/**
 * A prepared search: the type turned the parsed parameters into its backend criteria. `filter`,
 * when present, keeps the matches of a fetched batch that a second source must confirm (capacity
 * criteria, evaluated by the capacities subgraph); `count` counts every match.
 */
export interface PreparedSearch {
  /** Nothing can match (e.g. a token whose system this type never uses). */
  empty?: boolean;
  fetch: (sort: readonly SortRequest[], size: number, after: string | null) => Promise<FetchedPage>;
  filter?: (ids: readonly string[]) => Promise<Set<string>>;
  count: () => Promise<number>;
  /**
   * When present, `fetch` answers bare resources (type and id) and this turns the kept ones of a
   * page into full resources, in order (missing ones dropped): a filtered search then reads whole
   * resources for the page only, not for every candidate of its batches.
   */
  hydrate?: (items: FetchedPage['items']) => Promise<FetchedPage['items']>;
}

export interface SortRequest {
  code: string;
  descending: boolean;
}

export interface SearchType {
  resourceType: string;
  params: readonly SearchParamDefinition[];
  /** Chained parameters (`location.capacity-status`), by full code; parsed like plain ones. */
  chained?: readonly SearchParamDefinition[];
  sorts: SortCodes;
  includes: readonly ForwardInclude[];
  revincludes: readonly ReverseInclude[];
  prepare: (search: ParsedSearch, ctx: HandlerContext) => Promise<PreparedSearch>;
  /** The resources with these ids (in any order; missing or hidden ones are left out). */
  fetchByIds: (ids: readonly string[], ctx: HandlerContext) => Promise<FhirSearchResource[]>;
}

const FHIR_SP = 'http://hl7.org/fhir/SearchParameter';
const ROR_SP = `${IG.canonical}/SearchParameter`;

/** Canonical of an R4 base SearchParameter, e.g. base('Location-address-city'). */
export const base = (id: string): string => `${FHIR_SP}/${id}`;
/** Canonical of a ROR IG SearchParameter, e.g. ror('ror-sp-capacity-type'). */
export const ror = (id: string): string => `${ROR_SP}/${id}`;

/** The parameters every type shares (R4 Resource-*), as this server implements them. */
export const COMMON_PARAMS: readonly SearchParamDefinition[] = [
  { code: '_id', type: 'token', description: 'Logical id; comma-separated ids are alternatives.', definition: base('Resource-id'), modifiers: ['not'] },
  {
    code: '_lastUpdated',
    type: 'date',
    description: 'meta.lastUpdated, with every prefix; dates without a time zone are UTC.',
    definition: base('Resource-lastUpdated'),
    prefixes: ALL_PREFIXES,
  },
  {
    code: '_tag',
    type: 'token',
    description: 'Source region of the record (TRE_R30-RegionOM code in meta.tag).',
    definition: base('Resource-tag'),
    modifiers: ['not'],
  },
];

/** `_content` as this server implements it; `texts` says which texts of the type it searches. */
export const contentParam = (texts: string): SearchParamDefinition => ({
  code: '_content',
  type: 'string',
  description: `Text search: every word of the value (comma-separated values are alternatives) found, accent- and case-insensitive, in ${texts}.`,
  definition: base('Resource-content'),
});

export const STRING_MODIFIERS = ['exact', 'contains'] as const;
export const TOKEN_MODIFIERS = ['not'] as const;
