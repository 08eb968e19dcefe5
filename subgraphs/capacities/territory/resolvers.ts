/** GraphQL resolvers of territorial bed management (schemas/capacities.territory.graphql). */
import type { ResolverMap } from '../../../platform/resolver-maps.js';
import type { Identity } from '../../../platform/auth/identity.js';
import { HubError } from '../../../platform/errors.js';
import type { BedBlockerRow } from '../tables.js';
import type { DashboardRow } from './dashboard.js';
import type { BlockerInput, ContactInput, TerritoryService } from './service.js';
import type { TerritoryChanges, TerritoryEvent } from './subscription.js';
import type { BedDays } from '../bed-days.js';

export interface TerritoryContext {
  identity: Identity;
  territory: TerritoryService;
  territoryChanges: TerritoryChanges;
  bedDays: BedDays;
}

type Ctx = TerritoryContext;

export const territoryResolvers: ResolverMap<Ctx> = {
  TerritoryEstablishment: {
    establishment: (row: DashboardRow) => ({ id: row.establishmentId }),
  },
  BedBlockersByEstablishment: {
    establishment: (row: { establishmentId: string }) => ({ id: row.establishmentId }),
  },
  BedBlocker: {
    unit: (row: BedBlockerRow) => ({ id: row.unitId }),
    daysWaited: (row: BedBlockerRow, _: unknown, ctx: Ctx) => ctx.territory.daysWaited(row),
  },
  Unit: {
    bedBlockers: (unit: { id: string }, _: unknown, ctx: Ctx) => ctx.territory.unitBlockers(unit.id),
  },
  Establishment: {
    bedManagementContact: (e: { id: string }, _: unknown, ctx: Ctx) => ctx.territory.contactOf(e.id),
    bedManagementMaturity: (e: { id: string }, _: unknown, ctx: Ctx) => ctx.territory.maturityOf(e.id),
  },
  Query: {
    territories: (_: unknown, __: unknown, ctx: Ctx) => ctx.territory.territories(),
    territoryDashboard: (_: unknown, args: { code: string }, ctx: Ctx) => ctx.territory.dashboard(args.code),
    territoryBedBlockers: (_: unknown, args: { code: string }, ctx: Ctx) => ctx.territory.bedBlockers(args.code),
    availableBedsByDay: (_: unknown, args: { unitIds: string[]; from: string; to: string }, ctx: Ctx) => ctx.bedDays(args.unitIds, args.from, args.to),
  },
  Mutation: {
    setBedManagementContact: (_: unknown, args: { establishmentId: string; input: ContactInput }, ctx: Ctx) => ctx.territory.setContact(args.establishmentId, args.input),
    addBedBlocker: (_: unknown, args: { unitId: string; input: BlockerInput }, ctx: Ctx) => ctx.territory.addBlocker(args.unitId, args.input),
    declareBedManagementMaturity: (_: unknown, args: { establishmentId: string; input: Record<string, unknown> }, ctx: Ctx) => ctx.territory.declareMaturity(args.establishmentId, args.input),
    dischargeBedBlocker: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.territory.dischargeBlocker(args.id),
  },
  Subscription: {
    territoryDashboardChanged: {
      subscribe: (_: unknown, args: { code: string }, ctx: Ctx) => ctx.territoryChanges(ctx.identity, args.code),
      resolve: async (event: TerritoryEvent, _: unknown, ctx: Ctx) => {
        const row = await ctx.territory.row(event.establishmentId);
        if (!row) throw new HubError('NOT_FOUND', `Establishment ${event.establishmentId} no longer has units on the dashboard.`);
        return { territoryCode: event.code, cause: event.cause, at: event.at, row };
      },
    },
  },
};
