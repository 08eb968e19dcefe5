/** GraphQL resolvers of the tensions subgraph. */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { DateTime } from '../../platform/scalars.js';
import type { Identity } from '../../platform/auth/identity.js';
import type { TensionService, TensionStatus } from './service.js';
import type { DeclarationRow } from './tables.js';

export interface TensionContext {
  identity: Identity;
  tensions: TensionService;
}

type Ref = { id: string };

export const resolvers: GraphQLResolverMap<TensionContext> = {
  DateTime,
  Tension: {
    __resolveReference: (ref: Ref, ctx: TensionContext) => ctx.tensions.tension(ref.id),
    establishment: (t: DeclarationRow) => ({ id: t.establishmentId }),
  },
  Establishment: {
    __resolveReference: (ref: Ref) => ({ id: ref.id }),
    tensions: (e: Ref, args: { status?: TensionStatus | null }, ctx: TensionContext) => ctx.tensions.tensionsOf(e.id, args.status),
  },
};
