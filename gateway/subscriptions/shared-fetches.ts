/**
 * One change reaches several executions at once (subscriptions with different filters or
 * selections each get the event), and each would fetch the same entity fields from the same
 * subgraph for the same caller. Identical fetches (subgraph, operation, variables, identity)
 * started within a short window share one request; the window is short so that a record changed
 * right after is not served stale to the next event.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions, ServiceMap } from '@apollo/gateway';
import type { GatewayContext } from '../context.js';

const WINDOW_MS = 250;

type Result = Awaited<ReturnType<GraphQLDataSource['process']>>;

export function withSharedFetches(services: ServiceMap): ServiceMap {
  const recent = new Map<string, { at: number; result: Promise<Result> }>();
  const share = (name: string, source: GraphQLDataSource): GraphQLDataSource => ({
    process: (options: GraphQLDataSourceProcessOptions) => {
      const context = options.context as GatewayContext | undefined;
      const key = [name, options.request.query, JSON.stringify(options.request.variables ?? {}), JSON.stringify(context?.identity ?? null)].join('\u0000');
      const now = Date.now();
      for (const [k, v] of recent) if (now - v.at > WINDOW_MS) recent.delete(k); // few entries: a scan is enough
      const hit = recent.get(key);
      if (hit) return hit.result;
      const result = source.process(options);
      recent.set(key, { at: now, result });
      return result;
    },
  });
  return Object.fromEntries(Object.entries(services).map(([name, source]) => [name, share(name, source)]));
}
