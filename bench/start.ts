/**
 * `npm start` to ready, as an operator starts it (issue 16): `node … scripts/start.ts` in its own
 * process, on an embedded database in a data directory on disk, timed from the spawn to
 *   - the gateway's `/ready` answering 200 (it asks every subgraph's `/ready`),
 *   - a first query answered through the gateway (an establishment and its units, from the offer
 *     subgraph's database, anonymous: no sign-in cost is counted),
 *   - the "ROR Hub ready in … s" line (the process's own clock, from its start).
 * Each round runs, interleaved: the floor (a bare Node process answering HTTP), a first start
 * (new data directory: the database is created, migrated and seeded) and a warm start (the data
 * directory the first start left). The console must be built already (`npm run build:console`):
 * its Vite build is a one-off per checkout, reported by the first start apart.
 *
 *   node --import ./scripts/runtime/ts-resolve.ts bench/start.ts [--runs 5] [--before DIR] [--out FILE]
 *   (or `npm run bench -- --only start`)
 * `--before DIR`: another checkout of the hub (its node_modules and web/dist in place), started the
 * same way in the same rounds, for before/after figures measured side by side.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, availableParallelism, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { processGroup, reservePortRange, type NpmProcess } from '../test/helpers/process.js';
import { summarize, table, now } from './lib/stats.js';

const QUERY = '{ establishments(first: 1) { edges { node { id name units { id name } } } } }';

interface StartFigures {
  readyMs: number;
  queryMs: number;
  /** What the hub printed ("ready in X s"), in ms; NaN for the floor. */
  ownMs: number;
  /** User + system CPU of the hub's process at ready, from /proc (NaN elsewhere). */
  cpuMs: number;
}

const load = () => loadavg()[0]!.toFixed(1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every 20 ms until it resolves true; fails past `limitMs` or when the process exits. */
async function until(check: () => Promise<boolean>, child: NpmProcess, limitMs: number): Promise<number> {
  let exited = false;
  void child.exited.then(() => (exited = true));
  const started = now();
  for (;;) {
    if (await check().catch(() => false)) return now();
    if (exited) throw new Error(`the process exited before it was ready:\n${child.stdout()}\n${child.stderr()}`);
    if (now() - started > limitMs) throw new Error(`not ready after ${limitMs} ms:\n${child.stdout()}\n${child.stderr()}`);
    await sleep(20);
  }
}

/** The child's user + system CPU time in ms (Linux /proc; NaN elsewhere). */
function cpuOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return NaN;
  }
}

export interface LaunchedHub {
  child: NpmProcess;
  /** Gateway base URL (no path). */
  base: string;
  /** From the spawn to the gateway's /ready answering 200. */
  readyMs: number;
}

/** `npm start` as a process (scripts/start.ts of `checkout`) with `env`, returned once /ready answers. */
export async function launchHub(env: Record<string, string>, checkout = '.'): Promise<LaunchedHub> {
  const port = await reservePortRange(6);
  const base = `http://127.0.0.1:${port}`;
  const started = now();
  const child = processGroup(process.execPath, ['--import', resolve(checkout, 'scripts/runtime/ts-resolve.ts'), resolve(checkout, 'scripts/start.ts')], {
    PORT: String(port),
    LOG_LEVEL: 'warn',
    ROR_SNAPSHOT_TIME: '23:59', // as every bench: no daily snapshot in the middle of a measurement
    ...env,
  });
  try {
    const ready = await until(async () => (await fetch(`${base}/ready`)).ok, child, 180_000);
    return { child, base, readyMs: ready - started };
  } catch (error) {
    await stopHub(child);
    throw error;
  }
}

/** Ctrl-C, as an operator stops it; SIGKILL past 20 s. */
export async function stopHub(child: NpmProcess): Promise<void> {
  child.ctrlC();
  const timer = setTimeout(() => child.kill(), 20_000);
  await child.exited;
  clearTimeout(timer);
}

/** One start of the hub on `dataDir`; the process is stopped (Ctrl-C) before returning. */
async function startHub(dataDir: string, checkout = '.'): Promise<StartFigures> {
  const started = now();
  const { child, base, readyMs } = await launchHub({ ROR_DATA_DIR: dataDir }, checkout);
  try {
    const cpuMs = cpuOf(child.child.pid);
    const query = await until(async () => {
      const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
      const body = (await response.json()) as { data?: { establishments?: { edges: unknown[] } }; errors?: unknown };
      if (body.errors || !body.data?.establishments?.edges.length) throw new Error(`query failed: ${JSON.stringify(body)}`);
      return true;
    }, child, 60_000);
    const own = /ready in ([\d.]+) s/.exec(await child.waitFor(/ready in [\d.]+ s/));
    return { readyMs, queryMs: query - started, ownMs: Number(own?.[1]) * 1000, cpuMs };
  } finally {
    await stopHub(child);
  }
}

/** The floor: a bare Node process that answers HTTP, spawned and timed the same way. */
async function startFloor(): Promise<StartFigures> {
  const port = await reservePortRange(1);
  const started = now();
  const script = `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`;
  const child = processGroup(process.execPath, ['-e', script], {});
  try {
    const ready = await until(async () => (await fetch(`http://127.0.0.1:${port}/`)).ok, child, 30_000);
    return { readyMs: ready - started, queryMs: ready - started, ownMs: NaN, cpuMs: cpuOf(child.child.pid) };
  } finally {
    await stopHub(child);
  }
}

export interface StartBenchFigures {
  runs: number;
  floor: StartFigures[];
  first: StartFigures[];
  warm: StartFigures[];
  /** The same starts of the `--before` checkout, when given. */
  beforeFirst: StartFigures[];
  beforeWarm: StartFigures[];
  loads: string[];
}

export async function runStartBench(options: { runs: number; before?: string }, log: (line: string) => void): Promise<StartBenchFigures> {
  const figures: StartBenchFigures = { runs: options.runs, floor: [], first: [], warm: [], beforeFirst: [], beforeWarm: [], loads: [] };
  const s = (f: StartFigures) => `${(f.readyMs / 1000).toFixed(2)} s (query ${(f.queryMs / 1000).toFixed(2)} s)`;
  for (let round = 1; round <= options.runs; round++) {
    const folder = mkdtempSync(join(tmpdir(), 'ror-bench-start-'));
    try {
      figures.loads.push(load());
      const floor = await startFloor();
      figures.floor.push(floor);
      // Before and after alternate which goes first, so neither always meets a warmer page cache.
      const order = options.before && round % 2 === 0 ? ['before', 'after'] : ['after', 'before'];
      for (const which of order) {
        if (which === 'before' && !options.before) continue;
        const checkout = which === 'before' ? options.before : '.';
        const data = join(folder, `${which}-data`);
        const first = await startHub(data, checkout);
        const warm = await startHub(data, checkout);
        (which === 'before' ? figures.beforeFirst : figures.first).push(first);
        (which === 'before' ? figures.beforeWarm : figures.warm).push(warm);
        log(`round ${round} ${which}: first ${s(first)}, warm ${s(warm)}`);
      }
      log(`round ${round}: floor ${(floor.readyMs / 1000).toFixed(2)} s; load ${figures.loads.at(-1)}`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  return figures;
}

export function startTable(f: StartBenchFigures): string {
  const sec = (v: number) => (Number.isFinite(v) ? `${(v / 1000).toFixed(2)} s` : '—');
  const row = (what: string, runs: StartFigures[]) => {
    const ready = summarize(runs.map((r) => r.readyMs));
    const query = summarize(runs.map((r) => r.queryMs));
    const floor = summarize(f.floor.map((r) => r.readyMs));
    const own = summarize(runs.map((r) => r.ownMs));
    const cpu = summarize(runs.map((r) => r.cpuMs));
    const min = Math.min(...runs.map((r) => r.readyMs));
    return [what, sec(ready.p50), `${sec(min)} – ${sec(ready.max)}`, sec(query.p50), sec(own.p50), sec(cpu.p50), `×${(ready.p50 / floor.p50).toFixed(1)}`];
  };
  return [
    `${f.runs} rounds, each: a bare Node HTTP process (the floor), a first start (new data directory), a warm start (the same directory), interleaved. ` +
      `1-minute load average at each round: ${f.loads.join(', ')}.`,
    '',
    table(['start', 'spawn → /ready p50', 'min – max', 'spawn → first query p50', '"ready in" printed p50', 'CPU of the process at ready p50', '/ready ÷ floor'], [
      row('bare Node HTTP server (floor)', f.floor),
      ...(f.beforeFirst.length ? [row('before: `npm start`, first start', f.beforeFirst), row('before: `npm start`, warm', f.beforeWarm)] : []),
      row('`npm start`, first start (new data directory)', f.first),
      row('`npm start`, warm (existing data directory)', f.warm),
    ]),
  ].join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, before: { type: 'string' }, out: { type: 'string' } } });
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const header = `- date: ${new Date().toISOString()}; machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}; load before ${load()}`;
  const figures = await runStartBench({ runs: Number(values.runs), before: values.before }, log);
  const report = `${header}\n\n${startTable(figures)}\n`;
  log(`\n${report}`);
  if (values.out) writeFileSync(values.out, report);
}
