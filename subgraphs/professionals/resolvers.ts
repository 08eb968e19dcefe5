/** GraphQL resolvers of the professionals subgraph: argument plumbing only; rules live in the services. */
import type { ResolverMap } from '../../platform/resolver-maps.js';
import type { FastifyInstance } from 'fastify';
import { DateTime } from '../../platform/scalars.js';
import type { Identity } from '../../platform/auth/identity.js';
import { exerciseModeCoding, professionCoding, specialtyCoding } from './codes.js';
import { effectiveRights } from './grants.js';
import { mutationResolvers } from './mutation-resolvers.js';
import { nationalNumberOf } from './normalize.js';
import type { ProfessionalFilter } from './reads.js';
import type { SearchArgs } from './search.js';
import type { ProfessionalService } from './service.js';
import type { ApplicationService } from './applications.js';
import { roleCatalogue, rightsCatalogue } from './catalogue.js';
import { situationIdentifier, type Situation } from './situations.js';
import type { ProfessionalView } from './store.js';
import type { RoleAssignmentRow } from './tables.js';

export interface ProfessionalContext {
  identity: Identity;
  professionals: ProfessionalService;
  /** Trust-circle applications (applications.ts); not per request: it holds no request state. */
  applications: ApplicationService;
  /** The Fastify app serving the request, which mercurius adds to every context. */
  app?: FastifyInstance;
}

type Ref = { id: string };
type Ctx = ProfessionalContext;

const numberOfKind = (p: ProfessionalView, kind: 'RPPS' | 'ADELI') => {
  const number = nationalNumberOf(p.rppsNumber);
  return number?.kind === kind ? number.value : null;
};

export const resolvers: ResolverMap<ProfessionalContext> = {
  DateTime,
  Sex: { FEMALE: 'F', MALE: 'M' },
  Query: {
    professional: (_: unknown, { id }: Ref, ctx: Ctx) => ctx.professionals.professional(ctx.identity, id),
    professionals: (_: unknown, args: { filter?: ProfessionalFilter | null; first?: number | null; after?: string | null }, ctx: Ctx) =>
      ctx.professionals.listProfessionals(ctx.identity, args.filter ?? {}, args.first, args.after),
    similarProfessionals: (_: unknown, args: { lastName: string; firstName: string }, ctx: Ctx) =>
      ctx.professionals.similarProfessionals(ctx.identity, args.lastName, args.firstName),
    me: (_: unknown, __: unknown, ctx: Ctx) => ctx.professionals.me(ctx.identity),
    accountGrants: (_: unknown, args: { accountId?: string | null; login?: string | null }, ctx: Ctx) =>
      ctx.professionals.accountGrants(ctx.identity, args.accountId, args.login),
    applicationGrants: (_: unknown, args: { clientId: string }, ctx: Ctx) => ctx.professionals.applicationGrants(ctx.identity, args.clientId),
    professionalsByIds: (_: unknown, { ids }: { ids: string[] }, ctx: Ctx) => ctx.professionals.professionalsByIds(ctx.identity, ids),
    professionalByNumber: (_: unknown, { number }: { number: string }, ctx: Ctx) => ctx.professionals.professionalByNumber(ctx.identity, number),
    professionalChanges: (_: unknown, args: { updatedSince?: Date | null; first?: number | null; after?: string | null }, ctx: Ctx) =>
      ctx.professionals.professionalChanges(ctx.identity, args.updatedSince, args.first, args.after),
    situation: (_: unknown, { id }: Ref, ctx: Ctx) => ctx.professionals.situation(ctx.identity, id),
    professionalSearch: (_: unknown, args: SearchArgs, ctx: Ctx) => ctx.professionals.professionalSearch(ctx.identity, args),
    situationSearch: (_: unknown, args: SearchArgs, ctx: Ctx) => ctx.professionals.situationSearch(ctx.identity, args),
    rightsCatalogue: (_: unknown, __: unknown, ctx: Ctx) => rightsCatalogue(ctx.identity),
    roleCatalogue: (_: unknown, __: unknown, ctx: Ctx) => roleCatalogue(ctx.identity),
    applications: (_: unknown, __: unknown, ctx: Ctx) => ctx.applications.listApplications(ctx.identity),
    situations: (_: unknown, args: { unitIds?: string[] | null; professionalIds?: string[] | null }, ctx: Ctx) =>
      ctx.professionals.situations(ctx.identity, args.unitIds ?? null, args.professionalIds ?? null),
  },
  Mutation: mutationResolvers,
  Professional: {
    __resolveReference: (ref: Ref, ctx: Ctx) => ctx.professionals.professional(ctx.identity, ref.id),
    profession: (p: ProfessionalView) => professionCoding(p.professionCode),
    specialty: (p: ProfessionalView) => specialtyCoding(p.specialtyCode),
    rppsNumber: (p: ProfessionalView) => numberOfKind(p, 'RPPS'),
    adeliNumber: (p: ProfessionalView) => numberOfKind(p, 'ADELI'),
    establishments: async (p: ProfessionalView, _: unknown, ctx: Ctx) => (await ctx.professionals.establishmentIdsOf(p.id)).map((id) => ({ id })),
    units: async (p: ProfessionalView, _: unknown, ctx: Ctx) =>
      (await ctx.professionals.visibleUnitIds(ctx.identity, await ctx.professionals.unitIdsOf(p.id))).map((id) => ({ id })),
    situations: (p: ProfessionalView, _: unknown, ctx: Ctx) => ctx.professionals.situationsOf(ctx.identity, p.id),
    account: (p: ProfessionalView, _: unknown, ctx: Ctx) => ctx.professionals.account(ctx.identity, p),
    lastLoginAt: (p: ProfessionalView, _: unknown, ctx: Ctx) => ctx.professionals.lastLoginAt(ctx.identity, p),
    roleAssignments: (p: ProfessionalView, _: unknown, ctx: Ctx) => ctx.professionals.roleAssignments(ctx.identity, p),
    defaultGrants: (p: ProfessionalView, _: unknown, ctx: Ctx) => ctx.professionals.defaultGrants(ctx.identity, p),
    archived: (p: ProfessionalView) => p.archivedAt !== null,
  },
  Situation: {
    professional: (s: Situation, _: unknown, ctx: Ctx) => ctx.professionals.professional(ctx.identity, s.professionalId),
    unit: (s: Situation) => ({ id: s.unitId }),
    establishment: (s: Situation) => ({ id: s.establishmentId }),
    exerciseMode: (s: Situation) => exerciseModeCoding(s.exerciseModeCode),
    identifier: (s: Situation) => situationIdentifier(s.situationNumber),
  },
  RoleAssignment: {
    id: (r: RoleAssignmentRow) => String(r.id),
    effectiveRights: (r: RoleAssignmentRow) => effectiveRights(r),
  },
  Establishment: {
    __resolveReference: (ref: Ref) => ({ id: ref.id }),
    professionals: (e: Ref, _: unknown, ctx: Ctx) => ctx.professionals.ofEstablishment(ctx.identity, e.id),
  },
  Unit: {
    __resolveReference: (ref: Ref) => ({ id: ref.id }),
    professionals: async (u: Ref, _: unknown, ctx: Ctx) => {
      const people = await ctx.professionals.ofUnit(ctx.identity, u.id);
      return (await ctx.professionals.seesUnitSituations(ctx.identity, u.id)) ? people : [];
    },
    soleProfessionals: (u: Ref, _: unknown, ctx: Ctx) => ctx.professionals.soleOfUnit(ctx.identity, u.id),
  },
  ProfessionalConnection: {
    totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount(),
  },
  SituationConnection: {
    totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount(),
  },
};
