/**
 * The process guard of the entry scripts (platform/process-guard.ts), in a child process set up as
 * they set up theirs: an unhandled rejection is logged, counted on /metrics, and the process lives;
 * an uncaught exception is logged and ends it with status 1.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const FIXTURE = fileURLToPath(new URL('./fixtures/process-guard/server.ts', import.meta.url));
let child: ChildProcess | null = null;

afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  child = null;
});

/** Starts the fixture; resolves with its base URL, the lines it logs so far, and its exit. */
async function startFixture() {
  const started = spawn(process.execPath, ['--import', './scripts/runtime/ts-resolve.ts', FIXTURE], { stdio: ['ignore', 'pipe', 'pipe'] });
  child = started;
  const lines: Array<Record<string, unknown>> = [];
  // 'close', not 'exit': it comes after the child's stdout is read to its end, last log line included.
  const exited = new Promise<number | null>((resolve) => started.on('close', (code) => resolve(code)));
  const base = await new Promise<string>((resolve, reject) => {
    createInterface({ input: started.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        if (typeof entry.port === 'number') resolve(`http://127.0.0.1:${entry.port}`);
        else lines.push(entry);
      } catch {
        // not a log line
      }
    });
    void exited.then((code) => reject(new Error(`fixture exited with ${code}`)));
  });
  return { base, lines, exited };
}

async function counter(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('process_unhandled_rejections_total'));
  return Number(line?.split(' ').at(-1));
}

describe('process guard', () => {
  it('logs and counts an unhandled rejection, and the process answers on', async () => {
    const { base, lines } = await startFixture();
    expect(await counter(base)).toBe(0);
    expect((await fetch(`${base}/reject`, { method: 'POST' })).status).toBe(200);
    await expect.poll(() => counter(base)).toBe(1);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    // The log line travels on the child's stdout pipe, which /metrics's answer can overtake.
    const find = () => lines.find((l) => String(l.msg).startsWith('unhandled promise rejection'));
    await expect.poll(() => find()?.level).toBe(50); // pino's error
    const logged = find();
    expect((logged?.err as { message?: string } | undefined)?.message).toBe('a rejection nobody handles');
    await fetch(`${base}/reject`, { method: 'POST' });
    await expect.poll(() => counter(base)).toBe(2);
  });

  it('logs an uncaught exception and exits with status 1', async () => {
    const { base, lines, exited } = await startFixture();
    await fetch(`${base}/throw`, { method: 'POST' });
    expect(await exited).toBe(1);
    const logged = lines.find((l) => String(l.msg).startsWith('uncaught exception'));
    expect(logged?.level).toBe(60); // pino's fatal
  });
});
