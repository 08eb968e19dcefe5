/** Demo data loading for the professionals subgraph. */
import type { Database } from '../../platform/db/client.js';
import { insertInChunks } from '../../platform/db/bulk.js';
import { createProfessionalStore } from './store.js';
import { establishmentAssignments, people, unitAssignments } from './tables.js';

export interface ProfessionalSeed {
  professionals: Array<typeof people.$inferInsert & { establishmentIds: string[]; unitIds: string[] }>;
}

export async function seedProfessionals(db: Database, input: ProfessionalSeed): Promise<boolean> {
  if ((await createProfessionalStore(db.orm).countAll()) > 0) return false;
  const persons = input.professionals.map(({ establishmentIds: _e, unitIds: _u, ...person }) => person);
  const atEstablishments = input.professionals.flatMap((p) => p.establishmentIds.map((establishmentId) => ({ professionalId: p.id, establishmentId })));
  const atUnits = input.professionals.flatMap((p) => p.unitIds.map((unitId) => ({ professionalId: p.id, unitId })));
  await db.orm.transaction(async (tx) => {
    await insertInChunks(tx as never, people, persons);
    await insertInChunks(tx as never, establishmentAssignments, atEstablishments);
    await insertInChunks(tx as never, unitAssignments, atUnits);
  });
  return true;
}
