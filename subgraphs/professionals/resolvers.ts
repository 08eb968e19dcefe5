/** GraphQL resolvers of the professionals subgraph. */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { DateTime } from '../../platform/scalars.js';
import type { Identity } from '../../platform/auth/identity.js';
import type { ProfessionalService } from './service.js';
import type { ProfessionalRow } from './tables.js';

export interface ProfessionalContext {
  identity: Identity;
  professionals: ProfessionalService;
}

type Ref = { id: string };

export const resolvers: GraphQLResolverMap<ProfessionalContext> = {
  DateTime,
  Professional: {
    __resolveReference: (ref: Ref, ctx: ProfessionalContext) => ctx.professionals.professional(ref.id),
    profession: (p: ProfessionalRow, _: unknown, ctx: ProfessionalContext) => ctx.professionals.profession(p.professionCode),
    establishments: (p: ProfessionalRow, _: unknown, ctx: ProfessionalContext) => ctx.professionals.establishmentsOf(p.id),
    units: (p: ProfessionalRow, _: unknown, ctx: ProfessionalContext) => ctx.professionals.unitsOf(p.id),
  },
  Establishment: {
    __resolveReference: (ref: Ref) => ({ id: ref.id }),
    professionals: (e: Ref, _: unknown, ctx: ProfessionalContext) => ctx.professionals.ofEstablishment(e.id),
  },
  Unit: {
    __resolveReference: (ref: Ref) => ({ id: ref.id }),
    professionals: (u: Ref, _: unknown, ctx: ProfessionalContext) => ctx.professionals.ofUnit(u.id),
  },
};
