/** The offer-of-care subgraph: legal entities, establishments and units. */
import { defineSubgraph } from '../../platform/subgraph-module.js';
import { resolvers, type OfferContext } from './resolvers.js';
import { createOfferService } from './service.js';
import { createOfferStore } from './store.js';
import { withLabelCache } from './label-cache.js';
import { seedOffer, type OfferSeed } from './seed.js';
import { finessImportRoute } from './finess/route.js';
import { createFeedbackService } from './feedback.js';
import { createProfessionalsPort } from './editing/professionals.js';
import { createSubgraphClient } from '../../platform/subgraph-client.js';
import { nudgeFeedbackMail, startFeedbackMail } from './feedback-mail.js';
import { createPopulationSeries, createPopulationService, createPopulationStore, startPopulationSnapshots, withPopulation, type PopulationContext } from './population/index.js';
import { syncTerminology } from './terminology/load.js';
import { editingContext, withEditing, type EditingContext } from './editing/resolvers.js';
import { createStructuredSearch, withStructuredSearch, type StructuredSearchContext } from './structured-search.js';
import { createPlaces, withPlaces, type PlacesContext } from './places.js';
import { withExportPage } from './export-page.js';

export type { OfferSeed };

export const offerSubgraph = defineSubgraph<OfferContext & PopulationContext & EditingContext & StructuredSearchContext & PlacesContext, OfferSeed>({
  name: 'offer',
  migrations: new URL('./migrations', import.meta.url),
  resolvers: withExportPage(withPlaces(withStructuredSearch(withEditing(withPopulation(resolvers))))),
  context: (deps) => {
    const { db, config } = deps;
    const editing = editingContext(deps); // docs/offer-editing.md
    const store = withLabelCache(createOfferStore(db.orm)); // labels kept in the process (label-cache.ts)
    const populationStore = createPopulationStore(db.orm);
    // Reports on professionals ask the professionals subgraph whether the record exists (feedback.ts).
    const professionals = createProfessionalsPort(createSubgraphClient(config, deps.internalSecret));
    return (request, identity) => ({
      identity,
      offer: createOfferService(store, identity),
      population: createPopulationService(populationStore, identity), // docs/population-indicators.md
      populationSeries: createPopulationSeries(db.orm, identity), // its quarterly series, kept by the job below
      editing: editing(identity),
      structuredSearch: createStructuredSearch(db.orm, identity), // schemas/offer.search.graphql
      places: createPlaces(db.orm, identity), // schemas/offer.places.graphql (the admissions' place search)
      feedback: createFeedbackService(db.orm, store, identity, config.regionalTeamEmail, () => nudgeFeedbackMail(request.server), professionals),
    });
  },
  extend: async (app, deps) => {
    // National code systems from terminology/: skipped when already loaded at the files' version.
    const terminology = await syncTerminology(deps.db);
    if (terminology.loaded.length) deps.logger.info({ loaded: terminology.loaded }, 'terminology loaded');
    await app.register(finessImportRoute, { db: deps.db }); // POST /imports/finess
    startFeedbackMail(app, deps); // delivers the team's mails (docs/feedback.md)
    const stopSnapshots = startPopulationSnapshots(deps.db, deps.logger); // the quarterly population series
    app.addHook('onClose', () => stopSnapshots());
  },
  seed: seedOffer,
});
