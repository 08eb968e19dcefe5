/**
 * `npm run serve -- <component>`: one component per process, for deployment (docker-compose).
 * Components: offer, capacities, tensions, professionals (each migrates and, unless
 * ROR_SEED_DEMO=false, seeds its own schema) and gateway (GraphQL + FHIR; the database only for
 * the FHIR adapter's own tables and the change feed).
 */
import { ConfigError, loadConfig, SUBGRAPH_NAMES, type HubConfig, type SubgraphName } from '../platform/config.js';
import { installProcessGuard } from '../platform/process-guard.js';
import { createLogger, type Logger } from '../platform/logger.js';
import { buildGateway } from '../gateway/app.js';
import fhirPlugin from '../fhir/plugin.js';
import { SUBGRAPHS } from './subgraphs.js';
import { prepareDatabase } from './hub.js';
import { openChangeFeed } from '../platform/changes/feed.js';
import { onShutdown } from './shutdown.js';

export const COMPONENTS = [...SUBGRAPH_NAMES, 'gateway'] as const;
type Component = (typeof COMPONENTS)[number];

/** Separate processes must share the identity-envelope key, so it cannot be drawn here. */
function requiredSecret(config: HubConfig): string {
  if (!config.internalSecret) throw new ConfigError(['ROR_INTERNAL_SECRET is required when components run in separate processes (at least 32 characters, the same for all)']);
  return config.internalSecret;
}

async function serveSubgraph(name: SubgraphName, config: HubConfig, logger: Logger): Promise<() => Promise<void>> {
  const internalSecret = requiredSecret(config);
  const db = await prepareDatabase(config, logger, [name]);
  const feed = await openChangeFeed(db, logger);
  const app = await SUBGRAPHS[name].build({ db, logger, config, internalSecret, feed });
  await app.listen({ host: config.host, port: config.subgraphPorts[name] });
  logger.info({ subgraph: name, port: config.subgraphPorts[name] }, 'subgraph listening');
  return async () => {
    await app.close();
    await feed.close();
    await db.close();
  };
}

/**
 * The gateway holds no domain data, but the FHIR adapter keeps its own tables (subscriptions,
 * export jobs) and listens to the change feed: it opens the database with no subgraph schema.
 */
async function serveGateway(config: HubConfig, logger: Logger): Promise<() => Promise<void>> {
  const db = await prepareDatabase(config, logger, []);
  const feed = await openChangeFeed(db, logger);
  const gateway = await buildGateway({ logger, config, internalSecret: requiredSecret(config), subgraphUrls: config.subgraphUrls });
  await gateway.app.register(fhirPlugin, {
    prefix: '/fhir',
    execute: gateway.execute,
    runtime: { principalOf: gateway.principalOf, db, feed, config },
    baseUrl: config.publicUrl ?? undefined,
  });
  await gateway.app.listen({ host: config.host, port: config.gatewayPort });
  logger.info({ port: config.gatewayPort, subgraphs: config.subgraphUrls }, 'gateway listening');
  return async () => {
    await gateway.app.close();
    await feed.close();
    await db.close();
  };
}

const component = process.argv[2] as Component | undefined;
if (!component || !COMPONENTS.includes(component)) {
  console.error(`usage: npm run serve -- <${COMPONENTS.join('|')}>`);
  process.exit(2);
}
try {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, { component });
  installProcessGuard(logger); // an unhandled rejection is logged and counted, never the end of the process
  const close = component === 'gateway' ? await serveGateway(config, logger) : await serveSubgraph(component, config, logger);
  onShutdown(logger, close);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
