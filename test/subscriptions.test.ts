/**
 * GraphQL subscriptions through the gateway (docs/subscriptions.md): a real graphql-ws client
 * receives the capacity changes another client makes, with fields of other subgraphs resolved
 * per event; authorisation per subscriber; identical subscriptions share one upstream; closing
 * clients closes upstream; a write in another hub process reaches a subscriber (PostgreSQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { spawn, type ChildProcess } from 'node:child_process';
import { createSeededDatabase, databaseKinds, reservePort, startTestHub, testEnv, type TestHub } from './helpers/hub.js';
import { asUser } from './helpers/tokens.js';
import { gql } from './helpers/graphql.js';
import { enterCapacity } from './helpers/capacity-entry.js';

const TOURS_ICU = '370004467-4557'; // ref.uo.tours may read and enter this unit's capacity only
const CHATEAUROUX = '360000137'; // saisie.lits.chateauroux enters every unit of its legal entity

const SUBSCRIPTION = /* GraphQL */ `
  subscription($filter: CapacityChangeFilter) {
    capacityChanged(filter: $filter) {
      id
      at
      capacity { availableBeds version updatedBy }
      unit { id name establishment { id name } }
    }
  }
`;

interface Change {
  id: string;
  capacity: { availableBeds: number; version: number; updatedBy: string };
  unit: { id: string; name: string; establishment: { id: string; name: string } };
}
type Result = { data?: { capacityChanged: Change } | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };

/** Subscribes and collects results; `next(n)` waits for the n-th one. */
function follow(client: Client, variables: Record<string, unknown>) {
  const results: Result[] = [];
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  let ended: unknown = null;
  const stop = client.subscribe<Change>({ query: SUBSCRIPTION, variables }, {
    next: (r) => {
      results.push(r as Result);
      waiters.filter((w) => results.length >= w.n).forEach((w) => w.resolve());
    },
    error: (e) => {
      ended = e;
      waiters.forEach((w) => w.resolve());
    },
    complete: () => undefined,
  });
  const next = async (n: number, ms = 10_000) => {
    if (results.length < n && !ended) {
      await Promise.race([new Promise<void>((resolve) => waiters.push({ n, resolve })), new Promise((r) => setTimeout(r, ms))]);
    }
    return results[n - 1] ?? null;
  };
  return { results, next, stop, ended: () => ended };
}

const wsClient = (graphqlUrl: string, token?: string) =>
  createClient({ url: graphqlUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: token ? { authorization: token } : {}, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (check: () => boolean, ms = 20_000) => {
  for (const end = Date.now() + ms; !check() && Date.now() < end; ) await sleep(25);
};

describe.each(databaseKinds())('capacity subscriptions through the gateway (%s)', (kind) => {
  let hub: TestHub;
  let tokens: Record<string, string>;
  const clients: Client[] = [];
  const client = (token?: string) => {
    const c = wsClient(hub.urls.graphql, token);
    clients.push(c);
    return c;
  };
  let chateaurouxUnit: string;
  // On PostgreSQL, a database of the test's own, which the second process of the last block opens too.
  let scratch: { url: string; drop: () => Promise<void> } | null = null;

  beforeAll(async () => {
    scratch = kind === 'postgres' ? await createSeededDatabase() : null;
    hub = await startTestHub(kind, scratch ? { DATABASE_URL: scratch.url } : {});
    tokens = Object.fromEntries(
      await Promise.all(['admin.ars', 'ref.uo.tours', 'saisie.lits.chateauroux', 'decl.tension.bourges'].map(async (l) => [l, await asUser(hub.urls.graphql, l)])),
    );
    const r = await gql<{ units: { edges: Array<{ node: { id: string } }> } }>(hub.urls.graphql, `{ units(filter: { establishmentId: "${CHATEAUROUX}" }, first: 1) { edges { node { id } } } }`);
    chateaurouxUnit = r.data!.units.edges[0]!.node.id;
  }, 120_000);
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await hub?.close();
    await scratch?.drop();
  });

  it("a subscriber receives another client's change, with the unit's name and establishment from the offer subgraph", async () => {
    const sub = follow(client(tokens['admin.ars']), { filter: { establishmentId: CHATEAUROUX } });
    await until(() => hubSubscriptions(hub) === 1);
    const version = await enterCapacity(hub.urls.graphql, tokens['saisie.lits.chateauroux']!, chateaurouxUnit, 2);
    const first = await sub.next(1);
    expect(first?.errors).toBeUndefined();
    const change = first!.data!.capacityChanged;
    expect(change.capacity).toMatchObject({ availableBeds: 2, version, updatedBy: 'saisie.lits.chateauroux' });
    expect(change.unit.id).toBe(chateaurouxUnit);
    expect(change.unit.name.length).toBeGreaterThan(0); // resolved from the offer subgraph
    expect(change.unit.establishment).toMatchObject({ id: CHATEAUROUX });
    // The same change as the unit's history tells it.
    const history = await gql<{ unit: { capacityHistory: { edges: Array<{ node: { id: string } }> } } }>(
      hub.urls.graphql,
      `query($id: ID!) { unit(id: $id) { capacityHistory(first: 1) { edges { node { id } } } } }`,
      { id: chateaurouxUnit },
      { authorization: tokens['admin.ars']! },
    );
    expect(history.data!.unit.capacityHistory.edges[0]!.node.id).toBe(change.id);
    sub.stop();
  });

  it('filters: a change outside the filter is not sent; a unit referent only hears of its own unit', async () => {
    const chateauroux = follow(client(tokens['admin.ars']), { filter: { establishmentId: CHATEAUROUX } });
    const referent = follow(client(tokens['ref.uo.tours']), {}); // no filter: what it may read
    await until(() => hubSubscriptions(hub) === 2);
    await enterCapacity(hub.urls.graphql, tokens['ref.uo.tours']!, TOURS_ICU, 1);
    await enterCapacity(hub.urls.graphql, tokens['saisie.lits.chateauroux']!, chateaurouxUnit, 3);
    const first = await chateauroux.next(1);
    expect(first!.data!.capacityChanged.unit.id).toBe(chateaurouxUnit); // Tours was filtered out
    const heard = await referent.next(1);
    expect(heard!.data!.capacityChanged.unit.id).toBe(TOURS_ICU);
    // A later change of its own unit: events come in feed order, so Châteauroux's would be before it.
    await enterCapacity(hub.urls.graphql, tokens['ref.uo.tours']!, TOURS_ICU, 2);
    expect((await referent.next(2))!.data!.capacityChanged.unit.id).toBe(TOURS_ICU);
    expect(referent.results).toHaveLength(2); // Châteauroux is outside its perimeter
    chateauroux.stop();
    referent.stop();
  });

  it('refuses subscribers who may not read capacities, and queries over WebSocket', async () => {
    const anonymous = follow(client(), {});
    const declarant = follow(client(tokens['decl.tension.bourges']), {});
    const codeOf = async (f: ReturnType<typeof follow>) => {
      await until(() => f.ended() !== null || f.results.length > 0);
      const errors = (f.ended() ?? f.results[0]?.errors) as Array<{ extensions?: { code?: string } }>;
      return errors?.[0]?.extensions?.code;
    };
    expect(await codeOf(anonymous)).toBe('UNAUTHENTICATED');
    expect(await codeOf(declarant)).toBe('FORBIDDEN');
    const queried = await new Promise<unknown>((resolve) =>
      client(tokens['admin.ars']).subscribe({ query: '{ __typename }' }, { next: () => undefined, error: resolve, complete: () => resolve(null) }),
    );
    expect(JSON.stringify(queried)).toMatch(/Only subscriptions/);
  });

  it('an invalid token closes the connection (4403)', async () => {
    const closed = await new Promise<number>((resolve) => {
      const c = createClient({
        url: hub.urls.graphql.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: 'Bearer not-a-token' },
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => undefined,
        on: { closed: (e) => resolve((e as { code: number }).code) },
      });
      clients.push(c);
    });
    expect(closed).toBe(4403);
  });

  it('identical subscriptions share one upstream; closing every client closes it', async () => {
    const upstream = () => hub.gateway.subscriptions.upstream.stats();
    await until(() => upstream().subscriptions === 0 && upstream().sockets === 0); // earlier tests' streams have ended
    const a = follow(client(tokens['admin.ars']), { filter: { establishmentId: CHATEAUROUX } });
    const b = follow(client(tokens['admin.ars']), { filter: { establishmentId: CHATEAUROUX } });
    const other = follow(client(tokens['admin.ars']), { filter: { unitIds: [TOURS_ICU] } });
    // The upstream WebSocket is counted once open, which may come after both subscriptions are recorded.
    await until(() => upstream().subscriptions === 2 && upstream().sockets > 0);
    expect(upstream().subscriptions).toBe(2);
    expect(hub.gateway.subscriptions.executions()).toBe(2);
    expect(upstream().sockets).toBe(1); // one identity: one multiplexed WebSocket
    await enterCapacity(hub.urls.graphql, tokens['saisie.lits.chateauroux']!, chateaurouxUnit, 4);
    expect((await a.next(1))!.data!.capacityChanged.capacity.availableBeds).toBe(4);
    expect((await b.next(1))!.data!.capacityChanged.capacity.availableBeds).toBe(4);
    a.stop();
    expect(upstream().subscriptions).toBe(2); // b still listens
    b.stop();
    other.stop();
    await until(() => upstream().subscriptions === 0 && upstream().sockets === 0);
    expect(upstream()).toEqual({ sockets: 0, subscriptions: 0 });
    await until(() => hubSubscriptions(hub) === 0);
    expect(hubSubscriptions(hub)).toBe(0); // the capacities subgraph's stream ended too
  });

  it("executions with other filters share one change's result; another identity's is its own", async () => {
    const upstream = () => hub.gateway.subscriptions.upstream.stats();
    await until(() => upstream().subscriptions === 0);
    const byEstablishment = follow(client(tokens['admin.ars']), { filter: { establishmentId: CHATEAUROUX } });
    const byUnit = follow(client(tokens['admin.ars']), { filter: { unitIds: [chateaurouxUnit] } });
    const entry = follow(client(tokens['saisie.lits.chateauroux']), { filter: { establishmentId: CHATEAUROUX } });
    await until(() => upstream().subscriptions === 3);
    expect(hub.gateway.subscriptions.executions()).toBe(3);
    const before = hub.gateway.subscriptions.results();
    await enterCapacity(hub.urls.graphql, tokens['saisie.lits.chateauroux']!, chateaurouxUnit, 5);
    const [a, b, c] = await Promise.all([byEstablishment.next(1), byUnit.next(1), entry.next(1)]);
    for (const r of [a, b, c]) expect(r!.data!.capacityChanged.capacity.availableBeds).toBe(5);
    expect(b).toEqual(a);
    expect(c!.data!.capacityChanged.unit.id).toBe(chateaurouxUnit);
    const after = hub.gateway.subscriptions.results();
    // admin.ars's two executions: one computed, one shared; saisie.lits.chateauroux's computed apart.
    expect({ computed: after.computed - before.computed, shared: after.shared - before.shared }).toEqual({ computed: 2, shared: 1 });
    byEstablishment.stop();
    byUnit.stop();
    entry.stop();
  });

  // A second hub process on this describe's PostgreSQL database (D247: on its hub, as
  // its last block, rather than a hub and a database of its own).
  if (kind === 'postgres') describe('two hub processes on one PostgreSQL database', () => {
    let other: ChildProcess;
    let otherGraphql: string;

    beforeAll(async () => {
      const port = await reservePort();
      otherGraphql = `http://127.0.0.1:${port}/graphql`;
      const env = { ...process.env, ...testEnv({ PORT: String(port), DATABASE_URL: scratch!.url, ROR_DB_IN_MEMORY: 'false' }) };
      other = spawn(process.execPath, ['--import', './scripts/runtime/ts-resolve.ts', 'scripts/start.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('second hub did not start')), 90_000);
        other.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ROR Hub ready') && (clearTimeout(timer), resolve()));
        other.once('exit', (code) => reject(new Error(`second hub exited with ${code}`)));
      });
    }, 180_000);
    afterAll(async () => {
      other?.kill('SIGTERM');
      await new Promise((r) => other?.once('exit', r));
    });

    it("a write through the other process's gateway reaches this process's subscriber", async () => {
      await until(() => hubSubscriptions(hub) === 0); // the earlier tests' streams have ended
      const c = client(tokens['admin.ars']);
      const sub = follow(c, { filter: { unitIds: [TOURS_ICU] } });
      await until(() => hubSubscriptions(hub) === 1);
      const version = await enterCapacity(otherGraphql, await asUser(otherGraphql, 'ref.uo.tours'), TOURS_ICU, 1);
      const got = await sub.next(1);
      expect(got?.data?.capacityChanged.capacity.version).toBe(version);
      sub.stop();
    });
  });
});

/**
 * Live change-feed subscribers of the hub's process (the capacities subgraph's streams), less the
 * gateway's own follower of role changes (docs/subscriptions.md#access-at-each-event).
 */
function hubSubscriptions(hub: TestHub): number {
  return hub.feed.subscribers() - 1;
}
