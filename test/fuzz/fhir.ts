/**
 * Garbage for the FHIR entry point: every search parameter of every resource type named by the
 * CapabilityStatement (with modifiers, the result parameters _count, _sort, _include…), and
 * read, vread and _history paths with malformed ids and versions.
 */
import type { Rng } from './rng.js';
import { FHIR_VALUES } from './values.js';

export interface CapabilityResource {
  type: string;
  searchParam?: Array<{ name: string }>;
  interaction?: Array<{ code: string }>;
}

const MODIFIERS = ['', '', '', ':exact', ':contains', ':missing', ':not', ':text', ':above', ':below', ':iterate', ':nosuch', ':', ':Location'];
const RESULT_PARAMS = ['_count', '_sort', '_include', '_revinclude', '_elements', '_summary', '_total', '_id', '_lastUpdated', '_format', '_offset', '_has', '_contained', '_list'];
const IDS = ['', 'does-not-exist', '-1', '0', 'a%00b', '%00', '%ff%fe', 'x'.repeat(5000), '..', '..%2F..%2Fetc', '%2e%2e', '2147483648', 'Organization', '450002613%20', '1e309'];
const VERSIONS = ['0', '-1', '1', '2147483648', '99999999999999999999', 'NaN', '1e309', 'abc', '%00', '', '1.5'];

/** Percent-encodes, or passes a value that encodeURIComponent refuses (a lone surrogate) as raw bytes. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

export interface FhirPath {
  label: string;
  /** Path and query under /fhir, already encoded. */
  path: string;
}

/** `runs` search requests per parameter and resource type, plus `runs` with a result parameter. */
export function searchPaths(resources: readonly CapabilityResource[], rng: Rng, runs: number): FhirPath[] {
  const paths: FhirPath[] = [];
  for (const resource of resources) {
    const params = (resource.searchParam ?? []).map((p) => p.name);
    if (params.length === 0) continue;
    for (const name of [...params, ...RESULT_PARAMS]) {
      for (let run = 0; run < runs; run++) {
        const modifier = name.startsWith('_') ? rng.pick(['', '', ':iterate', ':nosuch']) : rng.pick(MODIFIERS);
        const value = rng.pick(FHIR_VALUES);
        // Sometimes with a second, valid-looking parameter: garbage must not break a combined query.
        const other = rng.chance(0.3) ? `&${encode(rng.pick(params))}=${encode(rng.pick(['a', '37', 'gt0', '2026-01-01']))}` : '';
        const rawQuery = rng.chance(0.1);
        const query = rawQuery ? `${name}${modifier}=${rng.pick(['%', '%zz', '%00%', '&&&', '==', '%E9'])}` : `${encode(name + modifier)}=${encode(value)}`;
        paths.push({ label: `search ${resource.type}?${name}${modifier}`, path: `/${resource.type}?${query}${other}` });
      }
    }
  }
  return paths;
}

/** read, vread, _history (instance and type level) with odd ids and versions. */
export function readPaths(resources: readonly CapabilityResource[], validIds: Record<string, string[]>, rng: Rng, runs: number): FhirPath[] {
  const paths: FhirPath[] = [];
  for (const resource of resources) {
    const known = validIds[resource.type] ?? [];
    for (let run = 0; run < runs * 2; run++) {
      const id = known.length && rng.chance(0.4) ? rng.pick(known) : rng.pick(IDS);
      const version = rng.pick(VERSIONS);
      const since = rng.pick(['', `?_since=${encode(rng.pick(FHIR_VALUES))}`, `?_count=${encode(rng.pick(FHIR_VALUES))}`, '?_at=2026-13-45']);
      const shape = rng.int(0, 3);
      const path = [
        `/${resource.type}/${id}`,
        `/${resource.type}/${id}/_history/${version}`,
        `/${resource.type}/${id}/_history${since}`,
        `/${resource.type}/_history${since}`,
      ][shape]!;
      paths.push({ label: `${['read', 'vread', 'history', 'type-history'][shape]} ${resource.type}`, path });
    }
  }
  return paths;
}
