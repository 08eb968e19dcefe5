/**
 * The form in which the gateway hands a verified identity to subgraphs: the `x-ror-identity`
 * header, a short-lived JWT (HS256, made and checked with `jose`) whose `identity` claim the
 * subgraphs read. Subgraphs trust nothing else, and refuse a header whose signature, algorithm,
 * issuer, audience or expiry is wrong. A request without it is refused too: subgraphs answer the
 * gateway only, which signs an envelope for anonymous callers as well (platform/subgraph-gate.ts).
 * Decision D125.
 */
import { hkdfSync } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { HubError } from '../errors.js';
import type { Identity } from './identity.js';

export const IDENTITY_HEADER = 'x-ror-identity';
/**
 * Who signs envelopes (`iss`). Their audience (`aud`) is the one subgraph they are sent to, by its
 * name (`offer`, `capacities`…): an envelope seen by one subgraph cannot be replayed against another.
 */
export const ENVELOPE_ISSUER = 'ror-hub-gateway';
const TTL_SECONDS = 60;
/** Clocks of several gateway and subgraph processes may drift a little apart. */
const CLOCK_TOLERANCE_SECONDS = 5;
/** A cached envelope is reused for half its lifetime, so a receiver always gets ≥ 30 s of validity. */
const REUSE_MS = (TTL_SECONDS * 1000) / 2;
const CACHE_LIMIT = 10_000;
const ALGORITHM = 'HS256';

const keys = new Map<string, Uint8Array>();
/** The signing key, derived from ROR_INTERNAL_SECRET (HKDF): the raw secret is never the key itself. */
export function envelopeKey(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync('sha256', secret, 'ror-hub', 'x-ror-identity envelope v2', 32));
    keys.set(secret, key);
  }
  return key;
}

interface Cached {
  token: Promise<string>;
  reuseUntil: number;
}
// Signing is per subgraph fetch; an identity's envelope is the same for a while, so it is kept.
const cache = new Map<string, Cached>();

async function sign(identity: Identity, secret: string, audience: string, now: number): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new SignJWT({ identity })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setIssuer(ENVELOPE_ISSUER)
    .setAudience(audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + TTL_SECONDS)
    .sign(envelopeKey(secret));
}

/**
 * The envelope for `identity`, to be sent to the subgraph named `audience`. `now` (tests: a past
 * instant makes an expired envelope) bypasses the cache; otherwise an envelope signed less than
 * 30 s ago for the same identity and subgraph is reused.
 */
export function signIdentity(identity: Identity, secret: string, audience: string, options: { now?: number } = {}): Promise<string> {
  if (options.now !== undefined) return sign(identity, secret, audience, options.now);
  const now = Date.now();
  const key = `${audience}\u0000${secret}\u0000${JSON.stringify(identity)}`;
  const hit = cache.get(key);
  if (hit && now < hit.reuseUntil) return hit.token;
  if (cache.size >= CACHE_LIMIT) cache.clear(); // bounded: many distinct callers simply sign again
  const token = sign(identity, secret, audience, now);
  cache.set(key, { token, reuseUntil: now + REUSE_MS });
  token.catch(() => cache.delete(key));
  return token;
}

function refusal(message: string): HubError {
  return new HubError('UNAUTHENTICATED', message);
}

function isIdentity(value: unknown): value is Identity {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

interface Verified {
  identity: Identity;
  /** Past this instant (ms) the token is verified again, and refused as expired: its `exp`, or its `iat` plus the longest age. */
  until: number;
}
/**
 * Envelopes already verified, by the exact token text, audience and key. The gateway reuses one
 * envelope per caller and subgraph for 30 s, so most requests carry a token checked before:
 * the same bytes verify the same way, and only the clock can change the answer, so an entry
 * serves until the token's own expiry at the latest (never longer than a full verification
 * would accept it). Saves a WebCrypto HMAC (a thread-pool round trip) per subgraph request.
 */
const verified = new Map<string, Verified>();

/** The identity in `header` for the subgraph named `audience`, or UNAUTHENTICATED: missing, malformed, forged, wrong algorithm/issuer/audience, expired. */
export async function verifyIdentity(header: string | undefined, secret: string, audience: string): Promise<Identity> {
  if (!header) throw refusal('This endpoint answers the hub gateway only: call the gateway, not the subgraph.');
  const key = `${audience}\u0000${secret}\u0000${header}`;
  const hit = verified.get(key);
  if (hit && Date.now() < hit.until) return hit.identity;
  const { identity, until } = await verifyToken(header, secret, audience);
  if (verified.size >= CACHE_LIMIT) verified.clear(); // bounded: many distinct callers simply verify again
  verified.set(key, { identity, until });
  return identity;
}

async function verifyToken(header: string, secret: string, audience: string): Promise<Verified> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(header, envelopeKey(secret), {
      algorithms: [ALGORITHM], // never `none`, never an algorithm the caller picks
      issuer: ENVELOPE_ISSUER,
      audience,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['iat', 'exp'],
      maxTokenAge: TTL_SECONDS + CLOCK_TOLERANCE_SECONDS,
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw refusal('The identity forwarded by the gateway has expired.');
    if (error instanceof errors.JWTClaimValidationFailed) throw refusal('The identity forwarded by the gateway is not meant for this server.');
    throw refusal('The identity forwarded by the gateway is not validly signed.');
  }
  if (!isIdentity(payload.identity)) throw refusal('The identity forwarded by the gateway is not validly signed.');
  // jwtVerify required both claims, as numbers.
  const until = Math.min(payload.exp as number, (payload.iat as number) + TTL_SECONDS) * 1000;
  // One object then serves every request of that envelope: frozen, no request can change another's identity.
  return { identity: deepFreeze(payload.identity), until };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
