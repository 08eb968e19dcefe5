/**
 * Establishments, read from the offer subgraph that owns them (never from its tables): existence
 * before a declaration, and the establishments of a département for lists, indicators and
 * subscriptions.
 */
import type { SubgraphClient } from '../../platform/subgraph-client.js';
import { MAX_PAGE_SIZE } from '../../platform/pagination.js';

const ONE = `query($id: ID!) { establishment(id: $id) { id name } }`;
const BY_DEPARTMENT = `query($filter: EstablishmentFilter, $first: Int, $after: String) {
  establishments(filter: $filter, first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } }
}`;

interface Page {
  establishments: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

export interface OfferEstablishments {
  exists(id: string): Promise<boolean>;
  /** Ids of the département's establishments, every page. */
  inDepartment(departmentCode: string): Promise<Set<string>>;
}

export function createOfferEstablishments(client: SubgraphClient): OfferEstablishments {
  return {
    exists: async (id) => (await client.query<{ establishment: { id: string } | null }>('offer', ONE, { id })).establishment !== null,
    inDepartment: async (departmentCode) => {
      const ids = new Set<string>();
      let after: string | null = null;
      do {
        const page: Page = await client.query<Page>('offer', BY_DEPARTMENT, { filter: { departmentCode }, first: MAX_PAGE_SIZE, after });
        page.establishments.edges.forEach((e) => ids.add(e.node.id));
        after = page.establishments.pageInfo.hasNextPage ? page.establishments.pageInfo.endCursor : null;
      } while (after);
      return ids;
    },
  };
}
