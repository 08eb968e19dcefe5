/** Pure parts of the FHIR entry point: interaction routing, content negotiation, outcome statuses. */
import { describe, it, expect } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '../platform/errors.js';
import { unacceptableFormat } from '../fhir/format.js';
import { fromGraphQLErrors, getStatus, notFound, unsupportedInteraction, unsupportedType } from '../fhir/outcomes.js';
import { parseRequest } from '../fhir/router.js';

describe('parseRequest', () => {
  const cases: [string, string, unknown][] = [
    ['GET', 'metadata', { kind: 'system', interaction: 'capabilities' }],
    ['GET', 'Location/u-1', { kind: 'type', resourceType: 'Location', interaction: 'read', id: 'u-1' }],
    ['HEAD', 'Location/u-1', { kind: 'type', resourceType: 'Location', interaction: 'read', id: 'u-1' }],
    ['GET', 'Location', { kind: 'type', resourceType: 'Location', interaction: 'search-type' }],
    ['POST', 'Location/_search', { kind: 'type', resourceType: 'Location', interaction: 'search-type' }],
    ['POST', 'Location', { kind: 'type', resourceType: 'Location', interaction: 'create' }],
    ['PUT', 'Location/u-1', { kind: 'type', resourceType: 'Location', interaction: 'update', id: 'u-1' }],
    ['PATCH', 'Location/u-1', { kind: 'type', resourceType: 'Location', interaction: 'patch', id: 'u-1' }],
    ['DELETE', 'Location/u-1', { kind: 'type', resourceType: 'Location', interaction: 'delete', id: 'u-1' }],
    ['GET', 'Location/_history', { kind: 'type', resourceType: 'Location', interaction: 'history-type' }],
    ['GET', 'Location/u-1/_history', { kind: 'type', resourceType: 'Location', interaction: 'history-instance', id: 'u-1' }],
    ['GET', 'Location/u-1/_history/2', { kind: 'type', resourceType: 'Location', interaction: 'vread', id: 'u-1', versionId: '2' }],
    ['POST', '', { kind: 'system', interaction: 'batch' }],
    ['GET', '$export', { kind: 'system', interaction: 'operation' }],
    ['GET', 'location/u-1', { kind: 'unknown' }],
    ['GET', 'Location/u-1/foo', { kind: 'unknown' }],
  ];
  it.each(cases)('%s /%s', (method, path, expected) => {
    expect(parseRequest(method, path.split('/').filter(Boolean))).toEqual(expected);
  });
});

describe('unacceptableFormat', () => {
  it('accepts JSON in all its spellings, and no preference at all', () => {
    for (const [format, accept] of [
      [undefined, undefined],
      ['json', 'application/fhir+xml'], // _format wins over Accept
      ['application/fhir+json', undefined],
      [undefined, 'application/fhir+json; fhirVersion=4.0'],
      [undefined, 'application/json'],
      [undefined, 'text/html, */*;q=0.1'],
    ] as const) {
      expect(unacceptableFormat(format, accept)).toBeUndefined();
    }
  });

  it('refuses XML, Turtle, HTML-only and JSON at q=0', () => {
    for (const [format, accept] of [
      ['xml', undefined],
      ['ttl', undefined],
      [undefined, 'application/fhir+xml'],
      [undefined, 'text/html'],
      [undefined, 'application/fhir+json;q=0, application/xml'],
    ] as const) {
      expect(unacceptableFormat(format, accept)).toMatch(/not supported/);
    }
  });
});

describe('outcomes', () => {
  it('map every GraphQL error code of the hub catalog to its catalog status', () => {
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      const outcome = fromGraphQLErrors([{ message: `failed with ${code}`, extensions: { code } }]);
      expect({ code, status: getStatus(outcome) }).toEqual({ code, status: ERROR_CODES[code].status });
      expect(outcome.issue[0]?.diagnostics).toBe(`failed with ${code}`);
    }
  });

  it('treat unknown or missing codes as server errors, and keep every error as an issue', () => {
    expect(getStatus(fromGraphQLErrors([{ message: 'x', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]))).toBe(500);
    const both = fromGraphQLErrors([
      { message: 'who are you', extensions: { code: 'UNAUTHENTICATED' } },
      { message: 'other' },
    ]);
    expect(getStatus(both)).toBe(401);
    expect(both.issue.map((i) => i.code)).toEqual(['login', 'exception']);
  });

  it('give routing outcomes their statuses', () => {
    expect(getStatus(notFound('Location', '1'))).toBe(404);
    expect(getStatus(unsupportedType('Patient'))).toBe(404);
    expect(getStatus(unsupportedInteraction('Location', 'create'))).toBe(405);
    expect(getStatus({ resourceType: 'OperationOutcome', issue: [] })).toBe(500);
  });
});
