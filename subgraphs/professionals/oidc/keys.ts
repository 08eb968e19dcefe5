/**
 * Keys of the embedded provider. The token-signing key is created on first start and kept in the
 * `signing_key` table, so every process (and every restart) signs with the same key and the
 * gateway's cached JWKS stays valid. Cookie keys are derived from the internal secret.
 */
import { createHmac } from 'node:crypto';
import { desc } from 'drizzle-orm';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Orm } from '../../../platform/db/client.js';
import { signingKeys } from '../tables.js';

export const SIGNING_ALG = 'RS256';

/**
 * The first key's id is fixed on purpose: processes starting together on an empty database each
 * draw a key, but only one insert of this id wins, and all of them then read the same key back.
 * A rotation adds a row with another id; the newest key signs and every stored key is published.
 */
const FIRST_KID = 'ror-hub-rs256-1';

async function drawKey(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { modulusLength: 2048, extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALG, use: 'sig' };
}

/** The provider's private signing JWKs, newest first; creates the first one when there is none. */
export async function loadSigningKeys(orm: Orm): Promise<JWK[]> {
  const read = async () => (await orm.select().from(signingKeys).orderBy(desc(signingKeys.createdAt), desc(signingKeys.kid))).map((row) => row.jwk as JWK);
  const existing = await read();
  if (existing.length > 0) return existing;
  await orm
    .insert(signingKeys)
    .values({ kid: FIRST_KID, jwk: await drawKey(FIRST_KID) })
    .onConflictDoNothing();
  return read();
}

/**
 * Cookie-signing keys (Keygrip) derived from the internal secret: processes sharing the secret
 * accept each other's cookies, and nothing more is stored. With `npm start` and no configured
 * secret, the secret is drawn per process, so a login in progress across a restart starts over.
 */
export function cookieKeys(internalSecret: string): string[] {
  return [createHmac('sha256', internalSecret).update('ror-hub/oidc/cookies/v1').digest('base64url')];
}
