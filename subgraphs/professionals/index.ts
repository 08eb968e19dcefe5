/** The professionals subgraph: people and where they work. */
import { defineSubgraph } from '../../platform/subgraph-module.js';
import { resolvers, type ProfessionalContext } from './resolvers.js';
import { createProfessionalService } from './service.js';
import { createProfessionalStore } from './store.js';
import { seedProfessionals, type ProfessionalSeed } from './seed.js';

export type { ProfessionalSeed };

export const professionalsSubgraph = defineSubgraph<ProfessionalContext, ProfessionalSeed>({
  name: 'professionals',
  sdl: new URL('../../schemas/professionals.graphql', import.meta.url),
  migrations: new URL('./migrations', import.meta.url),
  resolvers,
  context: ({ db }) => {
    const store = createProfessionalStore(db.orm);
    return (_request, identity) => ({ identity, professionals: createProfessionalService(store) });
  },
  seed: seedProfessionals,
});
