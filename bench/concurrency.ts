/**
 * The embedded hub under concurrency (issue 16): one read query through the gateway from 1 and
 * from 20 concurrent clients, against the hub on embedded PGlite and on PostgreSQL.
 *
 * Each hub is `npm start` in its own process (bench/start.ts `launchHub`), as deployed in one
 * process: PGlite in a data directory on disk, PostgreSQL on a scratch database of
 * BENCH_DATABASE_URL (default the local server; created, then dropped). Both hold the demo region.
 * The clients run in this process (closed loop: each sends its next request when the previous one
 * answered). In-flight deduplication is off (`ROR_GATEWAY_DEDUP=false`): every client request
 * reaches the database, which is what is measured. Rounds interleave the two hubs and the two
 * concurrencies, so other work on the machine weighs on both alike.
 *
 *   node --import ./scripts/runtime/ts-resolve.ts bench/concurrency.ts [--seconds 10] [--rounds 2] [--out FILE]
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchHub, stopHub, type LaunchedHub } from './start.js';
import { now, summarize, table, type Summary } from './lib/stats.js';

/** A page of 20 establishments with their units: the offer subgraph's store, the gateway's plan and merge. */
const QUERY = '{ establishments(first: 20) { edges { node { id name address { city } units { id name discipline } } } } }';
const load = () => loadavg()[0]!.toFixed(1);

interface Run {
  clients: number;
  requests: number;
  perSecond: number;
  latency: Summary;
  errors: number;
}

async function ask(base: string): Promise<boolean> {
  const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
  const body = (await response.json()) as { data?: { establishments?: { edges: unknown[] } }; errors?: unknown };
  return response.ok && !body.errors && (body.data?.establishments?.edges.length ?? 0) === 20;
}

/** `clients` closed loops for `seconds`; latencies of the answers, errors counted apart. */
async function drive(base: string, clients: number, seconds: number): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  const until = now() + seconds * 1000;
  const started = now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (now() < until) {
        const sent = now();
        const ok = await ask(base).catch(() => false);
        if (ok) latencies.push(now() - sent);
        else errors += 1;
      }
    }),
  );
  const elapsed = (now() - started) / 1000;
  return { clients, requests: latencies.length, perSecond: latencies.length / elapsed, latency: summarize(latencies), errors };
}

async function scratchDatabase(server: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ror_bench_conc_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, rounds: { type: 'string', default: '2' }, out: { type: 'string' } } });
  const seconds = Number(values.seconds);
  const rounds = Number(values.rounds);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const header = `- date: ${new Date().toISOString()}; machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}; load before ${load()}`;
  const folder = mkdtempSync(join(tmpdir(), 'ror-bench-conc-'));
  const scratch = await scratchDatabase(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const hubs: Record<string, LaunchedHub> = {};
  const runs: Record<string, Run[]> = {};
  const loads: string[] = [];
  try {
    // Rate limits out of reach: every client calls from 127.0.0.1 (600 requests a minute by default).
    const common = { ROR_GATEWAY_DEDUP: 'false', NODE_ENV: 'development', ROR_RATE_LIMIT_API: '1000000' };
    hubs.PGlite = await launchHub({ ...common, ROR_DATA_DIR: join(folder, 'data') });
    hubs.PostgreSQL = await launchHub({ ...common, DATABASE_URL: scratch.url });
    for (const hub of Object.values(hubs)) await drive(hub.base, 4, 2); // warm-up: plans cached, sockets open, JIT
    for (let round = 1; round <= rounds; round++) {
      const order = round % 2 ? ['PGlite', 'PostgreSQL'] : ['PostgreSQL', 'PGlite'];
      for (const database of order) {
        for (const clients of round % 2 ? [1, 20] : [20, 1]) {
          loads.push(load());
          const run = await drive(hubs[database]!.base, clients, seconds);
          (runs[`${database} c=${clients}`] ??= []).push(run);
          log(`round ${round} ${database} c=${clients}: ${run.perSecond.toFixed(0)} req/s, p50 ${run.latency.p50.toFixed(1)} ms, p99 ${run.latency.p99.toFixed(1)} ms, ${run.errors} errors; load ${loads.at(-1)}`);
        }
      }
    }
  } finally {
    for (const hub of Object.values(hubs)) await stopHub(hub.child);
    await scratch.drop();
    rmSync(folder, { recursive: true, force: true });
  }
  const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
  const rows = Object.entries(runs).map(([key, list]) => {
    const [database, c] = key.split(' ');
    const single = runs[`${database} c=1`]!;
    return [
      database!, c!.slice(2), median(list.map((r) => r.perSecond)).toFixed(0), `×${(median(list.map((r) => r.perSecond)) / median(single.map((r) => r.perSecond))).toFixed(2)}`,
      `${median(list.map((r) => r.latency.p50)).toFixed(1)} ms`, `${median(list.map((r) => r.latency.p99)).toFixed(1)} ms`, String(list.reduce((s, r) => s + r.errors, 0)),
    ];
  }).sort((a, b) => a[0]!.localeCompare(b[0]!) || Number(a[1]) - Number(b[1]));
  const report = [
    header,
    '',
    `Query (anonymous, through the gateway, one hub process each, \`ROR_GATEWAY_DEDUP=false\`): \`${QUERY}\`. ${rounds} rounds of ${seconds} s per case, interleaved; medians of the rounds. 1-minute load average at each run: ${loads.join(', ')}.`,
    '',
    table(['database', 'clients', 'requests/s', '÷ c=1', 'p50', 'p99', 'errors'], rows),
    '',
  ].join('\n');
  log(`\n${report}`);
  if (values.out) writeFileSync(values.out, report);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
