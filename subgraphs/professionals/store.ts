/** SQL of the professionals subgraph. */
import { asc, count, eq, inArray } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.js';
import { establishmentAssignments, people, unitAssignments, type ProfessionalRow } from './tables.js';

export type Assigned = ProfessionalRow & { key: string };

export function createProfessionalStore(orm: Orm) {
  return {
    byIds: (ids: readonly string[]): Promise<ProfessionalRow[]> => orm.select().from(people).where(inArray(people.id, [...ids])),

    /** Professionals of each establishment, tagged with the establishment id as `key`. */
    ofEstablishments: async (establishmentIds: readonly string[]): Promise<Assigned[]> => {
      const rows = await orm
        .select({ key: establishmentAssignments.establishmentId, person: people })
        .from(establishmentAssignments)
        .innerJoin(people, eq(people.id, establishmentAssignments.professionalId))
        .where(inArray(establishmentAssignments.establishmentId, [...establishmentIds]))
        .orderBy(asc(people.lastName), asc(people.firstName), asc(people.id));
      return rows.map((r) => ({ ...r.person, key: r.key }));
    },

    ofUnits: async (unitIds: readonly string[]): Promise<Assigned[]> => {
      const rows = await orm
        .select({ key: unitAssignments.unitId, person: people })
        .from(unitAssignments)
        .innerJoin(people, eq(people.id, unitAssignments.professionalId))
        .where(inArray(unitAssignments.unitId, [...unitIds]))
        .orderBy(asc(people.lastName), asc(people.firstName), asc(people.id));
      return rows.map((r) => ({ ...r.person, key: r.key }));
    },

    establishmentIdsOf: (professionalId: string) =>
      orm.select({ id: establishmentAssignments.establishmentId }).from(establishmentAssignments).where(eq(establishmentAssignments.professionalId, professionalId)),

    unitIdsOf: (professionalId: string) =>
      orm.select({ id: unitAssignments.unitId }).from(unitAssignments).where(eq(unitAssignments.professionalId, professionalId)),

    countAll: async (): Promise<number> => {
      const [row] = await orm.select({ n: count() }).from(people);
      return row?.n ?? 0;
    },
  };
}

export type ProfessionalStore = ReturnType<typeof createProfessionalStore>;
