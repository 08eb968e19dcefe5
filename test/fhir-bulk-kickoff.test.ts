/**
 * The $export kick-off parsing (fhir/bulk/kickoff.ts) and the per-type source registry
 * (fhir/bulk/sources.ts), as pure functions: no hub.
 */
import { describe, it, expect } from 'vitest';
import { OperationOutcomeError } from '../fhir/outcomes.js';
import { bodyParameters, parseExportRequest, preferences, queryParameters } from '../fhir/bulk/kickoff.js';
import { BULK_SOURCES, EXPORTABLE_TYPES, planPasses, rootSelection, typesFor } from '../fhir/bulk/sources.js';
import { LOCATION_QUERY } from '../fhir/queries.js';

/** The diagnostics of the OperationOutcomeError `fn` throws. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof OperationOutcomeError) return `${error.outcome.id}: ${error.outcome.issue[0]!.diagnostics!}`;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('$export kick-off parsing', () => {
  it('reads Prefer tokens from one header, a list, or several headers', () => {
    expect(preferences('respond-async')).toEqual({ respondAsync: true, lenient: false });
    expect(preferences('Respond-Async, handling = lenient')).toEqual({ respondAsync: true, lenient: true });
    expect(preferences(['handling=lenient', 'respond-async'])).toEqual({ respondAsync: true, lenient: true });
    expect(preferences('return=minimal')).toEqual({ respondAsync: false, lenient: false });
    expect(preferences(undefined)).toEqual({ respondAsync: false, lenient: false });
  });

  it('takes _type as a comma list and/or repeated, in order and without repeats; defaults to every type', () => {
    const request = parseExportRequest(queryParameters({ _type: ['Location,Organization', 'Location'] }), false);
    expect(request).toEqual({ types: ['Location', 'Organization'], named: true, since: null });
    expect(parseExportRequest(new Map(), false)).toMatchObject({ types: EXPORTABLE_TYPES, named: false });
  });

  it('accepts _since with a time zone offset and refuses dates without one', () => {
    expect(parseExportRequest(queryParameters({ _since: '2026-12-01T07:00:00.123+01:00' }), false).since?.toISOString()).toBe('2026-12-01T06:00:00.123Z');
    expect(refusal(() => parseExportRequest(queryParameters({ _since: '2026-12-01T07:00:00' }), false))).toMatch(/^invalid: _since=.* is not a FHIR instant/);
  });

  it('ignores unsupported parameters and types only when lenient, and never ends with no type', () => {
    const values = queryParameters({ _type: 'Organization,Device', _typeFilter: 'Location?name=x' });
    expect(refusal(() => parseExportRequest(values, false))).toMatch(/^invalid: Unsupported \$export parameter\(s\): _typeFilter/);
    expect(parseExportRequest(values, true).types).toEqual(['Organization']);
    expect(refusal(() => parseExportRequest(queryParameters({ _type: 'Device' }), false))).toMatch(/does not export Device/);
    expect(refusal(() => parseExportRequest(queryParameters({ _type: 'Patient,Group' }), true))).toMatch(/None of the requested types is exportable/);
  });

  it('reads a POST Parameters body, and refuses anything else', () => {
    const values = bodyParameters({
      resourceType: 'Parameters',
      parameter: [
        { name: '_type', valueString: 'HealthcareService' },
        { name: '_type', valueString: 'Location' },
        { name: '_since', valueInstant: '2026-12-01T00:00:00Z' },
      ],
    });
    expect(parseExportRequest(values, false)).toEqual({ types: ['HealthcareService', 'Location'], named: true, since: new Date('2026-12-01T00:00:00Z') });
    expect(refusal(() => bodyParameters({ resourceType: 'Bundle' }))).toMatch(/needs a Parameters resource/);
    expect(refusal(() => bodyParameters(undefined))).toMatch(/needs a Parameters resource/);
    expect(refusal(() => bodyParameters({ resourceType: 'Parameters', parameter: [{ name: '_type', valueCoding: { code: 'x' } }] }))).toMatch(/primitive value/);
  });
});

describe('bulk export sources', () => {
  it('has one source per exportable type, each list node selecting exactly its read query’s fields', () => {
    expect(EXPORTABLE_TYPES).toEqual(['Organization', 'HealthcareService', 'Location', 'Practitioner', 'PractitionerRole']);
    const location = BULK_SOURCES.find((s) => s.type === 'Location')!;
    expect(location.passes.map((p) => p.field)).toEqual(['units']);
    const selection = rootSelection(LOCATION_QUERY);
    for (const field of ['capacity', 'hasOwnAddress', 'equipment', 'establishment']) expect(selection).toContain(field);
    expect(() => rootSelection('query { __typename }')).toThrow(/one root field/);
  });

  it('reads units once when HealthcareService and Location are both exported', () => {
    const passes = planPasses(['Location', 'Organization', 'HealthcareService']);
    expect(passes.map((p) => `${p.field}:${p.maps.length}`)).toEqual(['units:2', 'establishments:1', 'organizations:1']);
    expect(passes[0]!.hiddenWhenForbidden).toEqual(['capacity', 'residentialCapacities', 'equipmentLimits']);
    expect(() => planPasses(['Device'])).toThrow(/no longer exports Device/);
  });

  it('reads professionals once for Practitioner and PractitionerRole, with the read queries’ fragments', () => {
    const [pass] = planPasses(['Practitioner', 'PractitionerRole']);
    expect(`${pass!.field}:${pass!.maps.length}`).toBe('professionalChanges:2');
    expect(pass!.fragments.map((f) => /fragment (\w+)/.exec(f)![1])).toEqual(['FhirPractitionerFields', 'FhirPractitionerRoleFields']);
  });

  it('leaves out of a default export the types whose scope the application lacks, and refuses them when named', () => {
    expect(typesFor([...EXPORTABLE_TYPES], false, ['offer.read', 'bulk.export'])).toEqual({ types: ['Organization', 'HealthcareService', 'Location'], refused: [] });
    expect(typesFor(['Location', 'Practitioner'], true, ['offer.read', 'bulk.export'])).toEqual({ types: ['Location'], refused: ['Practitioner'] });
    expect(typesFor(['PractitionerRole'], true, ['professional.read'])).toEqual({ types: ['PractitionerRole'], refused: [] });
  });
});
