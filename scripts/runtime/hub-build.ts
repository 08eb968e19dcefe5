/**
 * The hub's production build (issue 16, D203 amending D102): `npm start` runs
 * scripts/lib/run-start.ts (and `npm run serve` scripts/lib/run-serve.ts, D217) bundled by rolldown (Vite's bundler, a production dependency) into a few
 * files under .build/hub/<hash>/, instead of Node resolving, reading and compiling about 2,500
 * modules one by one. The folder is named by a hash of the build's inputs (the sources and the
 * lock file), so a start after a change (or after `npm ci`) rebuilds it once, and an unchanged
 * checkout starts from the files already built. The Dockerfile builds it in the image.
 *
 * Files read beside a source at run time (migrations folders, code systems, the console's dist,
 * the demo's CSV) keep resolving: each `import.meta.url` of a bundled module is rewritten to its
 * original file's URL, relative to the bundle (`__dirname` and `__filename` likewise for CommonJS
 * modules). PGlite (its WebAssembly and data files), Vite (the console's build child), the
 * OpenTelemetry API (one instance shared with @apollo/gateway, platform/tracing.ts), whatwg-url
 * and tr46 stay external: Node loads them from node_modules as before.
 *
 * Run alone: `node --import ./scripts/runtime/ts-resolve.ts scripts/runtime/hub-build.ts [--force]`.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { hashFiles } from '../../platform/files-hash.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where builds are kept, one folder per hash of the inputs. */
export const HUB_BUILDS = join(ROOT, '.build', 'hub');
/** The build's entries: `npm start`'s whole hub and `npm run serve`'s one component (D217); shared code is in common chunks. */
const ENTRIES = { 'run-start': 'scripts/lib/run-start.ts', 'run-serve': 'scripts/lib/run-serve.ts' } as const;
export type HubEntryName = keyof typeof ENTRIES;
/** Folders whose modules the hub imports, and the lock file (it pins every bundled package). */
const INPUTS = ['platform', 'subgraphs', 'gateway', 'fhir', 'scripts', 'schemas', 'web/build', 'package-lock.json'].map((path) => join(ROOT, path));
/** Only what a bundle contains: code and the JSON it may import (not SQL, CSV or keys, read at run time from the sources). */
const BUNDLED = (name: string) => /\.(ts|js|mjs|cjs|json)$/.test(name);
/**
 * Packages loaded from node_modules at run time (see above). whatwg-url and tr46 (node-fetch's URL
 * code) too: they require Node's deprecated `punycode`, which Node warns about (DEP0040) unless
 * the caller lies in node_modules, as it does there and does not in a bundle.
 */
const EXTERNAL = [/^@electric-sql\/pglite(\/|$)/, /^vite(\/|$)/, /^@opentelemetry\/api$/, /^whatwg-url$/, /^tr46$/];
/** Builds kept besides the current one: a hub still running from an older one may load its lazy chunks. */
const KEEP = 2;

/** `hashFiles` of the inputs: the build's name. */
export function hubSourcesHash(): string {
  return hashFiles(ROOT, INPUTS, BUNDLED).slice(0, 16);
}

/** The built entry `name` for `hash`, whether it exists yet or not. */
export function hubEntryOf(hash: string, name: HubEntryName = 'run-start'): string {
  return join(HUB_BUILDS, hash, `${name}.mjs`);
}

/** Prepended to every chunk: `require` for bundled CommonJS modules, and the path helper of the rewrite. */
const BANNER = [
  "import { createRequire as __rorCreateRequire } from 'node:module';",
  "import { fileURLToPath as __rorFileURLToPath } from 'node:url';",
  'const require = __rorCreateRequire(import.meta.url);',
  'const __rorPath = (path) => __rorFileURLToPath(new URL(path, import.meta.url));',
].join(' ');

/**
 * Each module's own file: `import.meta.url` (and CommonJS `__dirname`/`__filename`) as the
 * original file's, relative to the chunk. A text rewrite: the words inside a longer string or a
 * comment are rewritten too, which changes no behaviour; a string or property that is exactly
 * them is left alone.
 */
export function rewriteFileUrls(code: string, file: string, outDir: string): string {
  const fromOut = (path: string) => relative(outDir, path).split('\\').join('/') || '.';
  const self = JSON.stringify(fromOut(file));
  const folder = JSON.stringify(fromOut(dirname(file)));
  let text = code
    .replace(/(?<!["'`.\w$])import\.meta\.url\b/g, `new URL(${self}, import.meta.url).href`)
    .replace(/(?<!["'`.\w$])import\.meta\.dirname\b/g, `__rorPath(${folder})`)
    .replace(/(?<!["'`.\w$])import\.meta\.filename\b/g, `__rorPath(${self})`);
  const usesNodeGlobals = /(?<![.\w$])__(dirname|filename)\b/.test(text);
  const declaresThem = /\b(const|let|var|function)\s+__(dirname|filename)\b/.test(text);
  if (usesNodeGlobals && !declaresThem) text = `var __dirname = __rorPath(${folder}), __filename = __rorPath(${self});\n${text}`;
  return text;
}

async function bundle(outDir: string): Promise<void> {
  const { build } = await import('rolldown');
  await build({
    input: Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, join(ROOT, path)])),
    cwd: ROOT,
    platform: 'node',
    external: EXTERNAL,
    logLevel: 'silent', // its warnings are about packages' code (direct eval, unused imports), not ours
    plugins: [
      {
        name: 'ror-file-urls',
        transform: {
          filter: { code: /import\.meta\.(url|dirname|filename)|__(dirname|filename)/ },
          handler: (code, id) => (id.startsWith('\0') ? null : { code: rewriteFileUrls(code, id, outDir), map: null }),
        },
      },
    ],
    output: { dir: outDir, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs', banner: BANNER, sourcemap: false },
  });
}

/** Removes all but the newest builds (`keep` and the `KEEP` before it), and work folders of builders gone for an hour. */
function pruneBuilds(keep: string): void {
  const folders = readdirSync(HUB_BUILDS).map((name) => ({ name, path: join(HUB_BUILDS, name), at: statSync(join(HUB_BUILDS, name)).mtimeMs }));
  const builds = folders.filter(({ name }) => name !== keep && !name.includes('.tmp-')).sort((a, b) => b.at - a.at);
  const abandoned = folders.filter(({ name, at }) => name.includes('.tmp-') && at < Date.now() - 3_600_000);
  for (const { path } of [...builds.slice(KEEP), ...abandoned]) rmSync(path, { recursive: true, force: true });
}

export interface HubBuild {
  /** The build's name (the inputs' hash): `hubEntryOf(hash, name)` is each entry. */
  hash: string;
  /** The built `npm start` entry module, to import. */
  entry: string;
  built: boolean;
  seconds: number;
}

/**
 * The build of the current sources, made now when missing. Concurrent builders (test processes)
 * each write a folder of their own and rename it into place: the first rename wins, the others
 * drop theirs, and nobody imports a half-written build.
 */
export async function ensureHubBuilt(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<HubBuild> {
  const started = performance.now();
  const hash = hubSourcesHash();
  const entry = hubEntryOf(hash);
  if (!options.force && existsSync(entry) && existsSync(hubEntryOf(hash, 'run-serve'))) return { hash, entry, built: false, seconds: 0 };
  options.log?.('building the hub (.build/hub)…');
  const target = dirname(entry);
  const work = `${target}.tmp-${process.pid}`;
  mkdirSync(HUB_BUILDS, { recursive: true });
  try {
    // Built in its final place's sibling: the relative file URLs are the same from both.
    await bundle(work);
    if (options.force) rmSync(target, { recursive: true, force: true });
    try {
      renameSync(work, target);
    } catch (error) {
      if (!existsSync(entry)) throw error; // not another builder's finished build: a real failure
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  pruneBuilds(hash);
  const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
  options.log?.(`hub built in ${seconds} s`);
  return { hash, entry, built: true, seconds };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outcome = await ensureHubBuilt({ force: process.argv.includes('--force'), log: (line) => console.log(line) });
  if (!outcome.built) console.log(`hub build up to date (${relative(ROOT, outcome.entry)})`);
}
