/**
 * From the change feed to the per-subscription event logs, in two steps:
 *
 * 1. a durable consumer (`fhir-subscriptions`) copies the events of the topics served into the
 *    inbox, in the transaction that advances its offset: exactly once, whatever the processes;
 * 2. the fan-out takes the inbox in order under a lease, asks the gateway, as each listening
 *    subscription's owner, whether the focus is visible and what its filters compare, then logs
 *    the matching events and moves past the change in one transaction that commits only while
 *    the lease is held (store.logChange).
 *
 * The checks cannot run inside the consumer's transaction: they are GraphQL reads through the
 * subgraphs, which need the database that transaction would hold (PGlite serves one at a time).
 */
import type { Database } from '../../platform/db/client.js';
import type { ChangeFeed } from '../../platform/changes/feed.js';
import { startConsumer, type Consumer } from '../../platform/changes/consumer.js';
import type { GraphQLExecutor } from '../../platform/executor.js';
import type { Logger } from '../../platform/logger.js';
import { matches, parseFilters, wantedTypes } from './filters.js';
import type { SubscriptionStore } from './store.js';
import type { InboxRow } from './tables.js';
import { FEED_TOPICS, TOPICS } from './topics.js';
import { startJob } from '../../platform/jobs.js';
import { checkVisibility, type Visibility } from './visibility.js';

const CONSUMER_NAME = 'fhir-subscriptions';
const LEASE_MS = 30_000;
const PAGE = 50;

export interface FanoutDeps {
  db: Database;
  feed: ChangeFeed;
  logger: Logger;
  store: SubscriptionStore;
  execute: GraphQLExecutor;
  /** This process's name in leases. */
  owner: string;
  /** Called after events were logged (delivery can start). */
  onLogged: () => void;
  /** A pass at least this often, besides the wakes (ROR_FHIR_SUBSCRIPTION_POLL_MS; default 5 s). */
  pollMs?: number;
}

export interface Fanout {
  wake(): void;
  /** Resolves when everything committed to the feed so far is logged (tests, shutdown). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

type Target = { subscriptionId: string; focusType: string; focusId: string };

/** The subscriptions a change is an event for, each checked as its owner. */
async function targetsOf(deps: FanoutDeps, change: InboxRow): Promise<Target[]> {
  const targets: Target[] = [];
  // One gateway read per owner and focus, whatever the number of their subscriptions.
  const checked = new Map<string, Promise<Visibility>>();
  for (const topic of TOPICS.filter((t) => t.feedTopic === change.topic)) {
    for (const subscription of await deps.store.listening(topic.canonical)) {
      if (subscription.createdAt > change.occurredAt) continue; // changes before it are not its events
      const criteria = parseFilters(topic, subscription.filters);
      const found = topic.focusOf(change, wantedTypes(topic, criteria));
      // One change may concern several resources (the Tasks of an admission request): an event each.
      for (const focus of found === null ? [] : 'type' in found ? [found] : found) {
        const key = [subscription.ownerKey, topic.feedTopic, focus.type, focus.id, change.recordId].join('\u0000');
        if (!checked.has(key)) {
          checked.set(key, checkVisibility(deps.execute, subscription.principal, { topic, focus, recordType: change.recordType, recordId: change.recordId }));
        }
        const facts = await checked.get(key)!;
        if (facts && matches(criteria, focus.type, facts)) targets.push({ subscriptionId: subscription.id, focusType: focus.type, focusId: focus.id });
      }
    }
  }
  return targets;
}

/** One pass over the inbox while the lease is ours; nothing when another process holds it. */
/** One pass over the inbox; returns the changes it logged. */
async function fanOut(deps: FanoutDeps): Promise<number> {
  if (!(await deps.store.inboxPending())) return 0;
  let last = await deps.store.claimFanout(deps.owner, LEASE_MS);
  if (last === null) return 0;
  let logged = 0;
  try {
    for (;;) {
      const changes = await deps.store.inboxAfter(last, PAGE);
      for (const change of changes) {
        const targets = await targetsOf(deps, change);
        if (!(await deps.store.logChange(deps.owner, change, targets))) return logged; // lease lost: the new holder goes on
        last = change.changeId;
        logged++;
        if (targets.length > 0) deps.onLogged();
      }
      if (changes.length < PAGE) return logged;
      if ((await deps.store.claimFanout(deps.owner, LEASE_MS)) === null) return logged;
    }
  } finally {
    await deps.store.releaseFanout(deps.owner);
  }
}

export function startFanout(deps: FanoutDeps): Fanout {
  // A change that fails stays in the inbox: the next pass retries it.
  const runner = startJob(deps.logger, { name: 'fhir-subscription-fanout', everyMs: deps.pollMs ?? 5_000, run: async () => (await fanOut(deps)) || 'idle', logRuns: false });
  const consumer: Consumer = startConsumer(deps.db, deps.feed, deps.logger, { name: CONSUMER_NAME, topics: FEED_TOPICS, startAt: 'now' }, async (events, tx) => {
    await deps.store.copyToInbox(tx, events);
    void consumer.settled().then(runner.wake); // after this round's commit
  });
  return {
    wake: runner.wake,
    drain: async () => {
      await consumer.drain();
      await runner.idle();
      runner.wake();
      await runner.idle();
    },
    stop: async () => {
      await runner.stop();
      await consumer.stop();
    },
  };
}
