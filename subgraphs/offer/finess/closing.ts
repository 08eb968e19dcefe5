/**
 * An establishment's opening and closure as FINESS records them (IG organization-period and
 * ror-organization-closing-type): `dateouv`, and for a closed establishment its closing date and
 * type (TRE_R286). Read from text columns, checked with the other FINESS rules (parse.ts).
 */
import { codeStatus } from '../terminology/validate.js';

export interface FinessClosing {
  openedOn: string | null;
  closedOn: string | null;
  closingTypeCode: string | null;
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return day.toISOString().slice(0, 10) === value;
}

const blankToNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

export function closingOfColumns(openedOn: string, closedOn: string, closingType: string): FinessClosing {
  return { openedOn: blankToNull(openedOn), closedOn: blankToNull(closedOn), closingTypeCode: blankToNull(closingType)?.toUpperCase() ?? null };
}

/** The FINESS rules: real days, a closing date with its type (and no type without a date), not before the opening. */
export function closingProblems(c: FinessClosing): string[] {
  const problems: string[] = [];
  if (c.openedOn !== null && !isCalendarDay(c.openedOn)) problems.push(`dateouv "${c.openedOn}" must be a date YYYY-MM-DD`);
  if (c.closedOn !== null && !isCalendarDay(c.closedOn)) problems.push(`datefermeture "${c.closedOn}" must be a date YYYY-MM-DD`);
  if ((c.closedOn === null) !== (c.closingTypeCode === null)) problems.push('datefermeture and typefermeture must be given together');
  if (c.closingTypeCode !== null && codeStatus('closingType', c.closingTypeCode) !== 'ACTIVE') {
    problems.push(`typefermeture "${c.closingTypeCode}" is not a FINESS closing type (TRE_R286: DEF, PRO, PRE, CHP, ERR, NDI, EML)`);
  }
  if (c.openedOn !== null && c.closedOn !== null && isCalendarDay(c.openedOn) && isCalendarDay(c.closedOn) && c.closedOn < c.openedOn) {
    problems.push(`datefermeture ${c.closedOn} is before dateouv ${c.openedOn}`);
  }
  return problems;
}
