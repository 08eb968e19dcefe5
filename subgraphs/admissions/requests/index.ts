/** Direct admission requests (docs/admissions.md § Requests): the lifecycle, its jobs and its seed. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Identity } from '../../../platform/auth/identity.js';
import type { HubConfig } from '../../../platform/config.js';
import type { Database } from '../../../platform/db/client.js';
import { CLIENT_ADDRESS_HEADER } from '../../../platform/request-context.js';
import { mergeResolverMaps } from '../../../platform/resolver-maps.js';
import type { SubgraphDeps } from '../../../platform/subgraph-module.js';
import type { SubgraphClient } from '../../../platform/subgraph-client.js';
import { createCipher, loadDataKey, type DataCipher } from '../crypto.js';
import { createHolds } from './holds.js';
import { createAdmissionIndicators, indicatorResolvers, type AdmissionIndicators } from './indicators.js';
import { scheduleRequestJobs } from './jobs.js';
import { startRetentionPurge } from './purge.js';
import { requestResolvers as lifecycleResolvers, type RequestContext } from './resolvers.js';
import { createRequestService } from './service.js';
import { createRequestStore } from './store.js';
import { createRequestChanges } from './subscription.js';

export type AdmissionDeps = SubgraphDeps & { client: SubgraphClient };

export type AdmissionContext = RequestContext & { indicators: AdmissionIndicators };

export { seedAdmissions, type AdmissionSeed } from './seed.js';

/** The lifecycle's resolvers and the indicators', merged type by type (both add to Query). */
export const requestResolvers: Record<string, Record<string, unknown>> = mergeResolverMaps(lifecycleResolvers, indicatorResolvers);

/**
 * The data cipher of a hub's database, loaded once: the context factory and the jobs (run when the
 * subgraph builds, so a production start without ROR_ADMISSION_DATA_KEY fails there, clearly) share it.
 */
const ciphers = new WeakMap<HubConfig, WeakMap<Database, Promise<DataCipher>>>();

function cipherOf(deps: AdmissionDeps): Promise<DataCipher> {
  const ofConfig = ciphers.get(deps.config) ?? new WeakMap<Database, Promise<DataCipher>>();
  ciphers.set(deps.config, ofConfig);
  let cipher = ofConfig.get(deps.db);
  if (!cipher) {
    cipher = loadDataKey(deps.db.orm, deps.config).then(createCipher);
    cipher.catch(() => undefined); // reported by startAdmissionJobs, which awaits it
    ofConfig.set(deps.db, cipher);
  }
  return cipher;
}

/** The caller's address as the gateway saw it (it sets the header on every subgraph call; clients cannot). */
function addressOf(request: FastifyRequest): string | null {
  const value = request.headers[CLIENT_ADDRESS_HEADER];
  return typeof value === 'string' && value.length <= 100 ? value : null;
}

export function admissionContext(deps: AdmissionDeps): (request: FastifyRequest, identity: Identity) => AdmissionContext {
  const store = createRequestStore(deps.db.orm);
  const holds = createHolds(deps.client);
  const cipher = cipherOf(deps);
  const requestChanges = createRequestChanges(deps.feed);
  const indicators = createAdmissionIndicators(deps.db.orm);
  const logger = deps.logger.child({ component: 'admission-requests' });
  return (request, identity) => {
    const address = addressOf(request);
    const service = () => createRequestService({ store, client: deps.client, holds, cipher, config: deps.config, logger }, identity, address);
    return { identity, requests: service(), freshRequests: service, requestChanges, indicators };
  };
}

export async function startAdmissionJobs(app: FastifyInstance, deps: AdmissionDeps): Promise<void> {
  await cipherOf(deps); // start-up fails here without a data key in production
  scheduleRequestJobs(app, { store: createRequestStore(deps.db.orm), holds: createHolds(deps.client), logger: deps.logger });
  startRetentionPurge(app, deps); // requests/purge.ts (closed requests past ROR_ADMISSION_RETENTION_DAYS)
}
