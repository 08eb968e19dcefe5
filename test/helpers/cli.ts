/** Runs one of the project's commands (`scripts/*.ts`) as a real process, as a user would (as package.json runs it: Node's type stripping, D102). */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandIo } from '../../scripts/lib/import-cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `script` relative to the project root; `env` is added to this process's environment. */
export function runScript(script: string, args: readonly string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', join(root, 'scripts/runtime/ts-resolve.ts'), join(root, script), ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs a command's `main` in this process, as `runScript` would run its script (the same
 * arguments, `env` over this process's environment, the exit code and both outputs), without a
 * Node start and the command's module loading: for the many runs of a test, next to one or two
 * real process runs that prove the script itself.
 */
export async function runMain(
  main: (argv: string[], io: CommandIo) => number | Promise<number>,
  args: readonly string[],
  env: Record<string, string>,
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main([...args], {
    env: { ...process.env, ...env },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}
