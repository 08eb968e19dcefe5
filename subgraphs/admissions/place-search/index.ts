/** The place search (docs/admissions.md § Place search): offer candidates joined with capacity figures. */
import type { HubConfig } from '../../../platform/config.js';
import type { Identity } from '../../../platform/auth/identity.js';
import type { SubgraphClient } from '../../../platform/subgraph-client.js';

export interface PlaceSearchDeps {
  client: SubgraphClient;
  config: HubConfig;
}

export interface PlaceSearch {
  search(criteria: Record<string, unknown>, first: number | null | undefined, after: string | null | undefined): Promise<unknown>;
}

export interface PlaceSearchContext {
  identity: Identity;
  placeSearch: PlaceSearch;
}

export function createPlaceSearch(_deps: PlaceSearchDeps): (identity: Identity) => PlaceSearch {
  return () => ({
    search: () => Promise.reject(new Error('placeSearch: not built yet')),
  });
}

export const placeSearchResolvers: Record<string, Record<string, unknown>> = {
  Query: {
    placeSearch: (_: unknown, args: { criteria: Record<string, unknown>; first?: number | null; after?: string | null }, ctx: PlaceSearchContext) =>
      ctx.placeSearch.search(args.criteria, args.first, args.after),
  },
};
