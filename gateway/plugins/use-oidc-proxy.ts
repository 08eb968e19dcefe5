/**
 * Serves the embedded OpenID provider on the gateway: `/oidc/*` (and the root discovery alias
 * `/.well-known/openid-configuration`) are forwarded to the professionals subgraph, which mounts
 * the provider at the same path. X-Forwarded-Host/Proto tell the provider the public host, so the
 * endpoints it publishes and redirects to are the gateway's, not the internal subgraph's.
 * `/password/*`, the page of the password links mailed to new users, goes to the same subgraph,
 * and so does `/assets/dsfr/*`, the DSFR style sheet, fonts and icons of these pages.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyPluginAsync, FastifyRequest, RawServerBase, RequestGenericInterface, RouteOptions } from 'fastify';
import httpProxy from '@fastify/http-proxy';
import { traceHeaders } from '../../platform/tracing.js';

export interface OidcProxyOptions {
  /** Where the professionals subgraph answers, e.g. http://127.0.0.1:4004 (any path is ignored). */
  upstream: string;
  /**
   * The hub's public base URL (config.publicUrl). When set, the forwarded host and protocol are
   * taken from it, which is right behind a TLS-terminating proxy; otherwise from the request.
   */
  publicUrl?: string | null;
  /** Time limit of each proxied call (headers, then body); a hung provider gets 504. Unbounded when absent. */
  timeoutMs?: number;
}

/** A request as Fastify logs it, less its query string (which may hold a secret). */
function requestWithoutQuery(request: FastifyRequest) {
  const query = request.url.indexOf('?');
  return {
    method: request.method,
    url: query < 0 ? request.url : `${request.url.slice(0, query)}?<redacted>`,
    host: request.host,
    remoteAddress: request.ip,
  };
}

export const oidcProxy: FastifyPluginAsync<OidcProxyOptions> = async (app, options) => {
  const upstream = new URL(options.upstream).origin;
  const publicBase = options.publicUrl ? new URL(options.publicUrl) : null;
  const limits = options.timeoutMs ? { undici: { headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs } } : {};

  const rewriteRequestHeaders = (request: FastifyRequest<RequestGenericInterface, RawServerBase>, headers: IncomingHttpHeaders): IncomingHttpHeaders => {
    // The identity envelope is the gateway's to issue: never pass on one a caller sent.
    const { 'x-ror-identity': _ignored, ...forwarded } = headers;
    return {
      ...forwarded,
      'x-forwarded-host': publicBase?.host ?? request.host,
      'x-forwarded-proto': publicBase ? publicBase.protocol.replace(/:$/, '') : request.protocol,
      'x-forwarded-for': request.ip,
      ...traceHeaders(), // the gateway's span is the provider's parent, not the caller's
    };
  };

  await app.register(httpProxy, { upstream, prefix: '/oidc', rewritePrefix: '/oidc', replyOptions: { rewriteRequestHeaders }, ...limits });
  // The password page: its links carry a secret token in the query string, kept out of the logs.
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route: RouteOptions) => {
      route.logSerializers = { ...route.logSerializers, req: requestWithoutQuery };
    });
    await scope.register(httpProxy, { upstream, prefix: '/password', rewritePrefix: '/password', replyOptions: { rewriteRequestHeaders }, ...limits });
  });
  await app.register(httpProxy, { upstream, prefix: '/assets/dsfr', rewritePrefix: '/assets/dsfr', httpMethods: ['GET', 'HEAD'], replyOptions: { rewriteRequestHeaders }, ...limits });
  // Some OpenID clients look for discovery at the host root; the issuer's own is under /oidc.
  await app.register(httpProxy, {
    upstream,
    prefix: '/.well-known',
    rewritePrefix: '/oidc/.well-known',
    routes: ['/openid-configuration'],
    httpMethods: ['GET', 'HEAD'],
    replyOptions: { rewriteRequestHeaders },
    ...limits,
  });
};

export default oidcProxy;
