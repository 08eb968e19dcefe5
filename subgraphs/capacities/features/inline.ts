/**
 * A unit's housing and equipment limits read inside another statement, as JSON columns of its
 * rows: `capacityMatches` answers a search page's records with them (D230), so that a
 * page costs one statement in the capacities instead of three in two waves. Same rows, same order
 * as the store's reads (store.ts), turned back into the store's row types.
 */
import { sql, type SQL } from 'drizzle-orm';
import { equipmentLimits as l, residentialCapacities as r, type EquipmentLimitRow, type ResidentialCapacityRow } from '../tables.js';

/** JSON arrays of positional tuples: the column names do not travel with every row. */
export const residentialJson = (unitId: SQL): SQL =>
  sql`(select coalesce(json_agg(json_build_array(${r.residentialType}, ${r.count}, ${r.updatedAt}, ${r.updatedBy}) order by ${r.residentialType}), '[]') from ${r} where ${r.unitId} = ${unitId})`;

export const limitsJson = (unitId: SQL): SQL =>
  sql`(select coalesce(json_agg(json_build_array(${l.equipmentType}, ${l.feature}, ${l.value}, ${l.unit}, ${l.updatedAt}, ${l.updatedBy}) order by ${l.equipmentType}, ${l.feature}), '[]') from ${l} where ${l.unitId} = ${unitId})`;

/** The driver answers `json` parsed (node-postgres and PGlite); a timestamp comes as ISO text, cut to the millisecond as the driver cuts it. */
export const residentialRows = (unitId: string, json: unknown): ResidentialCapacityRow[] =>
  (json as Array<[string, number | null, string, string]>).map(([residentialType, count, updatedAt, updatedBy]) => ({
    unitId,
    residentialType,
    count,
    updatedAt: new Date(updatedAt),
    updatedBy,
  }));

export const limitRows = (unitId: string, json: unknown): EquipmentLimitRow[] =>
  (json as Array<[string, string, number, string, string, string]>).map(([equipmentType, feature, value, unit, updatedAt, updatedBy]) => ({
    unitId,
    equipmentType,
    feature,
    value,
    unit,
    updatedAt: new Date(updatedAt),
    updatedBy,
  }));
