/**
 * SQL of the structured searches (schemas/professionals.search.graphql): criteria → conditions on
 * professionals and their unit assignments, keyset order, counts. Knows tables, not rules: who may
 * see which situation is decided by the service (search.ts).
 */
import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.js';
import { HubError } from '../../platform/errors.js';
import { anyOfCondition } from '../../platform/db/any-of.js';
import { visibleColumns, type ProfessionalView } from './columns.js';
import { establishmentAssignments, people, unitAssignments } from './tables.js';
import { situationColumns, type SituationRow } from './store.js';

export type CodeField = 'PROFESSIONAL' | 'NATIONAL_NUMBER' | 'PROFESSION' | 'SPECIALTY' | 'SITUATION' | 'UNIT' | 'ESTABLISHMENT' | 'SITUATION_IDENTIFIER' | 'REGION' | 'EXERCISE_MODE';
export type TextField = 'FAMILY' | 'GIVEN' | 'NAME';
export type SortKey = 'ID' | 'FAMILY' | 'UPDATED_AT';

export interface SearchCriteria {
  codes?: Array<{ anyOf: Array<{ field: CodeField; code?: string | null }>; not?: boolean | null }> | null;
  texts?: Array<{ anyOf: Array<{ field: TextField; value: string; match?: 'PREFIX' | 'CONTAINS' | 'EXACT' | null }> }> | null;
  updated?: Array<Array<{ from?: Date | null; before?: Date | null; outside?: boolean | null }>> | null;
  anyOf?: SearchCriteria[] | null;
}

export interface Sort {
  key: SortKey;
  descending?: boolean | null;
}

/** A sort column: the SQL value, its direction, and how a cursor value is cast back. */
export interface SortColumn {
  key: string;
  value: SQL;
  descending: boolean;
}

export type SortValue = string;

/** Situation fields exist on assignment rows only: a professional search refuses them. */
const SITUATION_FIELDS: ReadonlySet<CodeField> = new Set(['SITUATION', 'UNIT', 'ESTABLISHMENT', 'SITUATION_IDENTIFIER', 'EXERCISE_MODE']);

const situationKey = sql`(${unitAssignments.professionalId} || '.' || ${unitAssignments.unitId})`;
/** How a field equals a code, and when it has a value: one indexed column, or what the comment says. */
interface CodeSource {
  equals: (code: string) => SQL;
  present: SQL;
}

const column = (value: SQL): CodeSource => ({ equals: (code) => sql`${value} = ${code}::text`, present: sql`${value} is not null` });

/** `S` and digits: the stored number, so the unique index answers; anything else matches nothing. */
function situationNumberEquals(code: string): SQL {
  const match = /^S(\d{1,18})$/.exec(code);
  return match ? sql`${unitAssignments.situationNumber} = ${match[1]}::bigint` : sql`false`;
}

const CODE_SOURCES: Record<CodeField, CodeSource> = {
  PROFESSIONAL: column(sql`${people.id}`),
  // RPPS and ADELI numbers share the column (11 or 9 characters).
  NATIONAL_NUMBER: column(sql`${people.rppsNumber}`),
  PROFESSION: column(sql`${people.professionCode}`),
  SPECIALTY: column(sql`${people.specialtyCode}`),
  SITUATION: column(situationKey),
  UNIT: column(sql`${unitAssignments.unitId}`),
  ESTABLISHMENT: column(sql`${unitAssignments.establishmentId}`),
  SITUATION_IDENTIFIER: { equals: situationNumberEquals, present: sql`true` },
  REGION: column(sql`${unitAssignments.regionCode}`),
  EXERCISE_MODE: column(sql`${unitAssignments.exerciseModeCode}`),
};

/** A professional's establishment assignments other than `region`'s (or of no known region). */
const assignmentsOutside = (region: string) =>
  sql`exists (select 1 from ${establishmentAssignments} where ${establishmentAssignments.professionalId} = ${people.id} and ${establishmentAssignments.regionCode} is distinct from ${region}::text)`;

/**
 * A professional's region (the Practitioner's tag, mappers/practitioner.ts): the one region all
 * their establishments share. The region index finds the candidates; the primary key's
 * professional prefix checks they have no establishment elsewhere.
 */
const SOLE_REGION: CodeSource = {
  equals: (region) =>
    sql`(${people.id} in (select ${establishmentAssignments.professionalId} from ${establishmentAssignments} where ${establishmentAssignments.regionCode} = ${region}::text) and not ${assignmentsOutside(region)})`,
  // Any tag at all: one known region, and no establishment of unknown region.
  present: sql`((select count(distinct ${establishmentAssignments.regionCode}) from ${establishmentAssignments} where ${establishmentAssignments.professionalId} = ${people.id}) = 1 and not exists (select 1 from ${establishmentAssignments} where ${establishmentAssignments.professionalId} = ${people.id} and ${establishmentAssignments.regionCode} is null))`,
};

/** Epoch microseconds as text of a fixed shape: exact through a cursor, compared as numeric. */
const updatedMicros = sql`(floor(extract(epoch from ${people.updatedAt}) * 1000000))::numeric`;

function codeCondition(criterion: NonNullable<SearchCriteria['codes']>[number], situations: boolean): SQL {
  if (criterion.anyOf.length === 0) throw new HubError('BAD_USER_INPUT', '`anyOf` must not be empty.', { field: 'anyOf' });
  const alternatives = criterion.anyOf.map(({ field, code }) => {
    if (!situations && SITUATION_FIELDS.has(field)) throw new HubError('BAD_USER_INPUT', `${field} applies to situations only.`, { field: 'codes' });
    const source = field === 'REGION' && !situations ? SOLE_REGION : CODE_SOURCES[field];
    return code === undefined || code === null ? source.present : source.equals(code);
  });
  const any = sql`coalesce((${sql.join(alternatives, sql` or `)}), false)`;
  return criterion.not ? sql`not ${any}` : any;
}

/**
 * Names are stored normalised (capitals, no accents nor hyphens; normalize.ts), so the service
 * normalises prefix and substring values the same way and they need no folding here; an exact
 * value is compared as sent. LIKE wildcards in a value are escaped.
 */
function textCondition(criterion: NonNullable<SearchCriteria['texts']>[number]): SQL {
  if (criterion.anyOf.length === 0) throw new HubError('BAD_USER_INPUT', '`anyOf` must not be empty.', { field: 'anyOf' });
  const alternatives = criterion.anyOf.flatMap(({ field, value, match }) => {
    const targets = field === 'FAMILY' ? [people.lastName] : field === 'GIVEN' ? [people.firstName] : [people.lastName, people.firstName];
    return targets.map((target) => {
      if (match === 'EXACT') return sql`${target} = ${value}::text`;
      const needle = value.replace(/[\\%_]/g, (c) => `\\${c}`);
      return match === 'CONTAINS' ? sql`${target} like ${`%${needle}%`}` : sql`${target} like ${`${needle}%`}`;
    });
  });
  return sql`(${sql.join(alternatives, sql` or `)})`;
}

function rangeCondition(range: NonNullable<SearchCriteria['updated']>[number][number]): SQL {
  const parts: SQL[] = [];
  if (range.from) parts.push(sql`${people.updatedAt} >= ${range.from.toISOString()}::timestamptz`);
  if (range.before) parts.push(sql`${people.updatedAt} < ${range.before.toISOString()}::timestamptz`);
  const inside = parts.length ? sql.join(parts, sql` and `) : sql`true`;
  return range.outside ? sql`not (${inside})` : sql`(${inside})`;
}

export function conditionsOf(criteria: SearchCriteria, situations: boolean): SQL[] {
  return [
    ...(criteria.codes ?? []).map((c) => codeCondition(c, situations)),
    ...(criteria.texts ?? []).map(textCondition),
    ...(criteria.updated ?? []).map((ranges) => (ranges.length ? sql`(${sql.join(ranges.map(rangeCondition), sql` or `)})` : sql`true`)),
    ...anyOfCondition(criteria, (sub) => conditionsOf(sub, situations)),
  ];
}

/** The sort columns, the id (situation id for situations) last as tie-breaker. */
export function sortColumns(sorts: readonly Sort[], situations: boolean): SortColumn[] {
  const id = situations ? situationKey : sql`${people.id}`;
  const columns: SortColumn[] = [];
  const add = (key: string, value: SQL, descending: boolean) => {
    if (!columns.some((c) => c.key === key)) columns.push({ key, value, descending });
  };
  for (const sort of sorts) {
    const descending = Boolean(sort.descending);
    if (sort.key === 'ID') add('ID', id, descending);
    else if (sort.key === 'UPDATED_AT') add('UPDATED_AT', updatedMicros, descending);
    else {
      add('FAMILY', sql`${people.lastName}`, descending);
      add('GIVEN', sql`${people.firstName}`, descending);
    }
  }
  add('ID', id, false);
  return columns;
}

/** Rows strictly after `values` in the sort order (lexicographic over the columns). */
function keysetCondition(columns: readonly SortColumn[], values: readonly SortValue[]): SQL {
  if (values.length !== columns.length) throw new HubError('BAD_USER_INPUT', 'The cursor given in `after` does not fit this sort.', { argumentName: 'after' });
  const build = (i: number): SQL => {
    const c = columns[i]!;
    const v = c.key === 'UPDATED_AT' ? sql`${values[i]!}::numeric` : sql`${values[i]!}::text`;
    const after = c.descending ? sql`${c.value} < ${v}` : sql`${c.value} > ${v}`;
    return i === columns.length - 1 ? after : sql`(${after} or (${c.value} = ${v} and ${build(i + 1)}))`;
  };
  return build(0);
}

const orderOf = (columns: readonly SortColumn[]): SQL[] => columns.map((c) => (c.descending ? sql`${c.value} desc` : sql`${c.value} asc`));
const sortValuesOf = (columns: readonly SortColumn[]) =>
  sql<string[]>`json_build_array(${sql.join(columns.map((c) => sql`(${c.value})::text`), sql`, `)})`.mapWith((v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as string[]);

export interface Keyed<T> {
  row: T;
  sortValues: SortValue[];
}

export function createSearchStore(orm: Orm) {
  return {
    professionals: async (where: SQL[], columns: SortColumn[], after: SortValue[] | null, limit: number): Promise<Array<Keyed<ProfessionalView>>> => {
      const rows = await orm
        .select({ person: visibleColumns, sortValues: sortValuesOf(columns) })
        .from(people)
        .where(and(...where, ...(after ? [keysetCondition(columns, after)] : [])))
        .orderBy(...orderOf(columns))
        .limit(limit);
      return rows.map((r) => ({ row: r.person, sortValues: r.sortValues }));
    },

    countProfessionals: async (where: SQL[]): Promise<number> => {
      const [row] = await orm.select({ n: count() }).from(people).where(and(...where));
      return row?.n ?? 0;
    },

    situations: async (where: SQL[], columns: SortColumn[], after: SortValue[] | null, limit: number): Promise<Array<Keyed<SituationRow>>> => {
      const rows = await orm
        .select({ ...situationColumns, sortValues: sortValuesOf(columns) })
        .from(unitAssignments)
        .innerJoin(people, eq(people.id, unitAssignments.professionalId))
        .where(and(...where, ...(after ? [keysetCondition(columns, after)] : [])))
        .orderBy(...orderOf(columns))
        .limit(limit);
      return rows.map(({ sortValues, ...row }) => ({ row, sortValues }));
    },

    /** Matching situations per unit: counts are taken over the units the caller may see. */
    situationCountsByUnit: (where: SQL[]): Promise<Array<{ unitId: string; n: number }>> =>
      orm
        .select({ unitId: unitAssignments.unitId, n: count() })
        .from(unitAssignments)
        .innerJoin(people, eq(people.id, unitAssignments.professionalId))
        .where(and(...where))
        .groupBy(unitAssignments.unitId)
        .orderBy(asc(unitAssignments.unitId)),
  };
}

export type SearchStore = ReturnType<typeof createSearchStore>;
