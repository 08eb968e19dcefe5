/**
 * rest-hook delivery. Each process claims due subscriptions (FOR UPDATE SKIP LOCKED, then a
 * lease), so two processes never send the same subscription's notifications at once, and sends:
 * the handshake of a new subscription, then its logged events in order (up to max-count per
 * notification), or a heartbeat when it has been idle for its heartbeat period.
 *
 * A failure is retried with exponential backoff; after `maxAttempts` consecutive failures the
 * subscription goes to `error`, and keeps being probed at the longest delay: the first 2xx makes
 * it `active` again and the backlog follows, in order (docs/fhir-subscriptions.md § Recovery).
 * A refused handshake is final: the receiver said no.
 */
import type { FhirSubscriptionTimings } from '../../platform/config.js';
import type { GraphQLExecutor } from '../../platform/executor.js';
import type { Logger } from '../../platform/logger.js';
import type { NotificationType } from './backport.js';
import { notificationBundle } from './bundles.js';
import { focusReader } from './focus.js';
import { startJob, type Job } from '../../platform/jobs.js';
import type { SubscriptionStore } from './store.js';
import type { EventRow, SubscriptionRow } from './tables.js';

const CLAIM_BATCH = 10;

export interface DeliveryDeps {
  store: SubscriptionStore;
  execute: GraphQLExecutor;
  timings: FhirSubscriptionTimings;
  logger: Logger;
  owner: string;
}

export interface Delivery {
  wake(): void;
  /** Resolves when nothing is being delivered by this process. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Retry delay after the n-th consecutive failure (1-based). */
export function retryDelay(timings: FhirSubscriptionTimings, failures: number): number {
  return Math.min(timings.retryBaseMs * 2 ** Math.max(0, failures - 1), timings.retryMaxMs);
}

/** What is due for a claimed subscription: the handshake, its next events, or a heartbeat (also the probe of one in error with nothing pending). */
async function nextNotification(store: SubscriptionStore, row: SubscriptionRow): Promise<{ type: NotificationType; events: EventRow[] }> {
  if (row.status === 'requested') return { type: 'handshake', events: [] };
  if (row.eventCount > row.deliveredThrough) {
    return { type: 'event-notification', events: await store.events(row.id, row.deliveredThrough, row.eventCount, row.maxCount) };
  }
  return { type: 'heartbeat', events: [] };
}

/** Channel headers ("Name: value") as a header object; ours come last so they cannot be replaced. */
function headersOf(row: SubscriptionRow): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const header of row.headers) {
    const colon = header.indexOf(':');
    headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
  }
  headers['content-type'] = `${row.payloadMime}; charset=utf-8`;
  return headers;
}

/** POSTs one notification; the failure reason, or null on a 2xx. */
async function post(row: SubscriptionRow, body: unknown): Promise<string | null> {
  try {
    const response = await fetch(row.endpoint!, {
      method: 'POST',
      headers: headersOf(row),
      body: JSON.stringify(body),
      redirect: 'manual', // a redirect could lead the notification (and its headers) elsewhere
      signal: AbortSignal.timeout(row.timeoutSeconds * 1000),
    });
    await response.body?.cancel();
    return response.ok ? null : `The endpoint answered HTTP ${response.status}`;
  } catch (error) {
    const name = (error as Error).name;
    return name === 'TimeoutError' ? `No answer from the endpoint within ${row.timeoutSeconds} s` : `The endpoint could not be reached (${(error as Error).message})`;
  }
}

async function deliverOne(deps: DeliveryDeps, row: SubscriptionRow): Promise<void> {
  const { type, events } = await nextNotification(deps.store, row);
  const bundle = await notificationBundle(row, type, events, row.content, focusReader(deps.execute, row));
  const failure = await post(row, bundle);
  if (failure === null) {
    // An event-notification always moves past what it covered, gaps included (events purged by retention, D59: never a loop).
    const through = events.at(-1)?.eventNumber ?? (type === 'event-notification' ? row.eventCount : row.deliveredThrough);
    await deps.store.delivered(deps.owner, row.id, through);
    return;
  }
  const failures = row.attempts + 1;
  const toError = type === 'handshake' || failures >= deps.timings.maxAttempts;
  deps.logger.info({ subscription: row.id, type, failures, reason: failure }, 'FHIR subscription delivery failed');
  await deps.store.failed(deps.owner, row.id, type === 'handshake' ? `Handshake failed: ${failure}` : failure, retryDelay(deps.timings, failures), toError);
}

/** One pass: claims and sends until nothing is due (or the runner stops); returns the notifications attempted. */
async function deliverDue(deps: DeliveryDeps, runner: { readonly stopped: boolean }): Promise<number> {
  let attempted = 0;
  while (!runner.stopped) {
    await deps.store.expire();
    const leaseMs = 60_000 + 30_000; // longer than the longest timeout
    const claimed = await deps.store.claimDue(deps.owner, leaseMs, CLAIM_BATCH);
    if (claimed.length === 0) break;
    attempted += claimed.length;
    await Promise.all(
      claimed.map((row) =>
        deliverOne(deps, row).catch(async (error: unknown) => {
          deps.logger.error({ err: error, subscription: row.id }, 'FHIR subscription delivery crashed; will retry');
          await deps.store.failed(deps.owner, row.id, 'Internal error while preparing the notification', retryDelay(deps.timings, row.attempts + 1), false);
        }),
      ),
    );
  }
  return attempted;
}

export function startDelivery(deps: DeliveryDeps): Delivery {
  // Heartbeats and retries come due with time: a pass at least every poll, besides the wakes.
  const runner: Job = startJob(deps.logger, { name: 'fhir-subscription-delivery', everyMs: deps.timings.pollMs, run: async () => (await deliverDue(deps, runner)) || 'idle', logRuns: false });
  return { wake: runner.wake, idle: runner.idle, stop: runner.stop };
}
