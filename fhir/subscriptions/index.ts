/**
 * FHIR Subscriptions (R5 Backport IG on R4) as a FhirFeature: the Subscription routes, the
 * websocket channel, and the three workers of this process (fan-out from the change feed,
 * rest-hook delivery, websocket sends), woken by their own events, by the events NOTIFY of other
 * processes, and by a poll (retries and heartbeats that come due). docs/fhir-subscriptions.md.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from '../../platform/logger.js';
import type { CapabilityContribution } from '../capability.js';
import type { FhirFeature, FhirRuntime } from '../features.js';
import { BACKPORT_URLS } from './backport.js';
import { startDelivery } from './delivery.js';
import { startFanout } from './fanout.js';
import { registerSubscriptionRoutes } from './routes.js';
import { startPeriodicJob } from '../../platform/periodic-job.js';
import { startJob } from '../../platform/jobs.js';
import { PURGE_EVERY_MS, purgeExpired } from './retention.js';
import { createStore, EVENTS_CHANNEL } from './store.js';
import { TOPICS } from './topics.js';
import { attachWebsocketChannel, WEBSOCKET_PATH } from './websocket.js';

const routes: FastifyPluginAsync<FhirRuntime> = async (app, runtime) => {
  const logger = (app.log as unknown as Logger).child({ component: 'fhir-subscriptions' });
  const owner = `fhir-subscriptions:${randomUUID()}`; // this process, in leases
  const store = createStore(runtime.db);
  const delivery = startDelivery({ store, execute: runtime.execute, timings: runtime.config.fhirSubscriptions, logger, owner });
  const websocket = attachWebsocketChannel(app.server, `${app.prefix}/${WEBSOCKET_PATH}`, store, logger);
  const deliverAll = () => {
    delivery.wake();
    websocket.wake();
  };
  const fanout = startFanout({ db: runtime.db, feed: runtime.feed, logger, store, execute: runtime.execute, owner, onLogged: deliverAll, pollMs: runtime.config.fhirSubscriptions.pollMs });
  const stopListening = await runtime.db.listen(EVENTS_CHANNEL, deliverAll, deliverAll);
  let closing = false;
  const stopPurge = startPeriodicJob(runtime.db, logger, {
    name: 'fhir-subscription-purge',
    everyMs: runtime.config.purgeEveryMs ?? PURGE_EVERY_MS,
    run: () => purgeExpired(store, runtime.config.fhirSubscriptions.retentionDays, () => closing),
  });
  // The fan-out and the delivery poll on their own (platform/jobs.ts); the WebSocket channel's
  // sockets are checked as often.
  const poll = startJob(logger, { name: 'fhir-subscription-websocket', everyMs: runtime.config.fhirSubscriptions.pollMs, run: async () => (websocket.wake(), 'idle'), logRuns: false });

  registerSubscriptionRoutes(app, { runtime, store, onCreated: () => delivery.wake() });

  app.addHook('preClose', async () => {
    closing = true;
    await poll.stop();
    await websocket.close();
  });
  app.addHook('onClose', async () => {
    await stopListening();
    await fanout.stop();
    await delivery.stop();
    await stopPurge();
  });
};

const capability: CapabilityContribution = {
  instantiates: [BACKPORT_URLS.serverCapability],
  resources: [
    {
      type: 'Subscription',
      supportedProfile: [BACKPORT_URLS.subscriptionProfile],
      interaction: [{ code: 'read' }, { code: 'create' }, { code: 'delete' }, { code: 'search-type' }],
      extension: TOPICS.map((t) => ({ url: BACKPORT_URLS.topicCanonical, valueCanonical: t.canonical })),
      searchParam: [
        { name: 'status', type: 'token', documentation: "Status of the caller's own subscriptions" },
        { name: '_id', type: 'token' },
      ],
      operation: [
        { name: 'status', definition: BACKPORT_URLS.statusOperation },
        { name: 'events', definition: BACKPORT_URLS.eventsOperation },
        { name: 'get-ws-binding-token', definition: BACKPORT_URLS.bindingTokenOperation },
      ],
    },
  ],
};

export const subscriptionsFeature: FhirFeature = { name: 'subscriptions', routes, capability };
