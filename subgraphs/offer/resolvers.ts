/** GraphQL resolvers of the offer subgraph: argument plumbing only; rules live in the service. */
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { DateTime } from '../../platform/scalars.js';
import type { FastifyInstance } from 'fastify';
import type { Identity } from '../../platform/auth/identity.js';
import { CODE_SYSTEMS } from './codes.js';
import type { FeedbackListArgs, FeedbackService } from './feedback.js';
import type { EstablishmentFilter, OfferService, UnitFilter } from './service.js';
import type { EstablishmentRow, FeedbackRow, FeedbackSubjectType, OrganizationRow, UnitRow } from './tables.js';

export interface OfferContext {
  identity: Identity;
  offer: OfferService;
  feedback: FeedbackService;
  /** The Fastify app serving the request, which mercurius adds to every context. */
  app?: FastifyInstance;
}

interface ReportErrorArgs {
  subjectType: FeedbackSubjectType;
  subjectId?: string | null;
  searchText?: string | null;
  message: string;
}

interface PageArgs<F> {
  filter?: F | null;
  first?: number | null;
  after?: string | null;
}

type Ref = { id: string };

export const resolvers: GraphQLResolverMap<OfferContext> = {
  DateTime,
  Query: {
    organization: (_: unknown, { id }: Ref, ctx: OfferContext) => ctx.offer.organization(id),
    establishment: (_: unknown, { id }: Ref, ctx: OfferContext) => ctx.offer.establishment(id),
    establishments: (_: unknown, args: PageArgs<EstablishmentFilter>, ctx: OfferContext) =>
      ctx.offer.listEstablishments(args.filter ?? {}, args.first, args.after),
    unit: (_: unknown, { id }: Ref, ctx: OfferContext) => ctx.offer.unit(id),
    units: (_: unknown, args: PageArgs<UnitFilter>, ctx: OfferContext) => ctx.offer.listUnits(args.filter ?? {}, args.first, args.after),
    feedback: (_: unknown, args: FeedbackListArgs, ctx: OfferContext) => ctx.feedback.list(args),
  },
  Mutation: {
    reportError: (_: unknown, args: ReportErrorArgs, ctx: OfferContext) =>
      ctx.feedback.reportError(args.subjectType, args.subjectId, args.searchText, args.message),
    suggestTheme: (_: unknown, args: { message: string }, ctx: OfferContext) => ctx.feedback.suggestTheme(args.message),
    requestAssistance: (_: unknown, args: { message: string }, ctx: OfferContext) => ctx.feedback.requestAssistance(args.message),
    closeFeedback: (_: unknown, args: { id: string; note?: string | null }, ctx: OfferContext) => ctx.feedback.close(args.id, args.note),
  },
  Feedback: {
    subject: (f: FeedbackRow) => ({ type: f.subjectType, id: f.subjectId, searchText: f.searchText }),
  },
  FeedbackConnection: {
    totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount(),
  },
  Organization: {
    __resolveReference: (ref: Ref, ctx: OfferContext) => ctx.offer.organization(ref.id),
    finess: (o: OrganizationRow) => o.id,
    establishments: (o: OrganizationRow, _: unknown, ctx: OfferContext) => ctx.offer.establishmentsOf(o.id),
  },
  Establishment: {
    __resolveReference: (ref: Ref, ctx: OfferContext) => ctx.offer.establishment(ref.id),
    finess: (e: EstablishmentRow) => e.id,
    category: (e: EstablishmentRow) => ({ system: CODE_SYSTEMS.finessCategory, code: e.categoryCode, display: e.categoryLabel }),
    organization: (e: EstablishmentRow, _: unknown, ctx: OfferContext) => ctx.offer.organization(e.organizationId),
    address: (e: EstablishmentRow) => ({
      line: e.addressLine,
      postalCode: e.postalCode,
      city: e.city,
      inseeCode: e.inseeCode,
      departmentCode: e.departmentCode,
      regionCode: e.regionCode,
      regionName: e.regionName,
    }),
    position: (e: EstablishmentRow) =>
      e.latitude === null || e.longitude === null ? null : { latitude: e.latitude, longitude: e.longitude },
    units: (e: EstablishmentRow, args: { includeArchived?: boolean | null }, ctx: OfferContext) =>
      ctx.offer.unitsOf(e.id, Boolean(args.includeArchived)),
  },
  Unit: {
    __resolveReference: (ref: Ref, ctx: OfferContext) => ctx.offer.unit(ref.id),
    establishment: (u: UnitRow, _: unknown, ctx: OfferContext) => ctx.offer.establishment(u.establishmentId),
    activityField: (u: UnitRow, _: unknown, ctx: OfferContext) => ctx.offer.coding(CODE_SYSTEMS.activityField, u.activityFieldCode),
    careMode: (u: UnitRow, _: unknown, ctx: OfferContext) => ctx.offer.coding(CODE_SYSTEMS.careMode, u.careModeCode),
    operationalActivities: (u: UnitRow, _: unknown, ctx: OfferContext) =>
      Promise.all(u.operationalActivityCodes.map((c) => ctx.offer.coding(CODE_SYSTEMS.operationalActivity, c))),
    patientAge: (u: UnitRow) => ({ min: u.patientAgeMin, max: u.patientAgeMax }),
  },
  EstablishmentEdge: {
    distanceKm: (e: { node: { distanceKm: number | null } }) => e.node.distanceKm,
  },
  UnitEdge: {
    distanceKm: (e: { node: { distanceKm: number | null } }) => e.node.distanceKm,
  },
  EstablishmentConnection: {
    totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount(),
  },
  UnitConnection: {
    totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount(),
  },
};
