/** GraphQL resolvers of the requests: arguments in, service calls out (the service holds the rules). */
import type { ChangeEvent } from '../../../platform/changes/feed.js';
import type { Identity } from '../../../platform/auth/identity.js';
import { payloadOf } from './changes.js';
import type { RequestFilter, RequestService } from './service.js';
import type { RequestChangeFilter, RequestChanges } from './subscription.js';
import type { AnswerInput, RequestInput } from './validate.js';

export interface RequestContext {
  identity: Identity;
  requests: RequestService;
  /** A service with empty caches: a long-lived subscription reads each event's request afresh. */
  freshRequests: () => RequestService;
  requestChanges: RequestChanges;
}

type Page = { first?: number | null; after?: string | null };

export const requestResolvers: Record<string, Record<string, unknown>> = {
  Query: {
    admissionRequest: (_: unknown, args: { id: string }, ctx: RequestContext) => ctx.requests.byId(args.id),
    admissionRequests: (_: unknown, args: Page & { filter?: RequestFilter | null }, ctx: RequestContext) => ctx.requests.list(args.filter ?? {}, args.first, args.after),
  },
  Mutation: {
    requestAdmission: (_: unknown, args: { input: RequestInput }, ctx: RequestContext) => ctx.requests.request(args.input),
    answerAdmissionRequest: (_: unknown, args: { id: string; unitId: string; input: AnswerInput; expectedVersion: number }, ctx: RequestContext) =>
      ctx.requests.answer(args.id, args.unitId, args.input, args.expectedVersion),
    acceptAdmissionProposal: (_: unknown, args: { id: string; unitId: string; expectedVersion: number }, ctx: RequestContext) =>
      ctx.requests.acceptProposal(args.id, args.unitId, args.expectedVersion),
    cancelAdmissionRequest: (_: unknown, args: { id: string; expectedVersion: number; reason?: string | null }, ctx: RequestContext) =>
      ctx.requests.cancel(args.id, args.expectedVersion, args.reason),
    recordAdmission: (_: unknown, args: { id: string; expectedVersion: number }, ctx: RequestContext) => ctx.requests.recordAdmission(args.id, args.expectedVersion),
  },
  Subscription: {
    admissionRequestChanged: {
      subscribe: (_: unknown, args: { filter?: RequestChangeFilter | null; after?: string | null }, ctx: RequestContext) =>
        ctx.requestChanges(ctx.identity, args.filter ?? {}, args.after),
      resolve: (event: ChangeEvent, _: unknown, ctx: RequestContext) => {
        const p = payloadOf(event);
        return { position: String(event.id), action: event.action, at: new Date(p.at), actor: event.actor ?? 'system', request: () => ctx.freshRequests().reference(p.requestId) };
      },
    },
  },
  AdmissionRequest: {
    __resolveReference: (ref: { id: string }, ctx: RequestContext) => ctx.requests.reference(ref.id),
  },
  Unit: {
    // The unit belongs to the offer subgraph: this one only adds the requests sent to it.
    __resolveReference: (ref: { id: string }) => ref,
    admissionRequests: (unit: { id: string }, args: Page & { statuses?: string[] | null }, ctx: RequestContext) =>
      ctx.requests.ofUnit(unit.id, args.statuses, args.first, args.after),
  },
};
