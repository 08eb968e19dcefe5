/**
 * Run by the global setup as a child process, once per database kind (`prepareDatabaseCopies`,
 * helpers/hub.ts): `database-copies.ts <kind> <dir>` makes the run's migrated and seeded copies of
 * that kind and prints the variables naming them, as JSON, for the parent to hand to the workers.
 */
import { prepareCopies, type DatabaseKind } from './hub.js';

const [kind, dir] = process.argv.slice(2) as [DatabaseKind, string];
process.stdout.write(JSON.stringify(await prepareCopies(kind, dir)));
