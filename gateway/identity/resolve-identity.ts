/**
 * From an Authorization header to a verified Identity: the token is checked, then an
 * application's scopes and access level are read from it, or a user's grants are fetched from the
 * professionals subgraph and their perimeters expanded. Results are cached briefly per token.
 */
import type { JWTPayload } from 'jose';
import { HubError } from '../../platform/errors.js';
import { ANONYMOUS, SCOPES, type AccessLevel, type Identity, type Scope } from '../../platform/auth/identity.js';
import { isRightCode, PERIMETER_KINDS, type PerimeterKind } from '../../platform/auth/rights.js';
import type { TokenVerifier } from './token-verifier.js';
import type { SubgraphQuery } from './subgraph-client.js';
import { expandReach } from './reach.js';

const ACCOUNT_GRANTS = /* GraphQL */ `
  query AccountGrants($accountId: ID, $login: String) {
    accountGrants(accountId: $accountId, login: $login) {
      accountId login professionalId enabled
      assignments { rights kind id }
    }
  }
`;

interface AccountGrants {
  accountId: string;
  login: string;
  professionalId: string;
  enabled: boolean;
  assignments: Array<{ rights: string[]; kind: string; id: string | null }>;
}

export interface IdentityResolverOptions {
  verifier: TokenVerifier;
  query: SubgraphQuery;
  offerUrl: string;
  professionalsUrl: string;
  /** How long a resolved identity is reused for the same token (grants changes show up after it). */
  cacheMs?: number;
}

export type IdentityResolver = (authorization: string | undefined) => Promise<Identity>;

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

export function createIdentityResolver(options: IdentityResolverOptions): IdentityResolver {
  const cacheMs = options.cacheMs ?? 30_000;
  const cache = new Map<string, { identity: Identity; until: number }>();

  const userIdentity = async (claims: JWTPayload): Promise<Identity> => {
    const variables = options.verifier.external ? { login: claims.preferred_username ?? claims.sub } : { accountId: claims.sub };
    const { accountGrants: account } = await options.query<{ accountGrants: AccountGrants | null }>(options.professionalsUrl, ACCOUNT_GRANTS, variables);
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

  return async (authorization) => {
    if (!authorization) return ANONYMOUS;
    const token = bearer(authorization);
    const hit = cache.get(token);
    if (hit && hit.until > Date.now()) return hit.identity;
    const claims = await options.verifier.verify(token);
    const identity = claims.ror_access_level !== undefined ? clientIdentity(claims) : await userIdentity(claims);
    remember(token, identity, claims.exp);
    return identity;
  };
}
