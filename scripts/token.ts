/**
 * `npm run token -- --client APP` or `npm run token -- --user LOGIN [--password P]`: an access
 * token from a running hub (`--hub URL`, else ROR_PUBLIC_URL, else http://127.0.0.1:$PORT with PORT
 * defaulting to 4000, as `npm start` reads them), printed alone on stdout
 * so that `TOKEN=$(npm run -s token -- --client national-aggregator)` works. Development only: it
 * signs with the committed demo keys and uses the demo password.
 *
 * Both modes run the real protocol: client credentials with a private_key_jwt assertion (SMART
 * Backend Services), or the authorization code flow with PKCE through the hub's sign-in form.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { importJWK, SignJWT, type JWK } from 'jose';
import { DEMO_CLIENTS, demoPrivateJwk } from './demo/clients.js';
import { loadConfig } from '../platform/config.js';

export const DEMO_PASSWORD = 'Demo-ROR-2026!';
export const CLI_CLIENT_ID = 'ror-cli';
export const CLI_REDIRECT_URI = 'http://127.0.0.1/callback';
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface Discovery {
  issuer: string;
  token_endpoint: string;
  authorization_endpoint: string;
  jwks_uri: string;
}

async function json<T>(response: Response, what: string): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as T & { error?: string; error_description?: string };
  if (!response.ok) throw new Error(`${what} refused (HTTP ${response.status}): ${body.error ?? 'error'}${body.error_description ? ` — ${body.error_description}` : ''}`);
  return body;
}

export async function discover(hub: string): Promise<Discovery> {
  const url = `${hub.replace(/\/$/, '')}/oidc/.well-known/openid-configuration`;
  const response = await fetch(url).catch((error: Error) => {
    throw new Error(`no hub answers at ${hub} (${error.message}); start it with npm start or pass --hub URL`);
  });
  return json<Discovery>(response, `discovery at ${url}`);
}

export interface AssertionOptions {
  clientId: string;
  key: JWK;
  audience: string;
  jti?: string;
  /** Expiry, in epoch seconds (default: 60 s from now). */
  expiresAt?: number;
}

/** A private_key_jwt client assertion (RFC 7523): iss = sub = client id, one-time jti, short expiry. */
export async function signClientAssertion(options: AssertionOptions): Promise<string> {
  const alg = options.key.alg ?? 'ES384';
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg, typ: 'JWT', ...(options.key.kid ? { kid: options.key.kid } : {}) })
    .setIssuer(options.clientId)
    .setSubject(options.clientId)
    .setAudience(options.audience)
    .setJti(options.jti ?? randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(options.expiresAt ?? now + 60)
    .sign(await importJWK(options.key, alg));
}

/** POSTs a client_credentials request with the given assertion; returns the raw response. */
export function requestClientToken(tokenEndpoint: string, assertion: string, scope: string): Promise<Response> {
  return fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope, client_assertion_type: ASSERTION_TYPE, client_assertion: assertion }),
  });
}

export async function clientToken(hub: string, clientId: string, scope?: string): Promise<string> {
  const demo = DEMO_CLIENTS.find((c) => c.clientId === clientId);
  if (!demo) throw new Error(`unknown demo application "${clientId}"; known: ${DEMO_CLIENTS.map((c) => c.clientId).join(', ')}`);
  const { token_endpoint } = await discover(hub);
  const assertion = await signClientAssertion({ clientId, key: demoPrivateJwk(clientId), audience: token_endpoint });
  const response = await requestClientToken(token_endpoint, assertion, scope ?? demo.scopes.join(' '));
  return (await json<{ access_token: string }>(response, 'token request')).access_token;
}

/** Just enough of a browser for the sign-in pages: a cookie jar and manual redirects. */
export class Browser {
  private readonly cookies = new Map<string, string>();

  async request(url: URL, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now());
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Follows redirects until a page answers, or until one leads to `stopAt` (returned, not fetched). */
  async follow(start: URL, response: Response | null, stopAt: string): Promise<{ url: URL; response: Response } | { callback: URL }> {
    let url = start;
    let current = response ?? (await this.request(url));
    for (let hops = 0; hops < 10 && current.status >= 300 && current.status < 400; hops += 1) {
      url = new URL(current.headers.get('location') ?? '', url);
      if (url.href.startsWith(stopAt)) return { callback: url };
      current = await this.request(url);
    }
    return { url, response: current };
  }
}

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function pkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface AuthorizeOptions {
  clientId?: string;
  redirectUri?: string;
  state: string;
  /** The PKCE challenge (S256); null sends none, to test the refusal. */
  challenge: string | null;
  method?: string;
}

export function authorizeUrl(discovery: Discovery, options: AuthorizeOptions): URL {
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: options.clientId ?? CLI_CLIENT_ID,
    response_type: 'code',
    scope: 'openid',
    redirect_uri: options.redirectUri ?? CLI_REDIRECT_URI,
    state: options.state,
    ...(options.challenge ? { code_challenge: options.challenge, code_challenge_method: options.method ?? 'S256' } : {}),
  }).toString();
  return url;
}

/**
 * Drives the sign-in pages like a browser: from the authorization request to the redirect back to
 * the client (returned with its query: code or error). Throws on a refused login.
 */
export async function signIn(browser: Browser, authorize: URL, login: string, password: string, redirectUri = CLI_REDIRECT_URI): Promise<URL> {
  const page = await browser.follow(authorize, null, redirectUri);
  if ('callback' in page) return page.callback; // already signed in, or refused before any page
  const html = await page.response.text();
  const action = /<form method="post" action="([^"]+\/login)"/.exec(html)?.[1];
  if (!action) throw new Error(`no sign-in form at ${page.url.href} (HTTP ${page.response.status})`);
  const actionUrl = new URL(action.replace(/&amp;/g, '&'), page.url);
  const submitted = await browser.request(actionUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login, password }).toString(),
  });
  if (submitted.status === 401) throw new Error('invalid login or password');
  const end = await browser.follow(actionUrl, submitted, redirectUri);
  if (!('callback' in end)) throw new Error(`sign-in did not complete (HTTP ${end.response.status} at ${end.url.href})`);
  return end.callback;
}

export function exchangeCode(discovery: Discovery, code: string, verifier: string, clientId = CLI_CLIENT_ID, redirectUri = CLI_REDIRECT_URI): Promise<Response> {
  return fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, code_verifier: verifier }),
  });
}

export async function userToken(hub: string, login: string, password: string): Promise<string> {
  const discovery = await discover(hub);
  const { verifier, challenge } = pkce();
  const state = randomBytes(16).toString('base64url');
  const callback = await signIn(new Browser(), authorizeUrl(discovery, { state, challenge }), login, password);
  const params = callback.searchParams;
  if (params.get('error')) throw new Error(`sign-in refused: ${params.get('error')} — ${params.get('error_description') ?? ''}`);
  if (params.get('state') !== state || params.get('iss') !== discovery.issuer) throw new Error('the authorization response does not match the request (state or issuer)');
  const response = await exchangeCode(discovery, params.get('code') ?? '', verifier);
  return (await json<{ access_token: string }>(response, 'code exchange')).access_token;
}

const USAGE = 'usage: npm run token -- --client APP | --user LOGIN [--password P]  [--hub URL] [--scope "s1 s2"]';

async function main(argv: string[]): Promise<string> {
  if (process.env.NODE_ENV === 'production') throw new Error('refused: NODE_ENV=production (this script signs with public demo keys)');
  const { values } = parseArgs({
    args: argv,
    options: { client: { type: 'string' }, user: { type: 'string' }, password: { type: 'string' }, hub: { type: 'string' }, scope: { type: 'string' } },
  });
  // The same variables as the hub's own start: `PORT=4100 npm start` pairs with `PORT=4100 npm run token`.
  const hub = values.hub ?? loadConfig().hubUrl;
  if (values.client && !values.user) return clientToken(hub, values.client, values.scope);
  if (values.user && !values.client) return userToken(hub, values.user, values.password ?? DEMO_PASSWORD);
  throw new Error(USAGE);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (token) => process.stdout.write(`${token}\n`),
    (error: Error) => {
      process.stderr.write(`token: ${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
