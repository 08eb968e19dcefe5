/**
 * The emergency part of the tensions subgraph, merged into subgraphs/tensions/index.ts: its
 * resolvers, its per-request service and its routes and job.
 */
import type { FastifyInstance } from 'fastify';
import type { Identity } from '../../../platform/auth/identity.js';
import type { SubgraphDeps, SubgraphSpec } from '../../../platform/subgraph-module.js';
import { createSubgraphClient } from '../../../platform/subgraph-client.js';
import { availableDownstreamBeds, downstreamBedsByDay } from './beds.js';
import { emergencyResolvers, type EmergencyContext } from './resolvers.js';
import { rpuImportRoute } from './route.js';
import { scheduleDetection } from './scheduler.js';
import { createEmergencyService, type EmergencyDeps } from './service.js';

export { emergencyResolvers, type EmergencyContext };

function depsOf({ db, config, internalSecret }: SubgraphDeps): EmergencyDeps {
  const client = createSubgraphClient(config, internalSecret);
  return {
    db,
    bjmlYears: config.bjmlYears,
    availableBeds: (id) => availableDownstreamBeds(client, id),
    client,
    bedsByDay: (id, from, to) => downstreamBedsByDay(client, id, from, to),
  };
}

/** Given the subgraph's dependencies once, the per-request part of the context. */
export function emergencyContext(deps: SubgraphDeps): (identity: Identity) => EmergencyContext {
  const shared = depsOf(deps);
  return (identity) => ({ emergency: createEmergencyService(shared, identity) });
}

/** POST /imports/rpu and the daily detection job. */
export async function extendEmergency(app: FastifyInstance, deps: SubgraphDeps): Promise<void> {
  const client = createSubgraphClient(deps.config, deps.internalSecret);
  await app.register(rpuImportRoute, { db: deps.db, client });
  const { bjmlYears, availableBeds } = depsOf(deps);
  scheduleDetection(app, { db: deps.db, logger: deps.logger.child({ component: 'tension-detection' }), bjmlYears, availableBeds });
}

/**
 * Adds the emergency part to the tensions subgraph's spec (one wrap in index.ts): resolvers merged
 * type by type, `emergency` added to each request's context, routes and job after the spec's own.
 */
export function withEmergency<Ctx, Seed>(spec: SubgraphSpec<Ctx, Seed>): SubgraphSpec<Ctx, Seed> {
  const resolvers: Record<string, object> = { ...(spec.resolvers as Record<string, object>) };
  for (const [type, fields] of Object.entries(emergencyResolvers)) resolvers[type] = { ...resolvers[type], ...fields };
  return {
    ...spec,
    resolvers: resolvers as SubgraphSpec<Ctx, Seed>['resolvers'],
    context: (deps) => {
      const own = spec.context(deps);
      const emergency = emergencyContext(deps);
      return (request, identity) => ({ ...own(request, identity), ...emergency(identity) });
    },
    extend: async (app, deps) => {
      await spec.extend?.(app, deps);
      await extendEmergency(app, deps);
    },
  };
}
