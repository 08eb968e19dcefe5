/** GraphQL resolvers of the population indicators: argument plumbing only (rules in service.ts). */
import type { ResolverMap } from '../../../platform/resolver-maps.js';
import type { Identity } from '../../../platform/auth/identity.js';
import type { IndicatorArgs, PopulationService } from './service.js';
import type { HistoryArgs, PopulationSeries } from './series.js';

/** What these resolvers need in the subgraph's context. */
export interface PopulationContext {
  identity: Identity;
  population: PopulationService;
  populationSeries: PopulationSeries;
}

export const populationResolvers: ResolverMap<PopulationContext> = {
  Query: {
    populationIndicators: (_: unknown, args: IndicatorArgs, ctx: PopulationContext) => ctx.population.indicators(args),
    establishmentPopulation: (_: unknown, { id }: { id: string }, ctx: PopulationContext) => ctx.population.establishment(id),
    populationHistory: (_: unknown, args: HistoryArgs, ctx: PopulationContext) => ctx.populationSeries.history(args),
  },
  // PopulationIndicator, PopulationFailure, UnitPopulation and EstablishmentPopulation are plain
  // objects shaped like their types; `unit` and `establishment` are rows the offer resolvers read.
};

/** The subgraph's resolver map with the population queries added (Query merged, nothing replaced). */
export function withPopulation<C>(base: ResolverMap<C>): ResolverMap<C & PopulationContext> {
  const query = (base.Query ?? {}) as Record<string, unknown>;
  for (const field of Object.keys(populationResolvers.Query as object)) {
    if (field in query) throw new Error(`Query.${field} is resolved twice`);
  }
  return { ...base, Query: { ...query, ...(populationResolvers.Query as object) } } as ResolverMap<C & PopulationContext>;
}
