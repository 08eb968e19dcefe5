/**
 * The crisis part of the tensions subgraph (docs/crisis.md): the CPTS crisis protocol. `withCrisis`
 * adds it to the subgraph's spec: resolvers merged type by type, its service and subscription in
 * the context (`ctx.crisis`, `ctx.crisisChanges`), the demo CPTS seeded after the rest.
 */
import { createSubgraphClient } from '../../../platform/subgraph-client.js';
import type { SubgraphSpec } from '../../../platform/subgraph-module.js';
import { mergeResolverMaps, type ResolverMap } from '../../../platform/resolver-maps.js';
import { crisisResolvers } from './resolvers.js';
import { seedCrisis, type CrisisSeed } from './seed.js';
import { createCrisisService } from './service.js';
import { createProtocolStore } from './protocol-store.js';
import { createCrisisStore } from './store.js';
import { createCrisisChanges } from './subscription.js';

/** The context keeps its declared type `C` for the subgraph; `ctx.crisis` is only read by crisisResolvers. */
export function withCrisis<C, S extends { crisis?: CrisisSeed }>(spec: SubgraphSpec<C, S>): SubgraphSpec<C, S> {
  return {
    ...spec,
    resolvers: mergeResolverMaps<ResolverMap<C>>(spec.resolvers, crisisResolvers),
    context: (deps) => {
      const base = spec.context(deps);
      const store = createCrisisStore(deps.db.orm);
      const protocol = createProtocolStore(deps.db.orm);
      const client = createSubgraphClient(deps.config, deps.internalSecret);
      const crisisChanges = createCrisisChanges(deps.feed);
      return (request, identity) => ({ ...base(request, identity), crisisChanges, crisis: createCrisisService({ store, protocol, client }, identity) });
    },
    seed: async (db, input) => {
      const seeded = await spec.seed(db, input);
      return (await seedCrisis(db, input)) || seeded;
    },
  };
}
