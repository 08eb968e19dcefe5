/** Small pieces every mapper shares: instants, meta, references, the establishment address. */
import { CODE_SYSTEMS, EXTENSIONS } from '../codes.js';
import type { GqlAddress, GqlGeoPoint } from '../queries.js';
import type { Address, Extension, HealthcareService, Location, Meta, Organization, Practitioner, Reference } from '../types.js';

/**
 * An instant already in the form `Date.toISOString` gives (the subgraphs' DateTime scalar sends
 * that), with values every month has: such a string is its own FHIR instant. Days 29–31, hour 24
 * and anything else go through Date, which rolls or refuses them. Parsing and printing every
 * instant again was 2–3 % of the export's main thread (docs/benchmarks.md, issue 16, export16e).
 */
const CANONICAL_INSTANT = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/**
 * An RFC 3339 string from GraphQL as a FHIR instant (UTC, milliseconds). Throws on garbage so a
 * broken record surfaces as a server error instead of an invalid resource.
 */
export function toInstant(value: string): string {
  if (CANONICAL_INSTANT.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`Not a date-time: ${JSON.stringify(value)}`);
  return date.toISOString();
}

/**
 * Whether instant `a` (from toInstant) is later than `b`. Years 0–9999 print as 24 characters with
 * fixed fields, which compare as text; signed six-digit years (27 characters) go through Date.
 */
const later = (a: string, b: string): boolean => (a.length === 24 && b.length === 24 ? a > b : new Date(a).getTime() > new Date(b).getTime());

/** The latest of several instants: a resource built from several records changed when any did. */
export function latestInstant(first: string, ...others: (string | null | undefined)[]): string {
  let latest = toInstant(first);
  for (const value of others) {
    if (!value) continue;
    const instant = toInstant(value);
    if (later(instant, latest)) latest = instant;
  }
  return latest;
}

/**
 * versionId of a resource built from one record: its `updatedAt` in epoch milliseconds. The hub
 * keeps no version counter on offer records, and every write moves `updatedAt`, so this changes
 * exactly when the record does; digits only, so it is a valid FHIR id and ETag content.
 */
export function versionFromInstant(updatedAt: string): string {
  return String(new Date(toInstant(updatedAt)).getTime());
}

/** meta common to the ROR profiles: versionId, lastUpdated (1..1), the profile and the source-region tag. */
export function rorMeta(profile: string, lastUpdated: string, versionId: string, regionCode?: string | null): Meta {
  const meta: Meta = { versionId, lastUpdated, profile: [profile] };
  if (regionCode) meta.tag = [{ system: CODE_SYSTEMS.regionOM, code: regionCode }];
  return meta;
}

/** ror-meta-creation-date (1..1 on every ROR profile): when the record was created in the hub. */
export function metaCreationDate(createdAt: string): Extension {
  return { url: EXTENSIONS.metaCreationDate, valueDateTime: toInstant(createdAt) };
}

type Referenced = { Organization: Organization; Location: Location; HealthcareService: HealthcareService; Practitioner: Practitioner };

/** A literal reference, typed by its target as R4 (@medplum/fhirtypes) types each reference element. */
export function reference<K extends keyof Referenced>(resourceType: K, id: string): Reference<Referenced[K]> {
  return { reference: `${resourceType}/${id}` };
}

/** Address with the JSON of its line's primitive extensions (`_line`), which R4 types leave out. */
export type RorAddress = Address & { _line?: Array<{ extension: Extension[] }> };

/**
 * The ISO 21090 parts of the street line (FINESS's numvoie, compvoie, typvoie, voie, lieuditbp) as
 * extensions of `line[0]`, in the order the IG's example gives them; empty when none is known.
 */
function lineParts(address: GqlAddress): Extension[] {
  const parts: Array<[string, string | null | undefined]> = [
    [EXTENSIONS.adxpHouseNumber, address.houseNumber],
    [EXTENSIONS.adxpBuildingNumberSuffix, address.houseNumberSuffix],
    [EXTENSIONS.adxpStreetNameType, address.streetType],
    [EXTENSIONS.adxpStreetNameBase, address.streetName],
    [EXTENSIONS.lieuDit, address.namedPlace],
    [EXTENSIONS.adxpPostBox, address.postBox],
  ];
  return parts.filter((p): p is [string, string] => !!p[1]).map(([url, valueString]) => ({ url, valueString }));
}

/** line (with its ISO 21090 parts), postalCode and city of an address; undefined when none is known. */
export function postalAddress(address: GqlAddress): RorAddress | undefined {
  const result: RorAddress = {};
  if (address.line) {
    result.line = [address.line];
    const parts = lineParts(address);
    if (parts.length > 0) result._line = [{ extension: parts }];
  }
  if (address.city) result.city = address.city;
  if (address.postalCode) result.postalCode = address.postalCode;
  return Object.keys(result).length > 0 ? { use: 'work', type: 'both', ...result } : undefined;
}

/** The core R4 geolocation extension (decimal latitude/longitude sub-extensions). */
export function geolocation(position: GqlGeoPoint): Extension {
  return {
    url: EXTENSIONS.geolocation,
    extension: [
      { url: 'latitude', valueDecimal: position.latitude },
      { url: 'longitude', valueDecimal: position.longitude },
    ],
  };
}

/** Region prefix + record id: the `NN/number` form ROR instances give their functional identifiers. */
export function regionalIdentifierValue(regionCode: string, id: string): string {
  return `${regionCode}/${id}`;
}
