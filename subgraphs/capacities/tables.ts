/** Tables of the capacities subgraph, in its own Postgres schema `capacities`. */
import { sql } from 'drizzle-orm';
import { pgSchema, text, integer, doublePrecision, timestamp, check, bigserial, jsonb, date, boolean, uuid, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';

export const capacities = pgSchema('capacities');

/**
 * Current capacity of a unit (docs/capacities.md). `unit_id` is the offer subgraph's unit id (a
 * federation key, no FK across schemas). `available_beds` stays the total of the three by-sex
 * figures, kept as a column because the FHIR adapter and older readers use it.
 */
export const unitCapacities = capacities.table(
  'unit_capacity',
  {
    unitId: text('unit_id').primaryKey(),
    nature: text('nature').notNull().default('BED'),
    installedBeds: integer('installed_beds').notNull(),
    availableBeds: integer('available_beds').notNull(),
    availableMen: integer('available_men').notNull().default(0),
    availableWomen: integer('available_women').notNull().default(0),
    availableUndifferentiated: integer('available_undifferentiated').notNull().default(0),
    closedBeds: integer('closed_beds').notNull().default(0),
    reopenedBeds: integer('reopened_beds').notNull().default(0),
    reopenableBeds: integer('reopenable_beds').notNull().default(0),
    mobilisedBeds: integer('mobilised_beds').notNull().default(0),
    notes: text('notes'),
    /** TRE_R336 code of the crisis the supplementary beds are opened for; null: none. */
    crisisType: text('crisis_type'),
    /** TRE_R337 code: beds set aside for a pathology or event (01 Aucune by default). */
    temporaryAssignment: text('temporary_assignment').notNull().default('01'),
    source: text('source').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('unit_capacity_installed_ck', sql`${t.installedBeds} >= 0`),
    check('unit_capacity_available_ck', sql`${t.availableBeds} >= 0`),
    // The database keeps the structural invariants too: a bug in the rules cannot store nonsense.
    check('unit_capacity_closed_ck', sql`${t.closedBeds} >= 0 and ${t.closedBeds} <= ${t.installedBeds}`),
    check('unit_capacity_reopened_ck', sql`${t.reopenedBeds} >= 0 and ${t.reopenedBeds} <= ${t.closedBeds}`),
    check('unit_capacity_reopenable_ck', sql`${t.reopenableBeds} >= 0 and ${t.reopenableBeds} <= ${t.closedBeds} - ${t.reopenedBeds}`),
    check('unit_capacity_mobilised_ck', sql`${t.mobilisedBeds} >= 0`),
    check('unit_capacity_by_sex_ck', sql`${t.availableMen} >= 0 and ${t.availableWomen} >= 0 and ${t.availableUndifferentiated} >= 0`),
    // FHIR Location _lastUpdated: the units whose capacity changed since an instant.
    index('unit_capacity_updated_idx').on(t.updatedAt),
    // FHIR crisis-type and temporary-assignement: the few units in a crisis or assigned, found without a scan.
    index('unit_capacity_crisis_idx').on(t.crisisType).where(sql`${t.crisisType} is not null`),
    index('unit_capacity_assignment_idx').on(t.temporaryAssignment),
  ],
);

export type UnitCapacityRow = typeof unitCapacities.$inferSelect;

/**
 * Every state a unit's capacity went through (the time series this subgraph owns), written in the
 * transaction of the change. `record` is the Capacity as the change feed's payload carries it.
 */
export const capacityHistory = capacities.table(
  'capacity_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: text('unit_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    record: jsonb('record').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('capacity_history_unit_idx').on(t.unitId, t.id)],
);

export const plannedClosures = capacities.table(
  'planned_closure',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: text('unit_id').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    beds: integer('beds').notNull(),
    reason: text('reason').notNull(),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by'),
  },
  (t) => [
    index('planned_closure_unit_idx').on(t.unitId, t.endDate),
    check('planned_closure_beds_ck', sql`${t.beds} > 0`),
    check('planned_closure_dates_ck', sql`${t.startDate} <= ${t.endDate}`),
  ],
);

export type PlannedClosureRow = typeof plannedClosures.$inferSelect;

/** Named synthesis searches, per account subject; the partial unique index allows one default each. */
export const savedFilters = capacities.table(
  'saved_filter',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subject: text('subject').notNull(),
    name: text('name').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    groupBy: jsonb('group_by').$type<string[]>().notNull(),
    view: text('view').notNull(),
    regionCode: text('region_code'),
    departmentCode: text('department_code'),
    establishmentId: text('establishment_id'),
    disciplines: jsonb('disciplines').$type<string[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('saved_filter_name_uq').on(t.subject, t.name),
    uniqueIndex('saved_filter_default_uq').on(t.subject).where(sql`${t.isDefault}`),
  ],
);

export type SavedFilterRow = typeof savedFilters.$inferSelect;

/** One row per day: the unique date makes the daily snapshot idempotent across processes. */
export const snapshots = capacities.table('capacity_snapshot', {
  day: date('day').primaryKey(),
  takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
  units: integer('units').notNull(),
});

export type SnapshotRow = typeof snapshots.$inferSelect;

/** The frozen lines of a snapshot, in export order (`position`: critical care first). */
export const snapshotRows = capacities.table(
  'capacity_snapshot_row',
  {
    day: date('day').notNull(),
    position: integer('position').notNull(),
    unitId: text('unit_id').notNull(),
    establishmentFiness: text('establishment_finess').notNull(),
    establishmentName: text('establishment_name').notNull(),
    unitName: text('unit_name').notNull(),
    ufCode: text('uf_code').notNull(),
    discipline: text('discipline').notNull(),
    departmentCode: text('department_code').notNull(),
    /** The Capacity record at snapshot time, as in capacity_history; null when none was ever entered. */
    record: jsonb('record').$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.day, t.position] })],
);

export type SnapshotLineRow = typeof snapshotRows.$inferSelect;

export type CapacityHistoryRow = typeof capacityHistory.$inferSelect;

/**
 * Beds held for accepted admission requests (docs/admissions.md § Requests). `synced_version` is
 * the capacity record's version the hold is in step with: hold and release writes carry it along,
 * any other write (staff, feed) leaves it behind, and then a release gives nothing back because
 * the new figures already count the bed.
 */
export const bedHolds = capacities.table(
  'bed_hold',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: text('unit_id').notNull(),
    /** WOMEN, MEN or UNDIFFERENTIATED: the figure lowered. */
    bucket: text('bucket').notNull(),
    until: timestamp('until', { withTimezone: true }).notNull(),
    reference: text('reference').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    syncedVersion: integer('synced_version').notNull(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    admitted: boolean('admitted'),
    restored: boolean('restored'),
  },
  (t) => [index('bed_hold_open_idx').on(t.unitId).where(sql`${t.releasedAt} is null`)],
);

export type BedHoldRow = typeof bedHolds.$inferSelect;

/**
 * Territorial bed management (docs/territory.md): how the territory reaches an establishment's bed
 * management, as coordinators keep it (contact, phone, the answer delay the establishment commits to).
 */
export const bedManagementContacts = capacities.table(
  'bed_management_contact',
  {
    establishmentId: text('establishment_id').primaryKey(),
    contact: text('contact').notNull(),
    phone: text('phone'),
    answerDelayMinutes: integer('answer_delay_minutes'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [check('bed_management_contact_delay_ck', sql`${t.answerDelayMinutes} is null or (${t.answerDelayMinutes} >= 0 and ${t.answerDelayMinutes} <= 10080)`)],
);

export type BedManagementContactRow = typeof bedManagementContacts.$inferSelect;

/**
 * What an establishment declares of its intra-hospital bed management, for the criteria of the
 * maturity index the hub cannot compute (territory/maturity.ts, decision D182). One row
 * per establishment, replaced as a whole by each declaration.
 */
export const bedManagementMaturity = capacities.table('bed_management_maturity', {
  establishmentId: text('establishment_id').primaryKey(),
  bedManager: boolean('bed_manager').notNull(),
  clearRole: boolean('clear_role').notNull(),
  serviceContinuity: boolean('service_continuity').notNull(),
  managementInvolved: boolean('management_involved').notNull(),
  toolsSystematic: boolean('tools_systematic').notNull(),
  steeringToolsUsed: boolean('steering_tools_used').notNull(),
  weeklyMeeting: boolean('weekly_meeting').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by').notNull(),
});

export type BedManagementMaturityRow = typeof bedManagementMaturity.$inferSelect;

/**
 * Bed blockers: one row per patient of a unit medically fit for discharge and waiting for a
 * downstream place (no patient identity: a count, a wait, a destination). Open while
 * `discharged_at` is null; kept afterwards for the waits' history.
 */
export const bedBlockers = capacities.table(
  'bed_blocker',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: text('unit_id').notNull(),
    destination: text('destination').notNull(),
    fitSince: date('fit_since').notNull(),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
    dischargedAt: timestamp('discharged_at', { withTimezone: true }),
    dischargedBy: text('discharged_by'),
  },
  (t) => [index('bed_blocker_open_idx').on(t.unitId).where(sql`${t.dischargedAt} is null`)],
);

export type BedBlockerRow = typeof bedBlockers.$inferSelect;

/**
 * Housing of a unit by type (IG ror-location-residential-capacity, ME CapaciteHabitation): the
 * medico-social places' rooms and flats. `count` is the IG's residentialNumber (0..1): null when
 * the type is offered but the number is not known.
 */
export const residentialCapacities = capacities.table(
  'residential_capacity',
  {
    unitId: text('unit_id').notNull(),
    /** TRE_R242 code. */
    residentialType: text('residential_type').notNull(),
    count: integer('count'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.residentialType] }),
    // FHIR residential-type / residential-number: the type first, then the number within it.
    index('residential_capacity_type_idx').on(t.residentialType, t.count),
    check('residential_capacity_count_ck', sql`${t.count} is null or (${t.count} >= 0 and ${t.count} <= 10000)`),
  ],
);

export type ResidentialCapacityRow = typeof residentialCapacities.$inferSelect;

/**
 * The extreme value one of the unit's specific equipments takes (IG ror-location-equipment-limit,
 * ME LimiteCaracteristiqueEquipement), e.g. a scanner for patients up to 250 kg. The equipment
 * (TRE_R212) is the offer subgraph's `Unit.equipment`; the value is in the feature's UCUM unit.
 */
export const equipmentLimits = capacities.table(
  'equipment_limit',
  {
    unitId: text('unit_id').notNull(),
    /** TRE_R212 code of the equipment. */
    equipmentType: text('equipment_type').notNull(),
    /** TRE_R340 code of the feature. */
    feature: text('feature').notNull(),
    value: doublePrecision('value').notNull(),
    /** UCUM code, fixed per feature (terminology.ts FEATURE_UNITS). */
    unit: text('unit').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.equipmentType, t.feature] }),
    // FHIR equipment-feature / limit-value: the feature first, then the value within it.
    index('equipment_limit_feature_idx').on(t.feature, t.value),
    check('equipment_limit_value_ck', sql`${t.value} > 0 and ${t.value} <= 100000`),
  ],
);

export type EquipmentLimitRow = typeof equipmentLimits.$inferSelect;
