/** The offer-of-care subgraph: legal entities, establishments and units. */
import { defineSubgraph } from '../../platform/subgraph-module.js';
import { resolvers, type OfferContext } from './resolvers.js';
import { createOfferService } from './service.js';
import { createOfferStore } from './store.js';
import { seedOffer, type OfferSeed } from './seed.js';
import { finessImportRoute } from './finess/route.js';

export type { OfferSeed };

export const offerSubgraph = defineSubgraph<OfferContext, OfferSeed>({
  name: 'offer',
  sdl: new URL('../../schemas/offer.graphql', import.meta.url),
  migrations: new URL('./migrations', import.meta.url),
  resolvers,
  context: ({ db }) => {
    const store = createOfferStore(db.orm);
    return (_request, identity) => ({ identity, offer: createOfferService(store, identity) });
  },
  extend: async (app, { db }) => { await app.register(finessImportRoute, { db }); }, // POST /imports/finess
  seed: seedOffer,
});
