/**
 * Reading the audit trail of a record, newest first. Readable by users holding the edit right
 * covering the record (a transversal grant covers every record); others get FORBIDDEN naming it.
 */
import { requireRight } from '../../../platform/auth/authorize.js';
import type { Identity, Target } from '../../../platform/auth/identity.js';
import type { RightCode } from '../../../platform/auth/rights.js';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../../platform/pagination.js';
import type { AuditEventRow, AuditRecordType, EstablishmentRow, OrganizationRow, PoleRow, UnitRow } from '../tables.js';
import { establishmentTarget, unitTarget } from './access.js';
import { establishmentOf } from './loaders.js';
import { badInput } from './rules.js';
import type { EditingStore } from './store.js';

export interface HistoryArgs {
  first?: number | null;
  after?: string | null;
}

function beforeId(after: string | null | undefined): number | null {
  if (!after) return null;
  const [id, ...rest] = decodeCursor(after);
  if (typeof id !== 'number' || rest.length) throw badInput('after', 'the cursor is not one this server issued.');
  return id;
}

export function createHistory(store: EditingStore, identity: Identity) {
  const page = async (type: AuditRecordType, id: string, right: RightCode, target: Target, args: HistoryArgs): Promise<Connection<AuditEventRow>> => {
    requireRight(identity, right, target);
    const size = pageSize(args.first);
    const rows = await store.history(type, id, beforeId(args.after), size + 1);
    return toConnection(rows, size, Boolean(args.after), (e) => [e.id], () => store.historyCount(type, id));
  };
  return {
    ofOrganization: (o: OrganizationRow, args: HistoryArgs) =>
      page('ORGANIZATION', o.id, 'ORU_ROR_ETABLISSEMENT_EDIT', { kind: 'ORGANIZATION', id: o.id }, args),
    ofEstablishment: (e: EstablishmentRow, args: HistoryArgs) => page('ESTABLISHMENT', e.id, 'ORU_ROR_ETABLISSEMENT_EDIT', establishmentTarget(e), args),
    ofPole: async (p: PoleRow, args: HistoryArgs) =>
      page('POLE', p.id, 'ORU_ROR_POLE_EDIT', establishmentTarget(await establishmentOf(store, p.establishmentId)), args),
    ofUnit: async (u: UnitRow, args: HistoryArgs) =>
      page('UNIT', u.id, 'ORU_ROR_UNITE_EDIT', unitTarget(u, (await establishmentOf(store, u.establishmentId)).organizationId), args),
  };
}

/** The GraphQL shape of an event: actor by name, each change as JSON text. */
export function auditEventView(e: AuditEventRow) {
  return {
    id: String(e.id),
    action: e.action,
    at: e.at,
    actor: e.actorName,
    changes: Object.entries(e.changes).map(([field, { from, to }]) => ({
      field,
      from: from === null || from === undefined ? null : JSON.stringify(from),
      to: to === null || to === undefined ? null : JSON.stringify(to),
    })),
  };
}
