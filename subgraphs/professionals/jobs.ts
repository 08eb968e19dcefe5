/**
 * Background jobs of the professionals subgraph, started with its app and stopped when it closes:
 * delivery of the mail outbox, and the hourly purge of records archived beyond the retention.
 * Every process serving the subgraph runs them; both are safe to run concurrently (mails are
 * claimed row by row, a purge deletes what another already deleted at no cost).
 */
import type { FastifyInstance } from 'fastify';
import type { SubgraphDeps } from '../../platform/subgraph-module.js';
import { deliverOutbox } from '../../platform/mail/subgraph.js';
import { publicBaseOf } from './password-links.js';
import { purgeArchivedProfessionals } from './purge.js';
import { registerMailer } from './runtime.js';
import { mailOutbox } from './tables.js';

const PURGE_EVERY_MS = 3_600_000;
/** The first purge waits a little, so start-up (migrations, seed, first requests) goes first. */
const FIRST_PURGE_AFTER_MS = 60_000;

function startPurge(deps: SubgraphDeps): () => void {
  const logger = deps.logger.child({ component: 'professionals-purge' });
  const run = async () => {
    try {
      const purged = await purgeArchivedProfessionals(deps.db, new Date(), deps.config.archiveRetentionDays);
      if (purged.length) logger.info({ purged: purged.length, ids: purged }, 'archived professionals purged');
    } catch (error) {
      logger.error({ err: error }, 'purge of archived professionals failed');
    }
  };
  const first = setTimeout(() => void run(), FIRST_PURGE_AFTER_MS);
  const every = setInterval(() => void run(), PURGE_EVERY_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}

export function startBackgroundJobs(app: FastifyInstance, deps: SubgraphDeps): void {
  const mail = deliverOutbox(app, deps, mailOutbox, 'professionals');
  registerMailer(app, { publicBase: publicBaseOf(deps.config.oidcIssuer), nudge: () => mail.nudge() });
  const stopPurge = startPurge(deps);
  app.addHook('onClose', async () => stopPurge());
}
