/**
 * Tables of the CPTS crisis protocol (docs/crisis.md), in the tensions subgraph's schema. A CPTS
 * (communauté professionnelle territoriale de santé) is a legal entity of its own, outside the
 * offer of care: its id is the perimeter id of CPTS role assignments (kind ORGANIZATION).
 * Professional ids are the professionals subgraph's (federation keys), never joined to its tables.
 */
import { bigserial, boolean, index, integer, jsonb, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { tensions } from '../tables.js';

export interface Commune {
  /** INSEE code of the commune. */
  code: string;
  name: string;
}

/** A CPTS, its territory, and the state of its crisis cell (level null: the cell is not active). */
export const cpts = tensions.table('cpts', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  departmentCode: text('department_code').notNull(),
  communes: jsonb('communes').$type<Commune[]>().notNull(),
  cellLevelCode: text('cell_level'),
  cellActivatedAt: timestamp('cell_activated_at', { withTimezone: true }),
  /** Optimistic concurrency of activation changes: the writer sends back the version it read. */
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The professionals who are members of the CPTS. */
export const cptsMembers = tensions.table(
  'cpts_member',
  {
    cptsId: text('cpts_id').notNull().references(() => cpts.id),
    professionalId: text('professional_id').notNull(),
    since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cptsId, t.professionalId] })],
);

/** Who sits in the crisis cell: CPTS members (professionalId) and partners (ARS, CPAM, town hall…). */
export const cellMembers = tensions.table('crisis_cell_member', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  cptsId: text('cpts_id').notNull().references(() => cpts.id),
  rank: integer('rank').notNull(),
  name: text('name').notNull(),
  function: text('function').notNull(),
  organisation: text('organisation').notNull(),
  professionalId: text('professional_id'),
});

/** Every activation, level change and deactivation of a cell, written with the change. */
export const activations = tensions.table(
  'crisis_activation',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    cptsId: text('cpts_id').notNull().references(() => cpts.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actor: text('actor').notNull(),
    /** ACTIVATED, LEVEL_CHANGED, DEACTIVATED. */
    action: text('action').notNull(),
    /** The level after the change; null once deactivated. */
    levelCode: text('level_code'),
    reason: text('reason'),
  },
  (t) => [index('crisis_activation_cpts_idx').on(t.cptsId, t.at)],
);

/** The inventory of mobilisable resources: people, premises, equipment. */
export const resources = tensions.table('crisis_resource', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  cptsId: text('cpts_id').notNull().references(() => cpts.id),
  /** PERSON, PREMISES, EQUIPMENT. */
  kind: text('kind').notNull(),
  label: text('label').notNull(),
  quantity: integer('quantity').notNull(),
  details: text('details'),
  professionalId: text('professional_id'),
  communeCode: text('commune_code'),
  available: boolean('available').notNull().default(true),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Thematic working groups, each with its referent. */
export const workingGroups = tensions.table('crisis_working_group', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  cptsId: text('cpts_id').notNull().references(() => cpts.id),
  theme: text('theme').notNull(),
  label: text('label').notNull(),
  referentName: text('referent_name').notNull(),
  referentProfessionalId: text('referent_professional_id'),
});

/** Meetings held by the cell (groupId null) or a working group: a follow-up indicator. */
export const meetings = tensions.table(
  'crisis_meeting',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    cptsId: text('cpts_id').notNull().references(() => cpts.id),
    groupId: integer('group_id'),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    recordedBy: text('recorded_by').notNull(),
    notes: text('notes'),
  },
  (t) => [index('crisis_meeting_cpts_idx').on(t.cptsId, t.heldAt)],
);

/** Shared organisational procedures, per alert level. */
export const procedures = tensions.table('crisis_procedure', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  cptsId: text('cpts_id').notNull().references(() => cpts.id),
  levelCode: text('level_code').notNull(),
  rank: integer('rank').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull(),
  owner: text('owner').notNull(),
});

/** A procedure set off during an activation: what the indicators count and time. */
export const procedureRuns = tensions.table(
  'crisis_procedure_run',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    procedureId: integer('procedure_id').notNull(),
    cptsId: text('cpts_id').notNull().references(() => cpts.id),
    triggeredAt: timestamp('triggered_at', { withTimezone: true }).notNull(),
    triggeredBy: text('triggered_by').notNull(),
    notes: text('notes'),
  },
  (t) => [index('crisis_procedure_run_cpts_idx').on(t.cptsId, t.triggeredAt)],
);

/** The communication plan: who is told what, through which channel, at which level (null: any). */
export const communications = tensions.table('crisis_communication', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  cptsId: text('cpts_id').notNull().references(() => cpts.id),
  levelCode: text('level_code'),
  rank: integer('rank').notNull(),
  audience: text('audience').notNull(),
  message: text('message').notNull(),
  channel: text('channel').notNull(),
  owner: text('owner').notNull(),
});

/** Figures sent from the field (data collection); their totals are the feedback to the field. */
export const fieldReports = tensions.table(
  'crisis_field_report',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    cptsId: text('cpts_id').notNull().references(() => cpts.id),
    indicator: text('indicator').notNull(),
    value: integer('value').notNull(),
    communeCode: text('commune_code'),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    author: text('author').notNull(),
    notes: text('notes'),
  },
  (t) => [index('crisis_field_report_cpts_idx').on(t.cptsId, t.reportedAt)],
);

/**
 * The edit log of the protocol: each change the coordinator makes to members, the cell, groups,
 * procedures, the communication plan and the inventory, with who, when and what changed, written
 * in the transaction of the change (the change feed is purged; this log is kept).
 */
export const protocolEdits = tensions.table(
  'crisis_protocol_edit',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    cptsId: text('cpts_id').notNull().references(() => cpts.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    /** CRISIS_CELL_MEMBER, CRISIS_WORKING_GROUP, CRISIS_PROCEDURE, CRISIS_COMMUNICATION, CRISIS_RESOURCE, CPTS_MEMBER. */
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    /** CREATED, UPDATED, REMOVED. */
    action: text('action').notNull(),
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
  },
  (t) => [index('crisis_protocol_edit_cpts_idx').on(t.cptsId, t.at)],
);

export type CptsRow = typeof cpts.$inferSelect;
export type CellMemberRow = typeof cellMembers.$inferSelect;
export type ActivationRow = typeof activations.$inferSelect;
export type ResourceRow = typeof resources.$inferSelect;
export type WorkingGroupRow = typeof workingGroups.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;
export type ProcedureRow = typeof procedures.$inferSelect;
export type ProcedureRunRow = typeof procedureRuns.$inferSelect;
export type CommunicationRow = typeof communications.$inferSelect;
export type FieldReportRow = typeof fieldReports.$inferSelect;
export type ProtocolEditRow = typeof protocolEdits.$inferSelect;
