/**
 * The gateway's own latency histograms, served on its /metrics next to the HTTP ones
 * (platform/observability.ts): per GraphQL operation, and per subgraph fetch. Operation names
 * come from clients, so the label is bounded: an operation without a name (or that never
 * resolved to one: a parse or validation error) is `(anonymous)`, and past MAX_OPERATION_NAMES
 * distinct names, any new one counts as `(other)`.
 */
import { Counter, Histogram, type Registry } from 'prom-client';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

export const MAX_OPERATION_NAMES = 100;
/** Longer names are no one's real operation: counted as `(other)`. */
const MAX_NAME_LENGTH = 100;
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface GatewayMetrics {
  /** The Apollo Server plugin timing each operation (HTTP and in-process executions alike). */
  plugin: ApolloServerPlugin<BaseContext>;
  /** Records one subgraph fetch's duration. */
  observeFetch(subgraph: string, seconds: number, outcome: 'ok' | 'error'): void;
  /** Counts one fetch answered by an identical one's request (gateway/shared-fetches.ts). */
  countShared(subgraph: string, source: 'query' | 'subscription'): void;
  /** Adds the histograms to the app's registry (created with the app, after the plugin). */
  register(registry: Registry): void;
}

export function createGatewayMetrics(): GatewayMetrics {
  const operations = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operations answered by the gateway (HTTP and the FHIR adapter), by operation name and type',
    labelNames: ['operation', 'type'],
    buckets: BUCKETS,
    registers: [],
  });
  const fetches = new Histogram({
    name: 'subgraph_fetch_duration_seconds',
    help: "The gateway's fetches to each subgraph (query plan steps and subscription entities), by outcome",
    labelNames: ['subgraph', 'outcome'],
    buckets: BUCKETS,
    registers: [],
  });
  const shared = new Counter({
    name: 'subgraph_fetches_shared_total',
    help: 'Subgraph fetches answered by an identical fetch of the same caller already in flight (query) or just answered (subscription event), so never sent',
    labelNames: ['subgraph', 'source'],
    registers: [],
  });
  const seen = new Set<string>();
  const operationLabel = (name: string | null | undefined): string => {
    if (!name) return '(anonymous)';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_NAMES || name.length > MAX_NAME_LENGTH) return '(other)';
    seen.add(name);
    return name;
  };
  return {
    plugin: {
      async requestDidStart() {
        const started = performance.now();
        return {
          async willSendResponse({ operationName, operation }) {
            operations.observe({ operation: operationLabel(operationName), type: operation?.operation ?? 'unknown' }, (performance.now() - started) / 1000);
          },
        };
      },
    },
    observeFetch: (subgraph, seconds, outcome) => fetches.observe({ subgraph, outcome }, seconds),
    countShared: (subgraph, source) => shared.inc({ subgraph, source }),
    register: (registry) => {
      registry.registerMetric(shared);
      registry.registerMetric(operations);
      registry.registerMetric(fetches);
    },
  };
}
