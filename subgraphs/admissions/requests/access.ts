/**
 * Who sees and does what with a request (docs/admissions.md § Rights), deny by default: its
 * requester (same token subject, same kind), and the answerers of its units (users holding
 * ORU_ADMISSION_REPONSE on a perimeter reaching the unit). Nobody else, not even the ARS, which
 * reads aggregates only: the patient's data stays between the two parties.
 */
import { hasRight, requireRightSomewhere } from '../../../platform/auth/authorize.js';
import type { Grant, Identity } from '../../../platform/auth/identity.js';
import type { RightCode } from '../../../platform/auth/rights.js';

export const ANSWER_RIGHT: RightCode = 'ORU_ADMISSION_REPONSE';
export const REQUEST_RIGHT: RightCode = 'ORU_ADMISSION_DEMANDE';

/** What the rules need of a request: who sent it, where it was sent. */
export interface Parties {
  requesterKind: string;
  requesterSubject: string;
  targets: ReadonlyArray<{ unitId: string; establishmentId: string; organizationId: string }>;
}

/** Sending: users with ORU_ADMISSION_DEMANDE anywhere, applications with admission.request. */
export function requireRequester(identity: Identity): void {
  requireRightSomewhere(identity, { rights: [REQUEST_RIGHT], scope: 'admission.request' });
}

/** Answering (before the request is looked up): users holding ORU_ADMISSION_REPONSE somewhere; never applications. */
export function requireAnswerer(identity: Identity): void {
  requireRightSomewhere(identity, { rights: [ANSWER_RIGHT], scope: null });
}

/** Seeing or following requests at all: a requester or an answerer somewhere. */
export function requireParticipant(identity: Identity): void {
  requireRightSomewhere(identity, { rights: [REQUEST_RIGHT, ANSWER_RIGHT], scope: 'admission.request' });
}

export const requesterKindOf = (identity: Identity): 'USER' | 'APPLICATION' => (identity.kind === 'client' ? 'APPLICATION' : 'USER');

export function isRequester(identity: Identity, parties: Pick<Parties, 'requesterKind' | 'requesterSubject'>): boolean {
  if (identity.kind !== 'user' && identity.kind !== 'client') return false;
  return parties.requesterKind === requesterKindOf(identity) && parties.requesterSubject === identity.subject;
}

export function answersFor(identity: Identity, target: Parties['targets'][number]): boolean {
  if (identity.kind !== 'user') return false;
  return hasRight(identity, ANSWER_RIGHT, { kind: 'UNIT', id: target.unitId, establishmentId: target.establishmentId, organizationId: target.organizationId });
}

export function isReceiver(identity: Identity, parties: Parties): boolean {
  return parties.targets.some((t) => answersFor(identity, t));
}

/** The system identity (the hub's own jobs and lookups) sees every request. */
export function maySee(identity: Identity, parties: Parties): boolean {
  return identity.kind === 'system' || isRequester(identity, parties) || isReceiver(identity, parties);
}

/** The perimeters where a user answers, for the list's SQL: everything (transversal) or these ids. */
export interface AnswerReach {
  all: boolean;
  units: string[];
  establishments: string[];
  organizations: string[];
}

export function answerReach(identity: Identity): AnswerReach {
  const reach: AnswerReach = { all: identity.kind === 'system', units: [], establishments: [], organizations: [] };
  if (identity.kind !== 'user') return reach;
  const grants: Grant[] = identity.grants.filter((g) => g.rights.includes(ANSWER_RIGHT));
  for (const grant of grants) {
    if (grant.kind === 'TRANSVERSAL') reach.all = true;
    reach.units.push(...grant.reach.units);
    reach.establishments.push(...grant.reach.establishments);
    reach.organizations.push(...grant.reach.organizations);
  }
  return reach;
}
