/** The invariants of a capacity record (subgraphs/capacities/rules.ts, docs/capacities.md § Rules). */
import { describe, expect, it } from 'vitest';
import { HubError } from '../platform/errors.js';
import { checkCapacity, remainingToMobilise, sameFigures, totalOperational, type CapacityFigures } from '../subgraphs/capacities/rules.js';
import { synthesise, totalsOf } from '../subgraphs/capacities/synthesis.js';
import { checkClosure, forecast } from '../subgraphs/capacities/closures.js';
import { parseCsvBody, parseJsonBody } from '../subgraphs/capacities/feed-input.js';
import { snapshotDue } from '../subgraphs/capacities/snapshot-scheduler.js';

const ok: CapacityFigures = {
  nature: 'BED',
  installedBeds: 20,
  availableMen: 1,
  availableWomen: 2,
  availableUndifferentiated: 3,
  closedBeds: 4,
  reopenedBeds: 1,
  reopenableBeds: 2,
  mobilisedBeds: 2,
  notes: null,
};

/** The refusal of `figures`: its code and the input field it names. */
function refusal(figures: Partial<CapacityFigures>, previousInstalled: number | null = null) {
  try {
    checkCapacity({ ...ok, ...figures }, previousInstalled);
  } catch (error) {
    expect(error).toBeInstanceOf(HubError);
    const e = error as HubError;
    return { code: e.extensions.code, field: e.extensions.field, message: e.message };
  }
  return null;
}

describe('capacity rules', () => {
  it('accepts a consistent record and computes total operational = installed - (closed - reopened) + mobilised', () => {
    expect(refusal({})).toBeNull();
    expect(totalOperational(ok)).toBe(20 - (4 - 1) + 2);
  });

  it.each(['installedBeds', 'availableMen', 'availableWomen', 'availableUndifferentiated', 'closedBeds', 'reopenedBeds', 'reopenableBeds', 'mobilisedBeds'] as const)(
    'refuses a negative or fractional %s, naming the field',
    (field) => {
      expect(refusal({ [field]: -1 })).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(refusal({ [field]: 1.5 })).toMatchObject({ code: 'BAD_USER_INPUT', field });
    },
  );

  it('refuses closed > installed', () => {
    expect(refusal({ installedBeds: 3, closedBeds: 4, reopenedBeds: 0, reopenableBeds: 0, availableMen: 0, availableWomen: 0, availableUndifferentiated: 0 })).toMatchObject({ field: 'closedBeds' });
  });

  it('refuses reopened > closed', () => {
    expect(refusal({ closedBeds: 2, reopenedBeds: 3, reopenableBeds: 0 })).toMatchObject({ field: 'reopenedBeds' });
  });

  it('refuses reopenable > closed - reopened', () => {
    expect(refusal({ closedBeds: 4, reopenedBeds: 1, reopenableBeds: 4 })).toMatchObject({ field: 'reopenableBeds' });
    expect(refusal({ closedBeds: 4, reopenedBeds: 1, reopenableBeds: 3 })).toBeNull();
  });

  it('refuses available (all sexes) > total operational', () => {
    // operational = 10 - (5 - 0) + 0 = 5
    const base = { installedBeds: 10, closedBeds: 5, reopenedBeds: 0, reopenableBeds: 0, mobilisedBeds: 0 };
    expect(refusal({ ...base, availableMen: 2, availableWomen: 2, availableUndifferentiated: 1 })).toBeNull();
    expect(refusal({ ...base, availableMen: 2, availableWomen: 2, availableUndifferentiated: 2 })).toMatchObject({ field: 'availableUndifferentiated' });
    // mobilised beds add to what can be available
    expect(refusal({ ...base, mobilisedBeds: 1, availableMen: 2, availableWomen: 2, availableUndifferentiated: 2 })).toBeNull();
  });

  it('refuses setting installed to 0 when it was > 0 (crisis rule), and explains what to do', () => {
    const zero = { installedBeds: 0, closedBeds: 0, reopenedBeds: 0, reopenableBeds: 0, mobilisedBeds: 6, availableMen: 0, availableWomen: 0, availableUndifferentiated: 0 };
    const r = refusal(zero, 12);
    expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field: 'installedBeds' });
    expect(r!.message).toMatch(/closedBeds/);
    expect(r!.message).toMatch(/archive/);
    expect(refusal(zero, 0)).toBeNull();
    expect(refusal(zero, null)).toBeNull();
  });

  it('refuses notes over 2000 characters', () => {
    expect(refusal({ notes: 'x'.repeat(2000) })).toBeNull();
    expect(refusal({ notes: 'x'.repeat(2001) })).toMatchObject({ field: 'notes' });
  });

  it('remaining to mobilise is SSE capacity minus total operational, at least 0, null without SSE capacity', () => {
    expect(remainingToMobilise(30, 19)).toBe(11);
    expect(remainingToMobilise(10, 19)).toBe(0);
    expect(remainingToMobilise(null, 19)).toBeNull();
  });

  it('compares figures, notes included', () => {
    expect(sameFigures(ok, { ...ok })).toBe(true);
    expect(sameFigures(ok, { ...ok, availableMen: 0 })).toBe(false);
    expect(sameFigures(ok, { ...ok, notes: 'x' })).toBe(false);
  });
});

describe('planned closures and forecast', () => {
  it('refuses bad dates, ranges and bed counts', () => {
    const c = { startDate: '2026-12-01', endDate: '2026-12-10', beds: 3, reason: 'WORKS' };
    expect(() => checkClosure(c, 10)).not.toThrow();
    expect(() => checkClosure({ ...c, startDate: '2026-02-30' }, 10)).toThrow(/startDate/);
    expect(() => checkClosure({ ...c, endDate: '2026-11-30' }, 10)).toThrow(/endDate/);
    expect(() => checkClosure({ ...c, beds: 11 }, 10)).toThrow(/installed/);
    expect(() => checkClosure({ ...c, reason: 'HOLIDAY' }, 10)).toThrow(/reason/);
  });

  it('forecasts installed minus the beds planned closed each day', () => {
    const closure = (startDate: string, endDate: string, beds: number) => ({ id: 'x', unitId: 'u', startDate, endDate, beds, reason: 'WORKS', notes: null, createdAt: new Date(), createdBy: null });
    const days = forecast(10, [closure('2026-12-02', '2026-12-03', 3), closure('2026-12-03', '2026-12-03', 9)], '2026-12-01', '2026-12-04');
    expect(days.map((d) => d.forecastBeds)).toEqual([10, 7, 0, 10]);
    expect(days[2]).toMatchObject({ plannedClosedBeds: 10, installedBeds: 10 });
  });
});

describe('synthesis totals', () => {
  const unit = (id: string, est: string, dept: string, discipline: string, sse: number | null) => ({
    id,
    name: id,
    ufCode: id,
    kind: 'MCO',
    discipline,
    sseCapacity: sse,
    sensitive: false,
    pole: null,
    establishment: { id: est, name: est, organization: { id: `o${est}` }, address: { departmentCode: dept, departmentName: null, regionCode: '24', regionName: 'Centre-Val de Loire' } },
  });
  const row = (unitId: string, installed: number, available: number, closed = 0, mobilised = 0) => ({
    unitId,
    nature: 'BED',
    installedBeds: installed,
    availableBeds: available,
    availableMen: 0,
    availableWomen: 0,
    availableUndifferentiated: available,
    closedBeds: closed,
    reopenedBeds: 0,
    reopenableBeds: 0,
    mobilisedBeds: mobilised,
    notes: null,
    crisisType: null,
    temporaryAssignment: '01',
    source: 'MANUAL',
    updatedAt: new Date(`2026-11-2${installed % 10}T00:00:00Z`),
    updatedBy: null,
    version: 1,
  });

  it('nests the levels in order, with totals that are the sums of their children', () => {
    const units = [unit('a', 'E1', '37', 'MEDICINE', 30), unit('b', 'E1', '37', 'SURGERY', null), unit('c', 'E2', '45', 'MEDICINE', 5), unit('d', 'E2', '45', 'MEDICINE', null)];
    const capacities = new Map([row('a', 21, 3, 2, 1), row('b', 12, 0), row('c', 8, 2)].map((r) => [r.unitId, r]));
    const s = synthesise(units, capacities, ['DEPARTMENT', 'ESTABLISHMENT', 'DISCIPLINE']);
    expect(s.totals).toMatchObject({ units: 4, unitsWithoutCapacity: 1, installedBeds: 41, availableBeds: 5, closedBeds: 2, mobilisedBeds: 1, totalOperational: 20 + 12 + 8 });
    // remaining: a: 30 - 20 = 10; c: max(0, 5 - 8) = 0; b, d without SSE capacity
    expect(s.totals.remainingToMobilise).toBe(10);
    expect(s.groups.map((g) => g.key)).toEqual(['37', '45']);
    const check = (groups: typeof s.groups, parent: typeof s.totals) => {
      if (groups.length === 0) return;
      for (const k of ['units', 'unitsWithoutCapacity', 'installedBeds', 'availableBeds', 'closedBeds', 'mobilisedBeds', 'totalOperational', 'remainingToMobilise'] as const) {
        expect(groups.reduce((sum, g) => sum + g.totals[k], 0)).toBe(parent[k]);
      }
      for (const g of groups) check(g.groups, g.totals);
    };
    check(s.groups, s.totals);
    expect(s.groups[0]!.groups[0]!.groups.map((g) => g.key)).toEqual(['MEDICINE', 'SURGERY']);
    expect(totalsOf([]).oldestUpdate).toBeNull();
  });
});

describe('automatic feed input', () => {
  it('parses CSV with ; or , and names bad lines by their file line', () => {
    const csv = 'establishmentFiness;ufCode;installedBeds;availableMen;availableWomen;availableUndifferentiated;closedBeds\n370000481;2101;20;1;1;2;\n370000481;2102;-3;1;1;2;0\n';
    const lines = parseCsvBody(csv);
    expect(lines[0]).toMatchObject({ line: 2, value: { installedBeds: 20, ufCode: '2101' } });
    expect('value' in lines[0]! && lines[0].value.closedBeds).toBeUndefined();
    expect(lines[1]).toMatchObject({ line: 3, field: 'installedBeds' });
    expect(parseCsvBody(csv.replaceAll(';', ','))[0]).toMatchObject({ line: 2 });
    expect(() => parseCsvBody('ufCode;beds\n1;2')).toThrow(/header/);
  });

  it('validates JSON updates with the same schema', () => {
    const lines = parseJsonBody({ updates: [{ establishmentFiness: '370000481', ufCode: 'A', installedBeds: 1, availableMen: 0, availableWomen: 0, availableUndifferentiated: 1 }, { ufCode: 'B' }] });
    expect(lines[0]).toMatchObject({ line: 1 });
    expect(lines[1]).toMatchObject({ line: 2, error: expect.stringMatching(/required/) });
    expect(() => parseJsonBody({ rows: [] })).toThrow(/updates/);
  });
});

describe('snapshot schedule', () => {
  it('is due from ROR_SNAPSHOT_TIME on, Paris time', () => {
    // 05:30Z is 06:30 in Paris in winter
    expect(snapshotDue(new Date('2026-11-23T05:30:00Z'), '06:00')).toBe(true);
    expect(snapshotDue(new Date('2026-11-23T04:30:00Z'), '06:00')).toBe(false);
    // summer time: 04:30Z is 06:30 in Paris
    expect(snapshotDue(new Date('2026-07-01T04:30:00Z'), '06:00')).toBe(true);
  });
});
