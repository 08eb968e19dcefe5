/**
 * Search values by parameter type (FHIR R4 search.html): tokens, dates with their precision and
 * prefix, numbers, quantities, references and strings, turned into the pieces the backends take.
 * Malformed values are always 400, lenient or not: a value the client meant cannot be guessed.
 */
import { OperationOutcomeError, badRequest } from '../outcomes.js';
import type { Prefix } from './definitions.js';
import { unescape, type Clause, type ClauseValue } from './parse.js';
import type { Comparison, TextMatch } from '../../schemas/operations.js';

// The offer's search enums, from codegen: a value the subgraph would refuse fails the typecheck.
export type { Comparison, TextMatch };

const invalid = (message: string): OperationOutcomeError => new OperationOutcomeError(badRequest(message));

/** A token: `system|code`, `|code` (no system), `system|` (any code of it) or `code` (any system). */
export interface Token {
  /** undefined: any system; '': explicitly none. */
  system?: string;
  /** undefined: any code. */
  code?: string;
}

/** Splits on the first `|` that is not escaped. */
function splitBar(raw: string): [string, string] | null {
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\') i++;
    else if (raw[i] === '|') return [raw.slice(0, i), raw.slice(i + 1)];
  }
  return null;
}

export function parseToken(raw: string): Token {
  const parts = splitBar(raw);
  if (!parts) return { code: unescape(raw) };
  const [system, code] = parts;
  return { system: unescape(system), ...(code === '' ? {} : { code: unescape(code) }) };
}

/** A token parameter whose element carries codes of known systems, e.g. characteristic: TRE_R213 or TRE_R210. */
export interface TokenTarget<F extends string> {
  /** The code system of the element (undefined: the element has no system, e.g. an id). */
  system?: string;
  field: F;
}

/**
 * Alternatives of one token clause as (field, code) matches: a value naming a system matches the
 * targets of that system only; `|code` only targets without a system. An empty list means the
 * clause can match nothing (with `:not`: everything).
 */
export function tokenMatches<F extends string>(clause: Clause, targets: readonly TokenTarget<F>[], transform: (code: string, field: F) => string | null = (c) => c): Array<{ field: F; code: string | null }> {
  const matches: Array<{ field: F; code: string | null }> = [];
  for (const { value } of clause.values) {
    const token = parseToken(value);
    for (const target of targets) {
      if (token.system !== undefined && token.system !== (target.system ?? '')) continue;
      if (token.code === undefined) {
        matches.push({ field: target.field, code: null });
        continue;
      }
      const code = transform(token.code, target.field);
      if (code !== null) matches.push({ field: target.field, code });
    }
  }
  return matches;
}

/** Evaluates a token clause against a known value of a finite field (status, booleans, capacity codes). */
export function tokenHolds(clause: Clause, actual: { system?: string; code: string } | null): boolean {
  const any = clause.values.some(({ value }) => {
    const token = parseToken(value);
    if (!actual) return false;
    if (token.system !== undefined && token.system !== (actual.system ?? '')) return false;
    return token.code === undefined || token.code === actual.code;
  });
  return clause.modifier === 'not' ? !any : any;
}

// ---- dates ----

/** [from, before): the instants a date value stands for, at its precision. */
export interface InstantRange {
  from?: string;
  before?: string;
  outside?: boolean;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** The range a FHIR date/dateTime value covers; values without a time zone are read as UTC. */
export function dateRange(raw: string): { from: Date; before: Date } {
  const m = DATE.exec(raw);
  if (!m) throw invalid(`Invalid date "${raw}": expected YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 date-time`);
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  if (mo === undefined) return { from: new Date(Date.UTC(year, 0, 1)), before: new Date(Date.UTC(year + 1, 0, 1)) };
  const month = Number(mo) - 1;
  if (month > 11) throw invalid(`Invalid month in "${raw}"`);
  if (d === undefined) return { from: new Date(Date.UTC(year, month, 1)), before: new Date(Date.UTC(year, month + 1, 1)) };
  const day = Number(d);
  if (h === undefined) {
    const from = new Date(Date.UTC(year, month, day));
    if (from.getUTCDate() !== day) throw invalid(`Invalid day in "${raw}"`);
    return { from, before: new Date(Date.UTC(year, month, day + 1)) };
  }
  const text = `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${frac ?? ''}${zone ?? 'Z'}`;
  const from = new Date(text);
  if (Number.isNaN(from.getTime())) throw invalid(`Invalid date-time "${raw}"`);
  const unit = s === undefined ? 60_000 : frac === undefined ? 1000 : 10 ** (3 - Math.min(frac.length - 1, 3));
  return { from, before: new Date(from.getTime() + unit) };
}

/**
 * A prefixed date against an instant (meta.lastUpdated, capacityUpdateDate), as the instants that
 * match: eq within the range, ne outside, gt/sa after it, lt/eb before it, ge from its start, le
 * up to its end.
 */
export function instantTest(value: ClauseValue): InstantRange {
  const { from, before } = dateRange(value.value);
  const f = from.toISOString();
  const b = before.toISOString();
  switch (value.prefix ?? 'eq') {
    case 'eq':
      return { from: f, before: b };
    case 'ne':
      return { from: f, before: b, outside: true };
    case 'gt':
    case 'sa':
      return { from: b };
    case 'lt':
    case 'eb':
      return { before: f };
    case 'ge':
      return { from: f };
    case 'le':
      return { before: b };
    case 'ap':
      // Only period parameters list `ap` (PERIOD_PREFIXES), so parsing refuses it before this.
      throw invalid('The prefix "ap" applies to period parameters only');
  }
}

/** A prefixed date against a period (periodTest of the offer subgraph): the prefix and the value's range. */
export function periodTest(value: ClauseValue): { comparison: string; from: string; before: string } {
  const { from, before } = dateRange(value.value);
  return { comparison: (value.prefix ?? 'eq').toUpperCase(), from: from.toISOString(), before: before.toISOString() };
}

// ---- numbers and quantities ----

const COMPARISONS: Partial<Record<Prefix, Comparison>> = { eq: 'EQ', ne: 'NE', gt: 'GT', lt: 'LT', ge: 'GE', le: 'LE' };

export function numberTest(value: ClauseValue, integer: boolean): { comparison: Comparison; value: number } {
  const n = Number(value.value);
  if (value.value.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    throw invalid(`Invalid ${integer ? 'integer' : 'number'} "${value.value}"`);
  }
  const comparison = COMPARISONS[value.prefix ?? 'eq'];
  if (!comparison) throw invalid(`Prefix "${value.prefix ?? ''}" does not apply to numbers`);
  return { comparison, value: n };
}

/** `[prefix]number[|system|code]` split: its test, and its unit code when given (the system, when given, among `systems`). */
export function quantityParts(value: ClauseValue, systems: readonly string[]): { comparison: Comparison; value: number; unit?: string } {
  const [number = '', system, code] = value.value.split('|');
  if (system !== undefined && system !== '' && !systems.includes(system)) throw invalid(`Unsupported unit system "${system}"`);
  const test = numberTest({ value: number, ...(value.prefix ? { prefix: value.prefix } : {}) }, false);
  return code !== undefined && code !== '' ? { ...test, unit: code } : test;
}

/** `[prefix]number[|system|code]`: the unit, when given, must be `unit` (in `systems`). */
export function quantityTest(value: ClauseValue, unit: string, systems: readonly string[]): { comparison: Comparison; value: number } {
  const { unit: code, ...test } = quantityParts(value, systems);
  if (code !== undefined && code !== unit) throw invalid(`Unsupported unit "${code}": ages are in "${unit}" (years)`);
  return test;
}

// ---- references and strings ----

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** The id a reference value points to when it targets `type` (`Type/id` or a bare id); null for another type. */
export function referenceId(raw: string, type: string): string | null {
  const value = unescape(raw);
  const parts = value.split('/');
  const id = parts.at(-1) ?? '';
  const named = parts.length >= 2 ? parts.at(-2) : undefined;
  if (!FHIR_ID.test(id)) throw invalid(`Invalid reference "${value}"`);
  if (named !== undefined && named !== type) return null;
  return id;
}


export function textMatch(clause: Clause): TextMatch {
  if (clause.modifier === 'exact') return 'EXACT';
  if (clause.modifier === 'contains') return 'CONTAINS';
  return 'PREFIX';
}

export const stringValue = (value: ClauseValue): string => unescape(value.value);

function instantHolds(range: InstantRange, iso: string): boolean {
  const t = Date.parse(iso);
  const inside = (range.from === undefined || t >= Date.parse(range.from)) && (range.before === undefined || t < Date.parse(range.before));
  return range.outside ? !inside : inside;
}

/**
 * `_id` and `_lastUpdated` on a resource already mapped, for the searches evaluated resource by
 * resource (Task, ServiceRequest): whether the clause holds, or undefined for any other parameter.
 */
export function idOrLastUpdatedHolds(clause: Clause, resource: { id?: string; meta?: { lastUpdated?: string } }): boolean | undefined {
  if (clause.code === '_id') {
    const any = clause.values.some((v) => parseToken(v.value).code === resource.id);
    return clause.modifier === 'not' ? !any : any;
  }
  if (clause.code === '_lastUpdated') return clause.values.some((v) => instantHolds(instantTest(v), resource.meta!.lastUpdated!));
  return undefined;
}
