/**
 * Who may write the offer and read its audit trail (docs/offer-editing.md). Deny by default: hub
 * users with the right on a perimeter covering the record; applications only create and edit
 * units and edit establishments (what FHIR writes, docs/fhir-write.md), with offer.write, inside
 * their registered perimeter (D153); every other offer write is users' only.
 * Targets carry their ancestry from the database rows, never parsed from ids (a transferred unit
 * keeps an id naming its first establishment).
 */
import { inWritePerimeter, requireRight, requireScope } from '../../../platform/auth/authorize.js';
import { describeTarget, type Identity, type Target } from '../../../platform/auth/identity.js';
import type { RightCode } from '../../../platform/auth/rights.js';
import { HubError } from '../../../platform/errors.js';
import type { EstablishmentRow, UnitRow } from '../tables.js';

/** UNAUTHENTICATED for anonymous callers, FORBIDDEN for applications; users go on to their rights. */
export function requireWriter(identity: Identity): void {
  if (identity.kind === 'anonymous') throw new HubError('UNAUTHENTICATED', 'Authentication required: send a bearer token (Authorization: Bearer …).');
  if (identity.kind === 'client') throw new HubError('FORBIDDEN', 'Applications cannot write the offer of care: its editors are hub users with rights on the records.');
}

type RecordTarget = Extract<Target, { kind: 'UNIT' | 'ESTABLISHMENT' }>;

export function establishmentTarget(e: Pick<EstablishmentRow, 'id' | 'organizationId'>): RecordTarget {
  return { kind: 'ESTABLISHMENT', id: e.id, organizationId: e.organizationId };
}

export function unitTarget(u: Pick<UnitRow, 'id' | 'establishmentId'>, organizationId: string): RecordTarget {
  return { kind: 'UNIT', id: u.id, establishmentId: u.establishmentId, organizationId };
}

/** The writes an application may make, by the right a user needs for them. */
type ApplicationWrite = Extract<RightCode, 'ORU_ROR_UNITE_NEW' | 'ORU_ROR_UNITE_EDIT' | 'ORU_ROR_ETABLISSEMENT_EDIT'>;

/**
 * Before any lookup: anonymous callers are refused, and applications need offer.write (their
 * perimeter is checked on the record, by requireRecordWrite).
 */
export function requireApplicationOrUserWriter(identity: Identity): void {
  if (identity.kind === 'client') return requireScope(identity, 'offer.write');
  requireWriter(identity);
}

/** A user's right on the record, or an application's perimeter holding the record's establishment. */
export function requireRecordWrite(identity: Identity, right: ApplicationWrite, target: RecordTarget): void {
  if (identity.kind !== 'client') return requireRight(identity, right, target);
  requireScope(identity, 'offer.write');
  const establishmentId = target.kind === 'ESTABLISHMENT' ? target.id : target.establishmentId;
  if (inWritePerimeter(identity, establishmentId)) return;
  throw new HubError('FORBIDDEN', `Application ${identity.name} may not write the offer of ${describeTarget(target)}: it is outside the establishments it is registered for.`, {
    scope: 'offer.write',
    perimeter: target,
  });
}
