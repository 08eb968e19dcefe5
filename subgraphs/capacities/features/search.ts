/**
 * `Query.unitsWithPlaceFeatures`: the units whose housing or equipment limits meet the FHIR
 * Location's residential-* and equipment-feature / limit-value criteria, each criterion group
 * within one row (as the capacity parameters hold within one capacity record), in indexed SQL
 * (tables.ts: type then count, feature then value), within the caller's capacity read rights.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Orm } from '../../../platform/db/client.js';
import type { Identity } from '../../../platform/auth/identity.js';
import { HubError } from '../../../platform/errors.js';
import { MAX_UNIT_IDS_IN, MAX_UNIT_IDS_OUT, OPERATORS, anyOf, readableUnits, type CountComparison } from '../figure-search.js';
import { equipmentLimits as l, residentialCapacities as r } from '../tables.js';

interface Test {
  comparison: CountComparison;
  value: number;
  unit?: string | null;
}

export interface PlaceFeatureFilter {
  residential?: { types?: string[] | null; count?: Test[][] | null } | null;
  equipmentLimit?: { features?: string[] | null; value?: Test[][] | null } | null;
}

/** Each inner list ORed, the lists ANDed; a test naming a unit also needs the row's unit. */
function tests(column: SQL, lists: readonly Test[][] | null | undefined, unit?: SQL): SQL[] {
  return (lists ?? []).map((list) => {
    if (list.length === 0) throw new HubError('BAD_USER_INPUT', 'A test list must not be empty.', { field: 'filter' });
    const one = (t: Test) => {
      const compared = sql`${column} ${sql.raw(OPERATORS[t.comparison])} ${t.value}::float8`;
      return unit && t.unit ? sql`(${unit} = ${t.unit} and ${compared})` : compared;
    };
    return sql`(${sql.join(list.map(one), sql` or `)})`;
  });
}

/** The select of one row group: its conditions, the ids asked and the ids the caller may read. */
function select(table: SQL, unitId: SQL, where: SQL[], scope: SQL[]): SQL {
  const all = [...where, ...scope];
  return sql`select ${unitId} as unit_id from ${table} where ${all.length ? sql.join(all, sql` and `) : sql`true`}`;
}

export function createPlaceFeatureSearch(orm: Orm, identity: Identity) {
  return async (filter: PlaceFeatureFilter, unitIds: string[] | null | undefined): Promise<string[]> => {
    if (unitIds && unitIds.length > MAX_UNIT_IDS_IN) throw new HubError('BAD_USER_INPUT', `\`unitIds\` takes at most ${MAX_UNIT_IDS_IN} ids.`, { field: 'unitIds' });
    const readable = readableUnits(identity);
    const scope = (column: SQL): SQL[] => [...(unitIds ? [anyOf(column, unitIds)] : []), ...(readable ? [anyOf(column, [...readable])] : [])];
    const parts: SQL[] = [];
    if (filter.residential) {
      const { types, count } = filter.residential;
      const where = [...(types ? [anyOf(sql`${r.residentialType}`, types)] : []), ...tests(sql`${r.count}`, count)];
      parts.push(select(sql`${r}`, sql`${r.unitId}`, where, scope(sql`${r.unitId}`)));
    }
    if (filter.equipmentLimit) {
      const { features, value } = filter.equipmentLimit;
      const where = [...(features ? [anyOf(sql`${l.feature}`, features)] : []), ...tests(sql`${l.value}`, value, sql`${l.unit}`)];
      parts.push(select(sql`${l}`, sql`${l.unitId}`, where, scope(sql`${l.unitId}`)));
    }
    if (parts.length === 0) throw new HubError('BAD_USER_INPUT', 'Give `residential`, `equipmentLimit` or both.', { field: 'filter' });
    const result = (await orm.execute(sql`${sql.join(parts, sql` intersect `)} order by 1 limit ${MAX_UNIT_IDS_OUT + 1}`)) as unknown as { rows: Array<{ unit_id: string }> };
    if (result.rows.length > MAX_UNIT_IDS_OUT) throw new HubError('BAD_USER_INPUT', `More than ${MAX_UNIT_IDS_OUT} units match: narrow the criteria.`, { field: 'filter' });
    return result.rows.map((row) => row.unit_id);
  };
}

export type PlaceFeatureSearch = ReturnType<typeof createPlaceFeatureSearch>;
