/**
 * The components `npm run serve` runs (scripts/serve.ts), each in its own process. Loaded by
 * serve.ts only once its port is known to be free: these imports take seconds.
 */
import type { HubConfig, SubgraphName } from '../../platform/config.js';
import type { Logger } from '../../platform/logger.js';
import { buildGateway } from '../../gateway/app.js';
import fhirPlugin, { FHIR_PREFIX, fhirBaseUrl } from '../../fhir/plugin.js';
import { SUBGRAPHS } from '../subgraphs.js';
import { prepareDatabase } from '../hub.js';
import { openChangeFeed } from '../../platform/changes/feed.js';
import { startFeedRetention } from '../../platform/changes/retention.js';
import { gatewayClaim, portError, subgraphClaim } from './ports.js';
import { requiredSecret } from './startup.js';
import { startTracing } from '../../platform/tracing.js';

/**
 * Runs `start` with this process's tracing on (when configured), before its database and server
 * open so both are traced; tracing stops after the component's own close, or if it fails to start.
 */
async function traced(config: HubConfig, serviceName: string, start: () => Promise<() => Promise<void>>): Promise<() => Promise<void>> {
  const stopTracing = await startTracing(config.tracing, serviceName);
  try {
    const close = await start();
    return async () => {
      await close();
      await stopTracing();
    };
  } catch (error) {
    await stopTracing();
    throw error;
  }
}

export function serveSubgraph(name: SubgraphName, config: HubConfig, logger: Logger): Promise<() => Promise<void>> {
  return traced(config, `ror-hub-${name}`, () => startSubgraph(name, config, logger));
}

async function startSubgraph(name: SubgraphName, config: HubConfig, logger: Logger): Promise<() => Promise<void>> {
  const internalSecret = requiredSecret(config);
  const db = await prepareDatabase(config, logger, [name]);
  const feed = await openChangeFeed(db, logger);
  const app = await SUBGRAPHS[name].build({ db, logger, config, internalSecret, feed });
  await app.listen({ host: config.host, port: config.subgraphPorts[name] }).catch(async (error: unknown) => {
    await app.close();
    await feed.close();
    await db.close();
    throw portError(error, subgraphClaim(config, name));
  });
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
export function serveGateway(config: HubConfig, logger: Logger): Promise<() => Promise<void>> {
  return traced(config, 'ror-hub-gateway', () => startGateway(config, logger));
}

async function startGateway(config: HubConfig, logger: Logger): Promise<() => Promise<void>> {
  const internalSecret = requiredSecret(config);
  const db = await prepareDatabase(config, logger, []);
  const feed = await openChangeFeed(db, logger);
  const gateway = await buildGateway({ logger, config, internalSecret, subgraphUrls: config.subgraphUrls, feed });
  await gateway.app.register(fhirPlugin, {
    prefix: FHIR_PREFIX,
    execute: gateway.execute,
    runtime: { principalOf: gateway.principalOf, db, feed, config },
    baseUrl: fhirBaseUrl(config.publicUrl),
  });
  await gateway.app.listen({ host: config.host, port: config.gatewayPort }).catch(async (error: unknown) => {
    await gateway.app.close();
    await feed.close();
    await db.close();
    throw portError(error, gatewayClaim(config));
  });
  logger.info({ port: config.gatewayPort, subgraphs: config.subgraphUrls }, 'gateway listening');
  // The change feed's purge runs with the gateways: every deployment has one (docs/change-feed.md § Retention).
  const stopRetention = startFeedRetention(db, logger, config.feedRetentionDays, { everyMs: config.purgeEveryMs ?? undefined });
  return async () => {
    await stopRetention();
    await gateway.app.close();
    await feed.close();
    await db.close();
  };
}
