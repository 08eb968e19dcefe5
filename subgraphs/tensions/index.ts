/** The tensions subgraph: hospital-in-tension declarations. */
import { defineSubgraph } from '../../platform/subgraph-module.js';
import { resolvers, type TensionContext } from './resolvers.js';
import { createTensionService } from './service.js';
import { createTensionStore } from './store.js';
import { seedTensions, type TensionSeed } from './seed.js';

export type { TensionSeed };

export const tensionsSubgraph = defineSubgraph<TensionContext, TensionSeed>({
  name: 'tensions',
  migrations: new URL('./migrations', import.meta.url),
  resolvers,
  context: ({ db }) => {
    const store = createTensionStore(db.orm);
    return (_request, identity) => ({ identity, tensions: createTensionService(store, identity) });
  },
  seed: seedTensions,
});
