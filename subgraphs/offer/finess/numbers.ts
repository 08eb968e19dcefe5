/**
 * FINESS number rules. A FINESS number (EJ or ET) is 9 characters: the 2-character département
 * of registration (2A/2B for Corsica), 6 digits, and a Luhn check digit computed on the first 8.
 * Corsican numbers carry a letter, so their check digit is not verified (format only).
 */
import { luhnCheckDigit } from '../../../platform/luhn.js';

export { luhnCheckDigit };

const FORMAT = /^[0-9][0-9AB][0-9]{7}$/;


/** Why `value` is not a valid FINESS number, or null when it is. `field` names it in the message. */
export function finessNumberProblem(field: string, value: string): string | null {
  if (value === '') return `${field} is required`;
  if (value.length !== 9) return `${field} "${value}" must be 9 characters`;
  if (!FORMAT.test(value)) return `${field} "${value}" must be 2 département characters (digits, 2A or 2B) then 7 digits`;
  if (/^[0-9]{9}$/.test(value)) {
    const expected = luhnCheckDigit(value.slice(0, 8));
    if (Number(value[8]) !== expected) return `${field} "${value}" has a wrong check digit (expected ${expected})`;
  }
  return null;
}
