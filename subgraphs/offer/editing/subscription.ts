/**
 * `Subscription.offerRecordChanged`: the audited writes of one establishment or unit, live, from
 * the change feed's `offer` topic (written with each audit row, docs/change-feed.md). Readable
 * like the record's history: the edit right covering the record, checked when it starts (the
 * gateway ends it when the subscriber loses a right, docs/subscriptions.md).
 */
import { requireRight } from '../../../platform/auth/authorize.js';
import type { Identity } from '../../../platform/auth/identity.js';
import type { ChangeEvent, ChangeFeed } from '../../../platform/changes/feed.js';
import { feedStream, resumePosition } from '../../../platform/changes/stream.js';
import { establishmentTarget, unitTarget } from './access.js';
import { establishmentOf, unitOf } from './loaders.js';
import type { EditingStore } from './store.js';

export type OfferChangeRecordType = 'ESTABLISHMENT' | 'UNIT';

export function createOfferRecordChanges(store: EditingStore, feed: ChangeFeed) {
  return async (identity: Identity, recordType: OfferChangeRecordType, recordId: string, after?: string | null): Promise<AsyncIterableIterator<ChangeEvent>> => {
    if (recordType === 'UNIT') {
      const unit = await unitOf(store, recordId);
      requireRight(identity, 'ORU_ROR_UNITE_EDIT', unitTarget(unit, (await establishmentOf(store, unit.establishmentId)).organizationId));
    } else requireRight(identity, 'ORU_ROR_ETABLISSEMENT_EDIT', establishmentTarget(await establishmentOf(store, recordId)));
    const afterId = resumePosition(feed, after);
    return feedStream(feed, {
      ...(afterId !== undefined ? { afterId } : {}),
      topics: ['offer'],
      accept: (event) => event.recordType === recordType && event.recordId === recordId,
    });
  };
}

export type OfferRecordChanges = ReturnType<typeof createOfferRecordChanges>;

/** `OfferChange` of an event: who did what to the record, and when (the changes are in its history). */
export function offerChangeOf(event: ChangeEvent) {
  return { position: String(event.id), recordType: event.recordType, recordId: event.recordId, action: event.action, at: event.occurredAt, actor: event.actor ?? 'system' };
}
