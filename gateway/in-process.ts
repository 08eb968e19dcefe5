/**
 * Subgraphs served by this process (the one-process hub, `npm start`) are reached without a
 * socket: the gateway's fetch to such a subgraph becomes a Fastify `inject` into the subgraph's
 * own app (D211). Everything above the socket is unchanged and is the same code as
 * over HTTP: the data source signs and sets the identity envelope, the subgraph's `onRequest`
 * gate verifies it (and refuses a request without one, 401), mercurius parses, validates and
 * executes, the answer is JSON; only the TCP connection, the HTTP parsing and undici's client are
 * gone. Subgraphs in other processes (scale-out) are still fetched over HTTP.
 */
import type { Fetcher } from '@apollo/utils.fetcher';
import type { FastifyInstance } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';
import { serviceTimeout } from '../platform/errors.js';

type InjectHeaders = Record<string, string>;

function headersOf(init: { headers?: unknown }): InjectHeaders {
  const given = init.headers;
  if (!given) return {};
  if (given instanceof Headers || Array.isArray(given)) return Object.fromEntries(given instanceof Headers ? given.entries() : given) as InjectHeaders;
  return { ...(given as InjectHeaders) };
}

/** A Fetch API Response from the injected answer's status, headers (list values joined) and bytes. */
function responseOf(status: number, statusText: string, headers: OutgoingHttpHeaders, body: Buffer): Response {
  const out = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) out.append(name, String(one));
  }
  // A null-body status (204, 304) may carry no body at all in a Response.
  return new Response(status === 204 || status === 304 ? null : body, { status, statusText, headers: out });
}

/**
 * `work`'s outcome, or `reason()` once `signal` aborts first. The abort listener is removed as soon
 * as the work settles: with a `Promise.race` against a promise rejected on abort, the listener
 * (alive until the timeout signal fires) kept the race, hence every answer's bytes, for the whole
 * timeout after it had been used (the export's peak memory: +343 against +104 MiB over HTTP, 30,000 units).
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal, reason: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const fail = () => reject(reason());
    if (signal.aborted) return fail();
    signal.addEventListener('abort', fail, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', fail);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', fail);
        reject(error as Error);
      },
    );
  });
}

/**
 * A fetcher for the subgraph at `url` whose app is `app` (same process): requests to that URL's
 * origin are injected, anything else goes to `fallback`. Bounded by `timeoutMs` as the HTTP
 * fetcher is: the caller stops waiting (SERVICE_UNAVAILABLE), the subgraph's own work is not
 * interrupted (neither is it over HTTP).
 */
export function inProcessFetcher(app: FastifyInstance, url: string, timeoutMs: number, fallback: Fetcher): Fetcher {
  const origin = new URL(url).origin;
  return (async (target: string, init: { method?: string; headers?: unknown; body?: unknown; signal?: AbortSignal } = {}) => {
    const parsed = new URL(target);
    if (parsed.origin !== origin) return fallback(target, init as never);
    const own = AbortSignal.timeout(timeoutMs);
    const signal = init.signal instanceof AbortSignal ? AbortSignal.any([init.signal, own]) : own;
    const injected = app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: parsed.pathname + parsed.search,
      headers: headersOf(init),
      ...(init.body === undefined || init.body === null ? {} : { payload: init.body as string }),
    });
    const answer = await untilAborted(injected, signal, () => (own.aborted ? serviceTimeout(timeoutMs) : (signal.reason as Error)));
    return responseOf(answer.statusCode, answer.statusMessage, answer.headers as OutgoingHttpHeaders, answer.rawPayload);
  }) as unknown as Fetcher;
}
