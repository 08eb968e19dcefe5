/**
 * Normal forms of what people type about professionals. Names follow the ROR rule (capitals, no
 * accents, no hyphens), so one person is written one way and similar names can be compared.
 * Pure functions: they return null instead of throwing, and callers name the offending argument.
 */

/** Ligatures that NFD does not decompose, as they are written without them in civil registers. */
const LIGATURES: Record<string, string> = { Œ: 'OE', œ: 'OE', Æ: 'AE', æ: 'AE', ß: 'SS' };

const NAME_MAX_LENGTH = 100;

/**
 * Capitals without accents; hyphens and apostrophes become spaces; spaces collapsed and trimmed.
 * "Jean-François d’Hérouville" → "JEAN FRANCOIS D HEROUVILLE" (apostrophes too, as in the RPPS
 * export the demo region follows).
 */
export function normalizeName(raw: string): string {
  return raw
    .replace(/[ŒœÆæß]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[-‐‑‒–—'’ʼ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

/** The normal form when it is a valid name (Latin letters and single spaces), else null. */
export function validName(raw: string): string | null {
  const name = normalizeName(raw);
  return name.length > 0 && name.length <= NAME_MAX_LENGTH && /^[A-Z]+( [A-Z]+)*$/.test(name) ? name : null;
}

export type NationalNumber = { kind: 'RPPS' | 'ADELI'; value: string };

/** RPPS: 11 digits (spaces tolerated on input). */
export function parseRpps(raw: string): string | null {
  const value = raw.replace(/\s+/g, '');
  return /^\d{11}$/.test(value) ? value : null;
}

/** ADELI: 9 characters, digits and capitals (the département part may be 2A/2B). */
export function parseAdeli(raw: string): string | null {
  const value = raw.replace(/\s+/g, '').toUpperCase();
  return /^[0-9A-Z]{9}$/.test(value) ? value : null;
}

/**
 * Both numbers share one unique column (`rpps_number`, see tables.ts): an RPPS number has 11
 * characters and an ADELI number 9, so the stored value says which it is.
 */
export function nationalNumberOf(stored: string | null): NationalNumber | null {
  if (stored === null) return null;
  return { kind: stored.length === 11 ? 'RPPS' : 'ADELI', value: stored };
}

/** Logins: 3 to 64 of letters, digits, dot, underscore, hyphen; stored lower case (unique ignoring case). */
export function validLogin(raw: string): string | null {
  const login = raw.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9._-]{2,63}$/.test(login) ? login : null;
}

/** A plausible e-mail address (one @, a dot in the domain, no spaces), trimmed; null otherwise. */
export function validEmail(raw: string): string | null {
  const email = raw.trim();
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(email) ? email : null;
}

/** FINESS number (EJ or ET): 9 characters, digits except A/B in the département part (Corsica). */
const FINESS_ID = /^\d[0-9AB]{2}\d{6}$/;

export function isFinessNumber(id: string): boolean {
  return FINESS_ID.test(id);
}
