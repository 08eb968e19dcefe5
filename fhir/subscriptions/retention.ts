/**
 * Retention of the event logs (D59, docs/fhir-subscriptions.md § Retention): purged once per
 * PURGE_EVERY_MS across the gateways (platform/periodic-job.ts), in bounded batches, so a big
 * backlog never becomes one long statement and an idle hub does one cheap pass an hour.
 */
import type { SubscriptionStore } from './store.js';

export const PURGE_EVERY_MS = 3_600_000;
const BATCH = 1_000;

/** Deletes every purgeable event (batch after batch) and the fanned-out inbox rows; returns the events deleted. */
export async function purgeExpired(store: SubscriptionStore, retentionDays: number, stopped: () => boolean = () => false): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await store.purgeEvents(retentionDays, BATCH);
    total += deleted;
    if (deleted < BATCH || stopped()) break;
  }
  await store.purgeInbox();
  return total;
}
