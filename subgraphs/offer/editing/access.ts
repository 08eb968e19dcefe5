/**
 * Who may write the offer and read its audit trail (docs/offer-editing.md). Deny by default: hub
 * users with the right on a perimeter covering the record; applications never write the offer.
 * Targets carry their ancestry from the database rows, never parsed from ids (a transferred unit
 * keeps an id naming its first establishment).
 */
import type { Identity, Target } from '../../../platform/auth/identity.js';
import { HubError } from '../../../platform/errors.js';
import type { EstablishmentRow, UnitRow } from '../tables.js';

/** UNAUTHENTICATED for anonymous callers, FORBIDDEN for applications; users go on to their rights. */
export function requireWriter(identity: Identity): void {
  if (identity.kind === 'anonymous') throw new HubError('UNAUTHENTICATED', 'Authentication required: send a bearer token (Authorization: Bearer …).');
  if (identity.kind === 'client') throw new HubError('FORBIDDEN', 'Applications cannot write the offer of care: its editors are hub users with rights on the records.');
}

export function establishmentTarget(e: Pick<EstablishmentRow, 'id' | 'organizationId'>): Target {
  return { kind: 'ESTABLISHMENT', id: e.id, organizationId: e.organizationId };
}

export function unitTarget(u: Pick<UnitRow, 'id' | 'establishmentId'>, organizationId: string): Target {
  return { kind: 'UNIT', id: u.id, establishmentId: u.establishmentId, organizationId };
}
