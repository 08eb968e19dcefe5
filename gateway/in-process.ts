/**
 * Subgraphs served by this process (the one-process hub, `npm start`) are reached without a
 * socket: the gateway's fetch to such a subgraph becomes a Fastify `inject` into the subgraph's
 * own app (D211). Everything above the socket is unchanged and is the same code as
 * over HTTP: the data source signs and sets the identity envelope, the subgraph's `onRequest`
 * gate verifies it (and refuses a request without one, 401), mercurius parses, validates and
 * executes, the answer is JSON; only the TCP connection, the HTTP parsing and undici's client are
 * gone. Subgraphs in other processes (scale-out) are still fetched over HTTP.
 */
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import type { FastifyInstance } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';
import { serviceTimeout } from '../platform/errors.js';
import { INJECTED_ANSWER_HEADER, takeInjectedAnswer } from '../platform/injected-answers.js';

type InjectHeaders = Record<string, string>;

function headersOf(init: { headers?: unknown }): InjectHeaders {
  const given = init.headers;
  if (!given) return {};
  if (given instanceof Headers || Array.isArray(given)) return Object.fromEntries(given instanceof Headers ? given.entries() : given) as InjectHeaders;
  return { ...(given as InjectHeaders) };
}

/**
 * The injected answer as the data source reads it (`FetcherResponse`: status, headers, then
 * `json()` or `text()`), straight from the text the subgraph serialised (handed over,
 * platform/injected-answers.ts) or, from an app that does not hand it over, the text
 * light-my-request has already decoded. A Fetch API
 * `Response` built on its bytes read them back through a web stream (a reader, chunks, a
 * concatenation, a second decode) on every subgraph fetch (docs/benchmarks.md, search16f).
 */
class InjectedResponse implements FetcherResponse {
  readonly url: string;
  readonly redirected = false;
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly #body: string;
  #used = false;

  constructor(url: string, status: number, statusText: string, headers: OutgoingHttpHeaders | Headers, body: string) {
    this.url = url;
    this.status = status;
    this.statusText = statusText;
    this.#body = body;
    if (headers instanceof Headers) {
      this.headers = headers;
      return;
    }
    this.headers = new Headers();
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) this.headers.append(name, String(one));
    }
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  /** The body once, as a Fetch API body is (a second read rejects). */
  #take(): string {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#body;
  }

  async text(): Promise<string> {
    return this.#take();
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.#take()) as unknown;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return new TextEncoder().encode(this.#take()).buffer;
  }

  clone(): FetcherResponse {
    if (this.#used) throw new TypeError('Response.clone: Body has already been consumed.');
    return new InjectedResponse(this.url, this.status, this.statusText, new Headers(this.headers), this.#body);
  }
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
      // The subgraph hands its answer over as the text it serialised (platform/injected-answers.ts).
      headers: { ...headersOf(init), [INJECTED_ANSWER_HEADER]: '1' },
      ...(init.body === undefined || init.body === null ? {} : { payload: init.body as string }),
    });
    const answer = await untilAborted(injected, signal, () => (own.aborted ? serviceTimeout(timeoutMs) : (signal.reason as Error)));
    const handedOver = takeInjectedAnswer(answer.raw.res);
    if (handedOver === undefined) return new InjectedResponse(target, answer.statusCode, answer.statusMessage, answer.headers as OutgoingHttpHeaders, answer.payload);
    // The reply went out empty: its content-length (0) is not the answer's.
    const { 'content-length': _empty, ...headers } = answer.headers;
    return new InjectedResponse(target, answer.statusCode, answer.statusMessage, headers as OutgoingHttpHeaders, handedOver);
  }) as unknown as Fetcher;
}
