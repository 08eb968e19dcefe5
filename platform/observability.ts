/**
 * /health (the process answers), /ready (its dependencies answer) and Prometheus /metrics,
 * registered on every server of the hub. Each app gets its own registry: no global state, so
 * several servers can live in one process.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Registry, collectDefaultMetrics, Counter, Histogram } from 'prom-client';
import { unhandledRejections } from './process-guard.js';

export interface ObservabilityOptions {
  service: string;
  /** Resolves when the service can do its work; throws (with a reason) when it cannot. */
  ready: () => Promise<void>;
  /** Default process metrics are collected once per process; pass true on one server only. */
  processMetrics?: boolean;
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
  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}

export default fp(observability, { name: 'ror-observability', fastify: '5.x' });
