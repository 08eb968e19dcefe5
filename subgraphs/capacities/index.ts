/** The capacities subgraph: beds installed and available per unit. */
import { defineSubgraph } from '../../platform/subgraph-module.js';
import { resolvers, type CapacityContext } from './resolvers.js';
import { createCapacityService } from './service.js';
import { createCapacityStore } from './store.js';
import { seedCapacities, type CapacitySeed } from './seed.js';

export type { CapacitySeed };

export const capacitiesSubgraph = defineSubgraph<CapacityContext, CapacitySeed>({
  name: 'capacities',
  sdl: new URL('../../schemas/capacities.graphql', import.meta.url),
  migrations: new URL('./migrations', import.meta.url),
  resolvers,
  context: ({ db }) => {
    const store = createCapacityStore(db.orm);
    return (_request, identity) => ({ identity, capacities: createCapacityService(store, identity) });
  },
  seed: seedCapacities,
});
