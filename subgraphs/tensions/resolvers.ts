/** GraphQL resolvers of the tensions subgraph: arguments and rows to fields, rules in the service. */
import type { ResolverMap } from '../../platform/resolver-maps.js';
import { DateTime } from '../../platform/scalars.js';
import type { Identity } from '../../platform/auth/identity.js';
import type { PageArgs, TensionFilter, TensionService, TensionStatus } from './service.js';
import type { ActionInput, DeclareInput, UpdateInput } from './writes.js';
import type { DeclarationRow, TimelineRow } from './tables.js';
import type { LevelView } from './reference-reader.js';
import type { TensionChanges } from './subscription.js';
import { subscriptionResolvers } from './subscription.js';

export interface TensionContext {
  identity: Identity;
  tensions: TensionService;
  tensionChanges: TensionChanges;
}

type Ref = { id: string };
type Ctx = TensionContext;

const levelOf = async (code: string, ctx: Ctx) => (await ctx.tensions.reference.levels()).get(code) ?? null;

export const resolvers: ResolverMap<TensionContext> = {
  DateTime,
  Query: {
    tension: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.tensions.tension(args.id),
    tensions: (_: unknown, args: PageArgs & { filter?: TensionFilter | null }, ctx: Ctx) => ctx.tensions.tensions(args.filter ?? {}, args),
    myHetPlans: (_: unknown, args: PageArgs & { status?: TensionStatus | null }, ctx: Ctx) => ctx.tensions.myHetPlans(args.status, args),
    tensionLevels: async (_: unknown, __: unknown, ctx: Ctx) => [...(await ctx.tensions.reference.levels()).values()],
    disciplineGroups: async (_: unknown, __: unknown, ctx: Ctx) => [...(await ctx.tensions.reference.groups()).values()],
    hetActionRepertoire: (_: unknown, args: { includeRetired?: boolean | null }, ctx: Ctx) => ctx.tensions.repertoire(Boolean(args.includeRetired)),
    hetIndicators: (_: unknown, args: { from: Date; to: Date; departmentCode?: string | null }, ctx: Ctx) =>
      ctx.tensions.indicators(args.from, args.to, args.departmentCode),
  },
  Mutation: {
    declareTension: (_: unknown, args: { input: DeclareInput }, ctx: Ctx) => ctx.tensions.declare(args.input),
    updateTension: (_: unknown, args: { id: string; input: UpdateInput; expectedVersion: number }, ctx: Ctx) =>
      ctx.tensions.update(args.id, args.input, args.expectedVersion),
    addTensionActions: (_: unknown, args: { id: string; actions: ActionInput[] }, ctx: Ctx) => ctx.tensions.addActions(args.id, args.actions),
    closeTension: (_: unknown, args: { id: string; notes?: string | null; endedAt?: Date | null }, ctx: Ctx) =>
      ctx.tensions.close(args.id, args.notes, args.endedAt),
  },
  Tension: {
    __resolveReference: (ref: Ref, ctx: Ctx) => ctx.tensions.tension(ref.id),
    establishment: (t: DeclarationRow) => ({ id: t.establishmentId }),
    level: (t: DeclarationRow) => t.levelCode,
    levelDetail: (t: DeclarationRow, _: unknown, ctx: Ctx) => levelOf(t.levelCode, ctx),
    disciplineGroup: async (t: DeclarationRow, _: unknown, ctx: Ctx) => (await ctx.tensions.reference.groups()).get(t.disciplineGroupCode)?.label ?? t.disciplineGroupCode,
    timeline: (t: DeclarationRow, _: unknown, ctx: Ctx) => ctx.tensions.timeline(t.id),
  },
  TensionLevel: {
    label: (l: LevelView, args: { regionCode?: string | null }) => (args.regionCode && l.regional.get(args.regionCode)) || l.label,
  },
  TensionTimelineEntry: {
    action: async (e: TimelineRow, _: unknown, ctx: Ctx) => (e.actionCode ? ((await ctx.tensions.reference.actions()).get(e.actionCode) ?? null) : null),
  },
  TensionConnection: {
    totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount(),
  },
  Establishment: {
    __resolveReference: (ref: Ref) => ({ id: ref.id }),
    tensions: (e: Ref, args: { status?: TensionStatus | null }, ctx: Ctx) => ctx.tensions.tensionsOf(e.id, args.status),
  },
  ...subscriptionResolvers,
} as ResolverMap<TensionContext>;
