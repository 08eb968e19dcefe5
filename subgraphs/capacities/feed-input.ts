/**
 * The automatic feed's body: JSON `{ updates: [...] }` or CSV (header line, `;` or `,`), turned into
 * the same lines, each validated with one ajv schema. A line that does not validate is named by its
 * `line`: the CSV file line (the header is line 1), or the position in `updates` from 1.
 */
import { CsvSyntaxError, readCsv, type CsvRecord } from '../../platform/csv.js';
import { Ajv, type ErrorObject } from 'ajv';
import { HubError } from '../../platform/errors.js';
import { findStringProblem, requireNoNul } from '../../platform/input-guard.js';
import { MAX_BEDS, NOTES_MAX } from './rules.js';

export interface FeedLine {
  establishmentFiness: string;
  ufCode: string;
  installedBeds: number;
  availableMen: number;
  availableWomen: number;
  availableUndifferentiated: number;
  closedBeds?: number;
  reopenedBeds?: number;
  reopenableBeds?: number;
  mobilisedBeds?: number;
  notes?: string;
}

export type ParsedLine = { line: number; value: FeedLine } | { line: number; key: { establishmentFiness?: unknown; ufCode?: unknown }; error: string; field?: string };

// The bounds of checkCapacity (rules.ts), stated in the schema so a line's answer names them first.
const count = { type: 'integer', minimum: 0, maximum: MAX_BEDS };
const REQUIRED = ['establishmentFiness', 'ufCode', 'installedBeds', 'availableMen', 'availableWomen', 'availableUndifferentiated'] as const;
const OPTIONAL_COUNTS = ['closedBeds', 'reopenedBeds', 'reopenableBeds', 'mobilisedBeds'] as const;
export const FEED_FIELDS = [...REQUIRED, ...OPTIONAL_COUNTS, 'notes'] as const;

export const LINE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: [...REQUIRED],
  properties: {
    establishmentFiness: { type: 'string', pattern: '^[0-9]{2}[0-9AB][0-9]{6}$' },
    ufCode: { type: 'string', minLength: 1, maxLength: 32 },
    installedBeds: count,
    availableMen: count,
    availableWomen: count,
    availableUndifferentiated: count,
    closedBeds: count,
    reopenedBeds: count,
    reopenableBeds: count,
    mobilisedBeds: count,
    notes: { type: 'string', maxLength: NOTES_MAX },
  },
} as const;

/** Most updates one request may carry (a region's units several times over). */
export const MAX_UPDATES = 5_000;

const validateLine = new Ajv({ allErrors: false }).compile<FeedLine>(LINE_SCHEMA);

function describe(error: ErrorObject): { message: string; field?: string } {
  const field = error.instancePath.replace(/^\//, '') || (error.params as { missingProperty?: string; additionalProperty?: string }).missingProperty || (error.params as { additionalProperty?: string }).additionalProperty;
  if (error.keyword === 'additionalProperties') return { message: `unknown field ${field}`, field };
  if (error.keyword === 'required') return { message: `${field} is required`, field };
  return { message: `${field} ${error.message ?? 'is invalid'}`, field };
}

function check(line: number, value: unknown): ParsedLine {
  if (validateLine(value)) return { line, value };
  const { message, field } = describe(validateLine.errors![0]!);
  const v = (value ?? {}) as Record<string, unknown>;
  return { line, key: { establishmentFiness: v.establishmentFiness, ufCode: v.ufCode }, error: message, ...(field ? { field } : {}) };
}

export function parseJsonBody(body: unknown): ParsedLine[] {
  const updates = (body as { updates?: unknown } | null)?.updates;
  if (!body || typeof body !== 'object' || !Array.isArray(updates)) throw new HubError('BAD_USER_INPUT', 'The body must be a JSON object { "updates": [ … ] }.', { field: 'updates' });
  if (updates.length === 0 || updates.length > MAX_UPDATES) throw new HubError('BAD_USER_INPUT', `updates must hold 1 to ${MAX_UPDATES} lines.`, { field: 'updates' });
  // A string no column can hold (U+0000, or over the hub's maximum) makes the body unreadable: 400 naming its line.
  for (const [i, update] of updates.entries()) {
    const problem = findStringProblem(update, `updates[${i}]`);
    if (problem) throw new HubError('BAD_USER_INPUT', `Line ${i + 1}: ${problem.message} Nothing was written.`, { field: problem.path, line: i + 1 });
  }
  return updates.map((u, i) => check(i + 1, u));
}

function readFeedCsv(text: string, separator: string): CsvRecord[] {
  try {
    return readCsv(text, separator);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw new HubError('BAD_USER_INPUT', `Line ${error.line}: ${error.message}. Nothing was written.`, { field: 'body', line: error.line });
  }
}

export function parseCsvBody(text: string): ParsedLine[] {
  requireNoNul(text, 'The CSV');
  const body = text.replace(/^\uFEFF/, '');
  const separator = (body.split('\n', 1)[0] ?? '').includes(';') ? ';' : ',';
  const [header, ...rows] = readFeedCsv(body, separator);
  const columns = (header?.fields ?? []).map((f) => f.trim());
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  const unknown = columns.filter((c) => !(FEED_FIELDS as readonly string[]).includes(c));
  if (missing.length || unknown.length) {
    throw new HubError('BAD_USER_INPUT', `CSV header: ${[missing.length ? `missing ${missing.join(', ')}` : '', unknown.length ? `unknown ${unknown.join(', ')}` : ''].filter(Boolean).join('; ')} (expected ${FEED_FIELDS.join(separator)}).`, { field: 'header' });
  }
  const parsed: ParsedLine[] = rows.map(({ line, fields }) => {
    const cells = fields.map((f) => f.trim());
    const value: Record<string, unknown> = {};
    columns.forEach((column, c) => {
      const cell = cells[c] ?? '';
      if (cell === '') return; // an empty optional cell keeps the current figure; an empty required one is reported missing
      value[column] = column === 'establishmentFiness' || column === 'ufCode' || column === 'notes' ? cell : /^-?\d+$/.test(cell) ? Number(cell) : cell;
    });
    return check(line, value);
  });
  if (parsed.length === 0 || parsed.length > MAX_UPDATES) throw new HubError('BAD_USER_INPUT', `The CSV must hold 1 to ${MAX_UPDATES} lines after its header.`, { field: 'updates' });
  return parsed;
}
