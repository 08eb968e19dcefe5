/** Demo data loading for the tensions subgraph: declarations and their timeline (declared, closed). */
import type { Database } from '../../platform/db/client.js';
import { insertInChunks } from '../../platform/db/bulk.js';
import { createTensionStore } from './store.js';
import { declarations, timelineEntries } from './tables.js';
import { loadReferenceData } from './reference.js';
import type { CrisisSeed } from './crisis/seed.js';

export interface TensionSeed {
  /** `level` and `disciplineGroup` are codes (levels.ts, discipline-groups.ts). */
  tensions: Array<{ id: string; establishmentId: string; disciplineGroup: string; level: string; status: string; startedAt: Date; endedAt: Date | null }>;
  /** The demo CPTS's member professionals (crisis/seed.ts); no CPTS without it. */
  crisis?: CrisisSeed;
}

export async function seedTensions(db: Database, input: TensionSeed): Promise<boolean> {
  // The seed runs before the subgraph starts (which loads them too): declarations need the codes.
  await loadReferenceData(db.orm);
  if ((await createTensionStore(db.orm).countAll()) > 0) return false;
  const rows = input.tensions.map((t) => ({
    id: t.id, establishmentId: t.establishmentId, disciplineGroupCode: t.disciplineGroup, levelCode: t.level,
    status: t.status, startedAt: t.startedAt, endedAt: t.endedAt,
  }));
  const entry = (t: (typeof rows)[number], kind: string, at: Date) =>
    ({ declarationId: t.id, at, author: 'seed', kind, levelCode: t.levelCode, disciplineGroupCode: t.disciplineGroupCode });
  const entries = [
    ...rows.map((t) => entry(t, 'DECLARED', t.startedAt)),
    ...rows.flatMap((t) => (t.endedAt ? [entry(t, 'CLOSED', t.endedAt)] : [])),
  ];
  await db.orm.transaction(async (tx) => {
    await insertInChunks(tx as never, declarations, rows);
    await insertInChunks(tx as never, timelineEntries, entries);
  });
  return true;
}
