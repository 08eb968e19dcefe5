/**
 * The console's browser scenarios of PostgreSQL's half (test/console/suite.ts), when
 * TEST_DATABASE_URL names a server, as in CI (.ci/run sets it and fails without one); without it,
 * test/console-pglite.browser.test.ts runs them.
 */
import { describe, it } from 'vitest';
import { databaseKinds } from './helpers/hub.js';
import { consoleSuite } from './console/suite.js';

if (databaseKinds().includes('postgres')) consoleSuite('postgres');
else describe.skip('the console in a browser (postgres): TEST_DATABASE_URL is not set', () => it('runs with PostgreSQL (its screens run on PGlite meanwhile)'));
