/** SQL of the offer's editing mutations and audit trail. Knows tables and rows, not rules. */
import { appendChanges } from '../../../platform/changes/append.js';
import type { NewChange } from '../../../platform/changes/tables.js';
import { and, asc, count, desc, eq, inArray, like, lt, ne, or, sql } from 'drizzle-orm';
import type { Orm } from '../../../platform/db/client.js';
import { unchangedSince } from '../../../platform/db/optimistic.js';
import { textArray } from '../../../platform/db/arrays.js';
import {
  auditEvents,
  establishmentPrices,
  establishments,
  poles,
  unitContacts,
  units,
  type AuditEventRow,
  type AuditRecordType,
  type EstablishmentPriceRow,
  type EstablishmentRow,
  type PoleRow,
  type UnitContactRow,
  type UnitRow,
} from '../tables.js';

/**
 * The prices of the establishments given as `ids` (one text-array parameter), each establishment's
 * in order: the one statement of reads and writes. The offer's store prepares it once (D244); the
 * editing store prepares it on the transaction it runs in.
 */
export const pricesOfEstablishmentsQuery = (orm: Orm) =>
  orm
    .select()
    .from(establishmentPrices)
    .where(sql`${establishmentPrices.establishmentId} = any(${sql.placeholder('ids')}::text[])`)
    .orderBy(asc(establishmentPrices.establishmentId), asc(establishmentPrices.position))
    .prepare('');

/** The prices of these establishments, each establishment's in order. */
export function pricesOfEstablishments(orm: Orm, establishmentIds: readonly string[]): Promise<EstablishmentPriceRow[]> {
  return pricesOfEstablishmentsQuery(orm).execute({ ids: textArray(establishmentIds) });
}

export type NewUnit = typeof units.$inferInsert;
export type UnitChanges = Partial<Omit<NewUnit, 'id' | 'createdAt' | 'updatedAt'>>;
export type ContactValues = Omit<UnitContactRow, 'id' | 'unitId' | 'position'>;
export type Changes = Record<string, { from: unknown; to: unknown }>;

export interface AuditEntry {
  recordType: AuditRecordType;
  recordId: string;
  action: string;
  actorSubject: string;
  actorName: string;
  changes: Changes;
}

/** The change-feed event of an audited write: followers learn what changed without reading our tables. */
export function offerChange(entry: AuditEntry): NewChange {
  return {
    topic: 'offer',
    recordType: entry.recordType,
    recordId: entry.recordId,
    action: entry.action,
    actor: entry.actorName,
    payload: { changes: entry.changes },
  };
}

/** Audit rows and feed events per statement: 500 × 7 columns stays far below Postgres's 65,535 parameters. */
const AUDIT_CHUNK = 500;

/**
 * Audit rows, then their feed events, in chunks, within the caller's transaction `orm`: every
 * audited write of the offer (mutations, FINESS import) goes through here. Call it last, since
 * appending holds the feed's lock until commit (platform/changes/append.ts).
 */
export async function writeAudit(orm: Orm, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += AUDIT_CHUNK) {
    const chunk = entries.slice(i, i + AUDIT_CHUNK);
    await orm.insert(auditEvents).values([...chunk]);
    await appendChanges(orm, chunk.map(offerChange));
  }
}

/** Serialises unit and pôle id allocation per transaction (two creations never pick the same id). */
const ID_LOCK = 7_210_001;

function createEditingQueries(orm: Orm) {
  return {
    establishment: async (id: string, lock = false): Promise<EstablishmentRow | null> => {
      const query = orm.select().from(establishments).where(eq(establishments.id, id));
      const [row] = lock ? await query.for('update') : await query;
      return row ?? null;
    },

    /** Establishments of these départements whose commune's INSEE code is known (a unit's own address resolves its code from them). */
    communePlaces: (departmentCodes: readonly string[]): Promise<Array<{ departmentCode: string; city: string | null; inseeCode: string | null }>> =>
      orm
        .select({ departmentCode: establishments.departmentCode, city: establishments.city, inseeCode: establishments.inseeCode })
        .from(establishments)
        .where(and(inArray(establishments.departmentCode, [...departmentCodes]), sql`${establishments.inseeCode} is not null`)),

    unit: async (id: string, lock = false): Promise<UnitRow | null> => {
      const query = orm.select().from(units).where(eq(units.id, id));
      const [row] = lock ? await query.for('update') : await query;
      return row ?? null;
    },

    pole: async (id: string, lock = false): Promise<PoleRow | null> => {
      const query = orm.select().from(poles).where(eq(poles.id, id));
      const [row] = lock ? await query.for('update') : await query;
      return row ?? null;
    },

    contactsOf: (unitId: string): Promise<UnitContactRow[]> =>
      orm.select().from(unitContacts).where(eq(unitContacts.unitId, unitId)).orderBy(asc(unitContacts.position)),

    /** The active unit holding this UF code in the establishment (archived units free theirs, as the partial unique index says). */
    unitWithUfCode: async (establishmentId: string, ufCode: string, exceptId?: string): Promise<UnitRow | null> => {
      const [row] = await orm
        .select()
        .from(units)
        .where(and(eq(units.establishmentId, establishmentId), eq(units.ufCode, ufCode), eq(units.archived, false), exceptId ? ne(units.id, exceptId) : undefined))
        .limit(1);
      return row ?? null;
    },

    activeUnitsOfPole: async (poleId: string): Promise<string[]> =>
      (await orm.select({ id: units.id }).from(units).where(and(eq(units.poleId, poleId), eq(units.archived, false))).orderBy(asc(units.id))).map((r) => r.id),

    /** `<ET>-<UF>` when free, else `<ET>-<UF>-<n>` with the smallest free n from 2 (call under the id lock). */
    freeUnitId: async (establishmentId: string, ufCode: string): Promise<string> => {
      await orm.execute(sql`select pg_advisory_xact_lock(${ID_LOCK})`);
      const base = `${establishmentId}-${ufCode}`;
      const taken = new Set(
        (await orm.select({ id: units.id }).from(units).where(or(eq(units.id, base), like(units.id, `${base}-%`)))).map((r) => r.id),
      );
      if (!taken.has(base)) return base;
      let n = 2;
      while (taken.has(`${base}-${n}`)) n += 1;
      return `${base}-${n}`;
    },

    /** `<ET>-P<n>`: pôles have no national code, so they are numbered per establishment. */
    freePoleId: async (establishmentId: string): Promise<string> => {
      await orm.execute(sql`select pg_advisory_xact_lock(${ID_LOCK})`);
      const [row] = await orm.select({ n: count() }).from(poles).where(eq(poles.establishmentId, establishmentId));
      let n = (row?.n ?? 0) + 1;
      while (await orm.select({ id: poles.id }).from(poles).where(eq(poles.id, `${establishmentId}-P${n}`)).then((r) => r.length > 0)) n += 1;
      return `${establishmentId}-P${n}`;
    },

    insertUnit: async (values: NewUnit): Promise<UnitRow> => (await orm.insert(units).values(values).returning())[0]!,

    /** The updated row; null when `expectedUpdatedAt` is given and the row changed since (platform/db/optimistic.ts). */
    updateUnit: async (id: string, changes: UnitChanges, expectedUpdatedAt?: Date | null): Promise<UnitRow | null> =>
      (await orm.update(units).set({ ...changes, updatedAt: sql`now()` }).where(and(eq(units.id, id), unchangedSince(units.updatedAt, expectedUpdatedAt))).returning())[0] ?? null,

    replaceContacts: async (unitId: string, contacts: readonly ContactValues[]): Promise<void> => {
      await orm.delete(unitContacts).where(eq(unitContacts.unitId, unitId));
      if (contacts.length) await orm.insert(unitContacts).values(contacts.map((c, position) => ({ ...c, unitId, position })));
    },

    /** The updated row; null when `expectedUpdatedAt` is given and the row changed since. */
    updateEstablishment: async (id: string, changes: Partial<EstablishmentRow>, expectedUpdatedAt?: Date | null): Promise<EstablishmentRow | null> =>
      (await orm.update(establishments).set({ ...changes, updatedAt: sql`now()` }).where(and(eq(establishments.id, id), unchangedSince(establishments.updatedAt, expectedUpdatedAt))).returning())[0] ?? null,

    pricesOfEstablishments: (establishmentIds: readonly string[]): Promise<EstablishmentPriceRow[]> => pricesOfEstablishments(orm, establishmentIds),

    /** Every price of the establishment replaced by these, in order. */
    replacePrices: async (establishmentId: string, prices: readonly Omit<EstablishmentPriceRow, 'id' | 'establishmentId'>[]): Promise<void> => {
      await orm.delete(establishmentPrices).where(eq(establishmentPrices.establishmentId, establishmentId));
      if (prices.length) await orm.insert(establishmentPrices).values(prices.map((p) => ({ ...p, establishmentId })));
    },

    insertPole: async (values: typeof poles.$inferInsert): Promise<PoleRow> => (await orm.insert(poles).values(values).returning())[0]!,

    updatePole: async (id: string, changes: Partial<Pick<PoleRow, 'name' | 'archived'>>): Promise<PoleRow> =>
      (await orm.update(poles).set({ ...changes, updatedAt: sql`now()` }).where(eq(poles.id, id)).returning())[0]!,

    /** Audit rows, and the same changes on the change feed (topic `offer`), in the write's transaction. */
    audit: (entries: readonly AuditEntry[]): Promise<void> => writeAudit(orm, entries),

    /** Newest first; `beforeId` is the cursor (events are never updated, so ids order them). */
    history: (recordType: AuditRecordType, recordId: string, beforeId: number | null, limit: number): Promise<AuditEventRow[]> =>
      orm
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.recordType, recordType), eq(auditEvents.recordId, recordId), beforeId === null ? undefined : lt(auditEvents.id, beforeId)))
        .orderBy(desc(auditEvents.id))
        .limit(limit),

    historyCount: async (recordType: AuditRecordType, recordId: string): Promise<number> => {
      const [row] = await orm.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.recordType, recordType), eq(auditEvents.recordId, recordId)));
      return row?.n ?? 0;
    },

    /** Organisation of each establishment (for authorisation ancestry). */
    organizationsOf: async (establishmentIds: readonly string[]): Promise<Map<string, string>> => {
      if (!establishmentIds.length) return new Map();
      const rows = await orm
        .select({ id: establishments.id, organizationId: establishments.organizationId })
        .from(establishments)
        .where(inArray(establishments.id, [...establishmentIds]));
      return new Map(rows.map((r) => [r.id, r.organizationId]));
    },
  };
}

export type EditingQueries = ReturnType<typeof createEditingQueries>;

export interface EditingStore extends EditingQueries {
  /** Runs `fn` in one transaction, with queries bound to it: a write and its audit rows commit together. */
  transaction<T>(fn: (tx: EditingQueries) => Promise<T>): Promise<T>;
}

export function createEditingStore(orm: Orm): EditingStore {
  return { ...createEditingQueries(orm), transaction: (fn) => orm.transaction((tx) => fn(createEditingQueries(tx as unknown as Orm))) };
}
