/**
 * The provider's clients: the hub's own first-party apps (users sign in through them with the
 * authorization code flow and PKCE) are configured here; trust-circle applications are rows of
 * the `client` table, authenticated with private_key_jwt (SMART Backend Services).
 */
import { and, eq } from 'drizzle-orm';
import type { JWK } from 'jose';
import type { ClientMetadata } from 'oidc-provider';
import type { HubConfig } from '../../../platform/config.js';
import type { Orm } from '../../../platform/db/client.js';
import { clients } from '../tables.js';

export const WEB_CLIENT_ID = 'ror-web';
export const CLI_CLIENT_ID = 'ror-cli';
/** Loopback redirect of the command line (RFC 8252): the CLI reads the code from the redirect itself. */
export const CLI_REDIRECT_URI = 'http://127.0.0.1/callback';

/** The gateway's public base (the issuer without its `/oidc`). */
export function gatewayBase(config: HubConfig): string {
  return config.oidcIssuer.replace(/\/oidc$/, '');
}

/**
 * Public clients (no secret: PKCE with S256 protects the code). They only ask for `openid`; their
 * access tokens are for the hub API, where the user's rights come from role assignments.
 */
export function firstPartyClients(config: HubConfig): ClientMetadata[] {
  const base = gatewayBase(config);
  const common = { token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], response_types: ['code'], scope: 'openid' };
  return [
    {
      ...common,
      client_id: WEB_CLIENT_ID,
      client_name: 'ROR Hub',
      application_type: 'web',
      redirect_uris: [`${base}/callback`],
      post_logout_redirect_uris: [`${base}/`],
    },
    { ...common, client_id: CLI_CLIENT_ID, client_name: 'ROR Hub (ligne de commande)', application_type: 'native', redirect_uris: [CLI_REDIRECT_URI] },
  ];
}

export function isFirstParty(clientId: string | undefined): boolean {
  return clientId === WEB_CLIENT_ID || clientId === CLI_CLIENT_ID;
}

/**
 * Metadata of an enabled trust-circle application, or undefined (unknown or disabled: the token
 * endpoint then answers invalid_client). Read on every use, so disabling a client takes effect at
 * once.
 */
export async function findApplication(orm: Orm, clientId: string): Promise<ClientMetadata | undefined> {
  const [row] = await orm
    .select()
    .from(clients)
    .where(and(eq(clients.clientId, clientId), eq(clients.enabled, true)))
    .limit(1);
  if (!row) return undefined;
  return {
    client_id: row.clientId,
    client_name: row.name,
    token_endpoint_auth_method: 'private_key_jwt',
    // A registered jwks_uri is fetched (and cached) by the provider instead of the stored set.
    ...(row.jwksUri ? { jwks_uri: row.jwksUri } : { jwks: row.jwks as { keys: JWK[] } }),
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    scope: row.scopes.join(' '),
    ror_access_level: row.accessLevel,
  };
}
