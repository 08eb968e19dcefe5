/**
 * The professionals' side of the offer's unit transfer (docs/offer-editing.md): called by the
 * offer subgraph with the system identity before it commits the transfer, never by a client
 * (`applyUnitTransfer` is @inaccessible and refused to any other identity).
 */
import type { Identity } from '../../platform/auth/identity.js';
import { requireSystem } from './access.js';
import { actorName } from '../../platform/auth/identity.js';
import { professionalChange } from './changes.js';
import { badInput } from './input.js';
import { isFinessNumber } from './normalize.js';
import type { UnitDirectory } from './offer-units.js';
import type { ProfessionalStore } from './store.js';

export interface UnitTransferArgs {
  unitId: string;
  fromEstablishmentId: string;
  toEstablishmentId: string;
  withProfessionals: boolean;
}

export function createUnitTransferService(store: ProfessionalStore, directory: UnitDirectory) {
  return {
    /** Idempotent; returns the ids of the professionals attached to the unit (before a detach). */
    applyUnitTransfer: async (identity: Identity, args: UnitTransferArgs): Promise<string[]> => {
      requireSystem(identity);
      for (const name of ['fromEstablishmentId', 'toEstablishmentId'] as const) {
        if (!isFinessNumber(args[name])) throw badInput(name, `"${args[name]}" is not a FINESS ET number (9 characters).`);
      }
      if (args.fromEstablishmentId === args.toEstablishmentId) throw badInput('toEstablishmentId', 'The unit is already in this establishment.');
      // The moved situations take the target's region (their PractitionerRole `_tag`), asked of the offer.
      const regionCode = args.withProfessionals ? ((await directory.establishmentRegions([args.toEstablishmentId])).get(args.toEstablishmentId) ?? null) : null;
      return store.transaction(async (tx) => {
        const { ids, changed } = await tx.records.transferUnit(args.unitId, args.fromEstablishmentId, { establishmentId: args.toEstablishmentId, regionCode }, args.withProfessionals);
        if (changed.length) {
          // Each professional moved or detached, with where they work now (the keys followers filter on).
          const establishments = await tx.establishmentsOf(changed);
          const units = await tx.unitsOf(changed);
          const of = <T extends { professionalId: string; id: string }>(rows: T[], id: string) => rows.filter((r) => r.professionalId === id).map((r) => r.id);
          const changedFields = args.withProfessionals ? ['establishmentIds'] : ['unitIds'];
          await tx.appendChanges(
            changed.map((id) =>
              professionalChange('PROFESSIONAL', id, 'UPDATE', actorName(identity), { changedFields, establishmentIds: of(establishments, id), unitIds: of(units, id), transferredUnitId: args.unitId }),
            ),
          );
        }
        return ids;
      });
    },
  };
}
