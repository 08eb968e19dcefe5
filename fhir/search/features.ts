/**
 * Location parameters on the place's housing (ror-location-residential-capacity) and equipment
 * limits (ror-location-equipment-limit): `residential-type` with `residential-number`, and
 * `equipment-feature` with `limit-value`, each pair holding within one extension (as the capacity
 * parameters hold within one capacity record), evaluated in SQL by the capacities subgraph
 * (`unitsWithPlaceFeatures`) for the units the caller may read.
 */
import { CODE_SYSTEMS, UCUM } from '../codes.js';
import { NUMBER_PREFIXES, ror, type SearchParamDefinition } from './definitions.js';
import type { Clause } from './parse.js';
import { numberTest, parseToken, quantityParts } from './values.js';

type Test = { comparison: string; value: number; unit?: string };

/** What the capacities subgraph's `unitsWithPlaceFeatures` takes (schemas/capacities.features.graphql). */
export interface PlaceFeatureFilter {
  residential?: { types?: string[]; count?: Test[][] };
  equipmentLimit?: { features?: string[]; value?: Test[][] };
}

export const FEATURE_PARAMS: readonly SearchParamDefinition[] = [
  { code: 'residential-type', type: 'token', description: 'Housing type (TRE_R242) of a ror-location-residential-capacity.', definition: ror('ror-sp-residential-type'), modifiers: [] },
  {
    code: 'residential-number',
    type: 'number',
    description: 'Number of housings (integer) of a ror-location-residential-capacity, with residential-type in the same extension.',
    definition: ror('ror-sp-residential-number'),
    prefixes: NUMBER_PREFIXES,
  },
  { code: 'equipment-feature', type: 'token', description: 'Feature (TRE_R340) of a ror-location-equipment-limit.', definition: ror('ror-sp-equipment-feature'), modifiers: [] },
  {
    code: 'limit-value',
    type: 'quantity',
    description: 'Limit value of a ror-location-equipment-limit (kg or cm, UCUM), with equipment-feature in the same extension: `[prefix]value[|http://unitsofmeasure.org|unit]`.',
    definition: ror('ror-sp-limit-value'),
    prefixes: NUMBER_PREFIXES,
  },
];

export const FEATURE_CODES = new Set(FEATURE_PARAMS.map((p) => p.code));

/** The codes an AND of token clauses asks in `system` (intersected); null when none asks, [] when nothing can match. */
function codesOf(clauses: readonly Clause[], system: string): string[] | null {
  let kept: string[] | null = null;
  for (const clause of clauses) {
    const asked: string[] = [];
    let any = false;
    for (const { value } of clause.values) {
      const token = parseToken(value);
      if (token.system !== undefined && token.system !== system) continue;
      if (token.code === undefined) any = true;
      else asked.push(token.code);
    }
    if (any) continue;
    kept = kept === null ? asked : kept.filter((code) => asked.includes(code));
  }
  return kept;
}

/**
 * The feature clauses of a search (codes without the `location.` chain prefix) as one filter; null
 * when there are none, 'none' when no extension can match.
 */
export function featureFilter(clauses: readonly Clause[], codeOf: (clause: Clause) => string): PlaceFeatureFilter | null | 'none' {
  const of = (code: string) => clauses.filter((c) => codeOf(c) === code);
  const filter: PlaceFeatureFilter = {};
  if (of('residential-type').length || of('residential-number').length) {
    const types = codesOf(of('residential-type'), CODE_SYSTEMS.typeHabitation);
    if (types?.length === 0) return 'none';
    const count = of('residential-number').map((c) => c.values.map((v) => numberTest(v, true)));
    filter.residential = { ...(types ? { types } : {}), ...(count.length ? { count } : {}) };
  }
  if (of('equipment-feature').length || of('limit-value').length) {
    const features = codesOf(of('equipment-feature'), CODE_SYSTEMS.typeCaracteristiqueEquipement);
    if (features?.length === 0) return 'none';
    const value = of('limit-value').map((c) => c.values.map((v) => quantityParts(v, [UCUM])));
    filter.equipmentLimit = { ...(features ? { features } : {}), ...(value.length ? { value } : {}) };
  }
  return filter.residential || filter.equipmentLimit ? filter : null;
}
