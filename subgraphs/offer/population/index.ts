/** Population (peuplement) indicators of the offer subgraph: what index.ts wires in. */
export { createPopulationStore } from './store.js';
export { createPopulationService } from './service.js';
export { withPopulation, type PopulationContext } from './resolvers.js';
export { createPopulationSeries, startPopulationSnapshots } from './series.js';
