/** Direct admission requests (docs/admissions.md § Requests): the lifecycle, its jobs and its seed. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Identity } from '../../../platform/auth/identity.js';
import type { SubgraphDeps } from '../../../platform/subgraph-module.js';
import type { SubgraphClient } from '../../../platform/subgraph-client.js';

export type AdmissionDeps = SubgraphDeps & { client: SubgraphClient };

export interface AdmissionContext {
  identity: Identity;
}

export { seedAdmissions, type AdmissionSeed } from './seed.js';

export function admissionContext(_deps: AdmissionDeps): (request: FastifyRequest, identity: Identity) => AdmissionContext {
  return (_request, identity) => ({ identity });
}

export async function startAdmissionJobs(_app: FastifyInstance, _deps: AdmissionDeps): Promise<void> {}

export const requestResolvers: Record<string, Record<string, unknown>> = {};
