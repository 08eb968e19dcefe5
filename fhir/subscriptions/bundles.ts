/**
 * What a subscription shows and sends: the Subscription resource of a row, the status
 * `Parameters` (backport-subscription-status-r4) and the notification `history` Bundles whose
 * first entry it is. Pure functions; full resources are read by the caller and passed in.
 */
import { randomUUID } from 'node:crypto';
import { BACKPORT_URLS, type Bundle, type BundleEntry, type NotificationType, type Parameters, type ParametersParameter, type Subscription } from './backport.js';
import type { EventRow, SubscriptionRow } from './tables.js';

const instant = (value: Date | string): string => new Date(value).toISOString();

/** The R4 Subscription (backport profile) a row stands for. */
export function toSubscription(row: SubscriptionRow): Subscription {
  const channelExtensions = [
    ...(row.heartbeatSeconds ? [{ url: BACKPORT_URLS.heartbeatPeriod, valueUnsignedInt: row.heartbeatSeconds }] : []),
    { url: BACKPORT_URLS.timeout, valueUnsignedInt: row.timeoutSeconds },
    { url: BACKPORT_URLS.maxCount, valuePositiveInt: row.maxCount },
  ];
  const subscription: Subscription = {
    resourceType: 'Subscription',
    id: row.id,
    meta: { lastUpdated: instant(row.updatedAt), profile: [BACKPORT_URLS.subscriptionProfile] },
    status: row.status,
    ...(row.endAt ? { end: instant(row.endAt) } : {}),
    reason: row.reason,
    criteria: row.topic,
    ...(row.filters.length ? { _criteria: { extension: row.filters.map((f) => ({ url: BACKPORT_URLS.filterCriteria, valueString: f })) } } : {}),
    ...(row.error ? { error: row.error } : {}),
    channel: {
      extension: channelExtensions,
      type: row.channelType,
      ...(row.endpoint ? { endpoint: row.endpoint } : {}),
      payload: row.payloadMime,
      _payload: { extension: [{ url: BACKPORT_URLS.payloadContent, valueCode: row.content }] },
      // Header values often hold the receiver's credentials: only their names are shown back.
      ...(row.headers.length ? { header: row.headers.map((h) => `${h.split(':')[0]!.trim()}: ***`) } : {}),
    },
  };
  return subscription;
}

export const subscriptionUrl = (row: Pick<SubscriptionRow, 'baseUrl' | 'id'>): string => `${row.baseUrl}/Subscription/${row.id}`;

/**
 * One `notification-event` part: event number, timestamp, and the focus unless the payload is
 * `empty` (which SHALL NOT reference resources: the receiver learns only that something happened).
 */
function notificationEvent(row: SubscriptionRow, event: EventRow, content: SubscriptionRow['content']): ParametersParameter {
  const part: ParametersParameter[] = [
    { name: 'event-number', valueString: String(event.eventNumber) },
    { name: 'timestamp', valueInstant: instant(event.occurredAt) },
  ];
  if (content !== 'empty') part.push({ name: 'focus', valueReference: { reference: `${row.baseUrl}/${event.focusType}/${event.focusId}` } });
  return { name: 'notification-event', part };
}

/** The status Parameters (backport-subscription-status-r4). */
export function statusParameters(row: SubscriptionRow, type: NotificationType, events: readonly EventRow[] = [], content = row.content): Parameters {
  const parameter: ParametersParameter[] = [
    { name: 'subscription', valueReference: { reference: subscriptionUrl(row) } },
    { name: 'topic', valueCanonical: row.topic },
    { name: 'status', valueCode: row.status },
    { name: 'type', valueCode: type },
    // int64 does not exist in R4: the IG carries counters as strings.
    { name: 'events-since-subscription-start', valueString: String(row.eventCount) },
    ...events.map((e) => notificationEvent(row, e, content)),
  ];
  if (row.error && (type === 'query-status' || type === 'heartbeat')) parameter.push({ name: 'error', valueCodeableConcept: { text: row.error } });
  return { resourceType: 'Parameters', id: randomUUID(), meta: { profile: [BACKPORT_URLS.statusProfile] }, parameter };
}

/** The resource of an event as the owner may read it now, or null to send its reference only. */
export type FocusReader = (event: EventRow) => Promise<Record<string, unknown> | null>;

/**
 * A notification (handshake, heartbeat, event-notification) or a `$events` answer: a history
 * Bundle whose first entry is the status; then one entry per event for id-only (fullUrl and
 * request) and full-resource (plus the resource, when the owner may still read it); nothing for
 * empty.
 */
export async function notificationBundle(
  row: SubscriptionRow,
  type: NotificationType,
  events: readonly EventRow[],
  content: SubscriptionRow['content'],
  readFocus?: FocusReader,
): Promise<Bundle> {
  const status = statusParameters(row, type, events, content);
  const entry: BundleEntry[] = [
    {
      fullUrl: `urn:uuid:${status.id!}`,
      resource: status as unknown as Record<string, unknown>,
      request: { method: 'GET', url: `${subscriptionUrl(row)}/$status` },
      response: { status: '200' },
    },
  ];
  if (content !== 'empty') {
    for (const event of events) {
      const resource = content === 'full-resource' && readFocus ? await readFocus(event) : null;
      entry.push({
        fullUrl: `${row.baseUrl}/${event.focusType}/${event.focusId}`,
        ...(resource ? { resource } : {}),
        request: { method: 'PUT', url: `${event.focusType}/${event.focusId}` },
        response: { status: '200' },
      });
    }
  }
  return { resourceType: 'Bundle', id: randomUUID(), type: 'history', timestamp: new Date().toISOString(), entry };
}

/** `$status`: a searchset of status Parameters, one per subscription. */
export function statusBundle(rows: readonly SubscriptionRow[]): Bundle {
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    type: 'searchset',
    total: rows.length,
    entry: rows.map((row) => {
      const status = statusParameters(row, 'query-status');
      return { fullUrl: `urn:uuid:${status.id!}`, resource: status as unknown as Record<string, unknown>, search: { mode: 'match' as const } };
    }),
  };
}
