/**
 * Rules of the professionals subgraph, per request: reads (batched), record writes, accounts and
 * passwords, role administration. Each concept lives in its own file; this is their union.
 */
import { createCredentialService } from './credentials.js';
import { createReadService } from './reads.js';
import { createRecordService } from './records.js';
import { createRoleService } from './role-admin.js';
import { createSearchService } from './search.js';
import { createSituationService } from './situations.js';
import type { ProfessionalStore } from './store.js';
import type { UnitDirectory } from './offer-units.js';
import { createUnitTransferService } from './unit-transfer.js';

/** `directory` resolves units through the offer subgraph (never from a unit id's prefix). */
export function createProfessionalService(store: ProfessionalStore, directory: UnitDirectory, passwordLog2N: number) {
  const situations = createSituationService(store, directory);
  return {
    ...createReadService(store),
    ...createRecordService(store, directory),
    ...createCredentialService(store, passwordLog2N),
    ...createRoleService(store, directory),
    ...createUnitTransferService(store, directory),
    ...situations,
    ...createSearchService(store.search, situations.visibleUnitSet),
  };
}

export type ProfessionalService = ReturnType<typeof createProfessionalService>;
