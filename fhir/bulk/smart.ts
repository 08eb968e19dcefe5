/**
 * `[base]/.well-known/smart-configuration` (SMART App Launch 2, used by Backend Services
 * clients to find the token endpoint). The values are those of the hub's OpenID provider: the
 * embedded one (docs/identity.md) or, with ROR_OIDC_DISCOVERY_URL, the external issuer's own
 * discovery, read once and cached.
 */
import type { HubConfig } from '../../platform/config.js';
import { SCOPES } from '../../platform/auth/identity.js';
import type { Extension } from '../types.js';

export interface SmartConfiguration {
  issuer: string;
  jwks_uri: string;
  token_endpoint: string;
  authorization_endpoint?: string;
  grant_types_supported: string[];
  token_endpoint_auth_methods_supported: string[];
  token_endpoint_auth_signing_alg_values_supported: string[];
  scopes_supported: string[];
  code_challenge_methods_supported: string[];
  capabilities: string[];
}

/** What the embedded provider accepts for client assertions (docs/identity.md). */
const ASSERTION_ALGORITHMS = ['RS384', 'ES384', 'RS256', 'PS256', 'PS384', 'ES256'];

function fixedPart(): Omit<SmartConfiguration, 'issuer' | 'jwks_uri' | 'token_endpoint' | 'authorization_endpoint'> {
  return {
    // client_credentials: trust-circle applications; authorization_code (+PKCE): hub users.
    grant_types_supported: ['client_credentials', 'authorization_code'],
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ASSERTION_ALGORITHMS,
    scopes_supported: [...SCOPES],
    code_challenge_methods_supported: ['S256'],
    capabilities: ['client-confidential-asymmetric'],
  };
}

const OAUTH_URIS = 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris';

/**
 * SMART's oauth-uris extension of `CapabilityStatement.rest.security` (token and authorize
 * endpoints), which clients also look for (fhir-kit-client races it against the well-known
 * document). Only for the embedded provider: an external issuer's endpoints are known only from
 * its discovery, read at request time.
 */
export function oauthUris(config: HubConfig): Extension[] {
  if (config.externalOidcDiscoveryUrl) return [];
  return [
    {
      url: OAUTH_URIS,
      extension: [
        { url: 'token', valueUri: `${config.oidcIssuer}/token` },
        { url: 'authorize', valueUri: `${config.oidcIssuer}/auth` },
      ],
    },
  ];
}

interface Discovery {
  issuer: string;
  jwks_uri: string;
  token_endpoint: string;
  authorization_endpoint?: string;
}

/** Builds the document; the external issuer's discovery is fetched on first use (retried after a failure). */
export function smartConfiguration(config: HubConfig): () => Promise<SmartConfiguration> {
  const external = config.externalOidcDiscoveryUrl;
  if (!external) {
    const issuer = config.oidcIssuer;
    const document: SmartConfiguration = {
      issuer,
      jwks_uri: `${issuer}/jwks`,
      token_endpoint: `${issuer}/token`,
      authorization_endpoint: `${issuer}/auth`,
      ...fixedPart(),
    };
    return () => Promise.resolve(document);
  }
  let cached: Promise<SmartConfiguration> | null = null;
  return () => {
    cached ??= fetch(external)
      .then(async (response) => {
        if (!response.ok) throw new Error(`OpenID discovery at ${external} answered ${response.status}`);
        const d = (await response.json()) as Discovery;
        return { issuer: d.issuer, jwks_uri: d.jwks_uri, token_endpoint: d.token_endpoint, ...(d.authorization_endpoint ? { authorization_endpoint: d.authorization_endpoint } : {}), ...fixedPart() };
      })
      .catch((error: unknown) => {
        cached = null;
        throw error;
      });
    return cached;
  };
}
