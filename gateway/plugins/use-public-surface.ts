/**
 * The gateway's protections towards browsers and heavy callers (docs/authorisation.md §
 * Production surface):
 * - CORS (@fastify/cors) on /graphql and /fhir for the configured origins only, with the
 *   Authorization header allowed, so browser SMART apps can call the APIs; none by default.
 *   /oidc answers its own CORS (oidc-provider, per client's redirect URIs).
 * - Rate limits (@fastify/rate-limit): per client (verified token's client or subject, else IP)
 *   on /graphql and /fhir; per IP on sign-in, the password pages and the token endpoint. Over
 *   the limit: 429 with Retry-After, as a GraphQL error (RATE_LIMITED), a FHIR OperationOutcome
 *   (`throttled`) or a JSON error.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { SurfaceConfig } from '../../platform/config.js';
import { withRequestId } from '../../platform/request-context.js';

/** What fhir/outcomes.ts would build for `throttled` (the gateway never imports fhir/). */
const throttled = (diagnostics: string) => ({
  resourceType: 'OperationOutcome',
  id: 'throttled',
  issue: [{ severity: 'error', code: 'throttled', details: { text: diagnostics }, diagnostics }],
});

export interface PublicSurfaceOptions {
  surface: SurfaceConfig;
  /** Who a bearer token stands for (its verified client or subject); null when it proves nothing. */
  subjectOf: (authorization: string) => Promise<string | null>;
}

type Area = 'graphql' | 'fhir' | 'sign-in';

const WINDOW_MS = 60_000;

function pathOf(url: string): string {
  const index = url.indexOf('?');
  return index === -1 ? url : url.slice(0, index);
}

/** Which limited area a request belongs to, if any. */
export function areaOf(url: string): Area | null {
  const path = pathOf(url);
  if (path === '/graphql' || path.startsWith('/graphql/')) return 'graphql';
  if (path === '/fhir' || path.startsWith('/fhir/')) return 'fhir';
  // Sign-in: the authorization endpoint, the login form and its posts, the token endpoint, and
  // the password pages, where a guessing attacker would knock.
  if (path === '/oidc/token' || path.startsWith('/oidc/auth') || path.startsWith('/oidc/interaction/') || path.startsWith('/password/')) return 'sign-in';
  return null;
}

class OverLimit extends Error {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('rate limit exceeded');
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

function sendOverLimit(area: Area, reply: FastifyReply, retryAfterSeconds: number): FastifyReply {
  const message = `Too many requests: retry in ${retryAfterSeconds} s.`;
  reply.code(429).header('retry-after', String(retryAfterSeconds));
  if (area === 'fhir') return reply.type('application/fhir+json; charset=utf-8').send(throttled(message));
  if (area === 'graphql') return reply.type('application/json').send({ errors: [{ message, extensions: { code: 'RATE_LIMITED', retryAfterSeconds } }] });
  return reply.type('application/json').send({ error: { code: 'RATE_LIMITED', message } });
}

async function registerCors(app: FastifyInstance, origins: readonly string[]): Promise<void> {
  if (origins.length === 0) return; // no policy: browsers on other origins are refused
  const api = {
    origin: origins.includes('*') ? '*' : [...origins],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'accept', 'prefer', 'if-match', 'if-none-match', 'x-request-id'],
    exposedHeaders: ['location', 'content-location', 'etag', 'last-modified', 'retry-after', 'x-progress', 'expires', 'x-request-id'],
    maxAge: 600,
  };
  await app.register(cors, () => (request: FastifyRequest, callback: (error: Error | null, options: object) => void) =>
    callback(null, areaOf(request.url) === 'graphql' || areaOf(request.url) === 'fhir' ? api : { origin: false }),
  );
}

export async function registerPublicSurface(app: FastifyInstance, options: PublicSurfaceOptions): Promise<void> {
  const { surface } = options;
  await registerCors(app, surface.corsOrigins);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => new OverLimit(Math.max(1, Math.ceil(context.ttl / 1000))),
  });
  const clientKey = async (request: FastifyRequest): Promise<string> => {
    const authorization = request.headers.authorization;
    // Runs before the request's own context opens (onRequest): the identity lookups it may make
    // carry the request's id all the same.
    const subject = authorization ? await withRequestId(request.id, () => options.subjectOf(authorization)).catch(() => null) : null;
    return subject ? `api|sub|${subject}` : `api|ip|${request.ip}`;
  };
  const limiters: Partial<Record<Area, (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>>> = {};
  if (surface.apiRatePerMinute > 0) {
    const api = app.rateLimit({ max: surface.apiRatePerMinute, timeWindow: WINDOW_MS, keyGenerator: clientKey });
    limiters.graphql = api;
    limiters.fhir = api; // one budget per client across both APIs
  }
  if (surface.signInRatePerMinute > 0) {
    limiters['sign-in'] = app.rateLimit({ max: surface.signInRatePerMinute, timeWindow: WINDOW_MS, keyGenerator: (request) => `sign-in|${request.ip}` });
  }
  app.addHook('onRequest', async (request, reply) => {
    const area = areaOf(request.url);
    const limiter = area && limiters[area];
    if (!area || !limiter) return;
    try {
      await limiter(request, reply);
    } catch (error) {
      if (error instanceof OverLimit) return sendOverLimit(area, reply, error.retryAfterSeconds);
      throw error;
    }
  });
}
