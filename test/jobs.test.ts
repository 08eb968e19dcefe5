/**
 * The background-job scheduler (platform/jobs.ts, issue 19): one run at a time, no wake lost, a
 * failure logged and retried, a clean stop, and every job's runs on /metrics of a running hub.
 */
import { describe, it, expect, inject, vi } from 'vitest';
import { startJob, jobMetrics, type JobResult } from '../platform/jobs.js';
import { createLogger } from '../platform/logger.js';

const logger = createLogger('silent');
const hub = inject('hubs').pglite!;

/** A run that waits until released, recording how many runs overlapped. */
function gatedRun(results: JobResult[] = []) {
  let active = 0;
  let maxActive = 0;
  let runs = 0;
  let release: () => void = () => {};
  const run = async (): Promise<JobResult> => {
    runs++;
    active++;
    maxActive = Math.max(maxActive, active);
    await new Promise<void>((resolve) => (release = resolve));
    active--;
    return results.shift() ?? 'idle';
  };
  return { run, release: () => release(), stats: () => ({ runs, maxActive }) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

async function metricValue(name: keyof typeof jobMetrics, labels: Record<string, string>): Promise<number | undefined> {
  const { values } = await jobMetrics[name].get();
  return values.find((v) => Object.entries(labels).every(([k, l]) => (v.labels as Record<string, unknown>)[k] === l))?.value;
}

describe('startJob', () => {
  it('runs one at a time; wakes during a run coalesce into one more run', async () => {
    const gate = gatedRun();
    const job = startJob(logger, { name: 'test-coalesce', everyMs: 60_000, firstAfterMs: 0, run: gate.run });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(gate.stats().runs).toBe(1);
    job.wake();
    job.wake();
    job.wake();
    gate.release();
    await tick();
    await tick();
    expect(gate.stats().runs).toBe(2); // the three wakes: one run more
    gate.release();
    await job.idle();
    expect(gate.stats()).toEqual({ runs: 2, maxActive: 1 });
    await job.stop();
  });

  it('runNow resolves with the run that started after the call', async () => {
    const gate = gatedRun([1, 7]);
    const job = startJob(logger, { name: 'test-run-now', everyMs: 60_000, firstAfterMs: 0, run: gate.run });
    await new Promise((resolve) => setTimeout(resolve, 5)); // the first run is under way
    const answer = job.runNow();
    gate.release(); // the first run ends with 1: not the answer
    await tick();
    await tick();
    gate.release(); // the run asked for ends with 7
    expect(await answer).toBe(7);
    await job.stop();
    expect(await job.runNow()).toBe('idle'); // stopped: nothing runs
  });

  it('logs a failure, counts it, and runs again at its next period', async () => {
    let calls = 0;
    const job = startJob(logger, {
      name: 'test-failure',
      everyMs: 20,
      firstAfterMs: 0,
      run: async () => {
        calls++;
        if (calls === 1) throw new Error('boom');
        return 3;
      },
    });
    await expect(job.runNow()).rejects.toThrow('boom'); // the first run fails…
    await expect(job.runNow()).resolves.toBe(3); // …and the next one runs
    expect(await metricValue('runs', { job: 'test-failure', outcome: 'failed' })).toBe(1);
    expect(await metricValue('runs', { job: 'test-failure', outcome: 'done' })).toBeGreaterThanOrEqual(1);
    expect(await metricValue('lastSuccess', { job: 'test-failure' })).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(await metricValue('nextRun', { job: 'test-failure' })).toBeGreaterThan(Date.now() / 1000 - 1);
    await job.stop();
    expect(await metricValue('nextRun', { job: 'test-failure' })).toBeUndefined(); // stopped: no next run
  });

  it("logs a failed run at the job's failure level (warn for jobs that wait on another component)", async () => {
    const lines: Array<{ level: number; job: string; msg: string }> = [];
    const captured = createLogger('info', {}, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const failing = { everyMs: 60_000, firstAfterMs: 0, run: async (): Promise<JobResult> => Promise.reject(new Error('offer not up yet')) };
    const quiet = startJob(captured, { name: 'test-warn', failureLevel: 'warn', ...failing });
    const loud = startJob(captured, { name: 'test-error', ...failing });
    await Promise.allSettled([quiet.runNow(), loud.runNow()]);
    await Promise.all([quiet.stop(), loud.stop()]);
    const failures = lines.filter((l) => l.msg === 'job failed; retried at its next run').map((l) => [l.job, l.level]);
    expect(failures).toEqual(expect.arrayContaining([['test-warn', 40], ['test-error', 50]]));
  });

  it('stop waits for the run under way and no run starts after it', async () => {
    const gate = gatedRun();
    const job = startJob(logger, { name: 'test-stop', everyMs: 10, firstAfterMs: 0, run: gate.run });
    await new Promise((resolve) => setTimeout(resolve, 5));
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await tick();
    expect(stopped).toBe(false);
    expect(job.stopped).toBe(true);
    gate.release();
    await stopping;
    job.wake();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(gate.stats().runs).toBe(1);
  });
});

describe('jobs on /metrics', () => {
  it("a running hub shows its jobs' last and next runs", async () => {
    const metrics = async () => (await fetch(new URL('/metrics', hub.graphql))).text();
    // Jobs that run once at start have a last run (this file may run first: their first run may
    // still be under way); every job has its next one.
    const text = await vi.waitFor(
      async () => {
        const current = await metrics();
        for (const job of ['tension-mail-drafts', 'fhir-bulk-export', 'fhir-history-versions', 'capacity-snapshot']) {
          expect(current, job).toMatch(new RegExp(`job_last_run_timestamp_seconds\\{[^}]*job="${job}"`));
          expect(current, job).toMatch(new RegExp(`job_runs_total\\{[^}]*job="${job}"`));
        }
        return current;
      },
      { timeout: 20_000, interval: 250 },
    );
    // pglite-checkpoint: this hub is on PGlite, whose WAL only a checkpoint reclaims (D227).
    for (const job of ['fhir-subscription-delivery', 'fhir-subscription-fanout', 'admission-expiry', 'feed-retention', 'population-quarterly-snapshot', 'pglite-checkpoint']) {
      expect(text, job).toMatch(new RegExp(`job_next_run_timestamp_seconds\\{[^}]*job="${job}"`));
    }
  });
});
