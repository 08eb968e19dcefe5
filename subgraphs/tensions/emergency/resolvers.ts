/** Resolvers of schemas/tensions.emergency.graphql: argument mapping only, rules in service.ts. */
import type { DailyIndicators } from './indicators.js';
import type { EmergencyIndicatorsResult, EmergencyService } from './service.js';
import type { AlertProposalRow } from './tables.js';
import type { DepartmentRow } from './department.js';

export interface EmergencyContext {
  emergency: EmergencyService;
}

type Args<T> = Record<string, never> & T;
const establishment = (parent: { establishmentId: string }) => ({ __typename: 'Establishment', id: parent.establishmentId });

export const emergencyResolvers = {
  Query: {
    emergencyIndicators: (_: unknown, a: Args<{ establishmentId: string; from: string; to: string }>, ctx: EmergencyContext) =>
      ctx.emergency.indicators(a.establishmentId, a.from, a.to),
    bjml: (_: unknown, a: Args<{ establishmentId: string; year?: number | null; week?: number | null }>, ctx: EmergencyContext) =>
      ctx.emergency.bjml(a.establishmentId, a.year, a.week),
    departmentEmergency: (_: unknown, a: Args<{ departmentCode: string; day?: string | null }>, ctx: EmergencyContext) => ctx.emergency.departmentTable(a.departmentCode, a.day),
    alertProposals: (_: unknown, a: Args<{ establishmentId?: string | null; status?: string | null; from?: string | null; to?: string | null }>, ctx: EmergencyContext) =>
      ctx.emergency.proposals(a),
  },
  Mutation: {
    setEmergencyReceptionCapacity: (_: unknown, a: Args<{ establishmentId: string; capacity: number }>, ctx: EmergencyContext) =>
      ctx.emergency.setReceptionCapacity(a.establishmentId, a.capacity),
    detectTensions: (_: unknown, a: Args<{ date?: string | null }>, ctx: EmergencyContext) => ctx.emergency.detect(a.date),
    acknowledgeAlertProposal: (_: unknown, a: Args<{ id: string }>, ctx: EmergencyContext) => ctx.emergency.acknowledge(a.id),
    dismissAlertProposal: (_: unknown, a: Args<{ id: string }>, ctx: EmergencyContext) => ctx.emergency.dismiss(a.id),
  },
  EmergencyIndicators: {
    establishment: (p: EmergencyIndicatorsResult) => establishment(p),
    downstreamBeds: (p: EmergencyIndicatorsResult, _: unknown, ctx: EmergencyContext) => ctx.emergency.downstreamBeds(p),
  },
  DepartmentEmergencyRow: {
    establishment,
    belowBjml: (r: DepartmentRow) => r.availableDownstreamBeds !== null && r.bjml.quality === 'OK' && r.bjml.bjml !== null && r.availableDownstreamBeds < r.bjml.bjml,
  },
  EmergencyDay: {
    admittedMeanLengthOfStay: (d: DailyIndicators) => d.admittedMeanLos,
    presentAt15: (d: DailyIndicators) => d.present15,
    loadAt15: (d: DailyIndicators) => d.load15,
  },
  Bjml: { establishment },
  Tension: {
    rpu: (t: { establishmentId: string; startedAt: Date; endedAt: Date | null }, _: unknown, ctx: EmergencyContext) => ctx.emergency.ofTension(t),
  },
  AlertProposal: {
    establishment,
    signal: (p: AlertProposalRow) => p.indicator,
  },
};
