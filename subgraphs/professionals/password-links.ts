/**
 * Password-creation links: a random single-use token, valid 48 hours, of which only the SHA-256
 * hash is stored (a database leak yields no usable link). The link points at the hub's public
 * base URL: `<issuer without /oidc>/password/create?token=<token>`.
 */
import { createHash, randomBytes } from 'node:crypto';

export const PASSWORD_LINK_HOURS = 48;

export interface PasswordLink {
  token: string;
  tokenHash: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newPasswordLink(): PasswordLink {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

/** The public base of the hub, from the embedded issuer URL (`http://host:4000/oidc` → `http://host:4000`). */
export function publicBaseOf(oidcIssuer: string): string {
  return oidcIssuer.replace(/\/oidc\/?$/, '').replace(/\/$/, '');
}

export function passwordCreationUrl(publicBase: string, token: string): string {
  return `${publicBase}/password/create?token=${encodeURIComponent(token)}`;
}
