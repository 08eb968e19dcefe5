/**
 * Writes of professional records: creation (with the similar-name confirmation and, optionally,
 * an account), edition, archiving and reactivation, and the write-only rescue e-mail.
 */
import { requireRight } from '../../platform/auth/authorize.js';
import type { Identity, Target } from '../../platform/auth/identity.js';
import type { RightCode } from '../../platform/auth/rights.js';
import { HubError } from '../../platform/errors.js';
import { staleRecord } from '../../platform/db/optimistic.js';
import { establishmentTarget, requireProfessionalWrite, requireProfessionalWriter } from './access.js';
import { accountOpened, openAccount } from './account-opening.js';
import { actorName } from '../../platform/auth/identity.js';
import { changedFieldNames, placementKeys, professionalChange } from './changes.js';
import {
  currentRecord,
  refuseArchived,
  refuseIfSimilar,
  requireFreeLogin,
  requireFreeNumber,
  requireFreeRescueEmail,
  requireSignedIn,
} from './checks.js';
import { rethrowDbError } from './db-errors.js';
import { parseCreate, parseUpdate, rescueEmailOf, type CreateInput, type Placement, type UpdateInput } from './input.js';
import type { RecordFields } from './record-writer.js';
import type { UnitDirectory } from './offer-units.js';
import { resolvePlacement, unitTarget, type ResolvedPlacement } from './placement.js';
import type { AccountMailer } from './runtime.js';
import type { ProfessionalStore, ProfessionalView } from './store.js';

/** Rights that let a referent change where a professional works, on the establishment or unit concerned. */
const PLACEMENT_RIGHTS: RightCode[] = ['ORU_PROFESSIONNEL_EDIT', 'ORU_ROR_ETABLISSEMENT_AFFECTATION'];

function changed(before: readonly string[], after: readonly string[]): string[] {
  return [...before.filter((x) => !after.includes(x)), ...after.filter((x) => !before.includes(x))];
}

/** Every establishment and unit added or removed, and every unit whose exercise mode changes, must be within the caller's perimeter. */
function placementTargets(before: Placement, after: ResolvedPlacement): Target[] {
  const unitIds = (p: Placement) => p.units.map((u) => u.unitId);
  const modeOf = new Map(before.units.map((u) => [u.unitId, u.exerciseModeCode]));
  const remoded = after.units.filter((u) => modeOf.has(u.unitId) && modeOf.get(u.unitId) !== u.exerciseModeCode).map((u) => u.unitId);
  const moved = [...changed(unitIds(before), unitIds(after)), ...remoded];
  return [
    ...changed(before.establishmentIds, after.establishmentIds).map(establishmentTarget),
    ...[...before.units, ...after.units].filter((u) => moved.includes(u.unitId)).map((u) => unitTarget(u, after.offerUnits)),
  ];
}

/** Names of the fields a new record was given (the rescue e-mail by name only, never its value). */
function createdFields(fields: RecordFields, rescueEmail: string | null): string[] {
  const given = Object.keys(fields).filter((f) => fields[f as keyof RecordFields] !== null);
  return rescueEmail ? [...given, 'rescueEmail'] : given;
}

/** The placement fields that differ (order does not matter). */
function changedPlacement(before: Placement, after: Placement): string[] {
  const key = (ids: string[]) => JSON.stringify([...ids].sort());
  const units = (p: Placement) => p.units.map((u) => u.unitId);
  const modes = (p: Placement) => p.units.map((u) => `${u.unitId}=${u.exerciseModeCode ?? ''}`);
  return [
    ...(key(before.establishmentIds) === key(after.establishmentIds) ? [] : ['establishmentIds']),
    ...(key(units(before)) === key(units(after)) ? [] : ['unitIds']),
    ...(key(modes(before)) === key(modes(after)) ? [] : ['exerciseModes']),
  ];
}

/** ORU_PROFESSIONNEL_NEW transversally, or covering each establishment of the new record (an application: its perimeter holding each). */
function requireCreateRight(identity: Identity, establishmentIds: readonly string[]): void {
  const targets: Target[] = establishmentIds.length ? establishmentIds.map(establishmentTarget) : [{ kind: 'TRANSVERSAL' }];
  requireProfessionalWrite(identity, 'ORU_PROFESSIONNEL_NEW', targets);
}

/** Accounts (sign-in, mails) are opened and switched by hub users: an application writes records only. */
function refuseApplicationAccount(identity: Identity, field: string): void {
  if (identity.kind === 'client') throw new HubError('FORBIDDEN', `Application ${identity.name} writes professionals' records, not their accounts (${field}): a hub user opens and switches accounts.`, { field });
}

export function createRecordService(store: ProfessionalStore, directory: UnitDirectory) {
  const setArchived = async (identity: Identity, id: string, archived: boolean): Promise<ProfessionalView> => {
    requireSignedIn(identity);
    const current = await currentRecord(store, id);
    requireRight(identity, 'ORU_PROFESSIONNEL_DELETE', current.target);
    if ((current.person.archivedAt !== null) === archived) return current.person;
    return store.transaction(async (tx) => {
      const row = (await tx.records.setArchived(id, archived))!;
      const action = archived ? 'ARCHIVE' : 'REACTIVATE';
      await tx.appendChanges([professionalChange('PROFESSIONAL', id, action, actorName(identity), { changedFields: ['archivedAt'], ...placementKeys(current.placement) })]);
      return row;
    });
  };

  return {
    createProfessional: async (identity: Identity, input: CreateInput, confirmSimilar: boolean, mailer: () => AccountMailer): Promise<ProfessionalView> => {
      requireProfessionalWriter(identity);
      const draft = parseCreate(input);
      if (draft.account) refuseApplicationAccount(identity, 'input.account');
      requireCreateRight(identity, draft.establishmentIds);
      const placement = await resolvePlacement(directory, draft, null);
      if (!confirmSimilar) await refuseIfSimilar(store, draft.fields.lastName, draft.fields.firstName);
      await requireFreeNumber(store, draft.fields.rppsNumber, null);
      if (draft.account) {
        await requireFreeLogin(store, draft.account.login, 'input.account.login');
        await requireFreeRescueEmail(store, draft.account.rescueEmail, null, 'input.account.rescueEmail');
      }
      const publicBase = draft.account ? mailer().publicBase : '';
      const person = await store
        .transaction(async (tx) => {
          const id = await tx.records.nextId();
          const rescueEmail = draft.account?.rescueEmail ?? null;
          const row = await tx.records.insert(id, draft.fields, rescueEmail);
          await tx.records.replaceEstablishments(id, placement.establishmentIds, placement.establishmentRegions);
          await tx.records.replaceUnits(id, placement.units);
          const actor = actorName(identity);
          const changes = [professionalChange('PROFESSIONAL', id, 'CREATE', actor, { changedFields: createdFields(draft.fields, rescueEmail), ...placementKeys(placement) })];
          if (draft.account) changes.push(accountOpened(await openAccount(tx, id, draft.account.login, draft.account.rescueEmail, publicBase), id, actor));
          await tx.appendChanges(changes);
          return row;
        })
        .catch(rethrowDbError);
      if (draft.account) mailer().nudge();
      return person;
    },

    /** With `expectedUpdatedAt`, the record must not have changed since: checked by the UPDATE, first statement of the transaction. */
    updateProfessional: async (identity: Identity, id: string, input: UpdateInput, expectedUpdatedAt?: Date | null): Promise<ProfessionalView> => {
      requireProfessionalWriter(identity);
      const current = await currentRecord(store, id);
      requireProfessionalWrite(identity, 'ORU_PROFESSIONNEL_EDIT', [current.target]);
      refuseArchived(current.person);
      const draft = parseUpdate(input, current.person, current.placement);
      if (draft.accountEnabled !== null) refuseApplicationAccount(identity, 'input.accountEnabled');
      const placement = draft.placement ? await resolvePlacement(directory, draft.placement, current.placement) : null;
      if (placement) requireProfessionalWrite(identity, PLACEMENT_RIGHTS, placementTargets(current.placement, placement));
      if (draft.fields.rppsNumber) await requireFreeNumber(store, draft.fields.rppsNumber, id);
      const [account] = draft.accountEnabled === null ? [] : await store.accounts.ofProfessionals([id]);
      if (draft.accountEnabled !== null && !account) {
        throw new HubError('BAD_USER_INPUT', `Professional ${id} has no account to enable or disable.`, { argumentName: 'input.accountEnabled' });
      }
      return store
        .transaction(async (tx) => {
          const row = await tx.records.update(id, draft.fields, expectedUpdatedAt);
          if (!row && expectedUpdatedAt) throw staleRecord(`Professional ${id}`, expectedUpdatedAt);
          if (placement) {
            await tx.records.replaceEstablishments(id, placement.establishmentIds, placement.establishmentRegions);
            await tx.records.replaceUnits(id, placement.units);
          }
          if (draft.accountEnabled !== null) await tx.accounts.setEnabled(id, draft.accountEnabled);
          // Only what really changed is published: an update that sets the same values appends nothing.
          const actor = actorName(identity);
          const changedFields = [...changedFieldNames(current.person, draft.fields), ...(placement ? changedPlacement(current.placement, placement) : [])];
          const changes = changedFields.length ? [professionalChange('PROFESSIONAL', id, 'UPDATE', actor, { changedFields, ...placementKeys(placement ?? current.placement) })] : [];
          if (account && draft.accountEnabled !== null && account.enabled !== draft.accountEnabled) {
            changes.push(professionalChange('ACCOUNT', account.id, 'UPDATE', actor, { professionalId: id, changedFields: ['enabled'], enabled: draft.accountEnabled }));
          }
          await tx.appendChanges(changes);
          return row!;
        })
        .catch(rethrowDbError);
    },

    /** Hides the record and stops its sign-in (see accounts.ts `usable`); the purge job deletes it later. */
    archiveProfessional: (identity: Identity, id: string) => setArchived(identity, id, true),
    reactivateProfessional: (identity: Identity, id: string) => setArchived(identity, id, false),

    /** The right to set the address does not grant reading it: the answer is the record without it. */
    setRescueEmail: async (identity: Identity, professionalId: string, rawEmail: string): Promise<ProfessionalView> => {
      requireSignedIn(identity);
      const current = await currentRecord(store, professionalId);
      requireRight(identity, 'ORU_PROFESSIONNEL_MAIL_SECOURS_EDIT', current.target);
      refuseArchived(current.person);
      const email = rescueEmailOf(rawEmail);
      await requireFreeRescueEmail(store, email, professionalId, 'email');
      await store
        .transaction(async (tx) => {
          await tx.records.setRescueEmail(professionalId, email);
          // The field's name only: the address itself never goes to the feed.
          await tx.appendChanges([professionalChange('PROFESSIONAL', professionalId, 'UPDATE', actorName(identity), { changedFields: ['rescueEmail'], ...placementKeys(current.placement) })]);
        })
        .catch(rethrowDbError);
      return (await currentRecord(store, professionalId)).person;
    },
  };
}

export type RecordService = ReturnType<typeof createRecordService>;
