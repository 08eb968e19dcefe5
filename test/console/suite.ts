/**
 * The console's browser scenarios, each run once (D175): test/console-pglite.browser.test.ts
 * runs the screens of `SCREENS.pglite`, test/console-postgres.browser.test.ts those of
 * `SCREENS.postgres`, one hub and one chromium per file (test/helpers/console.ts), so the two halves
 * run in parallel workers. The console talks to the hub only over HTTP and WebSocket; what differs
 * between the databases is the hub's, and the hub's GraphQL tests run on both. Without PostgreSQL
 * (no TEST_DATABASE_URL), the PGlite file runs every screen. Each file's screens are in two lanes
 * that run side by side (the file waited on the browser and the hub more than it computed: about
 * half a core); a lane runs its screens in the order registered. Each screen uses its own part of
 * the demo region, and the two lanes of a hub share no record a screen shows live (see `SCREENS`).
 * A scenario takes `expect` from its test's context (`async ({ expect }) => …`): with two tests
 * running, the imported one's `expect.poll` and `.resolves` would find the other test, or none.
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
 * PGlite's in-process notifications on one side, PostgreSQL's LISTEN on the other). Each half is
 * two lanes run at once, chosen so that no screen of one lane shows live what the other writes:
 * PGlite, the capacities of CH Châteauroux (its grid follows that establishment only) beside the
 * offer's records, the CPTS crisis cell and La Source's HET alert; PostgreSQL, CHR Orléans's
 * admission requests, then the Centre sector's dashboard (Indre-et-Loire and Loir-et-Cher, whose
 * rows follow those départements' capacities and bed blockers live), beside the tensions of CH
 * Bourges and CH Chartres (the ARS's view follows every declaration of the region; the emergency
 * screen's detection writes proposals, not declarations), then the emergency data of Romorantin
 * and the dashboard of Indre-et-Loire, which write no capacity.
 */
export const SCREENS: Record<DatabaseKind, [Screen[], Screen[]]> = {
  pglite: [[capacityScenarios], [offerScenarios, crisisScenarios, hetScenarios]],
  postgres: [
    [admissionScenarios, territoryScenarios],
    [tensionScenarios, emergencyScenarios],
  ],
};

/**
 * The lanes `kind`'s file runs: its own; on PGlite without PostgreSQL, every screen in one lane,
 * since on one hub the halves' lanes would share live records (the territory's rows, the ARS's
 * tension view).
 */
export function screensOf(kind: DatabaseKind, kinds: readonly DatabaseKind[] = databaseKinds()): Screen[][] {
  return kind === 'pglite' && !kinds.includes('postgres') ? [[...SCREENS.pglite, ...SCREENS.postgres].flat()] : SCREENS[kind];
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
    // Lanes side by side (concurrent), each lane's scenarios one after the other (sequential).
    for (const [index, lane] of screensOf(kind).entries())
      describe(`lane ${index + 1}`, { concurrent: true }, () => {
        describe.sequential(lane.map((screen) => screen.name.replace(/Scenarios$/, '')).join(', '), () => {
          for (const screen of lane) screen(current);
        });
      });
  });
}
