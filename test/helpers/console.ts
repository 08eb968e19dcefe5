/**
 * The console's browser scenarios share one hub and one chromium per file (test/console/suite.ts):
 * a hub start and a browser launch cost more than most scenarios, and the scenarios touch disjoint
 * parts of the demo region (each names the establishments it uses).
 * A scenario module exports `xxxScenarios(run: () => ConsoleRun)` that registers its `it`s.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser, newUserPage, screenshotDir, signIn } from './browser.js';
import { startTestHub, type DatabaseKind, type TestHub } from './hub.js';

/** The demo accounts' password (README § Identities and tokens). */
export const DEMO_PASSWORD = 'Demo-ROR-2026!';

export interface ConsoleRun {
  kind: DatabaseKind;
  hub: TestHub;
  browser: Browser;
  /** The hub's public base, e.g. http://127.0.0.1:41234 (the console is at `${base}/`). */
  base: string;
  /** Where screenshots go: docs/console/ with ROR_UPDATE_SCREENSHOTS=1, else a temporary folder. */
  shots: URL;
}

export async function startConsoleRun(kind: DatabaseKind): Promise<ConsoleRun> {
  const [hub, browser] = await Promise.all([startTestHub(kind), launchBrowser()]);
  // Each screen runs on one kind only (test/console/suite.ts), so both runs write their screenshots.
  const shots = screenshotDir();
  mkdirSync(shots, { recursive: true });
  return { kind, hub, browser, base: hub.urls.graphql.replace(/\/graphql$/, ''), shots };
}

export async function stopConsoleRun(run: ConsoleRun | undefined): Promise<void> {
  await run?.browser.close();
  await run?.hub.close();
}

export interface ConsoleUserOptions extends BrowserContextOptions {
  /** Called on the new page before it opens the console (e.g. to route its WebSocket). */
  prepare?: (page: Page) => Promise<void>;
}

/**
 * A person opening the console in a fresh browser context (1366×768, the laptop the issue names,
 * unless `viewport` says otherwise), signed in through the provider's page; back on the home page.
 */
export async function consoleUser(run: ConsoleRun, login: string, options: ConsoleUserOptions = {}): Promise<Page> {
  const { prepare, ...contextOptions } = options;
  const page = await newUserPage(run.browser, { viewport: { width: 1366, height: 768 }, ...contextOptions });
  // Waits on visible state, never on time: 60 s rather than Playwright's 30 s, because CI runs
  // these pages beside the typecheck, the lint and the other worker on two cores.
  page.setDefaultTimeout(60_000);
  await prepare?.(page);
  await page.goto(`${run.base}/`);
  await page.getByRole('main').getByRole('button', { name: 'Se connecter' }).click();
  await signIn(page, run.base, login, DEMO_PASSWORD);
  await page.getByRole('heading', { level: 1, name: /^Bonjour / }).waitFor();
  return page;
}

/**
 * The first screen of the page as it is (what a person sees on arrival), into docs/console/ for
 * docs/console.md, when ROR_UPDATE_SCREENSHOTS=1. Otherwise nothing: a screenshot checks nothing,
 * and chromium encodes each as a PNG (the PGlite file's chromium CPU 34.6 → 31.7 s without them, D251).
 */
export async function shot(run: ConsoleRun, page: Page, name: string): Promise<void> {
  if (process.env.ROR_UPDATE_SCREENSHOTS === '1') await page.screenshot({ path: new URL(name, run.shots).pathname });
}

/** The menu's entries, in order. */
export function menuOf(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link').allTextContents();
}
