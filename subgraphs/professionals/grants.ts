/** What a stored role assignment grants, by the catalogue of platform/auth (rights, roles, perimeters). */
import { isRightCode, PERIMETER_KINDS, rightGrantableOn, type PerimeterKind, type RightCode } from '../../platform/auth/rights.js';
import { isRoleCode, rightsOfRoleOn } from '../../platform/auth/roles.js';
import type { RoleAssignmentRow } from './tables.js';

export function isPerimeterKind(kind: string): kind is PerimeterKind {
  return (PERIMETER_KINDS as readonly string[]).includes(kind);
}

/**
 * The rights an assignment actually grants: a role's rights that its perimeter kind allows, or the
 * single right when the kind allows it. A code no longer in the catalogue grants nothing.
 */
export function effectiveRights(row: Pick<RoleAssignmentRow, 'role' | 'right' | 'perimeterKind'>): RightCode[] {
  if (!isPerimeterKind(row.perimeterKind)) return [];
  if (row.role !== null) return isRoleCode(row.role) ? rightsOfRoleOn(row.role, row.perimeterKind).granted : [];
  return row.right !== null && isRightCode(row.right) && rightGrantableOn(row.right, row.perimeterKind) ? [row.right] : [];
}
