/**
 * Reads an RPU file into raw records: the OSCOUR XML layout (streamed with saxes) or its CSV
 * equivalent (`;`-separated, a header naming the XML tags, one FINESS column per row).
 * Nothing is checked here but the layout; validate.ts checks the values.
 */
import { CsvSyntaxError, decodeText, readCsv, type CsvRecord } from '../../../platform/csv.js';
import { SaxesParser } from 'saxes';

/** One PATIENT element or CSV row: its leaf tags and their trimmed text. */
export interface RawRecord {
  /** 1-based position of the passage in the file. */
  index: number;
  /** Line of the PATIENT opening tag, or of the CSV row. */
  line: number;
  fields: Record<string, string>;
  /** A CSV row with the wrong field count: already reported, not validated further. */
  broken?: true;
}

export interface FileProblem {
  line: number | null;
  record: number | null;
  field: string | null;
  message: string;
}

export interface ParsedRpu {
  format: 'xml' | 'csv';
  /** ETABLISSEMENT elements (XML) — FINESS, ORDRE, EXTRACT, DATEDEBUT, DATEFIN. */
  header: Record<string, string>;
  records: RawRecord[];
  problems: FileProblem[];
}

/** The CSV header must name these columns (others, e.g. LISTE_DA, are optional and ignored). */
export const CSV_REQUIRED = ['FINESS', 'NAISSANCE', 'SEXE', 'ENTREE', 'MODE_ENTREE', 'SORTIE', 'MODE_SORTIE'] as const;

/** The file's text (platform/csv.ts decodeText). */
export const decodeRpu = decodeText;

export function parseRpu(text: string): ParsedRpu {
  return /^\s*</.test(text) ? parseXml(text) : parseCsv(text);
}

/** Leaves of PATIENT collected by tag; LISTE_DA / LISTE_ACTES children are not needed and skipped. */
function parseXml(text: string): ParsedRpu {
  const result: ParsedRpu = { format: 'xml', header: {}, records: [], problems: [] };
  const parser = new SaxesParser({ position: true });
  const path: string[] = [];
  let current: RawRecord | null = null;
  let buffer = '';
  parser.on('opentag', (tag) => {
    path.push(tag.name);
    buffer = '';
    if (tag.name === 'PATIENT') current = { index: result.records.length + 1, line: parser.line, fields: {} };
  });
  parser.on('text', (t) => (buffer += t));
  parser.on('cdata', (t) => (buffer += t));
  parser.on('closetag', (tag) => {
    const parent = path[path.length - 2];
    if (tag.name === 'PATIENT' && current) {
      result.records.push(current);
      current = null;
    } else if (parent === 'PATIENT' && current) current.fields[tag.name] = buffer.trim();
    else if (parent === 'ETABLISSEMENT') result.header[tag.name] = buffer.trim();
    path.pop();
    buffer = '';
  });
  try {
    parser.write(text).close();
  } catch (error) {
    // saxes prefixes "line:column:"; its messages name tags, never element text.
    const message = (error as Error).message.replace(/^[^:]*:\d+:\d+: /, '');
    result.problems.push({ line: parser.line, record: null, field: null, message: `malformed XML: ${message}` });
    return result;
  }
  if (!result.header.FINESS) result.problems.push({ line: null, record: null, field: 'ETABLISSEMENT/FINESS', message: 'the file header has no FINESS' });
  // Every passage carries the sending ED's FINESS, as in the CSV layout.
  for (const record of result.records) record.fields.FINESS = result.header.FINESS ?? '';
  return result;
}

function parseCsv(text: string): ParsedRpu {
  const result: ParsedRpu = { format: 'csv', header: {}, records: [], problems: [] };
  let rows: CsvRecord[];
  try {
    rows = readCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    result.problems.push({ line: error.line, record: null, field: null, message: `malformed CSV: ${error.message}` });
    return result;
  }
  const [header, ...data] = rows;
  if (!header) {
    result.problems.push({ line: null, record: null, field: null, message: 'the file is empty' });
    return result;
  }
  const columns = header.fields.map((f) => f.trim().toUpperCase());
  const missing = CSV_REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    result.problems.push({ line: header.line, record: null, field: null, message: `unknown layout: neither OSCOUR XML nor a CSV whose header names ${missing.join(', ')}` });
    return result;
  }
  for (const { line, fields } of data) {
    const values = fields.map((f) => f.trim());
    const index = result.records.length + 1;
    if (values.length !== columns.length) {
      result.problems.push({ line, record: index, field: null, message: `expected ${columns.length} fields, got ${values.length}` });
      result.records.push({ index, line, fields: {}, broken: true });
      continue;
    }
    result.records.push({ index, line, fields: Object.fromEntries(columns.map((c, k) => [c, values[k]!])) });
  }
  return result;
}
