/**
 * The bed-manager dashboard of a territory and its bed-blocker aggregates, pure: rows per
 * establishment summed from its units, totals summed from the rows (so they always agree).
 */
import type { OfferUnit } from '../offer-units.js';
import type { BedBlockerRow, BedManagementContactRow, UnitCapacityRow } from '../tables.js';
import { VIEW_KINDS } from '../synthesis.js';

export interface DisciplineBeds {
  discipline: string;
  units: number;
  installedBeds: number;
  availableBeds: number;
  availableMen: number;
  availableWomen: number;
  availableUndifferentiated: number;
}

export interface ElderlyPlaces {
  units: number;
  installedPlaces: number;
  availablePlaces: number;
  unitsWithoutCapacity: number;
}

export interface DashboardRow {
  establishmentId: string;
  establishmentName: string;
  departmentCode: string;
  contact: BedManagementContactRow | null;
  availableBeds: number;
  installedBeds: number;
  byDiscipline: DisciplineBeds[];
  elderlyPlaces: ElderlyPlaces;
  bedBlockers: number;
  oldestUpdate: Date | null;
  /** Sanitary units never entered (elderly-care ones: `elderlyPlaces.unitsWithoutCapacity`). */
  unitsWithoutCapacity: number;
}

export interface DashboardInput {
  units: readonly OfferUnit[];
  capacities: ReadonlyMap<string, UnitCapacityRow>;
  contacts: ReadonlyMap<string, BedManagementContactRow>;
  blockers: readonly BedBlockerRow[];
}

const SANITARY = VIEW_KINDS.SANITARY;
const emptyPlaces = (): ElderlyPlaces => ({ units: 0, installedPlaces: 0, availablePlaces: 0, unitsWithoutCapacity: 0 });

function addDiscipline(into: Map<string, DisciplineBeds>, from: DisciplineBeds): void {
  const d = into.get(from.discipline) ?? { discipline: from.discipline, units: 0, installedBeds: 0, availableBeds: 0, availableMen: 0, availableWomen: 0, availableUndifferentiated: 0 };
  d.units += from.units;
  d.installedBeds += from.installedBeds;
  d.availableBeds += from.availableBeds;
  d.availableMen += from.availableMen;
  d.availableWomen += from.availableWomen;
  d.availableUndifferentiated += from.availableUndifferentiated;
  into.set(d.discipline, d);
}

function addPlaces(into: ElderlyPlaces, from: ElderlyPlaces): void {
  into.units += from.units;
  into.installedPlaces += from.installedPlaces;
  into.availablePlaces += from.availablePlaces;
  into.unitsWithoutCapacity += from.unitsWithoutCapacity;
}

const sorted = (m: Map<string, DisciplineBeds>) => [...m.values()].sort((a, b) => a.discipline.localeCompare(b.discipline));

function rowOf(units: readonly OfferUnit[], input: DashboardInput, blockersByUnit: ReadonlyMap<string, number>): DashboardRow {
  const first = units[0]!;
  const disciplines = new Map<string, DisciplineBeds>();
  const places = emptyPlaces();
  let oldest: Date | null = null;
  let blockers = 0;
  let withoutCapacity = 0;
  for (const unit of units) {
    const c = input.capacities.get(unit.id);
    blockers += blockersByUnit.get(unit.id) ?? 0;
    if (c && (!oldest || c.updatedAt < oldest)) oldest = c.updatedAt;
    if (unit.kind === 'ELDERLY') {
      addPlaces(places, { units: 1, installedPlaces: c?.installedBeds ?? 0, availablePlaces: c?.availableBeds ?? 0, unitsWithoutCapacity: c ? 0 : 1 });
      continue;
    }
    if (!c) withoutCapacity += 1;
    addDiscipline(disciplines, {
      discipline: unit.discipline,
      units: 1,
      installedBeds: c?.installedBeds ?? 0,
      availableBeds: c?.availableBeds ?? 0,
      availableMen: c?.availableMen ?? 0,
      availableWomen: c?.availableWomen ?? 0,
      availableUndifferentiated: c?.availableUndifferentiated ?? 0,
    });
  }
  const byDiscipline = sorted(disciplines);
  return {
    establishmentId: first.establishment.id,
    establishmentName: first.establishment.name,
    departmentCode: first.establishment.address.departmentCode,
    contact: input.contacts.get(first.establishment.id) ?? null,
    availableBeds: byDiscipline.reduce((s, d) => s + d.availableBeds, 0),
    installedBeds: byDiscipline.reduce((s, d) => s + d.installedBeds, 0),
    byDiscipline,
    elderlyPlaces: places,
    bedBlockers: blockers,
    oldestUpdate: oldest,
    unitsWithoutCapacity: withoutCapacity,
  };
}

/** The units the dashboard counts: sanitary beds and elderly-care places. */
export const dashboardUnits = (units: readonly OfferUnit[]) => units.filter((u) => SANITARY.includes(u.kind) || u.kind === 'ELDERLY');

/** One row per establishment having counted units, by département then name. */
export function dashboardRows(input: DashboardInput): DashboardRow[] {
  const blockersByUnit = new Map<string, number>();
  for (const b of input.blockers) blockersByUnit.set(b.unitId, (blockersByUnit.get(b.unitId) ?? 0) + 1);
  const byEstablishment = new Map<string, OfferUnit[]>();
  for (const unit of dashboardUnits(input.units)) byEstablishment.set(unit.establishment.id, [...(byEstablishment.get(unit.establishment.id) ?? []), unit]);
  return [...byEstablishment.values()]
    .map((units) => rowOf(units, input, blockersByUnit))
    .sort((a, b) => a.departmentCode.localeCompare(b.departmentCode) || a.establishmentName.localeCompare(b.establishmentName) || a.establishmentId.localeCompare(b.establishmentId));
}

export function dashboardTotals(rows: readonly DashboardRow[]) {
  const disciplines = new Map<string, DisciplineBeds>();
  const places = emptyPlaces();
  for (const row of rows) {
    row.byDiscipline.forEach((d) => addDiscipline(disciplines, d));
    addPlaces(places, row.elderlyPlaces);
  }
  return {
    establishments: rows.length,
    availableBeds: rows.reduce((s, r) => s + r.availableBeds, 0),
    installedBeds: rows.reduce((s, r) => s + r.installedBeds, 0),
    byDiscipline: sorted(disciplines),
    elderlyPlaces: places,
    bedBlockers: rows.reduce((s, r) => s + r.bedBlockers, 0),
  };
}

export interface BlockerCount {
  patients: number;
  totalDaysWaited: number;
  maxDaysWaited: number;
}

/** Whole days from `fitSince` to `today` (both YYYY-MM-DD), 0 on the day itself. */
export function daysBetween(fitSince: string, today: string): number {
  return Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${fitSince}T00:00:00Z`)) / 86_400_000));
}

function countOf(rows: readonly BedBlockerRow[], today: string): BlockerCount {
  const days = rows.map((r) => daysBetween(r.fitSince, today));
  return { patients: rows.length, totalDaysWaited: days.reduce((s, d) => s + d, 0), maxDaysWaited: days.length ? Math.max(...days) : 0 };
}

function byDestination(rows: readonly BedBlockerRow[], today: string) {
  const groups = new Map<string, BedBlockerRow[]>();
  for (const r of rows) groups.set(r.destination, [...(groups.get(r.destination) ?? []), r]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([destination, list]) => ({ destination, count: countOf(list, today) }));
}

/** Aggregates of open bed blockers: overall, per destination, per establishment (then per destination). */
export function blockerAggregates(units: readonly OfferUnit[], blockers: readonly BedBlockerRow[], today: string) {
  const unitById = new Map(units.map((u) => [u.id, u]));
  const known = blockers.filter((b) => unitById.has(b.unitId));
  const perEstablishment = new Map<string, BedBlockerRow[]>();
  for (const b of known) {
    const id = unitById.get(b.unitId)!.establishment.id;
    perEstablishment.set(id, [...(perEstablishment.get(id) ?? []), b]);
  }
  return {
    total: countOf(known, today),
    byDestination: byDestination(known, today),
    byEstablishment: [...perEstablishment.entries()]
      .map(([establishmentId, list]) => ({
        establishmentId,
        departmentCode: unitById.get(list[0]!.unitId)!.establishment.address.departmentCode,
        count: countOf(list, today),
        byDestination: byDestination(list, today),
      }))
      .sort((a, b) => a.departmentCode.localeCompare(b.departmentCode) || b.count.patients - a.count.patients || a.establishmentId.localeCompare(b.establishmentId)),
  };
}
