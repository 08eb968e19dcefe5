/**
 * A FHIR write seen element by element: which first-level elements (and which extensions, by
 * url) a new body changes against the resource the hub serves now. Each write handler maps the
 * elements it records onto its GraphQL mutation and refuses every other change, naming the
 * element (docs/fhir-write.md): nothing a client sends is silently dropped.
 */
import type { Extension } from '../types.js';

/** Set by the server on every write (R4 http.html#create, #update): never compared. */
const SERVER_SET = new Set(['resourceType', 'id', 'meta', 'text']);

export type Json = Record<string, unknown>;

/** The element name an issue points at: `HealthcareService.name`, `HealthcareService.extension('<url>')`. */
export function elementPath(resourceType: string, element: string): string {
  return `${resourceType}.${element}`;
}

/**
 * A value as compared: codings' labels dropped (a client may send codes without `display`, and
 * the hub's labels come from its terminology files), object keys sorted, empty arrays as absent.
 */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(canonical);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Json)
      .filter(([key]) => key !== 'display')
      .map(([key, v]) => [key, canonical(v)] as const)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a) ?? null) === JSON.stringify(canonical(b) ?? null);
}

/** The extensions of a resource by url, in order. */
export function extensionsByUrl(resource: Json): Map<string, Extension[]> {
  const groups = new Map<string, Extension[]>();
  for (const extension of (resource.extension as Extension[] | undefined) ?? []) {
    const url = typeof extension?.url === 'string' ? extension.url : '';
    groups.set(url, [...(groups.get(url) ?? []), extension]);
  }
  return groups;
}

/** `extension('<url>')`, the name this module gives one group of extensions. */
export const extensionElement = (url: string): string => `extension('${url}')`;

/**
 * The first-level elements whose value differs between the served resource and the new body:
 * element names (`name`, `type`…) and one `extension('<url>')` per extension url that changed.
 * Server-set elements (id, meta, text) are not compared.
 */
export function changedElements(current: Json, next: Json): string[] {
  const changed: string[] = [];
  const keys = new Set([...Object.keys(current), ...Object.keys(next)]);
  for (const key of keys) {
    if (SERVER_SET.has(key) || key === 'extension') continue;
    if (!sameValue(current[key], next[key])) changed.push(key);
  }
  const before = extensionsByUrl(current);
  const after = extensionsByUrl(next);
  for (const url of new Set([...before.keys(), ...after.keys()])) {
    if (!sameValue(before.get(url), after.get(url))) changed.push(extensionElement(url));
  }
  return changed;
}
