/**
 * The console's browser scenarios, each run once (D175): test/console-pglite.browser.test.ts
 * runs the screens of `SCREENS.pglite`, test/console-postgres.browser.test.ts those of
 * `SCREENS.postgres`, one hub and one chromium per file (test/helpers/console.ts), so the two halves
 * run in parallel workers. The console talks to the hub only over HTTP and WebSocket; what differs
 * between the databases is the hub's, and the hub's GraphQL tests run on both. Without PostgreSQL
 * (no TEST_DATABASE_URL), the PGlite file runs every screen. Scenarios run in the order registered;
 * each uses its own part of the demo region.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { startConsoleRun, stopConsoleRun, type ConsoleRun } from '../helpers/console.js';
import { databaseKinds, type DatabaseKind } from '../helpers/hub.js';
import { admissionScenarios } from './admissions.js';
import { capacityScenarios } from './capacity.js';
import { tensionScenarios } from './tensions.js';
import { offerScenarios } from './offer.js';
import { emergencyScenarios } from './emergency.js';
import { crisisScenarios } from './crisis.js';
import { territoryScenarios } from './territory.js';
import { hetScenarios } from './het.js';

type Screen = (run: () => ConsoleRun) => void;

/**
 * Which database kind runs each screen: halves of about the same length (PGlite 86 s, PostgreSQL
 * 96 s of scenarios under load on 2026-12-06), each with live screens (subscriptions over
 * PGlite's in-process notifications on one side, PostgreSQL's LISTEN on the other).
 */
export const SCREENS: Record<DatabaseKind, Screen[]> = {
  pglite: [capacityScenarios, offerScenarios, crisisScenarios, hetScenarios],
  postgres: [admissionScenarios, tensionScenarios, emergencyScenarios, territoryScenarios],
};

/** The screens `kind`'s file runs: its own, and PostgreSQL's too on PGlite when there is no PostgreSQL. */
export function screensOf(kind: DatabaseKind, kinds: readonly DatabaseKind[] = databaseKinds()): Screen[] {
  return kind === 'pglite' && !kinds.includes('postgres') ? [...SCREENS.pglite, ...SCREENS.postgres] : SCREENS[kind];
}

export function consoleSuite(kind: DatabaseKind): void {
  describe(`the console in a browser (${kind})`, () => {
    let run: ConsoleRun | undefined;
    beforeAll(async () => {
      run = await startConsoleRun(kind);
    });
    afterAll(() => stopConsoleRun(run));
    const current = (): ConsoleRun => {
      if (!run) throw new Error('the console run did not start');
      return run;
    };
    for (const screen of screensOf(kind)) screen(current);
  });
}
