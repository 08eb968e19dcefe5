/**
 * Content negotiation: the server only speaks JSON. `_format` wins over `Accept` (FHIR R4
 * http.html#mime-type); a request that can only take XML, Turtle or HTML gets 406.
 */

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

const JSON_FORMATS = new Set(['json', 'application/json', 'application/fhir+json', 'application/json+fhir']);
const JSON_RANGES = new Set(['*/*', 'application/*', 'application/json', 'application/fhir+json', 'application/json+fhir']);

/** Media type without parameters, lower-cased ("application/fhir+json; fhirVersion=4.0" → "application/fhir+json"). */
function mediaType(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

/** Why the response cannot be JSON, or undefined when it can. */
export function unacceptableFormat(format: string | undefined, accept: string | undefined): string | undefined {
  if (format !== undefined && format !== '') {
    return JSON_FORMATS.has(mediaType(format)) ? undefined : `_format=${format} is not supported: this server only produces JSON`;
  }
  if (accept === undefined || accept.trim() === '') return undefined;
  const ranges = accept.split(',').map((range) => ({
    type: mediaType(range),
    // q=0 means "not acceptable" (RFC 9110 §12.4.2)
    refused: /;\s*q\s*=\s*0(\.0*)?\s*(;|$)/.test(range),
  }));
  return ranges.some((r) => !r.refused && JSON_RANGES.has(r.type))
    ? undefined
    : `Accept: ${accept} is not supported: this server only produces application/fhir+json`;
}
