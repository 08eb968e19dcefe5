/** Tables of the offer subgraph, in its own Postgres schema `offer`. */
import { sql } from 'drizzle-orm';
import { pgSchema, text, integer, doublePrecision, boolean, timestamp, index, uniqueIndex, primaryKey, serial, bigserial, jsonb, date, numeric } from 'drizzle-orm/pg-core';
import { mailOutboxColumns } from '../../platform/mail/outbox.js';

export const offer = pgSchema('offer');

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** National code systems (NOS) loaded from subgraphs/offer/terminology (one row per system). */
export const codeSystems = offer.table('code_system', {
  /** Canonical URL, e.g. https://mos.esante.gouv.fr/NOS/TRE_R210-ActeSpecifique/FHIR/TRE-R210-ActeSpecifique. */
  url: text('url').primaryKey(),
  /** NOS name, e.g. TRE_R210-ActeSpecifique. */
  name: text('name').notNull(),
  title: text('title').notNull(),
  /** Version of the NOS release the codes were taken from. */
  version: text('version').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Codes of the national code systems, with labels: coded fields are checked against it. */
export const codes = offer.table(
  'code',
  {
    system: text('system').notNull(),
    code: text('code').notNull(),
    display: text('display').notNull(),
    /** End of validity (NOS dateFin): refused for new values, still displayed on old records. */
    deprecatedOn: date('deprecated_on'),
  },
  (t) => [primaryKey({ columns: [t.system, t.code] })],
);

/**
 * The parts of a street address (ISO 21090 ADXP, as FINESS records them apart: numvoie, compvoie,
 * typvoie, voie, lieuditbp). `addressLine` stays the whole line as FINESS prints it.
 */
const addressParts = {
  /** numvoie: the number in the street. */
  houseNumber: text('house_number'),
  /** compvoie: the repetition index after the number (B bis, T ter, Q quater, or a letter). */
  houseNumberSuffix: text('house_number_suffix'),
  /** typvoie: the street type as FINESS codes it (TRE_R35 abbreviations: R, AV, BD, RTE…). */
  streetType: text('street_type'),
  /** voie: the street name, without its type. */
  streetName: text('street_name'),
  /** lieuditbp when it names a place (lieu-dit). */
  namedPlace: text('named_place'),
  /** lieuditbp when it is a post box (BP, CS, TSA). */
  postBox: text('post_box'),
};

/** Legal entities (EJ), keyed by FINESS EJ number. */
export const organizations = offer.table('organization', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** SIREN (9 digits): the first 9 digits of its establishments' SIRET. */
  siren: text('siren'),
  /** FINESS legal status (TRE_R72-FinessStatutJuridique). */
  legalStatusCode: text('legal_status_code'),
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
    ...addressParts,
    postalCode: text('postal_code'),
    city: text('city'),
    inseeCode: text('insee_code'),
    departmentCode: text('department_code').notNull(),
    regionCode: text('region_code').notNull(),
    regionName: text('region_name'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    switchboardPhone: text('switchboard_phone'),
    /** Fields the establishment referents keep current (docs/offer-records.md). */
    managementPhone: text('management_phone'),
    alertPhones: text('alert_phones').array().notNull().default([]),
    alertEmail: text('alert_email'),
    managementEmail: text('management_email'),
    website: text('website'),
    /** FINESS dateouv: opening date (IG organization-period start). */
    openedOn: date('opened_on'),
    /** FINESS closing date (IG organization-period end); null while open. */
    closedOn: date('closed_on'),
    /** FINESS closing type, TRE_R286 (IG ror-organization-closing-type); set with `closedOn`. */
    closingTypeCode: text('closing_type_code'),
    /** Helicopter landing zone on the site (IG zonePoser); null when not known. Kept by the referents. */
    dropZone: boolean('drop_zone'),
    ...stamps,
  },
  (t) => [
    index('establishment_organization_idx').on(t.organizationId),
    // Organization `closing-type`, `period-end` and `drop-zone` searches (docs/fhir-search.md).
    index('establishment_closing_idx').on(t.closingTypeCode).where(sql`${t.closingTypeCode} is not null`),
    index('establishment_closed_on_idx').on(t.closedOn).where(sql`${t.closedOn} is not null`),
    // On the text the search compares (`true`/`false`, the FHIR token's value).
    index('establishment_drop_zone_idx').on(sql`((${t.dropZone})::text)`).where(sql`${t.dropZone} is not null`),
    index('establishment_department_idx').on(t.departmentCode),
    // Structured searches (docs/fhir-search.md): true-radius prefilter, name and city search.
    index('establishment_earth_idx').using('gist', sql`ll_to_earth(${t.latitude}, ${t.longitude})`),
    index('establishment_name_trgm_idx').using('gin', sql`offer.fold(${t.name}) gin_trgm_ops`),
    index('establishment_updated_idx').on(t.updatedAt, t.id),
  ],
);

/**
 * Prices of an establishment (IG ror-organization-price: médico-social tariffs such as an EHPAD's
 * accommodation base and its dependency tariffs by GIR group). Coded fields hold codes of the
 * systems of codes.ts. Rewritten as a whole by `updateEstablishment(input: { prices })`.
 */
export const establishmentPrices = offer.table(
  'establishment_price',
  {
    id: serial('id').primaryKey(),
    establishmentId: text('establishment_id').notNull().references(() => establishments.id),
    /** Order of display, from 0. */
    position: integer('position').notNull(),
    /** TRE_R246 (JDV_J36). */
    priceTypeCode: text('price_type_code').notNull(),
    /** TRE_R228 (JDV_J205): per hour, day, month or unit. */
    priceUnitCode: text('price_unit_code').notNull(),
    /** In euros, to the cent. */
    amount: numeric('amount', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    /** Start of validity of this amount (IG dateDebutValiditeTarif). */
    validFrom: date('valid_from'),
    /** TRE_R237: GIR group of a dependency tariff. */
    dependencyLevelCode: text('dependency_level_code'),
    /** TRE_R242: room or flat type of an accommodation tariff. */
    residentialTypeCode: text('residential_type_code'),
    /** TRE_R240: temporary or permanent stay. */
    welcomeTypeCode: text('welcome_type_code'),
    /** TRE_R250: public tariff, or agreed for social aid. */
    specialPriceCode: text('special_price_code'),
  },
  (t) => [
    uniqueIndex('establishment_price_position_uq').on(t.establishmentId, t.position),
    // The price-* searches test any price of the establishment: each field indexed, then joined by establishment.
    index('establishment_price_type_idx').on(t.priceTypeCode, t.amount),
    index('establishment_price_amount_idx').on(t.amount),
    index('establishment_price_valid_from_idx').on(t.validFrom),
    index('establishment_price_dependency_idx').on(t.dependencyLevelCode).where(sql`${t.dependencyLevelCode} is not null`),
    index('establishment_price_residential_idx').on(t.residentialTypeCode).where(sql`${t.residentialTypeCode} is not null`),
    index('establishment_price_welcome_idx').on(t.welcomeTypeCode).where(sql`${t.welcomeTypeCode} is not null`),
    index('establishment_price_special_idx').on(t.specialPriceCode).where(sql`${t.specialPriceCode} is not null`),
  ],
);

/** Pôles: groups of units of one establishment. Archived, never deleted. */
export const poles = offer.table(
  'pole',
  {
    id: text('id').primaryKey(),
    establishmentId: text('establishment_id').notNull().references(() => establishments.id),
    name: text('name').notNull(),
    archived: boolean('archived').notNull().default(false),
    ...stamps,
  },
  (t) => [
    index('pole_establishment_idx').on(t.establishmentId),
    // Organization `oi-name` (the names of an establishment's pôles, docs/fhir-search.md).
    index('pole_name_trgm_idx').using('gin', sql`offer.fold(${t.name}) gin_trgm_ops`),
  ],
);

/** Days a time slot applies to (FHIR daysOfWeek codes). */
export const DAYS_OF_WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type DayOfWeek = (typeof DAYS_OF_WEEK)[number];

/**
 * One slot of opening or visiting hours: `allDay`, or from `opens` to `closes` ("HH:MM"); for
 * opening hours, optionally the dates (YYYY-MM-DD) the slot is in force from and until (IG
 * ror-available-time-effective-opening-closing-date). Older rows have no dates.
 */
export interface TimeSlot {
  days: DayOfWeek[];
  allDay: boolean;
  opens: string | null;
  closes: string | null;
  effectiveFrom?: string | null;
  effectiveUntil?: string | null;
}

/** Units (UO). Coded fields hold codes of the systems of codes.ts, checked against `code`. */
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
    /** Patientèle in years, both bounds always recorded: an open end is 0 or AGE_CEILING (D197). */
    patientAgeMin: integer('patient_age_min').notNull(),
    patientAgeMax: integer('patient_age_max').notNull(),
    sensitive: boolean('sensitive').notNull().default(false),
    archived: boolean('archived').notNull().default(false),
    poleId: text('pole_id').references(() => poles.id),
    /** Beds that can be open in tension or crisis (routine + extra); installed beds live in capacities. */
    sseCapacity: integer('sse_capacity'),
    /** TRE_R210 ActeSpecifique codes. */
    specificActCodes: text('specific_act_codes').array().notNull().default([]),
    /** TRE_R212 Equipement codes. */
    equipmentCodes: text('equipment_codes').array().notNull().default([]),
    /**
     * Psychiatric sectors the unit serves (IG secteurPsychiatrique, RG_RECH_10): département (2
     * characters, 3 overseas) + G (general adult) or I (intersector) + 2-digit number, e.g. 45G03.
     */
    psychiatricSectors: text('psychiatric_sectors').array().notNull().default([]),
    /** typeOffre: TRE_R244 CategorieOrganisation (HealthcareService.category). */
    categoryCode: text('category_code'),
    /** TRE_R253 TypeMaternite (a characteristic of maternity offers). */
    maternityTypeCode: text('maternity_type_code'),
    /** ouvertureAnnuelle: TRE_R238 OuvertureAnnuelle (characteristic[annualOpening]). */
    annualOpeningCode: text('annual_opening_code'),
    /** publicPrisEnCharge: TRE_R239 PublicPrisEnCharge codes (patient-type's supportedPatientInfo). */
    patientTypeCodes: text('patient_type_codes').array().notNull().default([]),
    /**
     * zoneIntervention (ror-territorial-division): `<TRE_R201 type>:<code>`, e.g. `2:45` (the
     * Loiret département), `3:45234` (a commune), `1:24` (a région).
     */
    interventionZones: text('intervention_zones').array().notNull().default([]),
    /** dateFermeture and datePrevisionnelleReouverture (notAvailable closingReopeningDate). */
    closedFrom: date('closed_from', { mode: 'string' }),
    reopeningOn: date('reopening_on', { mode: 'string' }),
    /** Why the offer is closed, free text (notAvailable.description, required by FHIR). */
    closureDescription: text('closure_description'),
    /** metadonnee.modeleSaisie: canonical `url|version` of the entry form (Questionnaire) used. */
    entryTemplate: text('entry_template'),
    openingHours: jsonb('opening_hours').$type<TimeSlot[]>().notNull().default([]),
    visitingHours: jsonb('visiting_hours').$type<TimeSlot[]>().notNull().default([]),
    accessDetails: text('access_details'),
    /** The unit's own address, only when it differs from its establishment's (all null otherwise). */
    addressLine: text('address_line'),
    ...addressParts,
    postalCode: text('postal_code'),
    city: text('city'),
    inseeCode: text('insee_code'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('unit_uf_code_uq').on(t.establishmentId, t.ufCode).where(sql`not ${t.archived}`),
    index('unit_establishment_idx').on(t.establishmentId),
    // Structured searches (docs/fhir-search.md): own positions, names, coded fields, last update.
    index('unit_earth_idx').using('gist', sql`ll_to_earth(${t.latitude}, ${t.longitude})`).where(sql`${t.latitude} is not null`),
    index('unit_name_trgm_idx').using('gin', sql`offer.fold(${t.name}) gin_trgm_ops`),
    index('unit_operational_activities_idx').using('gin', t.operationalActivityCodes),
    index('unit_specific_acts_idx').using('gin', t.specificActCodes),
    index('unit_equipment_idx').using('gin', t.equipmentCodes),
    index('unit_psychiatric_sectors_idx').using('gin', t.psychiatricSectors),
    index('unit_category_idx').on(t.categoryCode),
    index('unit_maternity_type_idx').on(t.maternityTypeCode),
    index('unit_annual_opening_idx').on(t.annualOpeningCode),
    index('unit_patient_types_idx').using('gin', t.patientTypeCodes),
    index('unit_intervention_zones_idx').using('gin', t.interventionZones),
    index('unit_closure_idx').on(t.closedFrom, t.reopeningOn).where(sql`${t.closedFrom} is not null`),
    index('unit_activity_care_mode_idx').on(t.activityFieldCode, t.careModeCode),
    index('unit_updated_idx').on(t.updatedAt, t.id),
  ],
);

/**
 * Contacts of a unit (IG ror-healthcareservice-contact): nature TRE_R287, channel TRE_R200,
 * confidentiality TRE_R283 (1 = open access; other levels hidden from public access profiles).
 */
export const unitContacts = offer.table(
  'unit_contact',
  {
    id: serial('id').primaryKey(),
    unitId: text('unit_id').notNull().references(() => units.id),
    /** Order of display, from 0. */
    position: integer('position').notNull(),
    natureCode: text('nature_code').notNull(),
    /** Free text function of the contact (e.g. "Cadre de santé"). */
    role: text('role'),
    channelCode: text('channel_code').notNull(),
    value: text('value').notNull(),
    confidentialityCode: text('confidentiality_code').notNull(),
  },
  (t) => [index('unit_contact_unit_idx').on(t.unitId, t.position)],
);

export const AUDIT_RECORD_TYPES = ['ORGANIZATION', 'ESTABLISHMENT', 'POLE', 'UNIT'] as const;
export type AuditRecordType = (typeof AUDIT_RECORD_TYPES)[number];

/**
 * Audit trail: who changed which record, when and what (field → { from, to }). Written in the
 * transaction of the change it records, never updated.
 */
export const auditEvents = offer.table(
  'audit_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    recordType: text('record_type').$type<AuditRecordType>().notNull(),
    recordId: text('record_id').notNull(),
    /** CREATE, UPDATE, ARCHIVE, REACTIVATE, TRANSFER, COPY, CHANGE_TYPE, IMPORT. */
    action: text('action').notNull(),
    /** Token subject (account or client id), or "cli" for the command line. */
    actorSubject: text('actor_subject').notNull(),
    /** Login, application name or "cli:<os user>". */
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
  },
  (t) => [index('audit_event_record_idx').on(t.recordType, t.recordId, t.id)],
);

export const FEEDBACK_KINDS = ['REPORT_ERROR', 'SUGGESTION', 'ASSISTANCE'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const FEEDBACK_SUBJECT_TYPES = ['ORGANIZATION', 'ESTABLISHMENT', 'UNIT', 'PROFESSIONAL', 'SITUATION', 'SEARCH', 'NONE'] as const;
export type FeedbackSubjectType = (typeof FEEDBACK_SUBJECT_TYPES)[number];
export const FEEDBACK_STATUSES = ['OPEN', 'CLOSED'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
/** How the regional team closed an error report (docs/feedback.md § FHIR Task): null when closed without saying. */
export const FEEDBACK_RESOLUTIONS = ['CORRECTED', 'REJECTED'] as const;
export type FeedbackResolution = (typeof FEEDBACK_RESOLUTIONS)[number];
export type FeedbackSenderKind = 'USER' | 'APPLICATION';

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
    /** A hub user or a trust-circle application (which has no professional id). */
    senderKind: text('sender_kind').$type<FeedbackSenderKind>().notNull().default('USER'),
    senderProfessionalId: text('sender_professional_id'),
    /** The user's login or the application's name. */
    senderLogin: text('sender_login').notNull(),
    status: text('status').$type<FeedbackStatus>().notNull().default('OPEN'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Login of the team member who closed it. */
    closedBy: text('closed_by'),
    closingNote: text('closing_note'),
    /** The FHIR type the report was made on (Task.focus), when made through FHIR: a unit is a HealthcareService or a Location. */
    focusType: text('focus_type'),
    /** The ror-task inputs (IG input-task-ror-codesystem), all optional. */
    ruleErrorId: text('rule_error_id'),
    errorValue: text('error_value'),
    proposedValue: text('proposed_value'),
    pathElementError: text('path_element_error'),
    systemRequester: text('system_requester'),
    identifierRequester: text('identifier_requester'),
    /** The regional team's answer (ror-task outputs, output-task-ror-codesystem). */
    resolution: text('resolution').$type<FeedbackResolution>(),
    newValue: text('new_value'),
    identifierAnalyst: text('identifier_analyst'),
    /** Professional id of the team member who closed it (Task.owner). */
    closedByProfessionalId: text('closed_by_professional_id'),
    /** Every change increments it (Task meta.versionId) and moves updated_at (meta.lastUpdated). */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** The assistance form's fields (ASSISTANCE only; feedback.ts AssistanceDetails), as the sender typed them, validated. */
    assistance: jsonb('assistance').$type<AssistanceDetails>(),
  },
  (t) => [index('feedback_status_idx').on(t.status, t.id), index('feedback_subject_idx').on(t.subjectType, t.subjectId)],
);

export const ASSISTANCE_TYPES = ['TECHNICAL', 'SEARCH', 'OTHER'] as const;
export type AssistanceType = (typeof ASSISTANCE_TYPES)[number];

/** The contact form of an assistance request (the deck's « Les demandes d'assistance »). */
export interface AssistanceDetails {
  lastName: string;
  firstName: string;
  phone: string | null;
  email: string;
  departmentCode: string;
  establishment: string;
  jobTitle: string;
  type: AssistanceType;
  subject: string;
}

/**
 * The quarterly series of the population indicators (docs/population-indicators.md § Quarterly
 * series): per quarter, level, area and sector (`ALL` for all sectors together), the counts the
 * rates and band derive from. The scheduled job rewrites the current quarter's rows only, so a
 * past quarter keeps the figures of its last run: its closing value.
 */
export const populationSnapshots = offer.table(
  'population_snapshot',
  {
    /** `YYYY-Qn`, the quarter of the Paris date of the run. */
    quarter: text('quarter').notNull(),
    level: text('level').notNull(),
    areaCode: text('area_code').notNull(),
    sector: text('sector').notNull(),
    establishments: integer('establishments').notNull(),
    populated: integer('populated').notNull(),
    quality: integer('quality').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.quarter, t.level, t.areaCode, t.sector] })],
);

export type PopulationSnapshotRow = typeof populationSnapshots.$inferSelect;

/** Mails of the subgraph (to the regional team), delivered by the platform mail worker. */
export const mailOutbox = offer.table('mail_outbox', mailOutboxColumns());

export type FeedbackRow = typeof feedback.$inferSelect;
export type OrganizationRow = typeof organizations.$inferSelect;
export type EstablishmentRow = typeof establishments.$inferSelect;
export type UnitRow = typeof units.$inferSelect;
export type CodeRow = typeof codes.$inferSelect;
export type PoleRow = typeof poles.$inferSelect;
export type EstablishmentPriceRow = typeof establishmentPrices.$inferSelect;
export type UnitContactRow = typeof unitContacts.$inferSelect;
export type AuditEventRow = typeof auditEvents.$inferSelect;
