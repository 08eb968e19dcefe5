/**
 * CSV reading and column access for the FINESS and SAE extracts (';'-separated, RFC 4180 quoting).
 */
import { readFileSync } from 'node:fs';
// The same reader as the FINESS importer (platform/csv.ts: csv-parse, RFC 4180 quoting).
import { readCsv as readRecords } from '../../../platform/csv.js';

export type CsvRow = Readonly<Record<string, string>>;


export function readCsv(file: URL): CsvRow[] {
  const [header, ...records] = readRecords(readFileSync(file, 'utf8'));
  const names = header?.fields ?? [];
  return records.map(({ line, fields }) => {
    if (fields.length !== names.length) throw new Error(`${file.pathname} line ${line}: expected ${names.length} fields, got ${fields.length}`);
    return Object.fromEntries(names.map((name, i) => [name, fields[i] ?? '']));
  });
}

/** Reads a column that must be present. A typo in a column name then fails instead of giving ''. */
export function col(row: CsvRow, name: string): string {
  const value = row[name];
  if (value === undefined) throw new Error(`missing CSV column ${name}`);
  return value;
}

export function optional(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function optionalNumber(value: string): number | null {
  const n = Number.parseFloat(value);
  return Number.isFinite(n) ? n : null;
}

/** SAE counts: an empty cell means "not in that bordereau", i.e. no beds. */
export function count(row: CsvRow | undefined, name: string): number {
  if (!row) return 0;
  const n = Number.parseInt(col(row, name), 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}
