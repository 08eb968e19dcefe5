/**
 * Tables of the admissions subgraph, in its own Postgres schema `admissions` (docs/admissions.md).
 * A request is sent to one or several units (`request_target`, one row each); every transition
 * is an `request_event` row. Patient name and clinical summary are stored encrypted (crypto.ts).
 */
import { pgSchema, text, integer, timestamp, index, bigserial, primaryKey, jsonb } from 'drizzle-orm/pg-core';

export const admissions = pgSchema('admissions');

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const requests = admissions.table(
  'request',
  {
    id: text('id').primaryKey(),
    /** PENDING, ACCEPTED, COMPLETED, REFUSED, CANCELLED, EXPIRED (schemas/admissions.graphql). */
    status: text('status').notNull(),
    version: integer('version').notNull().default(1),
    patientAge: integer('patient_age').notNull(),
    patientSex: text('patient_sex').notNull(),
    discipline: text('discipline'),
    activityCode: text('activity_code'),
    urgency: text('urgency').notNull(),
    wishedAt: at('wished_at'),
    /** AES-256-GCM, base64 of iv ‖ tag ‖ ciphertext. */
    clinicalSummaryEnc: text('clinical_summary_enc').notNull(),
    patientNameEnc: text('patient_name_enc'),
    callbackContact: text('callback_contact').notNull(),
    /** USER or APPLICATION. */
    requesterKind: text('requester_kind').notNull(),
    /** The token subject: who may follow and cancel the request. */
    requesterSubject: text('requester_subject').notNull(),
    requesterName: text('requester_name').notNull(),
    requesterProfessionalId: text('requester_professional_id'),
    onBehalfOf: text('on_behalf_of'),
    acceptedUnitId: text('accepted_unit_id'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
    closedAt: at('closed_at'),
  },
  (t) => [
    index('request_status_expires_idx').on(t.status, t.expiresAt),
    index('request_requester_idx').on(t.requesterSubject, t.createdAt),
    index('request_closed_idx').on(t.closedAt),
    index('request_created_idx').on(t.createdAt),
  ],
);

export const requestTargets = admissions.table(
  'request_target',
  {
    requestId: text('request_id').notNull().references(() => requests.id, { onDelete: 'cascade' }),
    unitId: text('unit_id').notNull(),
    /** FINESS ET and EJ of the unit when the request was sent: who may answer, without asking the offer again. */
    establishmentId: text('establishment_id').notNull(),
    organizationId: text('organization_id').notNull(),
    /** PENDING, ACCEPTED, REFUSED, PROPOSED, WITHDRAWN, COMPLETED. */
    status: text('status').notNull(),
    answer: text('answer'),
    refusalReason: text('refusal_reason'),
    comment: text('comment'),
    proposedAt: at('proposed_at'),
    /** The capacities subgraph's hold, while a bed is held for the patient. */
    holdId: text('hold_id'),
    bedHeldUntil: at('bed_held_until'),
    answeredBy: text('answered_by'),
    answeredAt: at('answered_at'),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.unitId] }),
    index('request_target_unit_idx').on(t.unitId),
    index('request_target_establishment_idx').on(t.establishmentId),
    index('request_target_organization_idx').on(t.organizationId),
    index('request_target_held_idx').on(t.bedHeldUntil),
  ],
);

export const requestEvents = admissions.table(
  'request_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: text('request_id').notNull().references(() => requests.id, { onDelete: 'cascade' }),
    at: at('at').notNull().defaultNow(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    unitId: text('unit_id'),
    address: text('address'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [index('request_event_request_idx').on(t.requestId, t.id)],
);

/** Settings the subgraph keeps for itself: the data key outside production (docs/admissions.md). */
export const settings = admissions.table('setting', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export type RequestRow = typeof requests.$inferSelect;
export type RequestTargetRow = typeof requestTargets.$inferSelect;
export type RequestEventRow = typeof requestEvents.$inferSelect;
