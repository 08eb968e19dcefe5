/** Tables of the tensions subgraph, in its own Postgres schema `tensions`. */
import { pgSchema, text, timestamp, index } from 'drizzle-orm/pg-core';

export const tensions = pgSchema('tensions');

/** Hospital-in-tension declarations. `establishment_id` is the offer subgraph's FINESS ET (federation key). */
export const declarations = tensions.table(
  'declaration',
  {
    id: text('id').primaryKey(),
    establishmentId: text('establishment_id').notNull(),
    disciplineGroup: text('discipline_group').notNull(),
    level: text('level').notNull(),
    status: text('status').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('declaration_establishment_idx').on(t.establishmentId, t.startedAt)],
);

export type DeclarationRow = typeof declarations.$inferSelect;
