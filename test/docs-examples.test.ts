/**
 * Documentation that runs: every shell, GraphQL and JS/TS example of README.md and docs/*.md is
 * run against a private hub seeded with the demo region (on PostgreSQL when the run has it), and
 * fails on an error or an empty answer. Conventions and annotations: docs/testing.md § Documentation examples.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { scratchDir, serverKindIfAny, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { docExamples, examplesOf, jsonDocuments, problemOf, verdict, type DocExample } from './helpers/doc-examples.js';
import { clientToken, userToken, DEMO_PASSWORD } from '../scripts/token.js';
import { DEMO_CLIENTS } from '../scripts/demo/clients.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const examples = docExamples(root);
const runnable = examples.filter((e) => !e.annotations.skip);
const skipped = examples.filter((e) => e.annotations.skip);

/** Skips stay rare: raise this only for an example that genuinely cannot run (docker, a benchmark…). */
const MAX_SKIPS = 8;

let hub: TestHub;
/** The repository's top-level entries before the run: an example run there must not add any. */
let rootEntries: Set<string>;
let base: string;
let work: string;
let bin: string;
const tokens = new Map<string, Promise<string>>();

/** A demo identity's access token: a client_id of the demo applications, else a demo login. */
function tokenOf(identity: string): Promise<string> {
  if (!tokens.has(identity)) {
    const isClient = DEMO_CLIENTS.some((c) => c.clientId === identity);
    tokens.set(identity, isClient ? clientToken(base, identity) : userToken(base, identity, DEMO_PASSWORD));
  }
  return tokens.get(identity)!;
}

/** The example as run: the documented hub address replaced by the test hub's, `npm run token` pointed at it. */
function rewrite(code: string): string {
  return code
    .replace(/https?:\/\/(?:127\.0\.0\.1|localhost):4000/g, base)
    .replace(/wss?:\/\/(?:127\.0\.0\.1|localhost):4000/g, base.replace(/^http/, 'ws'))
    .split('\n')
    .map((line) => (/--hub\b/.test(line) ? line : line.replace(/npm run (-s )?token -- /g, 'npm run $1token -- --hub "$HUB" ')))
    .join('\n');
}

/** A `curl` first on the PATH that reports each response's status on stderr (unless the example uses -w itself). */
function curlWrapper(dir: string): void {
  const real = ['/usr/bin/curl', '/usr/local/bin/curl', '/bin/curl'].find((p) => statSafe(p));
  if (!real) throw new Error('curl is needed to run the documentation examples');
  writeFileSync(
    join(dir, 'curl'),
    `#!/bin/sh
for a in "$@"; do case "$a" in -w|--write-out|-w?*) exec ${real} "$@";; esac; done
exec ${real} "$@" -w '%{stderr}\\n@@status %{http_code} %{url_effective}\\n'
`,
  );
  chmodSync(join(dir, 'curl'), 0o755);
}

function statSafe(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a process; stops it at `timeoutMs`, or once `until(stdout)` holds (a subscription has printed). */
function run(command: string, args: string[], options: { cwd: string; env: Record<string, string>; timeoutMs: number; until?: (out: string) => boolean }): Promise<Run & { stopped: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true });
    let stdout = '';
    let stderr = '';
    let stopped = false;
    const stop = () => {
      stopped = true;
      try {
        process.kill(-child.pid!, 'SIGTERM'); // the whole group: npm and node below the shell
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(stop, options.timeoutMs);
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (options.until?.(stdout)) setTimeout(stop, 200);
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, stopped });
    });
  });
}

function envFor(token: string | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('ROR_') && !k.startsWith('npm_')) env[k] = v;
  return {
    ...env,
    PATH: [bin, dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
    HUB: base,
    TMPDIR: join(work, 'tmp'),
    NODE_ENV: 'development',
    ...(token ? { TOKEN: token } : {}),
  };
}

/** Changes a unit's capacity (one available bed more or less) as `identity`, through GraphQL. */
async function changeCapacity(unitId: string, identity: string): Promise<void> {
  const auth = { authorization: `Bearer ${await tokenOf(identity)}` };
  const read = await gql<{ unit: { capacity: Record<string, number | string | null> & { available: Record<string, number> } } | null }>(
    hub.urls.graphql,
    'query($id: ID!) { unit(id: $id) { capacity { nature installedBeds available { men women undifferentiated } closedBeds reopenedBeds reopenableBeds mobilisedBeds notes version } } }',
    { id: unitId },
    auth,
  );
  const c = read.data?.unit?.capacity;
  if (!c) throw new Error(`event: cannot read the capacity of ${unitId} as ${identity}: ${JSON.stringify(read.errors)}`);
  const { available, version, ...rest } = c;
  const undifferentiated = available.undifferentiated! > 0 ? available.undifferentiated! - 1 : available.undifferentiated! + 1;
  const input = { ...rest, availableMen: available.men, availableWomen: available.women, availableUndifferentiated: undifferentiated };
  const write = await gql(hub.urls.graphql, 'mutation($id: ID!, $input: CapacityInput!, $v: Int!) { updateUnitCapacity(unitId: $id, input: $input, expectedVersion: $v) { version } }', { id: unitId, input, v: version }, auth);
  if (write.errors && !write.errors.some((e) => e.extensions?.code === 'CONFLICT')) throw new Error(`event: ${JSON.stringify(write.errors)}`);
}

/**
 * Repeats the example's `event` until `done()`: a subscription may open after the first one, so
 * the first comes soon (a subscription open by then ends at once) and the later ones every 1.5 s,
 * the same reach as before (about 15 s, within the subscription's 20 s).
 */
const EVENT_PAUSES_MS = [250, 500, 1000, ...Array<number>(9).fill(1500)];

function eventsWhile(example: DocExample, done: () => boolean): Promise<void> {
  const event = example.annotations.event;
  if (!event) return Promise.resolve();
  return (async () => {
    for (const pause of EVENT_PAUSES_MS) {
      if (done()) return;
      await new Promise((r) => setTimeout(r, pause));
      if (!done()) await changeCapacity(event.unitId, event.as);
    }
  })();
}

/**
 * Commands that would change the checkout or the machine rather than ask the hub (reinstall
 * node_modules, start a hub on :4000, run the suite or a benchmark, import into the database in
 * .data): refused unrun, to be skipped.
 */
const NEVER_RUN = /\bnpm\s+(ci|install|i|start|test)\b|\bnpm\s+run\s+(bench|test|start|import:)|\bnpx\s+vitest\b|\bdocker(\s|-compose)/;

async function runShell(example: DocExample, token: string | undefined): Promise<void> {
  expect(NEVER_RUN.exec(example.code)?.[0], `${example.id} would change the checkout or the machine: annotate it <!-- example: skip (reason) -->`).toBeUndefined();
  const cwd = example.annotations.fromAnywhere ? mkdtempSync(join(work, 'anywhere-')) : root;
  const script = join(work, `${example.file.replace(/\W/g, '_')}-${example.line}.sh`);
  writeFileSync(script, rewrite(example.code));
  const result = await run('bash', ['-e', script], { cwd, env: envFor(token), timeoutMs: 90_000 });
  const statuses = [...result.stderr.matchAll(/@@status (\d{3}) (\S*)/g)].map((m) => ({ status: Number(m[1]), url: m[2] }));
  const stderr = result.stderr.replace(/\n?@@status .*\n/g, '\n').trim();
  const context = `${example.id}\n--- stdout\n${result.stdout.slice(0, 2000)}\n--- stderr\n${stderr.slice(0, 2000)}`;
  if (process.env.DOCS_EXAMPLES_VERBOSE) console.info(`${context}\n--- statuses ${statuses.map((s) => s.status).join(' ')}`);
  expect(result.code, `exit code of ${context}`).toBe(0);
  const refused = statuses.filter((s) => !(s.status >= 200 && s.status < 300) && !example.annotations.statuses.includes(s.status));
  expect(refused, `HTTP statuses of ${context}`).toEqual([]);
  const files = example.annotations.fromAnywhere ? readdirSync(cwd).filter((f) => statSync(join(cwd, f)).size > 0) : [];
  expect(result.stdout.trim() !== '' || files.length > 0, `${context}\nprinted nothing and wrote no file`).toBe(true);
  const written = files.filter((f) => f.endsWith('.json') || f.endsWith('.ndjson')).flatMap((f) => jsonDocuments(readFileSync(join(cwd, f), 'utf8')));
  expect(verdict([...jsonDocuments(result.stdout), ...written], example.annotations.errors), context).toBeNull();
}


async function runGraphQL(example: DocExample, token: string | undefined): Promise<void> {
  const query = example.code;
  const authorization = token ? `Bearer ${token}` : undefined;
  if (/^\s*subscription\b/m.test(query)) {
    const client = createClient({ url: hub.urls.graphql.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: authorization ? { authorization } : {}, retryAttempts: 0 });
    let answer: unknown = null;
    try {
      const first = new Promise<unknown>((resolve, reject) => {
        client.subscribe({ query }, { next: (r) => resolve(r), error: reject, complete: () => resolve(null) });
      });
      const timeout = new Promise<unknown>((_, reject) => setTimeout(() => reject(new Error(`${example.id}: no event within 20 s`)), 20_000));
      const events = eventsWhile(example, () => answer !== null);
      answer = await Promise.race([first, timeout]);
      await events;
    } finally {
      await client.dispose();
    }
    if (process.env.DOCS_EXAMPLES_VERBOSE) console.info(`${example.id}\n${JSON.stringify(answer).slice(0, 2000)}`);
    expect(answer, `${example.id}: the subscription completed without an event`).not.toBeNull();
    expect(verdict([answer], example.annotations.errors), example.id).toBeNull();
    return;
  }
  const result = await gql(hub.urls.graphql, query, {}, authorization ? { authorization } : {});
  if (process.env.DOCS_EXAMPLES_VERBOSE) console.info(`${example.id}\n${JSON.stringify(result).slice(0, 2000)}`);
  expect([200, ...example.annotations.statuses], `${example.id}: HTTP ${result.status} ${JSON.stringify(result.errors)}`).toContain(result.status);
  expect(verdict([result], example.annotations.errors), example.id).toBeNull();
}

async function runScriptExample(example: DocExample, token: string | undefined): Promise<void> {
  // Inside the repository, so that the example's imports resolve to the project's packages; not
  // under node_modules/, where Node refuses to strip types (a reader runs `node example.ts`).
  const dir = join(root, 'test', '.docs-examples'); // ignored (.gitignore)
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${example.file.replace(/\W/g, '_')}-${example.line}-${process.pid}.${example.kind === 'ts' ? 'ts' : 'mjs'}`);
  writeFileSync(file, rewrite(example.code));
  try {
    const args = [file]; // TypeScript too: Node 24 strips the types itself
    let printed = false;
    const events = eventsWhile(example, () => printed);
    const result = await run(process.execPath, args, { cwd: root, env: envFor(token), timeoutMs: 20_000, until: (out) => (printed = out.trim() !== '') });
    printed = true;
    await events;
    const stderr = result.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('(node:') && !l.includes('--trace-warnings')).join('\n');
    const context = `${example.id}\n--- stdout\n${result.stdout.slice(0, 2000)}\n--- stderr\n${stderr.slice(0, 2000)}`;
    if (process.env.DOCS_EXAMPLES_VERBOSE) console.info(context);
    expect(result.stdout.trim(), `${context}\nprinted nothing`).not.toBe('');
    if (!result.stopped) expect(result.code, context).toBe(0);
    expect(stderr, context).toBe('');
    expect(result.stdout, context).not.toMatch(/\berrors\b\s*:/);
  } finally {
    rmSync(file, { force: true });
  }
}

describe('documentation examples (README.md, docs/*.md)', () => {
  beforeAll(async () => {
    rootEntries = new Set(readdirSync(root));
    // PostgreSQL when the run has it: the examples' queries then run in the server's processes,
    // beside this worker, instead of in PGlite's WebAssembly on the worker's one thread, which
    // also serves the hub (the examples only ask the hub: its database kind is not their subject).
    hub = await startTestHub(serverKindIfAny());
    base = hub.urls.graphql.replace(/\/graphql$/, '');
    // On tmpfs when the machine has one: README's admin example creates an embedded database in
    // `$(mktemp -d)`, whose every commit PGlite syncs; TMPDIR inside `work` also removes it after
    // the run (it was left in the system's temporary folder, 40 MB a run).
    work = scratchDir('ror-docs-examples-');
    bin = join(work, 'bin');
    mkdirSync(bin);
    mkdirSync(join(work, 'tmp'));
    curlWrapper(bin);
  });
  afterAll(async () => {
    await hub?.close();
    if (work) rmSync(work, { recursive: true, force: true });
    const added = readdirSync(root).filter((f) => !rootEntries.has(f));
    expect(added, 'files written into the repository by an example: make it write elsewhere, or run it `from anywhere`').toEqual([]);
  });

  it('reads annotations, and refuses an unknown one', () => {
    const text = [
      '<!-- example: as place-search; event 370004467-4557 as ref.uo.tours -->',
      '```graphql',
      'subscription { capacityChanged { at } }',
      '```',
      '<!-- example: skip (needs docker; not here) -->',
      '',
      '```sh',
      'docker compose up',
      '```',
      '```json',
      '{ "not": "run" }',
      '```',
    ].join('\n');
    const [subscription, skippedOne, ...rest] = examplesOf('x.md', text);
    expect(subscription).toMatchObject({ kind: 'graphql', line: 2, annotations: { as: 'place-search', event: { unitId: '370004467-4557', as: 'ref.uo.tours' } } });
    expect(skippedOne).toMatchObject({ kind: 'shell', annotations: { skip: 'needs docker; not here' } });
    expect(rest).toEqual([]);
    expect(() => examplesOf('x.md', '<!-- example: as-is -->\n```sh\ntrue\n```')).toThrow(/unknown example annotation "as-is"/);
  });

  it('tells an answer with errors or with nothing in it from a real one', () => {
    expect(problemOf({ data: { unit: { name: 'REA' } } })).toBeNull();
    expect(problemOf({ data: { units: { edges: [], totalCount: 0 } } })).toBeNull(); // a count is an answer
    expect(problemOf({ data: { unit: null } })).toMatch(/empty answer for unit/);
    expect(problemOf({ data: { units: [{ capacity: null }], other: { x: 1 } } })).toMatch(/empty answer for units/);
    expect(problemOf({ errors: [{ message: 'no' }], data: { a: 1 } })).toMatch(/^errors/);
    expect(problemOf({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] })).toMatch(/OperationOutcome/);
    expect(problemOf({ resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational' }] })).toBeNull();
    expect(problemOf({ transactionTime: 't', output: [{ type: 'Location' }], error: [] })).toBeNull();
    expect(problemOf({ error: { code: 'NOT_FOUND' } })).toMatch(/^error/);
    expect(jsonDocuments('{"a":1}\nnot json\n{"b":2}')).toEqual([{ a: 1 }, { b: 2 }]);
    const denied = { errors: [{ message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } }], data: null };
    expect(verdict([denied], ['UNAUTHENTICATED'])).toBeNull(); // an error the example shows on purpose
    expect(verdict([denied], ['FORBIDDEN'])).toMatch(/unexpected error code\(s\) UNAUTHENTICATED/);
    expect(verdict([{ data: { a: 1 } }], ['FORBIDDEN'])).toMatch(/got none/);
    expect(verdict([{ error: { code: 'NOT_FOUND' } }], ['NOT_FOUND'])).toBeNull();
  });

  it('finds the examples, and skips few, each with its reason', () => {
    expect(examples.filter((e) => e.kind === 'shell').length).toBeGreaterThan(10);
    expect(examples.filter((e) => e.kind === 'graphql').length).toBeGreaterThan(2);
    expect(examples.filter((e) => e.kind === 'js' || e.kind === 'ts').length).toBeGreaterThan(0);
    console.info(`documentation examples: ${runnable.length} run, ${skipped.length} skipped\n${skipped.map((e) => `  skipped ${e.id}: ${e.annotations.skip}`).join('\n')}`);
    expect(skipped.length).toBeLessThanOrEqual(MAX_SKIPS);
  });

  describe.concurrent('runs', () => {
    it.each(runnable.map((e) => [`${e.id} (${e.kind})`, e] as const))('%s', { timeout: 120_000 }, async (_name, example) => {
      const token = example.annotations.as ? await tokenOf(example.annotations.as) : undefined;
      if (example.kind === 'shell') await runShell(example, token);
      else if (example.kind === 'graphql') await runGraphQL(example, token);
      else await runScriptExample(example, token);
    });
  });
});
