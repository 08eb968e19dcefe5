/**
 * SQL of the professionals subgraph: the store gathers the reads of records (here) and the
 * stores of each concept (records written, accounts, role assignments, mail outbox). Knows tables
 * and rows, not GraphQL nor rules.
 */
import { and, asc, count, eq, gt, inArray, isNull, ne, notExists, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Orm } from '../../platform/db/client.js';
import { establishmentAssignments, people, unitAssignments } from './tables.js';
import { visibleColumns, type ProfessionalView } from './columns.js';
import { createRecordWriter } from './record-writer.js';
import { createAccountStore } from './accounts.js';
import { createRoleStore } from './role-store.js';
import { createSearchStore } from './search-store.js';
import { appendChanges } from '../../platform/changes/append.js';
import type { NewChange } from '../../platform/changes/tables.js';

export type { ProfessionalView };

export type Assigned = ProfessionalView & { key: string };

export interface ProfessionalCriteria {
  /** Already normalised (capitals, no accents), so it is compared to the stored names as is. */
  name?: string | null;
  establishmentId?: string | null;
  unitId?: string | null;
  /** TRE_G15 code, compared as stored. */
  professionCode?: string | null;
  /** Part of the function, compared unaccented and case-insensitively (LIKE wildcards literal). */
  jobTitle?: string | null;
  /** Exactly the hub id or the RPPS/ADELI number (already normalised). */
  identifier?: string | null;
  includeArchived?: boolean | null;
}

/** Cursor key of the list order. */
export type NameKey = [lastName: string, firstName: string, id: string];

/** Cursor key of the change order: `updatedAt` (ISO, microseconds dropped) and id. */
export type ChangeKey = [updatedAt: string, id: string];

/** One unit assignment: a professional's situation in a unit (FHIR PractitionerRole). */
export interface SituationRow {
  professionalId: string;
  unitId: string;
  establishmentId: string;
  /** TRE_R23 ModeExercice code, null when not recorded. */
  exerciseModeCode: string | null;
  /** TRE_R30 region of the establishment, stored with the placement (tables.ts). */
  regionCode: string | null;
  /** identifiantSituationOperationnelle, assigned when the row was created (situationIdentifier). */
  situationNumber: number;
}

/**
 * Threshold of pg_trgm `similarity()` between "LAST FIRST" names above which two records are
 * "similar": typos and variants score 0.6–0.75 (DUPONT MARIE / DUPOND MARIE 0.73, ROUX ANNE /
 * ROUX ANNIE 0.62), the same last name with another first name about 0.36 (MARTIN JEAN / MARTIN
 * PIERRE), and word order does not matter (trigram sets).
 */
export const SIMILARITY_THRESHOLD = 0.4;
const SIMILAR_LIMIT = 10;

/** The columns of a SituationRow. */
export const situationColumns = {
  professionalId: unitAssignments.professionalId,
  unitId: unitAssignments.unitId,
  establishmentId: unitAssignments.establishmentId,
  exerciseModeCode: unitAssignments.exerciseModeCode,
  regionCode: unitAssignments.regionCode,
  situationNumber: unitAssignments.situationNumber,
};

const fullName = sql`(${people.lastName} || ' ' || ${people.firstName})`;

function criteriaWhere(c: ProfessionalCriteria): SQL[] {
  const where: SQL[] = [];
  if (!c.includeArchived) where.push(isNull(people.archivedAt));
  // Names hold only capitals and spaces, so the needle needs no LIKE escaping once normalised;
  // last+first+last matches "JEAN MARTIN" as well as "MARTIN JEAN".
  if (c.name) where.push(sql`(${people.lastName} || ' ' || ${people.firstName} || ' ' || ${people.lastName}) like ${`%${c.name}%`}`);
  if (c.establishmentId) {
    where.push(inArray(people.id, sql`(select ${establishmentAssignments.professionalId} from ${establishmentAssignments} where ${establishmentAssignments.establishmentId} = ${c.establishmentId})`));
  }
  if (c.professionCode) where.push(eq(people.professionCode, c.professionCode));
  if (c.jobTitle) {
    const needle = c.jobTitle.replace(/[\\%_]/g, (ch) => `\\${ch}`);
    where.push(sql`unaccent(lower(${people.jobTitle})) like '%' || unaccent(lower(${needle}::text)) || '%'`);
  }
  if (c.identifier) where.push(or(eq(people.id, c.identifier), eq(people.rppsNumber, c.identifier))!);
  if (c.unitId) {
    where.push(inArray(people.id, sql`(select ${unitAssignments.professionalId} from ${unitAssignments} where ${unitAssignments.unitId} = ${c.unitId})`));
  }
  return where;
}

function afterKey(key: NameKey): SQL {
  const [last, first, id] = key;
  return or(
    gt(people.lastName, last),
    and(eq(people.lastName, last), gt(people.firstName, first)),
    and(eq(people.lastName, last), eq(people.firstName, first), gt(people.id, id)),
  )!;
}

function createRecordReader(orm: Orm) {
  const assignedTo = async (table: typeof establishmentAssignments | typeof unitAssignments, keyColumn: SQL, ids: readonly string[]) => {
    const rows = await orm
      .select({ key: sql<string>`${keyColumn}`, person: visibleColumns })
      .from(table)
      .innerJoin(people, eq(people.id, table.professionalId))
      .where(and(inArray(keyColumn, [...ids]), isNull(people.archivedAt)))
      .orderBy(asc(people.lastName), asc(people.firstName), asc(people.id));
    return rows.map((r): Assigned => ({ ...r.person, key: r.key }));
  };
  return {
    byIds: (ids: readonly string[]): Promise<ProfessionalView[]> => orm.select(visibleColumns).from(people).where(inArray(people.id, [...ids])),

    /** Active professionals of each establishment, tagged with the establishment id as `key`. */
    ofEstablishments: (ids: readonly string[]) => assignedTo(establishmentAssignments, sql`${establishmentAssignments.establishmentId}`, ids),
    ofUnits: (ids: readonly string[]) => assignedTo(unitAssignments, sql`${unitAssignments.unitId}`, ids),

    /** Active professionals whose one and only unit assignment is each unit (`key`): those an archive would strand. */
    soleOfUnits: async (ids: readonly string[]): Promise<Assigned[]> => {
      const others = alias(unitAssignments, 'other_unit');
      const rows = await orm
        .select({ key: unitAssignments.unitId, person: visibleColumns })
        .from(unitAssignments)
        .innerJoin(people, eq(people.id, unitAssignments.professionalId))
        .where(
          and(
            inArray(unitAssignments.unitId, [...ids]),
            isNull(people.archivedAt),
            notExists(orm.select({ one: sql`1` }).from(others).where(and(eq(others.professionalId, unitAssignments.professionalId), ne(others.unitId, unitAssignments.unitId)))),
          ),
        )
        .orderBy(asc(people.lastName), asc(people.firstName), asc(people.id));
      return rows.map((r): Assigned => ({ ...r.person, key: r.key }));
    },

    establishmentsOf: (professionalIds: readonly string[]) =>
      orm
        .select({ professionalId: establishmentAssignments.professionalId, id: establishmentAssignments.establishmentId })
        .from(establishmentAssignments)
        .where(inArray(establishmentAssignments.professionalId, [...professionalIds]))
        .orderBy(asc(establishmentAssignments.establishmentId)),

    unitsOf: (professionalIds: readonly string[]) =>
      orm
        .select({ professionalId: unitAssignments.professionalId, id: unitAssignments.unitId, establishmentId: unitAssignments.establishmentId })
        .from(unitAssignments)
        .where(inArray(unitAssignments.professionalId, [...professionalIds]))
        .orderBy(asc(unitAssignments.unitId)),

    list: (criteria: ProfessionalCriteria, after: NameKey | null, limit: number): Promise<ProfessionalView[]> => {
      const where = criteriaWhere(criteria);
      if (after) where.push(afterKey(after));
      return orm.select(visibleColumns).from(people).where(and(...where)).orderBy(asc(people.lastName), asc(people.firstName), asc(people.id)).limit(limit);
    },

    count: async (criteria: ProfessionalCriteria): Promise<number> => {
      const [row] = await orm.select({ n: count() }).from(people).where(and(...criteriaWhere(criteria)));
      return row?.n ?? 0;
    },

    /** Records whose "LAST FIRST" name is similar to `name` (normalised), most similar first. */
    similar: async (name: string): Promise<Array<{ person: ProfessionalView; similarity: number }>> => {
      const score = sql<number>`similarity(${fullName}, ${name})`;
      const rows = await orm
        .select({ person: visibleColumns, similarity: sql<number>`${score}::float8` })
        .from(people)
        .where(sql`${score} > ${SIMILARITY_THRESHOLD}`)
        .orderBy(sql`${score} desc`, asc(people.id))
        .limit(SIMILAR_LIMIT);
      return rows.map((r) => ({ person: r.person, similarity: Number(r.similarity) }));
    },

    /** Unit assignments of active professionals in these units, by professional then unit. */
    situationsOfUnits: (unitIds: readonly string[]): Promise<SituationRow[]> =>
      orm
        .select(situationColumns)
        .from(unitAssignments)
        .innerJoin(people, eq(people.id, unitAssignments.professionalId))
        .where(and(inArray(unitAssignments.unitId, [...unitIds]), isNull(people.archivedAt)))
        .orderBy(asc(unitAssignments.professionalId), asc(unitAssignments.unitId)),

    /** Unit assignments of these professionals (archived ones included: read by id), by professional then unit. */
    situationsOfProfessionals: (professionalIds: readonly string[]): Promise<SituationRow[]> =>
      orm
        .select(situationColumns)
        .from(unitAssignments)
        .where(inArray(unitAssignments.professionalId, [...professionalIds]))
        .orderBy(asc(unitAssignments.professionalId), asc(unitAssignments.unitId)),

    /**
     * Records changed at or after `since` (archived ones included: a sync must learn of archiving), in
     * (updatedAt, id) order after `after`. Compared at millisecond precision, the precision of the
     * cursor and of the DateTime scalar, so a row is never skipped between pages.
     */
    changedSince: (since: Date | null, after: ChangeKey | null, limit: number): Promise<ProfessionalView[]> => {
      const stamp = sql`date_trunc('milliseconds', ${people.updatedAt})`;
      const where: SQL[] = [];
      if (since) where.push(sql`${stamp} >= ${since.toISOString()}::timestamptz`);
      if (after) where.push(sql`(${stamp}, ${people.id}) > (${after[0]}::timestamptz, ${after[1]})`);
      return orm.select(visibleColumns).from(people).where(and(...where)).orderBy(stamp, asc(people.id)).limit(limit);
    },

    /** Who holds this RPPS/ADELI number, if anyone. */
    holderOfNumber: async (number: string): Promise<string | null> => {
      const [row] = await orm.select({ id: people.id }).from(people).where(eq(people.rppsNumber, number)).limit(1);
      return row?.id ?? null;
    },

    rescueEmailTaken: async (email: string, exceptId: string | null): Promise<boolean> => {
      const [row] = await orm
        .select({ id: people.id })
        .from(people)
        .where(and(sql`lower(${people.rescueEmail}) = lower(${email})`, exceptId ? sql`${people.id} <> ${exceptId}` : undefined))
        .limit(1);
      return row !== undefined;
    },

    countAll: async (): Promise<number> => {
      const [row] = await orm.select({ n: count() }).from(people);
      return row?.n ?? 0;
    },
  };
}

/** Every store of the subgraph, bound to one connection or transaction. */
function createStores(orm: Orm) {
  return {
    ...createRecordReader(orm),
    records: createRecordWriter(orm),
    accounts: createAccountStore(orm),
    roles: createRoleStore(orm),
    /** The structured searches (search-store.ts). */
    search: createSearchStore(orm),
    /** Change-feed events of the write (changes.ts); refuses to run outside `transaction`. Call last. */
    appendChanges: async (changes: readonly NewChange[]): Promise<void> => {
      await appendChanges(orm, changes);
    },
  };
}

export type TransactionStore = ReturnType<typeof createStores>;

export interface ProfessionalStore extends TransactionStore {
  /** Runs `fn` in one transaction, with stores bound to it (use only those inside). */
  transaction<T>(fn: (tx: TransactionStore) => Promise<T>): Promise<T>;
}

export function createProfessionalStore(orm: Orm): ProfessionalStore {
  return { ...createStores(orm), transaction: (fn) => orm.transaction((tx) => fn(createStores(tx))) };
}
