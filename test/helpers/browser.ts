/**
 * Real-browser tests: Debian's chromium driven by playwright-core (no browser download: the
 * machines here reach no browser build; `apt-get install -y chromium-headless-shell`, as .ci/run
 * does, or `chromium`). One
 * browser per test file (launchBrowser in beforeAll, close in afterAll), one context per user
 * (newUserPage): contexts share nothing, cookies included, so two users never mix sessions.
 *
 * - signIn drives the hub's own sign-in page (subgraphs/professionals/oidc/pages.ts) by its
 *   French labels, as a person would, keyboard only.
 * - expectAccessible runs axe-core in the page and fails on serious or critical violations.
 *
 * Absent chromium is a failure, never a skip: the message says how to install it.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { existsSync, mkdtempSync } from 'node:fs';
import axe from 'axe-core';
import type { AxeResults, RunOptions } from 'axe-core';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's headless-only build (package chromium-headless-shell): preferred when installed. */
export const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/**
 * Where chromium is: CHROMIUM_PATH, else Debian's headless shell when installed, else Debian's
 * /usr/bin/chromium. The shell is the same engine without the browser's UI layer (Playwright's
 * own headless default is that shell too); the console's files took 22 % less CPU with it (D222).
 */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `the browser tests need chromium, not found at ${executablePath}: install it: apt-get install -y chromium-headless-shell (or chromium, or set CHROMIUM_PATH to a chromium binary)`,
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    // Chromium refuses to start its sandbox as root (CI runs as root); containers have a small /dev/shm.
    // --lang: date and number inputs render in the browser's own locale, French for French users.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-dev-shm-usage', '--lang=fr-FR'],
  });
}

/** A page in a fresh context (its own cookies and storage): one per user of a test. */
export async function newUserPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1024, height: 768 }, ...options });
  return context.newPage();
}

/** True while the page shows one of the provider's sign-in pages. */
function onSignInPage(page: Page, baseUrl: string): boolean {
  return page.url().startsWith(`${baseUrl.replace(/\/$/, '')}/oidc/interaction/`);
}

/**
 * Signs in on the hub's sign-in page: the page is there already, or gets there by itself (an
 * application redirecting to the provider). Types the login and the password, submits with Enter,
 * and waits until the browser leaves the provider's pages: returns the URL it lands on (the
 * client's redirect, with its code). A refused sign-in throws with the page's error message.
 * `baseUrl` is the hub's public base (the issuer without `/oidc`).
 */
export async function signIn(page: Page, baseUrl: string, login: string, password: string): Promise<URL> {
  if (!onSignInPage(page, baseUrl)) await page.waitForURL((url) => url.href.startsWith(`${baseUrl.replace(/\/$/, '')}/oidc/interaction/`));
  await page.getByLabel('Identifiant').fill(login);
  const passwordField = page.getByLabel('Mot de passe', { exact: true });
  await passwordField.fill(password);
  const leaving = page.waitForURL((url) => !url.href.startsWith(`${baseUrl.replace(/\/$/, '')}/oidc/`), { waitUntil: 'commit' });
  const refused = page.waitForResponse((response) => response.url().endsWith('/login') && response.status() === 401);
  await passwordField.press('Enter');
  const outcome = await Promise.race([leaving.then(() => 'signed-in' as const), refused.then(() => 'refused' as const)]);
  if (outcome === 'refused') {
    // The page comes back with the message (auto-waited for: the old page has none).
    const message = await page.locator('#login-error').textContent();
    throw new Error(`sign-in refused for ${login}: ${message?.trim() ?? 'no message'}`);
  }
  return new URL(page.url());
}

/** The window's axe-core, once injected. */
interface WindowWithAxe {
  axe: { run(options: RunOptions): Promise<AxeResults> };
}

/**
 * Runs axe-core on the page as it is and fails on serious or critical violations, listing them
 * (rule, impact, help, the elements). Injected through the DevTools protocol, so the pages' CSP
 * (no script) does not stop it; moderate and minor findings are left to review.
 */
export async function expectAccessible(page: Page, options: RunOptions = {}): Promise<AxeResults> {
  // Once per document: the console's client routes change the page in place and keep it.
  const present = await page.evaluate(() => 'axe' in globalThis);
  if (!present) await page.evaluate(axe.source);
  const results = await page.evaluate(
    (runOptions) => (globalThis as unknown as WindowWithAxe).axe.run({ resultTypes: ['violations'], ...runOptions }),
    options as Record<string, unknown>,
  );
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  if (serious.length) throw new Error(`axe-core: ${serious.length} serious or critical accessibility violation(s) on ${page.url()}:\n- ${serious.join('\n- ')}`);
  return results;
}

/**
 * Where browser tests write their screenshots: docs/console/ (committed, shown in docs/console.md)
 * when ROR_UPDATE_SCREENSHOTS=1, else a temporary folder, so `npm test` leaves the tree clean.
 */
export function screenshotDir(): URL {
  if (process.env.ROR_UPDATE_SCREENSHOTS === '1') return new URL('../../docs/console/', import.meta.url);
  return pathToFileURL(`${mkdtempSync(join(tmpdir(), 'ror-shots-'))}/`);
}
