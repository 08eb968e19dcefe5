/**
 * Operations (issue 12, case 11): `PORT` moves the whole hub and the CLIs follow it; a taken port
 * fails before any database work with one line; Ctrl-C always closes the embedded database and
 * removes its lock, even under load; a stale lock whose PID was reused is taken over, a live
 * hub's lock still refuses. Real `npm start` / `npm run serve` / `npm run token` processes on
 * PGlite data directories on tmpfs; the import CLI next to a running hub calls its `main` in this
 * process (helpers/cli.ts runMain), the hub being another process.
 */
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeJwt } from 'jose';
import { ConfigError, loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/client.js';
import { acquireDirLock, DatabaseBusyError, processStartTime, type StaleLock } from '../platform/db/dir-lock.js';
import { checkPortsFree, PortInUseError } from '../scripts/lib/ports.js';
import { fromSnapshot, scratchDir, testEnv } from './helpers/hub.js';
import { CLEARED_ENV, npm, processGroup, reservePortRange, type NpmProcess } from './helpers/process.js';
import { runMain } from './helpers/cli.js';
import { main as importFinessMain } from '../scripts/import-finess.js';
import { DUPLICATE_WINDOW_MS } from '../scripts/shutdown.js';
import { sql } from 'drizzle-orm';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dirs: string[] = [];
const running: NpmProcess[] = [];
const others: ChildProcess[] = [];
const servers: Server[] = [];

afterEach(async () => {
  for (const p of running.splice(0)) p.kill();
  for (const c of others.splice(0)) c.kill('SIGKILL');
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function newDir(): string {
  const dir = scratchDir('ror-ops-');
  dirs.push(dir);
  return dir;
}

/** A data directory holding the seeded demo region (from the run's dump: no seeding in the test). */
async function seededDataDir(): Promise<string> {
  const dataDir = join(newDir(), 'data');
  const config = fromSnapshot(loadConfig(testEnv({ ROR_DB_IN_MEMORY: 'false', ROR_DATA_DIR: dataDir })));
  const db = await openDatabase(config.database);
  await db.close();
  return dataDir;
}

/** A port held by another server for the test's duration. */
function holdPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    servers.push(server);
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

function start(args: readonly string[], env: Record<string, string>): NpmProcess {
  const p = npm(args, { NODE_ENV: 'test', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env });
  running.push(p);
  return p;
}

const ALL_EPHEMERAL = { PORT: '0', OFFER_PORT: '0', CAPACITIES_PORT: '0', TENSIONS_PORT: '0', PROFESSIONALS_PORT: '0', ADMISSIONS_PORT: '0' };

describe('configuration: PORT moves the whole hub', () => {
  it('puts the subgraphs on PORT + 1 … + 5 unless their own variable is set', () => {
    const config = loadConfig({ PORT: '4100' });
    expect(config.subgraphPorts).toEqual({ offer: 4101, capacities: 4102, tensions: 4103, professionals: 4104, admissions: 4105 });
    expect(config.subgraphUrls.capacities).toBe('http://127.0.0.1:4102/graphql');
    expect(config.hubUrl).toBe('http://127.0.0.1:4100');
    expect(loadConfig({ PORT: '4100', TENSIONS_PORT: '5003' }).subgraphPorts).toEqual({ offer: 4101, capacities: 4102, tensions: 5003, professionals: 4104, admissions: 4105 });
    expect(loadConfig({ PORT: '0' }).subgraphPorts).toEqual({ offer: 0, capacities: 0, tensions: 0, professionals: 0, admissions: 0 });
  });

  it('refuses a PORT whose subgraph ports would pass 65535, naming the way out', () => {
    expect(() => loadConfig({ PORT: '65533' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '65533' })).toThrow('tensions would listen on 65536 (PORT + 3); set TENSIONS_PORT or a lower PORT');
    expect(loadConfig({ PORT: '65533', TENSIONS_PORT: '4003', PROFESSIONALS_PORT: '4004', ADMISSIONS_PORT: '4005' }).subgraphPorts.capacities).toBe(65535);
  });

  it('gives the CLIs the public URL when there is one', () => {
    expect(loadConfig({ PORT: '4100', ROR_PUBLIC_URL: 'https://ror.example.org/' }).hubUrl).toBe('https://ror.example.org');
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '4100' }).hubUrl).toBe('http://127.0.0.1:4100');
  });

  it('names a port claimed twice', async () => {
    const claims = [
      { component: 'gateway', port: 45999, variables: ['PORT'] },
      { component: 'offer', port: 45999, variables: ['PORT', 'OFFER_PORT'] },
    ];
    await expect(checkPortsFree('127.0.0.1', claims)).rejects.toThrow('port 45999 (offer) is also set for gateway — set PORT or OFFER_PORT');
  });
});

describe('embedded database lock', () => {
  const lockOf = (dir: string) => `${dir}.lock`;
  const bootId = () => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  const hasProc = existsSync('/proc/self/stat');

  it('takes over a lock whose PID now runs another program, and one whose process is gone', () => {
    const sleeper = spawn('sleep', ['60']);
    others.push(sleeper);
    const dir = join(newDir(), 'db');
    const seen: StaleLock[] = [];
    // A lock of a crashed hub: its PID now belongs to `sleep`, started later than the hub was.
    writeFileSync(lockOf(dir), JSON.stringify({ pid: sleeper.pid, startTime: '1', bootId: hasProc ? bootId() : 'x' }));
    const release = acquireDirLock(dir, (stale) => seen.push(stale));
    expect(seen).toMatchObject([{ holder: { pid: sleeper.pid }, reason: 'reused' }]);
    expect(JSON.parse(readFileSync(lockOf(dir), 'utf8'))).toMatchObject({ pid: process.pid });
    release();
    expect(existsSync(lockOf(dir))).toBe(false);

    writeFileSync(lockOf(dir), '2147483646'); // an older version's lock (bare PID) of a process that is gone
    acquireDirLock(dir, (stale) => seen.push(stale))();
    expect(seen[1]).toMatchObject({ holder: { pid: 2147483646 }, reason: 'dead' });
  });

  it.runIf(hasProc)('still refuses a lock whose holder runs, by start time or (older locks) as a Node.js process', () => {
    const dir = join(newDir(), 'db');
    const holder = process.ppid; // the test runner: a live Node.js process
    writeFileSync(lockOf(dir), JSON.stringify({ pid: holder, startTime: processStartTime(holder), bootId: bootId() }));
    expect(() => acquireDirLock(dir)).toThrow(DatabaseBusyError);
    writeFileSync(lockOf(dir), String(holder));
    expect(() => acquireDirLock(dir)).toThrow(`is in use by process ${holder}; stop it first or set DATABASE_URL.`);
  });
});

describe('ports are checked before any database work', () => {
  const exitOf = async (p: NpmProcess) => ({ ...(await p.exited), stderr: p.stderr().trim(), stdout: p.stdout() });

  it('npm start: a taken subgraph or gateway port is one line, a non-zero exit, no database', async () => {
    const taken = await holdPort();
    const dir = newDir();
    const dataDir = join(dir, 'data');
    // Both starts at once: each must fail before touching the database, so neither waits on the other.
    const [subgraph, gateway] = await Promise.all([
      exitOf(start(['-s', 'start'], { ...ALL_EPHEMERAL, CAPACITIES_PORT: String(taken), ROR_DATA_DIR: dataDir, ROR_SEED_DEMO: 'false' })),
      exitOf(start(['-s', 'start'], { ...ALL_EPHEMERAL, PORT: String(taken), ROR_DATA_DIR: dataDir, ROR_SEED_DEMO: 'false' })),
    ]);
    expect(subgraph.code).not.toBe(0);
    expect(subgraph.stderr).toBe(`port ${taken} (capacities) is already in use — set PORT or CAPACITIES_PORT`);
    expect(gateway.code).not.toBe(0);
    expect(gateway.stderr).toBe(`port ${taken} (gateway) is already in use — set PORT`);
    expect(existsSync(dataDir)).toBe(false);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('npm run serve: the same for one component', async () => {
    const taken = await holdPort();
    const dataDir = join(newDir(), 'data');
    const env = { ...ALL_EPHEMERAL, ROR_DATA_DIR: dataDir, ROR_SEED_DEMO: 'false', ROR_INTERNAL_SECRET: 'an-internal-secret-of-32-characters-or-more' };
    const [offer, gateway] = await Promise.all([
      exitOf(start(['-s', 'run', 'serve', '--', 'offer'], { ...env, OFFER_PORT: String(taken) })),
      exitOf(start(['-s', 'run', 'serve', '--', 'gateway'], { ...env, PORT: String(taken) })),
    ]);
    expect(offer.code).not.toBe(0);
    expect(offer.stderr).toBe(`port ${taken} (offer) is already in use — set PORT or OFFER_PORT`);
    expect(gateway.code).not.toBe(0);
    expect(gateway.stderr).toBe(`port ${taken} (gateway) is already in use — set PORT`);
    expect(existsSync(dataDir)).toBe(false);
  });
});

/** Anonymous FHIR searches of the whole demo region (hundreds of ms each, on the hub's single PGlite connection) until `stop()`. */
function load(base: string): { stop: () => Promise<void>; started: Promise<void> } {
  let running = true;
  let first!: () => void;
  const started = new Promise<void>((resolve) => (first = resolve));
  const worker = async () => {
    while (running) {
      const request = fetch(`${base}/fhir/HealthcareService?_count=500`).then((r) => r.arrayBuffer());
      first();
      await request.catch(() => undefined); // refused or cut once the hub stops: expected
    }
  };
  const workers = Array.from({ length: 3 }, worker);
  return {
    started,
    stop: async () => {
      running = false;
      await Promise.all(workers);
    },
  };
}

describe('npm start: ports, CLIs, shutdown', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await seededDataDir();
  });

  it('PORT=x serves on x … x+4 and takes over a lock naming a reused PID (with a warning); a live hub\'s lock refuses a second start in one line; npm run token follows PORT; Ctrl-C under load always closes the database', { timeout: 240_000 }, async () => {
    const port = await reservePortRange(5);
    const env = { PORT: String(port), ROR_DATA_DIR: dataDir };
    // Round 1 starts on a stale lock: the bare-PID lock of the versions before this one, naming
    // a live process that is not a hub (the PID of a crashed hub, reused).
    const sleeper = spawn('sleep', ['120']);
    others.push(sleeper);
    writeFileSync(`${dataDir}.lock`, String(sleeper.pid));
    for (let round = 1; round <= 3; round++) {
      const hub = start(['start'], env);
      const ready = await hub.waitFor(/ROR Hub ready/);
      if (round === 1) {
        const warning = ready.split('\n').find((line) => line.includes('took over the stale lock'));
        expect(warning).toBeDefined();
        expect(JSON.parse(warning ?? '{}')).toMatchObject({ level: 40, pid: sleeper.pid, reason: 'reused' });
        const holder = (JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8')) as { pid: number }).pid;
        for (let i = 1; i <= 4; i++) expect((await fetch(`http://127.0.0.1:${port + i}/health`)).status).toBe(200);
        // A second hub on the live hub's data directory is refused. No --hub: the token script
        // finds the hub from PORT, as `npm start` did. The three are independent processes: started together.
        const second = start(['-s', 'start'], { ...ALL_EPHEMERAL, ROR_DATA_DIR: dataDir });
        const token = npm(['-s', 'run', 'token', '--', '--client', 'national-aggregator'], { NODE_ENV: 'development', PORT: String(port) });
        // The import CLI finds the hub holding the database from ROR_PUBLIC_URL (PORT unset).
        const user = npm(['-s', 'run', 'token', '--', '--user', 'admin.ars'], { NODE_ENV: 'development', ROR_PUBLIC_URL: `http://127.0.0.1:${port}` });
        const [secondExit, { code }, userExit] = await Promise.all([second.exited, token.exited, user.exited]);
        expect(secondExit.code).not.toBe(0);
        expect(second.stderr().trim()).toBe(`The embedded database ${dataDir} is in use by process ${holder}; stop it first or set DATABASE_URL.`);
        expect(token.stderr()).toBe('');
        expect(code).toBe(0);
        expect(decodeJwt(token.stdout().trim()).iss).toBe(`http://127.0.0.1:${port}/oidc`);
        expect(userExit.code, user.stderr()).toBe(0);
        const finess = join(ROOT, 'scripts/demo/data/finess-cvl.csv');
        // The import command in this process (no Node start, no module loading of its own): the
        // lock it meets is the hub process's, as a separate `npm run import:finess` would.
        const imported = await runMain(importFinessMain, [finess, '--dry-run', '--json'], {
          ...CLEARED_ENV,
          NODE_ENV: 'test',
          ROR_PUBLIC_URL: `http://127.0.0.1:${port}`,
          ROR_DATA_DIR: dataDir,
          ROR_TOKEN: user.stdout().trim(),
        });
        expect(imported.code, imported.stderr).toBe(0);
        expect(JSON.parse(imported.stdout)).toMatchObject({ layout: 'demo-csv', unchanged: 188, written: false });
      }
      const traffic = load(`http://127.0.0.1:${port}`);
      await traffic.started;
      await new Promise((resolve) => setTimeout(resolve, 300 * round)); // a search under way, at a few moments
      hub.ctrlC();
      await hub.exited;
      await traffic.stop();
      const output = hub.stdout() + hub.stderr();
      expect(output, `round ${round}`).toContain('"msg":"shutting down"');
      expect(output, `round ${round}`).toContain('"msg":"stopped"');
      expect(existsSync(`${dataDir}.lock`), `round ${round}: lock left`).toBe(false);
    }
  });
});

/**
 * The forced ways out, on a process whose close never ends (test/fixtures/operations/hang-on-close.ts:
 * the embedded database open with a write done, then scripts/shutdown.ts with a close that hangs).
 */
describe('shutdown: deadline and second signal', () => {
  const hanging = (dataDir: string, deadlineMs: number) =>
    processGroup(process.execPath, ['--import', './scripts/runtime/ts-resolve.ts', 'test/fixtures/operations/hang-on-close.ts', dataDir, String(deadlineMs)], { LOG_LEVEL: 'info' });
  /** Each test's process, on its own data directory: both start at once (independent), each test then waits for its own. */
  let processes: Record<'deadline' | 'second', { p: NpmProcess; dataDir: string }>;
  beforeAll(() => {
    const [deadline, second] = [join(newDir(), 'data'), join(newDir(), 'data')];
    processes = { deadline: { p: hanging(deadline, 500), dataDir: deadline }, second: { p: hanging(second, 60_000), dataDir: second } };
  });
  afterAll(() => Object.values(processes).forEach(({ p }) => p.kill()));

  it('exits non-zero at the deadline, removes the lock, and the database opens again with the write', { timeout: 60_000 }, async () => {
    const { p, dataDir } = processes.deadline;
    await p.waitFor(/ready/);
    p.ctrlC();
    expect((await p.exited).code).toBe(1);
    expect(p.stdout()).toContain('"msg":"shutting down"');
    expect(p.stdout()).toContain('"msg":"shutdown deadline passed: exiting without a clean close"');
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    const db = await openDatabase({ kind: 'pglite', dataDir });
    try {
      expect(await db.rows(sql`select note from ops_probe`)).toEqual([{ note: 'written before the forced exit' }]);
    } finally {
      await db.close();
    }
  });

  it('a second signal, after the first one\'s relayed copies, exits at once and removes the lock', { timeout: 60_000 }, async () => {
    const { p, dataDir } = processes.second;
    await p.waitFor(/ready/);
    p.ctrlC();
    p.ctrlC(); // a relayed copy of the same Ctrl-C: ignored
    await p.waitFor(/"msg":"shutting down"/);
    await new Promise((resolve) => setTimeout(resolve, DUPLICATE_WINDOW_MS + 300));
    expect(p.child.exitCode).toBeNull();
    p.ctrlC();
    expect((await p.exited).code).toBe(130);
    expect(p.stdout()).toContain('"msg":"second signal: exiting without waiting for the shutdown"');
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });
});

describe('PortInUseError', () => {
  it('keeps the EADDRINUSE code, so a caller that retries on a taken port still does', () => {
    expect(new PortInUseError({ component: 'offer', port: 1, variables: ['PORT'] }).code).toBe('EADDRINUSE');
  });
});
