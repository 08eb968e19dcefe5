/** Writes of professional records and of where they work. Call inside a store transaction. */
import { and, eq, inArray, isNotNull, lt, notExists, notInArray, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.js';
import { unchangedSince } from '../../platform/db/optimistic.js';
import { enqueueMail, type OutgoingMail } from '../../platform/mail/outbox.js';
import { establishmentAssignments, mailOutbox, people, roleAssignments, unitAssignments } from './tables.js';
import { visibleColumns, type ProfessionalView } from './columns.js';
import type { UnitPlacement } from './input.js';

/** The record fields a caller can set (names already normalised, numbers parsed). */
export interface RecordFields {
  lastName: string;
  firstName: string;
  sex: string | null;
  professionCode: string | null;
  specialtyCode: string | null;
  rppsNumber: string | null;
  /** Function in the establishment, and how to reach the person at work (contact-input.ts). */
  jobTitle: string | null;
  workEmail: string | null;
  workPhone: string | null;
  mssanteAddress: string | null;
}

/** Serialises id allocation across processes for the length of one transaction. */
const ID_LOCK = 7_210_004;

export function createRecordWriter(orm: Orm) {
  return {
    /**
     * The next hub id, P followed by at least six digits (P000369 after the demo's P000368);
     * taken under a transaction-scoped advisory lock so concurrent creations never collide.
     */
    nextId: async (): Promise<string> => {
      await orm.execute(sql`select pg_advisory_xact_lock(${ID_LOCK})`);
      const [row] = await orm
        .select({ n: sql<number>`coalesce(max(substring(${people.id} from 2)::int), 0)` })
        .from(people)
        .where(sql`${people.id} ~ '^P[0-9]+$'`);
      return `P${String(Number(row?.n ?? 0) + 1).padStart(6, '0')}`;
    },

    insert: async (id: string, fields: RecordFields, rescueEmail: string | null): Promise<ProfessionalView> => {
      const [row] = await orm.insert(people).values({ id, ...fields, rescueEmail }).returning(visibleColumns);
      return row!;
    },

    /** The updated record; null when it is gone, or when `expectedUpdatedAt` is given and it changed since (platform/db/optimistic.ts). */
    update: async (id: string, fields: Partial<RecordFields>, expectedUpdatedAt?: Date | null): Promise<ProfessionalView | null> => {
      const [row] = await orm
        .update(people)
        .set({ ...fields, updatedAt: sql`now()` })
        .where(and(eq(people.id, id), unchangedSince(people.updatedAt, expectedUpdatedAt)))
        .returning(visibleColumns);
      return row ?? null;
    },

    setArchived: async (id: string, archived: boolean): Promise<ProfessionalView | null> => {
      const [row] = await orm
        .update(people)
        .set({ archivedAt: archived ? sql`now()` : null, updatedAt: sql`now()` })
        .where(eq(people.id, id))
        .returning(visibleColumns);
      return row ?? null;
    },

    /** Write-only: nothing reads the address back except the mail composer, at the time it is set. */
    setRescueEmail: async (id: string, email: string): Promise<void> => {
      await orm.update(people).set({ rescueEmail: email, updatedAt: sql`now()` }).where(eq(people.id, id));
    },

    /** The rescue e-mail, only to address a mail to it (never returned by the API). */
    rescueEmailOf: async (id: string): Promise<string | null> => {
      const [row] = await orm.select({ email: people.rescueEmail }).from(people).where(eq(people.id, id));
      return row?.email ?? null;
    },

    /** `regions`: TRE_R30 region by establishment, as the offer gave it (placement.ts); unknown ones stay null. */
    replaceEstablishments: async (professionalId: string, establishmentIds: readonly string[], regions: ReadonlyMap<string, string>): Promise<void> => {
      await orm.delete(establishmentAssignments).where(eq(establishmentAssignments.professionalId, professionalId));
      if (establishmentIds.length) {
        await orm.insert(establishmentAssignments).values(establishmentIds.map((establishmentId) => ({ professionalId, establishmentId, regionCode: regions.get(establishmentId) ?? null })));
      }
    },

    /**
     * The professional's units become `units`. Rows of units kept are updated in place, never
     * deleted and inserted again: a situation keeps its identifiantSituationOperationnelle
     * (`situation_number`, assigned by the column's identity on insert) for as long as it exists.
     */
    replaceUnits: async (professionalId: string, units: readonly UnitPlacement[]): Promise<void> => {
      const kept = units.map((u) => u.unitId);
      await orm
        .delete(unitAssignments)
        .where(and(eq(unitAssignments.professionalId, professionalId), ...(kept.length ? [notInArray(unitAssignments.unitId, kept)] : [])));
      if (!units.length) return;
      await orm
        .insert(unitAssignments)
        .values(units.map((u) => ({ professionalId, unitId: u.unitId, establishmentId: u.establishmentId, exerciseModeCode: u.exerciseModeCode, regionCode: u.regionCode })))
        .onConflictDoUpdate({
          target: [unitAssignments.professionalId, unitAssignments.unitId],
          set: { establishmentId: sql`excluded.establishment_id`, exerciseModeCode: sql`excluded.exercise_mode_code`, regionCode: sql`excluded.region_code` },
        });
    },

    /**
     * A unit moved from one establishment to another (the offer's transferUnit). With its
     * professionals: their assignment follows the unit, they gain the target establishment and lose
     * the source one when none of their other units is there. Without: they are detached from the
     * unit and keep their establishments. Idempotent: a second run changes nothing, so a transfer
     * whose offer side failed is repaired by running it again. Returns the professionals concerned
     * (`ids`) and those this run changed (`changed`: none on a second run).
     */
    transferUnit: async (unitId: string, from: string, target: { establishmentId: string; regionCode: string | null }, withProfessionals: boolean): Promise<{ ids: string[]; changed: string[] }> => {
      const to = target.establishmentId;
      const attached = await orm
        .select({ id: unitAssignments.professionalId, establishmentId: unitAssignments.establishmentId })
        .from(unitAssignments)
        .where(eq(unitAssignments.unitId, unitId))
        .for('update');
      const ids = attached.map((a) => a.id);
      if (ids.length === 0) return { ids, changed: [] };
      // Detached ones all change; moved ones only if their assignment was not moved yet (one transaction does both sides).
      const changed = withProfessionals ? attached.filter((a) => a.establishmentId !== to).map((a) => a.id) : ids;
      if (!withProfessionals) {
        await orm.delete(unitAssignments).where(eq(unitAssignments.unitId, unitId));
      } else {
        await orm.update(unitAssignments).set({ establishmentId: to, regionCode: target.regionCode }).where(eq(unitAssignments.unitId, unitId));
        await orm
          .insert(establishmentAssignments)
          .values(ids.map((professionalId) => ({ professionalId, establishmentId: to, regionCode: target.regionCode })))
          .onConflictDoNothing();
        const stillThere = orm
          .select({ one: sql`1` })
          .from(unitAssignments)
          .where(and(eq(unitAssignments.professionalId, establishmentAssignments.professionalId), eq(unitAssignments.establishmentId, from)));
        await orm
          .delete(establishmentAssignments)
          .where(and(eq(establishmentAssignments.establishmentId, from), inArray(establishmentAssignments.professionalId, ids), notExists(stillThere)));
      }
      await orm.update(people).set({ updatedAt: sql`now()` }).where(inArray(people.id, ids));
      return { ids, changed };
    },

    enqueueMail: (mail: OutgoingMail) => enqueueMail(orm, mailOutbox, mail),

    /**
     * Deletes records archived before `cutoff`; their assignments, account, password links and
     * role assignments go with them (foreign keys cascade), and so do assignments whose perimeter
     * is one of these records.
     */
    purgeArchivedBefore: async (cutoff: Date): Promise<string[]> => {
      const purged = await orm
        .delete(people)
        .where(and(isNotNull(people.archivedAt), lt(people.archivedAt, cutoff)))
        .returning({ id: people.id });
      const ids = purged.map((p) => p.id);
      if (ids.length) {
        await orm
          .delete(roleAssignments)
          .where(and(eq(roleAssignments.perimeterKind, 'PROFESSIONAL'), inArray(roleAssignments.perimeterId, ids)));
      }
      return ids;
    },
  };
}

export type RecordWriter = ReturnType<typeof createRecordWriter>;
