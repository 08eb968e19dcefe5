/**
 * Tables of the professionals subgraph, in its own Postgres schema `professionals`: people, where
 * they work, their accounts and role assignments, and the embedded OpenID provider's storage
 * (the hub's identity domain lives with the people it identifies).
 */
import { sql } from 'drizzle-orm';
import { mailOutboxColumns } from '../../platform/mail/outbox.js';
import { pgSchema, text, timestamp, primaryKey, uniqueIndex, index, integer, bigint, boolean, jsonb, serial, check } from 'drizzle-orm/pg-core';

export const professionals = pgSchema('professionals');

const createdAt = timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const people = professionals.table(
  'professional',
  {
    id: text('id').primaryKey(),
    /** Capitals, no accents nor hyphens (normalised by the service). */
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    /** F, M or null. */
    sex: text('sex'),
    professionCode: text('profession_code'),
    /** Specialty (TRE_R38 SpecialiteOrdinale code), for health professionals; optional. */
    specialtyCode: text('specialty_code'),
    /** RPPS (11 digits) or ADELI (9 characters) number, unique among health professionals. */
    rppsNumber: text('rpps_number'),
    /** Write-only: set with its right, never returned by any API; unique across professionals. */
    rescueEmail: text('rescue_email'),
    /** Function in the establishment ("Fonction dans l'établissement"), free text as the referents write it. */
    jobTitle: text('job_title'),
    /** Establishment e-mail (may be shared by a team); readable, unlike the rescue e-mail. */
    workEmail: text('work_email'),
    /** Work phone, at least the switchboard's: digits with an optional leading +. */
    workPhone: text('work_phone'),
    /** Secure-messaging (MSSanté) address: an e-mail address in a domain under mssante.fr. */
    mssanteAddress: text('mssante_address'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt,
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('professional_rpps_uq').on(t.rppsNumber),
    uniqueIndex('professional_rescue_email_uq').on(sql`lower(${t.rescueEmail})`),
    index('professional_archived_idx').on(t.archivedAt),
    // FHIR search (search-store.ts): change order and `_lastUpdated`, name prefixes, profession.
    index('professional_updated_idx').on(t.updatedAt, t.id),
    index('professional_last_name_idx').on(t.lastName.op('text_pattern_ops')),
    index('professional_first_name_idx').on(t.firstName.op('text_pattern_ops')),
    index('professional_profession_idx').on(t.professionCode),
  ],
);

/** Where a professional works: establishments (FINESS ET, a federation key of the offer subgraph). */
export const establishmentAssignments = professionals.table(
  'establishment_assignment',
  {
    professionalId: text('professional_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    establishmentId: text('establishment_id').notNull(),
    /**
     * TRE_R30 region of the establishment, as the offer gave it at the write (the professionals
     * subgraph holds no regions): a Practitioner's region tag is the one region all of these share,
     * searched by `_tag` in SQL. Null when the offer does not know the establishment, and on rows
     * older than migration 0010 until the region backfill (region-backfill.ts) fills them.
     */
    regionCode: text('region_code'),
  },
  (t) => [
    primaryKey({ columns: [t.professionalId, t.establishmentId] }),
    index('establishment_assignment_est_idx').on(t.establishmentId),
    index('establishment_assignment_region_idx').on(t.regionCode),
  ],
);

/**
 * Units a professional is attached to (unit ids of the offer subgraph), with the establishment
 * the unit belonged to when it was attached or last transferred: a unit keeps its id when it
 * moves to another establishment (D30), so its id prefix does not say where it is.
 */
export const unitAssignments = professionals.table(
  'unit_assignment',
  {
    professionalId: text('professional_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    unitId: text('unit_id').notNull(),
    establishmentId: text('establishment_id').notNull(),
    /**
     * How the person works in this unit (TRE_R23 ModeExercice: S salarié, L libéral, B bénévole,
     * I indirect), entered with the placement; null until someone says (IG modeExerciceOffre).
     */
    exerciseModeCode: text('exercise_mode_code'),
    /**
     * TRE_R30 region of the unit's establishment, as the offer gave it when the unit was placed or
     * transferred (the professionals subgraph holds no regions): the PractitionerRole's region tag,
     * searched by `_tag` in SQL. Null on rows older than migration 0010 until the region backfill (region-backfill.ts) fills them.
     */
    regionCode: text('region_code'),
    /**
     * The IG's identifiantSituationOperationnelle, assigned by the hub (a ROR) when the row is
     * created and never changed: placement writes update rows in place (record-writer.ts), so
     * a situation keeps it as long as the person stays in the unit. Served as `S` + 7 digits.
     */
    situationNumber: bigint('situation_number', { mode: 'number' }).notNull().generatedByDefaultAsIdentity(),
  },
  (t) => [
    primaryKey({ columns: [t.professionalId, t.unitId] }),
    uniqueIndex('unit_assignment_situation_number_idx').on(t.situationNumber),
    index('unit_assignment_region_idx').on(t.regionCode),
    index('unit_assignment_unit_idx').on(t.unitId),
    index('unit_assignment_establishment_idx').on(t.establishmentId),
  ],
);

/** A hub user account: one per professional at most. */
export const accounts = professionals.table(
  'account',
  {
    id: text('id').primaryKey(),
    professionalId: text('professional_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    login: text('login').notNull(),
    /** scrypt, as `scrypt$N$r$p$salt$hash` (base64url); null until the user creates a password. */
    passwordHash: text('password_hash'),
    enabled: boolean('enabled').notNull().default(true),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    createdAt,
  },
  (t) => [uniqueIndex('account_login_uq').on(sql`lower(${t.login})`), uniqueIndex('account_professional_uq').on(t.professionalId)],
);

/** Single-use password-creation links (only a hash of the token is kept). */
export const passwordTokens = professionals.table('password_token', {
  tokenHash: text('token_hash').primaryKey(),
  accountId: text('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt,
});

/**
 * Role assignments: a role (or a single right) on a perimeter. `perimeter_id` is null for
 * TRANSVERSAL; otherwise a FINESS EJ/ET, a unit id or a professional id.
 */
export const roleAssignments = professionals.table(
  'role_assignment',
  {
    id: serial('id').primaryKey(),
    professionalId: text('professional_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    role: text('role'),
    right: text('right'),
    perimeterKind: text('perimeter_kind').notNull(),
    perimeterId: text('perimeter_id'),
    grantedBy: text('granted_by'),
    grantedAt: createdAt,
  },
  (t) => [
    index('role_assignment_professional_idx').on(t.professionalId),
    check('role_assignment_role_or_right_ck', sql`(${t.role} is null) <> (${t.right} is null)`),
  ],
);

/** Trust-circle applications (OAuth clients authenticating with private_key_jwt). */
export const clients = professionals.table('client', {
  clientId: text('client_id').primaryKey(),
  name: text('name').notNull(),
  /** Public JWK set the client signs its assertions with. */
  jwks: jsonb('jwks').notNull(),
  /** Where the provider fetches the public JWK set instead (then `jwks` holds no key): keys rotate on the application's side. */
  jwksUri: text('jwks_uri'),
  scopes: text('scopes').array().notNull(),
  /** IG access profile 0–3. */
  accessLevel: integer('access_level').notNull(),
  /**
   * Where capacity.write and offer.write reach (docs/identity.md): FINESS ET of the establishments the
   * application writes for, or `*` alone for the whole region; null or empty: nowhere.
   */
  writeEstablishments: text('write_establishments').array(),
  enabled: boolean('enabled').notNull().default(true),
  createdAt,
});

/** Storage of the embedded OpenID provider (sessions, codes, grants, replay detection...). */
export const oidcPayloads = professionals.table(
  'oidc_payload',
  {
    model: text('model').notNull(),
    id: text('id').notNull(),
    payload: jsonb('payload').notNull(),
    grantId: text('grant_id'),
    userCode: text('user_code'),
    uid: text('uid'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.model, t.id] }), index('oidc_payload_grant_idx').on(t.grantId), index('oidc_payload_uid_idx').on(t.uid)],
);

/** Signing keys of the embedded provider (private JWKs), created once, shared by all processes. */
export const signingKeys = professionals.table('signing_key', {
  kid: text('kid').primaryKey(),
  jwk: jsonb('jwk').notNull(),
  createdAt,
});

/** Mails to send, written in the same transaction as the change that causes them. */
export const mailOutbox = professionals.table(
  'mail_outbox',
  mailOutboxColumns(),
  (t) => [index('mail_outbox_pending_idx').on(t.status, t.nextAttemptAt)],
);

export type ProfessionalRow = typeof people.$inferSelect;
export type AccountRow = typeof accounts.$inferSelect;
export type RoleAssignmentRow = typeof roleAssignments.$inferSelect;
export type ClientRow = typeof clients.$inferSelect;
