/** SQL of the offer subgraph. Knows tables and rows, not GraphQL nor rules. */
import { and, arrayOverlaps, asc, count, eq, getTableColumns, gt, inArray, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Orm } from '../../platform/db/client.js';
import { textArray } from '../../platform/db/arrays.js';
import { sharedReads } from '../../platform/shared-reads.js';
import { pricesOfEstablishmentsQuery } from './editing/store.js';
import { afterCondition, distanceKm, folded, nameMatches, nameScore, orderBy, withinRadius, type After, type Near, type Ordering } from './search.js';
import {
  codeSystems,
  codes,
  establishments,
  organizations,
  poles,
  unitContacts,
  units,
  type CodeRow,
  type EstablishmentRow,
  type OrganizationRow,
  type PoleRow,
  type EstablishmentPriceRow,
  type UnitContactRow,
  type UnitRow,
} from './tables.js';

export type CodeSystemRow = typeof codeSystems.$inferSelect;

export interface EstablishmentCriteria {
  /** Words of the name search (see search.ts nameWords). */
  nameWords?: string[] | null;
  near?: Near | null;
  departmentCode?: string | null;
  regionCode?: string | null;
  categoryCode?: string | null;
  organizationId?: string | null;
}

export interface UnitCriteria {
  establishmentId?: string | null;
  establishmentIds?: string[] | null;
  /** Words of the name search, matched against the unit's name followed by its establishment's. */
  nameWords?: string[] | null;
  ufCode?: string | null;
  kind?: string | null;
  discipline?: string | null;
  departmentCode?: string | null;
  regionCode?: string | null;
  categoryCode?: string | null;
  careModeCodes?: string[] | null;
  /** Any of these TRE_R211 codes. */
  operationalActivityCodes?: string[] | null;
  activityFieldCode?: string | null;
  patientAge?: number | null;
  /** Any of these TRE_R210 codes. */
  specificActCodes?: string[] | null;
  /** Any of these TRE_R212 codes. */
  equipmentCodes?: string[] | null;
  poleId?: string | null;
  near?: Near | null;
  includeArchived?: boolean | null;
  /** False hides sensitive units (callers below IG access profile 1). */
  includeSensitive?: boolean;
}

/** What a unit name search looks at: the unit's name then its establishment's, folded. */
const unitSearchName = folded(sql`${units.name} || ' ' || ${establishments.name}`);

/** The ordering value of a search (distance in km or name relevance), or null when ordered by id. */
function orderingValue(ordering: Ordering, near: Near | null | undefined, words: string[] | null | undefined, target: SQL): SQL | null {
  if (ordering === 'DISTANCE' && near) return distanceKm(establishments.latitude, establishments.longitude, near);
  if (ordering === 'RELEVANCE' && words) return nameScore(target, words);
  return null;
}

/** A row of a search page: the record, its distance to `near` (km) and its ordering value. */
export type Ranked<T> = T & { distanceKm: number | null; rank: number | null };

function establishmentWhere(c: EstablishmentCriteria): SQL[] {
  const where: SQL[] = [];
  if (c.nameWords) where.push(nameMatches(folded(establishments.name), c.nameWords));
  if (c.near) where.push(withinRadius(establishments.latitude, establishments.longitude, c.near));
  if (c.departmentCode) where.push(eq(establishments.departmentCode, c.departmentCode));
  if (c.regionCode) where.push(eq(establishments.regionCode, c.regionCode));
  if (c.categoryCode) where.push(eq(establishments.categoryCode, c.categoryCode));
  if (c.organizationId) where.push(eq(establishments.organizationId, c.organizationId));
  return where;
}

function unitWhere(c: UnitCriteria): SQL[] {
  const where: SQL[] = [];
  if (!c.includeArchived) where.push(eq(units.archived, false));
  if (!c.includeSensitive) where.push(eq(units.sensitive, false));
  if (c.establishmentId) where.push(eq(units.establishmentId, c.establishmentId));
  if (c.establishmentIds) where.push(c.establishmentIds.length ? inArray(units.establishmentId, c.establishmentIds) : sql`false`);
  if (c.nameWords) where.push(nameMatches(unitSearchName, c.nameWords));
  if (c.ufCode) where.push(eq(units.ufCode, c.ufCode));
  if (c.kind) where.push(eq(units.kind, c.kind));
  if (c.discipline) where.push(eq(units.discipline, c.discipline));
  if (c.departmentCode) where.push(eq(establishments.departmentCode, c.departmentCode));
  if (c.regionCode) where.push(eq(establishments.regionCode, c.regionCode));
  if (c.categoryCode) where.push(eq(establishments.categoryCode, c.categoryCode));
  if (c.careModeCodes?.length) where.push(inArray(units.careModeCode, c.careModeCodes));
  if (c.operationalActivityCodes?.length) where.push(arrayOverlaps(units.operationalActivityCodes, c.operationalActivityCodes));
  if (c.activityFieldCode) where.push(eq(units.activityFieldCode, c.activityFieldCode));
  if (c.patientAge !== null && c.patientAge !== undefined) {
    const age = c.patientAge;
    where.push(and(lte(units.patientAgeMin, age), gte(units.patientAgeMax, age))!);
  }
  if (c.specificActCodes?.length) where.push(arrayOverlaps(units.specificActCodes, c.specificActCodes));
  if (c.equipmentCodes?.length) where.push(arrayOverlaps(units.equipmentCodes, c.equipmentCodes));
  if (c.poleId) where.push(eq(units.poleId, c.poleId));
  if (c.near) where.push(withinRadius(establishments.latitude, establishments.longitude, c.near));
  return where;
}

/** A unit and its establishment, read together (D218). */
export interface UnitWithEstablishment {
  unit: UnitRow;
  establishment: EstablishmentRow;
}

/**
 * Units read by id by the requests of one window share one statement (D219): the
 * entity fetches of one subscription event arrive together, one per identity and selection.
 * The window lasts until the event loop's next turn: it shares about as much as 2 ms did in the
 * bench (2.4 requests per statement, 2.6 with 2 ms) without delaying any read by a timer.
 */
const SHARED_UNIT_READS = { maxKeys: 1000 };

/** `column = any($ids::text[])`: the ids of a statement built once, as one text array parameter (`textArray`). */
const anyId = (column: AnyPgColumn) => sql`${column} = any(${sql.placeholder('ids')}::text[])`;

export function createOfferStore(orm: Orm) {
  // Rows only, never filtered for a caller: each request's service applies its identity's rules.
  // Built once per store: the ids are one array parameter, so the statement's text never changes
  // (Drizzle rebuilt this select of every unit and establishment column, a parameter per id, on
  // each read; D244).
  const unitsWithEstablishmentsQuery = orm
    .select({ unit: units, establishment: establishments })
    .from(units)
    .innerJoin(establishments, eq(units.establishmentId, establishments.id))
    .where(anyId(units.id))
    .prepare('');
  // The page's other reads by id, built once likewise (their dataloaders batch a request's ids).
  const organizationsQuery = orm.select().from(organizations).where(anyId(organizations.id)).prepare('');
  const pricesQuery = pricesOfEstablishmentsQuery(orm);
  const polesQuery = (includeArchived: boolean) =>
    orm
      .select()
      .from(poles)
      .where(and(anyId(poles.establishmentId), includeArchived ? undefined : eq(poles.archived, false)))
      .orderBy(asc(poles.name), asc(poles.id))
      .prepare('');
  const polesQueries = { all: polesQuery(true), current: polesQuery(false) };
  const unitsWithEstablishments = sharedReads(
    (ids: string[]): Promise<UnitWithEstablishment[]> =>
      unitsWithEstablishmentsQuery.execute({ ids: textArray(ids) }),
    (row) => row.unit.id,
    SHARED_UNIT_READS,
  );
  return {
    organizationsByIds: (ids: readonly string[]): Promise<OrganizationRow[]> =>
      organizationsQuery.execute({ ids: textArray(ids) }),

    /** One page of legal entities by FINESS EJ number, after `afterId` (keyset on the primary key). */
    listOrganizations: (afterId: string | null, limit: number): Promise<OrganizationRow[]> =>
      orm
        .select()
        .from(organizations)
        .where(afterId === null ? undefined : gt(organizations.id, afterId))
        .orderBy(asc(organizations.id))
        .limit(limit),

    establishmentsByIds: (ids: readonly string[]): Promise<EstablishmentRow[]> =>
      orm.select().from(establishments).where(inArray(establishments.id, [...ids])),

    unitsByIds: (ids: readonly string[]): Promise<UnitRow[]> => orm.select().from(units).where(inArray(units.id, [...ids])),

    /** Units by id with their establishments, in one statement shared by concurrent requests (above). */
    unitsWithEstablishmentsByIds: (ids: readonly string[]): Promise<UnitWithEstablishment[]> => unitsWithEstablishments(ids),

    establishmentsOfOrganizations: (organizationIds: readonly string[]): Promise<EstablishmentRow[]> =>
      orm.select().from(establishments).where(inArray(establishments.organizationId, [...organizationIds])).orderBy(asc(establishments.id)),

    unitsOfEstablishments: (establishmentIds: readonly string[], includeArchived: boolean): Promise<UnitRow[]> =>
      orm
        .select()
        .from(units)
        .where(and(inArray(units.establishmentId, [...establishmentIds]), includeArchived ? undefined : eq(units.archived, false)))
        .orderBy(asc(units.id)),

    /** One page of establishments after `after`, in `ordering`. */
    listEstablishments: async (
      criteria: EstablishmentCriteria,
      ordering: Ordering,
      after: After | null,
      limit: number,
    ): Promise<Array<Ranked<EstablishmentRow>>> => {
      const value = orderingValue(ordering, criteria.near, criteria.nameWords, folded(establishments.name));
      const where = establishmentWhere(criteria);
      if (after) where.push(afterCondition(ordering, after, establishments.id, value));
      const rows = await orm
        .select({
          ...getTableColumns(establishments),
          distanceKm: criteria.near ? distanceKm(establishments.latitude, establishments.longitude, criteria.near).mapWith(Number) : sql<null>`null`,
          rank: value ? value.mapWith(Number) : sql<null>`null`,
        })
        .from(establishments)
        .where(and(...where))
        .orderBy(...orderBy(ordering, establishments.id, value))
        .limit(limit);
      return rows;
    },

    countEstablishments: async (criteria: EstablishmentCriteria): Promise<number> => {
      const [row] = await orm.select({ n: count() }).from(establishments).where(and(...establishmentWhere(criteria)));
      return row?.n ?? 0;
    },

    /** One page of units after `after`, in `ordering`; establishment fields filter through a join. */
    listUnits: async (criteria: UnitCriteria, ordering: Ordering, after: After | null, limit: number): Promise<Array<Ranked<UnitRow>>> => {
      const value = orderingValue(ordering, criteria.near, criteria.nameWords, unitSearchName);
      const where = unitWhere(criteria);
      if (after) where.push(afterCondition(ordering, after, units.id, value));
      return orm
        .select({
          ...getTableColumns(units),
          distanceKm: criteria.near ? distanceKm(establishments.latitude, establishments.longitude, criteria.near).mapWith(Number) : sql<null>`null`,
          rank: value ? value.mapWith(Number) : sql<null>`null`,
        })
        .from(units)
        .innerJoin(establishments, eq(units.establishmentId, establishments.id))
        .where(and(...where))
        .orderBy(...orderBy(ordering, units.id, value))
        .limit(limit);
    },

    countUnits: async (criteria: UnitCriteria): Promise<number> => {
      const [row] = await orm
        .select({ n: count() })
        .from(units)
        .innerJoin(establishments, eq(units.establishmentId, establishments.id))
        .where(and(...unitWhere(criteria)));
      return row?.n ?? 0;
    },

    codesOf: (systems: readonly string[]): Promise<CodeRow[]> => orm.select().from(codes).where(inArray(codes.system, [...systems])),

    /** The labels of these `[system, code]` pairs (by primary key, one statement; unknown pairs are absent). */
    labelsOf: async (pairs: ReadonlyArray<readonly [string, string]>): Promise<Array<{ system: string; code: string; display: string }>> => {
      if (pairs.length === 0) return [];
      const result = (await orm.execute(
        sql`select c.system, c.code, c.display from ${codes} c join unnest(${textArray(pairs.map((p) => p[0]))}::text[], ${textArray(pairs.map((p) => p[1]))}::text[]) as k(system, code) on c.system = k.system and c.code = k.code`,
      )) as unknown as { rows: Array<{ system: string; code: string; display: string }> };
      return result.rows;
    },

    polesByIds: (ids: readonly string[]): Promise<PoleRow[]> => orm.select().from(poles).where(inArray(poles.id, [...ids])),

    pricesOfEstablishments: (establishmentIds: readonly string[]): Promise<EstablishmentPriceRow[]> => pricesQuery.execute({ ids: textArray(establishmentIds) }),

    polesOfEstablishments: (establishmentIds: readonly string[], includeArchived: boolean): Promise<PoleRow[]> =>
      (includeArchived ? polesQueries.all : polesQueries.current).execute({ ids: textArray(establishmentIds) }),

    unitsOfPoles: (poleIds: readonly string[], includeArchived: boolean): Promise<UnitRow[]> =>
      orm
        .select()
        .from(units)
        .where(and(inArray(units.poleId, [...poleIds]), includeArchived ? undefined : eq(units.archived, false)))
        .orderBy(asc(units.id)),

    /** Contacts of the units, in display order. */
    contactsOfUnits: (unitIds: readonly string[]): Promise<UnitContactRow[]> =>
      orm.select().from(unitContacts).where(inArray(unitContacts.unitId, [...unitIds])).orderBy(asc(unitContacts.unitId), asc(unitContacts.position)),

    codeSystems: (): Promise<CodeSystemRow[]> => orm.select().from(codeSystems).orderBy(asc(codeSystems.name)),

    /** One code system by canonical URL or NOS name. */
    codeSystem: async (id: string): Promise<CodeSystemRow | null> =>
      (await orm.select().from(codeSystems).where(or(eq(codeSystems.url, id), eq(codeSystems.name, id))).limit(1))[0] ?? null,

    countOrganizations: async (): Promise<number> => {
      const [row] = await orm.select({ n: count() }).from(organizations);
      return row?.n ?? 0;
    },
  };
}

export type OfferStore = ReturnType<typeof createOfferStore>;
