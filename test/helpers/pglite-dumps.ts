/**
 * Run by the global setup in a worker thread (`prepareDatabaseCopies`, helpers/hub.ts): makes the
 * run's PGlite dumps, migrated (kept across runs) and seeded, and posts their paths back. PGlite's
 * WebAssembly runs here in long synchronous stretches, off the setup's event loop, where
 * PostgreSQL's templates wait on the server's round trips (docs/testing.md § Copies of the run's
 * databases).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { makePgliteDumps } from './hub.js';

parentPort!.postMessage(await makePgliteDumps((workerData as { dir: string }).dir));
