/** Who made a write and what it changed, as the audit trail records it (tables.ts `audit_event`). */
import type { Identity } from '../../../platform/auth/identity.js';
import type { AuditRecordType } from '../tables.js';
import type { AuditEntry, Changes } from './store.js';

export interface Actor {
  subject: string;
  name: string;
}

/** Users by login, applications by their registered name (offer.write), the hub itself as "system". */
export function actorOf(identity: Identity): Actor {
  if (identity.kind === 'user') return { subject: identity.subject, name: identity.login };
  if (identity.kind === 'client') return { subject: identity.subject, name: identity.name };
  return { subject: 'system', name: 'system' };
}

// The diff helpers are shared with the crisis protocol's edit log (platform/diff.ts).
export { created, diff } from '../../../platform/diff.js';

export function entry(actor: Actor, recordType: AuditRecordType, recordId: string, action: string, changes: Changes): AuditEntry {
  return { recordType, recordId, action, actorSubject: actor.subject, actorName: actor.name, changes };
}
