/**
 * The Plans part of the tensions subgraph (docs/tension-plans.md): notification mails of
 * declarations, solidarity establishments, Plan blanc / Plan bleu forms. `withPlans` adds it to the
 * subgraph's spec: resolvers merged type by type, its services in the context (`ctx.plans`), the
 * mail consumer and worker started with the app, the demo plan seeded after the declarations.
 */
import { createSubgraphClient } from '../../../platform/subgraph-client.js';
import type { SubgraphSpec } from '../../../platform/subgraph-module.js';
import { startTensionMail } from './mailer.js';
import { createPlanService } from './plan-service.js';
import { plansResolvers, type PlansContext } from './resolvers.js';
import { seedPlans } from './seed.js';
import { createSolidarityService } from './solidarity-service.js';
import { createPlanStore } from './store.js';
import { mergeResolverMaps, type ResolverMap } from '../../../platform/resolver-maps.js';

export type { PlansContext };

/** The context keeps its declared type `C` for the subgraph; `ctx.plans` is only read by plansResolvers. */
export function withPlans<C, S>(spec: SubgraphSpec<C, S>): SubgraphSpec<C, S> {
  return {
    ...spec,
    resolvers: mergeResolverMaps<ResolverMap<C>>(spec.resolvers, plansResolvers),
    context: (deps) => {
      const base = spec.context(deps);
      const store = createPlanStore(deps.db.orm);
      const client = createSubgraphClient(deps.config, deps.internalSecret);
      return (request, identity) => ({
        ...base(request, identity),
        plans: { solidarity: createSolidarityService({ store, client }, identity), crisisPlans: createPlanService({ store, client }, identity) },
      });
    },
    extend: async (app, deps) => {
      await spec.extend?.(app, deps);
      startTensionMail(app, deps);
    },
    seed: async (db, input) => {
      const seeded = await spec.seed(db, input);
      return (await seedPlans(db)) || seeded;
    },
  };
}
