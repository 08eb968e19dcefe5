/** SQL of the offer subgraph. Knows tables and rows, not GraphQL nor rules. */
import { and, asc, count, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Orm } from '../../platform/db/client.js';
import { codes, establishments, organizations, units, type CodeRow, type EstablishmentRow, type OrganizationRow, type UnitRow } from './tables.js';

export interface EstablishmentCriteria {
  name?: string | null;
  departmentCode?: string | null;
  regionCode?: string | null;
  categoryCode?: string | null;
  organizationId?: string | null;
}

export interface UnitCriteria {
  establishmentId?: string | null;
  name?: string | null;
  ufCode?: string | null;
  kind?: string | null;
  discipline?: string | null;
  departmentCode?: string | null;
  includeArchived?: boolean | null;
  /** False hides sensitive units (callers below IG access profile 1). */
  includeSensitive?: boolean;
}

/** `name` contains `needle`, ignoring case and accents. LIKE wildcards in the needle are literal. */
function nameContains(column: PgColumn, needle: string): SQL {
  const escaped = needle.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`unaccent(lower(${column})) like '%' || unaccent(lower(${escaped})) || '%'`;
}

function establishmentWhere(c: EstablishmentCriteria): SQL[] {
  const where: SQL[] = [];
  if (c.name) where.push(nameContains(establishments.name, c.name));
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
  if (c.name) where.push(nameContains(units.name, c.name));
  if (c.ufCode) where.push(eq(units.ufCode, c.ufCode));
  if (c.kind) where.push(eq(units.kind, c.kind));
  if (c.discipline) where.push(eq(units.discipline, c.discipline));
  if (c.departmentCode) {
    where.push(
      inArray(units.establishmentId, sql`(select ${establishments.id} from ${establishments} where ${establishments.departmentCode} = ${c.departmentCode})`),
    );
  }
  return where;
}

export function createOfferStore(orm: Orm) {
  return {
    organizationsByIds: (ids: readonly string[]): Promise<OrganizationRow[]> =>
      orm.select().from(organizations).where(inArray(organizations.id, [...ids])),

    establishmentsByIds: (ids: readonly string[]): Promise<EstablishmentRow[]> =>
      orm.select().from(establishments).where(inArray(establishments.id, [...ids])),

    unitsByIds: (ids: readonly string[]): Promise<UnitRow[]> => orm.select().from(units).where(inArray(units.id, [...ids])),

    establishmentsOfOrganizations: (organizationIds: readonly string[]): Promise<EstablishmentRow[]> =>
      orm.select().from(establishments).where(inArray(establishments.organizationId, [...organizationIds])).orderBy(asc(establishments.id)),

    unitsOfEstablishments: (establishmentIds: readonly string[], includeArchived: boolean): Promise<UnitRow[]> =>
      orm
        .select()
        .from(units)
        .where(and(inArray(units.establishmentId, [...establishmentIds]), includeArchived ? undefined : eq(units.archived, false)))
        .orderBy(asc(units.id)),

    /** One page of establishments after `afterId`, ordered by id. */
    listEstablishments: (criteria: EstablishmentCriteria, afterId: string | null, limit: number): Promise<EstablishmentRow[]> => {
      const where = establishmentWhere(criteria);
      if (afterId) where.push(gt(establishments.id, afterId));
      return orm.select().from(establishments).where(and(...where)).orderBy(asc(establishments.id)).limit(limit);
    },

    countEstablishments: async (criteria: EstablishmentCriteria): Promise<number> => {
      const [row] = await orm.select({ n: count() }).from(establishments).where(and(...establishmentWhere(criteria)));
      return row?.n ?? 0;
    },

    listUnits: (criteria: UnitCriteria, afterId: string | null, limit: number): Promise<UnitRow[]> => {
      const where = unitWhere(criteria);
      if (afterId) where.push(gt(units.id, afterId));
      return orm.select().from(units).where(and(...where)).orderBy(asc(units.id)).limit(limit);
    },

    countUnits: async (criteria: UnitCriteria): Promise<number> => {
      const [row] = await orm.select({ n: count() }).from(units).where(and(...unitWhere(criteria)));
      return row?.n ?? 0;
    },

    codesOf: (systems: readonly string[]): Promise<CodeRow[]> => orm.select().from(codes).where(inArray(codes.system, [...systems])),

    countOrganizations: async (): Promise<number> => {
      const [row] = await orm.select({ n: count() }).from(organizations);
      return row?.n ?? 0;
    },
  };
}

export type OfferStore = ReturnType<typeof createOfferStore>;
