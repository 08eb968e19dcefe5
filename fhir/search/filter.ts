/**
 * `_filter` (FHIR search_filter.html), the subset the ROR IG uses: comparisons `path op value` of
 * the type's own search parameters, joined by `and` / `or`, grouped with parentheses. Operators:
 * `eq ne gt ge lt le sa eb` on dates, numbers and quantities (as their prefixes), `eq` / `ne` on
 * tokens (`ne` is `:not`), `eq` on references, `eq` (`:exact`), `sw` (the default prefix match) and
 * `co` (`:contains`) on strings. A type may add paths of its own (HealthcareService's
 * `organization._lastUpdated`, with `:above`). Anything else (another path or operator, `not`,
 * `and` and `or` mixed without parentheses) is a 400 naming it.
 *
 * Each comparison is compiled by the type into the same criteria object its plain parameter gives;
 * `and` merges them, `or` nests them as `anyOf` (schemas/offer.search.graphql,
 * professionals.search.graphql), so a filter runs as the same indexed SQL as the plain
 * parameters, in one query, never by filtering in memory.
 */
import { MAX_ANY_OF_DEPTH, MAX_ANY_OF_OBJECTS } from '../../platform/any-of.js';
import { OperationOutcomeError, badRequest } from '../outcomes.js';
import { base, type Prefix, type SearchParamDefinition } from './definitions.js';
import type { Clause } from './parse.js';

/** A criteria object of a structured search (units, structures or professionals). */
export type Criteria = Record<string, unknown>;

/** Matches nothing: an `anyOf` without alternatives. */
export const NOTHING: Criteria = Object.freeze({ anyOf: [] });

/** Whether criteria are NOTHING's shape. */
export const isNothing = (c: Criteria): boolean => Array.isArray(c.anyOf) && c.anyOf.length === 0 && Object.keys(c).length === 1;

/** Turns one comparison (a clause of the type's parameter) into the type's criteria; NOTHING when it cannot match. */
export type CompileClause = (clause: Clause) => Promise<Criteria> | Criteria;

export const FILTER_PARAM: SearchParamDefinition = {
  code: '_filter',
  type: 'special',
  description:
    'The IG\'s subset of the _filter grammar on this type\'s parameters (rows of type date, number, quantity, token, reference, string; not the capacity ones): eq ne gt ge lt le sa eb as prefixes, ne as :not, sw / co / eq on strings, joined by and / or with parentheses.',
  definition: base('Resource-filter'),
  or: false,
};

type Node = { kind: 'cmp'; clause: Clause } | { kind: 'and' | 'or'; parts: Node[] };

const STRING_OPERATORS: Readonly<Record<string, string | undefined>> = { sw: undefined, co: 'contains', eq: 'exact' };

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

/** The clause a comparison stands for: the operator as the prefix or modifier of the plain parameter. */
function comparisonClause(code: string, modifier: string | undefined, definition: SearchParamDefinition, operator: string, value: string): Clause {
  const allowed = (list: readonly string[]) => (list.includes(operator) ? operator : refuse(`unsupported operator "${operator}" on ${code} (${definition.type}); supported: ${list.join(', ')}`));
  const clause = (extra: { modifier?: string; prefix?: Prefix }): Clause => {
    const mod = extra.modifier ?? modifier;
    return { definition, code, ...(mod !== undefined ? { modifier: mod } : {}), values: [{ value, ...(extra.prefix ? { prefix: extra.prefix } : {}) }] };
  };
  switch (definition.type) {
    case 'date':
    case 'number':
    case 'quantity':
      return clause({ prefix: allowed(definition.prefixes ?? ['eq']) as Prefix });
    case 'token':
      return allowed((definition.modifiers ?? []).includes('not') ? ['eq', 'ne'] : ['eq']) === 'ne' ? clause({ modifier: 'not' }) : clause({});
    case 'reference':
      allowed(['eq']);
      return clause({});
    case 'string': {
      allowed(Object.keys(STRING_OPERATORS));
      const mod = STRING_OPERATORS[operator];
      return mod ? clause({ modifier: mod }) : clause({});
    }
    default:
      return refuse(`${code} cannot be filtered on`);
  }
}

class Parser {
  private position = 0;
  private readonly tokens: readonly string[];
  private readonly paths: ReadonlyMap<string, SearchParamDefinition>;
  constructor(tokens: readonly string[], paths: ReadonlyMap<string, SearchParamDefinition>) {
    this.tokens = tokens;
    this.paths = paths;
  }

  parse(): Node {
    const expr = this.expression();
    if (this.position < this.tokens.length) refuse(`unexpected "${this.tokens[this.position]}"`);
    return expr;
  }

  private peek = (): string | undefined => this.tokens[this.position];
  private next = (): string | undefined => this.tokens[this.position++];

  /** Terms joined by one logical operator: `a and b or c` is ambiguous and needs parentheses. */
  private expression(): Node {
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

  private term(): Node {
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

  private comparison(path: string): Node {
    const [code = '', modifier, ...rest] = path.split(':');
    const definition = this.paths.get(code);
    if (!definition) return refuse(`unsupported path "${code}"; supported: ${[...this.paths.keys()].join(', ')}`);
    if (rest.length || (modifier !== undefined && !(definition.modifiers ?? []).includes(modifier))) refuse(`unsupported modifier in "${path}"`);
    const operator = this.next()?.toLowerCase();
    if (!operator || operator === '(' || operator === ')') return refuse(`missing operator after "${path}"`);
    const raw = this.next();
    if (raw === undefined || raw === '(' || raw === ')') return refuse(`missing value after "${path} ${operator}"`);
    const value = raw.startsWith('"') ? raw.slice(1).replace(/\\(.)/g, '$1') : raw;
    return { kind: 'cmp', clause: comparisonClause(code, modifier, definition, operator, value) };
  }
}

const SCALARS = new Set(['archived', 'ids', 'near']);

/**
 * Both criteria (AND): lists concatenated; a scalar set differently in each matches nothing; two
 * `anyOf` distribute (each alternative of one with the other), as one object holds one `anyOf`.
 */
export function mergeCriteria(a: Criteria, b: Criteria): Criteria {
  if (a.anyOf && b.anyOf) {
    const { anyOf, ...rest } = a;
    return mergeCriteria(rest, { ...b, anyOf: (b.anyOf as Criteria[]).map((alt) => mergeCriteria(alt, { anyOf })) });
  }
  const merged: Criteria = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = merged[key];
    if (mine === undefined) merged[key] = value;
    else if (SCALARS.has(key)) {
      if (JSON.stringify(mine) !== JSON.stringify(value)) return NOTHING;
    } else merged[key] = [...(mine as unknown[]), ...(value as unknown[])];
  }
  return merged;
}

async function compileNode(node: Node, compile: CompileClause): Promise<Criteria> {
  if (node.kind === 'cmp') return compile(node.clause);
  const parts = await Promise.all(node.parts.map((p) => compileNode(p, compile)));
  if (node.kind === 'and') return parts.reduce(mergeCriteria, {});
  return { anyOf: parts.filter((p) => !isNothing(p)) };
}

function checkSize(criteria: Criteria): void {
  let objects = 0;
  const visit = (c: Criteria, depth: number): void => {
    objects++;
    if (depth > MAX_ANY_OF_DEPTH || objects > MAX_ANY_OF_OBJECTS) refuse(`too complex (at most ${MAX_ANY_OF_DEPTH} nested levels and ${MAX_ANY_OF_OBJECTS} alternatives once and / or are distributed)`);
    for (const sub of (c.anyOf as Criteria[] | undefined) ?? []) visit(sub, depth + 1);
  };
  visit(criteria, 0);
}

/**
 * The paths `_filter` takes on a type: its parameters of a comparable type (not `special` ones,
 * nor `leaveOut`: parameters evaluated by another source, like capacity), and its own `extra` paths.
 */
export function filterPaths(params: readonly SearchParamDefinition[], leaveOut: ReadonlySet<string> = new Set(), extra: readonly SearchParamDefinition[] = []): Map<string, SearchParamDefinition> {
  // `_content` is a text search of its own (no operator would mean anything on it).
  return new Map([...params.filter((p) => p.type !== 'special' && p.code !== '_content' && !leaveOut.has(p.code)), ...extra].map((p) => [p.code, p]));
}

/** The criteria a `_filter` value stands for on a type with these paths. */
export async function filterCriteria(text: string, paths: ReadonlyMap<string, SearchParamDefinition>, compile: CompileClause): Promise<Criteria> {
  const criteria = await compileNode(new Parser(tokenize(text), paths).parse(), compile);
  checkSize(criteria);
  return criteria;
}

/** A CompileClause applying `apply` to a fresh builder: its criteria, or NOTHING when it can match nothing. */
export function compiler<B extends { empty: boolean; criteria(): Criteria }>(fresh: () => B, apply: (builder: B, clause: Clause) => unknown): CompileClause {
  return async (clause) => {
    const builder = fresh();
    await apply(builder, clause);
    return builder.empty ? NOTHING : builder.criteria();
  };
}
