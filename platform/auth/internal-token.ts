/**
 * The form in which the gateway hands a verified identity to subgraphs: the `x-ror-identity`
 * header, an HMAC-SHA256-signed, short-lived envelope. Subgraphs trust nothing else, and refuse a
 * header whose signature or expiry is wrong. A request without it is refused too: subgraphs answer
 * the gateway only, which signs an envelope for anonymous callers as well (platform/subgraph-gate.ts).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { HubError } from '../errors.js';
import type { Identity } from './identity.js';

export const IDENTITY_HEADER = 'x-ror-identity';
const TTL_SECONDS = 120;

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function signIdentity(identity: Identity, secret: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ identity, exp: Math.floor(now / 1000) + TTL_SECONDS })).toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

export function verifyIdentity(header: string | undefined, secret: string, now = Date.now()): Identity {
  if (!header) throw new HubError('UNAUTHENTICATED', 'This endpoint answers the hub gateway only: call the gateway, not the subgraph.');
  const [payload, signature] = header.split('.');
  const given = Buffer.from(signature ?? '');
  const expected = Buffer.from(payload ? mac(payload, secret) : '');
  // Byte lengths compared first: timingSafeEqual throws on a length mismatch (e.g. multi-byte characters).
  const valid = !!payload && given.length > 0 && given.length === expected.length && timingSafeEqual(given, expected);
  if (!valid) throw new HubError('UNAUTHENTICATED', 'The identity forwarded by the gateway is not validly signed.');
  const { identity, exp } = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as { identity: Identity; exp: number };
  if (exp * 1000 < now) throw new HubError('UNAUTHENTICATED', 'The identity forwarded by the gateway has expired.');
  return identity;
}
