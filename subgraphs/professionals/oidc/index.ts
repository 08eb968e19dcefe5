/** The hub's embedded OpenID Connect provider, mounted at /oidc on the professionals subgraph. */
import type { FastifyInstance } from 'fastify';
import type { SubgraphDeps } from '../../../platform/subgraph-module.js';

// Being written (issue 3): oidc-provider configuration, storage adapter, login interaction.
export async function registerIdentityProvider(_app: FastifyInstance, _deps: SubgraphDeps): Promise<void> {}
