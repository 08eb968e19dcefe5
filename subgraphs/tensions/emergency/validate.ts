/**
 * Checks one raw RPU record against the code lists and cross-field rules (codes.ts). Messages name
 * the field and the rule, never the value: a birth date, postal code or commune must not reach a
 * log or a report (docs/emergency.md § Minimisation).
 */
import { luhnCheckDigit } from '../../../platform/luhn.js';
import {
  DESTINATION_BY_EXIT,
  ENTRY_MODES,
  EXIT_MODES,
  ORIENT_BY_EXIT,
  PROVENANCE_BY_ENTRY,
  SEVERITIES,
  SEXES,
  TRANSPORTS,
  TRANSPORT_CARE,
} from './codes.js';
import { ageInYears, parseRpuDate, parseRpuDateTime } from './dates.js';
import type { RawRecord } from './parse.js';

/** What survives validation: the few values the indicators need, plus the deduplication inputs. */
export interface ValidPassage {
  index: number;
  line: number;
  establishmentId: string;
  enteredAt: Date;
  leftAt: Date | null;
  ageYears: number | null;
  exitMode: string | null;
  orientation: string | null;
  /** FINESS|ENTREE|NAISSANCE|SEXE, hashed before storage and never logged. */
  identity: string;
}

/** What identifies a passage across re-sends (seconds of ENTREE ignored); hashed, never stored or logged. */
export const passageIdentity = (finess: string, entree: string, naissance: string, sexe: string): string => [finess, entree.slice(0, 16), naissance, sexe].join('|');

export interface FieldProblem {
  field: string;
  message: string;
}

const FINESS = /^(\d{2}|2[AB])\d{7}$/;
const POSTAL_CODE = /^(\d{5}|2[AB]\d{3})$/;
/** Passages longer than this are not plausible (and excluded from LOS anyway). */
const MAX_STAY_DAYS = 30;

/** Problem of a FINESS ET number, or null: format, then Luhn key on numeric ones (as the FINESS import). */
export function finessProblem(value: string): string | null {
  if (!FINESS.test(value)) return 'must be 2 département characters (digits, 2A or 2B) then 7 digits';
  if (/^\d{9}$/.test(value) && luhnCheckDigit(value.slice(0, 8)) !== Number(value[8])) return 'has a wrong check digit';
  return null;
}

function oneOf(field: string, value: string, allowed: readonly string[], problems: FieldProblem[], context = ''): void {
  if (value !== '' && !allowed.includes(value)) {
    problems.push({ field, message: allowed.length === 0 ? `must be empty${context}` : `must be one of ${allowed.join(', ')}${context}` });
  }
}

export function validateRecord(record: RawRecord): { passage: ValidPassage | null; problems: FieldProblem[] } {
  const f = (name: string) => record.fields[name] ?? '';
  const problems: FieldProblem[] = [];
  const finess = f('FINESS');
  const finessIssue = finessProblem(finess);
  if (finessIssue) problems.push({ field: 'FINESS', message: finessIssue });

  const entered = parseRpuDateTime(f('ENTREE'));
  if (!entered) problems.push({ field: 'ENTREE', message: 'is required, as JJ/MM/AAAA hh:mm' });
  const birth = f('NAISSANCE') === '' ? null : parseRpuDate(f('NAISSANCE'));
  if (f('NAISSANCE') !== '' && !birth) problems.push({ field: 'NAISSANCE', message: 'must be a date JJ/MM/AAAA (or empty when unknown)' });
  const age = birth && entered ? ageInYears(birth, entered) : null;
  if (age !== null && (age < 0 || age > 120)) problems.push({ field: 'NAISSANCE', message: 'must be before ENTREE and at most 120 years before it' });
  if (f('CP') !== '' && !POSTAL_CODE.test(f('CP'))) problems.push({ field: 'CP', message: 'must be 5 characters (99999 when unknown)' });

  if (f('SEXE') === '') problems.push({ field: 'SEXE', message: 'is required (M, F or I)' });
  else oneOf('SEXE', f('SEXE'), SEXES, problems);
  const entryMode = f('MODE_ENTREE');
  if (entryMode === '') problems.push({ field: 'MODE_ENTREE', message: 'is required (6, 7 or 8)' });
  else oneOf('MODE_ENTREE', entryMode, ENTRY_MODES, problems);
  if (PROVENANCE_BY_ENTRY[entryMode]) oneOf('PROVENANCE', f('PROVENANCE'), PROVENANCE_BY_ENTRY[entryMode]!, problems, ` after MODE_ENTREE ${entryMode}`);
  oneOf('TRANSPORT', f('TRANSPORT'), TRANSPORTS, problems);
  oneOf('TRANSPORT_PEC', f('TRANSPORT_PEC'), TRANSPORT_CARE, problems);
  oneOf('GRAVITE', f('GRAVITE'), SEVERITIES, problems);

  const left = f('SORTIE') === '' ? null : parseRpuDateTime(f('SORTIE'));
  if (f('SORTIE') !== '' && !left) problems.push({ field: 'SORTIE', message: 'must be JJ/MM/AAAA hh:mm (or empty while the patient is present)' });
  if (left && entered && left < entered) problems.push({ field: 'SORTIE', message: 'must not be before ENTREE' });
  if (left && entered && left.getTime() - entered.getTime() > MAX_STAY_DAYS * 86_400_000) {
    problems.push({ field: 'SORTIE', message: `must be at most ${MAX_STAY_DAYS} days after ENTREE` });
  }
  const exitMode = f('MODE_SORTIE');
  oneOf('MODE_SORTIE', exitMode, EXIT_MODES, problems);
  if (exitMode !== '' && f('SORTIE') === '') problems.push({ field: 'SORTIE', message: 'is required when MODE_SORTIE is filled' });
  const orientation = f('ORIENT') === 'NA' ? '' : f('ORIENT');
  for (const [field, value, rule] of [
    ['DESTINATION', f('DESTINATION'), DESTINATION_BY_EXIT],
    ['ORIENT', orientation, ORIENT_BY_EXIT],
  ] as const) {
    if (value === '') continue;
    if (exitMode === '') problems.push({ field, message: 'needs MODE_SORTIE' });
    else if (rule[exitMode]) oneOf(field, value, rule[exitMode]!, problems, ` after MODE_SORTIE ${exitMode}`);
  }

  if (problems.length > 0 || !entered) return { passage: null, problems };
  return {
    passage: {
      index: record.index,
      line: record.line,
      establishmentId: finess,
      enteredAt: entered,
      leftAt: left,
      ageYears: age,
      exitMode: exitMode === '' ? null : exitMode,
      orientation: orientation === '' ? null : orientation,
      identity: passageIdentity(finess, f('ENTREE'), f('NAISSANCE'), f('SEXE')),
    },
    problems,
  };
}
