/**
 * The body of `npm start` (scripts/start.ts imports it from the production build, or as sources
 * with ROR_HUB_BUILD=off): the whole hub in one process, on the embedded database by default.
 */
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../../platform/config.js';
import { installProcessGuard } from '../../platform/process-guard.js';
import { createLogger } from '../../platform/logger.js';
import { onShutdown } from '../shutdown.js';
import { startupFailure } from './startup.js';
import { checkPortsFree, hubClaims } from './ports.js';
import { assertDirLockFree } from '../../platform/db/dir-lock.js';
import { ensureConsoleBuilt } from '../../web/build/build.js';
import { startupPhases } from './phases.js';
import { clusterTemplate, saveTemplate } from './cluster-template.js';
import type { Database } from '../../platform/db/client.js';

try {
  const phases = startupPhases();
  // A new embedded data directory starts from the migrated cluster an earlier first start kept.
  const { config, saveTo } = clusterTemplate(loadConfig());
  const logger = createLogger(config.logLevel);
  installProcessGuard(logger); // an unhandled rejection is logged and counted, never the end of the hub
  const shutdown = onShutdown(logger, { deadlineMs: config.shutdownTimeoutMs });
  // Checked before loading the hub's modules (seconds of the start): a taken port, or a data
  // directory in use by a running hub, fails at once. Both are checked again when taken.
  await checkPortsFree(config.host, hubClaims(config));
  if (config.database.kind === 'pglite' && config.database.dataDir) assertDirLockFree(config.database.dataDir);
  phases.mark('node and checks');
  // The console (web/dist) is rebuilt only when its sources changed: a warm start skips Vite.
  const consoleBuild = await ensureConsoleBuilt({ log: (line) => logger.info(line) });
  phases.mark('console check');
  // The database opens while the hub's modules load (seconds each, partly on different threads).
  // With tracing on it opens later, in startHub, once the tracer that instruments it is running.
  const opening = config.tracing ? undefined : (await import('./database.js')).openHubDatabase(config, logger);
  opening?.catch(() => {}); // its failure is startHub's to report
  const { startHub } = await import('../hub.js');
  phases.mark('hub modules');
  // A cache: a start that cannot write it (read-only checkout) goes on without it.
  const afterMigrations = saveTo ? (db: Database) => saveTemplate(db, saveTo).catch((error: unknown) => logger.warn({ err: error }, 'the migrated cluster could not be kept for the next first start')) : undefined;
  const hub = await startHub(config, logger, { phases, opening, afterMigrations });
  const seconds = (performance.now() / 1000).toFixed(1);
  logger.info({ urls: hub.urls, startupSeconds: Number(seconds), consoleBuildSeconds: consoleBuild.seconds, phases: phases.ms, phasesCpu: phases.cpuMs }, 'ROR Hub ready');
  console.log(
    [
      `\nROR Hub ready in ${seconds} s (database: ${config.database.kind === 'pglite' ? `embedded PGlite${config.database.dataDir ? ` in ${config.database.dataDir}` : ', in memory'}` : 'PostgreSQL'})`,
      `  Console  ${hub.urls.graphql.replace(/\/graphql$/, '/')}${consoleBuild.built ? `  (built in ${consoleBuild.seconds} s)` : ''}`,
      `  GraphQL  ${hub.urls.graphql}`,
      `  FHIR     ${hub.urls.fhir}  (try ${hub.urls.fhir}/metadata)`,
      config.externalOidcDiscoveryUrl ? `  OpenID   trusted external issuer ${config.externalOidcDiscoveryUrl}` : `  OpenID   ${config.oidcIssuer}  (npm run token -- --user admin.ars)`,
      ...Object.entries(hub.urls.subgraphs).map(([name, url]) => `  subgraph ${name.padEnd(14)} ${url}`),
      '',
    ].join('\n'),
  );
  shutdown.ready(hub.close);
} catch (error) {
  startupFailure(error);
}
