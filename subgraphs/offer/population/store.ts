/**
 * SQL of the population indicators. The database reduces every active unit to a handful of facts
 * (which codes are valid in the `code` table, which address fields are filled, the best contact
 * found) in one query, so the rows sent are a few booleans and two short codes per unit, never
 * the units' arrays and contacts; rules.ts alone decides what the facts mean. Measured on
 * PostgreSQL with 100 k units and 150 k contacts: the whole country in about 1 to 2 s, one region
 * in about 0.2 s (docs/population-indicators.md).
 */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Orm } from '../../../platform/db/client.js';
import { CODE_SYSTEMS } from '../codes.js';
import { codes, establishments, unitContacts, units, type EstablishmentRow, type UnitRow } from '../tables.js';
import type { ContactFact, OperationalActivityFact, UnitFacts } from './rules.js';

/** Where to look: a region, a département, or both (null: everywhere). */
export interface Scope {
  regionCode: string | null;
  departmentCode: string | null;
}

/** The codes of `system` valid today, as an array (one scan of `code`, whatever the number of units). */
const validCodes = (system: string) =>
  sql`(select coalesce(array_agg(code), '{}') from ${codes} where system = ${system} and (deprecated_on is null or deprecated_on > current_date))`;

/** Blank text counts as missing. */
const isFilled = (text: SQL) => sql`nullif(btrim(${text}), '') is not null`;

/**
 * Every active unit of the scope (and of one establishment when given) reduced to its facts. The
 * valid codes of each system are read once into arrays (`v`, one row); the contacts of the
 * scope's units are aggregated per unit in one grouped pass. Per-unit lookups (`exists` in `code`,
 * a lateral read of each unit's contacts) were two to five times slower at national size.
 */
function factsQuery(scope: Scope, establishmentId: string | null): SQL {
  const where = [sql`not u.archived`];
  if (scope.regionCode !== null) where.push(sql`e.region_code = ${scope.regionCode}`);
  if (scope.departmentCode !== null) where.push(sql`e.department_code = ${scope.departmentCode}`);
  if (establishmentId !== null) where.push(sql`u.establishment_id = ${establishmentId}`);
  const scoped = sql.join(where, sql` and `);
  const own = sql`(${isFilled(sql`u.address_line`)} or ${isFilled(sql`u.postal_code`)} or ${isFilled(sql`u.city`)})`;
  const effective = (column: string) => isFilled(sql`case when ${own} then u.${sql.raw(column)} else e.${sql.raw(column)} end`);
  return sql`
    with v as (
      select ${validCodes(CODE_SYSTEMS.activityField)} as activity_field, ${validCodes(CODE_SYSTEMS.careMode)} as care_mode,
        ${validCodes(CODE_SYSTEMS.operationalActivity)} as operational, ${validCodes(CODE_SYSTEMS.contactNature)} as nature,
        ${validCodes(CODE_SYSTEMS.channel)} as channel, ${validCodes(CODE_SYSTEMS.confidentiality)} as confidentiality
    )
    select u.id, u.establishment_id, u.kind,
      nullif(btrim(u.activity_field_code), '') as activity_field_code, u.activity_field_code = any(v.activity_field) as activity_field_valid,
      nullif(btrim(u.care_mode_code), '') as care_mode_code, u.care_mode_code = any(v.care_mode) as care_mode_valid,
      u.patient_age_min is not null as age_min_filled, u.patient_age_max is not null as age_max_filled,
      case when cardinality(u.operational_activity_codes) = 0 then 0
        when u.operational_activity_codes && v.operational then 2 else 1 end as operational_level,
      ${own} as own_address,
      ${effective('address_line')} as line_filled,
      ${effective('postal_code')} as postal_code_filled,
      ${effective('city')} as city_filled,
      coalesce(c.level, 0) as contact_level
    from ${units} u
    join ${establishments} e on e.id = u.establishment_id
    cross join v
    left join (
      select ct.unit_id, max(case
          when not (ct.nature_code = any(v.nature)) then 1
          when ct.channel_code = any(v.channel) and ${isFilled(sql`ct.value`)} and ct.confidentiality_code = any(v.confidentiality) then 3
          else 2 end) as level
      from ${unitContacts} ct cross join v
      where ct.unit_id in (select u.id from ${units} u join ${establishments} e on e.id = u.establishment_id where ${scoped})
      group by ct.unit_id
    ) c on c.unit_id = u.id
    where ${scoped}`;
}

interface RawFacts {
  id: string;
  establishment_id: string;
  kind: string;
  activity_field_code: string | null;
  activity_field_valid: boolean;
  care_mode_code: string | null;
  care_mode_valid: boolean;
  age_min_filled: boolean;
  age_max_filled: boolean;
  operational_level: number;
  own_address: boolean;
  line_filled: boolean;
  postal_code_filled: boolean;
  city_filled: boolean;
  contact_level: number;
}

function fromRaw(r: RawFacts): FactRow {
  return {
    activityFieldCode: r.activity_field_code,
    activityFieldValid: r.activity_field_valid,
    careModeCode: r.care_mode_code,
    careModeValid: r.care_mode_valid,
    ageMinFilled: r.age_min_filled,
    ageMaxFilled: r.age_max_filled,
    operationalLevel: Number(r.operational_level),
    ownAddress: r.own_address,
    lineFilled: r.line_filled,
    postalCodeFilled: r.postal_code_filled,
    cityFilled: r.city_filled,
    contactLevel: Number(r.contact_level),
  };
}

/** A row of fact columns as the drivers return it. */
export interface FactRow {
  activityFieldCode: string | null;
  activityFieldValid: boolean;
  careModeCode: string | null;
  careModeValid: boolean;
  ageMinFilled: boolean;
  ageMaxFilled: boolean;
  operationalLevel: number;
  ownAddress: boolean;
  lineFilled: boolean;
  postalCodeFilled: boolean;
  cityFilled: boolean;
  contactLevel: number;
}

const OPERATIONAL: readonly OperationalActivityFact[] = ['NONE', 'NONE_VALID', 'VALID'];
const CONTACT: readonly ContactFact[] = ['NONE', 'NO_VALID_NATURE', 'INCOMPLETE', 'COMPLETE'];

/** The facts rules.ts reads, from a row of fact columns. */
export function toFacts(row: FactRow): UnitFacts {
  return {
    activityField: { code: row.activityFieldCode, valid: Boolean(row.activityFieldValid) },
    careMode: { code: row.careModeCode, valid: Boolean(row.careModeValid) },
    ageMinFilled: Boolean(row.ageMinFilled),
    ageMaxFilled: Boolean(row.ageMaxFilled),
    operationalActivities: OPERATIONAL[row.operationalLevel] ?? 'NONE',
    address: { own: Boolean(row.ownAddress), line: Boolean(row.lineFilled), postalCode: Boolean(row.postalCodeFilled), city: Boolean(row.cityFilled) },
    contacts: CONTACT[row.contactLevel] ?? 'NONE',
  };
}

/** An establishment as the indicators need it. */
export interface AreaEstablishment {
  id: string;
  regionCode: string;
  regionName: string | null;
  departmentCode: string;
  categoryCode: string;
}

/** The facts of one active unit, with what the sectors need. */
export type UnitFactRow = FactRow & { establishmentId: string; kind: string };

function scopeWhere(scope: Scope): SQL | undefined {
  return and(
    scope.regionCode === null ? undefined : eq(establishments.regionCode, scope.regionCode),
    scope.departmentCode === null ? undefined : eq(establishments.departmentCode, scope.departmentCode),
  );
}

export function createPopulationStore(orm: Orm) {
  /**
   * Raw SQL rows (both drivers return `{ rows }`), without JIT: the per-unit contact lookup's cost
   * estimate passes jit_above_cost, and compiling took half of a national run (0.4 s of 0.86 s).
   */
  const rowsOf = <T>(query: SQL): Promise<T[]> =>
    orm.transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`);
      return ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
    });
  return {
    /** Every establishment of the scope: the targets. */
    establishmentsIn: (scope: Scope): Promise<AreaEstablishment[]> =>
      orm
        .select({
          id: establishments.id,
          regionCode: establishments.regionCode,
          regionName: establishments.regionName,
          departmentCode: establishments.departmentCode,
          categoryCode: establishments.categoryCode,
        })
        .from(establishments)
        .where(scopeWhere(scope)),

    /**
     * The facts of every active unit of the scope, in one query. Not grouped in SQL: grouping
     * identical fact rows per establishment was slower than sending them (1.6 s against 0.8 s for
     * 100 k units on PostgreSQL), the rows being a few booleans and two short codes.
     */
    unitFactsIn: async (scope: Scope): Promise<UnitFactRow[]> => {
      const rows = await rowsOf<RawFacts>(factsQuery(scope, null));
      return rows.map((r) => ({ ...fromRaw(r), establishmentId: r.establishment_id, kind: r.kind }));
    },

    establishment: async (id: string): Promise<EstablishmentRow | null> => {
      const [row] = await orm.select().from(establishments).where(eq(establishments.id, id));
      return row ?? null;
    },

    /** The active units of one establishment with their facts, by id. */
    unitsWithFacts: async (establishmentId: string): Promise<Array<{ unit: UnitRow; facts: FactRow }>> => {
      const scope = { regionCode: null, departmentCode: null };
      const [rows, facts] = await Promise.all([
        orm.select().from(units).where(and(eq(units.establishmentId, establishmentId), eq(units.archived, false))).orderBy(asc(units.id)),
        rowsOf<RawFacts>(factsQuery(scope, establishmentId)),
      ]);
      const factsById = new Map(facts.map((f) => [f.id, fromRaw(f)]));
      return rows.flatMap((unit) => {
        const f = factsById.get(unit.id);
        return f ? [{ unit, facts: f }] : []; // archived between the two reads: left out
      });
    },
  };
}

export type PopulationStore = ReturnType<typeof createPopulationStore>;
