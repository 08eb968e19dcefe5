/** Delivery of a subgraph's outbox for the lifetime of its app: started now, stopped on close. */
import type { FastifyInstance } from 'fastify';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { SubgraphDeps } from '../subgraph-module.js';
import { startMailWorker, type MailWorker } from './worker.js';

export function deliverOutbox(app: FastifyInstance, deps: SubgraphDeps, table: PgTable, subgraph: string): MailWorker {
  const worker = startMailWorker({
    orm: deps.db.orm,
    table,
    smtpUrl: deps.config.smtpUrl,
    from: deps.config.mailFrom,
    logger: deps.logger.child({ subgraph }),
  });
  app.addHook('onClose', () => worker.stop());
  return worker;
}
