/** Background jobs of the professionals subgraph. */
import type { FastifyInstance } from 'fastify';
import type { SubgraphDeps } from '../../platform/subgraph-module.js';

// Being written (issue 3): purge of archived professionals, mail outbox delivery.
export function startBackgroundJobs(_app: FastifyInstance, _deps: SubgraphDeps): void {}
