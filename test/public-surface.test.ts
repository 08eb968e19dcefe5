/**
 * Issue 12 case 10, the public surface: an explicit CORS policy (browser SMART apps may call
 * /fhir and /graphql from the configured origins only), rate limits (per client on the APIs, per
 * IP on sign-in and the token endpoint; 429 with Retry-After, in each API's error shape), and
 * /metrics closed to anyone without the metrics token, on the gateway and on every subgraph.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { loadConfig } from '../platform/config.js';
import { metricsAccess } from '../platform/observability.js';
import { startTestHub, type TestHub } from './helpers/hub.js';
import { asApp } from './helpers/tokens.js';

const SMART_APP = 'https://smart.example.org';
const METRICS_TOKEN = 'metrics-scraper-token-0123456789';
const API_LIMIT = 8;
let hub: TestHub;
let base: string;
let appToken: string;

beforeAll(async () => {
  hub = await startTestHub('pglite', {
    ROR_CORS_ORIGINS: `${SMART_APP}, https://other.example.org`,
    ROR_RATE_LIMIT_API: String(API_LIMIT),
    ROR_RATE_LIMIT_SIGNIN: '5',
    ROR_METRICS_TOKEN: METRICS_TOKEN,
  });
  base = hub.urls.graphql.replace(/\/graphql$/, '');
  appToken = await asApp(hub.urls.graphql, 'sante-fr-directory'); // before the token endpoint's budget is spent
});
afterAll(async () => hub?.close());

const preflight = (path: string, origin: string) =>
  fetch(`${base}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
  });

describe('CORS', () => {
  it('lets a configured origin preflight /fhir and /graphql with an Authorization header', async () => {
    for (const path of ['/fhir/Location', '/graphql']) {
      const response = await preflight(path, SMART_APP);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(SMART_APP);
      expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    }
    const read = await fetch(`${hub.urls.fhir}/Organization/450002613`, { headers: { origin: SMART_APP } });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe(SMART_APP);
  });

  it('grants nothing to another origin', async () => {
    const response = await preflight('/fhir/Location', 'https://evil.example.org');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const read = await fetch(`${hub.urls.fhir}/Organization/450002613`, { headers: { origin: 'https://evil.example.org' } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('/metrics', () => {
  it('asks every component for the metrics token', async () => {
    const ports = [base, ...Object.values(hub.urls.subgraphs).map((u) => u.replace(/\/graphql$/, ''))];
    for (const origin of ports) {
      expect((await fetch(`${origin}/metrics`)).status).toBe(401);
      expect((await fetch(`${origin}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
      const allowed = await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toContain('http_requests_total');
    }
  });

  it('is not served in production without a token, open in development', () => {
    expect(metricsAccess(loadConfig({ NODE_ENV: 'production' }))).toEqual({ kind: 'closed' });
    expect(metricsAccess(loadConfig({ NODE_ENV: 'development' }))).toEqual({ kind: 'open' });
    expect(metricsAccess(loadConfig({ NODE_ENV: 'production', ROR_METRICS_TOKEN: METRICS_TOKEN }))).toEqual({ kind: 'token', token: METRICS_TOKEN });
  });
});

describe('rate limits', () => {
  it('limits the token endpoint per IP: 429 with Retry-After', async () => {
    let last: Response | undefined;
    for (let i = 0; i < 10 && last?.status !== 429; i++) {
      last = await fetch(`${base}/oidc/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' });
    }
    expect(last?.status).toBe(429);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await last?.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    // The sign-in pages share the budget.
    expect((await fetch(`${base}/oidc/interaction/some-uid`)).status).toBe(429);
  });

  it('limits /graphql and /fhir per client: anonymous callers by IP, a token holder by its client', async () => {
    let last: Response | undefined;
    for (let i = 0; i <= API_LIMIT && last?.status !== 429; i++) {
      last = await fetch(hub.urls.graphql, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    }
    expect(last?.status).toBe(429);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await last?.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });

    const fhir = await fetch(`${hub.urls.fhir}/Organization/450002613`);
    expect(fhir.status).toBe(429);
    expect(fhir.headers.get('content-type')).toMatch(/application\/fhir\+json/);
    expect(fhir.headers.get('retry-after')).toBeTruthy();
    expect(await fhir.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'throttled' }] });

    // A forged token does not buy a new budget; the health probe is never limited.
    expect((await fetch(hub.urls.graphql, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer a.b.c' }, body: '{"query":"{ __typename }"}' })).status).toBe(429);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const own = await fetch(`${hub.urls.fhir}/Organization/450002613`, { headers: { authorization: appToken } });
    expect(own.status).toBe(200);
  });
});
