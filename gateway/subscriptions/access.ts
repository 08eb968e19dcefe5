/**
 * A subscriber's right to go on receiving events (docs/subscriptions.md#access-at-each-event).
 * A subscription is authorised when it starts, with the identity its connection resolved; the
 * subgraph then filters events with that identity. So at each event the gateway asks whether the
 * connection's token is still valid and its grants still cover that identity: the token's `exp`
 * is compared with the clock, and the identity is resolved again through the pipeline's cache
 * (30 s per token; dropped at once when the change feed reports a role change of the subscriber).
 * On a cache hit this costs a map lookup; the coverage test runs only when the resolved identity
 * is a new object, at most once per cache period and connection.
 */
import { decodeJwt } from 'jose';
import { HubError } from '../../platform/errors.js';
import type { ApplicationPerimeter, Grant, Identity, Reach } from '../../platform/auth/identity.js';

export interface AccessResolver {
  /** The token's identity now (the pipeline's cache may serve it for up to 30 s). */
  identityOf(authorization: string): Promise<Identity>;
  /** Drops the token's cached identity: the next resolution reads its grants afresh. */
  forget(authorization: string): void;
  /** The token's identity when the pipeline's cache holds it now; undefined when it must be resolved. */
  cachedIdentityOf?(authorization: string): Identity | undefined;
}

const BEARER = /^Bearer\s+(\S+)$/i;

/** Expiry of a bearer token (ms since the epoch), read from its verified `exp`; null without one. */
export function expiryOf(authorization: string | undefined): number | null {
  const token = authorization ? BEARER.exec(authorization.trim())?.[1] : undefined;
  if (!token) return null;
  try {
    const { exp } = decodeJwt(token); // already verified when the connection opened
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

const includes = (wider: readonly string[], narrower: readonly string[]): boolean => {
  if (narrower.length === 0) return true;
  const set = new Set(wider);
  return narrower.every((x) => set.has(x));
};

const reachCovers = (now: Reach, then: Reach): boolean =>
  includes(now.organizations, then.organizations) &&
  includes(now.establishments, then.establishments) &&
  includes(now.units, then.units) &&
  includes(now.professionals, then.professionals);

const grantCovered = (now: readonly Grant[], then: Grant): boolean =>
  now.some((g) => g.kind === then.kind && g.id === then.id && includes(g.rights, then.rights) && reachCovers(g.reach, then.reach));

function perimeterCovers(now: ApplicationPerimeter | undefined, then: ApplicationPerimeter | undefined): boolean {
  if (!then) return true;
  if (!now) return false;
  if (now.kind === 'REGION') return true;
  return then.kind === 'ESTABLISHMENTS' && includes(now.establishments, then.establishments);
}

/**
 * True when `now` may read everything `then` could: the subscription, filtered upstream with
 * `then`, shows nothing `now` may not see. Gained rights keep it going; any lost one ends it.
 */
export function covers(now: Identity, then: Identity): boolean {
  if (then.kind === 'anonymous') return true;
  if (now.kind === 'user' && then.kind === 'user') return now.subject === then.subject && then.grants.every((g) => grantCovered(now.grants, g));
  if (now.kind === 'client' && then.kind === 'client') {
    return now.subject === then.subject && now.accessLevel === then.accessLevel && includes(now.scopes, then.scopes) && perimeterCovers(now.perimeter, then.perimeter);
  }
  return false;
}

export const EXPIRED_MESSAGE = 'The access token of this subscription has expired; subscribe again with a new token.';
export const RIGHTS_LOST_MESSAGE = "The subscriber's rights changed since this subscription started; subscribe again.";

/** The access of one graphql-ws connection: its token, the identity its subscriptions run with. */
export class SubscriberAccess {
  readonly expiresAt: number | null;
  private denied: HubError | null = null;
  /** The last resolved identity found to cover `identity` (compared by reference first). */
  private lastCovering: Identity;
  private pending: Promise<HubError | null> | null = null;

  readonly authorization: string | undefined;
  readonly identity: Identity;
  private readonly resolver: AccessResolver;

  constructor(authorization: string | undefined, identity: Identity, resolver: AccessResolver) {
    this.authorization = authorization;
    this.identity = identity;
    this.resolver = resolver;
    this.expiresAt = expiryOf(authorization);
    this.lastCovering = identity;
  }

  /**
   * The verdict of `check` when it needs no wait (D214): denied already, expired, anonymous, or a cached
   * identity found to cover the subscription before. Undefined when the identity must be resolved
   * (cache entry ended, a new identity object to compare, a resolution in flight): call `check`.
   */
  checkNow(): HubError | null | undefined {
    if (this.denied) return this.denied;
    if (this.expiresAt !== null && Date.now() >= this.expiresAt) return this.deny(new HubError('UNAUTHENTICATED', EXPIRED_MESSAGE));
    if (!this.authorization) return null;
    if (this.pending) return undefined;
    return this.resolver.cachedIdentityOf?.(this.authorization) === this.lastCovering ? null : undefined;
  }

  /** Null while the subscriber may go on; otherwise the error that ends its subscriptions (for good). */
  check(): Promise<HubError | null> {
    if (this.denied) return Promise.resolve(this.denied);
    if (this.expiresAt !== null && Date.now() >= this.expiresAt) return Promise.resolve(this.deny(new HubError('UNAUTHENTICATED', EXPIRED_MESSAGE)));
    if (!this.authorization) return Promise.resolve(null); // anonymous: nothing to lose
    this.pending ??= this.recheck().finally(() => (this.pending = null));
    return this.pending;
  }

  /** The subscriber's grants changed (change feed): the next check reads them afresh. */
  forget(): void {
    if (this.authorization) this.resolver.forget(this.authorization);
  }

  private async recheck(): Promise<HubError | null> {
    try {
      const now = await this.resolver.identityOf(this.authorization!);
      if (now === this.lastCovering) return null;
      if (!covers(now, this.identity)) return this.deny(new HubError('FORBIDDEN', RIGHTS_LOST_MESSAGE));
      this.lastCovering = now;
      return null;
    } catch (error) {
      // Deny by default: an account disabled, a token refused, or rights that cannot be read now.
      return this.deny(error instanceof HubError ? error : new HubError('UNAUTHENTICATED', 'The rights of this subscription could not be checked again; subscribe again.'));
    }
  }

  private deny(error: HubError): HubError {
    this.denied ??= error;
    return this.denied;
  }
}
