/**
 * Builds the console (web/dist) when its sources changed since the last build: `npm start` and
 * the test run's global setup call `ensureConsoleBuilt()`, so nobody runs Vite by hand. The stamp
 * web/dist/.sources is a hash of every input of the build (sources, index.html, Vite config and
 * the lock file, which pins React, DSFR and Vite).
 * Run alone: `npm run build:console` (rebuilds only when needed; `--force` always).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const WEB = fileURLToPath(new URL('..', import.meta.url));
const ROOT = join(WEB, '..');
export const DIST = join(WEB, 'dist');
const STAMP = join(DIST, '.sources');
const INPUTS = [join(WEB, 'src'), join(WEB, 'index.html'), join(WEB, 'vite.config.ts'), join(ROOT, 'package-lock.json')];

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  try {
    return readdirSync(path, { withFileTypes: true }).flatMap((entry) => files(join(path, entry.name)));
  } catch {
    return [path]; // not a directory
  }
}

/** The hash of the build's inputs: paths and contents, in a stable order. */
export function sourcesHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(files).sort()) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
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
  // Vite is loaded only when a build is due: a warm start does not pay for it.
  const { build } = await import('vite');
  await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(STAMP, `${hash}\n`);
  const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
  options.log?.(`console built in ${seconds} s`);
  return { built: true, seconds };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outcome = await ensureConsoleBuilt({ force: process.argv.includes('--force'), log: (line) => console.log(line) });
  if (!outcome.built) console.log('console up to date (web/dist)');
}
