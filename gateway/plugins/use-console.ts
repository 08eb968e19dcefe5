/**
 * Serves the built console (web/dist, docs/console.md) at `/`: hashed assets under /assets/ with
 * long caching, and index.html for `/` and for any other GET of a page that no route answers (the
 * console's client routes: /callback, /recherche-de-place…), so the API's routes are never
 * shadowed and a reload of a console URL still opens it. Every answer carries the console's
 * security headers. Without a build, `/` says how to get one (npm start builds it).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Paths of the API and the hub's own pages: the console's fallback never answers for them. */
const RESERVED = ['/graphql', '/fhir', '/oidc', '/password', '/health', '/ready', '/metrics', '/exports', '/imports', '/feeds', '/assets'];

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

const ROOT_FILES = ['favicon.ico', 'favicon.svg', 'apple-touch-icon.png', 'android-chrome-192x192.png', 'android-chrome-512x512.png', 'manifest.webmanifest'];

const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** A Host header as a browser sends it; anything else gets no WebSocket source in the CSP. */
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * Same-origin only. 'self' covers same-origin WebSockets in current browsers; the explicit ws(s)
 * source is for those that still read 'self' as http(s) only. Styles allow 'unsafe-inline'
 * because react-dsfr's components insert their own <style> elements; scripts never are inline.
 */
function contentSecurityPolicy(request: FastifyRequest): string {
  const host = request.headers.host;
  const secure = request.protocol === 'https';
  const socket = host && HOST.test(host) ? ` ${secure ? 'wss' : 'ws'}://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${socket}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function secure(reply: FastifyReply, request: FastifyRequest): FastifyReply {
  return reply
    .header('content-security-policy', contentSecurityPolicy(request))
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    // The authorization code travels in /callback's query: never in a Referer.
    .header('referrer-policy', 'no-referrer')
    .header('cross-origin-opener-policy', 'same-origin');
}

const MISSING = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>ROR Hub</title></head>
<body><main><h1>ROR Hub</h1><p>La console n’est pas construite : <code>npm start</code> la construit au démarrage
(ou <code>npm run build:console</code>). L’API GraphQL est à <a href="/graphql">/graphql</a>, FHIR à <a href="/fhir/metadata">/fhir</a>.</p></main></body></html>`;

export interface ConsoleOptions {
  /** The console's build (web/dist); DEFAULT_CONSOLE_DIR when absent. */
  dir?: string;
}

function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0]!;
  if (RESERVED.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return false;
  if (extname(path) !== '') return false; // a missing file (/favicon.ico…) is a 404, not the console
  return (request.headers.accept ?? '').includes('text/html');
}

const plugin: FastifyPluginAsync<ConsoleOptions> = async (app, options) => {
  const dir = options.dir ?? DEFAULT_CONSOLE_DIR;
  const indexPath = join(dir, 'index.html');
  const assetsDir = join(dir, 'assets');

  // Read at each request (a small file): a rebuild (npm run build:console) shows without a restart.
  const page = (request: FastifyRequest, reply: FastifyReply) => {
    const index = existsSync(indexPath) ? readFileSync(indexPath) : null;
    return secure(reply, request)
      .code(index ? 200 : 503)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(index ?? MISSING);
  };

  app.get('/', page);
  // DSFR's favicons and manifest, at the root where browsers look for them.
  for (const file of ROOT_FILES) {
    app.get(`/${file}`, (request, reply) => {
      const path = join(dir, file);
      if (!existsSync(path)) return reply.callNotFound();
      return secure(reply, request).header('content-type', TYPES[extname(file)]!).header('cache-control', 'public, max-age=86400').send(createReadStream(path));
    });
  }
  app.get('/callback', page);
  app.get<{ Params: { file: string } }>('/assets/:file', (request, reply) => {
    const file = request.params.file;
    // A plain file name (Vite's `name-hash.ext`): no separator, no `..`, so nothing outside assets/.
    const path = join(assetsDir, file);
    if (!ASSET_NAME.test(file) || !existsSync(path)) return reply.callNotFound();
    return secure(reply, request)
      .header('content-type', TYPES[extname(file)] ?? 'application/octet-stream')
      .header('content-length', statSync(path).size)
      .header('cache-control', 'public, max-age=31536000, immutable') // names carry their content hash
      .send(createReadStream(path));
  });
  app.setNotFoundHandler((request, reply) => {
    if (isPageRequest(request)) return page(request, reply);
    // Fastify's own 404 body, as before the console existed.
    return reply.code(404).send({ message: `Route ${request.method}:${request.url} not found`, error: 'Not Found', statusCode: 404 });
  });
};

/** Not encapsulated: its not-found handler is the gateway's, for every path no route answers. */
export const consolePages = fp(plugin, { name: 'ror-console' });
