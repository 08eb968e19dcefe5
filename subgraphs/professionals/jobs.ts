/**
 * Background jobs of the professionals subgraph, started with its app and stopped when it closes:
 * delivery of the mail outbox, and the hourly purge of records archived beyond the retention.
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

export function startBackgroundJobs(app: FastifyInstance, deps: SubgraphDeps): void {
  const mail = deliverOutbox(app, deps, mailOutbox, 'professionals');
  registerMailer(app, { publicBase: publicBaseOf(deps.config.oidcIssuer), nudge: () => mail.nudge() });
  const stopPurge = startPurge(deps);
  app.addHook('onClose', () => stopPurge());
}
