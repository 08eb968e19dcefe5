/**
 * What the FHIR plugin hands to each feature that serves its own routes below the FHIR base
 * (subscriptions, bulk export, …), and the list of those features. Each feature is an
 * encapsulated Fastify plugin registered before the generic RESTful routes, so its specific
 * paths (`/$export`, `/Subscription/...`) win over the catch-all `/*`.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { HubConfig } from '../platform/config.js';
import type { Database } from '../platform/db/client.js';
import type { ChangeFeed } from '../platform/changes/feed.js';
import type { GraphQLExecutor, PrincipalResolver } from '../platform/executor.js';
import type { CapabilityContribution } from './capability.js';
import { historyFeature } from './history/feed.js';
import { subscriptionsFeature } from './subscriptions/index.js';
import { bulkExportFeature } from './bulk/index.js';

export interface FhirRuntime {
  /** The gateway's in-process GraphQL executor: every read and write goes through it. */
  execute: GraphQLExecutor;
  /** Who a bearer token stands for, to store with work done later (subscriptions, exports). */
  principalOf: PrincipalResolver;
  /** The hub's database: the adapter's own tables live in its own Postgres schemas. */
  db: Database;
  /** The process's change feed (subscriptions are fed by it). */
  feed: ChangeFeed;
  config: HubConfig;
  /** Public base URL of the FHIR endpoint; derived from each request when absent. */
  baseUrl?: string;
}

export interface FhirFeature {
  name: string;
  routes: FastifyPluginAsync<FhirRuntime>;
  /** What the feature adds to the CapabilityStatement; a function when it depends on the configuration. */
  capability?: CapabilityContribution | ((config: HubConfig) => CapabilityContribution);
}

/** The features below the FHIR base, in registration order. */
export const FHIR_FEATURES: readonly FhirFeature[] = [
  historyFeature, // feeds the version store (vread, _history); serves no route of its own
  subscriptionsFeature,
  bulkExportFeature,
];
