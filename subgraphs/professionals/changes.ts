/**
 * Events of the professionals subgraph on the change feed (topic `professional`, see
 * docs/change-feed.md), appended in the transaction of each write. Payloads carry ids and field
 * names only: the feed is read by other subgraphs, subscriptions and mailers, so it must never
 * hold a rescue e-mail, a password hash or a token, and followers that need a value read it
 * through the API, under its rules.
 */
import type { NewChange } from '../../platform/changes/tables.js';
import type { Placement } from './input.js';

export const PROFESSIONAL_TOPIC = 'professional';

export type ProfessionalRecordType = 'PROFESSIONAL' | 'ROLE_ASSIGNMENT' | 'ACCOUNT';

export interface ProfessionalPayload {
  changedFields?: string[];
  /** Where the professional works after the change: the keys followers filter on. */
  establishmentIds?: string[];
  unitIds?: string[];
  [key: string]: unknown;
}

export function professionalChange(recordType: ProfessionalRecordType, recordId: string, action: string, actor: string, payload: ProfessionalPayload): NewChange {
  return { topic: PROFESSIONAL_TOPIC, recordType, recordId, action, actor, payload };
}

/** The filter keys of a placement, as payload fields, sorted (the same placement always reads the same). */
export function placementKeys(placement: Placement): Pick<ProfessionalPayload, 'establishmentIds' | 'unitIds'> {
  return { establishmentIds: [...placement.establishmentIds].sort(), unitIds: placement.units.map((u) => u.unitId).sort() };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Names of the fields of `next` whose value differs from `current` (values never leave here). */
export function changedFieldNames(current: Record<string, unknown>, next: Record<string, unknown>): string[] {
  return Object.keys(next).filter((field) => !same(current[field], next[field]));
}
