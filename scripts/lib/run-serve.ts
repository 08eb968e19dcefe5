/**
 * The body of `npm run serve -- <component>` (scripts/serve.ts imports it, from the hub's
 * production build unless ROR_HUB_BUILD=off): one component per process, for deployment.
 * Components: offer, capacities, tensions, professionals (each migrates and, unless
 * ROR_SEED_DEMO=false, seeds its own schema) and gateway (GraphQL + FHIR; the database only for
 * the FHIR adapter's own tables and the change feed).
 */
import { loadConfig, SUBGRAPH_NAMES } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { installProcessGuard } from '../../platform/process-guard.js';
import { onShutdown } from '../shutdown.js';
import { checkPortsFree, gatewayClaim, subgraphClaim } from './ports.js';
import { requiredSecret, startupFailure } from './startup.js';

export const COMPONENTS = [...SUBGRAPH_NAMES, 'gateway'] as const;
type Component = (typeof COMPONENTS)[number];

const component = process.argv[2] as Component | undefined;
if (!component || !COMPONENTS.includes(component)) {
  console.error(`usage: npm run serve -- <${COMPONENTS.join('|')}>`);
  process.exit(2);
}
try {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, { component });
  installProcessGuard(logger); // an unhandled rejection is logged and counted, never the end of the process
  requiredSecret(config);
  const shutdown = onShutdown(logger, { deadlineMs: config.shutdownTimeoutMs });
  // Before the database and before loading the component (seconds): a taken port fails at once.
  await checkPortsFree(config.host, [component === 'gateway' ? gatewayClaim(config) : subgraphClaim(config, component)]);
  // The gateway serves the console: built here when its sources changed (the image builds it beforehand).
  if (component === 'gateway') await (await import('../../web/build/build.js')).ensureConsoleBuilt({ log: (line) => logger.info(line) });
  const { serveGateway, serveSubgraph } = await import('./components.js');
  const close = component === 'gateway' ? await serveGateway(config, logger) : await serveSubgraph(component, config, logger);
  shutdown.ready(close);
} catch (error) {
  startupFailure(error);
}
