/**
 * Tables of the tensions subgraph, in its own Postgres schema `tensions` (docs/tensions.md).
 * Levels, discipline groups and the HET action repertoire are data, loaded at start-up from
 * levels.ts, discipline-groups.ts and repertoire.ts (idempotent), so a region relabels or extends
 * them without a code change to the declarations.
 */
import { pgSchema, text, integer, timestamp, index, bigserial, primaryKey, jsonb, boolean } from 'drizzle-orm/pg-core';

export const tensions = pgSchema('tensions');

/** Numbers of new declarations (`T10000`…): above the demo's T0001–T0099. */
export const declarationNumbers = tensions.sequence('declaration_number', { startWith: 10000 });

/** Tension levels, ordered by `rank` (VEILLE 0 … PLAN_BLANC_ELARGI 5); `label` is the national one. */
export const levels = tensions.table('level', {
  code: text('code').primaryKey(),
  rank: integer('rank').notNull(),
  label: text('label').notNull(),
  description: text('description').notNull(),
});

/** Regional RORs label the same level differently ("Plan blanc 2"): one row per relabelled level. */
export const levelLabels = tensions.table(
  'level_label',
  {
    regionCode: text('region_code').notNull(),
    levelCode: text('level_code').notNull().references(() => levels.code),
    label: text('label').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.levelCode] })],
);

/** Discipline groups a declaration concerns, each mapped to the offer's `Discipline` values. */
export const disciplineGroups = tensions.table('discipline_group', {
  code: text('code').primaryKey(),
  rank: integer('rank').notNull(),
  label: text('label').notNull(),
  disciplines: jsonb('disciplines').$type<string[]>().notNull(),
});

/** Categories of the HET action repertoire (FEDORU's action types). */
export const actionCategories = tensions.table('action_category', {
  code: text('code').primaryKey(),
  rank: integer('rank').notNull(),
  label: text('label').notNull(),
});

/** Actions an establishment may take in tension; retired ones stay for old timelines (`active` false). */
export const actions = tensions.table('het_action', {
  code: text('code').primaryKey(),
  categoryCode: text('category_code').notNull().references(() => actionCategories.code),
  rank: integer('rank').notNull(),
  label: text('label').notNull(),
  active: boolean('active').notNull().default(true),
});

/**
 * Hospital-in-tension declarations. `establishment_id` is the offer subgraph's FINESS ET (federation
 * key). The columns `level` and `discipline_group` hold the codes of the tables above (kept under
 * their first names: the 0001 migration turned the demo's labels into codes).
 */
export const declarations = tensions.table(
  'declaration',
  {
    id: text('id').primaryKey(),
    establishmentId: text('establishment_id').notNull(),
    disciplineGroupCode: text('discipline_group').notNull(),
    levelCode: text('level').notNull(),
    status: text('status').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Optimistic concurrency: the writer sends back the version it read. */
    version: integer('version').notNull().default(1),
    declaredBy: text('declared_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
  },
  (t) => [index('declaration_establishment_idx').on(t.establishmentId, t.startedAt), index('declaration_started_idx').on(t.startedAt)],
);

/** What happened to a declaration, in order: one row per change, written with the change. */
export const timelineEntries = tensions.table(
  'timeline_entry',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    declarationId: text('declaration_id').notNull().references(() => declarations.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** Login of the author (or `seed` for the demo data). */
    author: text('author').notNull(),
    /** DECLARED, LEVEL_CHANGED, DISCIPLINE_GROUP_CHANGED, ACTION_ADDED, CLOSED. */
    kind: text('kind').notNull(),
    actionCode: text('action_code').references(() => actions.code),
    /** The level and group after the entry (the state it led to). */
    levelCode: text('level_code').notNull(),
    disciplineGroupCode: text('discipline_group_code').notNull(),
    notes: text('notes'),
  },
  (t) => [index('timeline_declaration_idx').on(t.declarationId, t.id)],
);

export type DeclarationRow = typeof declarations.$inferSelect;
export type TimelineRow = typeof timelineEntries.$inferSelect;
export type LevelRow = typeof levels.$inferSelect;
export type DisciplineGroupRow = typeof disciplineGroups.$inferSelect;
export type ActionRow = typeof actions.$inferSelect;
export type ActionCategoryRow = typeof actionCategories.$inferSelect;
