/**
 * From an Authorization header to a verified Identity: the token is checked, then an
 * application's scopes and access level are read from it, or a user's grants are fetched from the
 * professionals subgraph and their perimeters expanded. Results are cached briefly per token.
 */
import type { JWTPayload } from 'jose';
import { HubError } from '../../platform/errors.js';
import { ANONYMOUS, PERIMETER_SCOPES, SCOPES, perimeterFromRegistration, type AccessLevel, type Identity, type Scope } from '../../platform/auth/identity.js';
import type { Principal } from '../../platform/executor.js';
import { isRightCode, PERIMETER_KINDS, type PerimeterKind } from '../../platform/auth/rights.js';
import type { TokenVerifier } from './token-verifier.js';
import type { SubgraphQuery } from './subgraph-client.js';
import { expandReach } from './reach.js';
import { createLimiter } from './limiter.js';
import type { AccountGrantsQuery, ApplicationGrantsQuery } from '../../schemas/operations.js';

const ACCOUNT_GRANTS = /* GraphQL */ `
  query AccountGrants($accountId: ID, $login: String) {
    accountGrants(accountId: $accountId, login: $login) {
      accountId login professionalId enabled
      assignments { rights kind id }
    }
  }
`;


export interface IdentityResolverOptions {
  verifier: TokenVerifier;
  query: SubgraphQuery;
  offerUrl: string;
  professionalsUrl: string;
  /** How long a resolved identity is reused for the same token (grants changes show up after it). */
  cacheMs?: number;
  /** Distinct tokens resolved at once (IDENTITY_RESOLUTIONS_AT_ONCE by default). */
  concurrency?: number;
}

/**
 * Distinct tokens whose grants are read at once; the others wait for a turn before their lookups
 * start. A thousand consoles reconnecting after a restart bring a thousand tokens: all sent at
 * once, the lookups queue at the subgraphs (PGlite answers one statement at a time), and every
 * lookup's timeout (ROR_IDENTITY_TIMEOUT_MS, 3 s) counts that queue, so the last ones failed and
 * their sockets were refused (4403). Queued here, each lookup's timeout counts its own answer.
 */
export const IDENTITY_RESOLUTIONS_AT_ONCE = 8;

export type IdentityResolver = (authorization: string | undefined) => Promise<Identity>;

export interface IdentityResolvers {
  /** A bearer token's identity (anonymous without one). */
  ofToken: IdentityResolver;
  /** A stored principal's identity as registered now (platform/executor.ts). */
  ofPrincipal: (principal: Principal) => Promise<Identity>;
  /** Drops a token's cached identity: its grants changed (the subscriptions' re-check, docs/subscriptions.md). */
  forget: (authorization: string) => void;
  /** The token's identity when the cache holds it now, without waiting (the subscriptions' check per event). */
  cachedOf: (authorization: string) => Identity | undefined;
}

const APPLICATION_GRANTS = /* GraphQL */ `
  query ApplicationGrants($clientId: ID!) {
    applicationGrants(clientId: $clientId) { clientId name scopes accessLevel writeEstablishments enabled }
  }
`;


function bearer(authorization: string): string {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw new HubError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <access token>".');
  return match[1]!;
}

function clientIdentity(claims: JWTPayload): Identity {
  const granted = String(claims.scope ?? '').split(' ');
  const level = Number(claims.ror_access_level);
  const subject = String(claims.client_id ?? claims.sub ?? '');
  return {
    kind: 'client',
    subject,
    name: typeof claims.ror_client_name === 'string' ? claims.ror_client_name : subject,
    scopes: SCOPES.filter((s): s is Scope => granted.includes(s)),
    accessLevel: ([0, 1, 2, 3].includes(level) ? level : 0) as AccessLevel,
  };
}

function isPerimeterKind(kind: string): kind is PerimeterKind {
  return (PERIMETER_KINDS as readonly string[]).includes(kind);
}

/** The principal an identity stands for, to act for it later; null for anonymous or system callers. */
export function principalOf(identity: Identity): Principal | null {
  if (identity.kind === 'client') return { kind: 'client', clientId: identity.subject, scopes: [...identity.scopes] };
  if (identity.kind === 'user') return { kind: 'user', accountId: identity.subject, login: identity.login };
  return null;
}

export function createIdentityResolver(options: IdentityResolverOptions): IdentityResolvers {
  const cacheMs = options.cacheMs ?? 30_000;
  const cache = new Map<string, { identity: Identity; until: number }>();

  const userIdentity = async (claims: JWTPayload): Promise<Identity> => {
    const variables = options.verifier.external ? { login: claims.preferred_username ?? claims.sub } : { accountId: claims.sub };
    const { accountGrants: account } = await options.query<AccountGrantsQuery>(options.professionalsUrl, ACCOUNT_GRANTS, variables);
    if (!account?.enabled) throw new HubError('UNAUTHENTICATED', 'The account of this token is unknown, disabled or archived.');
    const grants = await Promise.all(
      account.assignments
        .filter((a) => isPerimeterKind(a.kind))
        .map(async (a) => ({
          rights: a.rights.filter(isRightCode),
          kind: a.kind as PerimeterKind,
          id: a.id,
          reach: await expandReach(options.query, options.offerUrl, a.kind as PerimeterKind, a.id),
        })),
    );
    return { kind: 'user', subject: account.accountId, login: account.login, professionalId: account.professionalId, grants };
  };

  const remember = (token: string, identity: Identity, exp: number | undefined) => {
    if (cache.size > 5_000) cache.delete(cache.keys().next().value!); // oldest first
    cache.set(token, { identity, until: Math.min(Date.now() + cacheMs, (exp ?? Infinity) * 1000) });
  };

  /**
   * An application acting through stored work keeps the scopes its token had, minus any the
   * registration no longer grants; a disabled or deleted application is refused.
   */
  const registrationOf = async (clientId: string): Promise<ApplicationGrantsQuery['applicationGrants']> => {
    const { applicationGrants: app } = await options.query<ApplicationGrantsQuery>(
      options.professionalsUrl,
      APPLICATION_GRANTS,
      { clientId },
    );
    return app?.enabled ? app : null;
  };

  const applicationIdentity = async (principal: Extract<Principal, { kind: 'client' }>): Promise<Identity> => {
    const app = await registrationOf(principal.clientId);
    if (!app) throw new HubError('UNAUTHENTICATED', `The application ${principal.clientId} is unknown or disabled.`);
    const level = [0, 1, 2, 3].includes(app.accessLevel) ? app.accessLevel : 0;
    const perimeter = perimeterFromRegistration(app.writeEstablishments);
    return {
      kind: 'client',
      subject: app.clientId,
      name: app.name,
      scopes: SCOPES.filter((s) => principal.scopes.includes(s) && app.scopes.includes(s)),
      accessLevel: level as AccessLevel,
      ...(perimeter ? { perimeter } : {}),
    };
  };

  /**
   * A writing application's perimeter is read from its registration, as a user's grants are, not
   * from the token: it can change without a new token, and may be long (a regional platform).
   * Read-only applications skip the lookup.
   */
  const withPerimeter = async (identity: Identity): Promise<Identity> => {
    if (identity.kind !== 'client' || !identity.scopes.some((s) => PERIMETER_SCOPES.includes(s))) return identity;
    // An application the hub has no enabled registration for (an external issuer's) gets none.
    const perimeter = perimeterFromRegistration((await registrationOf(identity.subject))?.writeEstablishments);
    return perimeter ? { ...identity, perimeter } : identity;
  };

  const ofPrincipal = async (principal: Principal): Promise<Identity> => {
    const key = `principal:${JSON.stringify(principal)}`;
    const hit = cache.get(key);
    if (hit && hit.until > Date.now()) return hit.identity;
    const identity =
      principal.kind === 'client'
        ? await applicationIdentity(principal)
        : await userIdentity(options.verifier.external ? { sub: principal.login, preferred_username: principal.login } : { sub: principal.accountId });
    remember(key, identity, undefined);
    return identity;
  };

  /**
   * Resolutions in flight, per token. When a token's cached identity expires, every subscription
   * of that token is checked again at the next event: a thousand subscribers would otherwise verify
   * the token and read its grants a thousand times at once. They wait for the first one instead.
   */
  const resolving = new Map<string, Promise<Identity>>();
  const turns = createLimiter(options.concurrency ?? IDENTITY_RESOLUTIONS_AT_ONCE);

  /** `current`: whether this resolution is still the token's (not forgotten meanwhile). */
  const resolve = async (token: string, current: () => boolean): Promise<Identity> => {
    try {
      const claims = await options.verifier.verify(token);
      // The lookups wait for a turn (the signature check needs none: it reads no subgraph).
      const identity = await turns.run(() => (claims.ror_access_level !== undefined ? withPerimeter(clientIdentity(claims)) : userIdentity(claims)));
      // Not kept when forgotten meanwhile (its grants changed while they were read): the next call reads them again.
      if (current()) remember(token, identity, claims.exp);
      return identity;
    } finally {
      if (current()) resolving.delete(token);
    }
  };

  const ofToken: IdentityResolver = async (authorization) => {
    if (!authorization) return ANONYMOUS;
    const token = bearer(authorization);
    const hit = cache.get(token);
    if (hit && hit.until > Date.now()) return hit.identity;
    const pending = resolving.get(token);
    if (pending) return pending;
    const resolution = resolve(token, () => resolving.get(token) === resolution);
    resolving.set(token, resolution);
    return resolution;
  };

  /**
   * Tokens parsed from Authorization headers, so that the check of each subscriber at each event
   * (the same header string every time) does not run the regular expression over the token again.
   */
  const tokens = new Map<string, string>();
  const cachedOf = (authorization: string): Identity | undefined => {
    let token = tokens.get(authorization);
    if (token === undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      if (!match) return undefined;
      if (tokens.size > 5_000) tokens.delete(tokens.keys().next().value!); // oldest first
      tokens.set(authorization, (token = match[1]!));
    }
    const hit = cache.get(token);
    return hit && hit.until > Date.now() ? hit.identity : undefined;
  };

  const forget = (authorization: string) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) return;
    cache.delete(match[1]!);
    resolving.delete(match[1]!);
  };

  return { ofToken, ofPrincipal, forget, cachedOf };
}
