/**
 * The place search (docs/admissions.md § Place search): the offer's candidate units within the
 * radius joined with the capacities' figures, both asked as the system identity (D81), ordered by
 * distance then free beds, paged with cursors bound to their criteria.
 */
import type { HubConfig } from '../../../platform/config.js';
import type { Identity } from '../../../platform/auth/identity.js';
import type { SubgraphClient } from '../../../platform/subgraph-client.js';
import { criteriaHash, placesPageSize, validateCriteria, type PlaceSearchInput } from './criteria.js';
import { resolveCentre } from './centre.js';
import { candidatesOf } from './candidates.js';
import { figuresOf } from './figures.js';
import { joinPlaces, pageOf, type Place, type PlacePage } from './join.js';
import { requirePlaceSearch, seesSensitiveUnits } from './access.js';

export interface PlaceSearchDeps {
  client: SubgraphClient;
  config: HubConfig;
}

export interface PlaceConnection extends PlacePage {
  centre: { latitude: number; longitude: number; radiusKm: number; communeCode: string | null; communeName: string | null };
}

export interface PlaceSearch {
  search(criteria: PlaceSearchInput, first: number | null | undefined, after: string | null | undefined): Promise<PlaceConnection>;
}

export interface PlaceSearchContext {
  identity: Identity;
  placeSearch: PlaceSearch;
}

export function createPlaceSearch({ client, config }: PlaceSearchDeps): (identity: Identity) => PlaceSearch {
  return (identity) => ({
    search: async (input, first, after) => {
      requirePlaceSearch(identity); // before anything is validated or looked up
      const criteria = validateCriteria(input);
      const size = placesPageSize(first);
      const centre = await resolveCentre(criteria.origin, client);
      // The hash covers the resolved centre too: a commune whose point moved is another search.
      const hash = criteriaHash({ ...criteria, origin: { kind: 'near', latitude: centre.latitude, longitude: centre.longitude } });
      const all = await candidatesOf(client, criteria, centre);
      const candidates = seesSensitiveUnits(identity) ? all : all.filter((c) => !c.sensitive);
      const figures = await figuresOf(client, candidates.map((c) => c.unitId));
      const places = joinPlaces(candidates, figures, criteria, config.admissions.staleMinutes, new Date());
      return { ...pageOf(places, size, after, hash), centre: { ...centre, radiusKm: criteria.radiusKm } };
    },
  });
}

export const placeSearchResolvers: Record<string, Record<string, unknown>> = {
  Query: {
    placeSearch: (_: unknown, args: { criteria: PlaceSearchInput; first?: number | null; after?: string | null }, ctx: PlaceSearchContext) =>
      ctx.placeSearch.search(args.criteria, args.first, args.after),
  },
  Place: {
    unit: (p: Place) => ({ __typename: 'Unit', id: p.unitId }),
  },
};
