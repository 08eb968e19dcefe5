/**
 * The one way a component of the hub calls a subgraph directly (not through the gateway): a
 * GraphQL POST carrying the signed identity envelope of the `system` identity. The gateway uses
 * it for its identity lookups, and subgraphs for the cross-domain checks and follow-ups that
 * must not read another subgraph's tables (docs/offer-editing.md, decision D30).
 */
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { IDENTITY_HEADER, signIdentity } from './auth/internal-token.js';
import type { Identity } from './auth/identity.js';
import type { HubConfig, SubgraphName } from './config.js';
import { ERROR_CODES, HubError, isTimeout, serviceTimeout, type ErrorCode } from './errors.js';
import { currentRequestId, REQUEST_ID_HEADER } from './request-context.js';
import { traceHeaders } from './tracing.js';

/** What we need of `fetch`: global fetch (undici) and Apollo's Fetcher both fit. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal },
) => Promise<{ status: number; json(): Promise<unknown> }>;

const SYSTEM: Identity = { kind: 'system', subject: 'gateway' };

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/**
 * POSTs one operation as the system identity. A GraphQL error with one of our codes becomes a
 * HubError with that code and message (a BAD_USER_INPUT of the callee reaches the caller as is);
 * anything else becomes a plain Error, which the caller's subgraph masks and logs with an id, so
 * internal URLs never reach clients. A callee that does not answer within `timeoutMs` (headers
 * and body) is a SERVICE_UNAVAILABLE: a hung subgraph must not hang its callers. The request id
 * of the work in progress travels along, so one request can be followed across components.
 */
export async function postAsSystem<T>(fetchFn: FetchLike, target: { name: string; url: string }, secret: string, query: string, variables: Record<string, unknown>, timeoutMs: number): Promise<T> {
  const { url } = target;
  const requestId = currentRequestId();
  let response: Awaited<ReturnType<FetchLike>>;
  let answer: GraphQLAnswer<T>;
  try {
    response = await fetchFn(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [IDENTITY_HEADER]: await signIdentity(SYSTEM, secret, target.name),
        ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}),
        ...traceHeaders(), // W3C traceparent: the callee's span joins the caller's trace
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    answer = (await response.json()) as GraphQLAnswer<T>;
  } catch (error) {
    throw isTimeout(error) ? serviceTimeout(timeoutMs) : error;
  }
  const first = answer.errors?.[0];
  if (first) {
    const code = first.extensions?.code as string | undefined;
    if (code !== undefined && code in ERROR_CODES && code !== 'INTERNAL_SERVER_ERROR') {
      const { code: _c, serviceName: _s, ...extensions } = first.extensions ?? {};
      throw new HubError(code as ErrorCode, first.message, extensions);
    }
    throw new Error(`Call to ${url} failed: ${answer.errors!.map((e) => e.message).join('; ')}`);
  }
  if (!answer.data) throw new Error(`Call to ${url} failed: HTTP ${response.status} without data.`);
  return answer.data;
}

/**
 * Where each subgraph of this process actually listens. With ports 0 (tests) the configured URL
 * is not the real one, so every subgraph announces its address once listening; the key is the
 * configuration object, so two hubs in one process (tests) never see each other's.
 */
const listening = new WeakMap<HubConfig, Partial<Record<SubgraphName, string>>>();

export function announceSubgraph(app: FastifyInstance, config: HubConfig, name: SubgraphName): void {
  app.addHook('onListen', async () => {
    const { port } = app.server.address() as AddressInfo;
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    const urls = listening.get(config) ?? {};
    urls[name] = `http://${host}:${port}/graphql`;
    listening.set(config, urls);
  });
}

/** The subgraph's URL: its address in this process when it runs here, else the configured one (OFFER_URL…). */
export function subgraphUrl(config: HubConfig, name: SubgraphName): string {
  return listening.get(config)?.[name] ?? config.subgraphUrls[name];
}

export interface SubgraphClient {
  /** Runs a query or mutation on subgraph `name` as the system identity. */
  query<T>(name: SubgraphName, query: string, variables?: Record<string, unknown>): Promise<T>;
  /**
   * Resolves entities by id through `_entities` (as the gateway would): one call for all ids,
   * `selection` being the fields wanted on `typename`; null for an id the subgraph does not know.
   */
  entities<T>(name: SubgraphName, typename: string, ids: readonly string[], selection: string): Promise<Array<T | null>>;
}

export function createSubgraphClient(config: HubConfig, secret: string, fetchFn: FetchLike = fetch): SubgraphClient {
  return subgraphClientAt((name) => subgraphUrl(config, name), secret, config.timeouts.subgraphMs, fetchFn);
}

/** A client of the subgraphs at the URLs `urlOf` gives (a hub's own, or another process's). */
export function subgraphClientAt(urlOf: (name: SubgraphName) => string, secret: string, timeoutMs: number, fetchFn: FetchLike = fetch): SubgraphClient {
  const query = <T>(name: SubgraphName, text: string, variables: Record<string, unknown> = {}) =>
    postAsSystem<T>(fetchFn, { name, url: urlOf(name) }, secret, text, variables, timeoutMs);
  return {
    query,
    entities: async <T>(name: SubgraphName, typename: string, ids: readonly string[], selection: string) => {
      if (ids.length === 0) return [];
      const text = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`;
      const data = await query<{ _entities: Array<T | null> }>(name, text, { r: ids.map((id) => ({ __typename: typename, id })) });
      return data._entities;
    },
  };
}
