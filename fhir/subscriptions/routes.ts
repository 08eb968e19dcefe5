/**
 * The Subscription endpoints below the FHIR base: create, read, search and delete by the owner,
 * and the backport operations `$status` (instance and type level), `$events` and
 * `$get-ws-binding-token`. The owner is the caller's principal; anyone else gets 404, as if the
 * subscription did not exist. Errors are thrown as OperationOutcomeError and answered by the
 * FHIR plugin's error handler.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../platform/executor.js';
import type { FhirRuntime } from '../features.js';
import { FHIR_JSON, unacceptableFormat } from '../format.js';
import { allOk, badRequest, fromGraphQLErrors, notAcceptable, notFound, OperationOutcomeError, unsupportedInteraction } from '../outcomes.js';
import type { Bundle, PayloadContent } from './backport.js';
import { notificationBundle, statusBundle, subscriptionUrl, toSubscription } from './bundles.js';
import { focusReader } from './focus.js';
import type { SubscriptionStore } from './store.js';
import type { SubscriptionRow } from './tables.js';
import { parseSubscription } from './validate.js';
import { hashToken, WEBSOCKET_PATH } from './websocket.js';

/** Events one `$events` call returns at most. */
export const EVENTS_PAGE = 100;
/** Lifetime of a websocket binding token. */
export const BINDING_TOKEN_TTL_MS = 5 * 60_000;

export interface RouteDeps {
  runtime: FhirRuntime;
  store: SubscriptionStore;
  /** A subscription was created: its handshake is due. */
  onCreated: () => void;
}

interface Caller {
  principal: Principal;
  ownerKey: string;
}

type Params = Record<string, string[]>;
type Request = FastifyRequest<{ Params: { id?: string }; Querystring: Record<string, string | string[]> }>;

const graphQLRefusal = (code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string) =>
  new OperationOutcomeError(fromGraphQLErrors([{ message, extensions: { code } }]));

export const ownerKeyOf = (principal: Principal): string => (principal.kind === 'client' ? `client:${principal.clientId}` : `user:${principal.accountId}`);

/** The caller's principal; 401 for anonymous callers and invalid tokens. */
async function callerOf(runtime: FhirRuntime, request: FastifyRequest): Promise<Caller> {
  let principal: Principal | null;
  try {
    principal = await runtime.principalOf(request.headers.authorization);
  } catch (error) {
    const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
    if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') throw graphQLRefusal(code, (error as Error).message);
    throw error;
  }
  if (!principal) throw graphQLRefusal('UNAUTHENTICATED', 'Subscriptions need a bearer token: a subscription acts for its owner.');
  return { principal, ownerKey: ownerKeyOf(principal) };
}

function baseUrlOf(runtime: FhirRuntime, app: FastifyInstance, request: FastifyRequest): string {
  return runtime.baseUrl ?? `${request.protocol}://${request.host}${app.prefix}`;
}

function reply(response: FastifyReply, status: number, body: unknown): FastifyReply {
  return response.code(status).type(FHIR_JSON).send(body);
}

/** Query parameters, or the `Parameters` body of a POSTed operation, as name → values. */
function operationParams(request: Request): Params {
  const params: Params = {};
  for (const [name, value] of Object.entries(request.query ?? {})) params[name] = [value].flat();
  const body = request.body as { resourceType?: string; parameter?: Array<Record<string, unknown>> } | undefined;
  if (request.method === 'POST' && body) {
    if (body.resourceType !== 'Parameters') throw new OperationOutcomeError(badRequest('The operation body must be a Parameters resource'));
    for (const p of body.parameter ?? []) {
      const value = Object.entries(p).find(([key]) => key.startsWith('value'))?.[1];
      if (typeof p.name === 'string' && value !== undefined) (params[p.name] ??= []).push(String(value));
    }
  }
  return params;
}

function refuseUnknown(params: Params, allowed: readonly string[]): void {
  const unknown = Object.keys(params).filter((name) => !allowed.includes(name) && name !== '_format');
  if (unknown.length) throw new OperationOutcomeError(badRequest(`Unknown parameter(s): ${unknown.join(', ')} (supported: ${allowed.join(', ')})`));
}

function positiveInteger(params: Params, name: string): number | null {
  const value = params[name]?.[0];
  if (value === undefined) return null;
  if (!/^\d{1,15}$/.test(value) || Number(value) < 1) throw new OperationOutcomeError(badRequest(`${name} must be a positive integer, not "${value}"`));
  return Number(value);
}

function idOf(request: Request): string {
  const id = request.params.id ?? '';
  if (!/^[A-Za-z0-9\-.]{1,64}$/.test(id)) throw new OperationOutcomeError(badRequest(`Invalid Subscription id "${id}"`));
  return id;
}

/** The caller's own subscription; 404 for anybody else's, so its existence is not revealed. */
async function ownSubscription(store: SubscriptionStore, caller: Caller, id: string): Promise<SubscriptionRow> {
  const row = await store.get(id);
  if (!row || row.ownerKey !== caller.ownerKey) throw new OperationOutcomeError(notFound('Subscription', id));
  return row;
}

function searchset(rows: readonly SubscriptionRow[]): Bundle {
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    type: 'searchset',
    total: rows.length,
    entry: rows.map((row) => ({ fullUrl: subscriptionUrl(row), resource: toSubscription(row) as unknown as Record<string, unknown>, search: { mode: 'match' as const } })),
  };
}

export function registerSubscriptionRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { runtime, store } = deps;

  // Only JSON is produced, as for every FHIR route.
  app.addHook('onRequest', async (request, response) => {
    const format = [(request.query as { _format?: string | string[] })._format ?? []].flat()[0];
    const refusal = unacceptableFormat(format, request.headers.accept);
    if (refusal) return reply(response, 406, notAcceptable(refusal));
  });

  app.post('/Subscription', async (request: Request, response) => {
    const caller = await callerOf(runtime, request);
    const spec = parseSubscription(request.body, { allowLoopbackHttp: runtime.config.nodeEnv !== 'production' });
    if (caller.principal.kind === 'client' && !caller.principal.scopes.includes(spec.topic.scope)) {
      throw graphQLRefusal('FORBIDDEN', `Topic ${spec.topic.canonical} needs the ${spec.topic.scope} scope, which this application's token does not carry.`);
    }
    const row = await store.insert({
      id: randomUUID(),
      ownerKey: caller.ownerKey,
      principal: caller.principal,
      baseUrl: baseUrlOf(runtime, app, request),
      reason: spec.reason,
      topic: spec.topic.canonical,
      filters: spec.filters,
      channelType: spec.channelType,
      endpoint: spec.endpoint,
      payloadMime: spec.payloadMime,
      content: spec.content,
      headers: spec.headers,
      heartbeatSeconds: spec.heartbeatSeconds,
      timeoutSeconds: spec.timeoutSeconds,
      maxCount: spec.maxCount,
      endAt: spec.endAt,
      status: 'requested',
    });
    deps.onCreated();
    response.header('location', subscriptionUrl(row));
    return reply(response, 201, toSubscription(row));
  });

  app.get('/Subscription', async (request: Request, response) => {
    const caller = await callerOf(runtime, request);
    const params = operationParams(request);
    refuseUnknown(params, ['status', '_id']);
    const statuses = (params.status ?? []).flatMap((s) => s.split(','));
    const ids = new Set((params._id ?? []).flatMap((s) => s.split(',')));
    const rows = (await store.listByOwner(caller.ownerKey, statuses)).filter((row) => ids.size === 0 || ids.has(row.id));
    return reply(response, 200, searchset(rows));
  });

  app.get('/Subscription/:id', async (request: Request, response) => {
    const caller = await callerOf(runtime, request);
    return reply(response, 200, toSubscription(await ownSubscription(store, caller, idOf(request))));
  });

  app.delete('/Subscription/:id', async (request: Request, response) => {
    const caller = await callerOf(runtime, request);
    const row = await ownSubscription(store, caller, idOf(request));
    await store.remove(row.id); // its event log and binding tokens go with it
    return reply(response, 200, allOk);
  });

  // Subscriptions are not updated in place: delete and create again.
  for (const method of ['PUT', 'PATCH'] as const) {
    app.route({ method, url: '/Subscription/:id', handler: async () => { throw new OperationOutcomeError(unsupportedInteraction('Subscription', method === 'PUT' ? 'update' : 'patch')); } });
  }
  // Nor conditionally, by search.
  for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
    const interaction = { PUT: 'update', PATCH: 'patch', DELETE: 'delete' }[method];
    app.route({ method, url: '/Subscription', handler: async () => { throw new OperationOutcomeError(unsupportedInteraction('Subscription', `conditional ${interaction}`)); } });
  }

  const status = async (request: Request, response: FastifyReply) => {
    const caller = await callerOf(runtime, request);
    const params = operationParams(request);
    if (request.params.id !== undefined) {
      refuseUnknown(params, []);
      return reply(response, 200, statusBundle([await ownSubscription(store, caller, idOf(request))]));
    }
    refuseUnknown(params, ['id', 'status']);
    const ids = new Set((params.id ?? []).flatMap((s) => s.split(',')).map((s) => s.replace(/^.*Subscription\//, '')));
    const statuses = (params.status ?? []).flatMap((s) => s.split(','));
    const rows = (await store.listByOwner(caller.ownerKey, statuses)).filter((row) => ids.size === 0 || ids.has(row.id));
    return reply(response, 200, statusBundle(rows));
  };
  app.route({ method: ['GET', 'POST'], url: '/Subscription/$status', handler: status });
  app.route({ method: ['GET', 'POST'], url: '/Subscription/:id/$status', handler: status });

  app.route({
    method: ['GET', 'POST'],
    url: '/Subscription/:id/$events',
    handler: async (request: Request, response) => {
      const caller = await callerOf(runtime, request);
      const row = await ownSubscription(store, caller, idOf(request));
      const params = operationParams(request);
      refuseUnknown(params, ['eventsSinceNumber', 'eventsUntilNumber', 'content']);
      const content = (params.content?.[0] ?? row.content) as PayloadContent;
      if (!['empty', 'id-only', 'full-resource'].includes(content)) throw new OperationOutcomeError(badRequest(`content "${content}" is not supported (empty, id-only, full-resource)`));
      const until = Math.min(positiveInteger(params, 'eventsUntilNumber') ?? row.eventCount, row.eventCount);
      const since = positiveInteger(params, 'eventsSinceNumber') ?? Math.max(1, until - EVENTS_PAGE + 1);
      // At most EVENTS_PAGE of the events still held from `since`: the client asks again from the
      // next number. Purged numbers (D59) are simply absent: the gap shows them, as the IG allows.
      const events = await store.events(row.id, since - 1, until, EVENTS_PAGE);
      return reply(response, 200, await notificationBundle(row, 'query-event', events, content, focusReader(runtime.execute, row)));
    },
  });

  app.route({
    method: ['GET', 'POST'],
    url: '/Subscription/:id/$get-ws-binding-token',
    handler: async (request: Request, response) => {
      const caller = await callerOf(runtime, request);
      const row = await ownSubscription(store, caller, idOf(request));
      refuseUnknown(operationParams(request), []);
      if (row.channelType !== 'websocket') throw new OperationOutcomeError(badRequest(`Subscription/${row.id} uses a ${row.channelType} channel, not websocket`));
      const token = randomBytes(32).toString('base64url');
      const expiresAt = await store.insertToken(hashToken(token), row.id, BINDING_TOKEN_TTL_MS);
      const websocketUrl = `${row.baseUrl.replace(/^http/, 'ws')}/${WEBSOCKET_PATH}`;
      return reply(response, 200, {
        resourceType: 'Parameters',
        parameter: [
          { name: 'token', valueString: token },
          { name: 'expiration', valueDateTime: new Date(expiresAt).toISOString() },
          { name: 'subscription', valueString: subscriptionUrl(row) },
          { name: 'websocket-url', valueUrl: websocketUrl },
        ],
      });
    },
  });
}
