/**
 * Rights a person holds by their function, without a role assignment (rights.md: "Directors may
 * declare tensions for their establishment by default"). Data: each rule names the functions it
 * applies to (a pattern on the record's `jobTitle`, accents and case ignored), the rights and
 * the perimeter, which is each establishment where the person works. The gateway receives them
 * with the account's assignments (accountGrants), so every rule of the hub sees them alike.
 */
import type { RightCode } from '../../platform/auth/rights.js';

export interface DefaultGrantRule {
  /** What the rule is, for the docs and the logs. */
  name: string;
  /** Tested on the function without accents, in lower case. */
  functions: RegExp;
  rights: readonly RightCode[];
}

export const DEFAULT_GRANTS: readonly DefaultGrantRule[] = [
  // « Directeur », « Directrice des soins », « Directeur des Affaires Financières »…: the deck
  // makes no exception among directors.
  { name: 'directors declare tensions for their establishments', functions: /^(directeur|directrice)\b/, rights: ['OruTension_tension_creation'] },
];

function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim();
}

/** The default grants of a person with this function working in these establishments. */
export function defaultGrantsOf(jobTitle: string | null, establishmentIds: readonly string[]): Array<{ rights: RightCode[]; kind: 'ESTABLISHMENT'; id: string }> {
  if (!jobTitle || establishmentIds.length === 0) return [];
  const rights = [...new Set(DEFAULT_GRANTS.filter((rule) => rule.functions.test(folded(jobTitle))).flatMap((rule) => rule.rights))];
  return rights.length ? establishmentIds.map((id) => ({ rights, kind: 'ESTABLISHMENT' as const, id })) : [];
}
