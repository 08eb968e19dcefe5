/**
 * Tables of the HET follow-up part (docs/het-follow-up.md), in the tensions subgraph's schema:
 * manual alerts (« Nouvelle alerte »), and the ARS's internal record of a HET episode (its
 * procedure steps, RETEX and satisfaction survey), keyed by the declaration it follows.
 */
import { bigserial, index, integer, jsonb, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { declarations, tensions } from '../tables.js';

/** Numbers of new alerts (`A10000`…): above the demo's A0001–A0099. */
export const alertNumbers = tensions.sequence('alert_number', { startWith: 10000 });

/**
 * An alert raised by hand on an establishment (optionally one of its units), before or without a
 * declaration. OPEN until closed; closing says how it ended (a declaration followed, it resolved,
 * it was unfounded) and may name the declaration.
 */
export const alerts = tensions.table(
  'het_alert',
  {
    id: text('id').primaryKey(),
    establishmentId: text('establishment_id').notNull(),
    unitId: text('unit_id'),
    disciplineGroupCode: text('discipline_group').notNull(),
    reason: text('reason').notNull(),
    message: text('message').notNull(),
    status: text('status').notNull().default('OPEN'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedBy: text('acknowledged_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    closedBy: text('closed_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    outcome: text('outcome'),
    tensionId: text('tension_id').references(() => declarations.id),
    closingNotes: text('closing_notes'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('het_alert_establishment_idx').on(t.establishmentId, t.createdAt), index('het_alert_status_idx').on(t.status, t.createdAt)],
);

/** The ARS's follow-up of one declaration (one HET episode): opened, then closed. */
export const procedures = tensions.table('het_procedure', {
  tensionId: text('tension_id').primaryKey().references(() => declarations.id),
  status: text('status').notNull().default('OPEN'),
  openedBy: text('opened_by').notNull(),
  openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
  closedBy: text('closed_by'),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
});

/** A step of the ARS procedure (steps.ts), done once per episode: recording it again corrects it. */
export const procedureSteps = tensions.table(
  'het_procedure_step',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tensionId: text('tension_id').notNull().references(() => procedures.tensionId),
    step: text('step').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }).notNull(),
    doneBy: text('done_by').notNull(),
    notes: text('notes'),
  },
  (t) => [uniqueIndex('het_procedure_step_key').on(t.tensionId, t.step)],
);

/** The RETEX (lessons learned) of an episode: one per procedure, rewritten whole. */
export const retex = tensions.table('het_retex', {
  tensionId: text('tension_id').primaryKey().references(() => procedures.tensionId),
  heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
  participants: text('participants').notNull(),
  summary: text('summary').notNull(),
  strengths: text('strengths'),
  improvements: text('improvements'),
  recommendations: text('recommendations'),
  savedBy: text('saved_by').notNull(),
  savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Answers of the satisfaction survey of an episode (survey.ts): question code → value. */
export const surveys = tensions.table('het_survey', {
  tensionId: text('tension_id').primaryKey().references(() => procedures.tensionId),
  answers: jsonb('answers').$type<Record<string, string | number | boolean>>().notNull(),
  channel: text('channel').notNull(),
  respondent: text('respondent').notNull(),
  respondedAt: timestamp('responded_at', { withTimezone: true }).notNull().defaultNow(),
});

export type AlertRow = typeof alerts.$inferSelect;
export type ProcedureRow = typeof procedures.$inferSelect;
export type StepRow = typeof procedureSteps.$inferSelect;
export type RetexRow = typeof retex.$inferSelect;
export type SurveyRow = typeof surveys.$inferSelect;
