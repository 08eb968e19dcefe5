import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import DurationSequencer from './test/sequencer.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Node's on-disk compile cache for every process of the run: the forked workers (their
// node_modules: Apollo, Drizzle, oidc-provider… load natively, not through Vite), and the hubs and
// CLIs the tests start as processes (issue 16). Set here, before the workers fork, so they inherit
// it; `NODE_DISABLE_COMPILE_CACHE=1` turns it off. docs/testing.md § Speed.
process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), 'node-compile-cache');

export default defineConfig({
  // Node resolves `graphql` to its CommonJS build for every package (it has no "exports" map);
  // Vite would give our sources the ESM build, and graphql-js refuses objects (schemas, errors)
  // of "another realm" when they cross into Apollo or graphql-ws. One copy, as in production.
  resolve: { alias: [{ find: /^graphql$/, replacement: fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url)) }] },
  test: {
    include: ['test/**/*.test.ts', 'platform/**/*.test.ts', 'subgraphs/**/*.test.ts', 'gateway/**/*.test.ts', 'fhir/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    env: { APOLLO_TELEMETRY_DISABLED: '1' },
    // Browser test files (*.browser.test.ts, docs/testing.md § Browser tests) are in `include` like
    // the others: their beforeAll (a hub, a chromium) fits hookTimeout, and forked workers run
    // chromium as any child process.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker per core minus one: a single worker on the 2-core CI machines.
    // Test files mostly wait on hub servers and PostgreSQL, so two files at a time use the cores
    // better (`--maxWorkers` on the command line still overrides this).
    maxWorkers: 2,
    // A worker keeps the modules it loaded from one file to the next (D207): the hub's ~2,500
    // modules are loaded once per worker instead of once per file (import time 144 s → 16 s of
    // a whole run). Each file still starts and closes its own hubs; \`--isolate\` on the command
    // line restores a fresh module graph per file to rule out leaked state.
    isolate: false,
    // Longest files first, by test/durations.json, so that the two workers finish together (on a
    // clean clone vitest orders by file size, and the console's 3-line browser files, the longest,
    // started last). docs/testing.md § Speed.
    sequence: { sequencer: DurationSequencer },
  },
});
