/**
 * Run by the global setup as a child process (`prepareDatabaseCopies`, helpers/hub.ts): makes the
 * run's PostgreSQL templates, migrated and seeded, on the TEST_DATABASE_URL server, and prints
 * their names as JSON. The parent drops them at the end of the run.
 */
import { preparePostgresTemplates } from './hub.js';

process.stdout.write(JSON.stringify(await preparePostgresTemplates()));
