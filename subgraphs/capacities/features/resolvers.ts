/** GraphQL resolvers of a unit's housing and equipment limits (schemas/capacities.features.graphql). */
import type { ResolverMap } from '../../../platform/resolver-maps.js';
import type { EquipmentLimitRow, ResidentialCapacityRow } from '../tables.js';
import { codingOf } from '../terminology.js';
import type { LimitInput, ResidentialInput } from './rules.js';
import type { PlaceFeatureFilter, PlaceFeatureSearch } from './search.js';
import type { FeatureService } from './service.js';

export interface FeatureContext {
  features: FeatureService;
  placeFeatureSearch: PlaceFeatureSearch;
}

type Ctx = FeatureContext;

export const featureResolvers: ResolverMap<Ctx> = {
  ResidentialCapacity: {
    type: (row: ResidentialCapacityRow) => codingOf('residentialType', row.residentialType),
  },
  EquipmentLimit: {
    feature: (row: EquipmentLimitRow) => codingOf('equipmentFeature', row.feature),
  },
  Unit: {
    residentialCapacities: (unit: { id: string }, _: unknown, ctx: Ctx) => ctx.features.residentialOf(unit.id),
    equipmentLimits: (unit: { id: string }, _: unknown, ctx: Ctx) => ctx.features.limitsOf(unit.id),
  },
  Query: {
    unitsWithPlaceFeatures: (_: unknown, args: { filter: PlaceFeatureFilter; unitIds?: string[] | null }, ctx: Ctx) => ctx.placeFeatureSearch(args.filter, args.unitIds),
  },
  Mutation: {
    setResidentialCapacities: (_: unknown, args: { unitId: string; capacities: ResidentialInput[] }, ctx: Ctx) => ctx.features.setResidential(args.unitId, args.capacities),
    setEquipmentLimits: (_: unknown, args: { unitId: string; limits: LimitInput[] }, ctx: Ctx) => ctx.features.setLimits(args.unitId, args.limits),
  },
};
