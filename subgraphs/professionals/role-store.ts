/** SQL of role assignments (a role, or a single right, on one perimeter). */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.js';
import { roleAssignments, type RoleAssignmentRow } from './tables.js';

export interface NewAssignment {
  professionalId: string;
  role: string | null;
  right: string | null;
  perimeterKind: string;
  perimeterId: string | null;
  grantedBy: string | null;
}

export function createRoleStore(orm: Orm) {
  return {
    ofProfessionals: (professionalIds: readonly string[]): Promise<RoleAssignmentRow[]> =>
      orm
        .select()
        .from(roleAssignments)
        .where(inArray(roleAssignments.professionalId, [...professionalIds]))
        .orderBy(asc(roleAssignments.id)),

    byId: async (id: number): Promise<RoleAssignmentRow | null> =>
      (await orm.select().from(roleAssignments).where(eq(roleAssignments.id, id)))[0] ?? null,

    /** The same grant already held (assigning twice keeps one row). */
    same: async (a: NewAssignment): Promise<RoleAssignmentRow | null> => {
      const [row] = await orm
        .select()
        .from(roleAssignments)
        .where(
          and(
            eq(roleAssignments.professionalId, a.professionalId),
            a.role === null ? isNull(roleAssignments.role) : eq(roleAssignments.role, a.role),
            a.right === null ? isNull(roleAssignments.right) : eq(roleAssignments.right, a.right),
            eq(roleAssignments.perimeterKind, a.perimeterKind),
            a.perimeterId === null ? isNull(roleAssignments.perimeterId) : eq(roleAssignments.perimeterId, a.perimeterId),
          ),
        )
        .limit(1);
      return row ?? null;
    },

    insert: async (a: NewAssignment): Promise<RoleAssignmentRow> => {
      const [row] = await orm.insert(roleAssignments).values(a).returning();
      return row!;
    },

    insertMany: async (rows: NewAssignment[]): Promise<void> => {
      if (rows.length) await orm.insert(roleAssignments).values(rows);
    },

    /** True when the row was there to delete. */
    delete: async (id: number): Promise<boolean> => {
      const rows = await orm.delete(roleAssignments).where(eq(roleAssignments.id, id)).returning({ id: roleAssignments.id });
      return rows.length > 0;
    },

    /** Serialises concurrent assignments of one professional (no duplicate rows from a double click). */
    lockProfessional: async (professionalId: string): Promise<void> => {
      await orm.execute(sql`select pg_advisory_xact_lock(7210005, hashtext(${professionalId}))`);
    },
  };
}

export type RoleStore = ReturnType<typeof createRoleStore>;
