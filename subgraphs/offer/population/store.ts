/**
 * SQL of the population indicators. The database reduces every active unit to a handful of facts
 * (which codes are valid in the `code` table, which fields are filled, the best contact found),
 * and the aggregates group identical fact rows per establishment with a count, so at national size
 * (~100 k units) a few tens of thousands of small rows come back instead of every unit with its
 * arrays and contacts; rules.ts alone decides what the facts mean. Code lookups and contacts are
 * correlated index lookups (primary key of `code`, `unit_contact_unit_idx`), never a second round trip.
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

/**
 * Every active unit of the scope (and of one establishment when given) reduced to its facts, as
 * set-based joins: the valid codes are read once into a small hash table (`valid`), operational
 * activities and contacts are aggregated per unit in one pass each. Correlated lookups per unit
 * and per code were ten times slower at national size.
 */
function factsQuery(scope: Scope, establishmentId: string | null): SQL {
  const where = [sql`not u.archived`];
  if (scope.regionCode !== null) where.push(sql`e.region_code = ${scope.regionCode}`);
  if (scope.departmentCode !== null) where.push(sql`e.department_code = ${scope.departmentCode}`);
  if (establishmentId !== null) where.push(sql`u.establishment_id = ${establishmentId}`);
  return sql`
    with valid as materialized (
      select system, code from ${codes} where deprecated_on is null or deprecated_on > current_date
    ),
    scoped as (
      select u.id, u.establishment_id, u.kind, u.activity_field_code, u.care_mode_code, u.operational_activity_codes,
        u.patient_age_min is not null as age_min_filled, u.patient_age_max is not null as age_max_filled,
        (nullif(btrim(u.address_line), '') is not null or nullif(btrim(u.postal_code), '') is not null
          or nullif(btrim(u.city), '') is not null) as own_address,
        u.address_line as own_line, u.postal_code as own_postal_code, u.city as own_city,
        e.address_line, e.postal_code, e.city
      from ${units} u join ${establishments} e on e.id = u.establishment_id
      where ${sql.join(where, sql` and `)}
    ),
    operational as (
      select s.id, max(case when v.code is null then 1 else 2 end) as level
      from scoped s cross join lateral unnest(s.operational_activity_codes) as oa(code)
      left join valid v on v.system = ${CODE_SYSTEMS.operationalActivity} and v.code = oa.code
      group by s.id
    ),
    contact as (
      select ct.unit_id, max(case
          when n.code is null then 1
          when ch.code is not null and nullif(btrim(ct.value), '') is not null and cf.code is not null then 3
          else 2 end) as level
      from ${unitContacts} ct join scoped s on s.id = ct.unit_id
      left join valid n on n.system = ${CODE_SYSTEMS.contactNature} and n.code = ct.nature_code
      left join valid ch on ch.system = ${CODE_SYSTEMS.channel} and ch.code = ct.channel_code
      left join valid cf on cf.system = ${CODE_SYSTEMS.confidentiality} and cf.code = ct.confidentiality_code
      group by ct.unit_id
    )
    select s.id, s.establishment_id, s.kind,
      nullif(btrim(s.activity_field_code), '') as activity_field_code, af.code is not null as activity_field_valid,
      nullif(btrim(s.care_mode_code), '') as care_mode_code, cm.code is not null as care_mode_valid,
      s.age_min_filled, s.age_max_filled,
      coalesce(o.level, 0)::int as operational_level,
      s.own_address,
      nullif(btrim(case when s.own_address then s.own_line else s.address_line end), '') is not null as line_filled,
      nullif(btrim(case when s.own_address then s.own_postal_code else s.postal_code end), '') is not null as postal_code_filled,
      nullif(btrim(case when s.own_address then s.own_city else s.city end), '') is not null as city_filled,
      coalesce(c.level, 0)::int as contact_level
    from scoped s
    left join valid af on af.system = ${CODE_SYSTEMS.activityField} and af.code = s.activity_field_code
    left join valid cm on cm.system = ${CODE_SYSTEMS.careMode} and cm.code = s.care_mode_code
    left join operational o on o.id = s.id
    left join contact c on c.unit_id = s.id`;
}

/** The fact columns of factsQuery, the grouping keys of the aggregates. */
const FACT_COLUMNS = sql.raw(`establishment_id, kind, activity_field_code, activity_field_valid, care_mode_code, care_mode_valid,
  age_min_filled, age_max_filled, operational_level, own_address, line_filled, postal_code_filled, city_filled, contact_level`);

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
  n?: number;
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

/** `n` active units of one establishment sharing the same kind and facts. */
export type FactGroup = FactRow & { establishmentId: string; kind: string; n: number };

function scopeWhere(scope: Scope): SQL | undefined {
  return and(
    scope.regionCode === null ? undefined : eq(establishments.regionCode, scope.regionCode),
    scope.departmentCode === null ? undefined : eq(establishments.departmentCode, scope.departmentCode),
  );
}

export function createPopulationStore(orm: Orm) {
  /** Raw SQL rows; both drivers return `{ rows }`. */
  const rowsOf = async <T>(query: SQL): Promise<T[]> => ((await orm.execute(query)) as unknown as { rows: T[] }).rows;
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

    /** Active units of the scope, grouped per establishment, kind and facts (one query). */
    factGroupsIn: async (scope: Scope): Promise<FactGroup[]> => {
      const rows = await rowsOf<RawFacts>(sql`select ${FACT_COLUMNS}, count(*)::int as n from (${factsQuery(scope, null)}) f group by ${FACT_COLUMNS}`);
      return rows.map((r) => ({ ...fromRaw(r), establishmentId: r.establishment_id, kind: r.kind, n: Number(r.n) }));
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
