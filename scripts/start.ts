/**
 * `npm start`: the whole hub in one process, on the embedded database by default
 * (scripts/lib/run-start.ts), run from its production build (scripts/runtime/hub-build.ts:
 * a few bundled files instead of ~2,500 modules, built again only when the sources changed).
 * `ROR_HUB_BUILD=off` runs the sources themselves (type stripping, D102), e.g. while editing them.
 * Run as `node --import ./scripts/runtime/ts-resolve.ts` (package.json): Node's compile cache on,
 * one process receiving the signals itself (a wrapper CLI such as tsx's relays them, and killed
 * the hub with SIGKILL during a long synchronous PGlite query, leaving the database unclosed).
 */
import { pathToFileURL } from 'node:url';
import { ensureHubBuilt } from './runtime/hub-build.js';

try {
  if (process.env.ROR_HUB_BUILD === 'off') await import('./lib/run-start.js');
  else await import(pathToFileURL((await ensureHubBuilt({ log: (line) => console.log(line) })).entry).href);
} catch (error) {
  // Only the build can fail here: run-start reports its own failures and exits.
  console.error(error);
  process.exit(1);
}
