/**
 * Editing establishments (the fields referents keep current) and pôles. Each write and its audit
 * row commit in one transaction; a write that changes nothing records nothing.
 */
import { requireRight } from '../../../platform/auth/authorize.js';
import type { Identity } from '../../../platform/auth/identity.js';
import { HubError } from '../../../platform/errors.js';
import { isUnchangedSince, staleRecord } from '../../../platform/db/optimistic.js';
import type { EstablishmentRow, PoleRow } from '../tables.js';
import { establishmentTarget, requireApplicationOrUserWriter, requireRecordWrite, requireWriter } from './access.js';
import { actorOf, created, diff, entry } from './audit.js';
import { establishmentOf, poleOf } from './loaders.js';
import { pricesOf, type EstablishmentPriceInput, type PriceValues } from './prices.js';
import { emailOf, nameOf, phoneOf, urlOf } from './rules.js';
import type { EditingStore } from './store.js';

export interface EstablishmentUpdate {
  switchboardPhone?: string | null;
  managementPhone?: string | null;
  alertPhones?: string[] | null;
  alertEmail?: string | null;
  managementEmail?: string | null;
  website?: string | null;
  dropZone?: boolean | null;
  prices?: EstablishmentPriceInput[] | null;
}

function establishmentChanges(input: EstablishmentUpdate): Partial<EstablishmentRow> {
  const changes: Partial<EstablishmentRow> = {};
  if (input.switchboardPhone !== undefined) changes.switchboardPhone = phoneOf('switchboardPhone', input.switchboardPhone);
  if (input.managementPhone !== undefined) changes.managementPhone = phoneOf('managementPhone', input.managementPhone);
  if (input.alertPhones !== undefined) {
    changes.alertPhones = [...new Set((input.alertPhones ?? []).map((p, i) => phoneOf(`alertPhones[${i}]`, p)).filter((p): p is string => p !== null))];
  }
  if (input.alertEmail !== undefined) changes.alertEmail = emailOf('alertEmail', input.alertEmail);
  if (input.managementEmail !== undefined) changes.managementEmail = emailOf('managementEmail', input.managementEmail);
  if (input.website !== undefined) changes.website = urlOf('website', input.website);
  if (input.dropZone !== undefined) changes.dropZone = input.dropZone;
  return changes;
}

/** The prices' audit form: what a reader compares (no row ids). */
const pricesForAudit = (prices: readonly PriceValues[]) => prices.map(({ position: _position, ...p }) => p);

export function createStructureEditing(store: EditingStore, identity: Identity) {
  const actor = () => actorOf(identity);

  /** The pôle, after checking the right on its establishment (writes re-read it locked). */
  const editablePole = async (id: string, right: 'ORU_ROR_POLE_EDIT' | 'ORU_ROR_POLE_DELETE') => {
    requireWriter(identity);
    const pole = await poleOf(store, id);
    requireRight(identity, right, establishmentTarget(await establishmentOf(store, pole.establishmentId)));
    return pole;
  };

  const setPoleArchived = async (id: string, archived: boolean): Promise<PoleRow> => {
    await editablePole(id, 'ORU_ROR_POLE_DELETE');
    return store.transaction(async (tx) => {
      const pole = await poleOf(tx, id, true);
      if (pole.archived === archived) return pole;
      if (archived) {
        const active = await tx.activeUnitsOfPole(id);
        if (active.length) {
          throw new HubError('CONFLICT', `Pôle ${id} (${pole.name}) still has ${active.length} active unit(s): ${active.join(', ')}. Move or archive them first.`, { unitIds: active });
        }
      }
      const row = await tx.updatePole(id, { archived });
      await tx.audit([entry(actor(), 'POLE', id, archived ? 'ARCHIVE' : 'REACTIVATE', { archived: { from: !archived, to: archived } })]);
      return row;
    });
  };

  return {
    /** With `expectedUpdatedAt`, the establishment must not have changed since (the UPDATE checks it). */
    updateEstablishment: async (id: string, input: EstablishmentUpdate, expectedUpdatedAt?: Date | null): Promise<EstablishmentRow> => {
      requireApplicationOrUserWriter(identity);
      requireRecordWrite(identity, 'ORU_ROR_ETABLISSEMENT_EDIT', establishmentTarget(await establishmentOf(store, id)));
      const wanted = establishmentChanges(input);
      // null and [] both remove every price; absent leaves them.
      const prices = input.prices === undefined ? undefined : pricesOf(input.prices ?? []);
      return store.transaction(async (tx) => {
        const current = await establishmentOf(tx, id, 'id', true);
        if (!isUnchangedSince(current.updatedAt, expectedUpdatedAt)) throw staleRecord(`Establishment ${id}`, expectedUpdatedAt!);
        const changes = diff(current as unknown as Record<string, unknown>, wanted);
        if (prices !== undefined) {
          const stored = (await tx.pricesOfEstablishments([id])).map(({ id: _id, establishmentId: _e, ...p }) => p);
          Object.assign(changes, diff({ prices: pricesForAudit(stored) }, { prices: pricesForAudit(prices) }));
          if (changes.prices) await tx.replacePrices(id, prices);
        }
        if (!Object.keys(changes).length) return current;
        // updated_at moves with any change, prices included (FHIR meta.lastUpdated).
        const row = await tx.updateEstablishment(id, wanted, expectedUpdatedAt);
        if (!row) throw staleRecord(`Establishment ${id}`, expectedUpdatedAt!);
        await tx.audit([entry(actor(), 'ESTABLISHMENT', id, 'UPDATE', changes)]);
        return row;
      });
    },

    createPole: async (establishmentId: string, rawName: string): Promise<PoleRow> => {
      requireWriter(identity);
      const establishment = await establishmentOf(store, establishmentId, 'establishmentId');
      requireRight(identity, 'ORU_ROR_POLE_NEW', establishmentTarget(establishment));
      const name = nameOf('name', rawName, false);
      return store.transaction(async (tx) => {
        const id = await tx.freePoleId(establishmentId);
        const row = await tx.insertPole({ id, establishmentId, name });
        await tx.audit([entry(actor(), 'POLE', id, 'CREATE', created({ establishmentId, name }))]);
        return row;
      });
    },

    renamePole: async (id: string, rawName: string): Promise<PoleRow> => {
      await editablePole(id, 'ORU_ROR_POLE_EDIT');
      const name = nameOf('name', rawName, false);
      return store.transaction(async (tx) => {
        const pole = await poleOf(tx, id, true);
        if (pole.name === name) return pole;
        const row = await tx.updatePole(id, { name });
        await tx.audit([entry(actor(), 'POLE', id, 'UPDATE', { name: { from: pole.name, to: name } })]);
        return row;
      });
    },

    archivePole: (id: string) => setPoleArchived(id, true),
    reactivatePole: (id: string) => setPoleArchived(id, false),
  };
}
