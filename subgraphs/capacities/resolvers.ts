/** GraphQL resolvers of the capacities subgraph: arguments in, service calls, rows to fields. */
import type { ResolverMap } from '../../platform/resolver-maps.js';
import { DateTime } from '../../platform/scalars.js';
import type { CapacityChanges } from './subscription.js';
import type { Identity } from '../../platform/auth/identity.js';
import type { CapacityInput, CapacityService } from './service.js';
import type { ReportService } from './report-service.js';
import type { ClosureInput } from './closures.js';
import type { SavedFilterInput, SynthesisFilter } from './saved-filters.js';
import type { Grouping } from './synthesis.js';
import type { CapacityHistoryRow, SavedFilterRow } from './tables.js';
import { capacityView, recordCoding, type CapacityRecord } from './record.js';
import { NO_ASSIGNMENT } from './rules.js';

export interface CapacityContext {
  identity: Identity;
  capacities: CapacityService;
  reports: ReportService;
  /** Streams of capacity events for `Subscription.capacityChanged` (subscription.ts). */
  capacityChanges: CapacityChanges;
}

/** A Unit reference; sseCapacity comes from the offer subgraph (@requires). */
type UnitRef = { id: string; sseCapacity?: number | null };

export const resolvers: ResolverMap<CapacityContext> = {
  DateTime,
  Unit: {
    // The unit itself belongs to the offer subgraph: we only add its capacity.
    __resolveReference: (ref: UnitRef) => ref,
    capacity: async (unit: UnitRef, _: unknown, ctx: CapacityContext) => {
      const row = await ctx.capacities.capacityOf(unit.id);
      return row ? capacityView(row, unit.sseCapacity) : null;
    },
    capacityHistory: (unit: UnitRef, args: { from?: Date | null; to?: Date | null; first?: number | null; after?: string | null }, ctx: CapacityContext) =>
      ctx.capacities.history(unit.id, args),
    plannedClosures: (unit: UnitRef, _: unknown, ctx: CapacityContext) => ctx.capacities.plannedClosures(unit.id),
    forecastCapacity: (unit: UnitRef, args: { from: string; to: string }, ctx: CapacityContext) => ctx.capacities.forecast(unit.id, args.from, args.to),
  },
  Capacity: {
    crisisType: (c: Partial<CapacityRecord>) => recordCoding('crisisType', c.crisisType, null),
    temporaryAssignment: (c: Partial<CapacityRecord>) => recordCoding('temporaryAssignment', c.temporaryAssignment, NO_ASSIGNMENT),
  },
  CapacityChange: {
    id: (h: CapacityHistoryRow) => String(h.id),
    unit: (h: CapacityHistoryRow) => ({ id: h.unitId }),
    // remainingToMobilise is not kept in history: it depends on the SSE capacity of the day.
    capacity: (h: CapacityHistoryRow) => ({ ...h.record, remainingToMobilise: null }),
    at: (h: CapacityHistoryRow) => h.at,
    // Only events of capacityChanged have a feed position; history rows have none.
    position: (h: CapacityHistoryRow & { position?: string }) => h.position ?? null,
  },
  SavedCapacityFilter: {
    groupBy: (f: SavedFilterRow) => f.groupBy,
    disciplines: (f: SavedFilterRow) => f.disciplines,
  },
  Query: {
    capacitySynthesis: (_: unknown, args: { groupBy: Grouping[]; filter?: SynthesisFilter | null; forecastDate?: string | null }, ctx: CapacityContext) =>
      ctx.reports.synthesis(args.groupBy, args.filter ?? null, args.forecastDate ?? null),
    mySavedCapacityFilters: (_: unknown, __: unknown, ctx: CapacityContext) => ctx.reports.savedFilters(),
    capacitySnapshots: (_: unknown, args: { first?: number | null }, ctx: CapacityContext) => ctx.reports.snapshots(args.first ?? null),
  },
  Mutation: {
    updateUnitCapacity: (_: unknown, args: { unitId: string; input: CapacityInput; expectedVersion: number; ifChanged?: boolean | null }, ctx: CapacityContext) =>
      ctx.capacities.updateUnitCapacity(args.unitId, args.input, args.expectedVersion, args.ifChanged ?? false),
    updateCapacities: (_: unknown, args: { entries: Array<{ unitId: string; input: CapacityInput; expectedVersion: number }> }, ctx: CapacityContext) =>
      ctx.capacities.updateCapacities(args.entries),
    addPlannedClosure: (_: unknown, args: { unitId: string; input: ClosureInput }, ctx: CapacityContext) => ctx.capacities.addPlannedClosure(args.unitId, args.input),
    removePlannedClosure: (_: unknown, args: { id: string }, ctx: CapacityContext) => ctx.capacities.removePlannedClosure(args.id),
    saveCapacityFilter: (_: unknown, args: { input: SavedFilterInput }, ctx: CapacityContext) => ctx.reports.saveFilter(args.input),
    deleteCapacityFilter: (_: unknown, args: { id: string }, ctx: CapacityContext) => ctx.reports.deleteFilter(args.id),
    takeCapacitySnapshot: (_: unknown, __: unknown, ctx: CapacityContext) => ctx.reports.takeSnapshot(),
  },
};
