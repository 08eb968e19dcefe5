/**
 * The project's npm scripts as long-running processes, started and stopped as an operator would:
 * in their own process group, so that `ctrlC()` signals every process of it at once, like a
 * terminal's Ctrl-C (npm, and whatever npm started).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Variables of the runner's environment that would change a hub's ports or database: cleared (empty counts as unset). */
const CLEARED = ['PORT', 'OFFER_PORT', 'CAPACITIES_PORT', 'TENSIONS_PORT', 'PROFESSIONALS_PORT', 'ROR_PUBLIC_URL', 'DATABASE_URL', 'ROR_DB_IN_MEMORY', 'ROR_DATA_DIR'];
/** CLEARED as an environment: under the variables of a command run in this process (helpers/cli.ts runMain) as these processes get it. */
export const CLEARED_ENV: Readonly<Record<string, string>> = Object.fromEntries(CLEARED.map((name) => [name, '']));

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface NpmProcess {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the output so far once `pattern` appears on stdout or stderr; rejects if the process exits first. */
  waitFor(pattern: RegExp): Promise<string>;
  readonly exited: Promise<Exit>;
  /** SIGINT to the whole process group, as a terminal's Ctrl-C. */
  ctrlC(): void;
  /** SIGKILL to the whole process group (test clean-up). */
  kill(): void;
}

/** `npm <args>` at the project root with `env` over this process's environment. */
export function npm(args: readonly string[], env: Record<string, string>): NpmProcess {
  return processGroup('npm', args, env);
}

/**
 * `npm run -s <script> -- <args>` without npm: the script's own command line from package.json
 * (a `node …` command: Node's flags, ts-resolve, the entry), run by this Node, at the project
 * root, as npm would run it. For tests of what the script's process does, not of `npm` itself
 * (operations.test.ts runs `npm start` and `npm run serve` through npm): npm's own start is a
 * Node process of its own, about 0.15 s of CPU per run.
 */
export function npmScript(script: string, args: readonly string[], env: Record<string, string>): NpmProcess {
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [command, ...words] = (scripts[script] ?? '').split(/\s+/);
  if (command !== 'node' || words.some((word) => /["'$&|;<>`\\]/.test(word))) throw new Error(`package.json's ${script} is not a plain node command: ${scripts[script]}`);
  return processGroup(process.execPath, [...words, ...args], env);
}

/** `command <args>` at the project root, leading a new process group, with `env` over this process's environment. */
export function processGroup(command: string, args: readonly string[], env: Record<string, string>): NpmProcess {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...CLEARED_ENV, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((check) => check());
  child.stdout?.on('data', (chunk: Buffer) => ((out += chunk.toString()), notify()));
  child.stderr?.on('data', (chunk: Buffer) => ((err += chunk.toString()), notify()));
  const exited = new Promise<Exit>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  let done = false;
  void exited.then(() => ((done = true), notify()));
  const group = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(out) || pattern.test(err)) {
            waiters.delete(check);
            resolve(out + err);
          } else if (done) {
            waiters.delete(check);
            reject(new Error(`exited before ${pattern}:\n${out}\n${err}`));
          }
        };
        waiters.add(check);
        check();
      }),
    ctrlC: () => group('SIGINT'),
    kill: () => group('SIGKILL'),
  };
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * A port P such that P … P + count - 1 are free (a gateway and its subgraphs at PORT + 1…4).
 * Drawn below the kernel's ephemeral range: a port of that range found free can be handed to any
 * outgoing connection or `listen(0)` of a parallel test before the hub binds it (seen in CI while
 * the scale-out test ran beside), a port below it only to an explicit bind.
 */
export async function reservePortRange(count: number): Promise<number> {
  const below = ephemeralRangeStart();
  for (;;) {
    const first = 10_000 + Math.floor(Math.random() * (below - 10_000 - count));
    const free = await Promise.all(Array.from({ length: count }, (_, i) => isFree(first + i)));
    if (free.every(Boolean)) return first;
  }
}

/** The first port the kernel hands out on its own (Linux; 32768 elsewhere, Linux's default). */
function ephemeralRangeStart(): number {
  try {
    const first = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return first > 11_000 ? first : 32_768;
  } catch {
    return 32_768;
  }
}
