/**
 * Horizontal scale on PostgreSQL (issue 15, docs/deployment.md § What is stateless): two gateway
 * processes and two processes of every subgraph (`npm run serve -- <component>`, twelve in all)
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
import { SUBGRAPH_NAMES, type SubgraphName } from '../platform/config.js';
import { SUBGRAPHS } from '../scripts/subgraphs.js';
import { CHANGE_FEED_MIGRATIONS } from '../platform/changes/migrations.js';
import { FHIR_MIGRATIONS } from '../fhir/migrations.js';
import { createScratchDatabase, reservePort, TEST_INTERNAL_SECRET, TEST_PASSWORD_LOG2N } from './helpers/hub.js';
import { npm, type NpmProcess } from './helpers/process.js';
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
type TensionEvent = { tensionChanged: { id: string; action: string; tension: { id: string } } };

const READ_CAPACITY = `query($id: ID!) { unit(id: $id) { capacity { version installedBeds } } }`;
const UPDATE_CAPACITY = `mutation($u: ID!, $i: CapacityInput!, $v: Int!) { updateUnitCapacity(unitId: $u, input: $i, expectedVersion: $v) { id version } }`;
const DECLARE = `mutation($input: DeclareTensionInput!) { declareTension(input: $input) { id version } }`;
const CLOSE = `mutation($id: ID!) { closeTension(id: $id) { id } }`;

describe.runIf(process.env.TEST_DATABASE_URL)('two of every component on one PostgreSQL database', () => {
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

  const ws = (n: number, token: string) => {
    const client = createClient({ url: graphqlOf(n).replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: token }, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });
    clients.push(client);
    return client;
  };
  const headPosition = async () => String((await sql.query<{ head: string | null }>('select max(id) as head from feed.change_event')).rows[0]!.head ?? 0);

  /** One capacity entry through gateway `n`; the new version, or null when not acknowledged. */
  async function enterCapacity(n: number, unitId: string, available: number): Promise<{ id: string; version: number } | null> {
    const auth = { authorization: tokens['saisie.lits.chateauroux']! };
    try {
      const read = await gql<{ unit: { capacity: { version: number; installedBeds: number } } }>(graphqlOf(n), READ_CAPACITY, { id: unitId }, auth);
      const { version, installedBeds } = read.data!.unit.capacity;
      const input = { installedBeds: Math.max(installedBeds, available), availableMen: 0, availableWomen: 0, availableUndifferentiated: available, closedBeds: 0, reopenedBeds: 0, reopenableBeds: 0, mobilisedBeds: 0 };
      const written = await gql<{ updateUnitCapacity: { id: string; version: number } }>(graphqlOf(n), UPDATE_CAPACITY, { u: unitId, i: input, v: version }, auth);
      return written.errors || !written.data ? null : written.data.updateUnitCapacity;
    } catch {
      return null; // the connection broke: not acknowledged
    }
  }

  beforeAll(async () => {
    const started = Date.now();
    [database, smtp, receiver] = await Promise.all([createScratchDatabase(), startSmtpServer(), startReceiver()]);
    sql = new pg.Pool({ connectionString: database.url, max: 2 });
    const ports = await Promise.all(Array.from({ length: 12 }, () => reservePort()));
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
      PORT: '0',
      ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_PORT`, '0'])),
    };
    for (const component of [...SUBGRAPH_NAMES, 'gateway'] as const) {
      for (const n of [1, 2]) {
        const port = portOf(component, n);
        const own =
          component === 'gateway'
            ? { PORT: String(port), ...urls(gatewayBalancers[n]!) }
            : { [`${component.toUpperCase()}_PORT`]: String(port), ...urls(shared), ROR_SEED_DEMO: String(n === 1) };
        instances.push({ component, n, port, process: npm(['-s', 'run', 'serve', '--', component], { ...env, ...own }) });
      }
    }
    await Promise.all(instances.map((i) => i.process.waitFor(/"msg":"(subgraph|gateway) listening"/)));
    console.info(`scale-out: 12 processes listening after ${Date.now() - started} ms`);

    const graphql = `${publicUrl}/graphql`;
    for (const who of ['admin.ars', 'saisie.lits.chateauroux', 'decl.tension.bourges']) tokens[who] = await asUser(graphql, who);
    for (const app of ['national-aggregator', 'place-search']) tokens[app] = await asApp(graphql, app);
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
});
