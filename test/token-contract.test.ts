/**
 * Issue 12 case 10, tokens and passwords: the gateway accepts only RFC 9068 access tokens (header
 * `typ: at+jwt`, an `exp` claim), even signed by the hub's own key; everything the hub issues
 * (client credentials, authorization code, hence `npm run token`) has that shape; password hashes
 * use OWASP's scrypt parameters, and an older hash is replaced at the next successful sign-in.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import { eq } from 'drizzle-orm';
import { decodeJwt, decodeProtectedHeader, importJWK, SignJWT, type JWTPayload } from 'jose';
import { loadConfig } from '../platform/config.js';
import { loadSigningKeys } from '../subgraphs/professionals/oidc/keys.js';
import { accounts } from '../subgraphs/professionals/tables.js';
import { hashPassword, needsRehash, verifyPassword } from '../subgraphs/professionals/passwords.js';
import { clientToken, userToken, DEMO_PASSWORD } from '../scripts/token.js';
import { startTestHub, TEST_PASSWORD_LOG2N, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';

let hub: TestHub;
let base: string;

beforeAll(async () => {
  hub = await startTestHub('pglite');
  base = hub.urls.graphql.replace(/\/graphql$/, '');
});
afterAll(async () => hub?.close());

/** A token signed by the hub's own provider key, shaped as the caller says. */
async function forge(header: { typ?: string }, claims: JWTPayload, expires: boolean): Promise<string> {
  const [jwk] = await loadSigningKeys(hub.db.orm);
  const jwt = new SignJWT({ client_id: 'national-aggregator', scope: 'offer.read capacity.read', ror_access_level: 1, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: jwk!.kid!, ...header })
    .setIssuer(`${base}/oidc`)
    .setAudience('urn:ror-hub:api')
    .setSubject('national-aggregator')
    .setIssuedAt();
  if (expires) jwt.setExpirationTime('5m');
  return jwt.sign(await importJWK(jwk!, 'RS256'));
}

const CAPACITY = '{ capacitySynthesis(groupBy: [REGION]) { totals { units } } }';

describe('the run\'s seeded copy', () => {
  it('holds the provider\'s signing key: a hub started from it publishes that key and draws none (D251)', async () => {
    const jwksOf = async (graphql: string) => ((await (await fetch(graphql.replace(/\/graphql$/, '/oidc/jwks'))).json()) as { keys: Array<{ kid: string; n: string }> }).keys;
    const [own, shared] = await Promise.all([jwksOf(hub.urls.graphql), jwksOf(inject('hubs').pglite!.graphql)]);
    expect(own).toHaveLength(1);
    expect(own.map(({ kid, n }) => ({ kid, n }))).toEqual(shared.map(({ kid, n }) => ({ kid, n })));
  });
});

describe('access token contract (RFC 9068)', () => {
  it('accepts a hub-signed at+jwt with exp (the forging below is otherwise sound)', async () => {
    const token = await forge({ typ: 'at+jwt' }, {}, true);
    const body = await gql(hub.urls.graphql, CAPACITY, {}, { authorization: `Bearer ${token}` });
    expect(body.errors).toBeUndefined();
  });

  it.each([
    ['without exp (it would never expire)', { typ: 'at+jwt' }, false, /no expiry/],
    ['typed JWT instead of at+jwt', { typ: 'JWT' }, true, /"typ" header must be "at\+jwt"/],
    ['without typ', {}, true, /"typ" header must be "at\+jwt"/],
  ])('refuses a hub-signed token %s', async (_label, header, expires, message) => {
    const token = await forge(header, {}, expires);
    const body = await gql(hub.urls.graphql, CAPACITY, {}, { authorization: `Bearer ${token}` });
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.errors?.[0]?.message).toMatch(message);
    const fhir = await fetch(`${hub.urls.fhir}/Location?_count=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(fhir.status).toBe(401);
  });

  it('is what the embedded provider issues by client credentials and by authorization code', async () => {
    for (const token of [await clientToken(base, 'place-search'), await userToken(base, 'ref.etab.orleans', DEMO_PASSWORD)]) {
      expect(decodeProtectedHeader(token).typ).toBe('at+jwt');
      const claims = decodeJwt(token);
      expect(claims.exp).toBeGreaterThan(Math.floor(Date.now() / 1000));
      expect(claims.aud).toBe('urn:ror-hub:api');
    }
  });
});

describe('password hashes', () => {
  it('use scrypt N=2^17, r=8, p=1 by default (OWASP), and verify', async () => {
    const stored = await hashPassword('Correct-horse-2026');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword('Correct-horse-2026', stored)).toBe(true);
    expect(needsRehash(stored)).toBe(false);
  });

  it('refuses a cost below OWASP outside tests', () => {
    expect(() => loadConfig({ ROR_PASSWORD_SCRYPT_LOG2N: '14' })).toThrow(/ROR_PASSWORD_SCRYPT_LOG2N=14: expected at least 17/);
    expect(() => loadConfig({ NODE_ENV: 'production', ROR_PASSWORD_SCRYPT_LOG2N: '12' })).toThrow(/at least 17/);
    expect(loadConfig({}).passwordScryptLog2N).toBe(17);
  });

  it('replaces an old N=2^14 hash at the next successful sign-in, and only then', async () => {
    const login = 'decl.tension.bourges';
    const old = await hashPassword(DEMO_PASSWORD, 14); // the former parameters
    await hub.db.orm.update(accounts).set({ passwordHash: old }).where(eq(accounts.login, login));
    const stored = async () => (await hub.db.orm.select({ hash: accounts.passwordHash }).from(accounts).where(eq(accounts.login, login)))[0]!.hash!;

    await expect(userToken(base, login, 'Not-the-password-1')).rejects.toThrow();
    expect(await stored()).toBe(old); // a failed sign-in changes nothing

    await userToken(base, login, DEMO_PASSWORD);
    const now = await stored();
    expect(now).not.toBe(old);
    expect(now).toMatch(new RegExp(`^scrypt\\$${2 ** TEST_PASSWORD_LOG2N}\\$8\\$1\\$`)); // the configured cost
    expect(await verifyPassword(DEMO_PASSWORD, now)).toBe(true);
    await userToken(base, login, DEMO_PASSWORD); // still signs in
  });
});
