/**
 * The form in which the gateway hands a verified identity to subgraphs: the `x-ror-identity`
 * header, an HMAC-SHA256-signed, short-lived envelope. Subgraphs trust nothing else, and refuse a
 * header whose signature or expiry is wrong (a direct call without it is anonymous).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { HubError } from '../errors.js';
import { ANONYMOUS, type Identity } from './identity.js';

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
  if (!header) return ANONYMOUS;
  const [payload, signature] = header.split('.');
  const expected = payload ? mac(payload, secret) : '';
  const valid =
    !!payload && !!signature && signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
  if (!valid) throw new HubError('UNAUTHENTICATED', 'The identity forwarded by the gateway is not validly signed.');
  const { identity, exp } = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as { identity: Identity; exp: number };
  if (exp * 1000 < now) throw new HubError('UNAUTHENTICATED', 'The identity forwarded by the gateway has expired.');
  return identity;
}
