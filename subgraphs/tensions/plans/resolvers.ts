/** GraphQL resolvers of schemas/tensions.plans.graphql: arguments in, service calls, rows to fields. */
import type { ResolverMap } from '../../../platform/resolver-maps.js';
import type { PlanKind } from './access.js';
import type { PlanService } from './plan-service.js';
import { deliveryStatus, type SolidarityService, type SolidarityView, type TensionLike } from './solidarity-service.js';
import type { PlanRow, PlanVersionRow, TensionMailRow } from './tables.js';

export interface PlansContext {
  plans: { solidarity: SolidarityService; crisisPlans: PlanService };
}

type Ref = { id: string };

/** The key of the capacities subgraph's count (subgraphs/capacities/beds.ts `bedAvailabilityId`). */
function bedsOf(establishmentId: string, disciplines: readonly string[]) {
  return { establishment: { id: establishmentId }, beds: { id: `${establishmentId}:${[...new Set(disciplines)].sort().join(',')}` } };
}

const withEstablishment = (p: PlanRow) => ({ ...p, establishment: { id: p.establishmentId } });

export const plansResolvers: ResolverMap<PlansContext> = {
  Tension: {
    notifications: (t: TensionLike, _: unknown, ctx: PlansContext) => ctx.plans.solidarity.notifications(t),
    solidarity: (t: TensionLike, _: unknown, ctx: PlansContext) => ctx.plans.solidarity.solidarity(t),
  },
  TensionNotification: {
    status: (m: TensionMailRow) => deliveryStatus(m),
  },
  SolidarityView: {
    establishment: (v: SolidarityView) => bedsOf(v.establishmentId, v.disciplines),
    solidarityEstablishments: (v: SolidarityView) => v.solidarityIds.map((id) => bedsOf(id, v.disciplines)),
  },
  Establishment: {
    solidarityEstablishments: async (e: Ref, _: unknown, ctx: PlansContext) =>
      (await ctx.plans.solidarity.solidarityEstablishmentsOf(e.id)).map((id) => ({ id })),
    tensionNotificationSetting: (e: Ref, _: unknown, ctx: PlansContext) => ctx.plans.solidarity.notificationSettingOf(e.id),
    planBlanc: async (e: Ref, _: unknown, ctx: PlansContext) => {
      const plan = await ctx.plans.crisisPlans.plan('BLANC', e.id);
      return plan && withEstablishment(plan);
    },
    planBleu: async (e: Ref, _: unknown, ctx: PlansContext) => {
      const plan = await ctx.plans.crisisPlans.plan('BLEU', e.id);
      return plan && withEstablishment(plan);
    },
  },
  CrisisPlan: {
    versions: (p: PlanRow, _: unknown, ctx: PlansContext) => ctx.plans.crisisPlans.versions(p.kind as PlanKind, p.establishmentId),
  },
  CrisisPlanVersion: {
    content: (v: PlanVersionRow) => v.content,
  },
  Query: {
    crisisPlan: async (_: unknown, args: { kind: PlanKind; establishmentId: string }, ctx: PlansContext) => {
      const plan = await ctx.plans.crisisPlans.plan(args.kind, args.establishmentId);
      return plan && withEstablishment(plan);
    },
    myCrisisPlans: async (_: unknown, args: { kind: PlanKind }, ctx: PlansContext) => (await ctx.plans.crisisPlans.myPlans(args.kind)).map(withEstablishment),
  },
  Mutation: {
    setSolidarityEstablishments: async (_: unknown, args: { establishmentId: string; establishmentIds: string[] }, ctx: PlansContext) =>
      (await ctx.plans.solidarity.setSolidarityEstablishments(args.establishmentId, args.establishmentIds)).map((id) => ({ id })),
    setTensionNotificationSetting: (_: unknown, args: { establishmentId: string; input: { emails: string[]; enabled: boolean } }, ctx: PlansContext) =>
      ctx.plans.solidarity.setNotificationSetting(args.establishmentId, args.input),
    saveCrisisPlan: async (_: unknown, args: { kind: PlanKind; establishmentId: string; content: unknown; expectedVersion: number }, ctx: PlansContext) =>
      withEstablishment(await ctx.plans.crisisPlans.save(args.kind, args.establishmentId, args.content, args.expectedVersion)),
  },
};
