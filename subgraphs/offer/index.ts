/** The offer-of-care subgraph: legal entities, establishments and units. */
import { defineSubgraph } from '../../platform/subgraph-module.js';
import { resolvers, type OfferContext } from './resolvers.js';
import { createOfferService } from './service.js';
import { createOfferStore } from './store.js';
import { seedOffer, type OfferSeed } from './seed.js';
import { finessImportRoute } from './finess/route.js';
import { createFeedbackService } from './feedback.js';
import { nudgeFeedbackMail, startFeedbackMail } from './feedback-mail.js';

export type { OfferSeed };

export const offerSubgraph = defineSubgraph<OfferContext, OfferSeed>({
  name: 'offer',
  sdl: new URL('../../schemas/offer.graphql', import.meta.url),
  migrations: new URL('./migrations', import.meta.url),
  resolvers,
  context: ({ db, config }) => {
    const store = createOfferStore(db.orm);
    return (request, identity) => ({
      identity,
      offer: createOfferService(store, identity),
      feedback: createFeedbackService(db.orm, store, identity, config.regionalTeamEmail, () => nudgeFeedbackMail(request.server)),
    });
  },
  extend: async (app, deps) => {
    await app.register(finessImportRoute, { db: deps.db }); // POST /imports/finess
    startFeedbackMail(app, deps); // delivers the team's mails (docs/feedback.md)
  },
  seed: seedOffer,
});
