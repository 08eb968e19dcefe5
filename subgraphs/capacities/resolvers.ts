/** GraphQL resolvers of the capacities subgraph. */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { DateTime } from '../../platform/scalars.js';
import type { Identity } from '../../platform/auth/identity.js';
import type { CapacityService } from './service.js';

export interface CapacityContext {
  identity: Identity;
  capacities: CapacityService;
}

type Ref = { id: string };

export const resolvers: GraphQLResolverMap<CapacityContext> = {
  DateTime,
  Unit: {
    // The unit itself belongs to the offer subgraph: we only add its capacity.
    __resolveReference: (ref: Ref) => ({ id: ref.id }),
    capacity: (unit: Ref, _: unknown, ctx: CapacityContext) => ctx.capacities.capacityOf(unit.id),
  },
};
