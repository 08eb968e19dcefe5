/**
 * Authorisation rules of the professionals subgraph, on top of platform/auth (deny by default).
 * A professional's record is covered by grants on it, or on an establishment where the person
 * works (or the legal entity of one: the gateway expands it into its establishments).
 */
import { hasRight, inWritePerimeter, requireRight, requireScope } from '../../platform/auth/authorize.js';
import { describeTarget, type Identity, type Target } from '../../platform/auth/identity.js';
import type { RightCode } from '../../platform/auth/rights.js';
import { HubError } from '../../platform/errors.js';

/**
 * Reading professionals: any hub user (colleagues find each other across the region), the
 * gateway, and applications holding `professional.read`. `requireReadAccess` checks users on
 * rights, and no right means "any user", hence this rule of its own.
 */
export function requireProfessionalRead(identity: Identity): void {
  if (identity.kind === 'user' || identity.kind === 'system') return;
  requireScope(identity, 'professional.read'); // UNAUTHENTICATED for anonymous callers
}

export function professionalTarget(id: string, establishmentIds: readonly string[]): Target {
  return { kind: 'PROFESSIONAL', id, establishmentIds: [...establishmentIds] };
}

export function establishmentTarget(id: string): Target {
  return { kind: 'ESTABLISHMENT', id };
}

/** The signed-in user, or UNAUTHENTICATED / FORBIDDEN for anyone else. */
export function requireUser(identity: Identity, what: string): Extract<Identity, { kind: 'user' }> {
  if (identity.kind === 'user') return identity;
  if (identity.kind === 'anonymous') throw new HubError('UNAUTHENTICATED', 'Authentication required: send a bearer token (Authorization: Bearer …).');
  throw new HubError('FORBIDDEN', `${what} is for signed-in users only.`);
}

/** The right on every target (each establishment of a new record, each changed assignment). */
export function requireRightOnAll(identity: Identity, rights: RightCode | readonly RightCode[], targets: readonly Target[]): void {
  for (const target of targets) requireRight(identity, rights, target);
}

/**
 * Before any lookup, for a write of professionals' records: anonymous callers are refused, and
 * applications need professional.write (their perimeter is checked on the records, by
 * requireProfessionalWrite). Users go on to their rights.
 */
export function requireProfessionalWriter(identity: Identity): void {
  if (identity.kind === 'anonymous') throw new HubError('UNAUTHENTICATED', 'Authentication required: send a bearer token (Authorization: Bearer …).');
  if (identity.kind === 'client') requireScope(identity, 'professional.write');
}

/**
 * Whether a target lies in an application's write perimeter: an establishment or unit by its
 * establishment, a professional by one of the establishments they work in (as a user's grant on
 * an establishment covers them), the whole region only for a regional perimeter.
 */
function inApplicationPerimeter(identity: Extract<Identity, { kind: 'client' }>, target: Target): boolean {
  if (target.kind === 'ESTABLISHMENT') return inWritePerimeter(identity, target.id);
  if (target.kind === 'UNIT') return inWritePerimeter(identity, target.establishmentId);
  if (target.kind === 'PROFESSIONAL' && (target.establishmentIds ?? []).some((e) => inWritePerimeter(identity, e))) return true;
  return identity.perimeter?.kind === 'REGION';
}

/**
 * A write on professionals (create, edit, placement), on every target: users by one of the rights
 * covering it; applications with professional.write inside their registered write perimeter
 * (the one capacity.write and offer.write use, docs/identity.md), deny by default.
 */
export function requireProfessionalWrite(identity: Identity, rights: RightCode | readonly RightCode[], targets: readonly Target[]): void {
  if (identity.kind !== 'client') return requireRightOnAll(identity, rights, targets);
  requireScope(identity, 'professional.write');
  const outside = targets.find((target) => !inApplicationPerimeter(identity, target));
  if (!outside) return;
  throw new HubError('FORBIDDEN', `Application ${identity.name} may not write the professionals of ${describeTarget(outside)}: it is outside the establishments it is registered for.`, {
    scope: 'professional.write',
    perimeter: outside,
  });
}

/** Role administration: OuruRorCredentials_adminRoles covering the perimeter. */
export function requireAdminOn(identity: Identity, target: Target): void {
  requireRight(identity, 'OuruRorCredentials_adminRoles', target);
}

export function isSelf(identity: Identity, professionalId: string): boolean {
  return identity.kind === 'user' && identity.professionalId === professionalId;
}

export function mayReadRoles(identity: Identity, target: Target): boolean {
  return isSelf(identity, target.kind === 'PROFESSIONAL' ? target.id : '') || hasRight(identity, 'OuruRorCredentials_adminRoles', target);
}

/** Only the gateway's own identity may read account grants. */
export function requireSystem(identity: Identity): void {
  if (identity.kind !== 'system') throw new HubError('FORBIDDEN', 'This field answers the gateway only.');
}

/** Who made a change, as stored in `granted_by`. */
export function actorOf(identity: Identity): string | null {
  if (identity.kind === 'user') return identity.subject;
  return identity.kind === 'system' ? 'system' : null;
}

/** TRE_R227 activity fields: 04 médico-social, 05 ville (the IG's "ambulatoire"). */
const MEDICO_SOCIAL = '04';
const AMBULATORY = '05';

/**
 * Whether the caller may see a professional's situation in a unit (who works where: FHIR
 * PractitionerRole, `Professional.units`, `Unit.professionals`), per the IG access profiles
 * (ror-fhir-model.md §1.6): profile 1, hub users and the gateway see all; profiles 0, 2 and 3
 * nothing in a sensitive unit; profile 3 only médico-social and ambulatory units, profile 0 only
 * ambulatory ones. Reading professionals at all is checked before (requireProfessionalRead).
 */
export function seesSituationIn(identity: Identity, unit: { sensitive: boolean; activityFieldCode: string }): boolean {
  if (identity.kind === 'user' || identity.kind === 'system') return true;
  if (identity.kind !== 'client') return false;
  if (identity.accessLevel === 1) return true;
  if (unit.sensitive) return false;
  if (identity.accessLevel === 3) return unit.activityFieldCode === MEDICO_SOCIAL || unit.activityFieldCode === AMBULATORY;
  if (identity.accessLevel === 0) return unit.activityFieldCode === AMBULATORY;
  return true;
}

/** Whether `seesSituationIn` can answer without knowing the unit (no offer lookup needed). */
export function seesEverySituation(identity: Identity): boolean {
  return identity.kind === 'user' || identity.kind === 'system' || (identity.kind === 'client' && identity.accessLevel === 1);
}
