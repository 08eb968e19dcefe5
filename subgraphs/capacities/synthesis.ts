/**
 * Capacity syntheses, pure: units grouped by the requested levels in order, with totals summed at
 * each level from the units themselves (so a parent's totals equal the sum of its children's).
 */
import { NO_ASSIGNMENT, remainingToMobilise, totalOperational } from './rules.js';
import type { OfferUnit } from './offer-units.js';
import type { UnitCapacityRow } from './tables.js';

export const GROUPINGS = ['REGION', 'DEPARTMENT', 'ESTABLISHMENT', 'POLE', 'DISCIPLINE'] as const;
export type Grouping = (typeof GROUPINGS)[number];
export type View = 'SANITARY' | 'MEDICO_SOCIAL' | 'MEDICO_TECHNICAL';

/** The unit kinds (offer UnitKind) each view covers. */
export const VIEW_KINDS: Record<View, readonly string[]> = {
  SANITARY: ['MCO', 'SMR', 'PSYCHIATRY', 'HAD'],
  MEDICO_SOCIAL: ['ELDERLY', 'DISABLED'],
  MEDICO_TECHNICAL: ['MEDICO_TECHNICAL'],
};

export interface Totals {
  units: number;
  unitsWithoutCapacity: number;
  installedBeds: number;
  availableBeds: number;
  /** availableBeds by the sex the bed can take (their sum is availableBeds). */
  availableMen: number;
  availableWomen: number;
  availableUndifferentiated: number;
  closedBeds: number;
  reopenedBeds: number;
  reopenableBeds: number;
  mobilisedBeds: number;
  totalOperational: number;
  remainingToMobilise: number;
  /** Mobilised beds of records naming a crisis (TRE_R336). */
  crisisMobilisedBeds: number;
  /** Operational beds and units under a temporary assignment other than 01 (TRE_R337). */
  temporarilyAssignedBeds: number;
  temporarilyAssignedUnits: number;
  oldestUpdate: Date | null;
  /** Installed beds minus those planned closed on the forecast day; null without a forecast day. */
  forecastBeds: number | null;
  plannedClosedBeds: number | null;
}

export interface Group {
  level: Grouping;
  key: string;
  label: string | null;
  totals: Totals;
  groups: Group[];
}

export interface Synthesis {
  groupBy: Grouping[];
  totals: Totals;
  groups: Group[];
}

interface Item {
  unit: OfferUnit;
  capacity: UnitCapacityRow | null;
  /** Beds planned closed on the forecast day (capped at installed); undefined without a forecast day. */
  plannedClosed?: number;
}

/** Key and label of a unit at a level; units without a pôle share one group. */
function keyOf(level: Grouping, unit: OfferUnit): { key: string; label: string | null } {
  switch (level) {
    case 'REGION':
      return { key: unit.establishment.address.regionCode, label: unit.establishment.address.regionName };
    case 'DEPARTMENT':
      return { key: unit.establishment.address.departmentCode, label: unit.establishment.address.departmentName };
    case 'ESTABLISHMENT':
      return { key: unit.establishment.id, label: unit.establishment.name };
    case 'POLE':
      return unit.pole ? { key: unit.pole.id, label: unit.pole.name } : { key: 'NO_POLE', label: 'Units outside any pôle' };
    case 'DISCIPLINE':
      return { key: unit.discipline, label: null };
  }
}

export function totalsOf(items: readonly Item[]): Totals {
  const t: Totals = {
    units: items.length,
    unitsWithoutCapacity: 0,
    installedBeds: 0,
    availableBeds: 0,
    availableMen: 0,
    availableWomen: 0,
    availableUndifferentiated: 0,
    closedBeds: 0,
    reopenedBeds: 0,
    reopenableBeds: 0,
    mobilisedBeds: 0,
    totalOperational: 0,
    remainingToMobilise: 0,
    crisisMobilisedBeds: 0,
    temporarilyAssignedBeds: 0,
    temporarilyAssignedUnits: 0,
    oldestUpdate: null,
    forecastBeds: items.some((i) => i.plannedClosed !== undefined) ? 0 : null,
    plannedClosedBeds: items.some((i) => i.plannedClosed !== undefined) ? 0 : null,
  };
  for (const { unit, capacity: c, plannedClosed } of items) {
    if (!c) {
      t.unitsWithoutCapacity++;
      continue;
    }
    const operational = totalOperational(c);
    t.installedBeds += c.installedBeds;
    t.availableBeds += c.availableBeds;
    t.availableMen += c.availableMen;
    t.availableWomen += c.availableWomen;
    t.availableUndifferentiated += c.availableUndifferentiated;
    t.closedBeds += c.closedBeds;
    t.reopenedBeds += c.reopenedBeds;
    t.reopenableBeds += c.reopenableBeds;
    t.mobilisedBeds += c.mobilisedBeds;
    t.totalOperational += operational;
    t.remainingToMobilise += remainingToMobilise(unit.sseCapacity, operational) ?? 0;
    if (c.crisisType) t.crisisMobilisedBeds += c.mobilisedBeds;
    if (c.temporaryAssignment !== NO_ASSIGNMENT) {
      t.temporarilyAssignedBeds += operational;
      t.temporarilyAssignedUnits++;
    }
    if (!t.oldestUpdate || c.updatedAt < t.oldestUpdate) t.oldestUpdate = c.updatedAt;
    if (plannedClosed !== undefined) {
      const closed = Math.min(plannedClosed, c.installedBeds);
      t.plannedClosedBeds! += closed;
      t.forecastBeds! += c.installedBeds - closed;
    }
  }
  return t;
}

function groupAt(items: readonly Item[], levels: readonly Grouping[]): Group[] {
  const [level, ...rest] = levels;
  if (!level) return [];
  const buckets = new Map<string, { label: string | null; items: Item[] }>();
  for (const item of items) {
    const { key, label } = keyOf(level, item.unit);
    const bucket = buckets.get(key) ?? { label, items: [] };
    bucket.items.push(item);
    buckets.set(key, bucket);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, b]) => ({ level, key, label: b.label, totals: totalsOf(b.items), groups: groupAt(b.items, rest) }));
}

/**
 * The synthesis of `units` (already filtered to the view and the caller's reach) grouped by
 * `groupBy`; with `plannedClosed` (beds planned closed on the forecast day, by unit), the forecast
 * column too.
 */
export function synthesise(units: readonly OfferUnit[], capacities: ReadonlyMap<string, UnitCapacityRow>, groupBy: readonly Grouping[], plannedClosed?: ReadonlyMap<string, number>): Synthesis {
  const items = units.map((unit) => ({ unit, capacity: capacities.get(unit.id) ?? null, ...(plannedClosed ? { plannedClosed: plannedClosed.get(unit.id) ?? 0 } : {}) }));
  return { groupBy: [...groupBy], totals: totalsOf(items), groups: groupAt(items, groupBy) };
}
