/**
 * Verifies bearer access tokens (JWT): signature against the issuer's JWKS, issuer, audience and
 * expiry. The issuer is the hub's embedded OpenID provider, or an external one found by its
 * discovery URL. The contract is RFC 9068's JWT access token: header `typ: at+jwt` (an ID token
 * or any other JWT signed by the same key is not an access token) and an `exp` claim (a token
 * without one would never expire); both are required, from every issuer.
 */
import { createRemoteJWKSet, jwtVerify, errors, type JWTPayload } from 'jose';
import { HubError } from '../../platform/errors.js';

export interface TokenVerifier {
  verify(token: string): Promise<JWTPayload>;
  /** True when the tokens come from an external issuer (users are then matched by login). */
  readonly external: boolean;
}

export interface VerifierOptions {
  issuer: string;
  audience: string;
  jwksUrl: string;
  external: boolean;
}

/** RFC 9068 § 2.1: the media type of JWT access tokens (jose also accepts `application/at+jwt`). */
export const ACCESS_TOKEN_TYP = 'at+jwt';

function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'typ') return `it is not an access token (its "typ" header must be "${ACCESS_TOKEN_TYP}")`;
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'exp') return 'it has no expiry ("exp" claim)';
  if (error instanceof errors.JWTClaimValidationFailed) return `its "${error.claim}" claim is not accepted`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature is invalid';
  if (error instanceof errors.JWKSNoMatchingKey) return 'it is signed with an unknown key';
  if (error instanceof errors.JOSEError) return 'it is not a valid signed token';
  return 'the token issuer could not be reached';
}

export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  const keys = createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
  return {
    external: options.external,
    verify: async (token) => {
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer: options.issuer,
          audience: options.audience,
          clockTolerance: 5,
          typ: ACCESS_TOKEN_TYP,
          requiredClaims: ['exp'],
        });
        return payload;
      } catch (error) {
        throw new HubError('UNAUTHENTICATED', `Invalid bearer token: ${reason(error)}.`);
      }
    },
  };
}

/** Reads an external issuer's discovery document for its issuer name and JWKS URL. */
export async function discoverIssuer(discoveryUrl: string): Promise<{ issuer: string; jwksUrl: string }> {
  const response = await fetch(discoveryUrl, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`OpenID discovery failed at ${discoveryUrl}: HTTP ${response.status}`);
  const document = (await response.json()) as { issuer?: string; jwks_uri?: string };
  if (!document.issuer || !document.jwks_uri) throw new Error(`OpenID discovery at ${discoveryUrl} lacks issuer or jwks_uri`);
  return { issuer: document.issuer, jwksUrl: document.jwks_uri };
}
