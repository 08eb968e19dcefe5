/**
 * Hub users: authorization code + PKCE (S256) through the provider's sign-in form, via the
 * gateway's /oidc proxy. Accounts are written straight into the test hub's database (the hub runs
 * in this process), so these tests do not depend on the demo seed.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { authorizeUrl, Browser, discover, exchangeCode, pkce, signIn, userToken, type Discovery } from '../scripts/token.js';
import { endToEndKinds } from './helpers/hub.js';
import { createAccount, DEMO_PASSWORD, lastLoginOf, startOidcHub, type OidcHub } from './helpers/oidc.js';
import { INVALID_CREDENTIALS } from '../subgraphs/professionals/oidc/interactions.js';

const AUDIENCE = 'urn:ror-hub:api';
const state = () => randomBytes(8).toString('hex');
const login = (name: string) => `${name}.${randomBytes(3).toString('hex')}`;

describe.each(endToEndKinds('pglite'))('OpenID provider, hub users (%s)', (kind) => {
  let oidc: OidcHub;
  let discovery: Discovery;

  beforeAll(async () => {
    oidc = await startOidcHub(kind);
    discovery = await discover(oidc.base);
  });
  afterAll(() => oidc?.close());

  it('signs a user in with the authorization code flow and PKCE, and issues a JWT for the API', async () => {
    const name = login('camille.testeur');
    const accountId = await createAccount(oidc.hub.db, { login: name });
    const before = new Date();
    const token = await userToken(oidc.base, name.toUpperCase(), DEMO_PASSWORD); // logins are case-insensitive
    const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(discovery.jwks_uri)), { issuer: oidc.issuer, audience: AUDIENCE });
    expect(payload).toMatchObject({ sub: accountId, ror_login: name, client_id: 'ror-cli' });
    expect(payload).not.toHaveProperty('ror_access_level'); // what tells the gateway it is a user
    expect(payload.exp! - payload.iat!).toBe(900);
    expect((await lastLoginOf(oidc.hub.db, accountId))!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1_000);
  });

  it('serves an accessible sign-in form with strict headers', async () => {
    const page = await new Browser().follow(authorizeUrl(discovery, { state: state(), challenge: pkce().challenge }), null, 'http://127.0.0.1/callback');
    expect('response' in page).toBe(true);
    if (!('response' in page)) return;
    expect(page.url.href.startsWith(`${oidc.issuer}/interaction/`)).toBe(true);
    expect(page.response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.response.headers.get('cache-control')).toBe('no-store');
    const html = await page.response.text();
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain('<link rel="stylesheet" href="/assets/dsfr/dsfr.min.css">');
    expect(html).toMatch(/<label class="fr-label" for="login">[\s\S]*id="login"[^>]*autocomplete="username"/);
    expect(html).toMatch(/<label class="fr-label" for="password">[\s\S]*id="password"[^>]*type="password"[^>]*autocomplete="current-password"/);
  });

  it('serves the DSFR style sheet, fonts and icons the pages use, and nothing else of the package', async () => {
    const css = await fetch(`${oidc.base}/assets/dsfr/dsfr.min.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe('public, max-age=86400');
    const sheet = await css.text();
    // Every file the style sheet refers to is served with its type.
    const referred = [...new Set([...sheet.matchAll(/url\((fonts\/[^)]+|icons\/[^)]+)\)/g)].map((m) => m[1]!))];
    expect(referred.length).toBeGreaterThan(50);
    for (const file of [referred.find((f) => f.endsWith('.woff2'))!, referred.find((f) => f.endsWith('.svg'))!]) {
      const answer = await fetch(`${oidc.base}/assets/dsfr/${file}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe(file.endsWith('.svg') ? 'image/svg+xml' : 'font/woff2');
    }
    // Encoded slashes reach the route as `..` segments (fetch would resolve plain ones itself).
    for (const path of ['dsfr.module.min.js', 'fonts%2F..%2F..%2Fpackage.json', 'icons%2F..%2F..%2F..%2Fpackage.json', 'fonts/Absent.woff2']) {
      const answer = await fetch(`${oidc.base}/assets/dsfr/${path}`);
      expect([400, 404], path).toContain(answer.status);
      expect(await answer.text()).not.toContain('"version"');
    }
  });

  it('refuses a wrong password, an unknown login, a disabled account and an archived professional with one message', async () => {
    const good = login('good');
    await createAccount(oidc.hub.db, { login: good });
    const disabled = login('disabled');
    await createAccount(oidc.hub.db, { login: disabled, enabled: false });
    const archived = login('archived');
    await createAccount(oidc.hub.db, { login: archived, archived: true });
    for (const [user, password] of [[good, 'Wrong-password-1'], ['nobody.here', DEMO_PASSWORD], [disabled, DEMO_PASSWORD], [archived, DEMO_PASSWORD]] as const) {
      await expect(userToken(oidc.base, user, password)).rejects.toThrow('invalid login or password');
    }
  });

  it('shows the generic message on the form again, keeping the login typed', async () => {
    const browser = new Browser();
    const page = await browser.follow(authorizeUrl(discovery, { state: state(), challenge: pkce().challenge }), null, 'http://127.0.0.1/callback');
    if (!('response' in page)) throw new Error('expected the sign-in page');
    const response = await browser.request(new URL(`${page.url.pathname}/login`, page.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login: 'someone<b>', password: 'nope' }).toString(),
    });
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(html).toContain(`role="alert">${INVALID_CREDENTIALS}</p>`);
    expect(html).toContain('value="someone&lt;b&gt;"');
  });

  it('requires PKCE with S256', async () => {
    for (const [challenge, method] of [[null, undefined], [pkce().verifier, 'plain']] as const) {
      const callback = await signIn(new Browser(), authorizeUrl(discovery, { state: state(), challenge, method }), 'x', 'y');
      expect(callback.searchParams.get('error')).toBe('invalid_request');
    }
  });

  it('refuses a wrong code verifier and a code used twice', async () => {
    const name = login('pkce');
    await createAccount(oidc.hub.db, { login: name });
    const { verifier, challenge } = pkce();
    const code = async () => (await signIn(new Browser(), authorizeUrl(discovery, { state: state(), challenge }), name, DEMO_PASSWORD)).searchParams.get('code')!;
    const wrong = await exchangeCode(discovery, await code(), pkce().verifier);
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toBe('invalid_grant');
    const once = await code();
    expect((await exchangeCode(discovery, once, verifier)).status).toBe(200);
    const again = await exchangeCode(discovery, once, verifier);
    expect(((await again.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('signs in through the web client, then reuses the session for the CLI without a second login', async () => {
    const name = login('sso');
    const accountId = await createAccount(oidc.hub.db, { login: name });
    const browser = new Browser();
    const web = pkce();
    const redirectUri = `${oidc.base}/callback`;
    const first = await signIn(browser, authorizeUrl(discovery, { clientId: 'ror-web', redirectUri, state: state(), challenge: web.challenge }), name, DEMO_PASSWORD, redirectUri);
    const webToken = await exchangeCode(discovery, first.searchParams.get('code')!, web.verifier, 'ror-web', redirectUri);
    expect(webToken.status).toBe(200);
    // Same browser, another first-party client: consent is implied and no form is shown.
    const cli = pkce();
    const second = await signIn(browser, authorizeUrl(discovery, { state: state(), challenge: cli.challenge }), 'not-used', 'not-used');
    const response = await exchangeCode(discovery, second.searchParams.get('code')!, cli.verifier);
    const { access_token } = (await response.json()) as { access_token: string };
    const { payload } = await jwtVerify(access_token, createRemoteJWKSet(new URL(discovery.jwks_uri)), { issuer: oidc.issuer, audience: AUDIENCE });
    expect(payload).toMatchObject({ sub: accountId, client_id: 'ror-cli' });
  });

  it('lets the user cancel, returning access_denied to the client', async () => {
    const browser = new Browser();
    const page = await browser.follow(authorizeUrl(discovery, { state: state(), challenge: pkce().challenge }), null, 'http://127.0.0.1/callback');
    if (!('response' in page)) throw new Error('expected the sign-in page');
    const aborted = await browser.request(new URL(`${page.url.pathname}/abort`, page.url), { method: 'POST' });
    const end = await browser.follow(page.url, aborted, 'http://127.0.0.1/callback');
    expect('callback' in end && end.callback.searchParams.get('error')).toBe('access_denied');
  });
});
