/** The tensions subgraph: hospital-in-tension declarations. */
import { fileURLToPath } from 'node:url';
import { buildSubgraphApp } from '../../platform/subgraph-app.js';
import { loadTypeDefs, type SubgraphModule } from '../../platform/subgraph-module.js';
import { resolvers, type TensionContext } from './resolvers.js';
import { createTensionService } from './service.js';
import { createTensionStore } from './store.js';
import { seedTensions, type TensionSeed } from './seed.js';

export type { TensionSeed };

export const tensionsSubgraph: SubgraphModule<TensionSeed> = {
  name: 'tensions',
  typeDefs: loadTypeDefs(new URL('../../schemas/tensions.graphql', import.meta.url)),
  migrationsFolder: fileURLToPath(new URL('./migrations', import.meta.url)),
  build: ({ db, logger }) => {
    const store = createTensionStore(db.orm);
    return buildSubgraphApp<TensionContext>({
      name: 'tensions',
      typeDefs: tensionsSubgraph.typeDefs,
      resolvers,
      logger,
      context: () => ({ tensions: createTensionService(store) }),
      ready: () => db.ping(),
    });
  },
  seed: seedTensions,
};
