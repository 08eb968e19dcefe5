/**
 * Builds the console (web/dist) when its sources changed since the last build: `npm start` and
 * the test run's global setup call `ensureConsoleBuilt()`, so nobody runs Vite by hand. The stamp
 * web/dist/.sources is a hash of every input of the build (sources, index.html, Vite config and
 * the lock file, which pins React, DSFR and Vite).
 * Run alone: `npm run build:console` (rebuilds only when needed; `--force` always).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { hashFiles } from '../../platform/files-hash.js';

const WEB = fileURLToPath(new URL('..', import.meta.url));
const ROOT = join(WEB, '..');
export const DIST = join(WEB, 'dist');
const STAMP = join(DIST, '.sources');
const INPUTS = [join(WEB, 'src'), join(WEB, 'index.html'), join(WEB, 'vite.config.ts'), join(ROOT, 'package-lock.json')];

/** The hash of the build's inputs: paths and contents, in a stable order. */
export function sourcesHash(): string {
  return hashFiles(ROOT, INPUTS);
}

/**
 * Vite in a child process with NODE_ENV=production, whatever the caller's NODE_ENV (`test` in the
 * test run, unset or `development` at `npm start`): Vite and the React plugin pick the production
 * JSX runtime and React build from it, and the caller's process never loads Vite.
 */
function viteInChild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', './scripts/runtime/ts-resolve.ts', fileURLToPath(import.meta.url), '--vite-only'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`the console's Vite build failed (${signal ?? `exit ${code}`})`))));
  });
}

export interface BuildOutcome {
  built: boolean;
  seconds: number;
}

export async function ensureConsoleBuilt(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<BuildOutcome> {
  const started = performance.now();
  const hash = sourcesHash();
  const current = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : null;
  if (!options.force && current === hash && existsSync(join(DIST, 'index.html'))) return { built: false, seconds: 0 };
  options.log?.('building the console (web/dist)…');
  await viteInChild();
  writeFileSync(STAMP, `${hash}\n`);
  const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
  options.log?.(`console built in ${seconds} s`);
  return { built: true, seconds };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv.includes('--vite-only')) {
  const { build } = await import('vite');
  await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn' });
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outcome = await ensureConsoleBuilt({ force: process.argv.includes('--force'), log: (line) => console.log(line) });
  if (!outcome.built) console.log('console up to date (web/dist)');
}
