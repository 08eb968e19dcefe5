/**
 * The DSFR's style sheet, fonts, icons and favicons (npm package @gouvfr/dsfr, its dist/ folder),
 * served by the hub itself at /assets/dsfr/* for the sign-in and password pages: browsers load
 * nothing from a third party. Only those files are served (a fixed pattern of names, so no path
 * ever leaves dist/), read once and kept in memory; the gateway forwards /assets/dsfr/* here
 * (gateway/plugins/use-oidc-proxy.ts).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

export const DSFR_PREFIX = '/assets/dsfr';

const DIST = join(dirname(createRequire(import.meta.url).resolve('@gouvfr/dsfr/package.json')), 'dist');

/** What may be asked for: the style sheet, the files it refers to (fonts, icons), the favicons. */
const SERVED = /^(?:dsfr\.min\.css|fonts\/[A-Za-z_-]+\.woff2?|icons\/[a-z-]+\/[a-z0-9-]+\.svg|favicon\/[a-z0-9-]+\.(?:svg|ico|png))$/;

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  woff2: 'font/woff2',
  woff: 'font/woff',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  png: 'image/png',
};

export async function registerDsfrAssets(app: FastifyInstance): Promise<void> {
  const cache = new Map<string, Buffer>();
  app.get<{ Params: { '*': string } }>(`${DSFR_PREFIX}/*`, async (request, reply) => {
    const file = request.params['*'];
    if (!SERVED.test(file)) return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'No such file.' } });
    let body = cache.get(file);
    if (!body) {
      try {
        body = await readFile(join(DIST, file));
      } catch {
        return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'No such file.' } });
      }
      cache.set(file, body);
    }
    return reply
      .headers({
        'content-type': TYPES[file.slice(file.lastIndexOf('.') + 1)] ?? 'application/octet-stream',
        // A day: the files change only with the package, and the pages stay quick to load.
        'cache-control': 'public, max-age=86400',
        'x-content-type-options': 'nosniff',
        // An SVG opened on its own runs nothing.
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      })
      .send(body);
  });
}
