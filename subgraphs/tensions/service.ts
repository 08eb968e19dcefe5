/** Rules of the tensions subgraph, per request (batched reads). */
import DataLoader from 'dataloader';
import { requireReadAccess } from '../../platform/auth/authorize.js';
import type { Identity } from '../../platform/auth/identity.js';
import type { RightCode } from '../../platform/auth/rights.js';
import type { TensionStore } from './store.js';
import type { DeclarationRow } from './tables.js';

export type TensionStatus = 'IN_PROGRESS' | 'CLOSED';

/**
 * Who may read an establishment's tension declarations: users holding a tension or alert right on
 * it (the establishment's declarants and referents, the ARS with transversal rights), applications
 * with the scope. rights.md has no read-only tension right; this is the rule we enforce.
 */
export const TENSION_READ = {
  rights: ['OruTension_tension_creation', 'OruTension_tension_pageNouvelleDeclaration', 'OruTension_alerte_cloture', 'ORU_ALERTE', 'ORU_ALERTE_NEW'] as RightCode[],
  scope: 'tension.read',
} as const;

export function createTensionService(store: TensionStore, identity: Identity) {
  const canRead = (establishmentId: string) => requireReadAccess(identity, TENSION_READ, { kind: 'ESTABLISHMENT', id: establishmentId });
  const byId = new DataLoader(async (ids: readonly string[]) => {
    const rows = new Map((await store.byIds(ids)).map((r) => [r.id, r]));
    return ids.map((id) => rows.get(id) ?? null);
  });
  const ofEstablishment = new DataLoader(async (ids: readonly string[]) => {
    const rows = await store.ofEstablishments(ids);
    return ids.map((id) => rows.filter((r) => r.establishmentId === id));
  });
  return {
    tension: async (id: string): Promise<DeclarationRow | null> => {
      const row = await byId.load(id);
      if (row) canRead(row.establishmentId);
      return row;
    },
    /** Newest first; all statuses unless one is asked. */
    tensionsOf: async (establishmentId: string, status: TensionStatus | null | undefined): Promise<DeclarationRow[]> => {
      canRead(establishmentId);
      const rows = await ofEstablishment.load(establishmentId);
      return status ? rows.filter((r) => r.status === status) : rows;
    },
  };
}

export type TensionService = ReturnType<typeof createTensionService>;
