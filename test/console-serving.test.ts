/**
 * The gateway serves the built console (gateway/plugins/use-console.ts, docs/console.md): `/` and
 * the console's client routes answer its index.html with the security headers, the hashed assets
 * are served with long caching, and none of the API's paths is shadowed by the SPA fallback.
 * The run's global setup built web/dist (web/build/build.ts), and the stamp matches the sources.
 */
import { describe, it, expect, inject, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ensureConsoleBuilt, sourcesHash } from '../web/build/build.js';

const hub = inject('hubs').pglite!;
const base = hub.graphql.replace(/\/graphql$/, '');
const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('console serving', () => {
  let index: string;
  beforeAll(() => {
    index = readFileSync(join(DIST, 'index.html'), 'utf8');
  });

  it('the build is current: its stamp is the hash of the sources, and a second ensure builds nothing', async () => {
    expect(readFileSync(join(DIST, '.sources'), 'utf8').trim()).toBe(sourcesHash());
    await expect(ensureConsoleBuilt()).resolves.toEqual({ built: false, seconds: 0 });
  });

  it('`/`, /callback and client routes answer the console, with its security headers', async () => {
    for (const path of ['/', '/callback?code=abc&state=def', '/recherche-de-place', '/demandes-admission', '/une/route/future']) {
      const response = await fetch(`${base}${path}`, { headers: HTML });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toBe(index);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain(`connect-src 'self' ws://${new URL(base).host}`);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(index).toContain('<html lang="fr"');
  });

  it('serves DSFR\'s favicons and manifest at the root', async () => {
    for (const [path, type] of [['/favicon.ico', 'image/x-icon'], ['/favicon.svg', 'image/svg+xml'], ['/manifest.webmanifest', 'application/manifest+json']]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
    }
  });

  it('serves the hashed assets with long caching; nothing outside assets/', async () => {
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
    expect(script).toBeDefined();
    const response = await fetch(`${base}${script}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('immutable');
    for (const path of ['/assets/nope.js', '/assets/..%2Findex.html', '/assets/%2E%2E%2F.sources', '/robots.txt']) {
      expect((await fetch(`${base}${path}`, { headers: HTML })).status, path).toBe(404);
    }
    // The build's other files are never served: a page path is the console.
    expect(await (await fetch(`${base}/.sources`, { headers: HTML })).text()).toBe(index);
  });

  it('never shadows the API, the provider, the probes or the FHIR entry point', async () => {
    const notTheConsole = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${base}${path}`, { ...init, headers: { ...HTML, ...(init.headers as Record<string, string>) } });
      const body = await response.text();
      expect(body, path).not.toBe(index);
      return response;
    };
    expect((await notTheConsole('/health')).status).toBe(200);
    expect((await notTheConsole('/oidc/.well-known/openid-configuration')).headers.get('content-type')).toContain('application/json');
    expect((await notTheConsole('/fhir/metadata', { headers: { accept: 'application/fhir+json' } })).status).toBe(200);
    expect((await notTheConsole('/fhir/NoSuchType')).status).toBeGreaterThanOrEqual(400);
    expect((await notTheConsole('/graphql')).status).toBeGreaterThanOrEqual(400); // a GET without a query
    expect((await notTheConsole('/exports/capacities/nothing.csv')).status).toBeGreaterThanOrEqual(400);
    expect((await notTheConsole('/password/nothing')).status).toBeGreaterThanOrEqual(400);
    expect((await notTheConsole('/imports/finess')).status).toBe(404); // POST only
    expect((await notTheConsole('/metrics')).status).toBeGreaterThanOrEqual(200);
    // A path no route answers, asked by a program rather than a browser page: Fastify's 404.
    const api = await fetch(`${base}/nothing`, { headers: { accept: 'application/json' } });
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});
