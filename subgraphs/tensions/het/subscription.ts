/**
 * `Subscription.hetAlertChanged`: alert events of the change feed (topic `tension`, record
 * `HET_ALERT`, events.ts), for one establishment or a département or all, and only those of
 * alerts the subscriber may read. A département is a set of establishment ids from the offer,
 * read once when the subscription starts.
 */
import type { Identity } from '../../../platform/auth/identity.js';
import type { ChangeEvent, ChangeFeed } from '../../../platform/changes/feed.js';
import { feedStream } from '../../../platform/changes/stream.js';
import { requireSomeTensionRight, TENSION_READ } from '../access.js';
import type { OfferEstablishments } from '../offer-establishments.js';
import { canReadAlert } from './access.js';
import { ALERT_RECORD, type AlertEventPayload } from './events.js';

export interface AlertChangeFilter {
  establishmentId?: string | null;
  departmentCode?: string | null;
}

export function createAlertChanges(feed: ChangeFeed, offer: OfferEstablishments) {
  return async (identity: Identity, filter: AlertChangeFilter): Promise<AsyncIterableIterator<ChangeEvent>> => {
    requireSomeTensionRight(identity, TENSION_READ.rights, 'follow alerts');
    const inDepartment = filter.departmentCode ? await offer.inDepartment(filter.departmentCode) : null;
    return feedStream(feed, {
      topics: ['tension'],
      accept: (event) => {
        if (event.recordType !== ALERT_RECORD) return false;
        const payload = event.payload as unknown as AlertEventPayload;
        if (filter.establishmentId && payload.establishmentId !== filter.establishmentId) return false;
        if (inDepartment && !inDepartment.has(payload.establishmentId)) return false;
        return canReadAlert(identity, payload);
      },
    });
  };
}

export type AlertChanges = ReturnType<typeof createAlertChanges>;

/** The alert as the event left it (what `HetAlertChange.alert` shows). */
export function alertChangeOf(event: ChangeEvent) {
  const p = event.payload as unknown as AlertEventPayload;
  return { id: String(event.id), at: event.occurredAt, action: event.action, alertId: event.recordId, status: p.status, establishmentId: p.establishmentId };
}
