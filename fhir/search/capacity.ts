/**
 * Location capacity parameters (IG ror-sp-*): all of one search must hold within the same
 * ror-location-supported-capacity record, as ROR National evaluates them. The records are the
 * figures fhir/mappers/capacity.ts emits (FIGURES below; test/fhir-search-capacity.test.ts checks
 * the two agree): the codes fixed per figure are evaluated here, the count, nature and update date
 * by the capacities subgraph (`unitsWithCapacity`), for the units the caller may read.
 */
import { CODE_SYSTEMS, CODINGS } from '../codes.js';
import type { Coding } from '../types.js';
import { NUMBER_PREFIXES, ALL_PREFIXES, ror, type SearchParamDefinition } from './definitions.js';
import type { Clause } from './parse.js';
import { instantTest, numberTest, parseToken, tokenHolds, type InstantRange } from './values.js';

export type CapacityFigure =
  | 'INSTALLED'
  | 'AVAILABLE_MEN'
  | 'AVAILABLE_WOMEN'
  | 'AVAILABLE_UNDIFFERENTIATED'
  | 'CLOSED_REOPENABLE'
  | 'CLOSED_NOT_REOPENABLE'
  | 'MOBILISED';

/** The codes a figure's record carries whatever the unit (status and its qualifier). */
interface FigureCodes {
  status: Coding;
  gender?: Coding;
  closing?: Coding;
  additional?: Coding;
}

export const FIGURES: Readonly<Record<CapacityFigure, FigureCodes>> = {
  INSTALLED: { status: CODINGS.capacityInstalled },
  AVAILABLE_MEN: { status: CODINGS.capacityAvailable, gender: CODINGS.genderMen },
  AVAILABLE_WOMEN: { status: CODINGS.capacityAvailable, gender: CODINGS.genderWomen },
  AVAILABLE_UNDIFFERENTIATED: { status: CODINGS.capacityAvailable, gender: CODINGS.genderUndifferentiated },
  CLOSED_REOPENABLE: { status: CODINGS.capacityClosed, closing: CODINGS.closingReactivable },
  CLOSED_NOT_REOPENABLE: { status: CODINGS.capacityClosed, closing: CODINGS.closingNotReactivable },
  MOBILISED: { status: CODINGS.capacitySupplementary, additional: CODINGS.additionalBedMobilised },
};

const NATURES: ReadonlyArray<[string, Coding]> = [
  ['BED', CODINGS.capacityBed],
  ['PLACE', CODINGS.capacityPlace],
];

type CodeOf = (figure: FigureCodes) => Coding | undefined;

/** Token parameters on codes fixed per figure. */
const FIGURE_TOKENS: Readonly<Record<string, CodeOf>> = {
  'capacity-status': (f) => f.status,
  'gender-capacity-available': (f) => f.gender,
  'capacity-closing-type': (f) => f.closing,
  'additional-bed-type': (f) => f.additional,
  // Every record the hub emits is current (R331 01).
  'temporality-capacity': () => CODINGS.temporalityCurrent,
};

/**
 * Token parameters on codes the unit's record holds (its crisis type and temporary assignment),
 * which the capacities subgraph evaluates: the code system each is bound to, and the filter field.
 */
const RECORD_TOKENS: Readonly<Record<string, { system: string; field: 'crisisTypes' | 'temporaryAssignments' }>> = {
  'crisis-type': { system: CODE_SYSTEMS.typeCrise, field: 'crisisTypes' },
  'temporary-assignement': { system: CODE_SYSTEMS.affectationTemporaire, field: 'temporaryAssignments' },
};

/**
 * The codes a clause asks for in `system` (values of another system ask for none), or 'any' for a
 * value naming the system without a code.
 */
function codesAsked(clause: Clause, system: string): string[] | 'any' {
  const codes: string[] = [];
  for (const { value } of clause.values) {
    const token = parseToken(value);
    if (token.system !== undefined && token.system !== system) continue;
    if (token.code === undefined) return 'any';
    codes.push(token.code);
  }
  return codes;
}

/**
 * Adds the record-level token clauses to the filter: an AND of clauses intersects their codes.
 * False when no record can match. `crisisTypes: []` asks for any crisis type (the subgraph's
 * convention), while a clause asking for any assignment asks nothing (every record has one).
 */
function addRecordTokens(filter: CapacityFigureFilter, clauses: readonly Clause[], codeOf: (clause: Clause) => string): boolean {
  for (const clause of clauses) {
    const target = RECORD_TOKENS[codeOf(clause)];
    if (!target) continue;
    const asked = codesAsked(clause, target.system);
    if (asked === 'any') {
      if (target.field === 'crisisTypes') filter.crisisTypes ??= [];
      continue;
    }
    if (asked.length === 0) return false;
    const previous = filter[target.field];
    const kept = previous?.length ? asked.filter((code) => previous.includes(code)) : asked;
    if (kept.length === 0) return false;
    filter[target.field] = kept;
  }
  return true;
}

const token = (code: string, id: string, description: string, system: string, modifiers: readonly string[] = ['not']): SearchParamDefinition => ({
  code,
  type: 'token',
  description: `${description} (${system.split('/NOS/')[1]?.split('/')[0] ?? system}), within one capacity record.`,
  definition: ror(id),
  modifiers,
});

export const CAPACITY_PARAMS: readonly SearchParamDefinition[] = [
  token('capacity-type', 'ror-sp-capacity-type', 'Nature of the capacity', CODE_SYSTEMS.natureCapacite),
  token('capacity-status', 'ror-sp-capacity-status', 'Status of the capacity', CODE_SYSTEMS.typeStatutCapacite),
  token('temporality-capacity', 'ror-sp-temporality-capacity', 'Temporality', CODE_SYSTEMS.temporaliteCapacite),
  token('gender-capacity-available', 'ror-sp-gender-capacity-available', 'Gender of the available beds', CODE_SYSTEMS.genreCapacite),
  token('capacity-closing-type', 'ror-sp-capacity-closing-type', 'Closing type of closed beds', CODE_SYSTEMS.typeFermetureCapacite),
  token('additional-bed-type', 'ror-sp-additional-bed-type', 'Type of supplementary beds', CODE_SYSTEMS.typeLitSupplementaire),
  // Held by the unit's record, evaluated in SQL by the capacities subgraph: no :not (D172).
  token('temporary-assignement', 'ror-sp-temporary-assignement', 'Temporary assignment of the unit\'s beds', CODE_SYSTEMS.affectationTemporaire, []),
  token('crisis-type', 'ror-sp-crisis-type', 'Crisis the supplementary beds are opened for (capacityStatus 06 only)', CODE_SYSTEMS.typeCrise, []),
  {
    code: 'nb-capacity',
    type: 'number',
    description: 'Number of beds or places of a capacity record (integer), within one capacity record.',
    definition: ror('ror-sp-nb-capacity'),
    prefixes: NUMBER_PREFIXES,
  },
  {
    code: 'capacity-update-date',
    type: 'date',
    description: 'capacityUpdateDate of a capacity record (UTC when no time zone), within one capacity record.',
    definition: ror('ror-sp-capacity-update-date'),
    prefixes: ALL_PREFIXES,
  },
];

export const CAPACITY_CODES = new Set(CAPACITY_PARAMS.map((p) => p.code));

/** What the capacities subgraph's `unitsWithCapacity` takes (schemas/capacities.search.graphql). */
export interface CapacityFigureFilter {
  figures: CapacityFigure[];
  count?: Array<Array<{ comparison: string; value: number }>>;
  natures?: string[];
  sources?: string[];
  updated?: InstantRange[][];
  /** TRE_R336 codes; empty: any crisis type. Only the mobilised figure carries one. */
  crisisTypes?: string[];
  temporaryAssignments?: string[];
}

/**
 * The capacity clauses of a search (codes without the `location.` chain prefix) as one figure
 * filter; null when there are none, 'none' when no record can match.
 */
export function capacityFilter(clauses: readonly Clause[], codeOf: (clause: Clause) => string): CapacityFigureFilter | null | 'none' {
  const mine = clauses.filter((c) => CAPACITY_CODES.has(codeOf(c)));
  if (mine.length === 0) return null;
  const figures = (Object.keys(FIGURES) as CapacityFigure[]).filter((figure) =>
    mine.every((clause) => {
      const of = FIGURE_TOKENS[codeOf(clause)];
      if (!of) return true;
      const coding = of(FIGURES[figure]);
      return tokenHolds(clause, coding?.code ? { system: coding.system ?? '', code: coding.code } : null);
    }),
  );
  const natures = NATURES.filter(([, coding]) =>
    mine.filter((c) => codeOf(c) === 'capacity-type').every((clause) => tokenHolds(clause, { system: coding.system ?? '', code: coding.code ?? '' })),
  ).map(([nature]) => nature);
  if (figures.length === 0 || natures.length === 0) return 'none';
  const filter: CapacityFigureFilter = { figures };
  if (!addRecordTokens(filter, mine, codeOf)) return 'none';
  if (natures.length < NATURES.length) filter.natures = natures;
  const counts = mine.filter((c) => codeOf(c) === 'nb-capacity').map((c) => c.values.map((v) => numberTest(v, true)));
  if (counts.length) filter.count = counts;
  const updated = mine.filter((c) => codeOf(c) === 'capacity-update-date').map((c) => c.values.map(instantTest));
  if (updated.length) filter.updated = updated;
  return filter;
}
