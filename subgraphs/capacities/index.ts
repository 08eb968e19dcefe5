/** The capacities subgraph: beds installed and available per unit. */
import { fileURLToPath } from 'node:url';
import { buildSubgraphApp } from '../../platform/subgraph-app.js';
import { loadTypeDefs, type SubgraphModule } from '../../platform/subgraph-module.js';
import { resolvers, type CapacityContext } from './resolvers.js';
import { createCapacityService } from './service.js';
import { createCapacityStore } from './store.js';
import { seedCapacities, type CapacitySeed } from './seed.js';

export type { CapacitySeed };

export const capacitiesSubgraph: SubgraphModule<CapacitySeed> = {
  name: 'capacities',
  typeDefs: loadTypeDefs(new URL('../../schemas/capacities.graphql', import.meta.url)),
  migrationsFolder: fileURLToPath(new URL('./migrations', import.meta.url)),
  build: ({ db, logger }) => {
    const store = createCapacityStore(db.orm);
    return buildSubgraphApp<CapacityContext>({
      name: 'capacities',
      typeDefs: capacitiesSubgraph.typeDefs,
      resolvers,
      logger,
      context: () => ({ capacities: createCapacityService(store) }),
      ready: () => db.ping(),
    });
  },
  seed: seedCapacities,
};
