/**
 * Every console scenario, on one database kind: one hub and one chromium for all of them
 * (test/helpers/console.ts). test/console-pglite.browser.test.ts and
 * test/console-postgres.browser.test.ts run it, so the two kinds run in parallel workers.
 * Scenarios run in the order registered; each uses its own part of the demo region.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { startConsoleRun, stopConsoleRun, type ConsoleRun } from '../helpers/console.js';
import type { DatabaseKind } from '../helpers/hub.js';
import { admissionScenarios } from './admissions.js';
import { capacityScenarios } from './capacity.js';
import { tensionScenarios } from './tensions.js';
import { offerScenarios } from './offer.js';
import { emergencyScenarios } from './emergency.js';
import { crisisScenarios } from './crisis.js';
import { territoryScenarios } from './territory.js';
import { hetScenarios } from './het.js';

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
    admissionScenarios(current);
    capacityScenarios(current);
    tensionScenarios(current);
    offerScenarios(current);
    emergencyScenarios(current);
    crisisScenarios(current);
    territoryScenarios(current);
    hetScenarios(current);
  });
}
