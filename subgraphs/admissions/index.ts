/**
 * The admissions subgraph: the place search and direct admission requests (docs/admissions.md).
 * It owns the requests only; units and positions are the offer's, figures and bed holds the
 * capacities', both asked through their APIs as the system identity.
 */
import { defineSubgraph } from '../../platform/subgraph-module.js';
import { createSubgraphClient } from '../../platform/subgraph-client.js';
import { mergeResolverMaps } from '../../platform/resolver-maps.js';
import { DateTime } from '../../platform/scalars.js';
import { createPlaceSearch, placeSearchResolvers, type PlaceSearchContext } from './place-search/index.js';
import { admissionContext, requestResolvers, seedAdmissions, startAdmissionJobs, type AdmissionContext, type AdmissionSeed } from './requests/index.js';

export type { AdmissionSeed };

type Context = PlaceSearchContext & AdmissionContext;

export const admissionsSubgraph = defineSubgraph<Context, AdmissionSeed>({
  name: 'admissions',
  migrations: new URL('./migrations', import.meta.url),
  resolvers: mergeResolverMaps({ DateTime }, placeSearchResolvers, requestResolvers),
  context: (deps) => {
    const client = createSubgraphClient(deps.config, deps.internalSecret);
    const placeSearch = createPlaceSearch({ client, config: deps.config });
    const admissions = admissionContext({ ...deps, client });
    return (request, identity) => ({ ...admissions(request, identity), identity, placeSearch: placeSearch(identity) });
  },
  // Expiry, hold release and retention purge run with the subgraph (requests/jobs), closed with it.
  extend: async (app, deps) => startAdmissionJobs(app, { ...deps, client: createSubgraphClient(deps.config, deps.internalSecret) }),
  seed: seedAdmissions,
});
