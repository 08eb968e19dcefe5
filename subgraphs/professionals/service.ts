/**
 * Rules of the professionals subgraph, per request: reads (batched), record writes, accounts and
 * passwords, role administration. Each concept lives in its own file; this is their union.
 */
import { createCredentialService } from './credentials.js';
import { createReadService } from './reads.js';
import { createRecordService } from './records.js';
import { createRoleService } from './role-admin.js';
import type { ProfessionalStore } from './store.js';

export function createProfessionalService(store: ProfessionalStore) {
  return {
    ...createReadService(store),
    ...createRecordService(store),
    ...createCredentialService(store),
    ...createRoleService(store),
  };
}

export type ProfessionalService = ReturnType<typeof createProfessionalService>;
