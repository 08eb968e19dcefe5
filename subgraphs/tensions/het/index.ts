/**
 * The HET follow-up part of the tensions subgraph (docs/het-follow-up.md): manual alerts, the
 * ARS's record of HET episodes, the map of declarations. `withHet` adds it to the subgraph's spec:
 * resolvers merged type by type, its services in the context (`ctx.het`), its demo data seeded
 * after the declarations it refers to.
 */
import { createSubgraphClient } from '../../../platform/subgraph-client.js';
import type { SubgraphSpec } from '../../../platform/subgraph-module.js';
import { mergeResolverMaps, type ResolverMap } from '../../../platform/resolver-maps.js';
import { createOfferEstablishments } from '../offer-establishments.js';
import { createAlertService } from './alert-service.js';
import { tensionMap } from './map.js';
import { createProcedureService } from './procedure-service.js';
import { hetResolvers } from './resolvers.js';
import { seedHet } from './seed.js';
import { createHetStore } from './store.js';
import { createAlertChanges } from './subscription.js';

/** The context keeps its declared type `C` for the subgraph; `ctx.het` is only read by hetResolvers. */
export function withHet<C, S>(spec: SubgraphSpec<C, S>): SubgraphSpec<C, S> {
  return {
    ...spec,
    resolvers: mergeResolverMaps<ResolverMap<C>>(spec.resolvers, hetResolvers),
    context: (deps) => {
      const base = spec.context(deps);
      const store = createHetStore(deps.db.orm);
      const client = createSubgraphClient(deps.config, deps.internalSecret);
      const offer = createOfferEstablishments(client);
      const alertChanges = createAlertChanges(deps.feed, offer);
      return (request, identity) => ({
        ...base(request, identity),
        het: {
          alerts: createAlertService({ store, client, offer }, identity),
          procedures: createProcedureService({ store }, identity),
          map: (departmentCode: string | null) => tensionMap({ store, offer }, identity, departmentCode),
          alertChanges,
        },
      });
    },
    seed: async (db, input) => {
      const seeded = await spec.seed(db, input);
      return (await seedHet(db)) || seeded;
    },
  };
}
