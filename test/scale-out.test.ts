/**
 * Horizontal scale on PostgreSQL (issue 15, docs/deployment.md § What is stateless): two gateway
 * processes and two processes of every subgraph (`npm run serve -- <component>`'s command, twelve in all)
 * started together on one new, empty database, and driven by real clients (HTTP, graphql-ws,
 * fhir-kit-client, a rest-hook receiver, an SMTP server).
 *
 * Topology (test/helpers/balancer.ts): a round-robin balancer over the two gateways is the
 * public URL (ROR_PUBLIC_URL: tokens, FHIR links); gateway A reaches each subgraph through a
 * balancer that prefers instance 1, gateway B one that prefers instance 2 (each falls over to
 * the other), so a write through A is written by instance 1 and one through B by instance 2
 * while both live; the subgraphs call each other through round-robin balancers. Only the first
 * instance of each subgraph seeds the demo region; all twelve migrate at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import pg from 'pg';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { SUBGRAPH_NAMES, type SubgraphName } from '../platform/config.js';
import { SUBGRAPHS } from '../scripts/subgraphs.js';
import { CHANGE_FEED_MIGRATIONS } from '../platform/changes/migrations.js';
import { FHIR_MIGRATIONS } from '../fhir/migrations.js';
import { createScratchDatabase, TEST_INTERNAL_SECRET, TEST_PASSWORD_LOG2N } from './helpers/hub.js';
import { npmScript, type NpmProcess } from './helpers/process.js';
import { startBalancer, type Balancer } from './helpers/balancer.js';
import { startSmtpServer, type TestSmtpServer } from './helpers/smtp.js';
import { startReceiver, statusOf, type Receiver } from './helpers/fhir/receiver.js';
import { download, kickOff, pollUntilDone, statusUrlOf, type Manifest } from './helpers/fhir/bulk.js';
import { asApp, asUser } from './helpers/tokens.js';
import { gql } from './helpers/graphql.js';
import { BACKPORT_URLS } from '../fhir/subscriptions/backport.js';
import { CAPACITY_TOPIC } from '../fhir/subscriptions/topics.js';

const CHATEAUROUX = '360000137'; // saisie.lits.chateauroux enters every unit of its legal entity
const BOURGES = '180000010'; // decl.tension.bourges declares its tensions

type Component = SubgraphName | 'gateway';
interface Instance {
  component: Component;
  /** 1 or 2. */
  n: number;
  port: number;
  process: NpmProcess;
}

/** A free loopback port, kept taken until `release`. */
function holdPort(): Promise<{ port: number; release: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve({ port: (server.address() as AddressInfo).port, release: () => new Promise((done) => server.close(() => done())) }),
    );
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits until `check` holds (bounded: a failure shows as a failed expectation, not a hang). */
async function until(check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (await check()) return;
}

/** The JSON log lines a process printed (pino, one object a line). */
function logLines(instance: Instance): Array<Record<string, unknown> & { level: number; msg?: string }> {
  return instance.process
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown> & { level: number; msg?: string });
}

/** Collects a graphql-ws subscription's results. */
function follow<T>(client: Client, query: string, variables: Record<string, unknown>) {
  const results: Array<{ data?: T | null; errors?: unknown }> = [];
  let ended: unknown = null;
  const stop = client.subscribe<T>({ query, variables }, {
    next: (r) => void results.push(r as { data?: T | null; errors?: unknown }),
    error: (e) => void (ended = e ?? 'error'),
    complete: () => void (ended ??= 'complete'),
  });
  return { results, stop, ended: () => ended };
}

const CAPACITY_SUBSCRIPTION = `subscription($filter: CapacityChangeFilter, $after: ID) { capacityChanged(filter: $filter, after: $after) { id position capacity { version availableBeds } unit { id } } }`;
const TENSION_SUBSCRIPTION = `subscription($filter: TensionChangeFilter, $after: ID) { tensionChanged(filter: $filter, after: $after) { id action tension { id } } }`;
type CapacityEvent = { capacityChanged: { id: string; position: string; capacity: { version: number }; unit: { id: string } } };
const keyOf = (event: CapacityEvent | null | undefined) => (event ? `${event.capacityChanged.unit.id}#${event.capacityChanged.capacity.version}` : null);
type TensionEvent = { tensionChanged: { id: string; action: string; tension: { id: string } } };

const READ_CAPACITY = `query($id: ID!) { unit(id: $id) { capacity { version installedBeds } } }`;
const UPDATE_CAPACITY = `mutation($u: ID!, $i: CapacityInput!, $v: Int!) { updateUnitCapacity(unitId: $u, input: $i, expectedVersion: $v) { version } }`;
const DECLARE = `mutation($input: DeclareTensionInput!) { declareTension(input: $input) { id version } }`;
const CLOSE = `mutation($id: ID!) { closeTension(id: $id) { id } }`;

// Each case waits on other processes (bounded by `until`): more time than a single-process test.
describe.runIf(process.env.TEST_DATABASE_URL)('two of every component on one PostgreSQL database', { timeout: 90_000 }, () => {
  let database: { url: string; drop: () => Promise<void> };
  let sql: pg.Pool;
  const instances: Instance[] = [];
  const balancers: Balancer[] = [];
  const clients: Client[] = [];
  let smtp: TestSmtpServer;
  let receiver: Receiver;
  let publicUrl: string;
  const gateway = (n: number) => instances.find((i) => i.component === 'gateway' && i.n === n)!;
  const graphqlOf = (n: number) => `http://127.0.0.1:${gateway(n).port}/graphql`;
  const fhirOf = (n: number) => `http://127.0.0.1:${gateway(n).port}/fhir`;
  const instancesOf = (component: Component) => instances.filter((i) => i.component === component);
  let gatewayBalancers: Record<number, Record<SubgraphName, Balancer>>;
  const tokens: Record<string, string> = {};
  let units: string[] = [];
  /** The feed's head when the rest-hook subscription was made: it is notified of every capacity change after it. */
  let hookFrom = '0';
  const hookEvents = () => receiver.received.filter((r) => statusOf(r.body).type === 'event-notification').flatMap((r) => statusOf(r.body).events);
  const capacityChangesSince = async (position: string) =>
    (await sql.query<{ n: number }>(`select count(*)::int as n from feed.change_event where topic = 'capacity' and id > $1`, [position])).rows[0]!.n;

  const ws = (n: number, token: string) => {
    const client = createClient({ url: graphqlOf(n).replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: token }, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });
    clients.push(client);
    return client;
  };
  const headPosition = async () => String((await sql.query<{ head: string | null }>('select max(id) as head from feed.change_event')).rows[0]!.head ?? 0);

  /** One capacity entry through gateway `n`: `<unit>#<version>`, or null when not acknowledged. */
  async function enterCapacity(n: number, unitId: string, available: number): Promise<string | null> {
    const auth = { authorization: tokens['saisie.lits.chateauroux']! };
    try {
      const read = await gql<{ unit: { capacity: { version: number; installedBeds: number } } }>(graphqlOf(n), READ_CAPACITY, { id: unitId }, auth);
      const { version, installedBeds } = read.data!.unit.capacity;
      const input = { installedBeds: Math.max(installedBeds, available), availableMen: 0, availableWomen: 0, availableUndifferentiated: available, closedBeds: 0, reopenedBeds: 0, reopenableBeds: 0, mobilisedBeds: 0 };
      const written = await gql<{ updateUnitCapacity: { version: number } }>(graphqlOf(n), UPDATE_CAPACITY, { u: unitId, i: input, v: version }, auth);
      return written.errors || !written.data ? null : `${unitId}#${written.data.updateUnitCapacity.version}`;
    } catch {
      return null; // the connection broke: not acknowledged
    }
  }

  beforeAll(async () => {
    const started = Date.now();
    [database, smtp, receiver] = await Promise.all([createScratchDatabase(), startSmtpServer(), startReceiver()]);
    sql = new pg.Pool({ connectionString: database.url, max: 2 });
    // Held until the balancers have their own (ephemeral) ports, so none of them takes a process's.
    const held = await Promise.all(Array.from({ length: 12 }, () => holdPort()));
    const ports = held.map((h) => h.port);
    const portOf = (component: Component, n: number) => ports[[...SUBGRAPH_NAMES, 'gateway'].indexOf(component) * 2 + n - 1]!;
    const pair = (component: Component) => [portOf(component, 1), portOf(component, 2)];
    const balance = async (backends: number[], mode: 'round-robin' | 'failover') => {
      const balancer = await startBalancer(backends, mode);
      balancers.push(balancer);
      return balancer;
    };
    const lb = await balance(pair('gateway'), 'round-robin');
    publicUrl = `http://127.0.0.1:${lb.port}`;
    const shared = Object.fromEntries(await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await balance(pair(name), 'round-robin')] as const))) as Record<SubgraphName, Balancer>;
    const preferring = async (first: 1 | 2) =>
      Object.fromEntries(await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await balance(first === 1 ? pair(name) : pair(name).reverse(), 'failover')] as const))) as Record<SubgraphName, Balancer>;
    gatewayBalancers = { 1: await preferring(1), 2: await preferring(2) };
    const urls = (set: Record<SubgraphName, Balancer>) => Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${set[name].port}/graphql`]));
    const env = {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      ROR_INTERNAL_SECRET: TEST_INTERNAL_SECRET,
      ROR_PUBLIC_URL: publicUrl,
      LOG_LEVEL: 'info',
      SMTP_URL: smtp.url,
      ROR_PASSWORD_SCRYPT_LOG2N: String(TEST_PASSWORD_LOG2N),
      ROR_RATE_LIMIT_API: '1000000',
      ROR_RATE_LIMIT_SIGNIN: '1000000',
      ROR_FHIR_SUBSCRIPTION_POLL_MS: '200',
      ROR_SUBSCRIPTION_RESUME_WINDOW_MS: '20000',
      ROR_PURGE_EVERY_SECONDS: '2',
      ROR_DB_POOL_MAX: '4', // twelve processes share the machine's max_connections with the rest of the suite
      ROR_SNAPSHOT_CHECK_SECONDS: '1',
      PORT: '0',
      ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_PORT`, '0'])),
    };
    await Promise.all(held.map((h) => h.release()));
    for (const component of [...SUBGRAPH_NAMES, 'gateway'] as const) {
      for (const n of [1, 2]) {
        const port = portOf(component, n);
        const own =
          component === 'gateway'
            ? { PORT: String(port), ...urls(gatewayBalancers[n]!) }
            : { [`${component.toUpperCase()}_PORT`]: String(port), ...urls(shared), ROR_SEED_DEMO: String(n === 1) };
        // `npm run serve -- <component>`'s command without npm (twelve npm processes fewer to start).
        instances.push({ component, n, port, process: npmScript('serve', [component], { ...env, ...own }) });
      }
    }
    await Promise.all(instances.map((i) => i.process.waitFor(/"msg":"(subgraph|gateway) listening"/)));
    console.info(`scale-out: 12 processes listening after ${Date.now() - started} ms`);

    const graphql = `${publicUrl}/graphql`;
    // The five callers' tokens at once (independent sign-ins and client assertions).
    const users = ['admin.ars', 'saisie.lits.chateauroux', 'decl.tension.bourges'];
    const apps = ['national-aggregator', 'place-search'];
    const minted = await Promise.all([...users.map((who) => asUser(graphql, who)), ...apps.map((app) => asApp(graphql, app))]);
    [...users, ...apps].forEach((name, i) => (tokens[name] = minted[i]!));
    const found = await gql<{ units: { edges: Array<{ node: { id: string } }> } }>(graphql, `{ units(filter: { establishmentId: "${CHATEAUROUX}" }, first: 4) { edges { node { id } } } }`);
    units = found.data!.units.edges.map((e) => e.node.id);
    console.info(`scale-out: ready after ${Date.now() - started} ms`);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    for (const instance of instances) instance.process.ctrlC();
    await Promise.race([Promise.all(instances.map((i) => i.process.exited)), sleep(15_000)]);
    for (const instance of instances) instance.process.kill();
    await Promise.all(balancers.map((b) => b.close()));
    await sql?.end();
    await Promise.all([database?.drop(), smtp?.close(), receiver?.close()]);
  });

  it('starts twelve processes at once on an empty database: each schema migrated once, no error', async () => {
    const owners: Array<[string, string]> = [
      ['feed', CHANGE_FEED_MIGRATIONS],
      ...SUBGRAPH_NAMES.map((name) => [name, SUBGRAPHS[name].migrationsFolder] as [string, string]),
      ...FHIR_MIGRATIONS.map((set) => [set.owner, set.folder] as [string, string]),
    ];
    for (const [owner, folder] of owners) {
      const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
      const { rows } = await sql.query<{ n: number; distinct: number }>(`select count(*)::int as n, count(distinct hash)::int as distinct from drizzle.${owner}_migrations`);
      expect({ owner, ...rows[0] }).toEqual({ owner, n: journal.entries.length, distinct: journal.entries.length });
    }
    for (const instance of instances) {
      const errors = logLines(instance).filter((line) => line.level >= 50);
      expect({ instance: `${instance.component}-${instance.n}`, errors }).toEqual({ instance: `${instance.component}-${instance.n}`, errors: [] });
    }
  });

  it('delivers each capacity and tension change exactly once to every subscriber, whichever gateway it uses and whichever instance wrote; a FHIR rest-hook too', async () => {
    const after = await headPosition();
    hookFrom = after;
    const admin = tokens['admin.ars']!;
    const capacity = [1, 2].map((n) => follow<CapacityEvent>(ws(n, admin), CAPACITY_SUBSCRIPTION, { filter: { establishmentId: CHATEAUROUX }, after }));
    const tension = [1, 2].map((n) => follow<TensionEvent>(ws(n, admin), TENSION_SUBSCRIPTION, { filter: { establishmentId: BOURGES }, after }));
    // A rest-hook subscription made through gateway B, active once its handshake was answered.
    const hook = await fetch(`${fhirOf(2)}/Subscription`, {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json', authorization: tokens['place-search']! },
      body: JSON.stringify({
        resourceType: 'Subscription',
        meta: { profile: [BACKPORT_URLS.subscriptionProfile] },
        status: 'requested',
        reason: 'scale-out',
        criteria: CAPACITY_TOPIC.canonical,
        channel: { type: 'rest-hook', endpoint: receiver.url, payload: 'application/fhir+json', _payload: { extension: [{ url: BACKPORT_URLS.payloadContent, valueCode: 'id-only' }] } },
      }),
    });
    expect(hook.status).toBe(201);
    await until(() => receiver.received.some((r) => statusOf(r.body).type === 'handshake'));

    // Writes through both gateways at once: gateway A's are written by instance 1, B's by instance 2.
    const written = (
      await Promise.all(
        [1, 2].map(async (n) => {
          const mine: Array<string | null> = [];
          for (let i = 0; i < 3; i++) mine.push(await enterCapacity(n, units[n - 1]!, 10 + i));
          return mine;
        }),
      )
    ).flat();
    expect(written.every(Boolean)).toBe(true);
    const declarant = { authorization: tokens['decl.tension.bourges']! };
    const tensions: string[] = [];
    for (const [declareOn, closeOn] of [[1, 2], [2, 1]] as const) {
      const declared = await gql<{ declareTension: { id: string } }>(graphqlOf(declareOn), DECLARE, { input: { establishmentId: BOURGES, disciplineGroupCode: 'MEDECINE', levelCode: 'HET_1' } }, declarant);
      expect(declared.errors).toBeUndefined();
      const id = declared.data!.declareTension.id;
      expect((await gql(graphqlOf(closeOn), CLOSE, { id }, declarant)).errors).toBeUndefined();
      tensions.push(id);
    }
    for (const n of [1, 2] as const) {
      const handedTo = [...gatewayBalancers[n]!.capacities.handed.keys()];
      expect(handedTo, `gateway ${n} reached capacities through instance ${n} only`).toEqual([instancesOf('capacities')[n - 1]!.port]);
    }
    // A last write through each gateway: once every subscriber has it, anything sent twice would have come before it.
    const sentinel = [await enterCapacity(1, units[2]!, 1), await enterCapacity(2, units[2]!, 2)];
    const expected = [...written, ...sentinel];
    expect(sentinel.every(Boolean)).toBe(true);
    for (const sub of capacity) {
      await until(() => sub.results.length >= expected.length || sub.ended() !== null);
      expect(sub.ended()).toBeNull();
      expect(sub.results.map((r) => keyOf(r.data)).sort()).toEqual([...expected].sort());
    }
    for (const sub of tension) {
      await until(() => sub.results.length >= 4 || sub.ended() !== null);
      const seen = sub.results.map((r) => `${r.data?.tensionChanged.tension.id} ${r.data?.tensionChanged.action}`);
      expect(seen.sort()).toEqual(tensions.flatMap((id) => [`${id} CLOSE`, `${id} DECLARE`]).sort());
    }
    // The rest-hook: each change notified once (event numbers 1…n, no repeat), by either gateway.
    await until(() => hookEvents().length >= expected.length);
    expect(hookEvents().map((e) => e.number).sort((a, b) => a - b)).toEqual(expected.map((_, i) => i + 1));
    // Each tension event mailed once to the crisis cell, though both tension instances run the mail worker.
    const outbox = async () => (await sql.query<{ status: string; n: number }>(`select status, count(*)::int as n from tensions.mail_outbox where tension_id = any($1) group by status`, [tensions])).rows;
    await until(async () => JSON.stringify(await outbox()) === JSON.stringify([{ status: 'SENT', n: 4 }]));
    expect(await outbox()).toEqual([{ status: 'SENT', n: 4 }]);
    const mailed = smtp.received.filter((m) => tensions.some((id) => m.raw.includes(id)));
    expect(mailed).toHaveLength(4);
    for (const s of [...capacity, ...tension]) s.stop();
  });

  it('runs a bulk export started through gateway A once, polled and downloaded through gateway B and the public URL', async () => {
    const bearer = tokens['national-aggregator']!;
    const statusUrl = await statusUrlOf(await kickOff(fhirOf(1), bearer, '_type=Organization,HealthcareService'));
    expect(statusUrl.startsWith(`${publicUrl}/fhir/$export-status/`)).toBe(true);
    const throughB = statusUrl.replace(publicUrl, `http://127.0.0.1:${gateway(2).port}`);
    // Polled every 100 ms, not at Retry-After's whole seconds: the job's single run is the subject
    // here, the client's pacing fhir-bulk-export.test.ts's.
    const poll = await pollUntilDone(throughB, bearer, { everyMs: 100 });
    expect(poll.response.status).toBe(200);
    const manifest = (await poll.response.json()) as Manifest;
    expect(manifest.output.map((o) => o.type)).toEqual(['Organization', 'HealthcareService']);
    for (const output of manifest.output) {
      expect(output.url.startsWith(`${publicUrl}/fhir/$export-file/`)).toBe(true);
      const { response, lines } = await download(output.url.replace(publicUrl, `http://127.0.0.1:${gateway(2).port}`), bearer);
      expect(response.status).toBe(200);
      expect(lines).toHaveLength(output.count!);
      // Through the public URL, whichever gateway the balancer picks.
      expect((await download(output.url, bearer)).lines).toHaveLength(output.count!);
    }
    expect((await fetch(statusUrl, { headers: { authorization: bearer } })).status).toBe(200);
    const id = statusUrl.split('/').at(-1)!;
    const { rows } = await sql.query<{ attempts: number; n: number }>(`select attempts, (select count(*)::int from fhir_bulk.export_job) as n from fhir_bulk.export_job where id = $1`, [id]);
    expect(rows).toEqual([{ attempts: 1, n: 1 }]);
  });

  it('runs each purge once per period, though both replicas of its component start it', async () => {
    const JOBS: Record<string, Component> = {
      'professionals-archive-purge': 'professionals',
      'oidc-expired-purge': 'professionals',
      'admissions-retention-purge': 'admissions',
      'feed-retention': 'gateway',
      'fhir-subscription-purge': 'gateway',
    };
    const runs = () =>
      instances.flatMap((i) => logLines(i).filter((line) => line.msg === 'periodic job ran').map((line) => ({ job: line.job as string, period: line.period as number, component: i.component })));
    // Two periods of each job at least (2 s each; the processes have run for longer already).
    await until(() => Object.keys(JOBS).every((job) => new Set(runs().filter((r) => r.job === job).map((r) => r.period)).size >= 2));
    const seen = runs();
    for (const [job, component] of Object.entries(JOBS)) {
      const mine = seen.filter((r) => r.job === job);
      expect(mine.every((r) => r.component === component)).toBe(true);
      const periods = mine.map((r) => r.period);
      expect(new Set(periods).size, `${job}: periods ${periods.join(', ')}`).toBe(periods.length);
      expect(periods.length).toBeGreaterThanOrEqual(2);
    }
    // Every run is a claimed period in the database, and none ran twice.
    const { rows } = await sql.query<{ job: string; n: number }>(`select job, count(*)::int as n from feed.job_period where every_ms = 2000 group by job order by job`);
    for (const row of rows) expect(row.n).toBeGreaterThanOrEqual(seen.filter((r) => r.job === row.job).length);
  });

  it('takes the daily capacity snapshot once, though both capacities instances start on a database without one', async () => {
    // Both check every second (ROR_SNAPSHOT_CHECK_SECONDS=1) from their start on.
    const takers = () => instancesOf('capacities').flatMap((i) => logLines(i).filter((line) => line.msg === 'capacity snapshot taken'));
    await until(() => takers().length > 0);
    expect(takers()).toHaveLength(1);
    const { rows } = await sql.query<{ days: number; units: number; rows: number }>(
      `select (select count(*)::int from capacities.capacity_snapshot) as days, (select sum(units)::int from capacities.capacity_snapshot) as units, (select count(*)::int from capacities.capacity_snapshot_row) as rows`,
    );
    expect(rows[0]!.days).toBe(1);
    expect(rows[0]!.rows).toBe(rows[0]!.units);
  });

  it('loses no acknowledged write and no event when an instance of capacities is killed mid-load', async () => {
    const after = await headPosition();
    const admin = tokens['admin.ars']!;
    const subscribers = [1, 2].map((n) => follow<CapacityEvent>(ws(n, admin), CAPACITY_SUBSCRIPTION, { filter: { establishmentId: CHATEAUROUX }, after }));
    const victim = instancesOf('capacities')[0]!;
    const acknowledged: string[] = [];
    let stop = false;
    // A writer per gateway, each on its own unit, until told to stop.
    const writers = [1, 2].map(async (n) => {
      for (let i = 0; !stop; i++) {
        const done = await enterCapacity(n, units[n - 1]!, i % 20);
        if (done) acknowledged.push(done);
        else await sleep(50);
      }
    });
    await until(() => acknowledged.length >= 6);
    victim.process.kill();
    const killedAt = acknowledged.length;
    expect((await victim.process.exited).signal).toBe('SIGKILL');
    // Writes go on through both gateways (gateway A's balancer now falls over to instance 2).
    await until(() => acknowledged.length >= killedAt + 8);
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThanOrEqual(killedAt + 8);
    // Every acknowledged write is in the unit's history (ids of committed changes) …
    const { rows } = await sql.query<{ key: string }>(`select unit_id || '#' || (record->>'version') as key from capacities.capacity_history where unit_id = any($1)`, [units]);
    expect(rows.map((r) => r.key)).toEqual(expect.arrayContaining(acknowledged));
    // … and reached both subscribers once, the one behind the killed instance having resumed on the other.
    const sentinel = (await enterCapacity(2, units[2]!, 3))!;
    for (const sub of subscribers) {
      await until(() => sub.results.some((r) => keyOf(r.data) === sentinel) || sub.ended() !== null);
      expect(sub.ended()).toBeNull();
      const keys = sub.results.map((r) => keyOf(r.data));
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys).toEqual(expect.arrayContaining([...acknowledged, sentinel]));
    }
    // The rest-hook made earlier: every capacity change since, each once, though the gateways'
    // FHIR workers had reads in flight on the killed instance.
    const changes = await capacityChangesSince(hookFrom);
    await until(() => hookEvents().length >= changes);
    expect(hookEvents().map((e) => e.number).sort((a, b) => a - b)).toEqual(Array.from({ length: changes }, (_, i) => i + 1));
  });
});
