/**
 * The national code systems (NOS, published by the ANS) as data: one JSON file per system in
 * ./systems/ (README.md here says where each comes from and how to update it). They live in
 * platform/ because several subgraphs hold codes of the same system (TRE_R242 in the offer's
 * prices and in the capacities' residential capacities) and subgraphs may not import each other:
 * each reads the files it needs through `readCodeSystem`, so a code has one label in the hub.
 */
import { readFileSync } from 'node:fs';

export interface NationalCode {
  code: string;
  display: string;
  /** End of validity (NOS dateFin, YYYY-MM-DD): refused for new values, still displayed. */
  deprecatedOn?: string;
}

export interface NationalCodeSystem {
  /** The name the offer subgraph's code gives the system (subgraphs/offer/terminology/systems.ts). */
  key: string;
  /** Canonical URL (https://mos.esante.gouv.fr/NOS/TRE_Rnnn-Name/FHIR/TRE-Rnnn-Name). */
  url: string;
  /** NOS name, e.g. TRE_R210-ActeSpecifique. */
  name: string;
  title: string;
  /** NOS release the codes come from; the offer's loader skips a system already loaded at this version. */
  version: string;
  /** False when the file holds a documented subset of the release (see its `note`). */
  complete: boolean;
  note?: string;
  codes: NationalCode[];
}

/** Canonical URL of a NOS code system from its name (TRE_Rnnn-Name). */
export const nosSystemUrl = (name: string): string => `https://mos.esante.gouv.fr/NOS/${name}/FHIR/${name.replace('_', '-')}`;

/** Reads and checks one file: a broken file must fail at start-up, not at the first write. */
export function readCodeSystem(name: string): NationalCodeSystem {
  const system = JSON.parse(readFileSync(new URL(`./systems/${name}.json`, import.meta.url), 'utf8')) as NationalCodeSystem;
  if (system.name !== name || system.url !== nosSystemUrl(name) || !system.key || !system.version || !system.codes.length) {
    throw new Error(`terminology file ${name}.json is inconsistent (key, name, url, version or codes)`);
  }
  const seen = new Set<string>();
  for (const c of system.codes) {
    if (!c.code || !c.display || seen.has(c.code)) throw new Error(`terminology ${name}: bad or duplicate code "${c.code}"`);
    if (c.deprecatedOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(c.deprecatedOn)) throw new Error(`terminology ${name}: bad deprecatedOn on ${c.code}`);
    seen.add(c.code);
  }
  return system;
}

/**
 * A value set of the IG (JDV_…) that a field is bound to when the binding is narrower than the
 * code system: the system file says which codes exist and their label, the value set which of them
 * the field may carry. Files in ./value-sets/ (codes only: the label is always the system's).
 */
export interface NationalValueSet {
  /** NOS name, e.g. JDV_J238-TypeOffre-ROR. */
  name: string;
  url: string;
  title: string;
  version: string;
  /** Canonical URL of the code system its codes belong to. */
  system: string;
  codes: string[];
}

export function readValueSet(name: string): NationalValueSet {
  const valueSet = JSON.parse(readFileSync(new URL(`./value-sets/${name}.json`, import.meta.url), 'utf8')) as NationalValueSet;
  if (valueSet.name !== name || valueSet.url !== nosSystemUrl(name) || !valueSet.version || !valueSet.system || !valueSet.codes.length || new Set(valueSet.codes).size !== valueSet.codes.length) {
    throw new Error(`value set file ${name}.json is inconsistent (name, url, version, system or codes)`);
  }
  return valueSet;
}
