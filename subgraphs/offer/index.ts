/** The offer-of-care subgraph: legal entities, establishments and units. */
import { fileURLToPath } from 'node:url';
import { buildSubgraphApp } from '../../platform/subgraph-app.js';
import { loadTypeDefs, type SubgraphModule } from '../../platform/subgraph-module.js';
import { resolvers, type OfferContext } from './resolvers.js';
import { createOfferService } from './service.js';
import { createOfferStore } from './store.js';
import { seedOffer, type OfferSeed } from './seed.js';

export type { OfferSeed };

export const offerSubgraph: SubgraphModule<OfferSeed> = {
  name: 'offer',
  typeDefs: loadTypeDefs(new URL('../../schemas/offer.graphql', import.meta.url)),
  migrationsFolder: fileURLToPath(new URL('./migrations', import.meta.url)),
  build: ({ db, logger }) => {
    const store = createOfferStore(db.orm);
    return buildSubgraphApp<OfferContext>({
      name: 'offer',
      typeDefs: offerSubgraph.typeDefs,
      resolvers,
      logger,
      context: () => ({ offer: createOfferService(store) }),
      ready: () => db.ping(),
    });
  },
  seed: seedOffer,
};
