/**
 * Password hashing with scrypt (node:crypto) at OWASP's parameters (N = 2^17, r = 8, p = 1;
 * D72). The stored form carries its parameters (`scrypt$N$r$p$salt$hash`), so hashes
 * made with other parameters (the former N = 2^14) still verify, and are replaced at the next
 * successful sign-in (needsRehash). The cost is configuration (`ROR_PASSWORD_SCRYPT_LOG2N`),
 * lowered only in tests (platform/config.ts refuses a lower one elsewhere).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { OWASP_SCRYPT_LOG2N } from '../../platform/config.js';

const R = 8;
const P = 1;
const KEY_LENGTH = 32;
export const MIN_PASSWORD_LENGTH = 12;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node refuses above 32 MiB unless maxmem says more (N = 2^17: 128 MiB).
  const maxmem = 128 * (options.N ?? 0) * (options.r ?? R) + 32 * 1024 * 1024;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** @param log2N the configured cost (config.passwordScryptLog2N); OWASP's when not given */
export async function hashPassword(password: string, log2N = OWASP_SCRYPT_LOG2N): Promise<string> {
  const salt = randomBytes(16);
  const N = 2 ** log2N;
  const key = await derive(password, salt, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Parameters a stored hash accepts: bounded, so a corrupt row cannot ask for gigabytes. */
function parametersOf(stored: string | null): { N: number; r: number; p: number; salt: string; hash: string } | null {
  const parts = stored?.split('$') ?? [];
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const [N, rr, pp] = [Number(n), Number(r), Number(p)];
  if (!Number.isInteger(Math.log2(N)) || N < 2 || N > 2 ** 20 || !(rr >= 1 && rr <= 32) || !(pp >= 1 && pp <= 16)) return null;
  return { N, r: rr, p: pp, salt, hash };
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parameters = parametersOf(stored);
  if (!parameters) return false;
  const expected = Buffer.from(parameters.hash, 'base64url');
  const actual = await derive(password, Buffer.from(parameters.salt, 'base64url'), { N: parameters.N, r: parameters.r, p: parameters.p });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** True when a (verified) hash was made with other parameters than the configured ones. */
export function needsRehash(stored: string, log2N = OWASP_SCRYPT_LOG2N): boolean {
  const parameters = parametersOf(stored);
  return !parameters || parameters.N !== 2 ** log2N || parameters.r !== R || parameters.p !== P;
}

/** The password policy's messages: English for the API, French for the pages people see. */
const PROBLEMS = {
  en: { short: `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`, mix: 'A password needs letters and at least one digit or symbol.' },
  fr: {
    short: `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.`,
    mix: 'Le mot de passe doit contenir des lettres et au moins un chiffre ou un symbole.',
  },
};

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, language: 'en' | 'fr' = 'en'): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return PROBLEMS[language].short;
  if (!/[a-zA-Z]/.test(password) || !/[^a-zA-Z]/.test(password)) return PROBLEMS[language].mix;
  return null;
}
