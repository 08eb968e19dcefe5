/**
 * FHIR Subscriptions (R5 Backport IG on R4), re-creating the Inferno subscriptions test kit's
 * server cases against a private PGlite hub (capacities are written through GraphQL) with real
 * rest-hook receivers on the loopback and a real websocket client: CapabilityStatement and topic
 * discovery, each unsupported-X rejection, handshake and activation, refused handshake, heartbeat,
 * notification shape (id-only, full-resource), $status, $events, websocket binding, owner-only
 * access, per-event visibility, and a receiver down for a while that loses nothing.
 *
 * Timings are shortened through the hub's configuration (poll 100 ms, retries from 50 ms), never
 * asserted: tests wait for what must happen, with a generous bound.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'fhir-kit-client';
import WebSocket from 'ws';
import { startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';
import { loadR4Definitions, r4Issues, rorIssues } from './helpers/fhir/validate.js';
import { startReceiver, statusOf, type NotificationBundle, type Receiver } from './helpers/fhir/receiver.js';
import { BACKPORT_URLS } from '../fhir/subscriptions/backport.js';
import { ADMISSION_TOPIC, CAPACITY_TOPIC, OFFER_TOPIC, REPORT_TASK_TOPIC, TENSION_TOPIC } from '../fhir/subscriptions/topics.js';
import { createStore } from '../fhir/subscriptions/store.js';
import { startDelivery } from '../fhir/subscriptions/delivery.js';
import { startFanout } from '../fhir/subscriptions/fanout.js';
import { createLogger } from '../platform/logger.js';

const TOURS_ICU = '370004467-4557'; // ref.uo.tours reads, enters and edits this unit only
const CHATEAUROUX = '360000137'; // saisie.lits.chateauroux enters every unit of its legal entity

type Resource = Record<string, unknown> & { resourceType: string; id?: string };
type Outcome = { resourceType: 'OperationOutcome'; issue: Array<{ diagnostics: string }> };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits until `check` holds (bounded, so a failure shows as a failed expectation, not a hang). */
async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (await check()) return;
}

function subscription(overrides: { topic?: string; filters?: string[]; channel?: Record<string, unknown>; content?: string; heartbeat?: number }): Resource {
  const channelExtensions = [
    ...(overrides.heartbeat ? [{ url: BACKPORT_URLS.heartbeatPeriod, valueUnsignedInt: overrides.heartbeat }] : []),
    { url: BACKPORT_URLS.timeout, valueUnsignedInt: 5 },
  ];
  return {
    resourceType: 'Subscription',
    meta: { profile: [BACKPORT_URLS.subscriptionProfile] },
    status: 'requested',
    reason: 'test',
    criteria: overrides.topic ?? CAPACITY_TOPIC.canonical,
    ...(overrides.filters ? { _criteria: { extension: overrides.filters.map((f) => ({ url: BACKPORT_URLS.filterCriteria, valueString: f })) } } : {}),
    channel: {
      extension: channelExtensions,
      type: 'rest-hook',
      payload: 'application/fhir+json',
      _payload: { extension: [{ url: BACKPORT_URLS.payloadContent, valueCode: overrides.content ?? 'id-only' }] },
      ...overrides.channel,
    },
  };
}

/** A notification is valid R4 as a whole and in its status Parameters. */
function expectValidNotification(bundle: NotificationBundle): void {
  expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'history' });
  expect(r4Issues(bundle as never)).toEqual([]);
  const status = bundle.entry[0]!.resource!;
  expect(status.resourceType).toBe('Parameters');
  expect((status.meta as { profile: string[] }).profile).toEqual([BACKPORT_URLS.statusProfile]);
  expect(r4Issues(status as never)).toEqual([]);
}

/** The hub's subscription timings in these tests (fast, never asserted). */
const TIMINGS = { pollMs: 100, retryBaseMs: 50, retryMaxMs: 200, maxAttempts: 3, retentionDays: 30 };

describe('FHIR subscriptions (backport IG) on a private PGlite hub', () => {
  let hub: TestHub;
  const receivers: Receiver[] = [];
  const tokens: Record<string, string> = {};
  let chateaurouxUnit = '';
  const client = (who: string) => new Client({ baseUrl: hub.urls.fhir, bearerToken: tokens[who]!.replace(/^Bearer /, '') });
  const receiver = async () => {
    const r = await startReceiver();
    receivers.push(r);
    return r;
  };

  async function create(who: string, body: Resource): Promise<Resource & { id: string; status: string }> {
    return (await client(who).create({ resourceType: 'Subscription', body })) as Resource & { id: string; status: string };
  }
  async function refusal(who: string | null, body: Resource): Promise<{ status: number; outcome: Outcome }> {
    const response = await fetch(`${hub.urls.fhir}/Subscription`, {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json', ...(who ? { authorization: tokens[who]! } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, outcome: (await response.json()) as Outcome };
  }
  const statusOfSubscription = async (who: string, id: string) => ((await client(who).read({ resourceType: 'Subscription', id })) as unknown as { status: string }).status;

  async function enterCapacity(who: string, unitId: string, available: number): Promise<void> {
    const auth = { authorization: tokens[who]! };
    const read = await gql<{ unit: { capacity: { version: number; installedBeds: number } } }>(hub.urls.graphql, `query($id: ID!) { unit(id: $id) { capacity { version installedBeds } } }`, { id: unitId }, auth);
    const { version, installedBeds } = read.data!.unit.capacity;
    const input = { installedBeds: Math.max(installedBeds, available), availableMen: 0, availableWomen: 0, availableUndifferentiated: available, closedBeds: 0, reopenedBeds: 0, reopenableBeds: 0, mobilisedBeds: 0 };
    const result = await gql(hub.urls.graphql, `mutation($u: ID!, $i: CapacityInput!, $v: Int!) { updateUnitCapacity(unitId: $u, input: $i, expectedVersion: $v) { version } }`, { u: unitId, i: input, v: version }, auth);
    expect(result.errors).toBeUndefined();
  }

  beforeAll(async () => {
    loadR4Definitions();
    hub = await startTestHub('pglite', {
      ROR_FHIR_SUBSCRIPTION_POLL_MS: String(TIMINGS.pollMs),
      ROR_FHIR_SUBSCRIPTION_RETRY_BASE_MS: String(TIMINGS.retryBaseMs),
      ROR_FHIR_SUBSCRIPTION_RETRY_MAX_MS: String(TIMINGS.retryMaxMs),
      ROR_FHIR_SUBSCRIPTION_MAX_ATTEMPTS: String(TIMINGS.maxAttempts),
    });
    const apps = ['place-search', 'sante-fr-directory', 'national-aggregator'];
    const users = ['ref.uo.tours', 'saisie.lits.chateauroux'];
    const issued = await Promise.all([...apps.map((a) => asApp(hub.urls.graphql, a)), ...users.map((u) => asUser(hub.urls.graphql, u))]);
    [...apps, ...users].forEach((who, i) => (tokens[who] = issued[i]!));
    const units = await gql<{ units: { edges: Array<{ node: { id: string } }> } }>(hub.urls.graphql, `{ units(filter: { establishmentId: "${CHATEAUROUX}" }, first: 1) { edges { node { id } } } }`);
    chateaurouxUnit = units.data!.units.edges[0]!.node.id;
  }, 120_000);

  afterAll(async () => {
    for (const r of receivers) await r.close();
    await hub?.close();
  });

  it('declares Subscription with the backport profile, its operations and the three topics in the CapabilityStatement', async () => {
    const statement = (await client('place-search').capabilityStatement()) as Resource & {
      instantiates: string[];
      rest: Array<{ resource: Array<{ type: string; supportedProfile?: string[]; interaction: Array<{ code: string }>; extension?: Array<{ url: string; valueCanonical: string }>; operation?: Array<{ name: string }> }> }>;
    };
    expect(r4Issues(statement)).toEqual([]);
    expect(statement.instantiates).toContain(BACKPORT_URLS.serverCapability);
    const resource = statement.rest[0]!.resource.find((r) => r.type === 'Subscription')!;
    expect(resource.supportedProfile).toEqual([BACKPORT_URLS.subscriptionProfile]);
    expect(resource.interaction.map((i) => i.code).sort()).toEqual(['create', 'delete', 'read', 'search-type']);
    expect(resource.operation!.map((o) => o.name).sort()).toEqual(['events', 'get-ws-binding-token', 'status']);
    const topics = resource.extension!.filter((e) => e.url === BACKPORT_URLS.topicCanonical).map((e) => e.valueCanonical);
    expect(topics).toEqual([CAPACITY_TOPIC.canonical, OFFER_TOPIC.canonical, TENSION_TOPIC.canonical, ADMISSION_TOPIC.canonical, REPORT_TASK_TOPIC.canonical]);
  });

  it('rejects each unsupported topic, filter, channel type, endpoint, payload type and channel/payload combination with a 400 naming it', async () => {
    const hook = { endpoint: 'http://127.0.0.1:9/hook' };
    const cases: Array<[string, Resource, RegExp]> = [
      ['topic', subscription({ topic: 'http://example.org/SubscriptionTopic/encounter-start', channel: hook }), /topic "http:\/\/example.org\/SubscriptionTopic\/encounter-start" is not supported/],
      ['filter parameter', subscription({ filters: ['Location?near=47.3|0.7|10|km'], channel: hook }), /"Location\?near" is not supported/],
      ['filter resource type', subscription({ filters: ['Patient?_id=1'], channel: hook }), /no Patient focus/],
      ['channel type', subscription({ channel: { type: 'email', endpoint: 'mailto:a@b.fr' } }), /channel.type "email" is not supported/],
      ['endpoint scheme', subscription({ channel: { endpoint: 'ftp://127.0.0.1/hook' } }), /scheme ftp is not supported/],
      ['plain http off the loopback', subscription({ channel: { endpoint: 'http://receiver.example.org/hook' } }), /plain http is only accepted on the loopback/],
      ['payload type', subscription({ channel: { ...hook, payload: 'application/fhir+xml' } }), /payload "application\/fhir\+xml" is not supported/],
      ['payload content', subscription({ channel: hook, content: 'everything' }), /payload-content "everything" is not supported/],
      ['channel/payload combination', subscription({ channel: { type: 'websocket' }, content: 'full-resource' }), /full-resource payloads are not supported on websocket/],
      ['heartbeat period', subscription({ channel: hook, heartbeat: 86_400 }), /backport-heartbeat-period = 86400 is not supported/],
      ['reserved header', subscription({ channel: { ...hook, header: ['Content-Type: text/plain'] } }), /Content-Type is set by the server/],
    ];
    for (const [what, body, message] of cases) {
      const { status, outcome } = await refusal('place-search', body);
      expect({ what, status }).toEqual({ what, status: 400 });
      expect(outcome.resourceType).toBe('OperationOutcome');
      expect(r4Issues(outcome as never)).toEqual([]);
      expect(outcome.issue[0]!.diagnostics, what).toMatch(message);
    }
    const update = await fetch(`${hub.urls.fhir}/Subscription/any`, { method: 'PUT', headers: { 'content-type': 'application/fhir+json', authorization: tokens['place-search']! }, body: '{}' });
    expect(update.status).toBe(405);
    // Nothing was stored by a refusal.
    expect(((await client('place-search').search({ resourceType: 'Subscription', searchParams: {} })) as unknown as { total: number }).total).toBe(0);
  });

  it('refuses anonymous callers (401) and applications without the topic scope (403)', async () => {
    const body = subscription({ channel: { endpoint: 'http://127.0.0.1:9/hook' } });
    expect((await refusal(null, body)).status).toBe(401);
    const denied = await refusal('sante-fr-directory', body); // offer.read only: never hears of capacity
    expect(denied.status).toBe(403);
    expect(denied.outcome.issue[0]!.diagnostics).toMatch(/capacity\.read/);
  });

  it('handshakes a rest-hook subscription, sends channel headers, becomes active and sends heartbeats', async () => {
    const hook = await receiver();
    const created = await create('place-search', subscription({ channel: { endpoint: hook.url, header: ['Authorization: Bearer receiver-secret'] }, heartbeat: 1 }));
    expect(created.status).toBe('requested');
    expect(r4Issues(created)).toEqual([]);
    await until(() => hook.received.some((r) => statusOf(r.body).type === 'heartbeat'));
    const [handshake] = hook.received;
    expect(handshake!.headers.authorization).toBe('Bearer receiver-secret');
    expect(handshake!.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expectValidNotification(handshake!.body);
    expect(statusOf(handshake!.body)).toMatchObject({ type: 'handshake', status: 'requested', eventsSinceStart: '0', events: [] });
    const heartbeat = hook.received.find((r) => statusOf(r.body).type === 'heartbeat')!;
    expectValidNotification(heartbeat.body);
    expect(statusOf(heartbeat.body)).toMatchObject({ status: 'active', eventsSinceStart: '0' });
    const read = (await client('place-search').read({ resourceType: 'Subscription', id: created.id })) as Resource & { status: string; channel: { header: string[] } };
    expect(read.status).toBe('active');
    expect(read.channel.header).toEqual(['Authorization: ***']); // the receiver's secret is not shown back
    expect(r4Issues(read)).toEqual([]);

    // Heartbeats that fail put it in error; once the receiver answers again, a probe makes it active.
    hook.respond(503);
    await until(async () => (await statusOfSubscription('place-search', created.id)) === 'error');
    expect(await statusOfSubscription('place-search', created.id)).toBe('error');
    hook.respond(200);
    await until(async () => (await statusOfSubscription('place-search', created.id)) === 'active');
    expect(await statusOfSubscription('place-search', created.id)).toBe('active');
    await client('place-search').delete({ resourceType: 'Subscription', id: created.id });
  });

  it('puts a subscription whose handshake is refused in error', async () => {
    const hook = await receiver();
    hook.respond(500);
    const created = await create('place-search', subscription({ channel: { endpoint: hook.url } }));
    await until(async () => (await statusOfSubscription('place-search', created.id)) !== 'requested');
    const read = (await client('place-search').read({ resourceType: 'Subscription', id: created.id })) as Resource & { status: string; error: string };
    expect(read).toMatchObject({ status: 'error' });
    expect(read.error).toMatch(/Handshake failed: The endpoint answered HTTP 500/);
    expect(hook.received.map((r) => statusOf(r.body).type)).toEqual(['handshake']);
  });

  it('notifies capacity changes id-only by default and full-resource on request, with $status and $events replay', async () => {
    const idOnly = await receiver();
    const full = await receiver();
    const a = await create('place-search', subscription({ filters: [`Location?_id=${TOURS_ICU}`], channel: { endpoint: idOnly.url } }));
    const b = await create('place-search', subscription({ filters: [`Location?organization=Organization/370004467`], channel: { endpoint: full.url }, content: 'full-resource' }));
    await until(async () => (await statusOfSubscription('place-search', a.id)) === 'active' && (await statusOfSubscription('place-search', b.id)) === 'active');

    await enterCapacity('saisie.lits.chateauroux', chateaurouxUnit, 3); // matches neither filter
    await enterCapacity('ref.uo.tours', TOURS_ICU, 4);
    await until(() => idOnly.received.length >= 2 && full.received.length >= 2);

    const notification = idOnly.received[1]!.body;
    expectValidNotification(notification);
    const location = `${hub.urls.fhir}/Location/${TOURS_ICU}`;
    expect(statusOf(notification)).toMatchObject({ type: 'event-notification', status: 'active', eventsSinceStart: '1', events: [{ number: 1, focus: location }] });
    expect(notification.entry.slice(1)).toEqual([{ fullUrl: location, request: { method: 'PUT', url: `Location/${TOURS_ICU}` }, response: { status: '200' } }]);

    const withResource = full.received[1]!.body;
    expectValidNotification(withResource);
    expect(statusOf(withResource).events).toEqual([{ number: 1, focus: location }]);
    const resource = withResource.entry[1]!.resource!;
    expect(resource).toMatchObject({ resourceType: 'Location', id: TOURS_ICU });
    expect(r4Issues(resource)).toEqual([]);
    expect(rorIssues(resource as never)).toEqual([]);
    expect(JSON.stringify(resource)).toContain('ror-location-supported-capacity');

    // $status, instance and type level: the caller's subscriptions only.
    const instance = (await client('place-search').operation({ name: '$status', resourceType: 'Subscription', id: a.id, method: 'GET' })) as unknown as NotificationBundle;
    expect(instance).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
    expect(r4Issues(instance as never)).toEqual([]);
    expect(statusOf(instance)).toMatchObject({ type: 'query-status', status: 'active', eventsSinceStart: '1' });
    const typeLevel = (await client('place-search').operation({ name: '$status', resourceType: 'Subscription', method: 'GET', input: { status: 'active' } })) as unknown as NotificationBundle;
    expect(typeLevel.entry.length).toBe(2);

    // $events replays from the log, in the content asked for.
    const replay = (await client('place-search').operation({ name: '$events', resourceType: 'Subscription', id: a.id, method: 'GET', input: { eventsSinceNumber: '1', content: 'full-resource' } })) as unknown as NotificationBundle;
    expectValidNotification(replay);
    expect(statusOf(replay)).toMatchObject({ type: 'query-event', events: [{ number: 1, focus: location }] });
    expect(replay.entry[1]!.resource).toMatchObject({ resourceType: 'Location', id: TOURS_ICU });

    const empty = (await client('place-search').operation({ name: '$events', resourceType: 'Subscription', id: a.id, method: 'GET', input: { content: 'empty' } })) as unknown as NotificationBundle;
    expectValidNotification(empty);
    const emptyEvents = empty.entry[0]!.resource!.parameter!.filter((p) => p.name === 'notification-event');
    expect(emptyEvents.map((e) => e.part!.map((p) => p.name))).toEqual([['event-number', 'timestamp']]); // no focus: nothing is referenced
    expect(empty.entry).toHaveLength(1); // the status only

    const badReplay = await fetch(`${hub.urls.fhir}/Subscription/${a.id}/$events?eventsSinceNumber=zero`, { headers: { authorization: tokens['place-search']! } });
    expect(badReplay.status).toBe(400);
  });

  it('lets only the owner read, search, query and delete a subscription', async () => {
    const mine = await create('place-search', subscription({ channel: { endpoint: (await receiver()).url } }));
    const other = client('national-aggregator');
    await expect(other.read({ resourceType: 'Subscription', id: mine.id })).rejects.toMatchObject({ response: { status: 404 } });
    await expect(other.delete({ resourceType: 'Subscription', id: mine.id })).rejects.toMatchObject({ response: { status: 404 } });
    await expect(other.operation({ name: '$events', resourceType: 'Subscription', id: mine.id, method: 'GET' })).rejects.toMatchObject({ response: { status: 404 } });
    const theirs = (await other.search({ resourceType: 'Subscription', searchParams: {} })) as unknown as { total: number };
    expect(theirs.total).toBe(0);
    const anonymous = await fetch(`${hub.urls.fhir}/Subscription/${mine.id}`);
    expect(anonymous.status).toBe(401);

    const own = (await client('place-search').search({ resourceType: 'Subscription', searchParams: { _id: mine.id } })) as unknown as { total: number; entry: Array<{ resource: Resource }> };
    expect(own.entry.map((e) => e.resource.id)).toEqual([mine.id]);
    expect(r4Issues(own as never)).toEqual([]);
    await client('place-search').delete({ resourceType: 'Subscription', id: mine.id });
    await expect(client('place-search').read({ resourceType: 'Subscription', id: mine.id })).rejects.toMatchObject({ response: { status: 404 } });
  });

  it('logs an event for a subscription only when its owner may see the focus', async () => {
    const userHook = await receiver();
    const appHook = await receiver();
    const user = await create('ref.uo.tours', subscription({ channel: { endpoint: userHook.url } })); // capacity of TOURS_ICU only
    const app = await create('place-search', subscription({ channel: { endpoint: appHook.url } })); // every capacity
    await until(async () => (await statusOfSubscription('ref.uo.tours', user.id)) === 'active' && (await statusOfSubscription('place-search', app.id)) === 'active');

    await enterCapacity('saisie.lits.chateauroux', chateaurouxUnit, 5);
    await enterCapacity('ref.uo.tours', TOURS_ICU, 6);
    await until(() => userHook.received.length >= 2 && appHook.received.length >= 3);
    const focuses = (r: Receiver) => r.received.slice(1).flatMap((n) => statusOf(n.body).events.map((e) => `${e.number} ${e.focus.replace(/.*\/Location\//, '')}`));
    expect(focuses(appHook)).toEqual([`1 ${chateaurouxUnit}`, `2 ${TOURS_ICU}`]);
    expect(focuses(userHook)).toEqual([`1 ${TOURS_ICU}`]); // the Châteauroux change was never logged for this user
  });

  it('binds a websocket subscription with a token and sends its handshake, events and heartbeats', async () => {
    const created = await create('place-search', subscription({ filters: [`Location?_id=${TOURS_ICU}`], channel: { type: 'websocket', endpoint: undefined }, heartbeat: 1 }));
    const binding = (await client('place-search').operation({ name: '$get-ws-binding-token', resourceType: 'Subscription', id: created.id, method: 'GET' })) as Resource & { parameter: Array<{ name: string; valueString?: string; valueUrl?: string }> };
    expect(r4Issues(binding)).toEqual([]);
    const token = binding.parameter.find((p) => p.name === 'token')!.valueString!;
    const url = binding.parameter.find((p) => p.name === 'websocket-url')!.valueUrl!;
    expect(url).toBe(`${hub.urls.fhir.replace(/^http/, 'ws')}/subscriptions-ws`);

    const socket = new WebSocket(url);
    const messages: NotificationBundle[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data)) as unknown as NotificationBundle));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    socket.send(`bind-with-token ${token}`);
    await until(() => messages.length >= 1);
    expectValidNotification(messages[0]!);
    expect(statusOf(messages[0]!)).toMatchObject({ type: 'handshake' });

    await enterCapacity('ref.uo.tours', TOURS_ICU, 7);
    await until(() => messages.some((m) => statusOf(m).type === 'event-notification') && messages.some((m) => statusOf(m).type === 'heartbeat'));
    const event = messages.find((m) => statusOf(m).type === 'event-notification')!;
    expectValidNotification(event);
    expect(statusOf(event).events).toEqual([{ number: 1, focus: `${hub.urls.fhir}/Location/${TOURS_ICU}` }]);
    socket.close();

    // A token that was never issued closes the socket.
    const intruder = new WebSocket(url);
    await new Promise((resolve, reject) => intruder.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => intruder.once('close', (code) => resolve(code)));
    intruder.send('bind-with-token not-a-token');
    expect(await closed).toBe(4001);
    // A rest-hook subscription has no binding token.
    const hook = await create('place-search', subscription({ channel: { endpoint: (await receiver()).url } }));
    await expect(client('place-search').operation({ name: '$get-ws-binding-token', resourceType: 'Subscription', id: hook.id, method: 'GET' })).rejects.toMatchObject({ response: { status: 400 } });
  });

  it('loses no event while the receiver is down: retries, error, recovery in order, and $events replay', async () => {
    const hook = await receiver();
    const created = await create('place-search', subscription({ filters: [`Location?_id=${TOURS_ICU}`], channel: { endpoint: hook.url } }));
    await until(async () => (await statusOfSubscription('place-search', created.id)) === 'active');

    hook.respond(503);
    for (const beds of [1, 2, 3]) await enterCapacity('ref.uo.tours', TOURS_ICU, beds);
    const status = async () => statusOf((await client('place-search').operation({ name: '$status', resourceType: 'Subscription', id: created.id, method: 'GET' })) as unknown as NotificationBundle);
    await until(async () => (await status()).status === 'error' && (await status()).eventsSinceStart === '3');
    expect(await status()).toMatchObject({ status: 'error', eventsSinceStart: '3' }); // logged while nothing could be delivered

    hook.respond(200);
    const delivered = () => hook.received.filter((r) => r.answered === 200).flatMap((r) => statusOf(r.body).events.map((e) => e.number));
    await until(() => delivered().length >= 3);
    expect(delivered()).toEqual([1, 2, 3]); // each once, in order, no gap
    expect(await statusOfSubscription('place-search', created.id)).toBe('active');

    const input = { resourceType: 'Parameters', parameter: [{ name: 'eventsSinceNumber', valueString: '2' }, { name: 'eventsUntilNumber', valueString: '3' }] };
    const replay = (await client('place-search').operation({ name: '$events', resourceType: 'Subscription', id: created.id, method: 'POST', input })) as unknown as NotificationBundle;
    expect(statusOf(replay).events.map((e) => e.number)).toEqual([2, 3]);
  });

  it('notifies tension declarations with the establishment as focus, to tension readers only', async () => {
    const BOURGES = '180000010'; // decl.tension.bourges declares here
    const hook = await receiver();
    const filters = [`Organization?_id=${BOURGES}`];
    expect((await refusal('place-search', subscription({ topic: TENSION_TOPIC.canonical, channel: { endpoint: hook.url } }))).status).toBe(403); // no tension.read
    const reader = await create('national-aggregator', subscription({ topic: TENSION_TOPIC.canonical, filters, channel: { endpoint: hook.url }, content: 'full-resource' }));
    const outsider = await create('ref.uo.tours', subscription({ topic: TENSION_TOPIC.canonical, channel: { endpoint: (await receiver()).url } })); // a user: checked event by event
    await until(async () => (await statusOfSubscription('national-aggregator', reader.id)) === 'active' && (await statusOfSubscription('ref.uo.tours', outsider.id)) === 'active');

    const declared = await gql(hub.urls.graphql, `mutation($input: DeclareTensionInput!) { declareTension(input: $input) { id } }`, { input: { establishmentId: BOURGES, disciplineGroupCode: 'MEDECINE', levelCode: 'HET_1' } }, { authorization: await asUser(hub.urls.graphql, 'decl.tension.bourges') });
    expect(declared.errors).toBeUndefined();
    await until(() => hook.received.length >= 2);
    const notification = hook.received[1]!.body;
    expectValidNotification(notification);
    expect(statusOf(notification).events).toEqual([{ number: 1, focus: `${hub.urls.fhir}/Organization/${BOURGES}` }]);
    const organization = notification.entry[1]!.resource!;
    expect(organization).toMatchObject({ resourceType: 'Organization', id: BOURGES });
    expect(rorIssues(organization as never)).toEqual([]);
    // The same change was checked for the user, who may not read Bourges' tensions: no event.
    const status = (await client('ref.uo.tours').operation({ name: '$status', resourceType: 'Subscription', id: outsider.id, method: 'GET' })) as unknown as NotificationBundle;
    expect(statusOf(status).eventsSinceStart).toBe('0');
  });

  it('lets one process at a time log events: the fan-out lease, and a commit refused once the lease is lost', async () => {
    const store = createStore(hub.db);
    let taken: number | null = null;
    await until(async () => (taken = await store.claimFanout('test-process-a', 60_000)) !== null); // the hub's own pass may hold it a moment
    expect(taken).not.toBeNull();
    try {
      expect(await store.claimFanout('test-process-b', 60_000)).toBeNull();
      const change = { changeId: taken! + 1_000_000, topic: 'capacity', recordType: 'UNIT_CAPACITY', recordId: TOURS_ICU, payload: {}, occurredAt: new Date() };
      expect(await store.logChange('test-process-b', change, [])).toBe(false); // b never held it: nothing written
    } finally {
      await store.releaseFanout('test-process-a');
    }
    expect(await store.claimFanout('test-process-b', 60_000)).not.toBeNull();
    await store.releaseFanout('test-process-b');
  });

  it('with a second process sharing the database, logs and delivers every event once, in order', async () => {
    // The workers of another hub process: the same durable consumer name, their own lease owner.
    const logger = createLogger('silent');
    const store = createStore(hub.db);
    const execute = hub.gateway.execute;
    const delivery = startDelivery({ store, execute, timings: TIMINGS, logger, owner: 'second-process' });
    const fanout = startFanout({ db: hub.db, feed: hub.feed, logger, store, execute, owner: 'second-process', onLogged: () => delivery.wake() });
    try {
      const hook = await receiver();
      const created = await create('place-search', subscription({ filters: [`Location?_id=${TOURS_ICU}`], channel: { endpoint: hook.url } }));
      await until(async () => (await statusOfSubscription('place-search', created.id)) === 'active');
      for (const beds of [11, 12, 13]) await enterCapacity('ref.uo.tours', TOURS_ICU, beds);
      const delivered = () => hook.received.flatMap((r) => statusOf(r.body).events.map((e) => e.number));
      await until(() => {
        fanout.wake();
        delivery.wake();
        return delivered().length >= 3;
      });
      await fanout.drain();
      await delivery.idle();
      expect(delivered()).toEqual([1, 2, 3]);
    } finally {
      await fanout.stop();
      await delivery.stop();
    }
  });

  it('notifies offer changes, and never tells a directory application about a sensitive unit', async () => {
    const directoryHook = await receiver();
    const aggregatorHook = await receiver();
    const filters = [`HealthcareService?_id=${TOURS_ICU}`];
    const directory = await create('sante-fr-directory', subscription({ topic: OFFER_TOPIC.canonical, filters, channel: { endpoint: directoryHook.url } }));
    const aggregator = await create('national-aggregator', subscription({ topic: OFFER_TOPIC.canonical, filters, channel: { endpoint: aggregatorHook.url } }));
    await until(async () => (await statusOfSubscription('sante-fr-directory', directory.id)) === 'active' && (await statusOfSubscription('national-aggregator', aggregator.id)) === 'active');

    const edit = (input: Record<string, unknown>) => gql(hub.urls.graphql, `mutation($id: ID!, $input: UnitUpdate!) { updateUnit(id: $id, input: $input) { id } }`, { id: TOURS_ICU, input }, { authorization: tokens['ref.uo.tours']! });
    expect((await edit({ accessDetails: 'Entrée B' })).errors).toBeUndefined();
    await until(() => directoryHook.received.length >= 2); // decided while the unit was public
    expect((await edit({ sensitive: true })).errors).toBeUndefined(); // hidden below access profile 1 from now on
    expect((await edit({ accessDetails: 'Entrée C' })).errors).toBeUndefined();
    await until(() => aggregatorHook.received.length >= 4);
    const events = (r: Receiver) => r.received.slice(1).flatMap((n) => statusOf(n.body).events.map((e) => `${e.number} ${e.focus.replace(/.*\/fhir\//, '')}`));
    expect(events(aggregatorHook)).toEqual([1, 2, 3].map((n) => `${n} HealthcareService/${TOURS_ICU}`));
    expect(events(directoryHook)).toEqual([`1 HealthcareService/${TOURS_ICU}`]);
    expectValidNotification(aggregatorHook.received[1]!.body);
    expect((await edit({ sensitive: false })).errors).toBeUndefined();
  });
});
