/**
 * The oidc-provider instance: one resource server (the hub API, `config.apiAudience`) receiving
 * JWT access tokens; trust-circle applications by client credentials with private_key_jwt; hub
 * users by authorization code with PKCE (S256) through the first-party clients.
 */
import Provider, { errors, type Client, type Configuration, type IssuedToken, type KoaContextWithOIDC } from 'oidc-provider';
import type { JWK } from 'jose';
import { SCOPES } from '../../../platform/auth/identity.js';
import type { HubConfig } from '../../../platform/config.js';
import type { Orm } from '../../../platform/db/client.js';
import type { Logger } from '../../../platform/logger.js';
import { createAdapterFactory } from './adapter.js';
import { findActiveAccount } from '../accounts.js';
import { findApplication, firstPartyClients } from './clients.js';
import { SIGNING_ALG } from './keys.js';
import { basePathOfIssuerPath, messagePage, page } from './pages.js';

export interface ProviderSetup {
  orm: Orm;
  config: HubConfig;
  logger: Logger;
  signingKeys: JWK[];
  cookieKeys: string[];
}

const MINUTE = 60;
const ACCESS_TOKEN_TTL = 15 * MINUTE;

/** Path of the issuer on the public host (`/oidc`, or `/prefix/oidc` behind a path-routing proxy). */
export function issuerPath(config: HubConfig): string {
  return new URL(config.oidcIssuer).pathname.replace(/\/$/, '');
}

function isApplication(client: Client): boolean {
  return client.grantTypes.includes('client_credentials');
}

function html(ctx: KoaContextWithOIDC, body: string): void {
  ctx.type = 'html';
  ctx.body = body;
}

function configuration({ orm, config, signingKeys, cookieKeys }: ProviderSetup): Configuration {
  const audience = config.apiAudience;
  const basePath = basePathOfIssuerPath(issuerPath(config));
  const cookie = { signed: true, httpOnly: true, sameSite: 'lax' } as const;

  const extraTokenClaims = async (ctx: KoaContextWithOIDC | undefined, token: IssuedToken) => {
    if (token.kind === 'ClientCredentials' && token.clientId) {
      const client = ctx?.oidc.client?.clientId === token.clientId ? ctx.oidc.client : undefined;
      const level = client?.ror_access_level ?? (await findApplication(orm, token.clientId))?.ror_access_level;
      return { ror_access_level: level, ror_client_name: client?.clientName ?? token.clientId };
    }
    if (token.accountId) {
      const account = await findActiveAccount(orm, token.accountId);
      return account ? { ror_login: account.login } : undefined;
    }
    return undefined;
  };

  return {
    adapter: createAdapterFactory(orm, (id) => findApplication(orm, id)),
    clients: firstPartyClients(config),
    jwks: { keys: signingKeys },
    cookies: { keys: cookieKeys, long: cookie, short: cookie },
    claims: { openid: ['sub'], acr: null, sid: null, auth_time: null, iss: null },
    // Listing the API scopes here makes the library refuse (invalid_scope) a scope outside the
    // client's registered ones instead of silently dropping it, and publishes them for SMART.
    scopes: ['openid', ...SCOPES],
    responseTypes: ['code'],
    clientAuthMethods: ['none', 'private_key_jwt'],
    // SMART Backend Services asks for RS384 or ES384; the others are common and safe.
    enabledJWA: { clientAuthSigningAlgValues: ['RS256', 'RS384', 'PS256', 'PS384', 'ES256', 'ES384'], idTokenSigningAlgValues: [SIGNING_ALG] },
    pkce: { methods: ['S256'], required: () => true },
    ttl: {
      AccessToken: ACCESS_TOKEN_TTL,
      ClientCredentials: ACCESS_TOKEN_TTL,
      IdToken: ACCESS_TOKEN_TTL,
      AuthorizationCode: MINUTE,
      Interaction: 10 * MINUTE,
      Session: 8 * 60 * MINUTE, // a working day
      Grant: 8 * 60 * MINUTE,
      RefreshToken: 8 * 60 * MINUTE, // not issued today (no offline_access); set to silence the library's default
      DeviceCode: 10 * MINUTE,
      BackchannelAuthenticationRequest: 10 * MINUTE,
    },
    extraClientMetadata: { properties: ['ror_access_level'] },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // Access tokens are for the hub API only; identity travels in the ID token.
      userinfo: { enabled: false },
      introspection: { enabled: false },
      revocation: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) =>
          html(
            ctx,
            page(
              'Déconnexion',
              `<h1>Déconnexion</h1>\n<p>Vous déconnecter de ROR Hub ?</p>\n${form}\n<ul class="fr-btns-group fr-btns-group--inline-sm"><li><button type="submit" form="op.logoutForm" name="logout" value="yes" class="fr-btn">Se déconnecter</button></li><li><button type="submit" form="op.logoutForm" class="fr-btn fr-btn--secondary">Rester connecté</button></li></ul>`,
              basePath,
            ),
          ),
        postLogoutSuccessSource: async (ctx) => html(ctx, messagePage('Déconnexion', 'Vous êtes déconnecté de ROR Hub.', basePath, 'info')),
      },
      resourceIndicators: {
        enabled: true,
        // A request that names no resource is for the hub API: every token is a JWT for it.
        defaultResource: async () => audience,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resource, client) => {
          if (resource !== audience) throw new errors.InvalidTarget();
          // Applications may hold the API scopes registered for them; users hold none (their
          // rights come from role assignments, looked up by the gateway from `sub`).
          const allowed = new Set(client.scope?.split(' ') ?? []);
          const scope = isApplication(client) ? SCOPES.filter((s) => allowed.has(s)).join(' ') : '';
          return { scope, audience, accessTokenTTL: ACCESS_TOKEN_TTL, accessTokenFormat: 'jwt', jwt: { sign: { alg: SIGNING_ALG } } };
        },
      },
    },
    interactions: { url: async (_ctx, interaction) => `${issuerPath(config)}/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const account = await findActiveAccount(orm, sub);
      return account ? { accountId: account.id, claims: () => ({ sub: account.id }) } : undefined;
    },
    extraTokenClaims,
    clientBasedCORS: (_ctx, origin, client) => client.redirectUris.some((uri) => new URL(uri).origin === origin),
    renderError: async (ctx, out) =>
      // The protocol's error code stays as is (in English): it is what a developer searches for.
      html(ctx, messagePage('Erreur de connexion', `La connexion n’a pas abouti (${out.error}${out.error_description ? ` : ${out.error_description}` : ''}).`, basePath)),
  };
}

export function createProvider(setup: ProviderSetup): Provider {
  const provider = new Provider(setup.config.oidcIssuer, configuration(setup));
  // Behind the gateway's /oidc proxy: X-Forwarded-Host/Proto make endpoint URLs the public ones.
  provider.proxy = true;
  const log = setup.logger;
  provider.on('server_error', (_ctx: unknown, error: Error) => log.error({ err: error }, 'OpenID provider error'));
  // Refusals are normal traffic, but operators need the real reason, which the client never sees.
  for (const event of ['grant.error', 'authorization.error', 'end_session.error', 'jwks.error', 'discovery.error']) {
    provider.on(event, (_ctx: unknown, error: errors.OIDCProviderError) =>
      log.info({ event, error: error.error, description: error.error_description, detail: error.error_detail }, 'OpenID request refused'),
    );
  }
  return provider;
}
