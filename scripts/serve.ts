/**
 * `npm run serve -- <component>`: one component per process, for deployment (docker-compose,
 * Kubernetes). Components: offer, capacities, tensions, professionals (each migrates and, unless
 * ROR_SEED_DEMO=false, seeds its own schema) and gateway (GraphQL + FHIR; the database only for
 * the FHIR adapter's own tables and the change feed). The body is scripts/lib/run-serve.ts, run
 * from the hub's production build as `npm start` is (D203, D217): a scaled-out deployment starts
 * many such processes, each of which would otherwise resolve and compile ~2,500 modules.
 * `ROR_HUB_BUILD=off` runs the sources themselves.
 */
import { pathToFileURL } from 'node:url';
import { ensureHubBuilt, hubEntryOf } from './runtime/hub-build.js';

try {
  if (process.env.ROR_HUB_BUILD === 'off') await import('./lib/run-serve.js');
  else await import(pathToFileURL(hubEntryOf((await ensureHubBuilt({ log: (line) => console.error(line) })).hash, 'run-serve')).href);
} catch (error) {
  // Only the build can fail here: run-serve reports its own failures and exits.
  console.error(error);
  process.exit(1);
}
