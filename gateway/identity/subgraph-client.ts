/** Direct, system-identity GraphQL calls from the gateway to one subgraph (for its own lookups). */
import type { Fetcher } from '@apollo/utils.fetcher';
import { IDENTITY_HEADER, signIdentity } from '../../platform/auth/internal-token.js';

export type SubgraphQuery = <T>(url: string, query: string, variables: Record<string, unknown>) => Promise<T>;

export function createSubgraphQuery(fetcher: Fetcher, secret: string): SubgraphQuery {
  return async <T>(url: string, query: string, variables: Record<string, unknown>): Promise<T> => {
    const response = await fetcher(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [IDENTITY_HEADER]: signIdentity({ kind: 'system', subject: 'gateway' }, secret),
      },
      body: JSON.stringify({ query, variables }),
    });
    const result = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
    if (result.errors?.length || !result.data) {
      throw new Error(`Internal lookup failed at ${url}: ${result.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`}`);
    }
    return result.data;
  };
}
