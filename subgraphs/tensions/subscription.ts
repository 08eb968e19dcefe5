/**
 * `Subscription.tensionChanged`: tension events of the change feed (events.ts), filtered by
 * establishment, département and level, and by what the subscriber may read. Establishments and
 * their départements belong to the offer: a département becomes a set of establishment ids through
 * its API, recomputed when the offer reports an establishment change.
 */
import type { Identity } from '../../platform/auth/identity.js';
import type { ChangeEvent, ChangeFeed } from '../../platform/changes/feed.js';
import { feedStream, resumePosition } from '../../platform/changes/stream.js';
import type { OfferEstablishments } from './offer-establishments.js';
import { canReadTensions, requireSomeTensionRight, TENSION_READ } from './access.js';
import { declarationOf, type TensionEventPayload } from './events.js';
import type { TensionService } from './service.js';

export interface TensionChangeFilter {
  establishmentId?: string | null;
  departmentCode?: string | null;
  levelCodes?: string[] | null;
}

export function createTensionChanges(feed: ChangeFeed, offer: OfferEstablishments) {
  /** `after`: resume after this change (a TensionChange id, its feed position), replaying what followed it. */
  return async (identity: Identity, filter: TensionChangeFilter, after?: string | null): Promise<AsyncIterableIterator<ChangeEvent>> => {
    requireSomeTensionRight(identity, TENSION_READ.rights, 'follow tension changes');
    const afterId = resumePosition(feed, after);
    const department = filter.departmentCode ?? null;
    let inDepartment: Promise<Set<string>> | null = department ? offer.inDepartment(department) : null;
    await inDepartment; // a failing offer call fails the subscription, not its first event
    const levels = filter.levelCodes?.length ? new Set(filter.levelCodes) : null;
    return feedStream(feed, {
      ...(afterId !== undefined ? { afterId } : {}),
      topics: department ? ['tension', 'offer'] : ['tension'],
      accept: async (event) => {
        if (event.topic === 'offer') {
          if (department && event.recordType === 'ESTABLISHMENT') {
            inDepartment = offer.inDepartment(department);
            // Read by the next tension event (whose acceptance then fails the stream); handled now,
            // so a failure with no such event is no unhandled rejection.
            inDepartment.catch(() => undefined);
          }
          return false;
        }
        if (event.recordType !== 'TENSION') return false;
        const payload = event.payload as unknown as TensionEventPayload;
        if (filter.establishmentId && payload.establishmentId !== filter.establishmentId) return false;
        if (levels && !levels.has(payload.levelCode)) return false;
        if (inDepartment && !(await inDepartment).has(payload.establishmentId)) return false;
        return canReadTensions(identity, payload.establishmentId);
      },
    });
  };
}

export type TensionChanges = ReturnType<typeof createTensionChanges>;

interface SubscriptionContext {
  identity: Identity;
  tensionChanges: TensionChanges;
  tensions: TensionService;
}

/** `TensionChange` of an event: the declaration as the event left it, and the entries written with it. */
export function tensionChangeOf(event: ChangeEvent) {
  const payload = event.payload as unknown as TensionEventPayload;
  return { id: String(event.id), at: event.occurredAt, action: event.action, tension: declarationOf(event.recordId, payload), entryIds: payload.timelineEntryIds };
}

export const subscriptionResolvers = {
  Subscription: {
    tensionChanged: {
      subscribe: (_: unknown, args: { filter?: TensionChangeFilter | null; after?: string | null }, ctx: SubscriptionContext) =>
        ctx.tensionChanges(ctx.identity, args.filter ?? {}, args.after),
      resolve: (event: ChangeEvent) => tensionChangeOf(event),
    },
  },
  TensionChange: {
    entries: (change: { entryIds: number[] }, _: unknown, ctx: SubscriptionContext) => ctx.tensions.entries(change.entryIds),
  },
};
