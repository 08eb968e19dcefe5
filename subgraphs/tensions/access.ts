/**
 * Who may read and write tension declarations (docs/tensions.md § Rights). Grants carry their
 * reach, so every decision is made on the establishment id alone.
 */
import { hasReadAccess, hasRight, hasScope, requireReadAccess, requireReadAccessSomewhere, requireRight } from '../../platform/auth/authorize.js';
import type { Identity } from '../../platform/auth/identity.js';
import type { RightCode } from '../../platform/auth/rights.js';
import { HubError } from '../../platform/errors.js';

/**
 * Who may read an establishment's tension declarations: users holding a tension or alert right on
 * it (the establishment's declarants and referents, the ARS with transversal rights), applications
 * with the scope. rights.md has no read-only tension right; this is the rule we enforce.
 */
export const TENSION_READ = {
  rights: ['OruTension_tension_creation', 'OruTension_tension_pageNouvelleDeclaration', 'OruTension_alerte_cloture', 'ORU_ALERTE', 'ORU_ALERTE_NEW'] as RightCode[],
  scope: 'tension.read',
} as const;

/** Declare, update, add actions: "create and release a tension declaration on an establishment". */
export const DECLARE: RightCode = 'OruTension_tension_creation';
/** Closing: the declarant releases its declaration, or whoever closes alerts on the establishment. */
export const CLOSE: RightCode[] = ['OruTension_tension_creation', 'OruTension_alerte_cloture'];
/** The repertoire: its own right, or any tension right (a declarant picks actions from it). */
export const REPERTOIRE_READ: RightCode[] = ['OruTensionBundle_visuRepertoireHet', ...TENSION_READ.rights];

const establishment = (id: string) => ({ kind: 'ESTABLISHMENT' as const, id });

export function canReadTensions(identity: Identity, establishmentId: string): boolean {
  return hasReadAccess(identity, TENSION_READ, establishment(establishmentId));
}

export function requireTensionRead(identity: Identity, establishmentId: string): void {
  requireReadAccess(identity, TENSION_READ, establishment(establishmentId));
}

/** Applications never write tensions: they get FORBIDDEN naming the right, as users without it. */
export function requireTensionWrite(identity: Identity, rights: RightCode | RightCode[], establishmentId: string): void {
  requireRight(identity, rights, establishment(establishmentId));
}

/**
 * The establishments whose tensions a list may show: 'ALL' for applications with the scope and
 * users with a transversal grant, else the reach of the grants holding one of `rights`.
 */
export function establishmentsWith(identity: Identity, rights: readonly RightCode[], scope: 'tension.read' | null): 'ALL' | Set<string> {
  if (identity.kind === 'system') return 'ALL';
  if (identity.kind === 'client') return scope && hasScope(identity, scope) ? 'ALL' : new Set();
  if (identity.kind !== 'user') return new Set();
  const grants = identity.grants.filter((g) => g.rights.some((r) => rights.includes(r)));
  if (grants.some((g) => g.kind === 'TRANSVERSAL')) return 'ALL';
  return new Set(grants.flatMap((g) => g.reach.establishments));
}

/** Lists: UNAUTHENTICATED for anonymous callers; others see what they may (possibly nothing). */
export function requireSignedIn(identity: Identity, what: string): void {
  if (identity.kind === 'anonymous') throw new HubError('UNAUTHENTICATED', `Sign in to ${what}.`);
}

/** Refuses at once who may read no tension at all (a subscription, the repertoire). */
export function requireSomeTensionRight(identity: Identity, rights: readonly RightCode[], what: string): void {
  requireReadAccessSomewhere(identity, { rights, scope: TENSION_READ.scope }, what);
}

/** The ARS follow-up: a tension right granted transversally, or the tension.read scope. */
export function requireRegionalRead(identity: Identity): void {
  requireReadAccess(identity, TENSION_READ, { kind: 'TRANSVERSAL' });
}

export { hasRight };
