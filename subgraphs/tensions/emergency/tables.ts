/**
 * Emergency-activity tables of the tensions subgraph (schema `tensions`): minimised RPU passages,
 * daily indicators per emergency department, ED settings and alert proposals. See docs/emergency.md.
 */
import { boolean, date, doublePrecision, index, integer, primaryKey, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { tensions } from '../tables.js';

/**
 * One ED passage (RPU), minimised: only what the indicators need. No birth date, postal code,
 * commune, diagnosis or act is stored; `key` is a keyed hash (HMAC-SHA256 with this database's
 * secret) of FINESS + ENTREE + NAISSANCE + SEXE, so a re-sent passage updates its row.
 * Times are the RPU's Europe/Paris wall clock, stored as given (timestamp without time zone).
 */
export const rpuPassages = tensions.table(
  'rpu_passage',
  {
    key: text('key').primaryKey(),
    establishmentId: text('establishment_id').notNull(),
    enteredAt: timestamp('entered_at', { mode: 'date' }).notNull(),
    leftAt: timestamp('left_at', { mode: 'date' }),
    /** Age in whole years at entry (null when NAISSANCE is empty). */
    ageYears: smallint('age_years'),
    /** MODE_SORTIE 6/7/8/9, null when not filled. */
    exitMode: text('exit_mode'),
    /** ORIENT, kept to count UHCD stays apart. */
    orientation: text('orientation'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rpu_passage_establishment_idx').on(t.establishmentId, t.enteredAt)],
);

/** The random key of the passage hash, drawn once per database (one row, id 1). */
export const rpuKeys = tensions.table('rpu_key', {
  id: smallint('id').primaryKey(),
  secret: text('secret').notNull(),
});

/**
 * Daily indicators of one ED, recomputed from the passages of the days an import touches.
 * `source` HISTORY rows come from aggregated history (the demo's past years) with no passages.
 */
export const emergencyDays = tensions.table(
  'emergency_day',
  {
    establishmentId: text('establishment_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    visits: integer('visits').notNull(),
    visits75: integer('visits_75').notNull(),
    exitModeFilled: integer('exit_mode_filled').notNull(),
    /** MODE_SORTIE 6 or 7 (UHCD included). */
    admitted: integer('admitted').notNull(),
    /** Of which ORIENT = UHCD. */
    admittedUhcd: integer('admitted_uhcd').notNull(),
    /** Admitted passages with a length of stay in ]0, 72 h], and the sum of those stays in minutes. */
    admittedLosCount: integer('admitted_los_count').notNull(),
    admittedLosMinutes: integer('admitted_los_minutes').notNull(),
    present15: integer('present_15').notNull(),
    source: text('source').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.establishmentId, t.day] })],
);

/** Per-ED static figures: the reception capacity (patients installable at once) of the 15:00 load. */
export const emergencyDepartments = tensions.table('emergency_department', {
  establishmentId: text('establishment_id').primaryKey(),
  receptionCapacity: integer('reception_capacity').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by').notNull(),
});

/** A tension signal raised by detection, for the establishment and the ARS to acknowledge or dismiss. */
export const alertProposals = tensions.table(
  'alert_proposal',
  {
    id: text('id').primaryKey(),
    establishmentId: text('establishment_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    indicator: text('indicator').notNull(),
    value: doublePrecision('value').notNull(),
    threshold: doublePrecision('threshold').notNull(),
    referenceMean: doublePrecision('reference_mean'),
    referenceSd: doublePrecision('reference_sd'),
    /** 1, 2 or 3 SD above the mean; null for the beds-below-BJML signal. */
    band: smallint('band'),
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
    /** True when raised by the scheduled job, false by `detectTensions`. */
    scheduled: boolean('scheduled').notNull(),
  },
  (t) => [
    uniqueIndex('alert_proposal_day_idx').on(t.establishmentId, t.day, t.indicator),
    index('alert_proposal_status_idx').on(t.status, t.day),
  ],
);

export type RpuPassageRow = typeof rpuPassages.$inferSelect;
export type EmergencyDayRow = typeof emergencyDays.$inferSelect;
export type AlertProposalRow = typeof alertProposals.$inferSelect;
