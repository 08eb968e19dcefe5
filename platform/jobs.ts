/**
 * The hub's background jobs (mail delivery, exports, FHIR versions, snapshots, detection, expiries,
 * purges…) run on one scheduler: a job runs every `everyMs` and whenever it is woken, never twice
 * at once in a process (a wake during a run asks for one more run right after it, so no wake is
 * lost), logs its failures and is retried at its next run, and stops cleanly (stop() waits for
 * the run under way). Jobs that must run once across replicas claim their period first
 * (platform/periodic-job.ts, D112). Every job's last run, last success, next run, runs by outcome
 * and durations are Prometheus metrics on every server's /metrics (docs/observability.md), so an
 * operator sees a job that stopped succeeding without reading logs (issue 19).
 */
import { Counter, Gauge, Histogram } from 'prom-client';
import type { Logger } from './logger.js';

/** What a run did: a count is logged and counted as work done; `'idle'`: nothing was due. */
export type JobResult = number | void | 'idle';

export interface JobSpec {
  /** Unique in the process: the metrics' `job` label. */
  name: string;
  /** Delay between the end of a run and the next one. */
  everyMs: number;
  /** Delay of the first run (default everyMs; 0: at once). */
  firstAfterMs?: number;
  run: () => Promise<JobResult>;
  /** Log each run that did work at info (default true); a frequent poller says false. */
  logRuns?: boolean;
  /**
   * Level of a failed run's log line (default error). `warn` for a job whose runs may fail while
   * another component is not up yet and that retries on its own (the snapshot reads the offer).
   */
  failureLevel?: 'warn' | 'error';
}

export interface Job {
  /** Runs now (or once more right after the run under way). */
  wake(): void;
  /** As wake(), resolving with what the run that started after this call did (rejecting with its error). */
  runNow(): Promise<JobResult>;
  /** Resolves when no run is under way or asked for. */
  idle(): Promise<void>;
  /** No run after this; resolves once the run under way ended. */
  stop(): Promise<void>;
  /** True once stop() was called: a long run checks it to end early. */
  readonly stopped: boolean;
}

// Process-wide, as the jobs are: registered on every server's registry (platform/observability.ts).
export const jobMetrics = {
  lastRun: new Gauge({ name: 'job_last_run_timestamp_seconds', help: 'When each background job last finished a run (any outcome), Unix seconds', labelNames: ['job'], registers: [] }),
  lastSuccess: new Gauge({ name: 'job_last_success_timestamp_seconds', help: 'When each background job last finished a run without error, Unix seconds', labelNames: ['job'], registers: [] }),
  nextRun: new Gauge({ name: 'job_next_run_timestamp_seconds', help: 'When each background job runs next at the latest (it may be woken earlier), Unix seconds', labelNames: ['job'], registers: [] }),
  runs: new Counter({ name: 'job_runs_total', help: 'Background job runs by outcome: done (did work), idle (nothing due), failed', labelNames: ['job', 'outcome'], registers: [] }),
  duration: new Histogram({ name: 'job_run_duration_seconds', help: 'Background job run durations', labelNames: ['job'], buckets: [0.01, 0.05, 0.25, 1, 5, 30, 120, 600], registers: [] }),
};

const seconds = (ms: number) => ms / 1000;

/** Starts `spec` on its timer; see the module comment for the guarantees. */
export function startJob(logger: Logger, spec: JobSpec): Job {
  const log = logger.child({ job: spec.name });
  const labels = { job: spec.name };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  /** Callers of runNow() waiting for the next run to start and end. */
  let waiting: Array<{ resolve: (result: JobResult) => void; reject: (error: unknown) => void }> = [];

  const schedule = (delayMs: number) => {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(wake, delayMs);
    timer.unref(); // a job never keeps the process alive on its own
    jobMetrics.nextRun.set(labels, seconds(Date.now() + delayMs));
  };

  const runOnce = async () => {
    const waiters = waiting;
    waiting = [];
    const end = jobMetrics.duration.startTimer(labels);
    try {
      const result = await spec.run();
      jobMetrics.runs.inc({ ...labels, outcome: result === 'idle' ? 'idle' : 'done' });
      jobMetrics.lastSuccess.set(labels, seconds(Date.now()));
      if (typeof result === 'number' && result > 0 && spec.logRuns !== false) log.info({ done: result }, 'job ran');
      for (const waiter of waiters) waiter.resolve(result);
    } catch (error) {
      jobMetrics.runs.inc({ ...labels, outcome: 'failed' });
      log[spec.failureLevel ?? 'error']({ err: error }, 'job failed; retried at its next run');
      for (const waiter of waiters) waiter.reject(error);
    } finally {
      end();
      jobMetrics.lastRun.set(labels, seconds(Date.now()));
    }
  };

  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = runOnce().finally(() => {
      running = null;
      if (again) {
        again = false;
        wake();
      } else schedule(spec.everyMs);
    });
  }

  schedule(spec.firstAfterMs ?? spec.everyMs);
  return {
    wake,
    runNow: () => {
      if (stopped) return Promise.resolve('idle');
      const result = new Promise<JobResult>((resolve, reject) => waiting.push({ resolve, reject }));
      wake();
      return result;
    },
    idle: async () => {
      while (running) await running;
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      jobMetrics.nextRun.remove(labels);
      await running;
      for (const waiter of waiting.splice(0)) waiter.resolve('idle'); // asked after the last run

    },
    get stopped() {
      return stopped;
    },
  };
}
