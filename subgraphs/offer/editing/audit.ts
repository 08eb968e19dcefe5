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

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields of `after` whose value differs from `before` (missing counts as null). */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const [field, to] of Object.entries(after)) {
    const from = before[field] ?? null;
    if (!same(from, to)) changes[field] = { from, to: to ?? null };
  }
  return changes;
}

/** Every field of a new record, from null. */
export function created(values: Record<string, unknown>): Changes {
  return diff({}, Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))));
}

export function entry(actor: Actor, recordType: AuditRecordType, recordId: string, action: string, changes: Changes): AuditEntry {
  return { recordType, recordId, action, actorSubject: actor.subject, actorName: actor.name, changes };
}
