/** Builds the gateway's identity pipeline from configuration: verifier, lookups, resolver. */
import type { Fetcher } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import type { HubConfig } from '../../platform/config.js';
import { HubError, ERROR_CODES } from '../../platform/errors.js';
import { signIdentity } from '../../platform/auth/internal-token.js';
import type { GatewayContext } from '../context.js';
import { createTokenVerifier, discoverIssuer } from './token-verifier.js';
import { createSubgraphQuery } from './subgraph-client.js';
import { createIdentityResolver } from './resolve-identity.js';

export interface IdentityPipelineOptions {
  config: HubConfig;
  internalSecret: string;
  fetcher: Fetcher;
  subgraphUrls: { offer: string; professionals: string };
}

export type ContextBuilder = (authorization: string | undefined, requestId: string) => Promise<GatewayContext>;

/** A HubError as Apollo wants it from a context function: with the HTTP status to answer. */
function withHttpStatus(error: HubError): GraphQLError {
  const code = error.extensions.code as keyof typeof ERROR_CODES;
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: ERROR_CODES[code]?.status ?? 500 } } });
}

export async function createContextBuilder(options: IdentityPipelineOptions): Promise<ContextBuilder> {
  const { config } = options;
  const external = config.externalOidcDiscoveryUrl ? await discoverIssuer(config.externalOidcDiscoveryUrl) : null;
  const verifier = createTokenVerifier({
    issuer: external?.issuer ?? config.oidcIssuer,
    audience: config.apiAudience,
    // The embedded provider's keys are read straight from the professionals subgraph that serves them.
    jwksUrl: external?.jwksUrl ?? new URL('/oidc/jwks', options.subgraphUrls.professionals).toString(),
    external: external !== null,
  });
  const resolveIdentity = createIdentityResolver({
    verifier,
    query: createSubgraphQuery(options.fetcher, options.internalSecret),
    offerUrl: options.subgraphUrls.offer,
    professionalsUrl: options.subgraphUrls.professionals,
  });
  return async (authorization, requestId) => {
    try {
      const identity = await resolveIdentity(authorization);
      return { requestId, identity, envelope: signIdentity(identity, options.internalSecret) };
    } catch (error) {
      throw error instanceof HubError ? withHttpStatus(error) : error;
    }
  };
}
