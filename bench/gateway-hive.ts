/**
 * Issue 16's gateway comparison (`npm run bench:gateway`): ROR Hub's gateway against Hive Gateway
 * (`@graphql-hive/gateway-runtime`, default settings) on the same subgraphs and the same committed
 * supergraph. The bench's hub (subgraphs + gateway in this process) is started once; ROR Hub's
 * gateway also runs in a process of its own, and so does Hive (bench/lib/gateway-child.ts), both
 * pointed at the hub's subgraphs; each also without its in-flight deduplication, for the
 * gateways' own cost at the same number of subgraph fetches. Load: autocannon in its own process, `connections` clients for
 * `seconds` per target, every target of a query one after the other within a round (the order
 * turns each round), `rounds` rounds; ratios are medians of per-round ratios, so that a change of
 * the machine's load between rounds weighs on both sides of a ratio alike.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import type { SubgraphName } from '../platform/config.js';
import { ANONYMOUS } from '../platform/auth/identity.js';
import { IDENTITY_HEADER, signIdentity } from '../platform/auth/internal-token.js';
import type { BenchHub } from './lib/hub.js';
import { graphqlRequests } from './lib/graphql.js';

/** The two queries: one subgraph (anonymous, the public directory) and three (a regional user). */
export const GATEWAY_QUERIES = {
  one: {
    label: '`establishments(first: 20)`, one subgraph (anonymous)',
    query: '{ establishments(first: 20) { edges { node { id name address { city } } } } }',
    direct: 'offer' as SubgraphName | null,
  },
  three: {
    label: 'establishment → units → capacity + tensions, three subgraphs (`admin.ars`)',
    query: '{ establishment(id: "370004467") { name units { name capacity { installedBeds availableBeds } } tensions { level status } } }',
    direct: null as SubgraphName | null,
  },
} as const;
export type QueryName = keyof typeof GATEWAY_QUERIES;

export const TARGETS = ['direct', 'ror-hub-process', 'ror-own-process', 'ror-nodedup', 'hive', 'hive-nodedup'] as const;
export type Target = (typeof TARGETS)[number];
export const TARGET_LABELS: Record<Target, string> = {
  direct: 'direct to the subgraph',
  'ror-hub-process': 'ROR Hub gateway, in the hub process',
  'ror-own-process': 'ROR Hub gateway, own process',
  'ror-nodedup': 'ROR Hub gateway, own process, `ROR_GATEWAY_DEDUP=false`',
  hive: 'Hive Gateway, default (own process)',
  'hive-nodedup': 'Hive Gateway, upstream dedup off',
};

export interface GatewayBenchOptions {
  seconds: number;
  rounds: number;
  connections: number;
  /** Unmeasured seconds per target and query before the first round (JIT, caches, sockets). */
  warmupSeconds: number;
  targets: readonly Target[];
}

export interface Sample {
  round: number;
  query: QueryName;
  target: Target;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Subgraph POST /graphql requests (all subgraphs, identity lookups included) per client request. */
  subgraphRequestsPerRequest: number;
  load: string;
}

export interface GatewayFigures {
  samples: Sample[];
  /** Every target gave the same `data` for each query (checked before the rounds). */
  sameAnswers: boolean;
  hiveVersion: string;
}

const require = createRequire(import.meta.url);
const AUTOCANNON = require.resolve('autocannon/autocannon.js');

interface Endpoint {
  url: string;
  headers: Record<string, string>;
}

/** Runs a gateway child until `stop`; resolves with its GraphQL URL once it listens. */
async function startChild(kind: 'ror' | 'ror-nodedup' | 'hive' | 'hive-nodedup', bench: BenchHub): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', './scripts/runtime/ts-resolve.ts', 'bench/lib/gateway-child.ts', kind], {
    env: { ...process.env, BENCH_GATEWAY_SETUP: JSON.stringify({ env: { ...bench.env, ROR_PUBLIC_URL: bench.base }, subgraphUrls: bench.hub.urls.subgraphs }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = /^listening (\S+)$/.exec(line);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`gateway child ${kind} exited (${code}) before listening`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}

/** autocannon in its own process (its CPU is not the gateway's), JSON summary on stdout. */
function autocannon(endpoint: Endpoint, body: string, seconds: number, connections: number): Promise<LoadResult> {
  const headers = Object.entries({ 'content-type': 'application/json', ...endpoint.headers }).flatMap(([k, v]) => ['-H', `${k}=${v}`]);
  const args = [AUTOCANNON, '-j', '-n', '-c', String(connections), '-d', String(seconds), '-m', 'POST', ...headers, '-b', body, endpoint.url];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err}`));
      const r = JSON.parse(out) as { requests: { average: number; total: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number };
      resolve({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total, non2xx: r.non2xx, errors: r.errors });
    });
  });
}

async function answer(endpoint: Endpoint, body: string): Promise<string> {
  const response = await fetch(endpoint.url, { method: 'POST', headers: { 'content-type': 'application/json', ...endpoint.headers }, body });
  const json = (await response.json()) as { data?: unknown; errors?: unknown };
  if (response.status !== 200 || json.errors || !json.data) throw new Error(`${endpoint.url}: HTTP ${response.status} ${JSON.stringify(json).slice(0, 500)}`);
  return JSON.stringify(json.data);
}

const subgraphTotal = async (urls: Record<SubgraphName, string>) => (await Promise.all(Object.values(urls).map(graphqlRequests))).reduce((a, b) => a + b, 0);

/**
 * The comparison. `userAuthorization` is `admin.ars`'s bearer (the three-subgraph query); the
 * one-subgraph query is anonymous. Direct requests carry an anonymous envelope signed here, as the
 * gateway would (the subgraphs answer nothing else).
 */
export async function runGatewayBench(bench: BenchHub, userAuthorization: string, options: GatewayBenchOptions, log: (line: string) => void): Promise<GatewayFigures> {
  const children: Array<{ stop: () => Promise<void> }> = [];
  try {
    const urls: Partial<Record<Target, string>> = { 'ror-hub-process': bench.hub.urls.graphql };
    for (const [target, kind] of [['ror-own-process', 'ror'], ['ror-nodedup', 'ror-nodedup'], ['hive', 'hive'], ['hive-nodedup', 'hive-nodedup']] as const) {
      if (!options.targets.includes(target)) continue;
      const child = await startChild(kind, bench);
      children.push(child);
      urls[target] = child.url;
    }
    const endpointOf = async (target: Target, query: QueryName): Promise<Endpoint | null> => {
      const q = GATEWAY_QUERIES[query];
      if (target === 'direct') {
        if (!q.direct) return null;
        // Signed afresh (valid 60 s), not from the cache: a run must not outlive its envelope.
        return { url: bench.hub.urls.subgraphs[q.direct], headers: { [IDENTITY_HEADER]: await signIdentity(ANONYMOUS, bench.internalSecret, q.direct, { now: Date.now() }) } };
      }
      return { url: urls[target]!, headers: query === 'three' ? { authorization: userAuthorization } : {} };
    };
    const targets = options.targets.filter((t) => t === 'direct' || urls[t]);
    let sameAnswers = true;
    for (const query of Object.keys(GATEWAY_QUERIES) as QueryName[]) {
      const body = JSON.stringify({ query: GATEWAY_QUERIES[query].query });
      const answers = new Map<Target, string>();
      for (const target of targets) {
        const endpoint = await endpointOf(target, query);
        if (endpoint) answers.set(target, await answer(endpoint, body));
      }
      const distinct = new Set(answers.values());
      if (distinct.size !== 1) {
        sameAnswers = false;
        log(`warning: ${query}: the targets' answers differ (${[...answers.keys()].join(', ')})`);
      }
      if (options.warmupSeconds > 0) {
        for (const target of targets) {
          const endpoint = await endpointOf(target, query);
          if (endpoint) await autocannon(endpoint, body, options.warmupSeconds, options.connections);
        }
      }
    }
    const samples: Sample[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      for (const query of Object.keys(GATEWAY_QUERIES) as QueryName[]) {
        const body = JSON.stringify({ query: GATEWAY_QUERIES[query].query });
        const shift = (round - 1) % targets.length; // a different target goes first each round
        for (const target of [...targets.slice(shift), ...targets.slice(0, shift)]) {
          const endpoint = await endpointOf(target, query);
          if (!endpoint) continue;
          const loadBefore = loadavg()[0]!.toFixed(1);
          const before = await subgraphTotal(bench.hub.urls.subgraphs);
          const r = await autocannon(endpoint, body, options.seconds, options.connections);
          const after = await subgraphTotal(bench.hub.urls.subgraphs);
          if (r.non2xx || r.errors) log(`warning: ${target} ${query}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
          const sample: Sample = {
            round, query, target, rps: r.rps, p50: r.p50, p99: r.p99, requests: r.total,
            subgraphRequestsPerRequest: r.total ? (after - before) / r.total : NaN,
            load: `${loadBefore} → ${loadavg()[0]!.toFixed(1)}`,
          };
          samples.push(sample);
          log(JSON.stringify(sample));
        }
      }
    }
    return { samples, sameAnswers, hiveVersion: (require('@graphql-hive/gateway-runtime/package.json') as { version: string }).version };
  } finally {
    for (const child of children) await child.stop();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Median over rounds of `target`'s figure divided by `base`'s in the same round. */
export function medianRatio(samples: Sample[], query: QueryName, target: Target, base: Target, figure: (s: Sample) => number): number {
  const ratios: number[] = [];
  for (const s of samples.filter((x) => x.query === query && x.target === target)) {
    const b = samples.find((x) => x.query === query && x.target === base && x.round === s.round);
    if (b && figure(b) > 0) ratios.push(figure(s) / figure(b));
  }
  return ratios.length ? median(ratios) : NaN;
}

export function medianOf(samples: Sample[], query: QueryName, target: Target, figure: (s: Sample) => number): number {
  const values = samples.filter((x) => x.query === query && x.target === target).map(figure);
  return values.length ? median(values) : NaN;
}
