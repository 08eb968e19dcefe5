/**
 * SQL of the structured searches (schemas/offer.search.graphql, used by the FHIR adapter): each
 * GraphQL criterion becomes one SQL condition, all ANDed; `anyOf` alternatives are ORed. Sorting
 * is keyset only (the sort values plus the id go in the cursor), never OFFSET.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { HubError } from '../../platform/errors.js';
import { textArray } from '../../platform/db/arrays.js';
import type { Near } from './search.js';
import { establishmentPrices, establishments, organizations, poles, units } from './tables.js';
import type {
  Comparison,
  StructureCodeField,
  StructureDateField,
  StructureNumberField,
  StructureTextField,
  TextMatch,
  UnitCodeField,
  UnitNumberField,
  UnitTextField,
} from '../../schemas/operations.js';

// The enums of schemas/offer.search.graphql come from codegen (schemas/operations.ts), so the SQL
// sources below fail the typecheck when the schema gains or loses a field.
export type { Comparison, StructureCodeField, StructureDateField, StructureNumberField, StructureTextField, TextMatch, UnitCodeField, UnitNumberField, UnitTextField };

export interface InstantRange {
  from?: Date | null;
  before?: Date | null;
  outside?: boolean | null;
  /** Units only: the range is on their establishment's updatedAt. */
  establishment?: boolean | null;
  /** Units only: the range is on the updatedAt of their establishment's legal entity. */
  legalEntity?: boolean | null;
}

export interface CodeCriterion<F extends string> {
  anyOf: Array<{ field: F; code?: string | null }>;
  not?: boolean | null;
}

export interface TextCriterion<F extends string> {
  anyOf: Array<{ field: F; value: string; match?: TextMatch | null }>;
}

export type SortKey = 'ID' | 'NAME' | 'UPDATED_AT' | 'DISTANCE';
export interface Sort {
  key: SortKey;
  descending?: boolean | null;
}

/**
 * Rows related to the record (an establishment's prices, its pôles): `from` names the table and
 * its alias, `join` ties a row to the record, `value` is the field tested. A condition on such a
 * field holds when it holds for one related row (`exists`, served by the related table's indexes).
 */
export interface Related {
  from: SQL;
  join: SQL;
  value: SQL;
}

/** Where a field's value comes from: a scalar expression, an array column (matches any element), or related rows (matches any row). */
export type FieldSource = { scalar: SQL | PgColumn } | { array: SQL | PgColumn } | { related: Related };
/** A text field: an expression, or related rows. */
export type TextSource = SQL | PgColumn | { related: Related };

/** `test` (built on the related value) holds for one related row. */
const anyRelated = (r: Related, test: (value: SQL) => SQL): SQL => sql`exists (select 1 from ${r.from} where ${r.join} and ${test(r.value)})`;

/** A test on a scalar or related source (arrays are for codes only). */
function onSource(source: FieldSource, test: (value: SQL | PgColumn) => SQL): SQL {
  if ('related' in source) return anyRelated(source.related, test);
  if ('scalar' in source) return test(source.scalar);
  throw new Error('array sources take code criteria only');
}

/**
 * Lower case without accents, by the IMMUTABLE `offer.fold` (migration 0004) that the trigram
 * indexes are built on, so prefix and substring matches can use them.
 */
export const folded = (text: SQL | PgColumn): SQL => sql`offer.fold(${text})`;

/** LIKE wildcards taken literally. */
const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export function codeCondition<F extends string>(criterion: CodeCriterion<F>, sources: Record<F, FieldSource>): SQL {
  if (criterion.anyOf.length === 0) throw new HubError('BAD_USER_INPUT', '`anyOf` must not be empty.', { field: 'anyOf' });
  const alternatives = criterion.anyOf.map(({ field, code }) => {
    const source = sources[field];
    // `@>` so that the GIN indexes on the code arrays apply.
    if ('array' in source) return code == null ? sql`cardinality(${source.array}) > 0` : sql`${source.array} @> array[${code}::text]`;
    return onSource(source, (value) => (code == null ? sql`${value} is not null` : sql`${value} = ${code}::text`));
  });
  const any = sql`(${sql.join(alternatives, sql` or `)})`;
  // Only a negation needs NULL read as false; a bare coalesce(…) would hide `id = …` from the
  // primary key (a full scan per `_include` by id, docs/benchmarks.md), and WHERE drops NULL anyway.
  return criterion.not ? sql`not coalesce(${any}, false)` : any;
}

function textTest(target: SQL | PgColumn, value: string, match: TextMatch | null | undefined): SQL {
  if (match === 'EXACT') return sql`${target} = ${value}::text`;
  const needle = escapeLike(value);
  return match === 'CONTAINS'
    ? sql`${folded(target)} like '%' || ${folded(sql`${needle}::text`)} || '%'`
    : sql`${folded(target)} like ${folded(sql`${needle}::text`)} || '%'`;
}

export function textCondition<F extends string>(criterion: TextCriterion<F>, sources: Record<F, TextSource>): SQL {
  if (criterion.anyOf.length === 0) throw new HubError('BAD_USER_INPUT', '`anyOf` must not be empty.', { field: 'anyOf' });
  const alternatives = criterion.anyOf.map(({ field, value, match }) => {
    const source = sources[field];
    if (typeof source === 'object' && 'related' in source) return anyRelated(source.related, (target) => textTest(target, value, match));
    return textTest(source, value, match);
  });
  // No coalesce: these conditions are only ANDed in a WHERE (NULL drops the row as false would), and
  // the trigram indexes on offer.fold(…) only serve the bare LIKE.
  return sql`(${sql.join(alternatives, sql` or `)})`;
}

const OPERATORS: Record<Comparison, string> = { EQ: '=', NE: '<>', GT: '>', LT: '<', GE: '>=', LE: '<=' };

export function numberCondition(target: SQL | PgColumn, comparison: Comparison, value: number): SQL {
  return sql`coalesce(${target} ${sql.raw(OPERATORS[comparison])} ${value}::float8, false)`;
}

/** A number test on a scalar or related source (any related row). */
export function numberSourceCondition(source: FieldSource, comparison: Comparison, value: number): SQL {
  // numeric, not float8: a numeric column compared as numeric keeps its btree index.
  return onSource(source, (target) => sql`coalesce(${target} ${sql.raw(OPERATORS[comparison])} ${value}::numeric, false)`);
}

/**
 * The first day whose start (00:00 UTC) is at or after `instant`: a day column compares with it
 * as a day, so its btree index serves the range.
 */
function dayAtOrAfter(instant: Date): string {
  const year = instant.getUTCFullYear();
  // Days the database takes (no year 0, no 5-digit years): a bound outside them is an input error, never a SQL one.
  if (!(year >= 1 && year <= 9998)) throw new HubError('BAD_USER_INPUT', 'A date range bound must lie between the years 1 and 9998.', { field: 'dates' });
  const day = instant.toISOString().slice(0, 10);
  if (instant.getTime() === Date.parse(`${day}T00:00:00Z`)) return day;
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The day (its start, 00:00 UTC) of a date source lies in `range` (FHIR date search on a day column). */
export function dayRangeCondition(source: FieldSource, range: InstantRange): SQL {
  if (range.establishment || range.legalEntity) throw new HubError('BAD_USER_INPUT', '`establishment` and `legalEntity` ranges apply to units only.', { field: 'dates' });
  return onSource(source, (day) => {
    const parts: SQL[] = [];
    if (range.from) parts.push(sql`${day} >= ${dayAtOrAfter(range.from)}::date`);
    if (range.before) parts.push(sql`${day} < ${dayAtOrAfter(range.before)}::date`);
    const inside = parts.length ? sql.join(parts, sql` and `) : sql`${day} is not null`;
    // A day that is not there matches neither a range nor its outside (`ne`).
    return range.outside ? sql`(${day} is not null and not (${inside}))` : sql`(${inside})`;
  });
}

/** The updatedAt of a unit's establishment's legal entity (units only: establishments are joined). */
const legalEntityUpdatedAt = sql`(select o.updated_at from ${organizations} o where o.id = ${establishments.organizationId})`;

function rangeCondition(own: SQL | PgColumn, range: InstantRange, establishment?: SQL | PgColumn): SQL {
  if ((range.establishment || range.legalEntity) && !establishment) throw new HubError('BAD_USER_INPUT', '`establishment` and `legalEntity` ranges apply to units only.', { field: 'updated' });
  if (range.establishment && range.legalEntity) throw new HubError('BAD_USER_INPUT', 'A range is on the establishment or on its legal entity, not both.', { field: 'updated' });
  const target = range.legalEntity ? legalEntityUpdatedAt : range.establishment ? establishment! : own;
  const parts: SQL[] = [];
  if (range.from) parts.push(sql`${target} >= ${range.from.toISOString()}::timestamptz`);
  if (range.before) parts.push(sql`${target} < ${range.before.toISOString()}::timestamptz`);
  const inside = parts.length ? sql.join(parts, sql` and `) : sql`true`;
  return range.outside ? sql`not (${inside})` : sql`(${inside})`;
}

/**
 * Each inner list is one criterion: any of its ranges, on `target`'s updatedAt, or for a range
 * marked `establishment` on `establishment` (units: their establishment's, joined in the search).
 */
export function updatedConditions(target: SQL | PgColumn, criteria: InstantRange[][] | null | undefined, establishment?: SQL | PgColumn): SQL[] {
  return (criteria ?? []).map((ranges) => {
    if (ranges.length === 0) throw new HubError('BAD_USER_INPUT', 'An `updated` criterion needs at least one range.', { field: 'updated' });
    return sql`(${sql.join(ranges.map((r) => rangeCondition(target, r, establishment)), sql` or `)})`;
  });
}

export type PeriodComparison = Comparison | 'SA' | 'EB' | 'AP';
export interface PeriodTest {
  comparison: PeriodComparison;
  from: Date;
  before: Date;
}

const DAY_MS = 86_400_000;
/** The UTC day of an instant (YYYY-MM-DD), and the first day starting at or after it. */
const floorDay = (t: Date): string => t.toISOString().slice(0, 10);
const ceilDay = (t: Date): string => floorDay(new Date(Math.ceil(t.getTime() / DAY_MS) * DAY_MS));

/**
 * FHIR date search on a period of whole days [start, end] (end null: open), against the value's
 * range [from, before), as plain comparisons of the date columns (their index serves them). Each
 * day is [00:00, 24:00) UTC, so `start ≥ from` reads `start ≥ ceilDay(from)` and `end + 1 day > t`
 * reads `end ≥ floorDay(t)`. `ap` is an overlap of the two ranges.
 */
export function periodCondition(start: PgColumn, end: PgColumn, test: PeriodTest): SQL {
  if (!(test.from < test.before)) throw new HubError('BAD_USER_INPUT', 'A period test needs from before `before`.', { field: 'closure' });
  const day = (d: string) => sql`${d}::date`;
  const startsFrom = (t: Date) => sql`${start} >= ${day(ceilDay(t))}`;
  const startsBefore = (t: Date) => sql`${start} < ${day(ceilDay(t))}`;
  const endsAfter = (t: Date) => sql`(${end} is null or ${end} >= ${day(floorDay(t))})`;
  const endsBy = (t: Date) => sql`(${end} is not null and ${end} < ${day(floorDay(t))})`;
  const inside = sql`(${startsFrom(test.from)} and ${endsBy(test.before)})`;
  const conditions: Record<PeriodComparison, SQL> = {
    EQ: inside,
    NE: sql`not ${inside}`,
    GT: endsAfter(test.before),
    GE: endsAfter(test.from),
    LT: startsBefore(test.from),
    LE: startsBefore(test.before),
    SA: startsFrom(test.before),
    EB: endsBy(test.from),
    AP: sql`(${startsBefore(test.before)} and ${endsAfter(test.from)})`,
  };
  // Without a period there is no value to test: no comparison holds (`ne` included).
  return sql`(${start} is not null and ${conditions[test.comparison]})`;
}

/** `id = any(array)` with one array parameter, whatever the number of ids. */
export function idIn(id: SQL | PgColumn, ids: readonly string[]): SQL {
  return sql`${id} = any(${textArray(ids)}::text[])`;
}

// ---- keyset sorting ----

/** A sort value as it travels in a cursor: text (names), or a number as text (epoch µs, km). */
export type SortValue = string | number;

export interface SortColumn {
  key: SortKey;
  descending: boolean;
  /** The SQL value sorted on (cast so the cursor's value compares the same way). */
  value: SQL;
  /** How a cursor value is cast back for comparison. */
  cast: 'text' | 'numeric';
}

/** The sort columns, the id last as tie-breaker (unless the id is sorted on already). */
export function sortColumns(sorts: readonly Sort[], expressions: Partial<Record<SortKey, SQL>>, id: PgColumn, fallback: Sort[]): SortColumn[] {
  const wanted = sorts.length ? sorts : fallback;
  const columns: SortColumn[] = [];
  for (const sort of wanted) {
    const value = sort.key === 'ID' ? sql`${id}` : expressions[sort.key];
    if (!value) throw new HubError('BAD_USER_INPUT', `Cannot sort on ${sort.key} here${sort.key === 'DISTANCE' ? ' (it needs `near`)' : ''}.`, { field: 'sort' });
    if (columns.some((c) => c.key === sort.key)) continue;
    columns.push({ key: sort.key, descending: Boolean(sort.descending), value, cast: sort.key === 'NAME' || sort.key === 'ID' ? 'text' : 'numeric' });
  }
  if (!columns.some((c) => c.key === 'ID')) columns.push({ key: 'ID', descending: false, value: sql`${id}`, cast: 'text' });
  return columns;
}

export function orderByOf(columns: readonly SortColumn[]): SQL[] {
  return columns.map((c) => (c.descending ? sql`${c.value} desc` : sql`${c.value} asc`));
}

/** Rows strictly after `values` in the sort order (lexicographic over the columns). */
export function keysetCondition(columns: readonly SortColumn[], values: readonly SortValue[]): SQL {
  if (values.length !== columns.length) throw new HubError('BAD_USER_INPUT', 'The cursor given in `after` does not fit this sort.', { argumentName: 'after' });
  const build = (i: number): SQL => {
    const c = columns[i]!;
    const v = sql`${String(values[i])}::${sql.raw(c.cast)}`;
    const after = c.descending ? sql`${c.value} < ${v}` : sql`${c.value} > ${v}`;
    return i === columns.length - 1 ? after : sql`(${after} or (${c.value} = ${v} and ${build(i + 1)}))`;
  };
  return build(0);
}

// ---- the fields of units and structures ----

/** A unit has its own address when any of its address columns is set (resolvers.ts does the same). */
const ownAddress = sql`(${units.addressLine} is not null or ${units.postalCode} is not null or ${units.city} is not null)`;
const placeOf = (own: PgColumn, establishment: PgColumn): SQL => sql`(case when ${ownAddress} then ${own} else ${establishment} end)`;

export const unitPlace = {
  city: placeOf(units.city, establishments.city),
  postalCode: placeOf(units.postalCode, establishments.postalCode),
  inseeCode: placeOf(units.inseeCode, establishments.inseeCode),
  /** The latest change of what the place shows: the unit, and its establishment when it uses that address. */
  updatedAt: sql`(case when ${ownAddress} then ${units.updatedAt} else greatest(${units.updatedAt}, ${establishments.updatedAt}) end)`,
};

/**
 * A unit's position as one earth point: its own address's when it has one, else its
 * establishment's, as `unitPlace` reads its other fields. A column the database keeps (migration
 * 0013: triggers on the unit and on its establishment), with its own GiST index, so a radius needs
 * neither the establishment's row nor `ll_to_earth` per row. Not a Drizzle column (see the migration).
 */
const UNIT_POINT = sql`${units}.${sql.identifier('place')}`;

const centreOf = (near: Near): SQL => sql`ll_to_earth(${near.latitude}::float8, ${near.longitude}::float8)`;

/** The units whose point lies in `near`'s box: the GiST prefilter, before the true radius. */
export const unitInBox = (near: Near): SQL => sql`earth_box(${centreOf(near)}, ${near.radiusKm * 1000}::float8) @> ${UNIT_POINT}`;

/** The great-circle distance in metres from `near`'s centre to a unit's point. */
export const unitMetres = (near: Near): SQL => sql`earth_distance(${UNIT_POINT}, ${centreOf(near)})`;

/** The distance in km of a unit from `near`'s centre, rounded to the metre so that cursors compare exactly. */
export const unitDistanceKm = (near: Near): SQL => sql`round((${unitMetres(near)} / 1000)::numeric, 3)`;

/** The distance in km of a `place` row (a unit's `metres` from `near`'s centre), rounded as unitDistanceKm rounds it. */
export const PLACE_KM = sql`round((place.metres / 1000)::numeric, 3)`;

/** The true radius on a `place` row. */
export const placeWithin = (near: Near): SQL => sql`place.metres <= ${near.radiusKm * 1000}::float8`;

/** A unit's point within a true radius: the box through the GiST index, then the exact distance. */
export function unitWithin(near: Near): SQL {
  return sql`(${unitInBox(near)} and ${unitMetres(near)} <= ${near.radiusKm * 1000}::float8)`;
}

export const UNIT_CODE_SOURCES: Record<UnitCodeField, FieldSource> = {
  ID: { scalar: units.id },
  REGIONAL_ID: { scalar: sql`(${establishments.regionCode} || '/' || ${units.id})` },
  ESTABLISHMENT: { scalar: units.establishmentId },
  REGION: { scalar: establishments.regionCode },
  ACTIVITY_FIELD: { scalar: units.activityFieldCode },
  OPERATIONAL_ACTIVITY: { array: units.operationalActivityCodes },
  CARE_MODE: { scalar: units.careModeCode },
  SPECIFIC_ACT: { array: units.specificActCodes },
  EQUIPMENT: { array: units.equipmentCodes },
  COMMUNE: { scalar: unitPlace.inseeCode },
  PSYCHIATRIC_SECTOR: { array: units.psychiatricSectors },
  CATEGORY: { scalar: units.categoryCode },
  MATERNITY_TYPE: { scalar: units.maternityTypeCode },
  ANNUAL_OPENING: { scalar: units.annualOpeningCode },
  PATIENT_TYPE: { array: units.patientTypeCodes },
  INTERVENTION_ZONE: { array: units.interventionZones },
};

export const UNIT_TEXT_SOURCES: Record<UnitTextField, SQL | PgColumn> = {
  NAME: units.name,
  CITY: unitPlace.city,
  POSTAL_CODE: unitPlace.postalCode,
};

export const UNIT_NUMBER_SOURCES: Record<UnitNumberField, PgColumn> = {
  PATIENT_AGE_MIN: units.patientAgeMin,
  PATIENT_AGE_MAX: units.patientAgeMax,
};

/** Epoch microseconds: timestamps sort and compare exactly through a cursor. */
export const epochMicros = (t: SQL | PgColumn): SQL => sql`(extract(epoch from ${t}) * 1000000)::numeric(20, 0)`;


/** The columns of one branch of a structure search (legal entities, or establishments). */
export interface StructureBranch {
  kind: 'EJ' | 'EG';
  id: PgColumn;
  codes: Record<StructureCodeField, FieldSource>;
  texts: Record<StructureTextField, TextSource>;
  numbers: Record<StructureNumberField, FieldSource>;
  dates: Record<StructureDateField, FieldSource>;
  name: PgColumn;
  updatedAt: PgColumn;
}

const none = sql`null::text`;

/** An establishment's prices, each a related row (`p`) of the EG branch. */
const price = (column: string): FieldSource => ({
  related: { from: sql`${establishmentPrices} p`, join: sql`p.establishment_id = ${establishments.id}`, value: sql.raw(`p.${column}`) },
});

/** The fields legal entities do not have: nothing matches them. */
const EJ_LACKS = {
  CLOSING_TYPE: { scalar: none },
  DROP_ZONE: { scalar: none },
  PRICE_TYPE: { scalar: none },
  PRICE_UNIT: { scalar: none },
  PRICE_DEPENDENCY_LEVEL: { scalar: none },
  PRICE_RESIDENTIAL_TYPE: { scalar: none },
  PRICE_WELCOME_TYPE: { scalar: none },
  PRICE_SPECIAL: { scalar: none },
} as const satisfies Partial<Record<StructureCodeField, FieldSource>>;

/** The one region all of a legal entity's establishments share (null when none or several), as its FHIR tag says. */
const soleRegion = sql`(select case when count(distinct r.region_code) = 1 then min(r.region_code) end from ${establishments} r where r.organization_id = ${organizations.id})`;

export const LEGAL_ENTITY_BRANCH: StructureBranch = {
  kind: 'EJ',
  id: organizations.id,
  codes: {
    ID: { scalar: organizations.id },
    ID_NAT_STRUCT: { scalar: sql`('1' || ${organizations.id})` },
    SIRET: { scalar: none },
    CATEGORY: { scalar: none },
    REGION: { scalar: soleRegion },
    PART_OF: { scalar: none },
    KIND: { scalar: sql`'EJ'::text` },
    ...EJ_LACKS,
  },
  texts: { NAME: organizations.name, CITY: none, POSTAL_CODE: none, OI_NAME: none },
  numbers: { PRICE_AMOUNT: { scalar: sql`null::numeric` } },
  dates: { CLOSED_ON: { scalar: sql`null::date` }, PRICE_VALID_FROM: { scalar: sql`null::date` } },
  name: organizations.name,
  updatedAt: organizations.updatedAt,
};

export const ESTABLISHMENT_BRANCH: StructureBranch = {
  kind: 'EG',
  id: establishments.id,
  codes: {
    ID: { scalar: establishments.id },
    ID_NAT_STRUCT: { scalar: sql`('1' || ${establishments.id})` },
    SIRET: { scalar: establishments.siret },
    CATEGORY: { scalar: establishments.categoryCode },
    REGION: { scalar: establishments.regionCode },
    PART_OF: { scalar: establishments.organizationId },
    KIND: { scalar: sql`'EG'::text` },
    CLOSING_TYPE: { scalar: establishments.closingTypeCode },
    DROP_ZONE: { scalar: sql`(${establishments.dropZone})::text` },
    PRICE_TYPE: price('price_type_code'),
    PRICE_UNIT: price('price_unit_code'),
    PRICE_DEPENDENCY_LEVEL: price('dependency_level_code'),
    PRICE_RESIDENTIAL_TYPE: price('residential_type_code'),
    PRICE_WELCOME_TYPE: price('welcome_type_code'),
    PRICE_SPECIAL: price('special_price_code'),
  },
  texts: {
    NAME: establishments.name,
    CITY: establishments.city,
    POSTAL_CODE: establishments.postalCode,
    OI_NAME: { related: { from: sql`${poles} oi`, join: sql`oi.establishment_id = ${establishments.id} and not oi.archived`, value: sql`oi.name` } },
  },
  numbers: { PRICE_AMOUNT: price('amount') },
  dates: { CLOSED_ON: { scalar: establishments.closedOn }, PRICE_VALID_FROM: price('valid_from') },
  name: establishments.name,
  updatedAt: establishments.updatedAt,
};
