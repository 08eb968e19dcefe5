/** Tables of the capacities subgraph, in its own Postgres schema `capacities`. */
import { sql } from 'drizzle-orm';
import { pgSchema, text, integer, timestamp, check } from 'drizzle-orm/pg-core';

export const capacities = pgSchema('capacities');

/** Current capacity of a unit. `unit_id` is the offer subgraph's unit id (a federation key, no FK across schemas). */
export const unitCapacities = capacities.table(
  'unit_capacity',
  {
    unitId: text('unit_id').primaryKey(),
    installedBeds: integer('installed_beds').notNull(),
    availableBeds: integer('available_beds').notNull(),
    source: text('source').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('unit_capacity_installed_ck', sql`${t.installedBeds} >= 0`),
    check('unit_capacity_available_ck', sql`${t.availableBeds} >= 0`),
  ],
);

export type UnitCapacityRow = typeof unitCapacities.$inferSelect;
