/** Tables of the offer subgraph, in its own Postgres schema `offer`. */
import { pgSchema, text, integer, doublePrecision, boolean, timestamp, index, uniqueIndex, primaryKey, serial } from 'drizzle-orm/pg-core';
import { mailOutboxColumns } from '../../platform/mail/outbox.js';

export const offer = pgSchema('offer');

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** National code systems (NOS) known to the hub, with labels: coded fields are checked against it. */
export const codes = offer.table(
  'code',
  {
    system: text('system').notNull(),
    code: text('code').notNull(),
    display: text('display').notNull(),
  },
  (t) => [primaryKey({ columns: [t.system, t.code] })],
);

/** Legal entities (EJ), keyed by FINESS EJ number. */
export const organizations = offer.table('organization', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  ...stamps,
});

/** Geographic establishments (EG), keyed by FINESS ET number. */
export const establishments = offer.table(
  'establishment',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id').notNull().references(() => organizations.id),
    siret: text('siret'),
    name: text('name').notNull(),
    categoryCode: text('category_code').notNull(),
    categoryLabel: text('category_label').notNull(),
    addressLine: text('address_line'),
    postalCode: text('postal_code'),
    city: text('city'),
    inseeCode: text('insee_code'),
    departmentCode: text('department_code').notNull(),
    regionCode: text('region_code').notNull(),
    regionName: text('region_name'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    switchboardPhone: text('switchboard_phone'),
    ...stamps,
  },
  (t) => [index('establishment_organization_idx').on(t.organizationId), index('establishment_department_idx').on(t.departmentCode)],
);

/** Units (UO). `operational_activity_codes` are TRE_R211 codes. */
export const units = offer.table(
  'unit',
  {
    id: text('id').primaryKey(),
    establishmentId: text('establishment_id').notNull().references(() => establishments.id),
    name: text('name').notNull(),
    ufCode: text('uf_code').notNull(),
    kind: text('kind').notNull(),
    discipline: text('discipline').notNull(),
    activityFieldCode: text('activity_field_code').notNull(),
    careModeCode: text('care_mode_code').notNull(),
    operationalActivityCodes: text('operational_activity_codes').array().notNull(),
    patientAgeMin: integer('patient_age_min'),
    patientAgeMax: integer('patient_age_max'),
    sensitive: boolean('sensitive').notNull().default(false),
    archived: boolean('archived').notNull().default(false),
    ...stamps,
  },
  (t) => [uniqueIndex('unit_uf_code_uq').on(t.establishmentId, t.ufCode), index('unit_establishment_idx').on(t.establishmentId)],
);

export const FEEDBACK_KINDS = ['REPORT_ERROR', 'SUGGESTION', 'ASSISTANCE'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const FEEDBACK_SUBJECT_TYPES = ['ORGANIZATION', 'ESTABLISHMENT', 'UNIT', 'SEARCH', 'NONE'] as const;
export type FeedbackSubjectType = (typeof FEEDBACK_SUBJECT_TYPES)[number];
export const FEEDBACK_STATUSES = ['OPEN', 'CLOSED'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/**
 * Reports of errors (on a record or a search), theme suggestions and assistance requests sent by
 * hub users to the regional team (docs/feedback.md). The sender is copied from the identity.
 */
export const feedback = offer.table(
  'feedback',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').$type<FeedbackKind>().notNull(),
    subjectType: text('subject_type').$type<FeedbackSubjectType>().notNull(),
    /** FINESS EJ/ET number or unit id; null for SEARCH and NONE. */
    subjectId: text('subject_id'),
    /** The search criteria reported, as JSON text (SEARCH only). */
    searchText: text('search_text'),
    message: text('message').notNull(),
    /** Account id (token `sub`) of the sender. */
    senderSubject: text('sender_subject').notNull(),
    senderProfessionalId: text('sender_professional_id').notNull(),
    senderLogin: text('sender_login').notNull(),
    status: text('status').$type<FeedbackStatus>().notNull().default('OPEN'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Login of the team member who closed it. */
    closedBy: text('closed_by'),
    closingNote: text('closing_note'),
  },
  (t) => [index('feedback_status_idx').on(t.status, t.id)],
);

/** Mails of the subgraph (to the regional team), delivered by the platform mail worker. */
export const mailOutbox = offer.table('mail_outbox', mailOutboxColumns());

export type FeedbackRow = typeof feedback.$inferSelect;
export type OrganizationRow = typeof organizations.$inferSelect;
export type EstablishmentRow = typeof establishments.$inferSelect;
export type UnitRow = typeof units.$inferSelect;
export type CodeRow = typeof codes.$inferSelect;
