/** Tables of the professionals subgraph, in its own Postgres schema `professionals`. */
import { pgSchema, text, timestamp, primaryKey, uniqueIndex, index } from 'drizzle-orm/pg-core';

export const professionals = pgSchema('professionals');

export const people = professionals.table(
  'professional',
  {
    id: text('id').primaryKey(),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    professionCode: text('profession_code'),
    rppsNumber: text('rpps_number'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('professional_rpps_uq').on(t.rppsNumber)],
);

/** Where a professional works: establishments (FINESS ET, a federation key of the offer subgraph). */
export const establishmentAssignments = professionals.table(
  'establishment_assignment',
  {
    professionalId: text('professional_id').notNull().references(() => people.id),
    establishmentId: text('establishment_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.professionalId, t.establishmentId] }), index('establishment_assignment_est_idx').on(t.establishmentId)],
);

/** Units a professional is attached to (unit ids of the offer subgraph). */
export const unitAssignments = professionals.table(
  'unit_assignment',
  {
    professionalId: text('professional_id').notNull().references(() => people.id),
    unitId: text('unit_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.professionalId, t.unitId] }), index('unit_assignment_unit_idx').on(t.unitId)],
);

export type ProfessionalRow = typeof people.$inferSelect;
