/**
 * Editing units: create, update, change type, archive / reactivate, transfer, copy
 * (docs/offer-editing.md). Rules: check the caller, validate, check the state, then write the
 * change and its audit row(s) in one transaction. A unit keeps its id for life (D30): capacities,
 * tensions and professionals key on it.
 */
import { requireRight, seesConfidential } from '../../../platform/auth/authorize.js';
import type { Identity } from '../../../platform/auth/identity.js';
import { HubError } from '../../../platform/errors.js';
import { isUnchangedSince, staleRecord } from '../../../platform/db/optimistic.js';
import type { UnitContactRow, UnitRow } from '../tables.js';
import { OPEN_ACCESS_CONFIDENTIALITY } from '../service.js';
import { establishmentTarget, requireApplicationOrUserWriter, requireRecordWrite, requireWriter, unitTarget } from './access.js';
import { actorOf, created, diff, entry } from './audit.js';
import { establishmentOf, refuseArchived, requireFreeUfCode, requireUsablePole, unitOf } from './loaders.js';
import type { ProfessionalsPort } from './professionals.js';
import { badInput, nameOf, requireCompatible, ufCodeOf } from './rules.js';
import { communeCodeResolver, departmentsOfPostalCode } from '../finess/commune-codes.js';
import type { ContactValues, EditingQueries, EditingStore, UnitChanges } from './store.js';
import { auditedUnit, newUnitOf, unitChangesOf, type UnitFieldsInput, type UnitInput } from './unit-input.js';

/**
 * Contacts replace the unit's contacts as a whole, but a caller who does not see confidential
 * contacts (an application below access profile 1) cannot send them back: they are kept, so its
 * write replaces only the contacts it sees (docs/fhir-write.md).
 */
function keepHiddenContacts(identity: Identity, given: ContactValues[], current: readonly UnitContactRow[]): ContactValues[] {
  if (seesConfidential(identity)) return given;
  const hidden = current
    .filter((c) => c.confidentialityCode !== OPEN_ACCESS_CONFIDENTIALITY)
    .map(({ natureCode, role, channelCode, value, confidentialityCode }) => ({ natureCode, role, channelCode, value, confidentialityCode }));
  return [...given, ...hidden];
}

/**
 * A unit's own address written without its commune's INSEE code takes the one the hub's
 * establishments of that commune give (the FINESS import's rule, finess/commune-codes.ts): the
 * ROR's Location needs it (ror-commune-cog 1..1). When they do not tell it, the write is refused.
 */
async function resolveCommuneCode(store: EditingStore, changes: UnitChanges): Promise<void> {
  if (!changes.postalCode || changes.inseeCode) return;
  const departments = departmentsOfPostalCode(changes.postalCode);
  const resolve = communeCodeResolver(await store.communePlaces(departments));
  const codes = new Set(departments.map((departmentCode) => resolve({ departmentCode, city: changes.city ?? null })).filter((c): c is string => c !== null));
  if (codes.size !== 1) {
    throw badInput('ownAddress.inseeCode', `the hub cannot tell the INSEE code of ${changes.city ?? ''} (${changes.postalCode}) from its establishments: give the commune's code (the ROR's Location needs it).`);
  }
  changes.inseeCode = [...codes][0]!;
}

type UnitRight = 'ORU_ROR_UNITE_EDIT' | 'ORU_ROR_UNITE_DELETE' | 'ORU_ROR_UNITE_TRANSFERT';

export function createUnitEditing(store: EditingStore, identity: Identity, professionals: ProfessionalsPort) {
  const actor = () => actorOf(identity);

  /** The unit after the right on it, with its ancestry from the database. */
  const unitWithRight = async (id: string, right: UnitRight): Promise<UnitRow> => {
    requireWriter(identity);
    const unit = await unitOf(store, id);
    const establishment = await establishmentOf(store, unit.establishmentId);
    requireRight(identity, right, unitTarget(unit, establishment.organizationId));
    return unit;
  };

  /**
   * Applies `wanted` to the locked unit and audits what actually changed; nothing changed, nothing
   * written. With `expectedUpdatedAt`, the unit must not have changed since (the UPDATE checks it).
   */
  const writeUnit = async (
    tx: EditingQueries,
    id: string,
    action: string,
    wanted: Partial<UnitRow>,
    contacts: ReturnType<typeof unitChangesOf>['contacts'],
    extra: Record<string, { from: unknown; to: unknown }> = {},
    expectedUpdatedAt?: Date | null,
  ) => {
    const current = await unitOf(tx, id, true);
    const currentContacts = await tx.contactsOf(id);
    const before = auditedUnit(current, currentContacts);
    const changes = { ...diff(before, { ...wanted, ...(contacts ? { contacts: auditedUnit(current, contacts).contacts } : {}) }), ...extra };
    if (!isUnchangedSince(current.updatedAt, expectedUpdatedAt)) throw staleRecord(`Unit ${id}`, expectedUpdatedAt!);
    if (!Object.keys(changes).length) return current;
    const row = await tx.updateUnit(id, wanted, expectedUpdatedAt); // bumps updated_at, also when only the contacts changed
    if (!row) throw staleRecord(`Unit ${id}`, expectedUpdatedAt!);
    if (contacts) await tx.replaceContacts(id, contacts);
    await tx.audit([entry(actor(), 'UNIT', id, action, changes)]);
    return row;
  };

  const setArchived = async (id: string, archived: boolean): Promise<UnitRow> => {
    const unit = await unitWithRight(id, 'ORU_ROR_UNITE_DELETE');
    if (unit.archived === archived) return unit;
    if (archived) {
      // Asked before the transaction: PGlite runs one transaction at a time, and the
      // professionals subgraph shares the database in the single-process hub.
      const stranded = await professionals.soleProfessionals(id);
      if (stranded.length) {
        const names = stranded.map((p) => `${p.id} ${p.lastName} ${p.firstName}`).join(', ');
        throw new HubError('CONFLICT', `Unit ${id} is the only unit of ${stranded.length} active professional(s): ${names}. Attach them to another unit first.`, {
          professionals: stranded,
        });
      }
    }
    return store.transaction(async (tx) => {
      const current = await unitOf(tx, id, true);
      if (current.archived === archived) return current;
      if (!archived) await requireFreeUfCode(tx, current.establishmentId, current.ufCode, id);
      const row = (await tx.updateUnit(id, { archived }))!;
      await tx.audit([entry(actor(), 'UNIT', id, archived ? 'ARCHIVE' : 'REACTIVATE', { archived: { from: !archived, to: archived } })]);
      return row;
    });
  };

  return {
    createUnit: async (establishmentId: string, input: UnitInput): Promise<UnitRow> => {
      requireApplicationOrUserWriter(identity);
      const establishment = await establishmentOf(store, establishmentId, 'establishmentId');
      requireRecordWrite(identity, 'ORU_ROR_UNITE_NEW', establishmentTarget(establishment));
      const { changes, contacts } = newUnitOf(input);
      await resolveCommuneCode(store, changes);
      const values = { ...changes, name: changes.name!, ufCode: changes.ufCode!, activityFieldCode: changes.activityFieldCode!, careModeCode: changes.careModeCode!, operationalActivityCodes: changes.operationalActivityCodes!, patientAgeMin: changes.patientAgeMin!, patientAgeMax: changes.patientAgeMax! };
      if (values.poleId) await requireUsablePole(store, values.poleId, establishmentId);
      return store.transaction(async (tx) => {
        await requireFreeUfCode(tx, establishmentId, values.ufCode);
        const id = await tx.freeUnitId(establishmentId, values.ufCode);
        const row = await tx.insertUnit({ ...values, id, establishmentId });
        await tx.replaceContacts(id, contacts);
        await tx.audit([entry(actor(), 'UNIT', id, 'CREATE', created(auditedUnit(row, contacts)))]);
        return row;
      });
    },

    updateUnit: async (id: string, input: UnitFieldsInput, expectedUpdatedAt?: Date | null): Promise<UnitRow> => {
      requireApplicationOrUserWriter(identity);
      const unit = await unitOf(store, id);
      requireRecordWrite(identity, 'ORU_ROR_UNITE_EDIT', unitTarget(unit, (await establishmentOf(store, unit.establishmentId)).organizationId));
      refuseArchived(unit);
      if (input.name === null) throw badInput('name', 'a unit keeps a name.');
      if (input.ufCode === null) throw badInput('ufCode', 'a unit keeps a UF code.');
      const currentContacts = await store.contactsOf(id);
      const { changes, contacts: given } = unitChangesOf(input, unit, currentContacts);
      const contacts = given && keepHiddenContacts(identity, given, currentContacts);
      await resolveCommuneCode(store, changes);
      if (changes.poleId) await requireUsablePole(store, changes.poleId, unit.establishmentId);
      return store.transaction(async (tx) => {
        if (changes.ufCode && changes.ufCode !== unit.ufCode) await requireFreeUfCode(tx, unit.establishmentId, changes.ufCode, id);
        return writeUnit(tx, id, 'UPDATE', changes, contacts, {}, expectedUpdatedAt);
      });
    },

    changeUnitType: async (id: string, kind: string, discipline: string): Promise<UnitRow> => {
      const unit = await unitWithRight(id, 'ORU_ROR_UNITE_EDIT');
      refuseArchived(unit);
      requireCompatible(kind, discipline);
      return store.transaction((tx) => writeUnit(tx, id, 'CHANGE_TYPE', { kind, discipline }, null));
    },

    archiveUnit: (id: string) => setArchived(id, true),
    reactivateUnit: (id: string) => setArchived(id, false),

    /**
     * Order (docs/offer-editing.md): validate and check rights, check the state, apply the
     * professionals' side (idempotent), then commit the offer's side. If the professionals call
     * fails nothing is written here; if the commit fails after it, running the transfer again
     * repairs it.
     */
    transferUnit: async (id: string, toEstablishmentId: string, withProfessionals: boolean): Promise<UnitRow> => {
      const unit = await unitWithRight(id, 'ORU_ROR_UNITE_TRANSFERT');
      const target = await establishmentOf(store, toEstablishmentId, 'toEstablishmentId');
      requireRight(identity, 'ORU_ROR_UNITE_NEW', establishmentTarget(target));
      refuseArchived(unit);
      if (target.id === unit.establishmentId) throw badInput('toEstablishmentId', `unit ${id} is already in establishment ${target.id}.`);
      await requireFreeUfCode(store, target.id, unit.ufCode, id, 'toEstablishmentId');
      const from = unit.establishmentId;
      const concerned = await professionals.applyUnitTransfer(id, from, target.id, withProfessionals);
      return store.transaction(async (tx) => {
        const current = await unitOf(tx, id, true);
        if (current.establishmentId !== from) throw new HubError('CONFLICT', `Unit ${id} moved to establishment ${current.establishmentId} meanwhile.`);
        await requireFreeUfCode(tx, target.id, current.ufCode, id, 'toEstablishmentId');
        // A pôle belongs to one establishment: the unit leaves it.
        return writeUnit(tx, id, 'TRANSFER', { establishmentId: target.id, poleId: null }, null, {
          professionals: { from: concerned, to: withProfessionals ? concerned : [] },
        });
      });
    },

    copyUnit: async (id: string, rawName: string, rawUfCode: string, establishmentId: string | null | undefined): Promise<UnitRow> => {
      requireWriter(identity);
      const source = await unitOf(store, id);
      const target = await establishmentOf(store, establishmentId ?? source.establishmentId, 'establishmentId');
      requireRight(identity, 'ORU_ROR_UNITE_NEW', establishmentTarget(target));
      const name = nameOf('name', rawName, true);
      if (name === source.name) throw badInput('name', `the copy needs a name other than the source's (${source.name}).`);
      const ufCode = ufCodeOf(rawUfCode);
      const sameEstablishment = target.id === source.establishmentId;
      const contacts = await store.contactsOf(id);
      return store.transaction(async (tx) => {
        await requireFreeUfCode(tx, target.id, ufCode);
        const pole = sameEstablishment && source.poleId ? await tx.pole(source.poleId) : null;
        const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = source;
        const newId = await tx.freeUnitId(target.id, ufCode);
        const row = await tx.insertUnit({ ...fields, id: newId, name, ufCode, establishmentId: target.id, archived: false, poleId: pole && !pole.archived ? pole.id : null });
        const copied = contacts.map(({ natureCode, role, channelCode, value, confidentialityCode }) => ({ natureCode, role, channelCode, value, confidentialityCode }));
        await tx.replaceContacts(newId, copied);
        await tx.audit([entry(actor(), 'UNIT', newId, 'COPY', { copiedFrom: { from: null, to: id }, ...created(auditedUnit(row, copied)) })]);
        return row;
      });
    },
  };
}
