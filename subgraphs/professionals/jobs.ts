/**
 * Background jobs of the professionals subgraph, started with its app and stopped when it closes:
 * delivery of the mail outbox, the hourly purge of records archived beyond the retention, and the
 * hourly backfill of placements' regions (region-backfill.ts).
 * Every process serving the subgraph starts them: mails are claimed row by row, and each
 * period's purge runs in one process only (platform/periodic-job.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { SubgraphDeps } from '../../platform/subgraph-module.js';
import { deliverOutbox } from '../../platform/mail/subgraph.js';
import { startPeriodicJob } from '../../platform/periodic-job.js';
import { publicBaseOf } from './password-links.js';
import { purgeArchivedProfessionals } from './purge.js';
import { registerMailer } from './runtime.js';
import { mailOutbox } from './tables.js';
import { backfillRegions } from './region-backfill.js';
import { createRegionStore } from './region-store.js';
import { createUnitDirectory } from './offer-units.js';
import { createSubgraphClient } from '../../platform/subgraph-client.js';

const PURGE_EVERY_MS = 3_600_000;

function startPurge(deps: SubgraphDeps): () => Promise<void> {
  const logger = deps.logger.child({ component: 'professionals-purge' });
  return startPeriodicJob(deps.db, logger, {
    name: 'professionals-archive-purge',
    everyMs: deps.config.purgeEveryMs ?? PURGE_EVERY_MS,
    run: async () => {
      const purged = await purgeArchivedProfessionals(deps.db, new Date(), deps.config.archiveRetentionDays);
      if (purged.length) logger.info({ purged: purged.length, ids: purged }, 'archived professionals purged');
      return purged.length;
    },
  });
}

const REGION_BACKFILL_EVERY_MS = 3_600_000;

function startRegionBackfill(deps: SubgraphDeps): () => Promise<void> {
  const store = createRegionStore(deps.db.orm);
  const directory = createUnitDirectory(createSubgraphClient(deps.config, deps.internalSecret));
  return startPeriodicJob(deps.db, deps.logger.child({ component: 'professionals-regions' }), {
    name: 'professionals-region-backfill',
    everyMs: REGION_BACKFILL_EVERY_MS,
    run: () => backfillRegions(store, directory),
  });
}

export function startBackgroundJobs(app: FastifyInstance, deps: SubgraphDeps): void {
  const mail = deliverOutbox(app, deps, mailOutbox, 'professionals');
  registerMailer(app, { publicBase: publicBaseOf(deps.config.oidcIssuer), nudge: () => mail.nudge() });
  const stopPurge = startPurge(deps);
  const stopRegions = startRegionBackfill(deps);
  app.addHook('onClose', async () => {
    await Promise.all([stopPurge(), stopRegions()]);
  });
}
