/**
 * The hub's embedded OpenID Connect provider (oidc-provider 9), mounted at /oidc on the
 * professionals subgraph, with the page of password links (/password/create) that lets new users
 * choose the password they sign in with, and the DSFR files these pages use (/assets/dsfr/*);
 * the gateway proxies /oidc/*, /password/* and /assets/dsfr/* to them
 * (gateway/plugins/use-oidc-proxy.ts). Neither is mounted when an external issuer is configured
 * (ROR_OIDC_DISCOVERY_URL). See docs/identity.md.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { SubgraphDeps } from '../../../platform/subgraph-module.js';
import { purgeExpired } from './adapter.js';
import { cookieKeys, loadSigningKeys } from './keys.js';
import { createProvider, issuerPath } from './provider.js';
import { registerInteractions } from './interactions.js';
import { registerDsfrAssets } from './assets.js';
import { publicBaseOf } from '../password-links.js';
import { registerPasswordPage } from '../password-page.js';
import { startPeriodicJob } from '../../../platform/periodic-job.js';

/** Where the provider is mounted on the subgraph's own server (the gateway forwards the same path). */
export const MOUNT = '/oidc';
const PURGE_EVERY_MS = 15 * 60_000;

export async function registerIdentityProvider(app: FastifyInstance, deps: SubgraphDeps): Promise<void> {
  const { config, db } = deps;
  const logger = deps.logger.child({ component: 'oidc' });
  if (config.externalOidcDiscoveryUrl) {
    logger.info({ discovery: config.externalOidcDiscoveryUrl }, 'external OpenID issuer trusted; the embedded provider is not mounted');
    return;
  }
  const provider = createProvider({
    orm: db.orm,
    config,
    logger,
    signingKeys: await loadSigningKeys(db.orm),
    cookieKeys: cookieKeys(deps.internalSecret),
  });
  const publicPath = issuerPath(config);
  const handle = provider.callback();

  await app.register(async (scope) => {
    // oidc-provider reads and validates request bodies itself: leave the stream unread here.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    scope.all(`${MOUNT}/*`, async (request, reply) => {
      reply.hijack();
      const raw = request.raw as IncomingMessage & { originalUrl?: string };
      const rest = (raw.url ?? '').slice(MOUNT.length) || '/';
      // The library routes on the path below its mount point and rebuilds its public URLs from
      // originalUrl: give it the issuer's public path, so endpoints stay under the issuer.
      raw.originalUrl = `${publicPath}${rest}`;
      raw.url = rest;
      await handle(raw, reply.raw);
    });
  });
  await registerDsfrAssets(app);
  await registerInteractions(app, { provider, orm: db.orm, issuerPath: publicPath, passwordLog2N: config.passwordScryptLog2N });
  await registerPasswordPage(app, { orm: db.orm, publicBase: publicBaseOf(config.oidcIssuer), passwordLog2N: config.passwordScryptLog2N });

  const stopPurge = startPeriodicJob(db, logger, { name: 'oidc-expired-purge', everyMs: config.purgeEveryMs ?? PURGE_EVERY_MS, run: () => purgeExpired(db.orm) });
  app.addHook('onClose', () => stopPurge());
  logger.info({ issuer: config.oidcIssuer }, 'OpenID provider mounted at /oidc');
}
