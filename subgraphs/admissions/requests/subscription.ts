/**
 * `Subscription.admissionRequestChanged`: admission events of the change feed, each let through
 * only to whom may see that request (its requester, the answerers of one of its units) and who
 * asked for it (the filter). The event carries the parties (changes.ts), so no table is read to
 * decide; the request itself is read fresh for each delivered event.
 */
import type { Identity } from '../../../platform/auth/identity.js';
import type { ChangeEvent, ChangeFeed } from '../../../platform/changes/feed.js';
import { feedStream, resumePosition } from '../../../platform/changes/stream.js';
import { isReceiver, isRequester, requireParticipant } from './access.js';
import { ADMISSION_TOPIC, payloadOf, type AdmissionEventPayload } from './changes.js';

export interface RequestChangeFilter {
  side?: 'SENT' | 'RECEIVED' | null;
  unitIds?: string[] | null;
  establishmentId?: string | null;
  requestId?: string | null;
}

/** Whether `identity`, with `filter`, receives the event. */
export function delivers(identity: Identity, filter: RequestChangeFilter, p: AdmissionEventPayload): boolean {
  if (filter.requestId && p.requestId !== filter.requestId) return false;
  if (filter.unitIds?.length && !p.targets.some((t) => filter.unitIds!.includes(t.unitId))) return false;
  if (filter.establishmentId && !p.targets.some((t) => t.establishmentId === filter.establishmentId)) return false;
  const sent = isRequester(identity, p);
  const received = isReceiver(identity, p);
  if (filter.side === 'SENT') return sent;
  if (filter.side === 'RECEIVED') return received;
  return sent || received || identity.kind === 'system';
}

export function createRequestChanges(feed: ChangeFeed) {
  return async (identity: Identity, filter: RequestChangeFilter, after?: string | null): Promise<AsyncIterableIterator<ChangeEvent>> => {
    requireParticipant(identity); // refused at once rather than an empty stream
    const afterId = resumePosition(feed, after);
    return feedStream(feed, {
      ...(afterId !== undefined ? { afterId } : {}),
      topics: [ADMISSION_TOPIC],
      accept: (event) => delivers(identity, filter, payloadOf(event)),
    });
  };
}

export type RequestChanges = ReturnType<typeof createRequestChanges>;
