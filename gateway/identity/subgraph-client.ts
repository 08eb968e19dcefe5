/** Direct, system-identity GraphQL calls from the gateway to one subgraph (for its own lookups). */
import type { Fetcher } from '@apollo/utils.fetcher';
import { HubError } from '../../platform/errors.js';
import { postAsSystem, type FetchLike } from '../../platform/subgraph-client.js';

export type SubgraphQuery = <T>(url: string, query: string, variables: Record<string, unknown>) => Promise<T>;

/**
 * The shared platform client over the gateway's keep-alive fetcher. A failed lookup stays a plain
 * error here, so the caller's request fails as an internal error (masked, logged with its id)
 * rather than with the callee's code: the caller did nothing wrong. A lookup that times out is
 * the exception: SERVICE_UNAVAILABLE tells the caller to retry, and fast (`timeoutMs`).
 */
export function createSubgraphQuery(fetcher: Fetcher, secret: string, timeoutMs: number, subgraphUrls: Record<string, string>): SubgraphQuery {
  // Callers name the subgraph by its URL; its name is the envelope's audience.
  const names = new Map(Object.entries(subgraphUrls).map(([name, url]) => [url, name]));
  return async <T>(url: string, query: string, variables: Record<string, unknown>): Promise<T> => {
    try {
      return await postAsSystem<T>(fetcher as unknown as FetchLike, { name: names.get(url) ?? url, url }, secret, query, variables, timeoutMs);
    } catch (error) {
      if (error instanceof HubError && error.extensions.code === 'SERVICE_UNAVAILABLE') throw error;
      throw new Error(`Internal lookup failed at ${url}: ${(error as Error).message}`);
    }
  };
}
