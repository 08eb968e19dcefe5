/** GraphQL resolvers of the offer subgraph: argument plumbing only; rules live in the service. */
import type { AssistanceInput } from './assistance.js';
import type { ResolverMap } from '../../platform/resolver-maps.js';
import { DateTime } from '../../platform/scalars.js';
import { departmentName } from '../../platform/admin-divisions.js';
import type { FastifyInstance } from 'fastify';
import type { Identity } from '../../platform/auth/identity.js';
import { CODE_SYSTEMS } from './codes.js';
import { zoneParts } from './editing/characteristics.js';
import type { ErrorReportFilter, FeedbackListArgs, FeedbackService } from './feedback.js';
import type { ErrorReportAnswer, ErrorReportDetails } from './error-reports.js';
import type { EstablishmentFilter, OfferService, UnitFilter } from './service.js';
import type { CodeSystemRow } from './store.js';
import type { EstablishmentPriceRow, EstablishmentRow, FeedbackRow, FeedbackSubjectType, OrganizationRow, PoleRow, TimeSlot, UnitContactRow, UnitRow } from './tables.js';

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
  details?: ErrorReportDetails | null;
}

interface PageArgs<F> {
  filter?: F | null;
  first?: number | null;
  after?: string | null;
}

type Ref = { id: string };
type ArchivedArgs = { includeArchived?: boolean | null };

/** Stored slots use FHIR daysOfWeek codes (mon…); the schema's DayOfWeek enum is upper case. */
const slots = (list: TimeSlot[]) => list.map((s) => ({ ...s, days: s.days.map((d) => d.toUpperCase()) }));

/** The street line and its parts, from an establishment's or a unit's own address columns. */
const streetOf = (a: EstablishmentRow | UnitRow) => ({
  line: a.addressLine,
  houseNumber: a.houseNumber,
  houseNumberSuffix: a.houseNumberSuffix,
  streetType: a.streetType,
  streetName: a.streetName,
  namedPlace: a.namedPlace,
  postBox: a.postBox,
});

function addressOf(e: EstablishmentRow) {
  return {
    ...streetOf(e),
    postalCode: e.postalCode,
    city: e.city,
    inseeCode: e.inseeCode,
    departmentCode: e.departmentCode,
    departmentName: departmentName(e.departmentCode),
    regionCode: e.regionCode,
    regionName: e.regionName,
  };
}

const positionOf = (p: { latitude: number | null; longitude: number | null }) =>
  p.latitude === null || p.longitude === null ? null : { latitude: p.latitude, longitude: p.longitude };

/** A unit has its own address when any of its address columns is set (all null otherwise). */
const hasOwnAddress = (u: UnitRow) => u.addressLine !== null || u.postalCode !== null || u.city !== null;

const optionalCoding = (ctx: OfferContext, system: string, code: string | null) => (code === null ? null : ctx.offer.coding(system, code));

export const resolvers: ResolverMap<OfferContext> = {
  DateTime,
  Query: {
    organization: (_: unknown, { id }: Ref, ctx: OfferContext) => ctx.offer.organization(id),
    establishment: (_: unknown, { id }: Ref, ctx: OfferContext) => ctx.offer.establishment(id),
    organizations: (_: unknown, args: PageArgs<never>, ctx: OfferContext) => ctx.offer.listOrganizations(args.first, args.after),
    establishments: (_: unknown, args: PageArgs<EstablishmentFilter>, ctx: OfferContext) =>
      ctx.offer.listEstablishments(args.filter ?? {}, args.first, args.after),
    unit: (_: unknown, { id }: Ref, ctx: OfferContext) => ctx.offer.unit(id),
    units: (_: unknown, args: PageArgs<UnitFilter>, ctx: OfferContext) => ctx.offer.listUnits(args.filter ?? {}, args.first, args.after),
    pole: (_: unknown, { id }: Ref, ctx: OfferContext) => ctx.offer.pole(id),
    codeSystems: (_: unknown, __: unknown, ctx: OfferContext) => ctx.offer.codeSystems(),
    codeSystem: (_: unknown, { id }: Ref, ctx: OfferContext) => ctx.offer.codeSystem(id),
    feedback: (_: unknown, args: FeedbackListArgs, ctx: OfferContext) => ctx.feedback.list(args),
    errorReport: (_: unknown, args: { id: string }, ctx: OfferContext) => ctx.feedback.errorReport(args.id),
    errorReports: (_: unknown, args: PageArgs<ErrorReportFilter>, ctx: OfferContext) => ctx.feedback.errorReports(args.filter, args.first, args.after),
  },
  Mutation: {
    reportError: (_: unknown, args: ReportErrorArgs, ctx: OfferContext) =>
      ctx.feedback.reportError(args.subjectType, args.subjectId, args.searchText, args.message, args.details),
    suggestTheme: (_: unknown, args: { message: string }, ctx: OfferContext) => ctx.feedback.suggestTheme(args.message),
    requestAssistance: (_: unknown, args: { input: AssistanceInput }, ctx: OfferContext) => ctx.feedback.requestAssistance(args.input),
    closeFeedback: (_: unknown, args: { id: string; note?: string | null }, ctx: OfferContext) => ctx.feedback.close(args.id, args.note),
    answerErrorReport: (_: unknown, args: { id: string; input: ErrorReportAnswer }, ctx: OfferContext) => ctx.feedback.answer(args.id, args.input),
  },
  Feedback: {
    subject: (f: FeedbackRow) => ({ type: f.subjectType, id: f.subjectId, searchText: f.searchText }),
    details: (f: FeedbackRow) =>
      f.kind === 'REPORT_ERROR' && f.subjectId !== null
        ? { ruleErrorId: f.ruleErrorId, errorValue: f.errorValue, proposedValue: f.proposedValue, pathElementError: f.pathElementError, systemRequester: f.systemRequester, identifierRequester: f.identifierRequester, focusType: f.focusType }
        : null,
    assistance: (f: FeedbackRow) => f.assistance,
  },
  FeedbackConnection: {
    totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount(),
  },
  Organization: {
    __resolveReference: (ref: Ref, ctx: OfferContext) => ctx.offer.organization(ref.id),
    finess: (o: OrganizationRow) => o.id,
    establishments: (o: OrganizationRow, _: unknown, ctx: OfferContext) => ctx.offer.establishmentsOf(o.id),
    legalStatus: (o: OrganizationRow, _: unknown, ctx: OfferContext) => optionalCoding(ctx, CODE_SYSTEMS.legalStatus, o.legalStatusCode),
  },
  Establishment: {
    __resolveReference: (ref: Ref, ctx: OfferContext) => ctx.offer.establishment(ref.id),
    finess: (e: EstablishmentRow) => e.id,
    category: (e: EstablishmentRow) => ({ system: CODE_SYSTEMS.finessCategory, code: e.categoryCode, display: e.categoryLabel }),
    organization: (e: EstablishmentRow, _: unknown, ctx: OfferContext) => ctx.offer.organization(e.organizationId),
    address: addressOf,
    position: positionOf,
    units: (e: EstablishmentRow, args: ArchivedArgs, ctx: OfferContext) => ctx.offer.unitsOf(e.id, Boolean(args.includeArchived)),
    poles: (e: EstablishmentRow, args: ArchivedArgs, ctx: OfferContext) => ctx.offer.polesOf(e.id, Boolean(args.includeArchived)),
    closingType: (e: EstablishmentRow, _: unknown, ctx: OfferContext) => (e.closingTypeCode === null ? null : ctx.offer.coding(CODE_SYSTEMS.closingType, e.closingTypeCode)),
    prices: (e: EstablishmentRow, _: unknown, ctx: OfferContext) => ctx.offer.pricesOf(e.id),
  },
  EstablishmentPrice: {
    type: (p: EstablishmentPriceRow, _: unknown, ctx: OfferContext) => ctx.offer.coding(CODE_SYSTEMS.priceType, p.priceTypeCode),
    unit: (p: EstablishmentPriceRow, _: unknown, ctx: OfferContext) => ctx.offer.coding(CODE_SYSTEMS.priceUnit, p.priceUnitCode),
    currency: () => 'EUR',
    dependencyLevel: (p: EstablishmentPriceRow, _: unknown, ctx: OfferContext) => optionalCoding(ctx, CODE_SYSTEMS.dependencyLevel, p.dependencyLevelCode),
    residentialType: (p: EstablishmentPriceRow, _: unknown, ctx: OfferContext) => optionalCoding(ctx, CODE_SYSTEMS.residentialType, p.residentialTypeCode),
    welcomeType: (p: EstablishmentPriceRow, _: unknown, ctx: OfferContext) => optionalCoding(ctx, CODE_SYSTEMS.welcomeType, p.welcomeTypeCode),
    specialPrice: (p: EstablishmentPriceRow, _: unknown, ctx: OfferContext) => optionalCoding(ctx, CODE_SYSTEMS.specialPrice, p.specialPriceCode),
  },
  Pole: {
    __resolveReference: (ref: Ref, ctx: OfferContext) => ctx.offer.pole(ref.id),
    establishment: (p: PoleRow, _: unknown, ctx: OfferContext) => ctx.offer.establishment(p.establishmentId),
    units: (p: PoleRow, args: ArchivedArgs, ctx: OfferContext) => ctx.offer.unitsOfPole(p.id, Boolean(args.includeArchived)),
  },
  UnitContact: {
    nature: (c: UnitContactRow, _: unknown, ctx: OfferContext) => ctx.offer.coding(CODE_SYSTEMS.contactNature, c.natureCode),
    channel: (c: UnitContactRow, _: unknown, ctx: OfferContext) => ctx.offer.coding(CODE_SYSTEMS.channel, c.channelCode),
    confidentiality: (c: UnitContactRow, _: unknown, ctx: OfferContext) => ctx.offer.coding(CODE_SYSTEMS.confidentiality, c.confidentialityCode),
  },
  CodeSystem: {
    codes: (s: CodeSystemRow, args: { includeDeprecated?: boolean | null }, ctx: OfferContext) =>
      ctx.offer.codesOfSystem(s.url, Boolean(args.includeDeprecated)),
  },
  Unit: {
    __resolveReference: (ref: Ref, ctx: OfferContext) => ctx.offer.unit(ref.id),
    establishment: (u: UnitRow, _: unknown, ctx: OfferContext) => ctx.offer.establishment(u.establishmentId),
    activityField: (u: UnitRow, _: unknown, ctx: OfferContext) => ctx.offer.coding(CODE_SYSTEMS.activityField, u.activityFieldCode),
    careMode: (u: UnitRow, _: unknown, ctx: OfferContext) => ctx.offer.coding(CODE_SYSTEMS.careMode, u.careModeCode),
    operationalActivities: (u: UnitRow, _: unknown, ctx: OfferContext) => ctx.offer.codings(CODE_SYSTEMS.operationalActivity, u.operationalActivityCodes),
    patientAge: (u: UnitRow) => ({ min: u.patientAgeMin, max: u.patientAgeMax }),
    specificActs: (u: UnitRow, _: unknown, ctx: OfferContext) => ctx.offer.codings(CODE_SYSTEMS.specificAct, u.specificActCodes),
    equipment: (u: UnitRow, _: unknown, ctx: OfferContext) => ctx.offer.codings(CODE_SYSTEMS.equipment, u.equipmentCodes),
    psychiatricSectors: (u: UnitRow) => u.psychiatricSectors,
    category: (u: UnitRow, _: unknown, ctx: OfferContext) => (u.categoryCode === null ? null : ctx.offer.coding(CODE_SYSTEMS.organisationCategory, u.categoryCode)),
    maternityType: (u: UnitRow, _: unknown, ctx: OfferContext) => (u.maternityTypeCode === null ? null : ctx.offer.coding(CODE_SYSTEMS.maternityType, u.maternityTypeCode)),
    annualOpening: (u: UnitRow, _: unknown, ctx: OfferContext) => (u.annualOpeningCode === null ? null : ctx.offer.coding(CODE_SYSTEMS.annualOpening, u.annualOpeningCode)),
    patientTypes: (u: UnitRow, _: unknown, ctx: OfferContext) => ctx.offer.codings(CODE_SYSTEMS.patientType, u.patientTypeCodes),
    interventionZones: (u: UnitRow, _: unknown, ctx: OfferContext) =>
      Promise.all(u.interventionZones.map(zoneParts).map(async ({ typeCode, code }) => ({ type: await ctx.offer.coding(CODE_SYSTEMS.territorialDivisionType, typeCode), code }))),
    closure: (u: UnitRow) => (u.closedFrom === null ? null : { from: u.closedFrom, reopening: u.reopeningOn, description: u.closureDescription }),
    entryTemplate: (u: UnitRow) => u.entryTemplate,
    pole: (u: UnitRow, _: unknown, ctx: OfferContext) => (u.poleId === null ? null : ctx.offer.pole(u.poleId)),
    contacts: (u: UnitRow, _: unknown, ctx: OfferContext) => ctx.offer.contactsOf(u.id),
    openingHours: (u: UnitRow) => slots(u.openingHours),
    visitingHours: (u: UnitRow) => slots(u.visitingHours),
    hasOwnAddress,
    /** Own address lines with the establishment's département and region, else the establishment's address. */
    address: async (u: UnitRow, _: unknown, ctx: OfferContext) => {
      const e = await ctx.offer.establishment(u.establishmentId);
      if (!e) return null;
      const base = addressOf(e);
      return hasOwnAddress(u) ? { ...base, ...streetOf(u), postalCode: u.postalCode, city: u.city, inseeCode: u.inseeCode } : base;
    },
    position: async (u: UnitRow, _: unknown, ctx: OfferContext) => {
      if (hasOwnAddress(u)) return positionOf(u);
      const e = await ctx.offer.establishment(u.establishmentId);
      return e ? positionOf(e) : null;
    },
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
  OrganizationConnection: {
    totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount(),
  },
};
