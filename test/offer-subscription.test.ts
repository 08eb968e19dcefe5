/**
 * `offerRecordChanged` through the gateway (schemas/offer.graphql): a referent following one of
 * its units hears each audited write of that unit (who, when, what action), not those of other
 * records; it is readable like the record's history (the edit right covering it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { databaseKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { asUser } from './helpers/tokens.js';
import { gql } from './helpers/graphql.js';

const UNIT = '450002613-1124'; // MEDECINE POLYVALENTE, CHR Orléans - La Source: ref.etab.orleans's perimeter
const OTHER = '450002613-1159'; // MEDECINE INTERNE, same establishment
const SUBSCRIPTION = `subscription($type: OfferChangeRecordType!, $id: ID!) { offerRecordChanged(recordType: $type, recordId: $id) { position recordType recordId action at actor } }`;
const UPDATE = `mutation($id: ID!, $details: String) { updateUnit(id: $id, input: { accessDetails: $details }) { id } }`;

type Result = { data?: { offerRecordChanged: { recordId: string; action: string; actor: string; position: string; at: string } } | null; errors?: Array<{ extensions?: { code?: string } }> };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(databaseKinds())('offer record changes, live (%s)', (kind) => {
  let hub: TestHub;
  let tokens: Record<string, string>;
  const clients: Client[] = [];
  const follow = (token: string, variables: Record<string, unknown>) => {
    const client = createClient({ url: hub.urls.graphql.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: token }, retryAttempts: 0 });
    clients.push(client);
    const results: Result[] = [];
    let ended: unknown = null;
    client.subscribe({ query: SUBSCRIPTION, variables }, { next: (r) => void results.push(r as Result), error: (e) => (ended = e), complete: () => undefined });
    const settled = async (n: number) => {
      for (const end = Date.now() + 15_000; results.length < n && !ended && Date.now() < end; ) await sleep(25);
    };
    return { results, settled, ended: () => ended };
  };
  const update = async (login: string, id: string, details: string) => {
    const r = await gql(hub.urls.graphql, UPDATE, { id, details }, { authorization: tokens[login]! });
    expect(r.errors).toBeUndefined();
  };

  beforeAll(async () => {
    hub = await startTestHub(kind);
    tokens = Object.fromEntries(await Promise.all(['admin.ars', 'ref.etab.orleans', 'ref.uo.tours'].map(async (l) => [l, await asUser(hub.urls.graphql, l)])));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await hub?.close();
  });

  it("a referent hears each write of its unit, with who and when, and not other records' writes", async () => {
    const listening = hub.feed.subscribers();
    const referent = follow(tokens['ref.etab.orleans']!, { type: 'UNIT', id: UNIT });
    // It delivers what is committed after it started: wait until its feed stream listens.
    for (const end = Date.now() + 15_000; hub.feed.subscribers() === listening && Date.now() < end; ) await sleep(25);
    await update('admin.ars', OTHER, 'Bâtiment B');
    await update('admin.ars', UNIT, 'Bâtiment C');
    await referent.settled(1);
    const first = referent.results[0]!;
    expect(first.errors).toBeUndefined();
    expect(first.data!.offerRecordChanged).toMatchObject({ recordType: 'UNIT', recordId: UNIT, action: 'UPDATE', actor: 'admin.ars' });
    const before = referent.results.length;
    await update('ref.etab.orleans', OTHER, 'Porte 2');
    await update('ref.etab.orleans', UNIT, 'Porte 3');
    await referent.settled(before + 1);
    const last = referent.results.at(-1)!.data!.offerRecordChanged;
    expect(last).toMatchObject({ recordId: UNIT, action: 'UPDATE', actor: 'ref.etab.orleans' });
    expect(Number(last.position)).toBeGreaterThan(Number(first.data!.offerRecordChanged.position));
    expect(referent.results.every((r) => r.data?.offerRecordChanged.recordId === UNIT)).toBe(true);
    // The same write as the unit's history tells it.
    const history = await gql<{ unit: { history: { edges: Array<{ node: { actor: string; changes: Array<{ field: string; to: string }> } }> } } }>(
      hub.urls.graphql,
      `query($id: ID!) { unit(id: $id) { history(first: 1) { edges { node { actor changes { field to } } } } } }`,
      { id: UNIT },
      { authorization: tokens['ref.etab.orleans']! },
    );
    expect(history.data!.unit.history.edges[0]!.node).toMatchObject({ actor: 'ref.etab.orleans', changes: [{ field: 'accessDetails', to: '"Porte 3"' }] });
  });

  it('is refused like the history: out of perimeter FORBIDDEN, unknown record NOT_FOUND', async () => {
    const codeOf = async (f: ReturnType<typeof follow>) => {
      for (const end = Date.now() + 15_000; f.ended() === null && f.results.length === 0 && Date.now() < end; ) await sleep(25);
      const errors = (f.ended() ?? f.results[0]?.errors) as Array<{ extensions?: { code?: string } }>;
      return errors?.[0]?.extensions?.code;
    };
    expect(await codeOf(follow(tokens['ref.uo.tours']!, { type: 'UNIT', id: UNIT }))).toBe('FORBIDDEN');
    expect(await codeOf(follow(tokens['ref.etab.orleans']!, { type: 'ESTABLISHMENT', id: '370004467' }))).toBe('FORBIDDEN');
    expect(await codeOf(follow(tokens['admin.ars']!, { type: 'UNIT', id: '450002613-nope' }))).toBe('NOT_FOUND');
  });
});
