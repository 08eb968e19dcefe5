/**
 * Builds the offer subgraph's search criteria (schemas/offer.search.graphql) from parsed clauses:
 * one criterion per clause (AND), its values as alternatives (OR). A clause that can match nothing
 * (a token of a system the element never uses, a reference to another type) empties the search.
 */
import { mergeCriteria, type Criteria } from './filter.js';
import type { Clause } from './parse.js';
import { instantTest, referenceId, stringValue, textMatch, tokenMatches, type InstantRange, type TextMatch, type TokenTarget } from './values.js';

export interface CodeCriterion<F extends string> {
  anyOf: Array<{ field: F; code: string | null }>;
  not: boolean;
}

export interface TextCriterion<F extends string> {
  anyOf: Array<{ field: F; value: string; match: TextMatch }>;
}

/** The text fields of a name and an address, shared by the structure and unit criteria. */
export type PlaceTextField = 'NAME' | 'CITY' | 'POSTAL_CODE';
const PLACE_TEXT: Partial<Record<string, PlaceTextField>> = { name: 'NAME', 'address-city': 'CITY', 'address-postalcode': 'POSTAL_CODE' };

export class CriteriaBuilder<C extends string, T extends string> {
  readonly codes: CodeCriterion<C>[] = [];
  readonly texts: TextCriterion<T>[] = [];
  /** Each an OR of ranges; units may put a range on their establishment's or its legal entity's updatedAt. */
  readonly updated: Array<Array<InstantRange & { establishment?: boolean; legalEntity?: boolean }>> = [];
  /** `_filter` criteria, each of which must hold too (fhir/search/filter.ts). */
  readonly filters: Criteria[] = [];
  /** Nothing can match. */
  empty = false;

  /** A token clause on elements of known systems. */
  token(clause: Clause, targets: readonly TokenTarget<C>[], transform?: (code: string, field: C) => string | null): this {
    const anyOf = tokenMatches(clause, targets, transform);
    const not = clause.modifier === 'not';
    if (anyOf.length === 0) {
      if (!not) this.empty = true; // `:not` of nothing holds everywhere
      return this;
    }
    this.codes.push({ anyOf, not });
    return this;
  }

  /** A reference clause: the ids of `type` it names, as a code criterion on `field`. */
  reference(clause: Clause, type: string, field: C): this {
    const ids = clause.values.map((v) => referenceId(v.value, type)).filter((id): id is string => id !== null);
    if (ids.length === 0) this.empty = true;
    else this.codes.push({ anyOf: ids.map((code) => ({ field, code })), not: false });
    return this;
  }

  text(clause: Clause, field: T): this {
    const match = textMatch(clause);
    this.texts.push({ anyOf: clause.values.map((v) => ({ field, value: stringValue(v), match })) });
    return this;
  }

  /**
   * `_content`: each comma-separated value is an alternative, and every word of it must be found
   * (accent- and case-insensitive substring) in one of the resource's texts `fields`.
   */
  content(clause: Clause, fields: readonly T[]): this {
    const alternatives = clause.values.map((v) => {
      const words = stringValue(v).split(/\s+/).filter((w) => w !== '');
      return { texts: words.map((word) => ({ anyOf: fields.map((field) => ({ field, value: word, match: 'CONTAINS' as const })) })) };
    });
    if (alternatives.every((a) => a.texts.length === 0)) return this; // only blanks: no constraint
    this.filters.push({ anyOf: alternatives });
    return this;
  }

  /**
   * `name`, `_content`, `address-city`, `address-postalcode`: the same text fields on every type
   * that has a name and an address (Organization, Location). True when the clause was one of them.
   */
  place(this: CriteriaBuilder<C, T | PlaceTextField>, clause: Clause): boolean {
    const field = PLACE_TEXT[clause.code];
    if (field) this.text(clause, field);
    else if (clause.code === '_content') this.content(clause, ['NAME', 'CITY', 'POSTAL_CODE']);
    else return false;
    return true;
  }

  /** `_lastUpdated` on a resource whose meta.lastUpdated is one record's updatedAt. */
  lastUpdated(clause: Clause): this {
    this.updated.push(clause.values.map(instantTest));
    return this;
  }

  /** The GraphQL input (empty lists left out), `_filter` criteria merged in. */
  criteria(): Criteria {
    return this.filters.reduce(mergeCriteria, this.own());
  }

  /** This builder's own criteria (subclasses add theirs). */
  protected own(): Criteria {
    return {
      ...(this.codes.length ? { codes: this.codes } : {}),
      ...(this.texts.length ? { texts: this.texts } : {}),
      ...(this.updated.length ? { updated: this.updated } : {}),
    };
  }
}
