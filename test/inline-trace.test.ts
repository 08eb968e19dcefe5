/**
 * Federated tracing: a subgraph asked `apollo-federation-include-trace: ftv1` answers with an Apollo
 * `Trace` protobuf in `extensions.ftv1` (platform/inline-trace.ts, issue 19), decoded here with
 * Apollo's own protobuf package as a partner's gateway would; without the header, no trace.
 */
import { describe, it, expect, inject } from 'vitest';
import { Trace } from '@apollo/usage-reporting-protobuf';
import { envelopeHeader } from './helpers/envelope.js';
import { gql } from './helpers/graphql.js';

const hub = inject('hubs').pglite!;
const subgraphs = hub.subgraphs as Record<'offer' | 'capacities', string>;
const FTV1 = { 'apollo-federation-include-trace': 'ftv1' };

type Node = Trace.INode;
const child = (node: Node | null | undefined, name: string | number): Node | undefined =>
  node?.child?.find((c) => (typeof name === 'number' ? c.index === name : c.responseName === name));

function decoded(extensions: Record<string, unknown> | undefined): Trace {
  expect(typeof extensions?.ftv1).toBe('string');
  return Trace.decode(Buffer.from(extensions!.ftv1 as string, 'base64'));
}

describe('ftv1 inline traces', () => {
  it('times every resolved field, nested and in lists, with aliases', async () => {
    const answer = await gql(
      subgraphs.offer,
      `{ place: establishment(id: "180000010") { name units { id name } } }`,
      {},
      { ...(await envelopeHeader('offer')), ...FTV1 },
    );
    expect(answer.errors).toBeUndefined();
    const trace = decoded(answer.extensions);
    expect(Number(trace.durationNs)).toBeGreaterThan(0);
    expect(Number(trace.startTime?.seconds)).toBeGreaterThan(1_700_000_000);
    const place = child(trace.root, 'place')!;
    expect(place).toMatchObject({ originalFieldName: 'establishment', parentType: 'Query', type: 'Establishment' });
    expect(Number(place.endTime)).toBeGreaterThanOrEqual(Number(place.startTime));
    expect(child(place, 'name')).toMatchObject({ parentType: 'Establishment', type: 'String!' });
    const units = child(place, 'units')!;
    expect(units.type).toBe('[Unit!]!');
    const count = (answer.data as { place: { units: unknown[] } }).place.units.length;
    expect(count).toBeGreaterThan(1);
    expect(units.child).toHaveLength(count); // one node per list item, each with its fields
    expect(child(child(units, count - 1), 'name')).toMatchObject({ parentType: 'Unit', type: 'String!' });
  });

  it('attaches errors to their field, masked but with their code', async () => {
    const answer = await gql(
      subgraphs.capacities,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on BedAvailability { id } } }`,
      { r: [{ __typename: 'NoSuchType' }] },
      { ...(await envelopeHeader('capacities')), ...FTV1 },
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const item = child(child(decoded(answer.extensions).root, '_entities'), 0)!;
    expect(item.error).toHaveLength(1);
    expect(item.error![0]!.message).toBe('<masked>');
    expect(JSON.parse(item.error![0]!.json!)).toMatchObject({ path: ['_entities', 0], extensions: { code: 'BAD_USER_INPUT' } });
    expect(item.error![0]!.json).not.toContain('NoSuchType');
  });

  it('adds nothing to a request that did not ask', async () => {
    const answer = await gql(subgraphs.offer, `{ establishment(id: "180000010") { name } }`, {}, await envelopeHeader('offer'));
    expect(answer.data).toBeTruthy();
    expect(answer.extensions?.ftv1).toBeUndefined();
  });

  it('still needs the gateway: no envelope, no trace and no data', async () => {
    const response = await fetch(subgraphs.offer, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...FTV1 },
      body: JSON.stringify({ query: '{ establishment(id: "180000010") { name } }' }),
    });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('ftv1');
  });
});
