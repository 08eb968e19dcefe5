/**
 * FHIR bulk export of everything (`$export`, all types) as the national aggregator, against a
 * plain `COPY` of the rows it is built from. The export is timed from kick-off to the last byte
 * of the last file; status is polled every 100 ms (not at `Retry-After`'s 1 s) so the figure is
 * the server's, not the client's pace. Files are read as streams and only counted, so the bench
 * holds no file either. Peak RSS is sampled every 20 ms: the hub runs in this process, so it is
 * the hub's memory (with the embedded database when on PGlite).
 */
import { spawn } from 'node:child_process';
import { PerformanceObserver, constants, type PerformanceEntry } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { BenchHub } from './lib/hub.js';
import { now } from './lib/stats.js';
import { startProfiler } from './lib/profiler.js';
import { pgliteMemory, pgliteModule, showPglite, type PgliteMemory } from './lib/pglite-memory.js';
import { FLOOR_QUERY } from './export-floor.js';

export interface ExportFigures {
  /** Resources per type, from the manifest (checked against the lines received). */
  resources: Record<string, number>;
  files: number;
  bytes: number;
  /** What the files take in the database (gzip members since issue 16, text before). */
  storedBytes: number;
  /** Kick-off → manifest. */
  jobMs: number;
  /**
   * CPU time of this process (the hub, its subgraphs and, on PGlite, its database) from kick-off
   * to manifest: far less skewed than wall time by other work on a shared machine.
   */
  jobCpuMs: number;
  /** Garbage-collection pauses of the main thread during the job (ms): scavenges, and mark-compacts (whose marking is mostly concurrent). */
  jobGc: GcPauses;
  /** Manifest → last byte of the last file. */
  downloadMs: number;
  rssBeforeMb: number;
  /** Peak RSS while the job ran, then while the files were downloaded. */
  rssPeakJobMb: number;
  rssPeakDownloadMb: number;
  /** What made up the job's RSS peak. */
  memoryAtJobPeak: MemoryAtPeak;
  copy: { ms: number; bytes: number; rssPeakMb: number };
  /**
   * With `--floor`: PostgreSQL building JSON shaped like the resources from the same rows
   * (bench/export-floor.ts, a floor estimate, not a mapping), after the `_since` pull.
   */
  floor?: { ms: number; bytes: number };
  /** The next day's pull: `_since` the full export's transactionTime, after `changed` capacity entries. */
  since: { changed: number; jobMs: number; jobCpuMs: number; resources: Record<string, number>; rssPeakMb: number };
}

/** Capacity records the bench marks as entered after the full export, for the `_since` pull. */
const SINCE_CHANGES = 1_000;

/** What the process held at a phase's RSS peak (MiB): V8's heap (reserved, used), and memory outside it. */
export interface MemoryAtPeak {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

const mib = (bytes: number) => bytes / 2 ** 20;

/**
 * Samples memory every 20 ms; `take()` gives the highest RSS since the last take (MiB), and
 * `breakdown()` what made it up at that sample (taken before `take()`).
 */
function rssSampler(): { take: () => number; breakdown: () => MemoryAtPeak; stop: () => void } {
  const sample = (): MemoryAtPeak => {
    const m = process.memoryUsage();
    return { rss: mib(m.rss), heapTotal: mib(m.heapTotal), heapUsed: mib(m.heapUsed), external: mib(m.external), arrayBuffers: mib(m.arrayBuffers) };
  };
  let peak = sample();
  const timer = setInterval(() => {
    const m = sample();
    if (m.rss > peak.rss) peak = m;
  }, 20);
  return {
    take: () => {
      const value = Math.max(peak.rss, mib(process.memoryUsage.rss()));
      peak = sample();
      return value;
    },
    breakdown: () => peak,
    stop: () => clearInterval(timer),
  };
}

interface GcPauses {
  minorMs: number;
  majorMs: number;
  majors: number;
}

/** Sums the main thread's GC pauses until `stop()` (perf_hooks 'gc' entries). */
function gcPauses(): { stop: () => GcPauses } {
  const pauses: GcPauses = { minorMs: 0, majorMs: 0, majors: 0 };
  const add = (entries: PerformanceEntry[]) => {
    for (const entry of entries) {
      if ((entry as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        pauses.majorMs += entry.duration;
        pauses.majors += 1;
      } else pauses.minorMs += entry.duration;
    }
  };
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop: () => {
      add(observer.takeRecords());
      observer.disconnect();
      return pauses;
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Bytes and lines of a streamed download, without keeping it. */
async function drain(url: string, token: string): Promise<{ bytes: number; lines: number }> {
  const response = await fetch(url, { headers: { authorization: token, accept: 'application/fhir+ndjson' } });
  if (response.status !== 200 || !response.body) throw new Error(`download ${url}: HTTP ${response.status}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) lines += 1;
  }
  return { bytes, lines };
}

interface Manifest {
  transactionTime: string;
  output: Array<{ type: string; url: string; count: number }>;
}

type ExportRun = Omit<ExportFigures, 'copy' | 'rssBeforeMb' | 'since'> & { transactionTime: string };

/** Bytes a job's chunks take in the database (gzip members, or text written before them). */
async function storedBytes(bench: BenchHub, jobId: string): Promise<number> {
  const [row] = await bench.hub.db.rows<{ n: string | number | null }>(
    sql`select sum(coalesce(octet_length(gzip), 0) + coalesce(octet_length(lines), 0)) as n from fhir_bulk.export_chunk where job_id = ${jobId}`,
  );
  return Number(row?.n ?? 0);
}

interface RunOptions {
  query?: string;
  /** Called once the manifest is in, before the downloads. */
  atManifest?: () => Promise<void>;
}

async function runExport(bench: BenchHub, token: () => Promise<string>, rss: ReturnType<typeof rssSampler>, options: RunOptions = {}): Promise<ExportRun> {
  const { query = '', atManifest } = options;
  const fhir = bench.hub.urls.fhir;
  const started = now();
  const cpuBefore = process.cpuUsage();
  const gc = gcPauses();
  const kickOff = await fetch(`${fhir}/$export${query}`, { headers: { authorization: await token(), accept: 'application/fhir+json', prefer: 'respond-async' } });
  const status = kickOff.headers.get('content-location');
  if (kickOff.status !== 202 || !status) throw new Error(`kick-off: HTTP ${kickOff.status} ${await kickOff.text()}`);
  let manifest: Manifest | null = null;
  while (!manifest) {
    const response = await fetch(status, { headers: { authorization: await token() } });
    if (response.status === 200) manifest = (await response.json()) as Manifest;
    else if (response.status === 202) await sleep(100);
    else throw new Error(`status: HTTP ${response.status} ${await response.text()}`);
  }
  const jobMs = now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const jobCpuMs = (cpu.user + cpu.system) / 1000;
  const jobGc = gc.stop();
  const memoryAtJobPeak = rss.breakdown();
  const rssPeakJobMb = rss.take();
  await atManifest?.();
  const stored = await storedBytes(bench, status.split('/').at(-1)!);
  const resources: Record<string, number> = {};
  let bytes = 0;
  const downloadStarted = now();
  for (const output of manifest.output) {
    const file = await drain(output.url, await token());
    if (file.lines !== output.count) throw new Error(`${output.url}: ${file.lines} lines, manifest says ${output.count}`);
    resources[output.type] = (resources[output.type] ?? 0) + file.lines;
    bytes += file.bytes;
  }
  const downloadMs = now() - downloadStarted;
  const rssPeakDownloadMb = rss.take();
  await fetch(status, { method: 'DELETE', headers: { authorization: await token() } });
  return { resources, files: manifest.output.length, bytes, storedBytes: stored, jobMs, downloadMs, rssPeakJobMb, rssPeakDownloadMb, memoryAtJobPeak, jobGc, transactionTime: manifest.transactionTime, jobCpuMs };
}

/**
 * The daily pull: SINCE_CHANGES capacity records entered after `transactionTime` (by SQL, as the
 * seeding is), then `$export?_since=transactionTime`. Only those units' Locations must come.
 */
async function sincePull(bench: BenchHub, token: () => Promise<string>, rss: ReturnType<typeof rssSampler>, transactionTime: string): Promise<ExportFigures['since']> {
  await bench.hub.db.rows(sql`
    update capacities.unit_capacity set updated_at = now()
    where unit_id in (select unit_id from capacities.unit_capacity order by unit_id limit ${SINCE_CHANGES})`);
  rss.take();
  const pulled = await runExport(bench, token, rss, { query: `?_since=${encodeURIComponent(transactionTime)}` });
  const expected = JSON.stringify({ Location: SINCE_CHANGES });
  if (JSON.stringify(pulled.resources) !== expected) throw new Error(`_since pull: ${JSON.stringify(pulled.resources)}, expected ${expected}`);
  return { changed: SINCE_CHANGES, jobMs: pulled.jobMs, jobCpuMs: pulled.jobCpuMs, resources: pulled.resources, rssPeakMb: pulled.rssPeakJobMb };
}

/** The rows the export reads (legal entities, establishments, units with their capacity), as one COPY to nowhere. */
const COPY_QUERY = `copy (
  select row_to_json(o) from offer.organization o
  union all select row_to_json(e) from offer.establishment e
  union all select json_build_object('unit', row_to_json(u), 'capacity', row_to_json(c))
    from offer.unit u left join capacities.unit_capacity c on c.unit_id = u.id
) to %TARGET%`;

/** PGlite: COPY into its in-memory blob device. PostgreSQL: psql's COPY TO STDOUT, bytes counted. */
async function plainCopy(bench: BenchHub, query = COPY_QUERY): Promise<{ ms: number; bytes: number }> {
  const started = now();
  if (bench.hub.db.kind === 'pglite') {
    const client = (bench.hub.db.orm as unknown as { $client: { query: (q: string) => Promise<{ blob?: Blob }> } }).$client;
    const result = await client.query(query.replace('%TARGET%', "'/dev/blob'"));
    return { ms: now() - started, bytes: result.blob?.size ?? 0 };
  }
  const [{ name } = { name: '' }] = await bench.hub.db.rows<{ name: string }>(sql`select current_database() as name`);
  const url = new URL(process.env.BENCH_DATABASE_URL ?? '');
  url.pathname = `/${name}`;
  const bytes = await new Promise<number>((resolve, reject) => {
    const psql = spawn('psql', [url.toString(), '-q', '-c', query.replace('%TARGET%', 'stdout').replace(/\n/g, ' ')]);
    let count = 0;
    psql.stdout.on('data', (chunk: Buffer) => (count += chunk.length));
    psql.on('error', reject);
    psql.on('close', (code) => (code === 0 ? resolve(count) : reject(new Error(`psql exited with ${code}`))));
  });
  return { ms: now() - started, bytes };
}

/**
 * `cpuProfile`: a CPU profile of the hub's thread over the full export's job (kick-off → manifest)
 * is written there. `floor`: the JSON-building SQL of bench/export-floor.ts is timed last.
 */
export async function runExportBench(bench: BenchHub, token: () => Promise<string>, log: (line: string) => void, cpuProfile?: string, floor = false): Promise<ExportFigures> {
  global.gc?.();
  if (global.gc) log(`export: before, after a full GC, heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
  const rss = rssSampler();
  const idle = rss.breakdown();
  const rssBeforeMb = idle.rss;
  try {
    log('export: running $export of every type…');
    const profiler = cpuProfile ? await startProfiler() : null;
    const pglite = pgliteModule(bench.hub.db.orm);
    const pgliteIdle = pglite ? pgliteMemory(pglite) : null;
    // The database's largest files during the job (the WAL may shrink at a checkpoint); WASM memory never shrinks.
    let pglitePeak: PgliteMemory | null = pgliteIdle;
    const pgliteTimer = pglite
      ? setInterval(() => {
          const m = pgliteMemory(pglite);
          if ((m.files ?? 0) > (pglitePeak?.files ?? 0)) pglitePeak = m;
        }, 500)
      : null;
    const atManifest = async () => {
      if (pgliteTimer) clearInterval(pgliteTimer);
      if (profiler && cpuProfile) await profiler.stop(cpuProfile);
    };
    const exported = await runExport(bench, token, rss, { atManifest });
    if (pglite && pgliteIdle) log(`export: PGlite idle: ${showPglite(pgliteIdle)}; job's largest files: ${showPglite(pglitePeak!)}; at the manifest: ${showPglite(pgliteMemory(pglite))}`);
    const show = (m: MemoryAtPeak) => `RSS ${m.rss.toFixed(0)}, V8 heap ${m.heapTotal.toFixed(0)} (used ${m.heapUsed.toFixed(0)}), external ${m.external.toFixed(0)} (array buffers ${m.arrayBuffers.toFixed(0)}) MiB`;
    log(`export: memory idle: ${show(idle)}; at the job's RSS peak: ${show(exported.memoryAtJobPeak)}`);
    log(`export: the job's GC pauses: scavenges ${exported.jobGc.minorMs.toFixed(0)} ms, ${exported.jobGc.majors} mark-compacts ${exported.jobGc.majorMs.toFixed(0)} ms`);
    log(`export: ${exported.files} files, ${(exported.bytes / 2 ** 20).toFixed(1)} MiB in ${((exported.jobMs + exported.downloadMs) / 1000).toFixed(1)} s`);
    if (global.gc) {
      global.gc();
      log(`export: after a full GC, heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB, RSS ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MiB`);
    }
    const copied = await plainCopy(bench);
    const copy = { ...copied, rssPeakMb: rss.take() };
    log(`export: _since pull after ${SINCE_CHANGES} capacity entries…`);
    const since = await sincePull(bench, token, rss, exported.transactionTime);
    // Last: on PGlite the floor's statement holds the event loop for tens of seconds (WebAssembly
    // in this thread); the `_since` pull's request that followed it failed (`fetch failed`).
    const floorFigures = floor ? await plainCopy(bench, FLOOR_QUERY) : undefined;
    return { ...exported, rssBeforeMb, copy, since, ...(floorFigures ? { floor: floorFigures } : {}) };
  } finally {
    rss.stop();
  }
}
