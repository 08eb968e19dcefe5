/** Builds the gateway's identity pipeline from configuration: verifier, lookups, resolver. */
import type { Fetcher } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import type { HubConfig } from '../../platform/config.js';
import { HubError, ERROR_CODES } from '../../platform/errors.js';
import { signIdentity } from '../../platform/auth/internal-token.js';
import type { GatewayContext } from '../context.js';
import type { Identity } from '../../platform/auth/identity.js';
import { createTokenVerifier, discoverIssuer } from './token-verifier.js';
import { createSubgraphQuery } from './subgraph-client.js';
import { createIdentityResolver, principalOf } from './resolve-identity.js';
import type { CallerCredentials, PrincipalResolver } from '../../platform/executor.js';

export interface IdentityPipelineOptions {
  config: HubConfig;
  internalSecret: string;
  fetcher: Fetcher;
  subgraphUrls: { offer: string; professionals: string };
}

export type ContextBuilder = (authorization: string | undefined, requestId: string) => Promise<GatewayContext>;

export interface IdentityPipeline {
  /** The context of a request carrying this Authorization header. */
  forToken: ContextBuilder;
  /** The context of in-process work: a forwarded header, or a stored principal (platform/executor.ts). */
  forCaller: (caller: CallerCredentials, requestId: string) => Promise<GatewayContext>;
  principalOf: PrincipalResolver;
  /** A bearer token's identity, without an envelope (cached 30 s per token, as for requests). */
  identityOf: (authorization: string | undefined) => Promise<Identity>;
  /** Drops a token's cached identity, so the next resolution reads its grants afresh. */
  forget: (authorization: string) => void;
  /** A bearer token's identity when cached now (no verification, no wait); undefined otherwise. */
  cachedIdentityOf: (authorization: string) => Identity | undefined;
  /** The verified client id or subject of a bearer token, null when it proves nothing (rate limits' key). */
  subjectOf: (authorization: string) => Promise<string | null>;
}

/** A HubError as Apollo wants it from a context function: with the HTTP status to answer. */
function withHttpStatus(error: HubError): GraphQLError {
  const code = error.extensions.code as keyof typeof ERROR_CODES;
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: ERROR_CODES[code]?.status ?? 500 } } });
}

export async function createIdentityPipeline(options: IdentityPipelineOptions): Promise<IdentityPipeline> {
  const { config } = options;
  const external = config.externalOidcDiscoveryUrl ? await discoverIssuer(config.externalOidcDiscoveryUrl) : null;
  const verifier = createTokenVerifier({
    issuer: external?.issuer ?? config.oidcIssuer,
    audience: config.apiAudience,
    // The embedded provider's keys are read straight from the professionals subgraph that serves them.
    jwksUrl: external?.jwksUrl ?? new URL('/oidc/jwks', options.subgraphUrls.professionals).toString(),
    external: external !== null,
  });
  const resolvers = createIdentityResolver({
    verifier,
    query: createSubgraphQuery(options.fetcher, options.internalSecret, config.timeouts.identityMs, options.subgraphUrls),
    offerUrl: options.subgraphUrls.offer,
    professionalsUrl: options.subgraphUrls.professionals,
  });
  const contextOf = async (resolve: () => Promise<Identity>, requestId: string): Promise<GatewayContext> => {
    try {
      const identity = await resolve();
      return { requestId, identity, envelope: (audience) => signIdentity(identity, options.internalSecret, audience) };
    } catch (error) {
      throw error instanceof HubError ? withHttpStatus(error) : error;
    }
  };
  const forToken: ContextBuilder = (authorization, requestId) => contextOf(() => resolvers.ofToken(authorization), requestId);
  return {
    forToken,
    forCaller: (caller, requestId) =>
      caller.principal ? contextOf(() => resolvers.ofPrincipal(caller.principal!), requestId) : forToken(caller.authorization, requestId),
    principalOf: async (authorization) => principalOf((await forToken(authorization, 'principal')).identity),
    identityOf: (authorization) => resolvers.ofToken(authorization),
    forget: resolvers.forget,
    cachedIdentityOf: resolvers.cachedOf,
    // Through the identity cache the request's context uses next: a token's signature is verified
    // once per cache period, not once for the rate limit and again for the request.
    subjectOf: async (authorization) => {
      const identity = await resolvers.ofToken(authorization).catch(() => null);
      return identity?.kind === 'user' || identity?.kind === 'client' ? identity.subject : null;
    },
  };
}
