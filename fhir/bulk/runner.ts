/**
 * The export worker of one hub process. It takes jobs from the database (its own kick-offs at
 * once, others' and interrupted ones at each tick), writes each type's resources as NDJSON chunks
 * while renewing its lease, and deletes expired jobs.
 *
 * A job never stays stuck: a worker shutting down hands its jobs back to the queue; a worker that
 * dies stops renewing its lease and the next tick of any process takes the job again, from
 * scratch; after MAX_ATTEMPTS interrupted runs the job is failed with an explanation.
 */
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyBaseLogger } from 'fastify';
import type { Logger } from '../../platform/logger.js';
import type { BulkExportConfig } from '../../platform/config.js';
import type { GraphQLExecutor } from '../../platform/executor.js';
import { OperationOutcomeError } from '../outcomes.js';
import type { OperationOutcome } from '../types.js';
import { exportFailed } from './outcomes.js';
import { lanesOf, planPasses, type ExportedResource, type PlannedPass } from './sources.js';
import { resourcePages } from './pages.js';
import { MAX_ATTEMPTS, type BulkStore } from './store.js';
import type { ExportJob } from './tables.js';
import { startJob, type JobResult } from '../../platform/jobs.js';

/** A lease outlives the slowest page by far; a dead worker's job is taken again after it. */
const LEASE_SECONDS = 60;
/** How often a process looks for queued, abandoned and expired jobs. */
const TICK_MS = 5_000;
/** Lines are stored in chunks of about this many bytes: small enough to stream, large enough to be few rows. */
const CHUNK_BYTES = 512 * 1024;
/**
 * zlib's fastest level: NDJSON of FHIR resources still shrinks about twentyfold, and compressing
 * costs less CPU than sending and storing the plain text would (benchmarks.md, issue 16).
 */
const compress = (bytes: Buffer): Promise<Buffer> => promisify(gzip)(bytes, { level: 1 });

export interface RunnerOptions {
  store: BulkStore;
  execute: GraphQLExecutor;
  config: BulkExportConfig;
  log: FastifyBaseLogger;
  /**
   * Whether the database serves several queries at once (PostgreSQL): a job's lanes then run side
   * by side and each reads a page ahead. PGlite has one connection: concurrent reads would only
   * queue behind each other (and a page queued past the gateway's subgraph timeout fails the
   * job), so there the lanes run one after the other without reading ahead, as one reader.
   */
  parallel: boolean;
  /**
   * Whether a full read of the units goes through the subgraphs' export pages (pages.ts, D143)
   * rather than the GraphQL `units` list; the other reads, and `_since` reads, always take the list.
   */
  exportPages?: boolean;
  /**
   * The pause before the n-th new read of a page answered too late (× n; sources.ts
   * RETRY_PAUSE_MS by default). A test of the retries shortens it; a hub keeps the default.
   */
  retryPauseMs?: number;
}

export interface Runner {
  /** Looks for work now (after a kick-off in this process). */
  wake(): void;
  /** Stops taking jobs and hands the running ones back to the queue. */
  stop(): Promise<void>;
}

/** Why a job stopped early without failing. */
class Stopped extends Error {}

/** The file a type is being written to. */
interface OpenFile {
  fileNo: number;
  resources: number;
  chunks: number;
  /**
   * The chunk being filled, as UTF-8: each line is encoded once, straight from JSON.stringify's
   * flat string (a chunk kept as a string was a rope of a thousand lines, flattened and then
   * encoded again for zlib: 8 % of the job's main thread, docs/benchmarks.md).
   */
  buffer: Buffer;
  /** The other buffer, in compression while `buffer` fills (at most one chunk in flight). */
  spare: Buffer;
  bytes: number;
  buffered: number;
  /** The chunk being compressed and stored (at most one per file). */
  storing: Promise<void>;
}

/** A line of JSON takes at most three UTF-8 bytes per UTF-16 unit, and its newline one. */
const maxBytes = (line: string) => line.length * 3 + 1;

/**
 * Writes one job's NDJSON files, one open file per type (a pass may feed two types), a chunk at a
 * time, rolling a type over to a new file at the size limit. A file's writes come one after the
 * other (its type's lane awaits each), so a chunk's buffer is never written while it is flushed.
 */
class FileWriter {
  private readonly open = new Map<string, OpenFile>();
  private lastFileNo = 0;
  /** Resources written so far, all files. */
  written = 0;

  private readonly store: BulkStore;
  private readonly jobId: string;
  private readonly resourcesPerFile: number;

  constructor(store: BulkStore, jobId: string, resourcesPerFile: number) {
    this.store = store;
    this.jobId = jobId;
    this.resourcesPerFile = resourcesPerFile;
  }

  /**
   * Adds a resource's line to its file. Synchronous (undefined) unless a file is opened or a chunk
   * handed to compression, which the caller then awaits: most lines cost no promise or microtask.
   */
  write(resource: ExportedResource): Promise<void> | undefined {
    const file = this.open.get(resource.resourceType);
    if (!file || file.resources >= this.resourcesPerFile) return this.openAndWrite(resource, file);
    return this.append(file, JSON.stringify(resource));
  }

  private async openAndWrite(resource: ExportedResource, previous: OpenFile | undefined): Promise<void> {
    if (previous) await this.close(previous);
    const [buffer, spare] = [Buffer.allocUnsafe(2 * CHUNK_BYTES), Buffer.allocUnsafe(2 * CHUNK_BYTES)];
    const file: OpenFile = { fileNo: ++this.lastFileNo, resources: 0, chunks: 0, buffer, spare, bytes: 0, buffered: 0, storing: Promise.resolve() };
    this.open.set(resource.resourceType, file);
    await this.store.startFile(this.jobId, file.fileNo, resource.resourceType);
    await this.append(file, JSON.stringify(resource));
  }

  private append(file: OpenFile, line: string): Promise<void> | undefined {
    if (file.bytes + maxBytes(line) > file.buffer.length) return this.flushAndAppend(file, line);
    this.put(file, line);
    return file.bytes >= CHUNK_BYTES ? this.flush(file) : undefined;
  }

  private async flushAndAppend(file: OpenFile, line: string): Promise<void> {
    await this.flush(file);
    // A resource larger than a chunk's buffer (none of today's comes near) gets one of its own.
    if (maxBytes(line) > file.buffer.length) file.buffer = Buffer.allocUnsafe(maxBytes(line));
    this.put(file, line);
    if (file.bytes >= CHUNK_BYTES) await this.flush(file);
  }

  private put(file: OpenFile, line: string): void {
    file.bytes += file.buffer.write(line, file.bytes);
    file.buffer[file.bytes++] = 0x0a;
    file.buffered += 1;
    file.resources += 1;
    this.written += 1;
  }

  async flushAll(): Promise<void> {
    try {
      for (const file of this.open.values()) await this.close(file);
    } catch (error) {
      await this.settle();
      throw error;
    }
  }

  /** Waits for every chunk in flight, failed or not: nothing is written after the job ends. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.open.values()].map((f) => f.storing));
  }

  private async close(file: OpenFile): Promise<void> {
    await this.flush(file);
    await file.storing;
  }

  /**
   * Hands the buffered lines to compression and storage, and returns once the previous chunk of
   * the file is stored: the lane reads and maps on while zlib compresses on libuv's thread pool,
   * and a file holds at most one chunk in flight besides its buffer.
   */
  private async flush(file: OpenFile): Promise<void> {
    if (file.buffered === 0) return;
    const [chunkNo, lines, count] = [++file.chunks, file.buffer.subarray(0, file.bytes), file.buffered];
    // The previous chunk is stored (compressed) once `storing` settles: its buffer is free again.
    await file.storing;
    [file.buffer, file.spare] = [file.spare, file.buffer];
    file.bytes = 0;
    file.buffered = 0;
    file.storing = compress(lines).then((gz) => this.store.appendChunk(this.jobId, file.fileNo, chunkNo, gz, count));
    // Awaited by the next flush, close or settle; until then a failure must not go unhandled.
    file.storing.catch(() => undefined);
  }
}

/** X-Progress (under 100 characters, Bulk Data). */
function progressText(fields: string[], written: number): string {
  return `reading ${fields.join(', ')}: ${written} resources written`.slice(0, 99);
}

const isNewer = (resource: ExportedResource, since: Date | null): boolean =>
  since === null || new Date(resource.meta?.lastUpdated ?? 0).getTime() > since.getTime();

/** The error a job ends with when lanes stopped: a real failure wins over the others' Stopped. */
function firstFailure(results: PromiseSettledResult<void>[]): unknown {
  const reasons = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  return reasons.find((r) => !(r instanceof Stopped)) ?? reasons[0];
}

export function createRunner(options: RunnerOptions): Runner {
  const { store, execute, config, log, parallel, exportPages = false, retryPauseMs } = options;
  const worker = `bulk-${randomUUID()}`;
  const running = new Map<string, { stopping: boolean; done: Promise<void> }>();
  let stopped = false;

  /**
   * Runs every type of a job as its principal, its lanes (organisations, units, professionals)
   * side by side; throws Stopped when cancelled or shut down. A lane that fails halts the others
   * at their next page, and the job ends only once every lane has stopped, so nothing is written
   * after the job is failed.
   */
  async function exportJob(job: ExportJob, state: { stopping: boolean }): Promise<void> {
    await store.resetOutput(job.id);
    const writer = new FileWriter(store, job.id, config.resourcesPerFile);
    const passes = planPasses(job.types, job.since?.toISOString() ?? null);
    const lanes = parallel ? lanesOf(passes) : [passes];
    const reading = new Set<string>();
    let halted = false;
    const runLane = async (lane: PlannedPass[]): Promise<void> => {
      try {
        for (const pass of lane) {
          reading.add(pass.field);
          for await (const page of resourcePages(pass, execute, { principal: job.principal }, parallel, exportPages, retryPauseMs)) {
            if (halted) throw new Stopped('another lane stopped');
            for (const resource of page) {
              if (!isNewer(resource, job.since)) continue;
              const writing = writer.write(resource);
              if (writing) await writing;
            }
            if (state.stopping) throw new Stopped('shutting down');
            if (!(await store.renewLease(job.id, worker, LEASE_SECONDS, progressText([...reading], writer.written)))) {
              throw new Stopped('cancelled or taken over');
            }
          }
          reading.delete(pass.field);
        }
      } catch (error) {
        halted = true;
        throw error;
      }
    };
    const results = await Promise.allSettled(lanes.map(runLane));
    if (results.some((r) => r.status === 'rejected')) {
      await writer.settle();
      throw firstFailure(results);
    }
    await writer.flushAll();
    if (!(await store.complete(job.id, worker, config.retentionSeconds))) throw new Stopped('cancelled');
  }

  async function run(job: ExportJob, state: { stopping: boolean }): Promise<void> {
    if (job.attempts > MAX_ATTEMPTS) {
      const outcome = exportFailed(`The export was interrupted ${MAX_ATTEMPTS} times (its worker stopped); kick it off again.`);
      await store.fail(job.id, worker, outcome, config.retentionSeconds);
      return;
    }
    try {
      await exportJob(job, state);
      log.info({ jobId: job.id }, 'bulk export completed');
    } catch (error) {
      if (error instanceof Stopped) {
        if (state.stopping) await store.release(job.id, worker);
        return;
      }
      // A job cancelled mid-write makes its next write fail (its rows are gone): not a failure.
      if (!(await store.holds(job.id, worker))) return;
      const outcome: OperationOutcome = error instanceof OperationOutcomeError ? error.outcome : exportFailed(`Internal error (id ${job.id}).`);
      log.error({ err: error, jobId: job.id }, 'bulk export failed');
      await store.fail(job.id, worker, outcome, config.retentionSeconds);
    }
  }

  /** Deletes expired exports, then claims queued jobs while there is room; returns the jobs started. */
  async function tick(): Promise<JobResult> {
    const expired = await store.deleteExpired();
    if (expired > 0) log.info({ expired }, 'expired bulk exports deleted');
    let started = 0;
    if (!config.runJobs) return 'idle';
    while (!stopped && running.size < config.maxJobs) {
      const job = await store.claimNext(worker, LEASE_SECONDS);
      if (!job) break;
      started++;
      const state = { stopping: false, done: Promise.resolve() };
      state.done = run(job, state)
        .catch((error: unknown) => log.error({ err: error, jobId: job.id }, 'bulk export bookkeeping failed'))
        .finally(() => {
          running.delete(job.id);
          ticker.wake(); // a queued job may have waited for this place
        });
      running.set(job.id, state);
    }
    return started || 'idle';
  }

  // A kick-off wakes the job (it never waits for the timer); a wake during a tick ticks again.
  const ticker = startJob(log as unknown as Logger, { name: 'fhir-bulk-export', everyMs: TICK_MS, firstAfterMs: 0, run: tick, logRuns: false });
  return {
    wake: ticker.wake,
    stop: async () => {
      stopped = true;
      await ticker.stop();
      for (const state of running.values()) state.stopping = true;
      await Promise.all([...running.values()].map((s) => s.done));
    },
  };
}
