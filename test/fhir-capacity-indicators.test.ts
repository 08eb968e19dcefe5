/**
 * The capacity PATCH's pure parts (fhir/capacity-patch/): which code combinations are indicators
 * the hub's record holds, how one indicator changes the record, and the three shapes of a
 * FHIRPath Patch value. No hub: the protocol end to end is test/fhir-capacity-patch.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { EXTENSIONS } from '../fhir/codes.js';
import { OperationOutcomeError } from '../fhir/outcomes.js';
import { applyIndicator, readIndicator, type Figures } from '../fhir/capacity-patch/indicators.js';
import { readCapacityPatch } from '../fhir/capacity-patch/parameters.js';
import type { Extension } from '../fhir/types.js';

function indicator(codes: Record<string, string>, count = 3): Extension {
  return {
    url: EXTENSIONS.supportedCapacity,
    extension: [...Object.entries(codes).map(([url, code]) => ({ url, valueCode: code })), { url: 'nbCapacity', valueInteger: count }],
  };
}

/** The outcome an indicator is refused with: [issue code, diagnostics]. */
function refusal(extension: Extension): [string, string] {
  try {
    readIndicator(extension);
  } catch (error) {
    if (error instanceof OperationOutcomeError) return [error.outcome.issue[0]!.code, error.outcome.issue[0]!.diagnostics ?? ''];
    throw error;
  }
  throw new Error('accepted');
}

/** An indicator without crisis nor assignment. */
const NONE = { temporaryAssignment: '01', crisisType: null };

const RECORD: Figures = {
  nature: 'BED',
  installedBeds: 20,
  availableMen: 1,
  availableWomen: 2,
  availableUndifferentiated: 3,
  closedBeds: 6,
  reopenedBeds: 1,
  reopenableBeds: 2,
  mobilisedBeds: 0,
  notes: 'kept',
  crisisType: null,
  temporaryAssignment: '01',
};

describe('capacity indicators', () => {
  it.each([
    [{ capacityType: '01', capacityStatus: '01' }, 'installed'],
    [{ capacityType: '01', capacityStatus: '02', genderCapacityAvailable: '02' }, 'availableMen'],
    [{ capacityType: '01', capacityStatus: '02', genderCapacityAvailable: '01' }, 'availableWomen'],
    [{ capacityType: '02', capacityStatus: '02', genderCapacityAvailable: '03' }, 'availableUndifferentiated'],
    [{ capacityType: '01', capacityStatus: '05', capacityClosingType: '01' }, 'closedReactivable'],
    [{ capacityType: '01', capacityStatus: '05', capacityClosingType: '02' }, 'closedNotReactivable'],
    [{ capacityType: '01', capacityStatus: '06', additionalBedType: '01', temporalityCapacity: '01', temporaryAssignement: '01' }, 'mobilised'],
  ])('reads %j as %s', (codes, slot) => {
    expect(readIndicator(indicator(codes))).toMatchObject({ slot, count: 3, temporaryAssignment: '01', crisisType: null });
  });

  it('reads the crisis of supplementary beds and the temporary assignment of any indicator', () => {
    expect(readIndicator(indicator({ capacityType: '01', capacityStatus: '06', additionalBedType: '01', crisisType: '02' }))).toMatchObject({ slot: 'mobilised', crisisType: '02', temporaryAssignment: '01' });
    expect(readIndicator(indicator({ capacityType: '01', capacityStatus: '01', temporaryAssignement: '02' }))).toMatchObject({ slot: 'installed', crisisType: null, temporaryAssignment: '02' });
  });

  it.each([
    [{ capacityType: '01', capacityStatus: '02' }, /held by gender/],
    [{ capacityType: '01', capacityStatus: '05' }, /reactivable/],
    [{ capacityType: '01', capacityStatus: '05', capacityClosingType: '03' }, /03 Indéterminé/],
    [{ capacityType: '01', capacityStatus: '06', additionalBedType: '02' }, /mobilised beds only/],
    [{ capacityType: '01', capacityStatus: '02', genderCapacityAvailable: '03', crisisType: '02' }, /crisisType goes with capacityStatus 06/],
    [{ capacityType: '01', capacityStatus: '07' }, /derived/],
    [{ capacityType: '01', capacityStatus: '03' }, /not recorded/],
    [{ capacityType: '01', capacityStatus: '01', temporalityCapacity: '02' }, /current capacity only/],
    [{ capacityType: '01', capacityStatus: '01', capacityClosingType: '01' }, /capacityStatus 05/],
    [{ capacityType: '03', capacityStatus: '01' }, /beds \(01 Lit\) or places/],
  ])('refuses %j as a business rule', (codes, reason) => {
    const [code, diagnostics] = refusal(indicator(codes));
    expect(code).toBe('business-rule');
    expect(diagnostics).toMatch(reason);
  });

  it('refuses malformed indicators as invalid', () => {
    expect(refusal({ url: EXTENSIONS.supportedCapacity, extension: [{ url: 'capacityType', valueCode: '01' }, { url: 'capacityStatus', valueCode: '01' }] })).toEqual(['invalid', expect.stringMatching(/nbCapacity is required/)]);
    expect(refusal(indicator({ capacityType: '01', capacityStatus: '01' }, -1))[0]).toBe('invalid');
    expect(refusal(indicator({ capacityType: '01', capacityStatus: '01', somethingElse: 'x' }))[1]).toMatch(/unknown sub-extension/);
    const wrongSystem = indicator({ capacityType: '01' });
    wrongSystem.extension!.push({ url: 'capacityStatus', valueCodeableConcept: { coding: [{ system: 'urn:other', code: '01' }] } });
    expect(refusal(wrongSystem)[1]).toMatch(/capacityStatus needs a code/);
  });

  it('sets one figure and keeps the others; each closing type keeps the other one', () => {
    expect(applyIndicator(RECORD, { nature: 'BED', slot: 'availableWomen', count: 0, ...NONE })).toEqual({ ...RECORD, availableWomen: 0 });
    // 6 closed = 1 reopened + 2 reactivable + 3 not reactivable
    expect(applyIndicator(RECORD, { nature: 'BED', slot: 'closedReactivable', count: 4, ...NONE })).toEqual({ ...RECORD, reopenableBeds: 4, closedBeds: 8 });
    expect(applyIndicator(RECORD, { nature: 'BED', slot: 'closedNotReactivable', count: 0, ...NONE })).toEqual({ ...RECORD, closedBeds: 3 });
    expect(applyIndicator(RECORD, { nature: 'BED', slot: 'mobilised', count: 5, ...NONE })).toEqual({ ...RECORD, mobilisedBeds: 5 });
    // The supplementary beds' indicator states their crisis; every indicator states the assignment.
    expect(applyIndicator(RECORD, { nature: 'BED', slot: 'mobilised', count: 5, temporaryAssignment: '01', crisisType: '02' })).toEqual({ ...RECORD, mobilisedBeds: 5, crisisType: '02' });
    expect(applyIndicator({ ...RECORD, crisisType: '02' }, { nature: 'BED', slot: 'installed', count: 20, temporaryAssignment: '02', crisisType: null })).toEqual({ ...RECORD, crisisType: '02', temporaryAssignment: '02' });
  });
});

describe('FHIRPath Patch bodies', () => {
  const value = indicator({ capacityType: '01', capacityStatus: '01' });
  const operation = (valuePart: Record<string, unknown>, type = 'replace') => ({
    resourceType: 'Parameters',
    parameter: [{ name: 'operation', part: [{ name: 'type', valueCode: type }, { name: 'path', valueString: 'Location' }, { name: 'value', ...valuePart }] }],
  });

  it('reads the value as valueExtension, the national form and the R4 parts form', () => {
    const parts = {
      part: [
        { name: 'url', valueUri: EXTENSIONS.supportedCapacity },
        { name: 'extension', part: [{ name: 'url', valueUri: 'capacityType' }, { name: 'valueCode', valueCode: '01' }] },
        { name: 'extension', part: [{ name: 'url', valueUri: 'capacityStatus' }, { name: 'valueCode', valueCode: '01' }] },
        { name: 'extension', part: [{ name: 'url', valueUri: 'nbCapacity' }, { name: 'valueInteger', valueInteger: 3 }] },
      ],
    };
    for (const shape of [{ valueExtension: value }, { part: [{ extension: [value] }] }, parts]) {
      const [read] = readCapacityPatch(operation(shape));
      expect(read).toEqual({ type: 'replace', path: 'Location', value });
    }
  });

  it.each([
    ['not Parameters', { resourceType: 'Location' }],
    ['no parameter', { resourceType: 'Parameters' }],
    ['delete', operation({ valueExtension: value }, 'delete')],
    ['no value', { resourceType: 'Parameters', parameter: [{ name: 'operation', part: [{ name: 'type', valueCode: 'add' }, { name: 'path', valueString: 'Location' }] }] }],
    ['another extension', operation({ valueExtension: { url: 'https://example.org/x', extension: [] } })],
  ])('refuses %s with 400 invalid', (_label, body) => {
    expect(() => readCapacityPatch(body)).toThrow(OperationOutcomeError);
  });
});
