/**
 * The population rule without a database (docs/population-indicators.md): each criterion failing
 * alone with its reason, unit and establishment statuses, sectors, and the bands at every boundary.
 */
import { describe, it, expect } from 'vitest';
import { CRITERIA, evaluateEstablishment, evaluateUnit, type Criterion, type UnitFacts } from '../subgraphs/offer/population/rules.js';
import { bandOf, percent } from '../subgraphs/offer/population/bands.js';
import { categorySector, establishmentSectors, unitSector } from '../subgraphs/offer/population/sectors.js';

/** A unit meeting every criterion. */
function complete(): UnitFacts {
  return {
    activityField: { code: '01', valid: true },
    careMode: { code: '28', valid: true },
    ageMinFilled: true,
    ageMaxFilled: true,
    operationalActivities: 'VALID',
    address: { own: false, line: true, postalCode: true, city: true },
    contacts: 'COMPLETE',
  };
}

const failingAlone: Array<[Criterion, (f: UnitFacts) => UnitFacts, RegExp]> = [
  ['ACTIVITY_FIELD', (f) => ({ ...f, activityField: { code: null, valid: false } }), /^no field of activity$/],
  ['ACTIVITY_FIELD', (f) => ({ ...f, activityField: { code: '99', valid: false } }), /field of activity 99 is not a valid TRE_R227 code/],
  ['CARE_MODE', (f) => ({ ...f, careMode: { code: null, valid: false } }), /^no care mode$/],
  ['CARE_MODE', (f) => ({ ...f, careMode: { code: '14', valid: false } }), /care mode 14 is not a valid TRE_R213 code \(unknown or deprecated\)/],
  ['PATIENT_TYPE', (f) => ({ ...f, ageMinFilled: false }), /^minimum patient age missing$/],
  ['PATIENT_TYPE', (f) => ({ ...f, ageMaxFilled: false }), /^maximum patient age missing$/],
  ['PATIENT_TYPE', (f) => ({ ...f, ageMinFilled: false, ageMaxFilled: false }), /minimum and maximum age missing/],
  ['OPERATIONAL_ACTIVITY', (f) => ({ ...f, operationalActivities: 'NONE' }), /^no operational activity$/],
  ['OPERATIONAL_ACTIVITY', (f) => ({ ...f, operationalActivities: 'NONE_VALID' }), /no operational activity code valid in TRE_R211/],
  ['ADDRESS', (f) => ({ ...f, address: { own: false, line: true, postalCode: false, city: true } }), /establishment's address .* lacks postal code$/],
  ['ADDRESS', (f) => ({ ...f, address: { own: true, line: false, postalCode: true, city: false } }), /unit's own address lacks street line, city$/],
  ['CONTACT', (f) => ({ ...f, contacts: 'NONE' }), /^no contact$/],
  ['CONTACT', (f) => ({ ...f, contacts: 'NO_VALID_NATURE' }), /no contact with a nature valid in TRE_R287/],
  ['CONTACT', (f) => ({ ...f, contacts: 'INCOMPLETE' }), /no contact with a valid nature, a channel \(TRE_R200\), a value and a confidentiality level \(TRE_R283\)/],
];

describe('population rule: units', () => {
  it('finalises a unit meeting every criterion', () => {
    expect(evaluateUnit(complete())).toEqual({ status: 'FINALISED', failures: [] });
  });

  it.each(failingAlone)('%s fails alone with its reason (%#)', (criterion, breakIt, reason) => {
    const outcome = evaluateUnit(breakIt(complete()));
    expect(outcome.status).toBe('IN_PROGRESS');
    expect(outcome.failures).toHaveLength(1);
    expect(outcome.failures[0]!.criterion).toBe(criterion);
    expect(outcome.failures[0]!.reason).toMatch(reason);
  });

  it('is TO_DO when no criterion holds, and lists the failures in criterion order', () => {
    const outcome = evaluateUnit({
      activityField: { code: null, valid: false },
      careMode: { code: 'X', valid: false },
      ageMinFilled: false,
      ageMaxFilled: true,
      operationalActivities: 'NONE',
      address: { own: false, line: false, postalCode: false, city: false },
      contacts: 'INCOMPLETE',
    });
    expect(outcome.status).toBe('TO_DO');
    expect(outcome.failures.map((f) => f.criterion)).toEqual([...CRITERIA]);
  });

  it('is IN_PROGRESS when a single criterion holds', () => {
    const onlyContact = evaluateUnit({
      ...complete(),
      activityField: { code: null, valid: false },
      careMode: { code: null, valid: false },
      ageMinFilled: false,
      operationalActivities: 'NONE',
      address: { own: true, line: false, postalCode: false, city: false },
    });
    expect(onlyContact.status).toBe('IN_PROGRESS');
    expect(onlyContact.failures).toHaveLength(5);
  });
});

describe('population rule: establishments', () => {
  it('is TO_DO and not populated without an active unit', () => {
    expect(evaluateEstablishment({ FINALISED: 0, IN_PROGRESS: 0, TO_DO: 0 })).toEqual({ populated: false, quality: false, status: 'TO_DO' });
  });
  it('meets the quality criterion only when every active unit is finalised', () => {
    expect(evaluateEstablishment({ FINALISED: 3, IN_PROGRESS: 0, TO_DO: 0 })).toEqual({ populated: true, quality: true, status: 'FINALISED' });
    expect(evaluateEstablishment({ FINALISED: 3, IN_PROGRESS: 0, TO_DO: 1 })).toEqual({ populated: true, quality: false, status: 'IN_PROGRESS' });
    expect(evaluateEstablishment({ FINALISED: 0, IN_PROGRESS: 1, TO_DO: 2 })).toEqual({ populated: true, quality: false, status: 'IN_PROGRESS' });
  });
  it('is populated but TO_DO when every unit is TO_DO', () => {
    expect(evaluateEstablishment({ FINALISED: 0, IN_PROGRESS: 0, TO_DO: 2 })).toEqual({ populated: true, quality: false, status: 'TO_DO' });
  });
});

describe('population sectors', () => {
  it('reads the sectors from the active units, several when they differ', () => {
    const units = [
      { activityFieldCode: '03', kind: 'PSYCHIATRY' },
      { activityFieldCode: '01', kind: 'MCO' },
      { activityFieldCode: '02', kind: 'SMR' },
      { activityFieldCode: '01', kind: 'MCO' },
    ];
    expect(establishmentSectors('355', units)).toEqual(['MCO', 'PSY', 'SSR']);
  });
  it('maps médico-social units by their public, then by the category', () => {
    expect(unitSector('04', 'ELDERLY', '355')).toBe('PA');
    expect(unitSector('04', 'DISABLED', '500')).toBe('PH');
    expect(unitSector('04', 'MCO', '500')).toBe('PA');
    expect(unitSector('04', 'MCO', '255')).toBe('PH');
    expect(unitSector('04', 'MCO', '355')).toBeNull();
    expect(unitSector('05', 'MCO', '355')).toBeNull();
    expect(unitSector(null, 'MCO', '355')).toBeNull();
  });
  it('falls back on the FINESS category for an establishment without a unit naming a sector', () => {
    expect(establishmentSectors('292', [])).toEqual(['PSY']);
    expect(establishmentSectors('109', [])).toEqual(['SSR']);
    expect(establishmentSectors('500', [])).toEqual(['PA']);
    expect(establishmentSectors('255', [])).toEqual(['PH']);
    expect(establishmentSectors('101', [{ activityFieldCode: '06', kind: 'MCO' }])).toEqual(['MCO']);
    expect(establishmentSectors('620', [])).toEqual([]); // a pharmacy is in no target
    expect(categorySector('362')).toBe('MCO');
  });
});

describe('population bands', () => {
  const cases: Array<[number, string]> = [
    [0, 'NONE'],
    [1, 'FROM_1_TO_25'],
    [25, 'FROM_1_TO_25'],
    [26, 'FROM_26_TO_50'],
    [50, 'FROM_26_TO_50'],
    [51, 'FROM_51_TO_75'],
    [75, 'FROM_51_TO_75'],
    [76, 'ABOVE_75'],
    [100, 'ABOVE_75'],
  ];
  it.each(cases)('%i %% is %s', (rate, band) => {
    expect(bandOf(rate, 100)).toBe(band);
    expect(percent(rate, 100)).toBe(rate);
  });
  it('is NO_DATA for an area without establishments, with rates 0', () => {
    expect(bandOf(0, 0)).toBe('NO_DATA');
    expect(percent(0, 0)).toBe(0);
  });
  it('decides on the exact fraction: any rate above 0 is at least FROM_1_TO_25, a rate just above a boundary goes up', () => {
    expect(bandOf(1, 1000)).toBe('FROM_1_TO_25'); // 0.1 %
    expect(bandOf(1, 4)).toBe('FROM_1_TO_25'); // exactly 25 %
    expect(bandOf(101, 400)).toBe('FROM_26_TO_50'); // 25.25 %
    expect(bandOf(2, 3)).toBe('FROM_51_TO_75'); // 66.67 %
    expect(bandOf(3, 4)).toBe('FROM_51_TO_75'); // exactly 75 %
    expect(bandOf(301, 400)).toBe('ABOVE_75'); // 75.25 %
  });
});
