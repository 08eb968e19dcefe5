/**
 * The shared Fastify error handler (platform/http-errors.ts), through a small real Fastify app
 * listening on a port: what a REST route throws becomes its status and code, and an unexpected
 * error (here a driver-like error carrying SQL and parameters) is masked with an id that the log
 * holds next to the full error. Its registration on the hub's real routes is checked in
 * input-validation.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { Writable } from 'node:stream';
import { registerHttpErrorHandler } from '../platform/http-errors.js';
import { HubError } from '../platform/errors.js';

describe('the shared HTTP error handler', () => {
  let app: FastifyInstance;
  let url = '';
  const logs: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    app = Fastify({ logger: { level: 'error', stream } });
    registerHttpErrorHandler(app);
    // Registered after the handler, in a child plugin, like the subgraphs' feed and import routes.
    await app.register(async (scope) => {
      scope.get('/sql', async () => {
        throw Object.assign(new Error('Failed query: insert into "capacities"."unit_capacity" ("notes") values ($1)\nparams: a\u0000b'), { code: '22021' });
      });
      scope.get('/hub', async () => {
        throw new HubError('CONFLICT', 'Changed since version 3.', { field: 'expectedVersion', http: { status: 409 } });
      });
      scope.get('/server-status', async () => {
        throw Object.assign(new Error('library said: password=secret'), { statusCode: 507 });
      });
      scope.get('/upstream-down', async () => {
        throw Object.assign(new Error('upstream said: password=secret'), { statusCode: 503 });
      });
      scope.post('/json', async (request) => request.body);
    });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app?.close());

  it('masks an unexpected error: 500, an id, no SQL, parameters or stack; the log holds the full error under that id', async () => {
    const response = await fetch(`${url}/sql`);
    const text = await response.text();
    expect(response.status).toBe(500);
    const body = JSON.parse(text) as { error: { code: string; message: string; errorId: string } };
    expect(body.error.code).toBe('INTERNAL_SERVER_ERROR');
    expect(body.error.message).toBe(`Internal error (id ${body.error.errorId}).`);
    expect(text).not.toMatch(/Failed query|insert|params|unit_capacity|\.ts:\d+/);
    const logged = logs.find((l) => l.errorId === body.error.errorId) as { err: { message: string; stack: string } } | undefined;
    expect(logged?.err.message).toContain('Failed query: insert into');
    expect(logged?.err.stack).toContain('http-errors.test.ts');
  });

  it('masks server errors that carry a status too (only 4xx messages are for the caller)', async () => {
    const response = await fetch(`${url}/server-status`);
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('secret');
  });

  it("keeps a relay's 503 (an upstream down) with SERVICE_UNAVAILABLE and a fixed message, never the library's", async () => {
    const response = await fetch(`${url}/upstream-down`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(body.error.message).not.toContain('secret');
  });

  it('answers a HubError with its catalog status, code, message and extensions', async () => {
    const response = await fetch(`${url}/hub`);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: { code: 'CONFLICT', message: 'Changed since version 3.', field: 'expectedVersion' } });
  });

  it("answers Fastify's own client errors with their status: invalid JSON, unsupported media type, body too large", async () => {
    const invalid = await fetch(`${url}/json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
    const media = await fetch(`${url}/json`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<a/>' });
    expect(media.status).toBe(415);
    expect(await media.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    const large = await fetch(`${url}/json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ a: 'x'.repeat(1_100_000) }) });
    expect(large.status).toBe(413);
    expect(await large.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });
});
