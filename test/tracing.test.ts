/**
 * Issue 15 item 5: OpenTelemetry traces. A hub pointed at an OTLP/HTTP receiver (a small server
 * here, decoding the `http/json` export) sends one trace per request, spanning the gateway, each
 * subgraph the query plan reaches and their SQL statements, joined by W3C `traceparent` over the
 * real HTTP calls between components; a FHIR search goes through the executor to a subgraph.
 * The same hub's logs carry the trace id, and its /metrics the per-operation and per-subgraph
 * latency histograms.
 */
import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { trace } from '@opentelemetry/api';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { openMigratedDatabase, startTestHub, type TestHub } from './helpers/hub.js';
import { captureLogs } from './helpers/logs.js';
import { asUser } from './helpers/tokens.js';
import { MAX_OPERATION_NAMES } from '../gateway/metrics.js';

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: Array<{ key: string; value: OtlpValue }>;
}
interface OtlpExport {
  resourceSpans: Array<{ resource: { attributes: Array<{ key: string; value: OtlpValue }> }; scopeSpans: Array<{ scope: { name: string }; spans: OtlpSpan[] }> }>;
}

/** A received span, flattened: its scope (tracer) and service, and attributes as an object. */
interface Received {
  traceId: string;
  spanId: string;
  parent: string | null;
  name: string;
  kind: number;
  scope: string;
  service: string;
  attributes: Record<string, string | number | undefined>;
}

const SPAN_KIND = { server: 2, client: 3 } as const;
const received: Received[] = [];
const requests: Array<{ contentType: string | undefined }> = [];

const value = (v: OtlpValue) => v.stringValue ?? (v.intValue === undefined ? undefined : Number(v.intValue));
const attributes = (list: Array<{ key: string; value: OtlpValue }> = []) => Object.fromEntries(list.map((a) => [a.key, value(a.value)]));

/** The receiver: what an OpenTelemetry collector's OTLP/HTTP endpoint does with JSON, minus the storing. */
function startReceiver(): Promise<Server> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ contentType: request.headers['content-type'] });
      if (request.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as OtlpExport;
        for (const resourceSpans of body.resourceSpans) {
          const service = String(attributes(resourceSpans.resource.attributes)['service.name']);
          for (const scopeSpans of resourceSpans.scopeSpans) {
            for (const span of scopeSpans.spans) {
              received.push({
                traceId: span.traceId,
                spanId: span.spanId,
                parent: span.parentSpanId || null,
                name: span.name,
                kind: span.kind,
                scope: scopeSpans.scope.name,
                service,
                attributes: attributes(span.attributes),
              });
            }
          }
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const logs = captureLogs<{ reqId?: string; component?: string; trace_id?: string }>();
let receiver: Server;
let hub: TestHub;
/** A reader of capacities across the region: each subgraph of the query answers it without error. */
let authorization: string;

beforeAll(async () => {
  receiver = await startReceiver();
  const { port } = receiver.address() as AddressInfo;
  hub = await startTestHub(
    'pglite',
    {
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_SERVICE_NAME: 'ror-hub-under-test',
      OTEL_BSP_SCHEDULE_DELAY: '20', // exported within milliseconds: the test waits for them
      LOG_LEVEL: 'info',
    },
    { logs: logs.stream },
  );
  authorization = await asUser(hub.urls.graphql, 'admin.ars');
});
afterAll(async () => {
  await hub?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

/** A caller's W3C traceparent: its trace id names the trace the test then reads. */
function callerTrace() {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` };
}

const spansOf = (traceId: string) => received.filter((s) => s.traceId === traceId);
const serverSpan = (spans: Received[], component: string) => spans.find((s) => s.kind === SPAN_KIND.server && s.attributes['ror.component'] === component);

/** The chain of parents from `span` up to the trace's root (or a parent not received). */
function ancestors(spans: Received[], span: Received): Received[] {
  const chain: Received[] = [];
  for (let parent = spans.find((s) => s.spanId === span.parent); parent; parent = spans.find((s) => s.spanId === parent!.parent)) chain.push(parent);
  return chain;
}

async function post(query: string, headers: Record<string, string>) {
  const response = await fetch(hub.urls.graphql, { method: 'POST', headers: { 'content-type': 'application/json', authorization, ...headers }, body: JSON.stringify({ query }) });
  expect(response.status).toBe(200);
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

const FEDERATED = 'query FederatedCapacity { establishment(id: "450002613") { name units { name capacity { availableBeds } } } }';

describe('traces over OTLP/HTTP', () => {
  it('hold one trace for a federated query: gateway, its fetches, each subgraph and their SQL, parent by parent', async () => {
    const caller = callerTrace();
    expect((await fetch(new URL('/ready', hub.urls.graphql))).status).toBe(200); // asks every subgraph's /ready too
    const body = await post(FEDERATED, { traceparent: caller.traceparent, 'x-request-id': 'traced-federated-1' });
    expect(body.errors).toBeUndefined();
    const units = (body.data?.establishment as { units: Array<{ capacity: unknown }> }).units;
    expect(units.some((u) => u.capacity !== null)).toBe(true);

    await vi.waitFor(() => {
      const spans = spansOf(caller.traceId);
      expect(serverSpan(spans, 'offer')).toBeDefined();
      expect(serverSpan(spans, 'capacities')).toBeDefined();
      expect(serverSpan(spans, 'gateway')).toBeDefined(); // ends last: the whole trace is in
    });
    const spans = spansOf(caller.traceId);
    const gateway = serverSpan(spans, 'gateway')!;
    // The caller's span is the gateway's parent: a client's trace continues through the hub.
    expect(gateway).toMatchObject({ parent: caller.spanId, name: 'POST /graphql', scope: 'ror-hub/gateway', service: 'ror-hub-under-test' });
    expect(gateway.attributes).toMatchObject({ 'ror.request_id': 'traced-federated-1', 'http.response.status_code': 200 });
    // Every span but the gateway's hangs off a span of this trace: nothing is orphaned.
    for (const span of spans.filter((s) => s !== gateway)) expect(spans.map((s) => s.spanId), span.name).toContain(span.parent);

    for (const subgraph of ['offer', 'capacities']) {
      const server = serverSpan(spans, subgraph)!;
      expect(server.scope).toBe(`ror-hub/${subgraph}`);
      // The subgraph's span is the child of the gateway's fetch to it, over HTTP (traceparent).
      const fetch = spans.find((s) => s.spanId === server.parent)!;
      expect(fetch).toMatchObject({ name: `subgraph ${subgraph}`, kind: SPAN_KIND.client, scope: 'ror-hub/gateway' });
      expect(ancestors(spans, server)).toContain(gateway);
      // At least one SQL statement per subgraph, under that subgraph's request.
      const statements = spans.filter((s) => s.scope === 'ror-hub/db' && ancestors(spans, s).includes(server));
      expect(statements.length, `${subgraph} SQL`).toBeGreaterThan(0);
      expect(statements[0]).toMatchObject({ kind: SPAN_KIND.client, attributes: expect.objectContaining({ 'db.system.name': 'postgresql', 'ror.db.driver': 'pglite' }) });
      expect(statements.map((s) => s.name)).toContain('SELECT');
      expect(String(statements[0]!.attributes['db.query.text'])).not.toMatch(/450002613/); // parameters, not values
    }
    // @apollo/gateway's own spans join the same trace (the global provider).
    expect(spans.map((s) => s.name)).toEqual(expect.arrayContaining(['gateway.plan', 'gateway.fetch']));
    expect(requests.every((r) => r.contentType === 'application/json')).toBe(true);
    // Probes and scrapes make no trace: an orchestrator polls them every few seconds.
    expect(received.filter((s) => /\/(health|ready|metrics)$/.test(String(s.attributes['url.path'])))).toEqual([]);
  });

  it('follow a FHIR search through the executor to a subgraph', async () => {
    const caller = callerTrace();
    const response = await fetch(`${hub.urls.fhir}/Organization?_id=450002613`, { headers: { traceparent: caller.traceparent } });
    expect(response.status).toBe(200);
    await vi.waitFor(() => {
      const spans = spansOf(caller.traceId);
      expect(serverSpan(spans, 'offer')).toBeDefined();
      expect(serverSpan(spans, 'gateway')).toBeDefined();
    });
    const spans = spansOf(caller.traceId);
    const gateway = serverSpan(spans, 'gateway')!;
    expect(gateway.name).toMatch(/^GET \/fhir\//);
    const executor = spans.find((s) => s.name.startsWith('execute '));
    expect(executor).toBeDefined();
    expect(ancestors(spans, executor!)).toContain(gateway);
    expect(ancestors(spans, serverSpan(spans, 'offer')!)).toContain(executor);
  });

  it('put the trace id on every log line of every component serving the request', async () => {
    const caller = callerTrace();
    await post(FEDERATED, { traceparent: caller.traceparent, 'x-request-id': 'traced-logs-1' });
    const mine = logs.lines.filter((l) => l.reqId === 'traced-logs-1');
    expect(new Set(mine.map((l) => l.component))).toEqual(new Set(['gateway', 'subgraph:offer', 'subgraph:capacities']));
    expect(mine.filter((l) => l.trace_id !== caller.traceId)).toEqual([]);
    // And the other way round: every line of the trace names the request (none is missing its id).
    expect(logs.lines.filter((l) => l.trace_id === caller.traceId && l.reqId !== 'traced-logs-1')).toEqual([]);
  });

  it('carry a subscription from its client to the subgraph over the upstream WebSocket', async () => {
    const caller = callerTrace();
    class TracedWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { traceparent: caller.traceparent } });
      }
    }
    const client = createClient({ url: hub.urls.graphql.replace(/^http/, 'ws'), webSocketImpl: TracedWebSocket, connectionParams: { authorization }, retryAttempts: 0 });
    const stop = client.subscribe({ query: 'subscription CapacityWatch { capacityChanged(filter: { establishmentId: "450002613" }) { at } }' }, { next: () => {}, error: () => {}, complete: () => {} });
    try {
      await vi.waitFor(() => expect(serverSpan(spansOf(caller.traceId), 'capacities')).toBeDefined());
      const spans = spansOf(caller.traceId);
      const subscribe = spans.find((s) => s.name === 'subscribe CapacityWatch')!;
      expect(subscribe).toMatchObject({ parent: caller.spanId, scope: 'ror-hub/gateway' });
      // The gateway's WebSocket to the subgraph carried the subscription's traceparent on its upgrade.
      expect(serverSpan(spans, 'capacities')).toMatchObject({ parent: subscribe.spanId, name: 'GET /graphql' });
    } finally {
      stop();
      await client.dispose();
    }
  });

  it.runIf(process.env.TEST_DATABASE_URL)('trace SQL statements on PostgreSQL (node-postgres) too', async () => {
    const { db, drop } = await openMigratedDatabase('postgres');
    try {
      const test = trace.getTracer('test');
      const parent = await test.startActiveSpan('postgres check', async (span) => {
        await db.rows(sql`select 1 as one`);
        await db.orm.transaction(async (tx) => void (await tx.execute(sql`select 2 as two`)));
        span.end();
        return span.spanContext();
      });
      await vi.waitFor(() => expect(spansOf(parent.traceId).filter((s) => s.parent === parent.spanId)).toHaveLength(4)); // begin, select, select, commit
      const statements = spansOf(parent.traceId).filter((s) => s.parent === parent.spanId);
      expect(statements.map((s) => s.name)).toEqual(expect.arrayContaining(['SELECT', 'BEGIN', 'COMMIT']));
      for (const s of statements) expect(s.attributes).toMatchObject({ 'db.system.name': 'postgresql', 'ror.db.driver': 'pg' });
    } finally {
      await drop();
    }
  });
});

describe('gateway latency histograms', () => {
  const metrics = async () => (await fetch(new URL('/metrics', hub.urls.graphql))).text();

  it('time each operation and each subgraph fetch', async () => {
    await post(FEDERATED, {});
    const text = await metrics();
    expect(text).toMatch(/graphql_operation_duration_seconds_count\{[^}]*operation="FederatedCapacity"[^}]*type="query"[^}]*\} [1-9]/);
    for (const subgraph of ['offer', 'capacities']) {
      expect(text).toMatch(new RegExp(`subgraph_fetch_duration_seconds_count\\{[^}]*subgraph="${subgraph}"[^}]*outcome="ok"[^}]*\\} [1-9]`));
    }
  });

  it('bound the operation label: unnamed operations share one, and names past the cap share another', async () => {
    await post('{ __typename }', {});
    for (let i = 0; i < MAX_OPERATION_NAMES + 5; i++) await post(`query Many${i} { __typename }`, {});
    const text = await metrics();
    const labels = new Set([...text.matchAll(/graphql_operation_duration_seconds_count\{[^}]*operation="([^"]+)"/g)].map((m) => m[1]));
    expect(labels.size).toBeLessThanOrEqual(MAX_OPERATION_NAMES + 2);
    expect(labels).toContain('(anonymous)');
    expect(labels).toContain('(other)');
  });
});
