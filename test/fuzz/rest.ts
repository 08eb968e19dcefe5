/**
 * Malformed bodies for the REST routes of the gateway: the capacity feed (JSON and CSV), the
 * FINESS and RPU imports, and the capacity exports: NUL bytes, huge and non-finite numbers, broken
 * syntax, wrong or missing content types, odd query flags and file names.
 */
import { readFileSync } from 'node:fs';
import type { Rng } from './rng.js';
import { HUGE_STRING, INTS, STRINGS, rawJson } from './values.js';

export interface RestCase {
  label: string;
  method: 'GET' | 'POST';
  /** Path and query on the gateway. */
  path: string;
  contentType?: string;
  body?: string | Buffer;
}

export interface FeedUnit {
  ufCode: string;
  installedBeds: number;
}

const FEED_COUNTS = ['installedBeds', 'availableMen', 'availableWomen', 'availableUndifferentiated', 'closedBeds', 'reopenedBeds', 'reopenableBeds', 'mobilisedBeds'];
const FEED_FIELDS = ['establishmentFiness', 'ufCode', ...FEED_COUNTS, 'notes'];

function feedLine(finess: string, unit: FeedUnit): Record<string, unknown> {
  return { establishmentFiness: finess, ufCode: unit.ufCode, installedBeds: unit.installedBeds, availableMen: 0, availableWomen: 1, availableUndifferentiated: 1 };
}

function csvOf(lines: Array<Record<string, unknown>>, separator: string): string {
  const columns = [...new Set(lines.flatMap((l) => Object.keys(l)))];
  return [columns.join(separator), ...lines.map((l) => columns.map((c) => String(l[c] ?? '')).join(separator))].join('\n');
}

/** Capacity feed bodies: one valid line with one hostile field, or a body broken as a whole. */
export function feedCases(finess: string, units: readonly FeedUnit[], rng: Rng, runs: number): RestCase[] {
  const cases: RestCase[] = [];
  const path = '/feeds/capacities';
  for (let run = 0; run < runs * 4; run++) {
    const line = feedLine(finess, rng.pick(units));
    const field = rng.pick(FEED_FIELDS);
    line[field] = FEED_COUNTS.includes(field) ? rng.pick(INTS) : rng.pick(STRINGS);
    const json = rng.chance(0.6);
    cases.push(
      json
        ? { label: `feed JSON ${field}`, method: 'POST', path, contentType: 'application/json', body: rawJson({ updates: [line] }) }
        : { label: `feed CSV ${field}`, method: 'POST', path, contentType: 'text/csv', body: csvOf([line], rng.pick([';', ','])) },
    );
  }
  const valid = feedLine(finess, units[0]!);
  const broken: Array<[string, string | undefined, string | Buffer]> = [
    ['not JSON', 'application/json', '{"updates": [ {'],
    ['empty body', 'application/json', ''],
    ['NUL in JSON', 'application/json', `{"updates": [${JSON.stringify({ ...valid, notes: 'a\u0000b' })}]}`],
    ['raw NUL byte', 'application/json', Buffer.from(`{"updates": [${JSON.stringify(valid)}]}\u0000`)],
    ['updates not a list', 'application/json', '{"updates": "x"}'],
    ['null lines', 'application/json', '{"updates": [null, 1, "x", []]}'],
    ['top-level array', 'application/json', `[${JSON.stringify(valid)}]`],
    ['deep nesting', 'application/json', `{"updates": ${'['.repeat(5000)}${']'.repeat(5000)}}`],
    ['1e309', 'application/json', `{"updates": [${JSON.stringify(valid).replace(/"installedBeds":\d+/, '"installedBeds":1e309')}]}`],
    ['many lines', 'application/json', JSON.stringify({ updates: Array.from({ length: 6000 }, () => valid) })],
    ['huge notes', 'application/json', JSON.stringify({ updates: [{ ...valid, notes: HUGE_STRING }] })],
    ['prototype keys', 'application/json', `{"updates": [${JSON.stringify({ ...valid, ['__proto__']: { polluted: 1 }, constructor: 1 })}]}`],
    ['invalid UTF-8', 'application/json', Buffer.concat([Buffer.from('{"updates": [{"notes": "'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}]}')])],
    ['CSV only header', 'text/csv', FEED_FIELDS.join(';')],
    ['CSV unknown column', 'text/csv', `nope;${FEED_FIELDS.join(';')}\n1;${FEED_FIELDS.map(() => '1').join(';')}`],
    ['CSV NUL', 'text/csv', `${csvOf([valid], ';')}\u0000\u0000`],
    ['CSV NUL in notes', 'text/csv', csvOf([{ ...valid, notes: 'a\u0000b' }], ';')],
    ['CSV unbalanced quote', 'text/csv', `${FEED_FIELDS.join(';')}\n"${finess};"x`],
    ['CSV 2000 columns', 'text/csv', `${Array.from({ length: 2000 }, (_, i) => `c${i}`).join(';')}\n${'1;'.repeat(2000)}`],
    ['CSV huge numbers', 'text/csv', csvOf([{ ...valid, installedBeds: '99999999999999999999', mobilisedBeds: '1e309' }], ';')],
    ['CSV BOM and CRLF', 'text/csv', `\uFEFF${csvOf([valid], ';').replace(/\n/g, '\r\n')}\r\n\r\n`],
    ['text/plain', 'text/plain', JSON.stringify({ updates: [valid] })],
    ['application/xml', 'application/xml', '<updates/>'],
    ['no content type', undefined, JSON.stringify({ updates: [valid] })],
    ['multipart', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--'],
    ['JSON with charset', 'application/json; charset=latin1', JSON.stringify({ updates: [valid] })],
  ];
  for (const [label, contentType, body] of broken) cases.push({ label: `feed ${label}`, method: 'POST', path, ...(contentType ? { contentType } : {}), body });
  return cases;
}

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));

/** Mutates `text` at a random place: NUL, a huge field, a truncation, a random byte run. */
function corrupt(text: string, rng: Rng): { label: string; body: Buffer } {
  const at = rng.int(0, text.length);
  switch (rng.int(0, 5)) {
    case 0:
      return { label: 'NUL', body: Buffer.from(`${text.slice(0, at)}\u0000${text.slice(at)}`) };
    case 1:
      return { label: 'huge field', body: Buffer.from(`${text.slice(0, at)}${HUGE_STRING}${text.slice(at)}`) };
    case 2:
      return { label: 'truncated', body: Buffer.from(text.slice(0, at)) };
    case 3:
      return { label: 'random bytes', body: Buffer.from(Array.from({ length: rng.int(1, 2000) }, () => rng.int(0, 255))) };
    case 4:
      return { label: 'huge number', body: Buffer.from(text.replace(/\d+/, rng.pick(['99999999999999999999', '1e309', '-2147483649', 'NaN']))) };
    default:
      return { label: 'empty', body: Buffer.alloc(0) };
  }
}

/** FINESS and RPU import bodies: the fixtures corrupted, wrong types and flags (mostly dry runs). */
export function importCases(rng: Rng, runs: number): RestCase[] {
  const cases: RestCase[] = [];
  const finess = fixture('finess/etalab-cs1100507-sample.csv').toString('latin1');
  const rpu = fixture('rpu/exemple_rpu_synthetique.xml').toString('utf8');
  const flags = ['dryRun=true', 'dryRun=true', 'dryRun=maybe', 'partial=1&dryRun=true', 'dryRun=true&dryRun=false', 'partial=true&dryRun=true', 'dryRun=%00'];
  for (let run = 0; run < runs * 2; run++) {
    const f = corrupt(finess, rng);
    cases.push({ label: `finess ${f.label}`, method: 'POST', path: `/imports/finess?${rng.pick(flags)}`, contentType: rng.pick(['text/csv', 'application/octet-stream', 'text/csv; charset=utf-8']), body: f.body });
    const r = corrupt(rpu, rng);
    cases.push({ label: `rpu ${r.label}`, method: 'POST', path: `/imports/rpu?${rng.pick(flags)}`, contentType: rng.pick(['application/xml', 'text/xml', 'text/csv', 'application/octet-stream']), body: r.body });
  }
  // The NUL byte through a real (not dry) run, where the write happens (issue 12, case 6).
  cases.push({ label: 'finess NUL written', method: 'POST', path: '/imports/finess?partial=true', contentType: 'text/csv', body: Buffer.from(finess.replace('CH  BOURGES - JACQUES COEUR', 'CH BOURGES\u0000JACQUES COEUR')) });
  cases.push({ label: 'rpu NUL written', method: 'POST', path: '/imports/rpu', contentType: 'application/xml', body: Buffer.from(rpu.replace('ORLEANS', 'ORL\u0000EANS')) });
  cases.push({ label: 'rpu XML bomb', method: 'POST', path: '/imports/rpu?dryRun=true', contentType: 'application/xml', body: Buffer.from(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "${'a'.repeat(1000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><OSCOUR>&b;&b;&b;</OSCOUR>`) });
  cases.push({ label: 'rpu CSV garbage', method: 'POST', path: '/imports/rpu?dryRun=true', contentType: 'text/csv', body: Buffer.from('FINESS;ENTREE\n450002613;32/13/2025 25:61\n;\n\u0000') });
  for (const path of ['/imports/finess', '/imports/rpu']) {
    cases.push({ label: `${path} JSON`, method: 'POST', path, contentType: 'application/json', body: '{"a":1}' });
    cases.push({ label: `${path} no type`, method: 'POST', path, body: 'x' });
  }
  return cases;
}

/** Export file names: bad dates, traversal, NUL, wrong extensions. */
export function exportCases(rng: Rng, runs: number): RestCase[] {
  const names = ['2026-13-45.csv', '2026-02-30.ndjson', '0000-00-00.csv', '9999-12-31.csv', '2026-12-06.csv', '2026-12-06.ndjson', '2026-12-06.json', '2026-12-06', 'a%00b.csv', '..%2F..%2Fetc%2Fpasswd', '%2e%2e', `${'9'.repeat(5000)}.csv`, '2026-12-06.csv%00.txt', '-1.csv', 'NaN.csv', '%ff.csv', '2026-12-06.CSV'];
  const cases: RestCase[] = [];
  for (let run = 0; run < runs * 2; run++) {
    const name = rng.pick(names);
    cases.push({ label: `export ${name.slice(0, 30)}`, method: 'GET', path: `/exports/capacities/${name}${rng.chance(0.2) ? '?x=%00' : ''}` });
  }
  return cases;
}
