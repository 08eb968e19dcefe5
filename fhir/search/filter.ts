/**
 * `_filter` (FHIR search_filter.html), the subset the ROR IG's full-offer extraction uses:
 * `(_lastUpdated ge X or organization._lastUpdated ge X)`. Comparisons of a date path with
 * `eq gt ge lt le`, joined by `and` / `or`, grouped with parentheses. Anything else (another
 * path or operator, `not`, `and` and `or` mixed without parentheses) is a 400 naming it.
 *
 * The expression becomes the `updated` criteria of the offer's `unitSearch` in conjunctive normal
 * form (AND of ORs of instant ranges, each on the unit's or its establishment's updatedAt), so it
 * runs as the same indexed SQL as `_lastUpdated`, never by filtering in memory.
 */
import { OperationOutcomeError, badRequest } from '../outcomes.js';
import type { Prefix } from './definitions.js';
import { instantTest, type InstantRange } from './values.js';

/** A range on the unit's updatedAt, or (establishment) on its establishment's. */
export type FilterRange = InstantRange & { establishment?: boolean };

type Expr = { kind: 'cmp'; range: FilterRange } | { kind: 'and' | 'or'; parts: Expr[] };

/** The paths of the subset, and whether each is the establishment's (HealthcareService.providedBy). */
const PATHS: Readonly<Record<string, boolean>> = { _lastUpdated: false, 'organization._lastUpdated': true };
const OPERATORS = new Set<Prefix>(['eq', 'gt', 'ge', 'lt', 'le']);
/** Bounds of the normal form: beyond, the expression is refused rather than expanded. */
const MAX_CLAUSES = 16;
const MAX_RANGES = 16;

const refuse = (message: string): never => {
  throw new OperationOutcomeError(badRequest(`_filter: ${message}`));
};

/** Words, parentheses and quoted strings ("…" with \" escapes; kept with a leading `"`). */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const pattern = /\s*(?:([()])|"((?:[^"\\]|\\.)*)"|([^\s()"]+))/y;
  while (text.slice(pattern.lastIndex).trim() !== '') {
    const start = pattern.lastIndex;
    const match = pattern.exec(text);
    if (!match) return refuse(`cannot read "${text.slice(start).trim()}"`);
    tokens.push(match[1] ?? (match[2] !== undefined ? `"${match[2]}` : match[3]!));
  }
  return tokens;
}

class Parser {
  private position = 0;
  private readonly tokens: readonly string[];
  constructor(tokens: readonly string[]) {
    this.tokens = tokens;
  }

  parse(): Expr {
    const expr = this.expression();
    if (this.position < this.tokens.length) refuse(`unexpected "${this.tokens[this.position]}"`);
    return expr;
  }

  private peek = (): string | undefined => this.tokens[this.position];
  private next = (): string | undefined => this.tokens[this.position++];

  /** Terms joined by one logical operator: `a and b or c` is ambiguous and needs parentheses. */
  private expression(): Expr {
    const parts = [this.term()];
    let operator: 'and' | 'or' | undefined;
    for (let word = this.peek()?.toLowerCase(); word === 'and' || word === 'or'; word = this.peek()?.toLowerCase()) {
      if (operator && operator !== word) refuse('"and" and "or" mixed without parentheses');
      operator = word;
      this.position++;
      parts.push(this.term());
    }
    return operator ? { kind: operator, parts } : parts[0]!;
  }

  private term(): Expr {
    const token = this.next();
    if (token === undefined) return refuse('unexpected end of the expression');
    if (token === '(') {
      const inner = this.expression();
      if (this.next() !== ')') refuse('missing ")"');
      return inner;
    }
    if (token.toLowerCase() === 'not') return refuse('"not" is not supported');
    return this.comparison(token);
  }

  private comparison(path: string): Expr {
    if (!(path in PATHS)) refuse(`unsupported path "${path}"; supported: ${Object.keys(PATHS).join(', ')}`);
    const operator = this.next();
    if (!operator || !OPERATORS.has(operator as Prefix)) refuse(`unsupported operator "${operator ?? ''}" after ${path}; supported: ${[...OPERATORS].join(', ')}`);
    const raw = this.next();
    if (raw === undefined || raw === '(' || raw === ')') return refuse(`missing value after "${path} ${operator}"`);
    const value = raw.startsWith('"') ? raw.slice(1).replace(/\\(.)/g, '$1') : raw;
    return { kind: 'cmp', range: { ...instantTest({ value, prefix: operator as Prefix }), ...(PATHS[path] ? { establishment: true } : {}) } };
  }
}

/** AND of ORs: `and` concatenates clauses, `or` distributes (bounded). */
function normalForm(expr: Expr): FilterRange[][] {
  if (expr.kind === 'cmp') return [[expr.range]];
  const forms = expr.parts.map(normalForm);
  if (expr.kind === 'and') return forms.flat();
  let result: FilterRange[][] = [[]];
  for (const form of forms) {
    result = result.flatMap((clause) => form.map((other) => [...clause, ...other]));
    if (result.length > MAX_CLAUSES) refuse(`too complex (more than ${MAX_CLAUSES} alternatives once distributed)`);
  }
  return result;
}

/** The `updated` criteria a `_filter` value stands for. */
export function filterCriteria(text: string): FilterRange[][] {
  const form = normalForm(new Parser(tokenize(text)).parse());
  if (form.length > MAX_CLAUSES || form.some((clause) => clause.length > MAX_RANGES)) refuse(`too complex (at most ${MAX_CLAUSES} criteria of ${MAX_RANGES} comparisons)`);
  return form;
}
