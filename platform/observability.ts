/**
 * /health (the process answers), /ready (its dependencies answer) and Prometheus /metrics,
 * registered on every server of the hub. Each app gets its own registry: no global state, so
 * several servers can live in one process.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Registry, collectDefaultMetrics, Counter, Histogram } from 'prom-client';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { HubConfig } from './config.js';
import { unhandledRejections } from './process-guard.js';
import { jobMetrics } from './jobs.js';

export interface ObservabilityOptions {
  service: string;
  /** Resolves when the service can do its work; throws (with a reason) when it cannot. */
  ready: () => Promise<void>;
  /** Default process metrics are collected once per process; pass true on one server only. */
  processMetrics?: boolean;
  /** Who may read /metrics (config.surface.metricsToken, config.nodeEnv): see metricsAccess. */
  metrics: MetricsAccess;
}

/** `token`: /metrics asks for `Authorization: Bearer <token>`; `open`: anyone; `closed`: not served. */
export type MetricsAccess = { kind: 'open' } | { kind: 'closed' } | { kind: 'token'; token: string };

/**
 * /metrics is off the public surface in production (D73): served only to a scraper
 * holding ROR_METRICS_TOKEN, and not at all without one. Development and tests keep it open
 * unless a token is set.
 */
export function metricsAccess(config: Pick<HubConfig, 'nodeEnv' | 'surface'>): MetricsAccess {
  if (config.surface.metricsToken) return { kind: 'token', token: config.surface.metricsToken };
  return config.nodeEnv === 'production' ? { kind: 'closed' } : { kind: 'open' };
}

const digest = (value: string) => createHash('sha256').update(value).digest();

function allowed(access: MetricsAccess, authorization: string | undefined): boolean {
  if (access.kind !== 'token') return access.kind === 'open';
  // Compared as digests: equal lengths for timingSafeEqual, and no early exit on the first byte.
  return timingSafeEqual(digest(authorization ?? ''), digest(`Bearer ${access.token}`));
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Registry;
  }
}

async function observability(app: FastifyInstance, options: ObservabilityOptions): Promise<void> {
  const registry = new Registry();
  registry.setDefaultLabels({ service: options.service });
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by route and status code',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const connections = new Counter({
    name: 'http_connections_opened_total',
    help: 'TCP connections accepted; with keep-alive it grows far slower than requests',
    registers: [registry],
  });
  registry.registerMetric(unhandledRejections); // process-wide: the same count on every server of the process
  for (const metric of Object.values(jobMetrics)) registry.registerMetric(metric); // the process's jobs, likewise
  app.decorate('metrics', registry);
  app.server.on('connection', () => connections.inc());

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  app.get('/health', async () => ({ status: 'ok', service: options.service }));
  app.get('/ready', async (_request, reply) => {
    try {
      await options.ready();
      return { status: 'ready', service: options.service };
    } catch (error) {
      return reply.code(503).send({ status: 'unavailable', service: options.service, reason: String((error as Error).message) });
    }
  });
  app.get('/metrics', async (request, reply) => {
    if (!allowed(options.metrics, request.headers.authorization)) {
      if (options.metrics.kind === 'closed') return reply.code(404).send({ error: 'Not found' });
      return reply.code(401).header('www-authenticate', 'Bearer realm="metrics"').send({ error: 'Bearer token required' });
    }
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}

export default fp(observability, { name: 'ror-observability', fastify: '5.x' });
