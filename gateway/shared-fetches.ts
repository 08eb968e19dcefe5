/**
 * Identical subgraph fetches (subgraph, operation, variables, identity) share one request:
 * - queries of concurrent clients: while the first is in flight only (`windowMs: 0`), so nothing
 *   is ever served from a cache once its answer has arrived;
 * - one change reaching several subscription executions: also within a short window after the
 *   answer, short so that a record changed right after is not served stale to the next event.
 * The key holds the verified identity, never the envelope (it differs per request while meaning
 * the same caller), so two callers never share an answer. Mutations are never shared: each must
 * run. A failure reaches every sharer as it would have reached the first alone.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions, ServiceMap } from '@apollo/gateway';
import type { GatewayContext } from './context.js';

type Result = Awaited<ReturnType<GraphQLDataSource['process']>>;

export interface SharedFetchesOptions {
  /** How long an answer keeps serving identical fetches after it arrived; 0: in flight only. */
  windowMs: number;
  /** Told each fetch answered by another's request (the gateway's metrics). */
  onShared?: (subgraph: string) => void;
}

interface Entry {
  /** When the answer arrived; null while in flight. */
  settledAt: number | null;
  /** Whether another caller joined the first request. */
  shared: boolean;
  result: Promise<Result>;
}

const MUTATION = /^\s*mutation\b/;

/** Only operations fetched for a client's (or an event's) operation: never health checks or schema loads. */
function shareable(options: GraphQLDataSourceProcessOptions): boolean {
  return options.kind === 'incoming operation' && !MUTATION.test(options.request.query ?? '');
}

function keyOf(name: string, options: GraphQLDataSourceProcessOptions): string {
  const context = options.context as GatewayContext | undefined;
  return [name, options.request.query, JSON.stringify(options.request.variables ?? {}), JSON.stringify(context?.identity ?? null)].join('\u0000');
}

/**
 * The gateway merges later fetches' fields into the objects of an answer's `data`, so callers that
 * shared an answer each get their own copy of it; a caller alone keeps the original (no cost
 * without sharing). Only `data`: the rest is read, never written, and `http` (a fetch Response)
 * cannot be cloned.
 */
function answerFor(entry: Entry): Promise<Result> {
  return entry.result.then((result) => (entry.shared && result.data ? { ...result, data: structuredClone(result.data) } : result));
}

export function withSharedFetches(services: ServiceMap, options: SharedFetchesOptions): ServiceMap {
  const entries = new Map<string, Entry>();
  const forget = (now: number) => {
    for (const [k, v] of entries) if (v.settledAt !== null && now - v.settledAt >= options.windowMs) entries.delete(k); // few entries: a scan is enough
  };
  const share = (name: string, source: GraphQLDataSource): GraphQLDataSource => ({
    process: (request: GraphQLDataSourceProcessOptions) => {
      if (!shareable(request)) return source.process(request);
      forget(Date.now());
      const key = keyOf(name, request);
      const hit = entries.get(key);
      if (hit) {
        options.onShared?.(name);
        hit.shared = true;
        return answerFor(hit);
      }
      const entry: Entry = { settledAt: null, shared: false, result: source.process(request) };
      entries.set(key, entry);
      // Registered before the first caller's own reaction: in-flight-only entries are gone once answered.
      const settle = () => {
        if (options.windowMs === 0) entries.delete(key);
        else entry.settledAt = Date.now();
      };
      entry.result.then(settle, settle);
      return answerFor(entry);
    },
  });
  return Object.fromEntries(Object.entries(services).map(([name, source]) => [name, share(name, source)]));
}
