/**
 * OpenTelemetry traces (docs/observability.md). Off by default: then nothing of the SDK is
 * loaded, no hook is added to any server and every helper here returns at its first line, so a
 * hub without a collector pays one boolean test per request, SQL statement or log line.
 *
 * On (HubConfig.tracing), the process gets one tracer provider exporting over OTLP/HTTP, the W3C
 * `traceparent` propagator and an AsyncLocalStorage context manager. Spans are ours, made where
 * the hub already has a seam (D115): each server's incoming requests, the gateway's
 * subgraph fetches and in-process executions, calls between components, and SQL statements
 * (platform/db/tracing.ts). @apollo/gateway adds its own (gateway.plan, gateway.fetch…) through
 * the global provider.
 */
import { createRequire } from 'node:module';
import type { Attributes, Span, Tracer } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { TracingConfig } from './config.js';

/**
 * The API's CommonJS build, the one @apollo/gateway requires: each build keeps its own proxy
 * tracer provider, and only the instance that registers the provider hands it to the tracers
 * taken before (Apollo takes its tracer when loaded). One instance for the hub and Apollo alike.
 */
const api = createRequire(import.meta.url)('@opentelemetry/api') as typeof import('@opentelemetry/api');
const { context, propagation, trace, ROOT_CONTEXT, SpanKind, SpanStatusCode } = api;

/** The provider of this process, when tracing is on; several hubs in one process (tests) share the first one's. */
let running: { users: number; shutdown: () => Promise<void> } | null = null;

/** Whether spans are being made in this process. */
export function tracingOn(): boolean {
  return running !== null;
}

/**
 * Starts tracing for this process when `config` asks for it; the returned function flushes the
 * spans still buffered and stops (the last user of a shared provider stops it).
 * @param serviceName the resource's service.name when OTEL_SERVICE_NAME does not set one
 */
export async function startTracing(config: TracingConfig | null, serviceName: string): Promise<() => Promise<void>> {
  if (!config) return async () => {};
  if (!running) running = { users: 0, shutdown: await registerProvider(config, serviceName) };
  running.users += 1;
  let stopped = false;
  return async () => {
    if (stopped || !running) return;
    stopped = true;
    running.users -= 1;
    if (running.users > 0) return;
    const { shutdown } = running;
    running = null;
    await shutdown();
  };
}

async function registerProvider(config: TracingConfig, serviceName: string): Promise<() => Promise<void>> {
  // Loaded only here: a hub with tracing off never loads the SDK.
  const [{ TracerProvider, BatchSpanProcessor }, { resourceFromAttributes }, { W3CTraceContextPropagator }, { AsyncLocalStorageContextManager }, exporter] = await Promise.all([
    import('@opentelemetry/sdk-trace'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/core'),
    import('@opentelemetry/context-async-hooks'),
    config.protocol === 'http/json' ? import('@opentelemetry/exporter-trace-otlp-http') : import('@opentelemetry/exporter-trace-otlp-proto'),
  ]);
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ ...config.resourceAttributes, 'service.name': config.serviceName ?? serviceName }),
    sampler: await samplerOf(config),
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new exporter.OTLPTraceExporter({ url: config.endpoint, headers: { ...config.headers } }),
        scheduledDelayMillis: config.scheduleDelayMs,
      }),
    ],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  return async () => {
    await provider.shutdown(); // exports what is buffered
    trace.disable();
    propagation.disable();
    context.disable();
  };
}

/** OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG, as the specification names them. */
async function samplerOf(config: TracingConfig) {
  const { AlwaysOnSampler, AlwaysOffSampler, TraceIdRatioBasedSampler, ParentBasedSampler } = await import('@opentelemetry/sdk-trace');
  const root = config.sampler.endsWith('always_off')
    ? new AlwaysOffSampler()
    : config.sampler.endsWith('traceidratio')
      ? new TraceIdRatioBasedSampler(config.samplerRatio)
      : new AlwaysOnSampler();
  return config.sampler.startsWith('parentbased_') ? new ParentBasedSampler({ root }) : root;
}

/** The tracer of a component (`gateway`, `offer`…): its name is the span's instrumentation scope. */
export function tracerOf(component: string): Tracer {
  return trace.getTracer(`ror-hub/${component}`);
}

/**
 * Runs `work` in a new span, child of the active one, ended when `work` settles (an error is
 * recorded on it). Without tracing, `work` runs as is.
 */
export async function inSpan<T>(tracer: Tracer, name: string, options: { client?: boolean; attributes?: Attributes }, work: (span: Span | null) => Promise<T>): Promise<T> {
  if (!running) return work(null);
  const kind = options.client ? SpanKind.CLIENT : SpanKind.INTERNAL;
  return tracer.startActiveSpan(name, { kind, ...(options.attributes ? { attributes: options.attributes } : {}) }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      failed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

export function failed(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/**
 * Runs `work` (synchronous) in a span that ends when it returns: the start of something that
 * lives on (a subscription), so that what it starts (a WebSocket to a subgraph) joins the trace.
 * The parent is the caller's `traceparent` in `headers`. Without tracing, `work` runs as is.
 */
export function startingSpan<T>(tracer: Tracer, name: string, headers: Record<string, string | string[] | undefined>, work: () => T): T {
  if (!running) return work();
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  const span = tracer.startSpan(name, { kind: SpanKind.SERVER }, parent);
  try {
    return context.with(trace.setSpan(parent, span), work);
  } finally {
    span.end();
  }
}

/** Whether a span is active here: work outside any trace (background jobs) makes no SQL spans. */
export function inTrace(): boolean {
  return running !== null && trace.getActiveSpan() !== undefined;
}

/** `traceparent` (and `tracestate`) of the active span, to send on a call to another component; {} without tracing. */
export function traceHeaders(): Record<string, string> {
  if (!running) return {};
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  return headers;
}

/** The active trace's ids, for log lines; {} without tracing or outside a sampled span. */
export function traceIds(): { trace_id?: string; span_id?: string } {
  if (!running) return {};
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return {};
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}

/** Probes and scrapes: every few seconds from the orchestrator and Prometheus, a trace each would bury the real ones. */
const UNTRACED_PATHS = new Set(['/health', '/ready', '/metrics']);

/** Each incoming request's SERVER span, from its logger's creation to its response. */
const serverSpans = new WeakMap<IncomingMessage, Span>();

/**
 * Fastify options that start each request's SERVER span when Fastify makes the request's logger,
 * its first step, so that every line of that logger, `incoming request` included, carries
 * `trace_id` and `span_id`. The span is the child of the caller's `traceparent` when it sends
 * one. Nothing when tracing is off.
 */
export function tracingOptions(component: string): Pick<FastifyServerOptions, 'childLoggerFactory'> {
  if (!running) return {};
  const tracer = tracerOf(component);
  return {
    // Fastify makes each request's logger first: the span starts here (probes excepted).
    childLoggerFactory(logger, bindings, options, raw) {
      const request = raw as IncomingMessage;
      const path = (request.url ?? '').split('?')[0] ?? '';
      if (UNTRACED_PATHS.has(path)) return logger.child(bindings, options);
      const parent = propagation.extract(ROOT_CONTEXT, request.headers);
      const attributes = { 'http.request.method': request.method ?? '', 'url.path': path, 'ror.component': component };
      const span = tracer.startSpan(`${request.method} ${path}`, { kind: SpanKind.SERVER, attributes }, parent);
      serverSpans.set(request, span);
      const { traceId, spanId } = span.spanContext();
      return logger.child({ ...bindings, ...(span.isRecording() ? { trace_id: traceId, span_id: spanId } : {}) }, options);
    },
  };
}

/**
 * Makes each request's SERVER span (tracingOptions) active while its handler runs, names it by
 * route, and ends it with the response. Nothing is added when tracing is off.
 */
export function useTracing(app: FastifyInstance): void {
  if (!running) return;
  const spanOf = (request: FastifyRequest) => serverSpans.get(request.raw);
  app.addHook('onRequest', (request, _reply, done) => {
    const span = spanOf(request);
    if (!span) return done();
    if (request.routeOptions.url) {
      span.updateName(`${request.method} ${request.routeOptions.url}`);
      span.setAttribute('http.route', request.routeOptions.url);
    }
    span.setAttribute('ror.request_id', request.id);
    context.with(trace.setSpan(ROOT_CONTEXT, span), done);
    // A WebSocket upgrade never gets onResponse: its span ends here, and the connection's work
    // (a subgraph's subscription resolvers and their SQL) still hangs off it.
    if (request.headers.upgrade?.toLowerCase() === 'websocket') span.end();
  });
  // Body parsing may leave the onRequest context: the handler's work enters it again (as useRequestIds does).
  app.addHook('preHandler', (request, _reply, done) => {
    const span = spanOf(request);
    if (span) context.with(trace.setSpan(ROOT_CONTEXT, span), done);
    else done();
  });
  app.addHook('onError', async (request, _reply, error) => {
    const span = spanOf(request);
    if (span) failed(span, error);
  });
  app.addHook('onResponse', async (request, reply) => {
    const span = spanOf(request);
    if (!span) return;
    span.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
}
