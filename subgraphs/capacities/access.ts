/**
 * Who may do what in the capacities subgraph (docs/capacities.md § Rights), from rights.md.
 * Deny by default: each check names the rights (users) and the scope (applications) it accepts.
 */
import { hasRight, hasScope, inWritePerimeter, requireRight, requireScope } from '../../platform/auth/authorize.js';
import { describeTarget, type Identity, type Scope, type Target } from '../../platform/auth/identity.js';
import type { RightCode } from '../../platform/auth/rights.js';
import { HubError } from '../../platform/errors.js';

interface Access {
  rights: readonly RightCode[];
  scope: Scope | null;
}

/** An access applications reach by a scope (what platform/auth's requireReadAccess takes). */
type ScopedAccess = { rights: readonly RightCode[]; scope: Scope };

/**
 * Reading a unit's capacity: users holding a view right on it, or an entry right (who enters a
 * unit's beds must see them, though rights.md only grants view rights transversally or per legal
 * entity); applications with the scope.
 */
export const CAPACITY_READ: ScopedAccess = {
  rights: ['ORU_CAPACITE_DISPONIBLE_SHOW', 'OruLitsDispos_litsdispos_visu', 'ORU_CAPACITE_DISPONIBLE_EDIT', 'OruLitsDispos_litsdispos_saisie'],
  scope: 'capacity.read',
};

export const CAPACITY_ENTRY: ScopedAccess = { rights: ['ORU_CAPACITE_DISPONIBLE_EDIT', 'OruLitsDispos_litsdispos_saisie'], scope: 'capacity.write' };

export const CLOSURE_EDIT: ScopedAccess = {
  rights: ['ORU_CAPACITE_FERMETURE_EDIT', 'OruLitsDispos_litsdispos_saisie_fermeture', 'OruSrv_saisie_fermetures'],
  scope: 'capacity.write',
};

/** Planned closures are read with the closure view right, an edit right, or any capacity read right. */
export const CLOSURE_READ: ScopedAccess = {
  rights: ['ORU_CAPACITE_FERMETURE_SHOW', ...CLOSURE_EDIT.rights, ...CAPACITY_READ.rights],
  scope: 'capacity.read',
};

export const SYNTHESIS: ScopedAccess = { rights: ['ORU_CAPACITE_SYNTHESE_SHOW', 'OruLitsDispos_litsdispos_synthese'], scope: 'capacity.read' };

export const EXPORT: ScopedAccess = { rights: ['OruLitsDispos_litsdispos_acces_export'], scope: 'bulk.export' };

type ClientIdentity = Extract<Identity, { kind: 'client' }>;

/**
 * capacity.write reaches only the establishments the application is registered for (its
 * perimeter, docs/identity.md), as a user's entry right reaches its perimeter. The target must
 * name its establishment (the unit's current one, from the offer subgraph): a unit id alone does
 * not say where the unit is (D30).
 */
function targetInPerimeter(identity: ClientIdentity, target: Target): boolean {
  const establishmentId = target.kind === 'ESTABLISHMENT' ? target.id : target.kind === 'UNIT' ? target.establishmentId : undefined;
  return inWritePerimeter(identity, establishmentId);
}

const isWrite = (access: Access) => access.scope === 'capacity.write';

/**
 * Users by right on `target`, applications by scope (and, for writes, by perimeter), anonymous
 * callers never. `scopeOnly` checks an application's scope before its target is known (the
 * perimeter is checked again once the unit's establishment is).
 */
export function requireAccess(identity: Identity, access: Access, target: Target, scopeOnly = false): void {
  if (identity.kind === 'client') {
    if (!access.scope) throw new HubError('FORBIDDEN', 'Applications may not do this.');
    requireScope(identity, access.scope);
    if (scopeOnly || !isWrite(access) || targetInPerimeter(identity, target)) return;
    throw new HubError('FORBIDDEN', `Application ${identity.name} may not write capacities of ${describeTarget(target)}: it is outside the establishments it is registered for.`, {
      scope: access.scope,
      perimeter: target,
    });
  }
  requireRight(identity, access.rights, target);
}

export function hasAccess(identity: Identity, access: Access, target: Target): boolean {
  if (identity.kind === 'client') return access.scope !== null && hasScope(identity, access.scope) && (!isWrite(access) || targetInPerimeter(identity, target));
  return access.rights.some((r) => hasRight(identity, r, target));
}

/** Whether the identity holds one of the rights transversally (sees every unit of a synthesis). */
export function isTransversal(identity: Identity, access: Access): boolean {
  return identity.kind === 'system' || (identity.kind === 'user' && identity.grants.some((g) => g.kind === 'TRANSVERSAL' && g.rights.some((r) => access.rights.includes(r))));
}

