/**
 * Who may do what with a CPTS crisis protocol (docs/crisis.md § Rights). A CPTS is a legal entity:
 * its rights are granted on it as an ORGANIZATION perimeter (or transversally, for the ARS). Deny
 * by default; applications never: no scope covers the protocol.
 */
import { hasRight, hasRightSomewhere, requireRight, requireRightSomewhere } from '../../../platform/auth/authorize.js';
import type { Identity } from '../../../platform/auth/identity.js';
import type { RightCode } from '../../../platform/auth/rights.js';
import { HubError } from '../../../platform/errors.js';

/** Reading the protocol: any CPTS crisis right (who activates, keeps or feeds it reads it). */
export const CRISIS_READ: RightCode[] = ['ORU_CPTS_CRISE_SHOW', 'ORU_CPTS_CRISE_EDIT', 'ORU_CPTS_CRISE_ACTIVATION', 'ORU_CPTS_CRISE_REMONTEE'];
export const CRISIS_EDIT: RightCode = 'ORU_CPTS_CRISE_EDIT';
export const CRISIS_ACTIVATION: RightCode = 'ORU_CPTS_CRISE_ACTIVATION';
export const CRISIS_FIELD: RightCode = 'ORU_CPTS_CRISE_REMONTEE';

const onCpts = (id: string) => ({ kind: 'ORGANIZATION' as const, id });

export function mayOnCpts(identity: Identity, rights: readonly RightCode[], cptsId: string): boolean {
  return rights.some((r) => hasRight(identity, r, onCpts(cptsId)));
}

/**
 * Before any lookup: refuses who holds none of `rights` anywhere (anonymous first), so a refusal
 * never tells whether a CPTS exists; then the right on the CPTS itself.
 */
export function requireOnCpts(identity: Identity, rights: RightCode | readonly RightCode[], cptsId: string): void {
  const wanted = typeof rights === 'string' ? [rights] : rights;
  requireRightSomewhere(identity, { rights: wanted, scope: null });
  requireRight(identity, wanted, onCpts(cptsId));
}

/** Refuses at once who may read no crisis protocol at all (lists, the subscription). */
export function requireSomeCrisisRight(identity: Identity, what: string): void {
  if (identity.kind === 'system' || (identity.kind === 'user' && hasRightSomewhere(identity, CRISIS_READ))) return;
  if (identity.kind === 'anonymous') throw new HubError('UNAUTHENTICATED', `Sign in to ${what}.`);
  throw new HubError('FORBIDDEN', `To ${what} you need one of ${CRISIS_READ.join(', ')} (applications: never).`, { rights: [...CRISIS_READ] });
}
