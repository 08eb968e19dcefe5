/**
 * The rights and roles catalogue (platform/auth/rights.ts and roles.ts, the data rights.md lists),
 * readable by every signed-in hub user: referents pick from it when they grant a role or a right.
 * Applications have no use for it (they hold scopes), so they are refused like anonymous callers.
 */
import type { Identity } from '../../platform/auth/identity.js';
import { RIGHTS, type RightCode } from '../../platform/auth/rights.js';
import { ROLES, type RoleCode } from '../../platform/auth/roles.js';
import { requireUser } from './access.js';

export function rightsCatalogue(identity: Identity) {
  requireUser(identity, 'The rights catalogue');
  return (Object.keys(RIGHTS) as RightCode[]).map((code) => ({ code, meaning: RIGHTS[code].meaning, perimeterKinds: RIGHTS[code].perimeters }));
}

export function roleCatalogue(identity: Identity) {
  requireUser(identity, 'The roles catalogue');
  return (Object.keys(ROLES) as RoleCode[]).map((role) => ({ role, label: ROLES[role].label, rights: ROLES[role].rights }));
}
