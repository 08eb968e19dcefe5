/** GraphQL resolvers of schemas/tensions.crisis.graphql: arguments in, service calls, rows to fields. */
import type { Identity } from '../../../platform/auth/identity.js';
import type { ChangeEvent } from '../../../platform/changes/feed.js';
import type { ResolverMap } from '../../../platform/resolver-maps.js';
import { CRISIS_LEVELS, GROUP_THEMES, levelOf } from './codes.js';
import type { ProtocolPart } from './protocol-store.js';
import type { CellMemberInput, CommunicationInput, ProcedureInput, ResourceInput, WorkingGroupInput } from './protocol.js';
import type { CrisisService, FieldReportInput } from './service.js';
import type { CrisisEventPayload } from './store.js';
import type { CrisisChanges } from './subscription.js';
import type { ActivationRow, CellMemberRow, CptsRow, MeetingRow, ProtocolEditRow, ResourceRow, WorkingGroupRow } from './tables.js';

export interface CrisisContext {
  identity: Identity;
  crisis: CrisisService;
  crisisChanges: CrisisChanges;
}

type Ctx = CrisisContext;
const professional = (id: string | null) => (id ? { id } : null);
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

type Add<I> = (_: unknown, a: { cptsId: string; input: I }, ctx: Ctx) => unknown;
type Update<I> = (_: unknown, a: { id: string; input: I }, ctx: Ctx) => unknown;
type Remove = (_: unknown, a: { id: string }, ctx: Ctx) => unknown;

/** add / update / remove of one editable part of the protocol (protocol.ts). */
function editing<I>(part: ProtocolPart): [Add<I>, Update<I>, Remove] {
  return [
    (_, a, ctx) => ctx.crisis.addProtocolEntry(part, a.cptsId, a.input as never),
    (_, a, ctx) => ctx.crisis.updateProtocolEntry(part, a.id, a.input as never),
    (_, a, ctx) => ctx.crisis.removeProtocolEntry(part, a.id),
  ];
}
const [addCrisisCellMember, updateCrisisCellMember, removeCrisisCellMember] = editing<CellMemberInput>('CRISIS_CELL_MEMBER');
const [addCrisisWorkingGroup, updateCrisisWorkingGroup, removeCrisisWorkingGroup] = editing<WorkingGroupInput>('CRISIS_WORKING_GROUP');
const [addCrisisProcedure, updateCrisisProcedure, removeCrisisProcedure] = editing<ProcedureInput>('CRISIS_PROCEDURE');
const [addCrisisCommunication, updateCrisisCommunication, removeCrisisCommunication] = editing<CommunicationInput>('CRISIS_COMMUNICATION');
const [addCrisisResource, updateCrisisResource, removeCrisisResource] = editing<ResourceInput>('CRISIS_RESOURCE');

export const crisisResolvers: ResolverMap<CrisisContext> = {
  Query: {
    crisisLevels: () => CRISIS_LEVELS,
    cpts: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.crisis.cpts(args.id),
    cptsList: (_: unknown, __: unknown, ctx: Ctx) => ctx.crisis.list(),
  },
  Mutation: {
    activateCrisisCell: (_: unknown, a: { cptsId: string; level: string; reason?: string | null; expectedVersion: number }, ctx: Ctx) =>
      ctx.crisis.activate(a.cptsId, a.level, a.reason, a.expectedVersion),
    deactivateCrisisCell: (_: unknown, a: { cptsId: string; reason?: string | null; expectedVersion: number }, ctx: Ctx) =>
      ctx.crisis.deactivate(a.cptsId, a.reason, a.expectedVersion),
    triggerCrisisProcedure: (_: unknown, a: { procedureId: string; notes?: string | null }, ctx: Ctx) => ctx.crisis.trigger(a.procedureId, a.notes),
    addCrisisResource,
    updateCrisisResource,
    removeCrisisResource,
    addCrisisCellMember,
    updateCrisisCellMember,
    removeCrisisCellMember,
    addCrisisWorkingGroup,
    updateCrisisWorkingGroup,
    removeCrisisWorkingGroup,
    addCrisisProcedure,
    updateCrisisProcedure,
    removeCrisisProcedure,
    addCrisisCommunication,
    updateCrisisCommunication,
    removeCrisisCommunication,
    addCptsMember: (_: unknown, a: { cptsId: string; professionalId: string }, ctx: Ctx) => ctx.crisis.addMember(a.cptsId, a.professionalId),
    removeCptsMember: (_: unknown, a: { cptsId: string; professionalId: string }, ctx: Ctx) => ctx.crisis.removeMember(a.cptsId, a.professionalId),
    setCrisisResourceAvailability: (_: unknown, a: { id: string; available: boolean }, ctx: Ctx) => ctx.crisis.setAvailability(a.id, a.available),
    recordCrisisMeeting: (_: unknown, a: { cptsId: string; groupId?: string | null; heldAt: Date; notes?: string | null }, ctx: Ctx) =>
      ctx.crisis.recordMeeting(a.cptsId, a.groupId, a.heldAt, a.notes),
    submitFieldReport: (_: unknown, a: { cptsId: string; input: FieldReportInput }, ctx: Ctx) => ctx.crisis.submitReport(a.cptsId, a.input),
  },
  Subscription: {
    crisisCellChanged: {
      subscribe: (_: unknown, args: { cptsId?: string | null }, ctx: Ctx) => ctx.crisisChanges(ctx.identity, args.cptsId ?? null),
      resolve: (event: ChangeEvent) => ({ id: String(event.id), at: event.occurredAt, action: event.action, cptsId: (event.payload as unknown as CrisisEventPayload).cptsId }),
    },
  },
  CrisisChange: {
    // Read now, not from a loader: a subscription's context lives as long as the subscription.
    cpts: (c: { cptsId: string }, _: unknown, ctx: Ctx) => ctx.crisis.fresh(c.cptsId),
  },
  Cpts: {
    members: async (c: CptsRow, _: unknown, ctx: Ctx) => (await ctx.crisis.memberIds(c.id)).map((id) => ({ id })),
    cell: (c: CptsRow) => c,
    resources: (c: CptsRow, a: { kind?: string | null }, ctx: Ctx) => ctx.crisis.resources(c.id, a.kind),
    workingGroups: (c: CptsRow, _: unknown, ctx: Ctx) => ctx.crisis.groups(c.id),
    procedures: (c: CptsRow, a: { level?: string | null }, ctx: Ctx) => ctx.crisis.procedures(c.id, a.level),
    communicationPlan: (c: CptsRow, a: { level?: string | null }, ctx: Ctx) => ctx.crisis.communications(c.id, a.level),
    meetings: (c: CptsRow, _: unknown, ctx: Ctx) => ctx.crisis.meetings(c.id),
    fieldFeedback: (c: CptsRow, a: { since?: Date | null }, ctx: Ctx) => ctx.crisis.feedback(c.id, a.since),
    indicators: (c: CptsRow, a: { from?: Date | null; to?: Date | null }, ctx: Ctx) => ctx.crisis.indicators(c.id, a.from, a.to),
    protocolEdits: (c: CptsRow, a: { limit?: number | null }, ctx: Ctx) => ctx.crisis.edits(c.id, a.limit),
  },
  CrisisProtocolEdit: {
    changes: (e: ProtocolEditRow) => Object.entries(e.changes).map(([field, c]) => ({ field, from: json(c.from), to: json(c.to) })),
  },
  CrisisCell: {
    active: (c: CptsRow) => c.cellLevelCode !== null,
    level: (c: CptsRow) => c.cellLevelCode,
    levelDetail: (c: CptsRow) => (c.cellLevelCode ? levelOf(c.cellLevelCode) : null),
    activatedAt: (c: CptsRow) => c.cellActivatedAt,
    members: (c: CptsRow, _: unknown, ctx: Ctx) => ctx.crisis.cellMembers(c.id),
    currentProcedures: (c: CptsRow, _: unknown, ctx: Ctx) => (c.cellLevelCode ? ctx.crisis.procedures(c.id, c.cellLevelCode) : []),
    history: (c: CptsRow, _: unknown, ctx: Ctx) => ctx.crisis.history(c.id),
  },
  CrisisCellMember: { professional: (m: CellMemberRow) => professional(m.professionalId) },
  CrisisActivation: { level: (a: ActivationRow) => a.levelCode },
  CrisisResource: { professional: (r: ResourceRow) => professional(r.professionalId) },
  CrisisWorkingGroup: {
    label: (g: WorkingGroupRow) => g.label || GROUP_THEMES[g.theme as keyof typeof GROUP_THEMES],
    referent: (g: WorkingGroupRow) => professional(g.referentProfessionalId),
  },
  CrisisProcedure: {
    level: (p: { levelCode: string }) => p.levelCode,
    // A procedure just added or edited comes without its last run: read it then.
    lastTriggeredAt: (p: { id: number; lastTriggeredAt?: Date | null }, _: unknown, ctx: Ctx) => (p.lastTriggeredAt !== undefined ? p.lastTriggeredAt : ctx.crisis.lastRun(p.id)),
  },
  CrisisCommunication: { level: (c: { levelCode: string | null }) => c.levelCode },
  CrisisMeeting: {
    group: async (m: MeetingRow, _: unknown, ctx: Ctx) => (m.groupId === null ? null : ((await ctx.crisis.groupsByIds([m.groupId]))[0] ?? null)),
  },
};
