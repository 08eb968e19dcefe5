/**
 * The search request as the type's parameter registry reads it: each occurrence of a parameter is
 * one clause (AND), its comma-separated values are alternatives (OR). Unknown or unsupported
 * parameters, modifiers and prefixes are refused with 400 naming them, or, with
 * `Prefer: handling=lenient`, dropped and reported (FHIR R4 search.html#errors).
 */
import { OperationOutcomeError, badRequest } from '../outcomes.js';
import { PERIOD_PREFIXES, type Prefix, type SearchParamDefinition, type SearchType, type SortRequest } from './definitions.js';
import { stringProblem } from '../../platform/input-guard.js';

/** Page size: default, and the maximum a larger `_count` is clamped to (the IG's RG_RECH_52). */
export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 200;

export interface ClauseValue {
  /** The value without its prefix, escapes resolved. */
  value: string;
  prefix?: Prefix;
}

export interface Clause {
  definition: SearchParamDefinition;
  /** The code as sent (`location.capacity-status` for a chain). */
  code: string;
  modifier?: string;
  values: ClauseValue[];
}

export interface IncludeRequest {
  code: string;
  iterate: boolean;
}

export interface ParsedSearch {
  clauses: Clause[];
  count: number;
  /** Set when `_count` asked for more than MAX_COUNT. */
  clampedFrom?: number;
  sort: SortRequest[];
  includes: IncludeRequest[];
  revincludes: IncludeRequest[];
  /** `_elements`, when given. */
  elements?: string[];
  /** `_summary=count`: the total only. */
  summaryCount: boolean;
  /** `_total=accurate`. */
  totalAccurate: boolean;
  /** Our paging cursor (`_cursor`), only ever taken from a `next` link. */
  cursor?: string;
  /** What lenient handling dropped, as messages. */
  ignored: string[];
}

/** Parameters the plugin or the client library handles, which carry no search meaning. */
const TRANSPARENT = new Set(['_format', '_pretty']);

/** Splits on commas not escaped with a backslash, and resolves `\,` `\|` `\$` `\\`. */
export function splitValues(raw: string): string[] {
  const values: string[] = [];
  let current = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\\' && i + 1 < raw.length) {
      current += ch + raw[i + 1]!;
      i++;
    } else if (ch === ',') {
      values.push(current);
      current = '';
    } else current += ch;
  }
  values.push(current);
  return values;
}

/** Resolves the escapes of one value (after splitting on `|` when the type does). */
export const unescape = (value: string): string => value.replace(/\\([\\,|$])/g, '$1');

const PREFIX = /^(eq|ne|gt|lt|ge|le|sa|eb|ap)(?=[-+\d.])/;

function withPrefix(raw: string, definition: SearchParamDefinition): ClauseValue {
  if (!definition.prefixes) return { value: raw };
  const match = PREFIX.exec(raw);
  if (!match) return { value: raw };
  return { value: raw.slice(2), prefix: match[1] as Prefix };
}

class Refusals {
  readonly messages: string[] = [];
  private readonly lenient: boolean;
  constructor(lenient: boolean) {
    this.lenient = lenient;
  }
  refuse(message: string): void {
    if (!this.lenient) throw new OperationOutcomeError(badRequest(message));
    this.messages.push(message);
  }
}

function parseCount(raw: string, search: ParsedSearch): void {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n)) throw new OperationOutcomeError(badRequest(`_count must be a non-negative integer, got "${raw}"`));
  if (n > MAX_COUNT) search.clampedFrom = n;
  search.count = Math.min(n, MAX_COUNT);
  if (n === 0) search.summaryCount = true;
}

function parseSort(raw: string, type: SearchType, refusals: Refusals, search: ParsedSearch): void {
  for (const part of raw.split(',').filter((p) => p !== '')) {
    const descending = part.startsWith('-');
    const code = descending ? part.slice(1) : part;
    if (!(code in type.sorts)) refusals.refuse(`Unsupported _sort "${code}" on ${type.resourceType}; supported: ${Object.keys(type.sorts).join(', ')}`);
    else search.sort.push({ code, descending });
  }
}

function parseInclude(key: string, modifier: string | undefined, raw: string, type: SearchType, refusals: Refusals, search: ParsedSearch): void {
  const reverse = key === '_revinclude';
  const known = reverse ? type.revincludes : type.includes;
  const iterate = modifier === 'iterate' || modifier === 'recurse';
  if (modifier !== undefined && !iterate) return refusals.refuse(`Unknown modifier "${key}:${modifier}"`);
  for (const code of splitValues(raw)) {
    const definition = known.find((d) => d.code === code);
    if (!definition) refusals.refuse(`Unsupported ${key}=${code} on ${type.resourceType}; supported: ${known.map((d) => d.code).join(', ') || 'none'}`);
    else if (iterate && !definition.iterate) refusals.refuse(`${key}:iterate=${code} cannot iterate`);
    else (reverse ? search.revincludes : search.includes).push({ code, iterate });
  }
}

/** Result parameters (FHIR search.html#return); true when `key` was one. */
function parseResultParameter(key: string, modifier: string | undefined, raw: string, type: SearchType, refusals: Refusals, search: ParsedSearch): boolean {
  switch (key) {
    case '_count':
      parseCount(raw, search);
      return true;
    case '_sort':
      parseSort(raw, type, refusals, search);
      return true;
    case '_include':
    case '_revinclude':
      parseInclude(key, modifier, raw, type, refusals, search);
      return true;
    case '_elements':
      search.elements = raw.split(',').map((e) => e.trim()).filter((e) => e !== '');
      return true;
    case '_summary':
      if (raw === 'count') search.summaryCount = true;
      else if (raw !== 'false') refusals.refuse(`Unsupported _summary=${raw}; supported: count, false`);
      return true;
    case '_total':
      if (raw === 'accurate') search.totalAccurate = true;
      else if (raw !== 'none' && raw !== 'estimate') refusals.refuse(`Unsupported _total=${raw}; supported: none, estimate, accurate`);
      return true;
    case '_cursor':
      search.cursor = raw;
      return true;
    default:
      return false;
  }
}

function parseClause(key: string, modifier: string | undefined, raw: string, definition: SearchParamDefinition, refusals: Refusals): Clause | null {
  if (modifier !== undefined && !(definition.modifiers ?? []).includes(modifier)) {
    refusals.refuse(`Unsupported modifier "${key}:${modifier}"; ${definition.code} accepts ${(definition.modifiers ?? []).join(', ') || 'none'}`);
    return null;
  }
  const parts = splitValues(raw);
  if (parts.length > 1 && definition.or === false) {
    refusals.refuse(`${key} takes a single value, not a comma-separated list`);
    return null;
  }
  const values: ClauseValue[] = [];
  for (const part of parts) {
    const value = withPrefix(part, definition);
    if (value.prefix && !(definition.prefixes ?? []).includes(value.prefix)) {
      refusals.refuse(`Unsupported prefix "${value.prefix}" on ${key}; accepted: ${(definition.prefixes ?? []).join(', ')}`);
      return null;
    }
    values.push(value);
  }
  return { definition, code: key, ...(modifier !== undefined ? { modifier } : {}), values };
}

/**
 * `_has:Type:reference:parameter[:modifier]` (reverse chaining, one level): the code is the first
 * four parts, as the type declares it among its chained parameters; the rest is the modifier of
 * the inner parameter.
 */
function reverseChain(name: string): [string, string | undefined] {
  const parts = name.split(':');
  return [parts.slice(0, 4).join(':'), parts.length > 4 ? parts.slice(4).join(':') : undefined];
}

function unsupportedHas(name: string, type: SearchType): string {
  const forms = (type.chained ?? []).filter((d) => d.code.startsWith('_has:')).map((d) => d.code);
  return `Unsupported reverse chain "${name}" on ${type.resourceType}; supported: ${forms.join(', ') || 'none'}`;
}

/** Parses every parameter of a search on `type` (query string and form body together). */
export function parseSearch(entries: Iterable<[string, string]>, type: SearchType, lenient: boolean): ParsedSearch {
  const refusals = new Refusals(lenient);
  const search: ParsedSearch = { clauses: [], count: DEFAULT_COUNT, sort: [], includes: [], revincludes: [], summaryCount: false, totalAccurate: false, ignored: refusals.messages };
  const definitions = new Map([...type.params, ...(type.chained ?? [])].map((d) => [d.code, d]));
  const seen = new Set<string>();
  for (const [name, raw] of entries) {
    // Always an error, even lenient: the value cannot be searched for (docs/errors.md § Input limits).
    const bad = stringProblem(name, 'A parameter name') ?? stringProblem(raw, `Search parameter ${name}`);
    if (bad) throw new OperationOutcomeError(badRequest(bad.message));
    const [key = '', modifier] = name.startsWith('_has:') ? reverseChain(name) : (name.split(':', 2) as [string, string | undefined]);
    if (TRANSPARENT.has(key)) continue;
    if (raw === '') continue; // FHIR: parameters without a value are ignored
    if (parseResultParameter(key, modifier, raw, type, refusals, search)) continue;
    const definition = key === '_has' ? undefined : definitions.get(key);
    if (!definition && (key === '_has' || key.startsWith('_has:'))) {
      refusals.refuse(unsupportedHas(name, type));
      continue;
    }
    if (!definition) {
      refusals.refuse(`Unknown search parameter "${key}" for ${type.resourceType}`);
      continue;
    }
    if (definition.and === false && seen.has(key)) {
      refusals.refuse(`${key} may be given once only`);
      continue;
    }
    seen.add(key);
    const clause = parseClause(key, modifier, raw, definition, refusals);
    if (clause) search.clauses.push(clause);
  }
  return search;
}

/** Whether a prefix list is one this server knows (for the registry's self-check). */
export const isPrefix = (p: string): p is Prefix => (PERIOD_PREFIXES as readonly string[]).includes(p);
