/** The professionals subgraph: people and where they work. */
import { fileURLToPath } from 'node:url';
import { buildSubgraphApp } from '../../platform/subgraph-app.js';
import { loadTypeDefs, type SubgraphModule } from '../../platform/subgraph-module.js';
import { resolvers, type ProfessionalContext } from './resolvers.js';
import { createProfessionalService } from './service.js';
import { createProfessionalStore } from './store.js';
import { seedProfessionals, type ProfessionalSeed } from './seed.js';

export type { ProfessionalSeed };

export const professionalsSubgraph: SubgraphModule<ProfessionalSeed> = {
  name: 'professionals',
  typeDefs: loadTypeDefs(new URL('../../schemas/professionals.graphql', import.meta.url)),
  migrationsFolder: fileURLToPath(new URL('./migrations', import.meta.url)),
  build: ({ db, logger }) => {
    const store = createProfessionalStore(db.orm);
    return buildSubgraphApp<ProfessionalContext>({
      name: 'professionals',
      typeDefs: professionalsSubgraph.typeDefs,
      resolvers,
      logger,
      context: () => ({ professionals: createProfessionalService(store) }),
      ready: () => db.ping(),
    });
  },
  seed: seedProfessionals,
};
