/**
 * The searchset Bundle: entries with fullUrl and search.mode (match, include, outcome), links
 * (self, next) and `_elements` subsetting with the SUBSETTED tag.
 */
import type { Bundle, BundleEntry, BundleLink, FhirSearchResource, Meta, OperationOutcome } from '../types.js';

/** The v3 ObservationValue code FHIR uses to mark a resource missing some of its elements. */
export const SUBSETTED = { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'SUBSETTED', display: 'subsetted' } as const;

/** Elements `_elements` always keeps: what identifies the resource and says what it conforms to. */
const KEPT = new Set(['resourceType', 'id', 'meta']);

/** The resource with only the named top-level elements (plus KEPT), tagged SUBSETTED. */
export function subset<R extends FhirSearchResource>(resource: R, elements: readonly string[]): R {
  const wanted = new Set(elements.map((e) => e.replace(/^[A-Za-z]+\./, '')));
  const result = Object.fromEntries(Object.entries(resource).filter(([key]) => KEPT.has(key) || wanted.has(key))) as R;
  const meta: Meta = { ...(resource.meta ?? {}) };
  meta.tag = [...(meta.tag ?? []).filter((t) => t.code !== SUBSETTED.code), { ...SUBSETTED }];
  result.meta = meta;
  return result;
}

export interface BundleParts {
  baseUrl: string;
  matches: Array<{ resource: FhirSearchResource; distanceKm?: number | null }>;
  included: FhirSearchResource[];
  outcome?: OperationOutcome;
  total?: number;
  links: BundleLink[];
  elements?: readonly string[];
}

const DISTANCE = 'http://hl7.org/fhir/StructureDefinition/location-distance';

export function searchBundle(parts: BundleParts): Bundle {
  const shape = (r: FhirSearchResource) => (parts.elements ? subset(r, parts.elements) : r);
  const fullUrl = (r: FhirSearchResource) => `${parts.baseUrl}/${r.resourceType}/${r.id ?? ''}`;
  const entry: BundleEntry[] = [
    ...parts.matches.map(({ resource, distanceKm }): BundleEntry => ({
      fullUrl: fullUrl(resource),
      resource: shape(resource),
      search: {
        mode: 'match',
        // The distance `near` ordered by (core extension on Bundle.entry.search).
        ...(distanceKm !== undefined && distanceKm !== null
          ? { extension: [{ url: DISTANCE, valueDistance: { value: distanceKm, unit: 'km', system: 'http://unitsofmeasure.org', code: 'km' } }] }
          : {}),
      },
    })),
    ...parts.included.map((resource): BundleEntry => ({ fullUrl: fullUrl(resource), resource: shape(resource), search: { mode: 'include' } })),
  ];
  if (parts.outcome) entry.push({ resource: parts.outcome, search: { mode: 'outcome' } });
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(parts.total !== undefined ? { total: parts.total } : {}),
    link: parts.links,
    ...(entry.length ? { entry } : {}),
  };
}
