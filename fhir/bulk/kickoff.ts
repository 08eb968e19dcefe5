/**
 * The kick-off request of a system-level `$export` (Bulk Data 2.0), as pure functions: headers
 * and parameters (GET query or POST Parameters body) become a validated export request, or an
 * OperationOutcomeError saying what is wrong. Unsupported parameters and types are refused unless
 * the client sent `Prefer: handling=lenient`, in which case they are ignored.
 */
import { OperationOutcomeError, badRequest } from '../outcomes.js';
import { EXPORTABLE_TYPES } from './sources.js';

export const OUTPUT_FORMATS = ['application/fhir+ndjson', 'application/ndjson', 'ndjson'];

/** Parameters this server honours (`_format` only says how an error is written: JSON, checked by the route). */
const SUPPORTED = new Set(['_outputFormat', '_type', '_since', '_format']);

/** FHIR `instant`: seconds and a time zone are required. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const RESOURCE_TYPE = /^[A-Z][A-Za-z]+$/;

export interface ExportRequest {
  /** Types in the order their files are written, without repeats. */
  types: string[];
  /** Whether `_type` named them (else: every exportable type). */
  named: boolean;
  since: Date | null;
}

export type ParameterValues = Map<string, string[]>;

export interface Preferences {
  respondAsync: boolean;
  lenient: boolean;
}

/** `Prefer` tokens (RFC 7240), from one header or several. */
export function preferences(header: string | string[] | undefined): Preferences {
  const tokens = [header ?? []]
    .flat()
    .flatMap((h) => h.split(','))
    .map((t) => t.trim().toLowerCase().replace(/\s+/g, ''));
  return { respondAsync: tokens.includes('respond-async'), lenient: tokens.includes('handling=lenient') };
}

/** The query string as name → values (Fastify gives a string or an array per name). */
export function queryParameters(query: Record<string, string | string[] | undefined>): ParameterValues {
  const values: ParameterValues = new Map();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) values.set(name, [value].flat());
  }
  return values;
}

interface ParametersParameter {
  name?: unknown;
  [key: string]: unknown;
}

/** A POST body: a FHIR Parameters resource whose parameters carry one primitive value[x] each. */
export function bodyParameters(body: unknown): ParameterValues {
  const resource = body as { resourceType?: unknown; parameter?: unknown } | null | undefined;
  if (!resource || typeof resource !== 'object' || resource.resourceType !== 'Parameters') {
    throw new OperationOutcomeError(badRequest('A POST kick-off needs a Parameters resource as its body (application/fhir+json)'));
  }
  const values: ParameterValues = new Map();
  for (const parameter of (Array.isArray(resource.parameter) ? resource.parameter : []) as ParametersParameter[]) {
    const name = typeof parameter.name === 'string' ? parameter.name : '';
    const valueKey = Object.keys(parameter).find((k) => k.startsWith('value'));
    const value = valueKey ? parameter[valueKey] : undefined;
    if (!name || (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')) {
      throw new OperationOutcomeError(badRequest(`Parameter "${name || '(no name)'}" must have a name and a primitive value[x]`));
    }
    values.set(name, [...(values.get(name) ?? []), String(value)]);
  }
  return values;
}

function single(values: ParameterValues, name: string): string | undefined {
  const given = values.get(name);
  if (!given) return undefined;
  if (given.length > 1) throw new OperationOutcomeError(badRequest(`${name} may be given only once`));
  return given[0];
}

function parseSince(value: string | undefined): Date | null {
  if (value === undefined) return null;
  const date = new Date(value);
  if (!INSTANT.test(value) || Number.isNaN(date.getTime())) {
    throw new OperationOutcomeError(badRequest(`_since=${value} is not a FHIR instant (e.g. 2026-01-31T06:00:00Z)`));
  }
  return date;
}

/** Requested types, in order, without repeats; unsupported ones refused, or dropped when lenient. */
function parseTypes(values: string[] | undefined, lenient: boolean): string[] {
  if (!values) return [...EXPORTABLE_TYPES];
  const requested = [...new Set(values.flatMap((v) => v.split(',')).map((t) => t.trim()))];
  const malformed = requested.filter((t) => !RESOURCE_TYPE.test(t));
  if (malformed.length > 0) throw new OperationOutcomeError(badRequest(`_type holds ${malformed.map((t) => `"${t}"`).join(', ')}: not resource types`));
  const unsupported = requested.filter((t) => !EXPORTABLE_TYPES.includes(t));
  if (unsupported.length > 0 && !lenient) {
    throw new OperationOutcomeError(
      badRequest(`This server does not export ${unsupported.join(', ')}; exportable types: ${EXPORTABLE_TYPES.join(', ')}`),
    );
  }
  const types = requested.filter((t) => EXPORTABLE_TYPES.includes(t));
  if (types.length === 0) throw new OperationOutcomeError(badRequest(`None of the requested types is exportable; exportable types: ${EXPORTABLE_TYPES.join(', ')}`));
  return types;
}

/** A validated export request from the kick-off's parameters. */
export function parseExportRequest(values: ParameterValues, lenient: boolean): ExportRequest {
  const unsupported = [...values.keys()].filter((name) => !SUPPORTED.has(name));
  if (unsupported.length > 0 && !lenient) {
    throw new OperationOutcomeError(
      badRequest(`Unsupported $export parameter(s): ${unsupported.join(', ')} (supported: _outputFormat, _type, _since; send Prefer: handling=lenient to ignore them)`),
    );
  }
  const format = single(values, '_outputFormat');
  if (format !== undefined && !OUTPUT_FORMATS.includes(format)) {
    throw new OperationOutcomeError(badRequest(`_outputFormat=${format} is not supported: use ${OUTPUT_FORMATS.join(', ')}`));
  }
  return { types: parseTypes(values.get('_type'), lenient), named: values.has('_type'), since: parseSince(single(values, '_since')) };
}
