/**
 * Who may search places (docs/admissions.md § Rights), deny by default and authentication first:
 * users holding ORU_ADMISSION_DEMANDE or a capacity read right somewhere, applications with scope
 * admission.request or capacity.read. The figures are asked as the system identity, so this
 * check is the search's only gate.
 */
import { hasRightSomewhere, hasScope, seesConfidential } from '../../../platform/auth/authorize.js';
import type { Identity, Scope } from '../../../platform/auth/identity.js';
import type { RightCode } from '../../../platform/auth/rights.js';
import { HubError } from '../../../platform/errors.js';

/**
 * The request right, plus the capacity read rights of subgraphs/capacities/access.ts
 * (CAPACITY_READ; subgraphs do not import each other): who may read figures may search them.
 */
export const PLACE_SEARCH_RIGHTS: readonly RightCode[] = [
  'ORU_ADMISSION_DEMANDE',
  'ORU_CAPACITE_DISPONIBLE_SHOW',
  'OruLitsDispos_litsdispos_visu',
  'ORU_CAPACITE_DISPONIBLE_EDIT',
  'OruLitsDispos_litsdispos_saisie',
];
export const PLACE_SEARCH_SCOPES: readonly Scope[] = ['admission.request', 'capacity.read'];

export function requirePlaceSearch(identity: Identity): void {
  if (identity.kind === 'system') return;
  if (identity.kind === 'anonymous') throw new HubError('UNAUTHENTICATED', 'Sign in to search places: send a bearer token (Authorization: Bearer …).');
  if (identity.kind === 'client') {
    if (PLACE_SEARCH_SCOPES.some((s) => hasScope(identity, s))) return;
    throw new HubError('FORBIDDEN', `To search places an application needs the scope ${PLACE_SEARCH_SCOPES.join(' or ')}.`, { scopes: [...PLACE_SEARCH_SCOPES] });
  }
  if (hasRightSomewhere(identity, PLACE_SEARCH_RIGHTS)) return;
  throw new HubError('FORBIDDEN', `To search places you need one of ${PLACE_SEARCH_RIGHTS.join(', ')}.`, { rights: [...PLACE_SEARCH_RIGHTS] });
}

/** Sensitive units are shown only to callers who see confidential data (IG access profile 1, hub users). */
export const seesSensitiveUnits = seesConfidential;
