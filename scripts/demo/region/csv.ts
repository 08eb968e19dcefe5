/**
 * CSV reading and column access for the FINESS and SAE extracts (';'-separated, RFC 4180 quoting).
 */
import { readFileSync } from 'node:fs';
// The same ';'-splitting rules as the FINESS importer (RFC 4180 quoting, doubled quotes).
import { splitCsvLine as splitLine } from '../../../platform/csv.js';

export type CsvRow = Readonly<Record<string, string>>;


export function readCsv(file: URL): CsvRow[] {
  const lines = readFileSync(file, 'utf8').split('\n').map((l) => l.replace(/\r$/, ''));
  const header = splitLine(lines[0] ?? '');
  const rows: CsvRow[] = [];
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const values = splitLine(line);
    if (values.length !== header.length) {
      throw new Error(`${file.pathname}: expected ${header.length} fields, got ${values.length}: ${line}`);
    }
    rows.push(Object.fromEntries(header.map((name, i) => [name, values[i] ?? ''])));
  }
  return rows;
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
