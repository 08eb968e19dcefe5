/**
 * Validation of coded values against the terminology files, for every write of the offer.
 *
 * API (stable, used by the editing mutations):
 *
 *   assertCodes(field: string, systemKey: CodeSystemKey, codes: readonly string[] | string | null | undefined,
 *               options?: { keep?: readonly string[]; today?: Date; binding?: NationalValueSet }): void
 *     Throws HubError('BAD_USER_INPUT') naming `field`, the system and every unknown or deprecated
 *     code (extensions: field, system, unknownCodes, deprecatedCodes). null/undefined/[] pass.
 *     `keep`: codes the record already holds; they pass even when deprecated since (a deprecated
 *     code stays displayable on old records, but no write may introduce it).
 *
 *     `binding`: the IG value set (JDV) the field is bound to, when narrower than the system (the
 *     system file may be complete while the field takes only the JDV's codes): a code of the system
 *     outside it is refused too (extensions.valueSet, outsideValueSet), unless kept.
 *
 *   codeStatus(systemKey, code, today?): 'ACTIVE' | 'DEPRECATED' | 'UNKNOWN'
 *   displayOf(systemKey, code): string | null
 *
 * Checks run in memory against the same files the loader copies into `code`, so no query is needed.
 */
import { HubError } from '../../../platform/errors.js';
import type { NationalValueSet } from '../../../platform/terminology/code-systems.js';
import { TERMINOLOGY, type CodeSystemKey, type TerminologyCode } from './systems.js';

export type { CodeSystemKey };
export type CodeStatus = 'ACTIVE' | 'DEPRECATED' | 'UNKNOWN';

const byCode = new Map<CodeSystemKey, Map<string, TerminologyCode>>(
  Object.values(TERMINOLOGY).map((s) => [s.key, new Map(s.codes.map((c) => [c.code, c]))]),
);

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function codeStatus(systemKey: CodeSystemKey, code: string, today: Date = new Date()): CodeStatus {
  const entry = byCode.get(systemKey)?.get(code);
  if (!entry) return 'UNKNOWN';
  return entry.deprecatedOn !== undefined && entry.deprecatedOn <= isoDay(today) ? 'DEPRECATED' : 'ACTIVE';
}

export function displayOf(systemKey: CodeSystemKey, code: string): string | null {
  return byCode.get(systemKey)?.get(code)?.display ?? null;
}

export function assertCodes(
  field: string,
  systemKey: CodeSystemKey,
  codes: readonly string[] | string | null | undefined,
  options: { keep?: readonly string[]; today?: Date; binding?: NationalValueSet } = {},
): void {
  if (codes === null || codes === undefined) return;
  const list = typeof codes === 'string' ? [codes] : codes;
  const keep = new Set(options.keep ?? []);
  const unknown: string[] = [];
  const deprecated: string[] = [];
  for (const code of new Set(list)) {
    const status = codeStatus(systemKey, code, options.today);
    if (status === 'UNKNOWN') unknown.push(code);
    else if (status === 'DEPRECATED' && !keep.has(code)) deprecated.push(code);
  }
  const system = TERMINOLOGY[systemKey];
  if (unknown.length || deprecated.length) {
    const parts = [
      unknown.length ? `unknown code(s) ${unknown.map((c) => `"${c}"`).join(', ')}` : null,
      deprecated.length ? `deprecated code(s) ${deprecated.map((c) => `"${c}"`).join(', ')}` : null,
    ].filter(Boolean);
    throw new HubError('BAD_USER_INPUT', `\`${field}\`: ${parts.join(' and ')} of ${system.name} (${system.url}).`, {
      field,
      system: system.url,
      unknownCodes: unknown,
      deprecatedCodes: deprecated,
    });
  }
  if (options.binding) assertInValueSet(field, system.url, options.binding, list, keep);
}

/** Codes of the system the field's value set (its IG binding) leaves out are refused, kept ones aside. */
function assertInValueSet(field: string, systemUrl: string, valueSet: NationalValueSet, codes: readonly string[], keep: ReadonlySet<string>): void {
  if (valueSet.system !== systemUrl) throw new Error(`${valueSet.name} binds codes of ${valueSet.system}, not ${systemUrl}`);
  const allowed = new Set(valueSet.codes);
  const outside = [...new Set(codes)].filter((c) => !allowed.has(c) && !keep.has(c));
  if (!outside.length) return;
  throw new HubError('BAD_USER_INPUT', `\`${field}\`: code(s) ${outside.map((c) => `"${c}"`).join(', ')} of the system are outside ${valueSet.name} (${valueSet.url}), the value set the field is bound to.`, {
    field,
    system: systemUrl,
    valueSet: valueSet.url,
    outsideValueSet: outside,
  });
}
