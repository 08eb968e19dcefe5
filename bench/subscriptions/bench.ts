/**
 * Capacity update → `capacityChanged` event received by N graphql-ws subscribers through the
 * gateway. Each update is an `updateUnitCapacity` over HTTP through the gateway, sent one after
 * the other; each delivery is timed from just before the mutation was sent and from its HTTP
 * response. Baselines of the same events, in the same run: a raw `LISTEN ror_changes` client
 * (commit → notification, the floor) and one graphql-ws subscriber connected straight to the
 * capacities subgraph (no gateway). That subscriber does not fan out; the gateway writes each change
 * to hundreds of sockets. So a second phase, after the gateway's subscribers are closed, measures a
 * direct fan-out as large as the gateway's (its deliveries per change) on the subgraph's own
 * sockets: the fair baseline for the cost of the gateway itself (bench/README.md).
 */
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import { signIdentity, IDENTITY_HEADER } from '../../platform/auth/internal-token.js';
import type { Identity } from '../../platform/auth/identity.js';
import { CHANGE_CHANNEL } from '../../platform/changes/append.js';
import { startProfiler } from '../lib/profiler.js';
import type { BenchHub } from '../lib/hub.js';
import { graphql, graphqlRequests } from '../lib/graphql.js';
import { now, summarize, type Summary } from '../lib/stats.js';
import { buildMix, LIGHT, operation, type TargetUnit, type Tokens } from './mix.js';
import type { Deliveries, FromWorker, SubscriberSpec, ToWorker } from './protocol.js';

export interface SubscriptionOptions {
  subscribers: number;
  updates: number;
  /** Pause between two updates (ms); 0 sends the next as soon as the previous one answered. */
  intervalMs: number;
  /** The legal entity whose units are updated (the entry account's perimeter). */
  organizationId: string;
  /** Writes a CPU profile of this thread (the hub: gateway and subgraphs) over the measured updates only. */
  cpuProfile?: string | undefined;
  /**
   * Subscribers of the direct fan-out phase (straight to the capacities subgraph, after the
   * gateway's are closed): 'auto' as many as the gateway's deliveries per update, 0 none.
   */
  directFanout?: number | 'auto';
  /** Every gateway subscriber selects the capacities fields only (no entity fetch per event): what the fetches cost. */
  capacitiesOnly?: boolean;
}

/** Latencies of one phase's deliveries: from just before its mutation was sent, from its HTTP response, from its change's notification. */
export interface PhaseLatencies {
  fromSend: Summary;
  fromResponse: Summary;
  /** From the raw `LISTEN` notification of the same change: what the path adds after the commit, whatever the mutation's own time. */
  fromNotification: Summary;
  /** Per change: its first and its last delivery (the fan-out's spread is last − first). */
  firstPerChange: Summary;
  lastPerChange: Summary;
}

/** The direct fan-out phase: as many subscribers as the gateway's deliveries per change, on the subgraph's own sockets. */
export interface DirectFanoutFigures extends PhaseLatencies {
  subscribers: number;
  connectMs: number;
  updates: number;
  updateRate: number;
  /** The hub's thread's CPU time per update (user + system, ms), from the first measured update to the last delivery. */
  cpuPerUpdate: number;
  expected: number;
  delivered: number;
  errors: number;
  raw: { fromSend: Summary; fromResponse: Summary; missed: number };
}

export interface SubscriptionFigures {
  subscribers: number;
  capacitiesOnly: boolean;
  groups: Array<{ group: string; count: number; description: string }>;
  executions: number;
  upstream: { sockets: number; subscriptions: number };
  connectMs: number;
  updates: number;
  updateRate: number;
  /** The hub's thread's CPU time per update (user + system, ms), from the first measured update to the last delivery. */
  cpuPerUpdate: number;
  mutation: Summary;
  expected: number;
  delivered: number;
  fromSend: Summary;
  fromResponse: Summary;
  fromNotification: Summary;
  firstPerChange: Summary;
  lastPerChange: Summary;
  /** The gateway's deliveries by group of the mix (`unit`: capacities fields only, no entity fetch). */
  byGroup: Array<{ group: string; fromSend: Summary }>;
  deliveriesPerSecond: number;
  direct: { fromSend: Summary; fromResponse: Summary; fromNotification: Summary; missed: number };
  directFanout: DirectFanoutFigures | null;
  raw: { fromSend: Summary; fromResponse: Summary; missed: number };
  /** Subgraph HTTP GraphQL requests per measured update (the mutation's own, and the events' per-execution fetches). */
  requestsPerUpdate: { offer: number; capacities: number };
  /** Event results the gateway computed, and took from an identical execution of the same change, per measured update. */
  resultsPerUpdate: { computed: number; shared: number };
  errors: number;
  firstError: string | null;
}

const MUTATION = `mutation Bench($u: ID!, $i: CapacityInput!, $v: Int!) { updateUnitCapacity(unitId: $u, input: $i, expectedVersion: $v) { version } }`;

interface Row {
  unit_id: string;
  establishment_id: string;
  department_code: string;
  installed_beds: number;
  available_men: number;
  available_women: number;
  available_undifferentiated: number;
  closed_beds: number;
  reopened_beds: number;
  reopenable_beds: number;
  mobilised_beds: number;
  nature: string;
  version: number;
}

/** A worker thread and a way to await its next message of a kind. */
function startWorker() {
  const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url));
  const waiting = new Map<string, { resolve: (m: FromWorker) => void; reject: (e: Error) => void }>();
  worker.on('message', (m: FromWorker) => {
    waiting.get(m.kind)?.resolve(m);
    waiting.delete(m.kind);
  });
  worker.on('error', (error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  });
  const ask = <K extends FromWorker['kind']>(message: ToWorker, reply: K): Promise<Extract<FromWorker, { kind: K }>> =>
    new Promise((resolve, reject) => {
      waiting.set(reply, { resolve: resolve as (m: FromWorker) => void, reject });
      worker.postMessage(message);
    });
  return { worker, ask, tell: (message: ToWorker) => worker.postMessage(message) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(condition: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await sleep(100);
  }
  return false;
}

export async function runSubscriptionBench(bench: BenchHub, tokens: Tokens, options: SubscriptionOptions, log: (line: string) => void): Promise<SubscriptionFigures> {
  const { hub } = bench;
  const rows = await hub.db.rows<Row>(sql`
    select c.unit_id, u.establishment_id, e.department_code, c.installed_beds, c.available_men, c.available_women, c.available_undifferentiated,
           c.closed_beds, c.reopened_beds, c.reopenable_beds, c.mobilised_beds, c.nature, c.version
    from capacities.unit_capacity c join offer.unit u on u.id = c.unit_id join offer.establishment e on e.id = u.establishment_id
    where e.organization_id = ${options.organizationId} and not u.sensitive and not u.archived order by c.unit_id`);
  const targets: TargetUnit[] = rows.map((r) => ({ id: r.unit_id, establishmentId: r.establishment_id, departmentCode: r.department_code }));
  const others = (await hub.db.rows<{ id: string }>(sql`select u.id from offer.unit u join offer.establishment e on e.id = u.establishment_id where e.region_code <> '24' order by u.id limit 1000`)).map((r) => r.id);
  const wsGateway = hub.urls.graphql.replace(/^http/, 'ws');
  const mix = buildMix(wsGateway, tokens, targets, others, options.subscribers, options.capacitiesOnly);
  // The direct baseline: place-search's identity, as the gateway forwards it, on the subgraph's own socket.
  const identity: Identity = { kind: 'client', subject: 'place-search', name: 'Recherche de places (admissions directes)', scopes: ['offer.read', 'capacity.read'], accessLevel: 2 };
  // Signed once the gateway's subscribers are connected: at 5,000 an envelope signed before them
  // could expire before its socket's turn (401).
  const direct = async (): Promise<SubscriberSpec> => ({
    url: hub.urls.subgraphs.capacities.replace(/^http/, 'ws'),
    authorization: null,
    headers: { [IDENTITY_HEADER]: await signIdentity(identity, bench.internalSecret, 'capacities') },
    query: operation(LIGHT),
    variables: {},
  });
  const directIndex = mix.subscribers.length;

  // The floor: LISTEN on the change feed's channel; the payload is the highest event id committed.
  const notifications: Array<{ id: number; at: number }> = [];
  const stopListening = await hub.db.listen(CHANGE_CHANNEL, (payload) => notifications.push({ id: Number(payload), at: now() }));

  const { worker, ask, tell } = startWorker();
  try {
    log(`  subscriptions: opening ${mix.subscribers.length} gateway subscribers + 1 direct…`);
    const connected = await ask({ kind: 'start', specs: mix.subscribers.map((s) => s.spec) }, 'connected');
    await ask({ kind: 'start', specs: [await direct()] }, 'connected');
    const gw = hub.gateway.subscriptions;
    // Upstream subscriptions start asynchronously after the sockets are acknowledged: wait until they stop growing.
    let last = -1;
    await until(() => {
      const current = gw.upstream.stats().subscriptions;
      const stable = current === last;
      last = current;
      return stable && current > 0;
    }, 30_000);
    const upstream = gw.upstream.stats();
    const executions = gw.executions();
    log(`  subscriptions: ${connected.sockets} sockets in ${(connected.ms / 1000).toFixed(1)} s; gateway holds ${executions} executions, ${upstream.subscriptions} upstream subscriptions on ${upstream.sockets} upstream sockets`);

    const state = new Map(rows.map((r) => [r.unit_id, r]));
    let sequence = 0;
    const update = async (unitId: string) => {
      const r = state.get(unitId)!;
      sequence += 1;
      const input = {
        nature: r.nature, installedBeds: r.installed_beds, availableMen: r.available_men, availableWomen: r.available_women,
        availableUndifferentiated: r.available_undifferentiated, closedBeds: r.closed_beds, reopenedBeds: r.reopened_beds,
        reopenableBeds: r.reopenable_beds, mobilisedBeds: r.mobilised_beds, notes: `bench update ${sequence}`,
      };
      const sent = now();
      const data = await graphql<{ updateUnitCapacity: { version: number } }>(hub.urls.graphql, tokens.entry, MUTATION, { u: unitId, i: input, v: r.version });
      const answered = now();
      r.version = data.updateUnitCapacity.version;
      return { key: `${unitId}|${r.version}`, unitId, sent, answered };
    };
    const expectedOf = (unitId: string) => mix.subscribers.filter((s) => s.expects(targets.find((t) => t.id === unitId)!)).length;
    const deliveredAll = async (expectedGateway: number, expectedDirect: number) => {
      const { counts } = await ask({ kind: 'counts' }, 'counts');
      return counts.slice(0, directIndex).reduce((a, b) => a + b, 0) >= expectedGateway && counts.slice(directIndex).reduce((a, b) => a + b, 0) >= expectedDirect;
    };

    // Warm-up: every target once, until every subscriber has had its first event (all upstream subscriptions live).
    for (const t of targets) await update(t.id);
    const warm = await until(async () => {
      const { counts } = await ask({ kind: 'counts' }, 'counts');
      return mix.subscribers.every((s, i) => counts[i]! >= targets.filter((t) => s.expects(t)).length) && counts[directIndex]! >= targets.length;
    }, 30_000);
    if (!warm) log('  subscriptions: warning: some subscribers missed warm-up events');
    tell({ kind: 'reset' });
    await sleep(200);
    notifications.length = 0;

    log(`  subscriptions: ${options.updates} updates${options.intervalMs ? `, one every ${options.intervalMs} ms` : ', back to back'}…`);
    const before = { offer: await graphqlRequests(hub.urls.subgraphs.offer), capacities: await graphqlRequests(hub.urls.subgraphs.capacities), results: gw.results() };
    const updates: Array<Awaited<ReturnType<typeof update>>> = [];
    const profiler = options.cpuProfile ? await startProfiler() : null;
    const cpuBefore = process.threadCpuUsage();
    for (let i = 0; i < options.updates; i += 1) {
      updates.push(await update(targets[i % targets.length]!.id));
      if (options.intervalMs) await sleep(options.intervalMs);
    }
    const expected = updates.reduce((sum, u) => sum + expectedOf(u.unitId), 0);
    await until(() => deliveredAll(expected, updates.length), 60_000);
    const cpuPerUpdate = cpuMs(process.threadCpuUsage(cpuBefore)) / updates.length;
    if (profiler && options.cpuProfile) await profiler.stop(options.cpuProfile);
    const requestsPerUpdate = {
      offer: (await graphqlRequests(hub.urls.subgraphs.offer) - before.offer) / updates.length,
      capacities: (await graphqlRequests(hub.urls.subgraphs.capacities) - before.capacities) / updates.length,
    };
    const results = gw.results();
    const resultsPerUpdate = { computed: (results.computed - before.results.computed) / updates.length, shared: (results.shared - before.results.shared) / updates.length };
    const { deliveries } = await ask({ kind: 'collect' }, 'deliveries');
    const { errors, firstError } = await ask({ kind: 'counts' }, 'counts');
    const raw = await rawLatencies(bench, notifications, updates);
    const gateway = gatewayLatencies(deliveries, updates, directIndex, (i) => mix.subscribers[i]!.group, raw.notifiedAt);

    // The fair baseline: a direct fan-out as large as the gateway's, the gateway's subscribers gone.
    const perUpdate = Math.round(expected / updates.length);
    const fanout = options.directFanout === 'auto' || options.directFanout === undefined ? perUpdate : options.directFanout;
    let directFanout: DirectFanoutFigures | null = null;
    if (fanout > 0) {
      await ask({ kind: 'close' }, 'closed');
      if (!(await until(() => gw.executions() === 0, 30_000))) log('  subscriptions: warning: the gateway still holds executions');
      log(`  subscriptions: direct fan-out: opening ${fanout} subscribers on the capacities subgraph…`);
      let connectMs = 0;
      // 250 per envelope: each batch's is signed just before it connects (envelopes expire).
      for (let from = 0; from < fanout; from += 250) {
        const spec = await direct();
        connectMs += (await ask({ kind: 'start', specs: Array.from({ length: Math.min(250, fanout - from) }, () => spec) }, 'connected')).ms;
      }
      for (const t of targets) await update(t.id);
      if (!(await until(async () => (await ask({ kind: 'counts' }, 'counts')).counts.every((c) => c >= targets.length), 30_000))) {
        log('  subscriptions: warning: some direct subscribers missed warm-up events');
      }
      tell({ kind: 'reset' });
      await sleep(200);
      notifications.length = 0;
      log(`  subscriptions: direct fan-out: ${options.updates} updates…`);
      const measuredUpdates: typeof updates = [];
      const fanoutCpuBefore = process.threadCpuUsage();
      for (let i = 0; i < options.updates; i += 1) {
        measuredUpdates.push(await update(targets[i % targets.length]!.id));
        if (options.intervalMs) await sleep(options.intervalMs);
      }
      const expectedDirect = fanout * measuredUpdates.length;
      await until(async () => (await ask({ kind: 'counts' }, 'counts')).counts.reduce((a, b) => a + b, 0) >= expectedDirect, 60_000);
      const fanoutCpu = cpuMs(process.threadCpuUsage(fanoutCpuBefore)) / measuredUpdates.length;
      const collected = (await ask({ kind: 'collect' }, 'deliveries')).deliveries;
      const phaseErrors = (await ask({ kind: 'counts' }, 'counts')).errors;
      const fanoutRaw = await rawLatencies(bench, notifications, measuredUpdates);
      const all = gatewayLatencies(collected, measuredUpdates, -1, () => 'direct', fanoutRaw.notifiedAt);
      directFanout = {
        subscribers: fanout,
        connectMs,
        updates: measuredUpdates.length,
        updateRate: measuredUpdates.length / ((measuredUpdates.at(-1)!.answered - measuredUpdates[0]!.sent) / 1000),
        cpuPerUpdate: fanoutCpu,
        expected: expectedDirect,
        delivered: all.delivered,
        errors: phaseErrors,
        fromSend: all.fromSend,
        fromResponse: all.fromResponse,
        firstPerChange: all.firstPerChange,
        lastPerChange: all.lastPerChange,
        fromNotification: all.fromNotification,
        raw: fanoutRaw,
      };
    }
    return {
      subscribers: mix.subscribers.length,
      capacitiesOnly: options.capacitiesOnly ?? false,
      groups: mix.groups,
      executions,
      upstream,
      connectMs: connected.ms,
      updates: updates.length,
      updateRate: updates.length / ((updates.at(-1)!.answered - updates[0]!.sent) / 1000),
      cpuPerUpdate,
      mutation: summarize(updates.map((u) => u.answered - u.sent)),
      expected,
      ...gateway,
      directFanout,
      raw,
      requestsPerUpdate,
      resultsPerUpdate,
      errors,
      firstError,
    };
  } finally {
    await Promise.race([ask({ kind: 'close' }, 'closed').catch(() => undefined), sleep(10_000)]);
    await worker.terminate();
    await stopListening();
  }
}

/** Microseconds of CPU (user + system) as milliseconds. */
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

interface Timed {
  key: string;
  sent: number;
  answered: number;
}

/**
 * The deliveries of one phase: those of `directIndex` (the single direct subscriber) apart, the
 * others (the gateway's, or the direct fan-out's with `directIndex` -1) in all, per change (first
 * and last) and by group.
 */
function gatewayLatencies(deliveries: Deliveries, updates: Timed[], directIndex: number, groupOf: (subscriber: number) => string, notifiedAt: ReadonlyMap<string, number>) {
  const byKey = new Map(updates.map((u) => [u.key, u]));
  const fromSend: number[] = [];
  const fromResponse: number[] = [];
  const fromNotification: number[] = [];
  const directNotification: number[] = [];
  const directSend: number[] = [];
  const directResponse: number[] = [];
  const groups = new Map<string, number[]>();
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  let lastAt = 0;
  for (let i = 0; i < deliveries.key.length; i += 1) {
    const key = deliveries.key[i]!;
    const u = byKey.get(key);
    if (!u) continue; // an event of another write: none expected
    const at = deliveries.at[i]!;
    const subscriber = deliveries.subscriber[i]!;
    const notified = notifiedAt.get(key);
    if (subscriber === directIndex) {
      if (notified !== undefined) directNotification.push(at - notified);
      directSend.push(at - u.sent);
      directResponse.push(at - u.answered);
      continue;
    }
    fromSend.push(at - u.sent);
    fromResponse.push(at - u.answered);
    if (notified !== undefined) fromNotification.push(at - notified);
    lastAt = Math.max(lastAt, at);
    first.set(key, Math.min(first.get(key) ?? Infinity, at - u.sent));
    last.set(key, Math.max(last.get(key) ?? -Infinity, at - u.sent));
    const group = groupOf(subscriber);
    const list = groups.get(group) ?? [];
    list.push(at - u.sent);
    groups.set(group, list);
  }
  return {
    delivered: fromSend.length,
    fromSend: summarize(fromSend),
    fromResponse: summarize(fromResponse),
    fromNotification: summarize(fromNotification),
    firstPerChange: summarize([...first.values()]),
    lastPerChange: summarize([...last.values()]),
    byGroup: [...groups].map(([group, values]) => ({ group, fromSend: summarize(values) })),
    deliveriesPerSecond: fromSend.length / ((lastAt - updates[0]!.sent) / 1000),
    direct: { fromSend: summarize(directSend), fromResponse: summarize(directResponse), fromNotification: summarize(directNotification), missed: updates.length - directSend.length },
  };
}

/** Notification times, matched to the updates through the events they name (one event per update here). */
async function rawLatencies(bench: BenchHub, notifications: Array<{ id: number; at: number }>, updates: Array<Timed & { unitId: string }>) {
  const ids = notifications.map((n) => n.id);
  const events = ids.length
    ? await bench.hub.db.rows<{ id: number; record_id: string; version: number }>(
        sql`select id::int as id, record_id, (payload->'capacity'->>'version')::int as version from feed.change_event where id in ${sql.raw(`(${ids.join(',')})`)}`,
      )
    : [];
  const keyOf = new Map(events.map((e) => [e.id, `${e.record_id}|${e.version}`]));
  const byKey = new Map(updates.map((u) => [u.key, u]));
  const fromSend: number[] = [];
  const fromResponse: number[] = [];
  const notifiedAt = new Map<string, number>();
  for (const n of notifications) {
    const key = keyOf.get(n.id) ?? '';
    const u = byKey.get(key);
    if (!u) continue;
    fromSend.push(n.at - u.sent);
    fromResponse.push(n.at - u.answered);
    notifiedAt.set(key, n.at);
  }
  return { fromSend: summarize(fromSend), fromResponse: summarize(fromResponse), missed: updates.length - fromSend.length, notifiedAt };
}
