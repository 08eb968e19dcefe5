/** The search value grammar, without a hub: tokens, escapes, dates and their prefixes, near, numbers. */
import { describe, it, expect } from 'vitest';
import { dateRange, instantTest, numberTest, parseToken, quantityTest, referenceId } from '../fhir/search/values.js';
import { parseSearch, splitValues } from '../fhir/search/parse.js';
import { parseNear } from '../fhir/search/types/location.js';
import { locationSearch } from '../fhir/search/types/location.js';
import { OperationOutcomeError } from '../fhir/outcomes.js';

const status = (fn: () => unknown): string => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return error instanceof OperationOutcomeError ? (error.outcome.issue[0]?.diagnostics ?? '') : String(error);
  }
};

describe('FHIR search values', () => {
  it('splits alternatives on unescaped commas and tokens on the first unescaped bar', () => {
    expect(splitValues('a,b\\,c,d')).toEqual(['a', 'b\\,c', 'd']);
    expect(parseToken('http://s|01')).toEqual({ system: 'http://s', code: '01' });
    expect(parseToken('|01')).toEqual({ system: '', code: '01' });
    expect(parseToken('http://s|')).toEqual({ system: 'http://s' });
    expect(parseToken('01')).toEqual({ code: '01' });
    expect(parseToken('a\\|b')).toEqual({ code: 'a|b' });
  });

  it('reads a date at its precision, UTC when no zone is given', () => {
    expect(dateRange('2026')).toEqual({ from: new Date('2026-01-01T00:00:00Z'), before: new Date('2027-01-01T00:00:00Z') });
    expect(dateRange('2026-02')).toEqual({ from: new Date('2026-02-01T00:00:00Z'), before: new Date('2026-03-01T00:00:00Z') });
    expect(dateRange('2026-12-31')).toEqual({ from: new Date('2026-12-31T00:00:00Z'), before: new Date('2027-01-01T00:00:00Z') });
    expect(dateRange('2026-11-23T08:15+01:00')).toEqual({ from: new Date('2026-11-23T07:15:00Z'), before: new Date('2026-11-23T07:16:00Z') });
    expect(dateRange('2026-11-23T08:15:30.5Z')).toEqual({ from: new Date('2026-11-23T08:15:30.500Z'), before: new Date('2026-11-23T08:15:30.600Z') });
    expect(status(() => dateRange('2026-02-30'))).toMatch(/Invalid day/);
    expect(status(() => dateRange('yesterday'))).toMatch(/Invalid date/);
  });

  it('turns each prefix into the instants it matches', () => {
    const day = (prefix: string) => instantTest({ value: '2026-11-23', prefix: prefix as never });
    const start = '2026-11-23T00:00:00.000Z';
    const end = '2026-11-24T00:00:00.000Z';
    expect(instantTest({ value: '2026-11-23' })).toEqual({ from: start, before: end });
    expect(day('ne')).toEqual({ from: start, before: end, outside: true });
    expect(day('gt')).toEqual({ from: end });
    expect(day('sa')).toEqual({ from: end });
    expect(day('lt')).toEqual({ before: start });
    expect(day('eb')).toEqual({ before: start });
    expect(day('ge')).toEqual({ from: start });
    expect(day('le')).toEqual({ before: end });
  });

  it('numbers, quantities, references and near', () => {
    expect(numberTest({ value: '3', prefix: 'gt' }, true)).toEqual({ comparison: 'GT', value: 3 });
    expect(status(() => numberTest({ value: '2.5' }, true))).toMatch(/Invalid integer/);
    expect(quantityTest({ value: '18|http://unitsofmeasure.org|a', prefix: 'ge' }, 'a', ['http://unitsofmeasure.org'])).toEqual({ comparison: 'GE', value: 18 });
    expect(status(() => quantityTest({ value: '18||mo' }, 'a', []))).toMatch(/Unsupported unit/);
    expect(referenceId('Organization/450000088', 'Organization')).toBe('450000088');
    expect(referenceId('450000088', 'Organization')).toBe('450000088');
    expect(referenceId('Location/450000088', 'Organization')).toBeNull();
    expect(parseNear('47.9|1.9|20|km')).toEqual({ latitude: 47.9, longitude: 1.9, radiusKm: 20 });
    expect(parseNear('47.9|1.9|2500|m')).toEqual({ latitude: 47.9, longitude: 1.9, radiusKm: 2.5 });
    expect(parseNear('47.9|1.9')).toEqual({ latitude: 47.9, longitude: 1.9, radiusKm: 50 });
    expect(status(() => parseNear('47.9|1.9|20|mi'))).toMatch(/Unsupported near unit/);
    expect(status(() => parseNear('95|1.9|20'))).toMatch(/Invalid near/);
    expect(status(() => parseNear('47.9|1.9|501'))).toMatch(/at most 500/);
  });

  it('parses a search against the registry: AND, OR, prefixes, result parameters, lenient drops', () => {
    const search = parseSearch(
      [
        ['nb-capacity', 'gt0,eq0'],
        ['nb-capacity', 'le10'],
        ['name:contains', 'réa'],
        ['_count', '500'],
        ['_sort', '-name,_id'],
        ['_include', 'Location:organization'],
        ['_format', 'json'],
        ['address-city', ''],
      ],
      locationSearch,
      false,
    );
    expect(search.clauses.map((c) => [c.code, c.modifier, c.values])).toEqual([
      ['nb-capacity', undefined, [{ value: '0', prefix: 'gt' }, { value: '0', prefix: 'eq' }]],
      ['nb-capacity', undefined, [{ value: '10', prefix: 'le' }]],
      ['name', 'contains', [{ value: 'réa' }]],
    ]);
    expect(search).toMatchObject({ count: 200, clampedFrom: 500, sort: [{ code: 'name', descending: true }, { code: '_id', descending: false }], includes: [{ code: 'Location:organization', iterate: false }] });
    expect(status(() => parseSearch([['near', '1|2|3'], ['near', '1|2|4']], locationSearch, false))).toMatch(/near may be given once/);
    expect(status(() => parseSearch([['_lastUpdated', 'ne2026-01-01']], locationSearch, false))).toMatch(/Unsupported prefix "ne"/);
    const lenient = parseSearch([['foo', '1'], ['name:below', 'x'], ['name', 'a']], locationSearch, true);
    expect(lenient.clauses.map((c) => c.code)).toEqual(['name']);
    expect(lenient.ignored).toEqual([expect.stringContaining('"foo"'), expect.stringContaining('name:below')]);
  });
});
