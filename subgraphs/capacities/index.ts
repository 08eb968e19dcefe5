/** The capacities subgraph: bed capacity and availability of units (docs/capacities.md). */
import { defineSubgraph } from '../../platform/subgraph-module.js';
import { createSubgraphClient } from '../../platform/subgraph-client.js';
import { resolvers, type CapacityContext } from './resolvers.js';
import { createCapacityService } from './service.js';
import { createReportService } from './report-service.js';
import { createCapacityStore } from './store.js';
import { createClosureStore } from './closures.js';
import { createSavedFilterStore } from './saved-filters.js';
import { seedCapacities, type CapacitySeed } from './seed.js';
import { capacityFeedRoute } from './feed-route.js';
import { capacityExportRoute } from './export-route.js';
import { scheduleSnapshots } from './snapshot-scheduler.js';
import { createCapacityChanges, subscriptionResolvers } from './subscription.js';
import { bedResolvers, createBedService, type BedContext } from './beds.js';
import { createFigureSearch, figureSearchResolvers, type FigureSearchContext } from './figure-search.js';
import { capacityMatchResolvers, createCapacityMatches, type CapacityMatchesContext } from './capacity-matches.js';
import { createPlaceFigures, placeFigureResolvers, type PlaceFiguresContext } from './place-figures.js';
import { createBedHoldService, holdResolvers, type BedHoldContext } from './holds.js';
import { territoryResolvers, type TerritoryContext } from './territory/resolvers.js';
import { createTerritoryService } from './territory/service.js';
import { createTerritoryStore } from './territory/store.js';
import { createBedDays } from './bed-days.js';
import { createTerritoryChanges } from './territory/subscription.js';
import { featureResolvers, type FeatureContext } from './features/resolvers.js';
import { createFeatureService } from './features/service.js';
import { createFeatureStore } from './features/store.js';
import { createPlaceFeatureSearch } from './features/search.js';
import { exportPageResolvers } from './export-page.js';

export type { CapacitySeed };

export const capacitiesSubgraph = defineSubgraph<CapacityContext & BedContext & FigureSearchContext & CapacityMatchesContext & BedHoldContext & PlaceFiguresContext & TerritoryContext & FeatureContext, CapacitySeed>({
  name: 'capacities',
  migrations: new URL('./migrations', import.meta.url),
  resolvers: {
    ...resolvers,
    ...subscriptionResolvers,
    ...bedResolvers,
    ...territoryResolvers,
    ...featureResolvers,
    JSON: exportPageResolvers.JSON,
    // schemas/capacities.search.graphql, .places, .territory, .features and .export.graphql
    Query: {
      ...(resolvers.Query as object),
      ...(figureSearchResolvers.Query as object),
      ...(capacityMatchResolvers.Query as object),
      ...(placeFigureResolvers.Query as object),
      ...(territoryResolvers.Query as object),
      ...(featureResolvers.Query as object),
      ...exportPageResolvers.Query,
    },
    Mutation: { ...(resolvers.Mutation as object), ...(holdResolvers.Mutation as object), ...(territoryResolvers.Mutation as object), ...(featureResolvers.Mutation as object) }, // internal bed holds (holds.ts)
    Subscription: { ...(subscriptionResolvers.Subscription as object), ...(territoryResolvers.Subscription as object) },
    Unit: { ...(resolvers.Unit as object), ...(territoryResolvers.Unit as object), ...(featureResolvers.Unit as object) },
    Establishment: { ...(bedResolvers.Establishment as object), ...(territoryResolvers.Establishment as object) },
  },
  context: ({ db, config, internalSecret, feed }) => {
    const store = createCapacityStore(db.orm);
    const closures = createClosureStore(db.orm);
    const filters = createSavedFilterStore(db.orm);
    // Units and their attributes belong to the offer subgraph: asked there, as the system identity.
    const client = createSubgraphClient(config, internalSecret);
    const capacityChanges = createCapacityChanges(feed, client);
    const territoryStore = createTerritoryStore(db.orm);
    const territoryChanges = createTerritoryChanges(feed, client);
    const featureStore = createFeatureStore(db.orm);
    return (_request, identity) => {
      // One per request: `capacityMatches` hands it the housing and limits its statement read.
      const features = createFeatureService({ store: featureStore, client }, identity);
      return {
      identity,
      capacityChanges,
      capacities: createCapacityService({ store, closures, client }, identity),
      reports: createReportService({ db, store, filters, client, closures }, identity),
      beds: createBedService({ store, client }, identity),
      figureSearch: createFigureSearch(db.orm, identity),
      capacityMatches: createCapacityMatches(db.orm, client, identity, features),
      bedHolds: createBedHoldService(store, identity),
      placeFigures: createPlaceFigures(db.orm, identity),
      territory: createTerritoryService({ store, territory: territoryStore, client }, identity),
      territoryChanges,
      bedDays: createBedDays(db.orm, identity),
      features,
      placeFeatureSearch: createPlaceFeatureSearch(db.orm, identity),
      };
    };
  },
  extend: async (app, { db, config, internalSecret, logger }) => {
    const client = createSubgraphClient(config, internalSecret);
    await app.register(capacityFeedRoute, { store: createCapacityStore(db.orm), client }); // POST /feeds/capacities
    await app.register(capacityExportRoute, { orm: db.orm }); // GET /exports/capacities/{date}.csv|.ndjson
    scheduleSnapshots(app, { db, client, logger: logger.child({ component: 'capacity-snapshot' }), time: config.snapshotTime, intervalMs: config.snapshotCheckMs });
  },
  seed: seedCapacities,
});
