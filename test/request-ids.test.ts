/**
 * Issue 12 case 11 (request ids): a caller's `x-request-id` is the id of its request in every
 * component: answered back by the gateway, sent to each subgraph the request reaches (queries,
 * identity lookups), and on every log line each of them writes for it. An unsafe id is replaced.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { createLogger } from '../platform/logger.js';
import { requestIdOptions, useRequestIds } from '../platform/request-context.js';
import { startTestHub, type TestHub } from './helpers/hub.js';
import { asUser } from './helpers/tokens.js';
import { captureLogs } from './helpers/logs.js';

interface LogLine {
  reqId?: string;
  component?: string;
  msg?: string;
}

const { stream: logs, lines, raw } = captureLogs<LogLine>();

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('pglite', { LOG_LEVEL: 'info' }, { logs });
});
afterAll(async () => hub?.close());

async function post(query: string, headers: Record<string, string>) {
  return fetch(hub.urls.graphql, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
}

const componentsOf = (id: string) => new Set(lines.filter((l) => l.reqId === id).map((l) => l.component));

describe('x-request-id', () => {
  it('follows one request through the gateway, its identity lookups and every subgraph it reaches', async () => {
    const token = await asUser(hub.urls.graphql, 'ref.etab.orleans'); // perimeter read from offer, grants from professionals
    const id = 'trace-7f3a.1:case11';
    const response = await post('{ establishment(id: "450002613") { name units { name capacity { availableBeds } } tensions { level } } }', {
      authorization: token,
      'x-request-id': id,
    });
    expect(response.headers.get('x-request-id')).toBe(id);
    // This referent may not read capacities (FORBIDDEN there): the request still reaches every subgraph.
    const body = (await response.json()) as { data?: { establishment?: { name: string } } };
    expect(body.data?.establishment?.name).toBeTruthy();
    // Fastify's own request lines and the components' lines written while serving it.
    expect(componentsOf(id)).toEqual(new Set(['gateway', 'subgraph:offer', 'subgraph:capacities', 'subgraph:tensions', 'subgraph:professionals']));
    expect(lines.filter((l) => l.reqId === id && l.component === 'gateway').map((l) => l.msg)).toContain('request completed');
    // Fastify's request loggers bind the id already: the loggers' mixin never writes it twice.
    expect(raw.filter((text) => text.split('"reqId"').length > 2)).toEqual([]);
  });

  it('is the id of a FHIR request too', async () => {
    const id = 'fhir-read-0001';
    const response = await fetch(`${hub.urls.fhir}/Organization/450002613`, { headers: { 'x-request-id': id } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(id);
    expect(componentsOf(id)).toEqual(new Set(['gateway', 'subgraph:offer']));
  });

  it('names a graphql-ws connection: its identity lookups carry the upgrade request\'s id', async () => {
    const token = await asUser(hub.urls.graphql, 'ref.uo.tours'); // a user no other test resolved (identities are cached per token)
    const id = 'ws-connection-0001';
    class TracedWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { 'x-request-id': id } });
      }
    }
    let acknowledged!: () => void;
    const ack = new Promise<void>((resolve) => (acknowledged = resolve));
    const client = createClient({ url: hub.urls.graphql.replace(/^http/, 'ws'), webSocketImpl: TracedWebSocket, connectionParams: { authorization: token }, retryAttempts: 0, lazy: false, on: { connected: () => acknowledged() } });
    try {
      await ack; // graphql-ws acknowledges once the gateway resolved the connection's identity
      expect(componentsOf(id)).toContain('subgraph:professionals'); // the grants lookup
    } finally {
      await client.dispose();
    }
  });

  it.each([
    ['too long', 'x'.repeat(129)],
    ['with unsafe characters', 'id with spaces "and" <quotes>'],
  ])('is drawn anew when the caller’s is %s', async (_label, unsafe) => {
    const response = await post('{ establishment(id: "450002613") { name } }', { 'x-request-id': unsafe });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.some((l) => l.reqId === unsafe)).toBe(false);
    expect(componentsOf(id!)).toEqual(new Set(['gateway', 'subgraph:offer']));
  });

  it('is drawn when the caller sends none', async () => {
    const response = await post('{ establishment(id: "450002613") { name } }', {});
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is on the lines of a component logger (not the request logger) written while serving, and nowhere else', async () => {
    const mine: LogLine[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        mine.push(JSON.parse(chunk.toString()) as LogLine);
        done();
      },
    });
    const logger = createLogger('info', {}, sink).child({ component: 'store' });
    const app = Fastify({ logger: false, ...requestIdOptions });
    useRequestIds(app);
    app.get('/work', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5)); // across an await, as services log
      logger.info('inside the request');
      return { ok: true };
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const response = await fetch(`http://127.0.0.1:${(app.server.address() as { port: number }).port}/work`, { headers: { 'x-request-id': 'component-line-1' } });
      expect(response.headers.get('x-request-id')).toBe('component-line-1');
      logger.info('outside any request');
      expect(mine.map((l) => [l.msg, l.reqId])).toEqual([['inside the request', 'component-line-1'], ['outside any request', undefined]]);
    } finally {
      await app.close();
    }
  });
});
