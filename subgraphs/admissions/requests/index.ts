/** Direct admission requests (docs/admissions.md § Requests): the lifecycle, its jobs and its seed. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Identity } from '../../../platform/auth/identity.js';
import type { SubgraphDeps } from '../../../platform/subgraph-module.js';
import type { SubgraphClient } from '../../../platform/subgraph-client.js';
import { createAdmissionIndicators, indicatorResolvers, type AdmissionIndicators } from './indicators.js';
import { startRetentionPurge } from './purge.js';

export type AdmissionDeps = SubgraphDeps & { client: SubgraphClient };

export interface AdmissionContext {
  identity: Identity;
  indicators: AdmissionIndicators;
}

export { seedAdmissions, type AdmissionSeed } from './seed.js';

export function admissionContext(deps: AdmissionDeps): (request: FastifyRequest, identity: Identity) => AdmissionContext {
  const indicators = createAdmissionIndicators(deps.db.orm);
  return (_request, identity) => ({ identity, indicators });
}

export async function startAdmissionJobs(app: FastifyInstance, deps: AdmissionDeps): Promise<void> {
  startRetentionPurge(app, deps);
}

export const requestResolvers: Record<string, Record<string, unknown>> = { ...indicatorResolvers };
