/**
 * The one place configuring CSV reading (csv-parse) and writing (csv-stringify) for the hub's files:
 * FINESS extracts, RPU files, the capacity feed and the capacity export (decision D123).
 * RFC 4180 quoting both ways, so a quoted field may hold the separator, quotes and line breaks.
 */
import { parse as parseSync } from 'csv-parse/sync';
import { CsvError } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import { Readable, pipeline } from 'node:stream';
import { requireNoNul } from './input-guard.js';

/** `;` is the separator of the French files (FINESS, RPU, spreadsheets set to French). */
export const CSV_DELIMITER = ';';

/** One record as written, with the file line it starts on (1-based, the header being line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A file csv-parse cannot read (an unclosed or misplaced quote): the line, and a message naming no data. */
export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

const SYNTAX_MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed (a lone double quote?)',
  CSV_INVALID_CLOSING_QUOTE: 'text follows the closing quote of a quoted field',
};

const newlines = (fields: string[]): number => fields.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);

/**
 * Every non-blank record of `text` with its first line. Records of any length are returned (each
 * format checks its own field count); quotes inside an unquoted field are plain characters, as
 * FINESS writes them; CRLF and LF may be mixed; a leading byte-order mark is dropped.
 * Throws CsvSyntaxError for a malformed quoted field.
 */
export function readCsv(text: string, delimiter: string = CSV_DELIMITER): CsvRecord[] {
  const records: CsvRecord[] = [];
  let lastLine = 0;
  try {
    parseSync(text, {
      delimiter,
      bom: true,
      record_delimiter: ['\r\n', '\n'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (fields, context) => {
        // csv-parse counts lines up to the record's end; its quoted line breaks give the start.
        lastLine = context.lines;
        if (!fields.every((f) => f.trim() === '')) records.push({ line: context.lines - newlines(fields), fields });
        return null;
      },
    });
    return records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // An unclosed quote is only seen at the end of the file: name the line its record starts on.
    const line = error.code === 'CSV_QUOTE_NOT_CLOSED' ? lastLine + 1 : ((error as CsvError & { lines?: number }).lines ?? lastLine + 1);
    throw new CsvSyntaxError(line, SYNTAX_MESSAGES[error.code] ?? 'malformed CSV');
  }
}

/**
 * Spreadsheet formula injection guard (OWASP "CSV injection"): a text cell starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return is prefixed with `'`, so Excel or LibreOffice shows it as text
 * instead of evaluating it. Numbers stay numbers: a JS number (a count, a coordinate) is written as
 * is, and so is a string that is exactly a decimal number (`-3`, `+2`, `-1.5`), which a spreadsheet
 * can only read as that number. Everything else starting so (`-1+1`, `+33 2 47…`, `@SUM(…)`) is guarded.
 */
export function formulaSafe(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'bigint') return typeof value === 'bigint' ? value.toString() : value;
  const text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) return text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

interface WriteOptions {
  delimiter?: string;
  /** A UTF-8 byte-order mark first, so a spreadsheet reads accents right. */
  bom?: boolean;
}

function writeOptions(columns: readonly string[], options: WriteOptions) {
  return {
    delimiter: options.delimiter ?? CSV_DELIMITER,
    bom: options.bom ?? false,
    header: true,
    columns: [...columns],
    record_delimiter: 'unix' as const,
    cast: { boolean: (v: boolean) => String(v), date: (v: Date) => v.toISOString() },
  };
}

const guardRow = (row: readonly unknown[]): Array<string | number | null> => row.map(formulaSafe);

/**
 * A streaming CSV file of `rows` (arrays in `columns` order), header first, every cell through
 * formulaSafe; for exports too large to hold in memory (csv-stringify honours backpressure).
 */
export function csvStream(columns: readonly string[], rows: AsyncIterable<readonly unknown[]>, options: WriteOptions = {}): Readable {
  const out = stringify(writeOptions(columns, options));
  const guarded = async function* () {
    for await (const row of rows) yield guardRow(row);
  };
  // pipeline destroys both streams on a source error, so the response ends instead of hanging.
  pipeline(Readable.from(guarded()), out, () => {});
  return out;
}

/** A whole CSV file at once (small files: demo data), every cell through formulaSafe. */
export function writeCsv(columns: readonly string[], rows: ReadonlyArray<readonly unknown[]>, options: WriteOptions = {}): string {
  return stringifySync(rows.map(guardRow), writeOptions(columns, options));
}

/**
 * Text of an uploaded file: UTF-8, or Windows-1252 (older official extracts and hospital
 * software) when the bytes are not valid UTF-8; without a byte-order mark. A file holding a NUL
 * character (U+0000, which no text column can store) is refused: BAD_USER_INPUT naming its line.
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  requireNoNul(text);
  return text.replace(/^\uFEFF/, '');
}
