/** GraphQL resolvers of schemas/tensions.het.graphql: arguments in, service calls, rows to fields. */
import type { Identity } from '../../../platform/auth/identity.js';
import type { ChangeEvent } from '../../../platform/changes/feed.js';
import type { ResolverMap } from '../../../platform/resolver-maps.js';
import { DISCIPLINE_GROUPS } from '../discipline-groups.js';
import type { AlertClosing, AlertFilter, AlertInput, AlertService } from './alert-service.js';
import { ALERT_REASONS, labelOf, PROCEDURE_STEPS, SURVEY_CHANNELS, SURVEY_QUESTIONS } from './codes.js';
import type { MapMarker } from './map.js';
import type { ProcedureService, RetexInput } from './procedure-service.js';
import { alertChangeOf, type AlertChangeFilter, type AlertChanges } from './subscription.js';
import type { AlertRow, ProcedureRow, SurveyRow } from './tables.js';
import type { AnswerInput } from './survey.js';
import type { PlansContext } from '../plans/index.js';

/** `plans`: the Plans part's context (mails of an alert), merged into the same request context. */
export interface HetContext extends PlansContext {
  identity: Identity;
  het: {
    alerts: AlertService;
    procedures: ProcedureService;
    map: (departmentCode: string | null) => Promise<MapMarker[]>;
    alertChanges: AlertChanges;
  };
}

type Ctx = HetContext;
type ClosingArgs = AlertClosing & { id: string; expectedVersion: number };

export const hetResolvers: ResolverMap<HetContext> = {
  Query: {
    hetAlertReasons: () => ALERT_REASONS,
    hetProcedureSteps: () => PROCEDURE_STEPS,
    hetSurveyQuestions: () => SURVEY_QUESTIONS,
    hetSurveyChannels: () => SURVEY_CHANNELS,
    hetAlert: (_: unknown, a: { id: string }, ctx: Ctx) => ctx.het.alerts.alert(a.id),
    hetAlerts: (_: unknown, a: { filter?: AlertFilter | null; first?: number | null }, ctx: Ctx) => ctx.het.alerts.list(a.filter ?? {}, a.first),
    hetProcedure: (_: unknown, a: { tensionId: string }, ctx: Ctx) => ctx.het.procedures.procedure(a.tensionId),
    hetProcedures: (_: unknown, a: { status?: string | null }, ctx: Ctx) => ctx.het.procedures.list(a.status),
    hetSurvey: (_: unknown, a: { tensionId: string }, ctx: Ctx) => ctx.het.procedures.survey(a.tensionId),
    tensionMap: (_: unknown, a: { departmentCode?: string | null }, ctx: Ctx) => ctx.het.map(a.departmentCode ?? null),
  },
  Mutation: {
    createHetAlert: (_: unknown, a: { input: AlertInput }, ctx: Ctx) => ctx.het.alerts.create(a.input),
    acknowledgeHetAlert: (_: unknown, a: { id: string; expectedVersion: number }, ctx: Ctx) => ctx.het.alerts.acknowledge(a.id, a.expectedVersion),
    closeHetAlert: (_: unknown, a: ClosingArgs, ctx: Ctx) => ctx.het.alerts.close(a.id, a, a.expectedVersion),
    openHetProcedure: (_: unknown, a: { tensionId: string }, ctx: Ctx) => ctx.het.procedures.open(a.tensionId),
    recordHetProcedureStep: (_: unknown, a: { tensionId: string; step: string; doneAt?: Date | null; notes?: string | null }, ctx: Ctx) =>
      ctx.het.procedures.recordStep(a.tensionId, a.step, a.doneAt, a.notes),
    saveHetRetex: (_: unknown, a: { tensionId: string; input: RetexInput }, ctx: Ctx) => ctx.het.procedures.saveRetex(a.tensionId, a.input),
    closeHetProcedure: (_: unknown, a: { tensionId: string; expectedVersion: number }, ctx: Ctx) => ctx.het.procedures.close(a.tensionId, a.expectedVersion),
    submitHetSurvey: (_: unknown, a: { tensionId: string; answers: AnswerInput[]; channel?: string | null }, ctx: Ctx) =>
      ctx.het.procedures.submitSurvey(a.tensionId, a.answers, a.channel),
  },
  Subscription: {
    hetAlertChanged: {
      subscribe: (_: unknown, a: { filter?: AlertChangeFilter | null }, ctx: Ctx) => ctx.het.alertChanges(ctx.identity, a.filter ?? {}),
      resolve: (event: ChangeEvent) => alertChangeOf(event),
    },
  },
  HetAlertChange: {
    // Read now: the subscription's filter checked the reader; the row is the alert's latest state.
    alert: (c: { alertId: string }, _: unknown, ctx: Ctx) => ctx.het.alerts.fresh(c.alertId),
  },
  HetAlert: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.het.alerts.alert(ref.id),
    establishment: (a: AlertRow) => ({ id: a.establishmentId }),
    unit: (a: AlertRow) => (a.unitId ? { id: a.unitId } : null),
    disciplineGroup: (a: AlertRow) => DISCIPLINE_GROUPS.find((g) => g.code === a.disciplineGroupCode)?.label ?? a.disciplineGroupCode,
    reasonLabel: (a: AlertRow) => labelOf(ALERT_REASONS, a.reason),
    tension: (a: AlertRow, _: unknown, ctx: Ctx) => (a.tensionId ? ctx.het.procedures.declaration(a.tensionId) : null),
    // The Plans part's mails, keyed by the record id (plans/mailer.ts drafts an alert's under its id).
    notifications: (a: AlertRow, _: unknown, ctx: Ctx) => ctx.plans.solidarity.notifications(a),
  },
  HetProcedure: {
    tension: (p: ProcedureRow, _: unknown, ctx: Ctx) => ctx.het.procedures.declaration(p.tensionId),
    steps: async (p: ProcedureRow, _: unknown, ctx: Ctx) =>
      (await ctx.het.procedures.steps(p.tensionId)).map(({ step, record }) => ({ step, done: record !== null, doneAt: record?.doneAt, doneBy: record?.doneBy, notes: record?.notes })),
    retex: (p: ProcedureRow, _: unknown, ctx: Ctx) => ctx.het.procedures.retex(p.tensionId),
    survey: (p: ProcedureRow, _: unknown, ctx: Ctx) => ctx.het.procedures.survey(p.tensionId),
  },
  HetSurvey: {
    answers: (s: SurveyRow) =>
      SURVEY_QUESTIONS.filter((q) => Object.hasOwn(s.answers, q.code)).map((q) => ({ question: q, value: String(s.answers[q.code]) })),
  },
  TensionMapMarker: {
    establishment: (m: MapMarker) => ({ id: m.establishmentId }),
    highestLevel: (m: MapMarker) => m.highestLevelCode,
  },
  HetIndicators: {
    manualAlerts: (i: { from: Date; to: Date; departmentCode: string | null }, _: unknown, ctx: Ctx) => ctx.het.alerts.countIn(i.from, i.to, i.departmentCode),
  },
};
