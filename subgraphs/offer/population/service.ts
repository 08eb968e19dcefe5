/**
 * Population indicators per request: who may read them, and the aggregation of establishments
 * into areas and sectors. The rule itself is in rules.ts; the SQL in store.ts.
 */
import { HubError } from '../../../platform/errors.js';
import { departmentName, regionName } from '../../../platform/admin-divisions.js';
import { requireScope, seesConfidential } from '../../../platform/auth/authorize.js';
import type { Identity } from '../../../platform/auth/identity.js';
import type { EstablishmentRow, UnitRow } from '../tables.js';
import { bandOf, percent, type PopulationBand } from './bands.js';
import { emptyStatusCounts, evaluateEstablishment, evaluateUnit, type EstablishmentOutcome, type Failure, type PopulationStatus } from './rules.js';
import { establishmentSectors, SECTORS, type Sector } from './sectors.js';
import { toFacts, type AreaEstablishment, type PopulationStore, type Scope } from './store.js';

export type PopulationLevel = 'REGION' | 'DEPARTMENT';

export interface IndicatorArgs {
  level: PopulationLevel;
  sector?: Sector | null;
  regionCode?: string | null;
  departmentCode?: string | null;
}

export interface PopulationIndicator {
  level: PopulationLevel;
  areaCode: string;
  areaName: string | null;
  sector: Sector | null;
  establishments: number;
  populated: number;
  populatedRate: number;
  quality: number;
  qualityRate: number;
  band: PopulationBand;
}

export interface UnitPopulation {
  unit: UnitRow;
  status: PopulationStatus;
  failures: Failure[];
}

export interface EstablishmentPopulation extends EstablishmentOutcome {
  establishment: EstablishmentRow;
  sectors: Sector[];
  units: UnitPopulation[];
}

function unauthenticated(): HubError {
  return new HubError('UNAUTHENTICATED', 'Authentication required: send a bearer token (Authorization: Bearer …).');
}

/** Aggregates reveal no record: any hub user, or an application holding offer.read. */
export function requireAggregateAccess(identity: Identity): void {
  if (identity.kind === 'user' || identity.kind === 'system') return;
  requireScope(identity, 'offer.read'); // UNAUTHENTICATED for anonymous, FORBIDDEN without the scope
}

/** Unit-by-unit explanations are a tool for the hub's users (referents, regional team). */
function requireDetailAccess(identity: Identity): void {
  if (identity.kind === 'user' || identity.kind === 'system') return;
  if (identity.kind === 'anonymous') throw unauthenticated();
  throw new HubError('FORBIDDEN', 'Unit-level population details are for hub users; applications read populationIndicators.');
}

/** An establishment as the aggregates see it. */
interface Evaluated {
  establishment: AreaEstablishment;
  sectors: Sector[];
  outcome: EstablishmentOutcome;
}

function indicator(level: PopulationLevel, areaCode: string, areaName: string | null, sector: Sector | null, members: Evaluated[]): PopulationIndicator {
  const populated = members.filter((m) => m.outcome.populated).length;
  const quality = members.filter((m) => m.outcome.quality).length;
  const total = members.length;
  return {
    level,
    areaCode,
    areaName,
    sector,
    establishments: total,
    populated,
    populatedRate: percent(populated, total),
    quality,
    qualityRate: percent(quality, total),
    band: bandOf(quality, total),
  };
}

/** The area's name from the administrative division (null for a code it does not know). */
function areaName(level: PopulationLevel, code: string): string | null {
  return level === 'REGION' ? regionName(code) : departmentName(code);
}

function validateArgs(args: IndicatorArgs): void {
  if (args.level === 'REGION' && args.departmentCode) {
    throw new HubError('BAD_USER_INPUT', 'departmentCode filters DEPARTMENT rows; for a region use regionCode.', { argument: 'departmentCode' });
  }
}

export function createPopulationService(store: PopulationStore, identity: Identity) {
  return {
    /**
     * One row per area (region or département, by code) and sector: first all sectors together
     * (sector null), then MCO, PSY, SSR, PA, PH; only the asked sector when one is given. An area
     * asked for by code that holds no establishment still gets its NO_DATA rows.
     */
    indicators: async (args: IndicatorArgs): Promise<PopulationIndicator[]> => {
      requireAggregateAccess(identity);
      validateArgs(args);
      const scope: Scope = { regionCode: args.regionCode ?? null, departmentCode: args.departmentCode ?? null };
      const [establishments, unitFacts] = await Promise.all([store.establishmentsIn(scope), store.unitFactsIn(scope)]);

      const counts = new Map<string, Record<PopulationStatus, number>>();
      const kinds = new Map<string, Array<{ activityFieldCode: string | null; kind: string }>>();
      for (const u of unitFacts) {
        let c = counts.get(u.establishmentId);
        if (!c) counts.set(u.establishmentId, (c = emptyStatusCounts()));
        c[evaluateUnit(toFacts(u)).status] += 1;
        let k = kinds.get(u.establishmentId);
        if (!k) kinds.set(u.establishmentId, (k = []));
        k.push({ activityFieldCode: u.activityFieldCode, kind: u.kind });
      }

      const areas = new Map<string, { name: string | null; members: Evaluated[] }>();
      for (const e of establishments) {
        const code = args.level === 'REGION' ? e.regionCode : e.departmentCode;
        const area = areas.get(code) ?? { name: areaName(args.level, code), members: [] };
        if (args.level === 'REGION') area.name ??= e.regionName;
        const evaluated = {
          establishment: e,
          sectors: establishmentSectors(e.categoryCode, kinds.get(e.id) ?? []),
          outcome: evaluateEstablishment(counts.get(e.id) ?? emptyStatusCounts()),
        };
        area.members.push(evaluated);
        areas.set(code, area);
      }
      const askedCode = args.level === 'REGION' ? scope.regionCode : scope.departmentCode;
      if (askedCode !== null && !areas.has(askedCode)) areas.set(askedCode, { name: areaName(args.level, askedCode), members: [] });

      const sectors: Array<Sector | null> = args.sector ? [args.sector] : [null, ...SECTORS];
      return [...areas.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .flatMap(([code, area]) =>
          sectors.map((sector) =>
            indicator(
              args.level,
              code,
              area.name,
              sector,
              // The target: the area's EGs in that sector; all sectors together, those in at least one.
              area.members.filter((m) => (sector === null ? m.sectors.length > 0 : m.sectors.includes(sector))),
            ),
          ),
        );
    },

    /**
     * One establishment unit by unit. Its status counts every active unit, as the aggregates do;
     * sensitive units are listed only to callers who see confidential data.
     */
    establishment: async (id: string): Promise<EstablishmentPopulation | null> => {
      requireDetailAccess(identity);
      const establishment = await store.establishment(id);
      if (!establishment) return null;
      const rows = await store.unitsWithFacts(id);
      const counts = emptyStatusCounts();
      const evaluated = rows.map(({ unit, facts }) => {
        const outcome = evaluateUnit(toFacts(facts));
        counts[outcome.status] += 1;
        return { unit, ...outcome };
      });
      const confidential = seesConfidential(identity);
      return {
        establishment,
        sectors: establishmentSectors(establishment.categoryCode, rows.map(({ unit, facts }) => ({ activityFieldCode: facts.activityFieldCode, kind: unit.kind }))),
        ...evaluateEstablishment(counts),
        units: evaluated.filter((u) => confidential || !u.unit.sensitive),
      };
    },
  };
}

export type PopulationService = ReturnType<typeof createPopulationService>;
