/** Rules of the tensions subgraph, per request (batched reads). */
import DataLoader from 'dataloader';
import type { TensionStore } from './store.js';
import type { DeclarationRow } from './tables.js';

export type TensionStatus = 'IN_PROGRESS' | 'CLOSED';

export function createTensionService(store: TensionStore) {
  const byId = new DataLoader(async (ids: readonly string[]) => {
    const rows = new Map((await store.byIds(ids)).map((r) => [r.id, r]));
    return ids.map((id) => rows.get(id) ?? null);
  });
  const ofEstablishment = new DataLoader(async (ids: readonly string[]) => {
    const rows = await store.ofEstablishments(ids);
    return ids.map((id) => rows.filter((r) => r.establishmentId === id));
  });
  return {
    tension: (id: string): Promise<DeclarationRow | null> => byId.load(id),
    /** Newest first; all statuses unless one is asked. */
    tensionsOf: async (establishmentId: string, status: TensionStatus | null | undefined): Promise<DeclarationRow[]> => {
      const rows = await ofEstablishment.load(establishmentId);
      return status ? rows.filter((r) => r.status === status) : rows;
    },
  };
}

export type TensionService = ReturnType<typeof createTensionService>;
