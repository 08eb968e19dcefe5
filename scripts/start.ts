/** `npm start`: the whole hub in one process, on the embedded database by default. */
import { performance } from 'node:perf_hooks';
import { ConfigError, loadConfig } from '../platform/config.js';
import { installProcessGuard } from '../platform/process-guard.js';
import { createLogger } from '../platform/logger.js';
import { startHub } from './hub.js';
import { onShutdown } from './shutdown.js';

try {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  installProcessGuard(logger); // an unhandled rejection is logged and counted, never the end of the hub
  const hub = await startHub(config, logger);
  const seconds = (performance.now() / 1000).toFixed(1);
  logger.info({ urls: hub.urls, startupSeconds: Number(seconds) }, 'ROR Hub ready');
  console.log(
    [
      `\nROR Hub ready in ${seconds} s (database: ${config.database.kind === 'pglite' ? `embedded PGlite${config.database.dataDir ? ` in ${config.database.dataDir}` : ', in memory'}` : 'PostgreSQL'})`,
      `  GraphQL  ${hub.urls.graphql}`,
      `  FHIR     ${hub.urls.fhir}  (try ${hub.urls.fhir}/metadata)`,
      config.externalOidcDiscoveryUrl ? `  OpenID   trusted external issuer ${config.externalOidcDiscoveryUrl}` : `  OpenID   ${config.oidcIssuer}  (npm run token -- --user admin.ars)`,
      ...Object.entries(hub.urls.subgraphs).map(([name, url]) => `  subgraph ${name.padEnd(14)} ${url}`),
      '',
    ].join('\n'),
  );
  onShutdown(logger, hub.close);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
