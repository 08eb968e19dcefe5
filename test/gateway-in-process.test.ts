/**
 * The gateway's in-process subgraph calls (gateway/in-process.ts, D211): a fetch to a
 * subgraph of the same process is injected into its Fastify app. The subgraph's gate is the one of
 * every subgraph (platform/subgraph-gate.ts): it still refuses a request without a valid envelope,
 * and the identity each request carries is its own caller's, however many run at once.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Fetcher } from '@apollo/utils.fetcher';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { inProcessFetcher } from '../gateway/in-process.js';
import { SubgraphDataSource } from '../gateway/data-sources.js';
import { registerGatewayGate } from '../platform/subgraph-gate.js';
import { INJECTED_ANSWER_HEADER, handOverInjectedAnswers } from '../platform/injected-answers.js';
import { IDENTITY_HEADER, signIdentity } from '../platform/auth/internal-token.js';
import type { Identity } from '../platform/auth/identity.js';
import { HubError } from '../platform/errors.js';
import type { GatewayContext } from '../gateway/context.js';

const SECRET = 'test-secret-of-the-in-process-suite-0123456789abcdef';
const URL_OF_OFFER = 'http://127.0.0.1:1/graphql'; // never dialled: the app is injected
const user = (login: string): Identity => ({ kind: 'user', subject: login, login, professionalId: `P-${login}`, grants: [] }) as unknown as Identity;

let app: FastifyInstance;
let release: () => void = () => undefined;

beforeAll(async () => {
  app = Fastify();
  app.decorateRequest('identity', null as never);
  registerGatewayGate(app, { internalSecret: SECRET, audience: 'offer' });
  // Answers with the identity the gate verified, after a turn of the event loop so that calls interleave.
  app.post('/graphql', async (request) => {
    await new Promise((resolve) => setImmediate(resolve));
    return { data: { caller: (request.identity as { login?: string }).login ?? request.identity.kind } };
  });
  app.post('/hang', () => new Promise<void>((resolve) => (release = resolve)));
  handOverInjectedAnswers(app); // as platform/subgraph-app.ts does
  await app.ready();
});
afterAll(async () => {
  release();
  await app.close();
});

const post = (fetcher: Fetcher, headers: Record<string, string>, path = '/graphql') =>
  fetcher(`http://127.0.0.1:1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ caller }' }) });

describe('in-process subgraph fetches', () => {
  const unused = vi.fn<Fetcher>();
  const inProcess = (timeoutMs = 2_000, fallback: Fetcher = unused) => inProcessFetcher(app, URL_OF_OFFER, timeoutMs, fallback);

  it('are refused without an envelope, with a forged one, or with one meant for another subgraph (401)', async () => {
    const forged = await signIdentity(user('a'), 'another-secret-0123456789abcdef0123456789', 'offer');
    const elsewhere = await signIdentity(user('a'), SECRET, 'capacities');
    const refused: Array<Record<string, string>> = [{}, { [IDENTITY_HEADER]: forged }, { [IDENTITY_HEADER]: elsewhere }];
    for (const headers of refused) {
      const response = await post(inProcess(), headers);
      expect(response.status).toBe(401);
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    }
    expect(unused).not.toHaveBeenCalled();
  });

  it('answer with the verified identity of a valid envelope, as JSON', async () => {
    const response = await post(inProcess(), { [IDENTITY_HEADER]: await signIdentity(user('alice'), SECRET, 'offer') });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ data: { caller: 'alice' } });
  });

  it('send a fetch to any other origin to the HTTP fetcher', async () => {
    const http = vi.fn<Fetcher>(async () => new Response('{"data":{}}', { headers: { 'content-type': 'application/json' } }) as never);
    const mixed = inProcess(2_000, http);
    await mixed('http://127.0.0.1:2/graphql', { method: 'POST', body: '{}' });
    expect(http).toHaveBeenCalledWith('http://127.0.0.1:2/graphql', expect.objectContaining({ method: 'POST' }));
  });

  it('stop waiting after the time limit with SERVICE_UNAVAILABLE', async () => {
    const bounded = inProcess(50);
    const failure = await post(bounded, { [IDENTITY_HEADER]: await signIdentity(user('a'), SECRET, 'offer') }, '/hang').then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(HubError);
    expect((failure as HubError).extensions.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('keep no answer once it is used, although the time limit has not run out (export memory, 2026-12-07)', async () => {
    // The injected answers, watched through weak references only.
    const watched: Array<WeakRef<object>> = [];
    const watching = {
      inject: (options: object) => {
        const answer = app.inject(options as never) as unknown as Promise<object>;
        void answer.then((a) => void watched.push(new WeakRef(a)));
        return answer;
      },
    } as unknown as FastifyInstance;
    const fetcher = inProcessFetcher(watching, URL_OF_OFFER, 60_000, unused);
    const envelope = await signIdentity(user('bob'), SECRET, 'offer');
    for (let i = 0; i < 5; i++) expect(await (await post(fetcher, { [IDENTITY_HEADER]: envelope })).json()).toEqual({ data: { caller: 'bob' } });
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    for (let round = 0; round < 3; round++) {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
    }
    expect(watched).toHaveLength(5);
    // Alive until the 60 s limit when the abort listener outlives the answer (a Promise.race held them).
    expect(watched.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
  });

  it('take the answer as the text the subgraph serialised: no body bytes cross light-my-request (export memory, export16f)', async () => {
    const injected: Array<{ rawPayload: Buffer; payload: string }> = [];
    const watching = {
      inject: async (options: object) => {
        const answer = (await app.inject(options as never)) as unknown as { rawPayload: Buffer; payload: string };
        injected.push(answer);
        return answer;
      },
    } as unknown as FastifyInstance;
    const envelope = await signIdentity(user('carol'), SECRET, 'offer');
    const response = await post(inProcessFetcher(watching, URL_OF_OFFER, 2_000, unused), { [IDENTITY_HEADER]: envelope });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-length')).toBeNull(); // the empty reply's 0 is not the answer's length
    expect(await response.json()).toEqual({ data: { caller: 'carol' } });
    expect(injected).toHaveLength(1);
    expect(injected[0]!.rawPayload.length).toBe(0);
    expect(injected[0]!.payload).toBe('');
  });

  it('hand nothing over to an injection that did not ask, nor to a request over a socket that asks', async () => {
    const envelope = await signIdentity(user('dave'), SECRET, 'offer');
    const headers = { 'content-type': 'application/json', [IDENTITY_HEADER]: envelope };
    const plain = await app.inject({ method: 'POST', url: '/graphql', headers, payload: JSON.stringify({ query: '{ caller }' }) });
    expect(plain.json()).toEqual({ data: { caller: 'dave' } });
    const listening = Fastify();
    listening.decorateRequest('identity', null as never);
    registerGatewayGate(listening, { internalSecret: SECRET, audience: 'offer' });
    listening.post('/graphql', async (request) => ({ data: { caller: (request.identity as { login?: string }).login } }));
    handOverInjectedAnswers(listening);
    const address = await listening.listen({ port: 0, host: '127.0.0.1' });
    try {
      const overHttp = await fetch(`${address}/graphql`, { method: 'POST', headers: { ...headers, [INJECTED_ANSWER_HEADER]: '1' }, body: JSON.stringify({ query: '{ caller }' }) });
      expect(overHttp.status).toBe(200);
      expect(await overHttp.json()).toEqual({ data: { caller: 'dave' } });
    } finally {
      await listening.close();
    }
  });

  it('through the data source, never mix the identities of concurrent callers', async () => {
    const source = new SubgraphDataSource({ url: URL_OF_OFFER, fetcher: inProcess() }, { name: 'offer', internalSecret: SECRET, timeoutMs: 2_000 });
    const logins = Array.from({ length: 24 }, (_, i) => `user${i % 6}-${i}`);
    const call = (login: string) =>
      source.process({
        kind: 'incoming operation',
        request: { query: '{ caller }', variables: {} },
        context: { requestId: login, identity: user(login), envelope: (audience: string) => signIdentity(user(login), SECRET, audience) } as unknown as GatewayContext,
        incomingRequestContext: {},
      } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);
    const answers = await Promise.all(logins.map(call));
    expect(answers.map((a) => (a.data as { caller: string }).caller)).toEqual(logins);
  });

  it('through the data source, carry the anonymous envelope when the context has none', async () => {
    const source = new SubgraphDataSource({ url: URL_OF_OFFER, fetcher: inProcess() }, { name: 'offer', internalSecret: SECRET, timeoutMs: 2_000 });
    const answer = await source.process({ kind: 'incoming operation', request: { query: '{ caller }' }, context: {}, incomingRequestContext: {} } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);
    expect(answer.data).toEqual({ caller: 'anonymous' });
  });
});
