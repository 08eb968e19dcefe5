/**
 * The one authorisation model of the hub, deny by default: a user may do what one of their
 * grants allows on a perimeter covering the target; an application what its scopes allow.
 */
import { HubError } from '../errors.js';
import { describeTarget, type Grant, type Identity, type Scope, type Target } from './identity.js';
import { RIGHTS, type RightCode } from './rights.js';
import { territoryByCode } from '../territories.js';

/**
 * A TERRITORY grant covers its territory, and the establishments and units whose target names a
 * département of it: only checks that know the département (the territorial operations) pass it,
 * so elsewhere a territory grant reaches nothing (deny by default).
 */
function territoryCovers(code: string | null, target: Target): boolean {
  if (target.kind === 'TERRITORY') return target.id === code;
  if (target.kind !== 'ESTABLISHMENT' && target.kind !== 'UNIT') return false;
  const territory = code ? territoryByCode(code) : undefined;
  return !!territory && !!target.departmentCode && territory.departmentCodes.includes(target.departmentCode);
}

function covers(grant: Grant, target: Target): boolean {
  if (grant.kind === 'TRANSVERSAL') return true;
  if (grant.kind === 'TERRITORY') return territoryCovers(grant.id, target);
  const { reach } = grant;
  switch (target.kind) {
    case 'TRANSVERSAL':
      return false;
    case 'ORGANIZATION':
      return reach.organizations.includes(target.id);
    case 'ESTABLISHMENT':
      return reach.establishments.includes(target.id) || (!!target.organizationId && reach.organizations.includes(target.organizationId));
    case 'UNIT':
      return (
        reach.units.includes(target.id) ||
        (!!target.establishmentId && reach.establishments.includes(target.establishmentId)) ||
        (!!target.organizationId && reach.organizations.includes(target.organizationId))
      );
    case 'PROFESSIONAL':
      return reach.professionals.includes(target.id) || (target.establishmentIds ?? []).some((e) => reach.establishments.includes(e));
    case 'TERRITORY':
      return false;
  }
}

/** True when the identity holds `right` on a perimeter covering `target`. */
export function hasRight(identity: Identity, right: RightCode, target: Target): boolean {
  if (identity.kind === 'system') return true;
  if (identity.kind !== 'user') return false;
  return identity.grants.some((g) => g.rights.includes(right) && covers(g, target));
}

/** True when the identity holds any of `rights` anywhere (for menus and lists filtered afterwards). */
export function hasRightSomewhere(identity: Identity, rights: readonly RightCode[]): boolean {
  if (identity.kind === 'system') return true;
  return identity.kind === 'user' && identity.grants.some((g) => g.rights.some((r) => rights.includes(r)));
}

export function hasScope(identity: Identity, scope: Scope): boolean {
  return identity.kind === 'system' || (identity.kind === 'client' && identity.scopes.includes(scope));
}

function unauthenticated(): HubError {
  return new HubError('UNAUTHENTICATED', 'Authentication required: send a bearer token (Authorization: Bearer …).');
}

/** Throws UNAUTHENTICATED for anonymous callers, FORBIDDEN naming the right and perimeter otherwise. */
export function requireRight(identity: Identity, rights: RightCode | readonly RightCode[], target: Target): void {
  const wanted = typeof rights === 'string' ? [rights] : rights;
  if (wanted.some((r) => hasRight(identity, r, target))) return;
  if (identity.kind === 'anonymous') throw unauthenticated();
  const names = wanted.map((r) => `${r} (${RIGHTS[r].meaning})`).join(' or ');
  throw new HubError('FORBIDDEN', `Missing right ${names} on ${describeTarget(target)}.`, {
    rights: [...wanted],
    perimeter: target,
  });
}

/**
 * Whether an establishment (FINESS ET) lies in an application's write perimeter (identity.ts):
 * the region, or one of the establishments it is registered for; no perimeter, nowhere.
 */
export function inWritePerimeter(identity: Extract<Identity, { kind: 'client' }>, establishmentId: string | undefined): boolean {
  const perimeter = identity.perimeter;
  if (!perimeter) return false;
  if (perimeter.kind === 'REGION') return true;
  return establishmentId !== undefined && perimeter.establishments.includes(establishmentId);
}

export function requireScope(identity: Identity, scope: Scope): void {
  if (hasScope(identity, scope)) return;
  if (identity.kind === 'anonymous') throw unauthenticated();
  throw new HubError('FORBIDDEN', `Missing scope ${scope} for this application.`, { scope });
}

/**
 * Reads by users are checked on rights, reads by applications on scopes: one call for both.
 */
export function requireReadAccess(identity: Identity, access: { rights: readonly RightCode[]; scope: Scope }, target: Target): void {
  if (identity.kind === 'client') return requireScope(identity, access.scope);
  requireRight(identity, access.rights, target);
}

export type ReadAccess = { rights: readonly RightCode[]; scope: Scope };

/** `requireReadAccess` as a test, for filtering (events of a subscription, rows of a list). */
export function hasReadAccess(identity: Identity, access: ReadAccess, target: Target): boolean {
  if (identity.kind === 'system') return true;
  if (identity.kind === 'client') return hasScope(identity, access.scope);
  return access.rights.some((right) => hasRight(identity, right, target));
}

/**
 * Refuses at once a caller who may read none of it anywhere (a subscription, a catalogue),
 * rather than answering with an empty stream: UNAUTHENTICATED or FORBIDDEN naming the rights.
 */
export function requireReadAccessSomewhere(identity: Identity, access: ReadAccess, what: string): void {
  if (identity.kind === 'system') return;
  if (identity.kind === 'client' ? hasScope(identity, access.scope) : hasRightSomewhere(identity, access.rights)) return;
  if (identity.kind === 'anonymous') throw new HubError('UNAUTHENTICATED', `Sign in to ${what}.`);
  throw new HubError('FORBIDDEN', `To ${what} you need one of ${access.rights.join(', ')} (or the ${access.scope} scope).`, {
    rights: [...access.rights],
    scope: access.scope,
  });
}

/** Whether the caller may see sensitive units and confidential contacts (IG access profile 1). */
export function seesConfidential(identity: Identity): boolean {
  if (identity.kind === 'client') return identity.accessLevel === 1;
  return identity.kind === 'user' || identity.kind === 'system';
}

/**
 * The first check of an operation on a record named by id, before the record is looked up (its
 * perimeter is checked once it is known): a caller who may do this nowhere, anonymous first, is
 * refused whatever the id, so a refusal never tells whether a record exists (issue 12, case 8).
 * `scope` null: applications may not do it at all.
 */
export function requireRightSomewhere(identity: Identity, access: { rights: readonly RightCode[]; scope: Scope | null }): void {
  if (identity.kind === 'system') return;
  if (identity.kind === 'anonymous') throw unauthenticated();
  if (identity.kind === 'client') {
    if (access.scope && hasScope(identity, access.scope)) return;
    throw new HubError('FORBIDDEN', access.scope ? `Missing scope ${access.scope} for this application.` : 'Applications may not do this.', access.scope ? { scope: access.scope } : {});
  }
  if (hasRightSomewhere(identity, access.rights)) return;
  const names = access.rights.map((r) => `${r} (${RIGHTS[r].meaning})`).join(' or ');
  throw new HubError('FORBIDDEN', `Missing right ${names} on any perimeter.`, { rights: [...access.rights] });
}
