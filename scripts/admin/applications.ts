/**
 * `register-app`, `rotate-keys`, `revoke-app`, `list-apps`: trust-circle applications through the
 * professionals subgraph's application service (subgraphs/professionals/applications.ts).
 */
import { createPublicKey, type JsonWebKey as NodeJwk } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { calculateJwkThumbprint, type JWK } from 'jose';
import type { ApplicationKeys, ApplicationView } from '../../subgraphs/professionals/applications.js';
import { CLI_IDENTITY, CommandError, type AdminContext } from './context.js';

export interface KeyOptions {
  jwks?: string;
  jwksUri?: string;
  publicKey?: string;
}

function readText(option: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CommandError(`${option} ${file}: cannot read it (${(error as Error).message})`);
  }
}

/** A PEM public key (a private key PEM works too: only its public half is kept) as a signing JWK. */
async function jwkOfPem(file: string): Promise<JWK> {
  let jwk: NodeJwk;
  try {
    jwk = createPublicKey(readText('--public-key', file)).export({ format: 'jwk' });
  } catch (error) {
    throw new CommandError(`--public-key ${file}: not a PEM key (${(error as Error).message})`);
  }
  const alg = jwk.kty === 'RSA' ? 'RS256' : jwk.crv === 'P-384' ? 'ES384' : jwk.crv === 'P-256' ? 'ES256' : null;
  if (!alg) throw new CommandError(`--public-key ${file}: use an RSA (2048 bits or more) or an EC P-256 / P-384 key.`);
  const key = { ...(jwk as JWK), alg, use: 'sig' };
  return { ...key, kid: await calculateJwkThumbprint(key) };
}

/** Exactly one of --jwks FILE, --jwks-uri URL, --public-key PEM. */
export async function keysOf(options: KeyOptions): Promise<ApplicationKeys> {
  const given = [options.jwks, options.jwksUri, options.publicKey].filter((o) => o !== undefined).length;
  if (given !== 1) throw new CommandError('give the public keys once: --jwks FILE (a JWK set), --jwks-uri URL, or --public-key FILE (PEM)');
  if (options.jwksUri !== undefined) return { jwksUri: options.jwksUri };
  if (options.publicKey !== undefined) return { jwks: { keys: [await jwkOfPem(options.publicKey)] } };
  try {
    return { jwks: JSON.parse(readText('--jwks', options.jwks!)) as unknown };
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw new CommandError(`--jwks ${options.jwks}: not JSON (${(error as Error).message})`);
  }
}

export interface RegisterOptions extends KeyOptions {
  clientId: string;
  name: string;
  scopes: string;
  accessLevel: string;
  writeEstablishments?: string;
}

export function words(raw: string | undefined): string[] {
  return (raw ?? '').split(/[\s,]+/).filter(Boolean);
}

export async function registerApp(ctx: AdminContext, options: RegisterOptions): Promise<ApplicationView> {
  if (!/^\d$/.test(options.accessLevel)) throw new CommandError(`--access-level ${options.accessLevel}: the IG access profile is 0, 1, 2 or 3.`);
  return ctx.applications.registerApplication(CLI_IDENTITY, {
    clientId: options.clientId,
    name: options.name,
    scopes: words(options.scopes),
    accessLevel: Number(options.accessLevel),
    writeEstablishments: words(options.writeEstablishments),
    keys: await keysOf(options),
  });
}

export async function rotateKeys(ctx: AdminContext, clientId: string, options: KeyOptions): Promise<ApplicationView> {
  return ctx.applications.rotateApplicationKeys(CLI_IDENTITY, clientId, await keysOf(options));
}

export function revokeApp(ctx: AdminContext, clientId: string): Promise<ApplicationView> {
  return ctx.applications.revokeApplication(CLI_IDENTITY, clientId);
}

export function formatApp(a: ApplicationView): string {
  const perimeter = a.writeEstablishments?.length ? `  writes for: ${a.writeEstablishments.join(' ')}` : '';
  return `${a.clientId.padEnd(28)} ${a.enabled ? 'enabled ' : 'REVOKED '} profile ${a.accessLevel}  ${a.name}\n    scopes: ${a.scopes.join(' ') || '(none)'}${perimeter}\n    keys: ${a.keys}`;
}
