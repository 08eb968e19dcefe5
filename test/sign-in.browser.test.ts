/**
 * The hub's sign-in page in a real browser (Debian's chromium, test/helpers/browser.ts), through
 * the gateway as a person meets it: French, styled by the DSFR style sheet the hub serves itself,
 * without serious accessibility violations (axe-core), usable with the keyboard alone; a wrong
 * password shows the French error under the field, the right one completes the web client's
 * authorization code flow with PKCE, and the code buys a token the API accepts. The harness's
 * own signIn and expectAccessible are shown to fail where they must.
 *
 * PGlite only: what is under test is the page in the browser; the sign-in's storage (accounts,
 * sessions, grants) runs on both databases in oidc-users.test.ts and password-page.test.ts. On
 * the run's shared PGlite hub (global-setup.ts): signing in adds sessions and grants only, as
 * every token taken from the shared hubs does, and the hub has no lockout after a wrong password.
 */
import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { authorizeUrl, discover, exchangeCode, pkce, type Discovery } from '../scripts/token.js';
import { INVALID_CREDENTIALS } from '../subgraphs/professionals/oidc/interactions.js';
import { expectAccessible, launchBrowser, newUserPage, screenshotDir, signIn } from './helpers/browser.js';
import { gql } from './helpers/graphql.js';

const PASSWORD = 'Demo-ROR-2026!';
const SCREENSHOT = new URL('sign-in.png', screenshotDir()); // docs/console/ with ROR_UPDATE_SCREENSHOTS=1

describe('sign-in page in a browser (PGlite)', () => {
  const graphql = inject('hubs').pglite!.graphql;
  const base = graphql.replace(/\/graphql$/, '');
  let browser: Browser;
  let discovery: Discovery;

  beforeAll(async () => {
    browser = await launchBrowser(); // first: without chromium the file fails at once, with the install hint
    discovery = await discover(base);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A new user's page on the web client's authorization request; the redirect back is answered in the browser. */
  async function startWebSignIn(): Promise<{ page: Page; verifier: string; redirectUri: string; state: string }> {
    const page = await newUserPage(browser);
    const { verifier, challenge } = pkce();
    const redirectUri = `${base}/callback`;
    const state = randomBytes(8).toString('hex');
    // The web client's redirect is the console's to handle; here the browser answers it itself.
    await page.route(`${redirectUri}?**`, (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'retour' }));
    await page.goto(authorizeUrl(discovery, { clientId: 'ror-web', redirectUri, state, challenge }).href);
    return { page, verifier, redirectUri, state };
  }

  const evaluate = <T>(page: Page, expression: string) => page.evaluate(expression) as Promise<T>;
  /**
   * Waits until the field `id` has the focus (autofocus applies at the page's first rendering, not
   * at its load). Polled from here: `page.waitForFunction` with an expression re-evaluates it with
   * `eval` inside the page, which the sign-in page's CSP (no 'unsafe-eval') refuses whenever the
   * first check is not already true; `page.evaluate` is not subject to it.
   */
  const focusOn = (page: Page, id: string) =>
    expect.poll(() => evaluate<boolean>(page, `document.activeElement?.id === ${JSON.stringify(id)}`), { timeout: 10_000, interval: 50 }).toBe(true);

  it('is French, DSFR-styled, accessible and keyboard-usable; a wrong password shows the error under the field, the right one completes the flow', async () => {
    const { page, verifier, redirectUri, state } = await startWebSignIn();
    expect(page.url()).toMatch(new RegExp(`^${base}/oidc/interaction/`));
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.title()).toBe('Connexion · ROR Hub');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Connexion');

    // The DSFR style sheet and its Marianne font are the hub's own, and they apply.
    expect(await evaluate<string>(page, 'getComputedStyle(document.body).fontFamily')).toMatch(/^Marianne\b/);
    expect(await evaluate<string>(page, `getComputedStyle(document.querySelector('button[type=submit]')).backgroundColor`)).toBe('rgb(0, 0, 145)');
    expect(await evaluate<boolean>(page, `document.fonts.ready.then(() => document.fonts.check('1em Marianne'))`)).toBe(true);
    await expectAccessible(page);
    mkdirSync(new URL('.', SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT.pathname, fullPage: true });

    // Keyboard only: the login field has the focus, Tab goes to the password, Enter submits.
    await focusOn(page, 'login');
    await page.keyboard.type('gestionnaire.lits.orleans');
    await page.keyboard.press('Tab');
    await focusOn(page, 'password');
    await page.keyboard.type('Pas-le-bon-2026');
    const refused = page.waitForResponse((response) => response.url().endsWith('/login'));
    await page.keyboard.press('Enter');
    expect((await refused).status()).toBe(401);

    // The message sits under the password field, in its DSFR error group, and describes both fields.
    const group = page.locator('.fr-input-group--error', { has: page.locator('#password') });
    await expect(group.locator('#login-error').textContent()).resolves.toBe(INVALID_CREDENTIALS);
    expect(await page.getAttribute('#password', 'aria-describedby')).toContain('login-error');
    expect(await page.getAttribute('#login', 'aria-invalid')).toBe('true');
    // The login typed stays; the focus is on the password, the field to type again.
    expect(await page.inputValue('#login')).toBe('gestionnaire.lits.orleans');
    await focusOn(page, 'password');
    await expectAccessible(page);

    await page.keyboard.type(PASSWORD);
    const landed = page.waitForURL((url) => url.href.startsWith(`${redirectUri}?`));
    await page.keyboard.press('Enter');
    await landed;
    const callback = new URL(page.url());
    expect(callback.searchParams.get('state')).toBe(state);
    const tokens = await exchangeCode(discovery, callback.searchParams.get('code')!, verifier, 'ror-web', redirectUri);
    expect(tokens.status).toBe(200);
    const { access_token } = (await tokens.json()) as { access_token: string };
    const me = await gql<{ me: { account: { login: string } } }>(graphql, '{ me { account { login } } }', {}, { authorization: `Bearer ${access_token}` });
    expect(me.errors).toBeUndefined();
    expect(me.data!.me.account.login).toBe('gestionnaire.lits.orleans');
    await page.context().close();
  });

  it('signIn (the helper other browser tests use) reports a refusal with the page’s message, and signs a user in', async () => {
    const first = await startWebSignIn();
    await expect(signIn(first.page, base, 'saisie.lits.chateauroux', 'Pas-le-bon-2026')).rejects.toThrow(INVALID_CREDENTIALS);
    const landed = await signIn(first.page, base, 'saisie.lits.chateauroux', PASSWORD);
    expect(landed.href.startsWith(`${first.redirectUri}?`)).toBe(true);
    expect(landed.searchParams.get('code')).toBeTruthy();
    await first.page.context().close();
  });

  it('expectAccessible fails on serious violations, naming them', async () => {
    const page = await newUserPage(browser);
    await page.setContent('<!doctype html><html><head><title>t</title></head><body><main><input type="text"></main></body></html>');
    await expect(expectAccessible(page)).rejects.toThrow(/html-has-lang \(serious\)[\s\S]*label \(critical\)/);
    await page.context().close();
  });

  it('serves the password page French and accessible too', async () => {
    const page = await newUserPage(browser);
    await page.goto(`${base}/password/create?token=jeton-de-test`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expect(page.getByLabel('Confirmation du nouveau mot de passe').count()).resolves.toBe(1);
    await focusOn(page, 'password');
    await expectAccessible(page);
    await page.context().close();
  });
});
