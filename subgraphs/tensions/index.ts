/** The tensions subgraph: hospital-in-tension declarations, plans, emergency activity, the CPTS crisis protocol and the HET follow-up. */
import { defineSubgraph } from '../../platform/subgraph-module.js';
import { createSubgraphClient } from '../../platform/subgraph-client.js';
import { resolvers, type TensionContext } from './resolvers.js';
import { createTensionService } from './service.js';
import { createTensionStore } from './store.js';
import { seedTensions, type TensionSeed } from './seed.js';
import { createOfferEstablishments } from './offer-establishments.js';
import { createTensionChanges } from './subscription.js';
import { loadReferenceData } from './reference.js';
import { withEmergency } from './emergency/module.js';
import { withPlans } from './plans/index.js';
import { withCrisis } from './crisis/index.js';
import { withHet } from './het/index.js';

export type { TensionSeed };

export const tensionsSubgraph = defineSubgraph<TensionContext, TensionSeed>(withHet(withEmergency(withPlans(withCrisis({
  name: 'tensions',
  migrations: new URL('./migrations', import.meta.url),
  resolvers,
  context: ({ db, config, internalSecret, feed }) => {
    const store = createTensionStore(db.orm);
    // Establishments belong to the offer subgraph: asked there, as the system identity.
    const offer = createOfferEstablishments(createSubgraphClient(config, internalSecret));
    const tensionChanges = createTensionChanges(feed, offer);
    return (_request, identity) => ({ identity, tensionChanges, tensions: createTensionService({ store, offer }, identity) });
  },
  // Levels, discipline groups and the HET repertoire are data, loaded at every start (idempotent).
  extend: async (_app, { db }) => loadReferenceData(db.orm),
  seed: seedTensions,
})))));
