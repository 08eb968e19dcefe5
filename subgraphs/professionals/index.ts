/** The professionals subgraph: people, where they work, their accounts, roles and the hub's OpenID provider. */
import { defineSubgraph } from '../../platform/subgraph-module.js';
import { resolvers, type ProfessionalContext } from './resolvers.js';
import { createProfessionalService } from './service.js';
import { createProfessionalStore } from './store.js';
import { seedProfessionals, type ProfessionalSeed } from './seed.js';
import { registerIdentityProvider } from './oidc/index.js';
import { startBackgroundJobs } from './jobs.js';
import { createSubgraphClient } from '../../platform/subgraph-client.js';
import { createUnitDirectory } from './offer-units.js';
import { createApplicationService } from './applications.js';

export type { ProfessionalSeed };

export const professionalsSubgraph = defineSubgraph<ProfessionalContext, ProfessionalSeed>({
  name: 'professionals',
  migrations: new URL('./migrations', import.meta.url),
  resolvers,
  context: ({ db, config, internalSecret }) => {
    const store = createProfessionalStore(db.orm);
    const directory = createUnitDirectory(createSubgraphClient(config, internalSecret));
    const applications = createApplicationService(db.orm);
    return (_request, identity) => ({ identity, professionals: createProfessionalService(store, directory, config.passwordScryptLog2N), applications });
  },
  // The OpenID provider (OAuth/OIDC requests, its own sessions) and the password page (its link
  // token) authenticate by their own means, and their style sheet and fonts are public; the
  // gateway proxies them without an envelope.
  openPrefixes: ['/oidc', '/password', '/assets/dsfr'],
  extend: async (app, deps) => {
    await registerIdentityProvider(app, deps);
    startBackgroundJobs(app, deps);
  },
  seed: seedProfessionals,
});
