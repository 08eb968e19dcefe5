/**
 * Boundary and hostile values, by the type they are sent for. Each list mixes values of the right
 * JSON type that are out of range or malformed, and values of the wrong type (the caller's error,
 * never the server's). Raw JSON numbers JSON.stringify cannot write (1e309) are markers replaced
 * in the body text (rawJson).
 */

/** A 100 kB string: longer than any documented length. */
export const HUGE_STRING = 'x'.repeat(100 * 1024);

const RAW_PREFIX = '__FUZZ_RAW__';
/** A JSON number written as is in the body (Infinity once parsed, or beyond double precision). */
export const raw = (literal: string): string => `${RAW_PREFIX}${literal}`;
/** JSON of `value` with raw markers turned into their literal numbers. */
export function rawJson(value: unknown): string {
  return JSON.stringify(value).replace(new RegExp(`"${RAW_PREFIX}([^"]*)"`, 'g'), '$1');
}

export const INTS: readonly unknown[] = [2147483647, -2147483648, 2147483648, -2147483649, 9007199254740993, 1e20, -1, 0, 1.5, raw('1e309'), raw('-1e309'), '12', 'NaN', true, null];
export const FLOATS: readonly unknown[] = [1e308, -1e308, -0, 5e-324, raw('1e309'), raw('123456789012345678901234567890'), 'NaN', 'Infinity', '1e309', -1, null];
export const STRINGS: readonly unknown[] = ['', ' ', 'a\u0000b', '\u0000', HUGE_STRING, 'NaN', 'Infinity', '1e309', '-1', '2147483648', '\u202e\ud83d\ude00é\ufffd', '\ud800', '%00%ff', '../../etc/passwd', "O'Brien \"quoted\" \\ back", 12345, false, [], {}, null];
export const IDS: readonly unknown[] = ['', 'does-not-exist', 'a\u0000b', HUGE_STRING, '-1', '0', '2147483648', '999999999', "1' or '1'='1", '370004467-', '-4557', 123, 1.5, true, [], null];
export const DATETIMES: readonly unknown[] = ['2026-13-45', '', 'not-a-date', '2026-02-30T25:61:00Z', '0000-01-01T00:00:00Z', '+275760-09-13T00:00:01Z', '9999-12-31T23:59:59Z', '2026-12-06', '2026-12-06T10:00:00+99:00', 'a\u0000b', 'NaN', 1e20, 0, null];
/** Dates sent as String arguments (from, to, date, week): same idea, as text. */
export const DATE_STRINGS: readonly unknown[] = ['2026-13-45', '', 'not-a-date', '2026-02-30', '0000-00-00', '99999-01-01', '2026-12-06T10:00:00Z', 'a\u0000b', HUGE_STRING, null];
export const ENUMS: readonly unknown[] = ['NO_SUCH_VALUE', '', 'adult_icu', 'a\u0000b', 0, null];
export const BOOLEANS: readonly unknown[] = ['true', 1, 0, 'yes', null];
export const OBJECTS: readonly unknown[] = [{}, 'not-an-object', 42, [], null];

/** FHIR search values: each a raw query-string value (encoded when sent). */
export const FHIR_VALUES: readonly string[] = [
  '', 'a\u0000b', '\u0000', 'x'.repeat(20 * 1024), 'NaN', 'Infinity', '1e309', '-1', '2147483648', '99999999999999999999',
  '2026-13-45', 'not-a-date', 'gt2026-02-30', 'ltNaN', 'eq', 'zz5', 'ge-1e309', '|', '||||', 'http://x|', '|code', 'a,b,,,', ',',
  '47.9|1.9|30|km', '91|181|1|km', 'NaN|NaN|NaN|km', '47.9|1.9|-5|km', '47.9|1.9|1e309|mi', 'Organization/', 'Organization/../../x',
  'Location/a\u0000b', '%', '%%00', '\ud800', '\u202e', "' or 1=1 --", 'a'.repeat(300),
];
