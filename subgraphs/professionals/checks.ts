/**
 * Checks shared by the write services: the record as it stands (for its perimeter), uniqueness
 * with messages a referent can act on, and the similar-name confirmation.
 */
import type { Identity, Target } from '../../platform/auth/identity.js';
import { HubError } from '../../platform/errors.js';
import { professionalTarget } from './access.js';
import { rethrowDbError } from './db-errors.js';
import type { Placement } from './input.js';
import { nationalNumberOf } from './normalize.js';
import type { ProfessionalView, TransactionStore } from './store.js';

export interface CurrentRecord {
  person: ProfessionalView;
  placement: Placement;
  target: Target;
}

/** Anonymous callers learn nothing, not even whether a record exists. */
export function requireSignedIn(identity: Identity): void {
  if (identity.kind === 'anonymous') throw new HubError('UNAUTHENTICATED', 'Authentication required: send a bearer token (Authorization: Bearer …).');
}

export async function currentRecord(store: TransactionStore, id: string): Promise<CurrentRecord> {
  const [person] = await store.byIds([id]);
  if (!person) throw new HubError('NOT_FOUND', `No professional ${id}.`);
  const establishmentIds = (await store.establishmentsOf([id])).map((r) => r.id);
  const units = (await store.situationsOfProfessionals([id])).map((r) => ({ unitId: r.unitId, establishmentId: r.establishmentId, exerciseModeCode: r.exerciseModeCode, regionCode: r.regionCode }));
  return { person, placement: { establishmentIds, units }, target: professionalTarget(id, establishmentIds) };
}

export function refuseArchived(person: ProfessionalView): void {
  if (person.archivedAt) throw new HubError('BAD_USER_INPUT', `Professional ${person.id} is archived: reactivate the record first.`, { argumentName: 'id' });
}

/** CONFLICT naming the number and its holder, so the referent finds the existing record. */
export async function requireFreeNumber(store: TransactionStore, number: string | null, exceptId: string | null): Promise<void> {
  if (!number) return;
  const holder = await store.holderOfNumber(number);
  if (!holder || holder === exceptId) return;
  const kind = nationalNumberOf(number)!.kind;
  throw new HubError('CONFLICT', `${kind} number ${number} is already recorded for professional ${holder}.`, {
    argumentName: kind === 'RPPS' ? 'input.rppsNumber' : 'input.adeliNumber',
    professionalId: holder,
  });
}

export async function requireFreeLogin(store: TransactionStore, login: string, argumentName: string): Promise<void> {
  if (await store.accounts.byLogin(login)) throw new HubError('CONFLICT', `Login "${login}" is already taken.`, { argumentName });
}

/** Neither the address nor its holder is named: the e-mail is write-only. */
export async function requireFreeRescueEmail(store: TransactionStore, email: string, exceptId: string | null, argumentName: string): Promise<void> {
  if (await store.rescueEmailTaken(email, exceptId).catch(rethrowDbError)) {
    throw new HubError('CONFLICT', 'This rescue e-mail is already used by another professional.', { argumentName });
  }
}

/**
 * Refuses a creation while records with a similar name exist (rights.md: "a match is shown,
 * creation asks for confirmation"); the candidates travel in the error's extensions.
 */
export async function refuseIfSimilar(store: TransactionStore, lastName: string, firstName: string): Promise<void> {
  const similar = await store.similar(`${lastName} ${firstName}`);
  if (similar.length === 0) return;
  const ids = similar.map((s) => s.person.id);
  const placements = await store.establishmentsOf(ids);
  const candidates = similar.map(({ person, similarity }) => ({
    id: person.id,
    lastName: person.lastName,
    firstName: person.firstName,
    establishmentIds: placements.filter((p) => p.professionalId === person.id).map((p) => p.id),
    archived: person.archivedAt !== null,
    similarity: Math.round(similarity * 100) / 100,
  }));
  throw new HubError(
    'CONFIRMATION_REQUIRED',
    `${candidates.length} professional(s) with a similar name already exist (${candidates.map((c) => `${c.id} ${c.lastName} ${c.firstName}`).join(', ')}): check they are not the same person, then confirm with confirmSimilar: true.`,
    { candidates },
  );
}
