/**
 * The supergraph parsed once per process (gateway/supergraph-once.ts, D252): gateways loading the
 * same SDL share the parsed supergraph and its printed schemas, and still plan and answer alike.
 */
import { describe, expect, it } from 'vitest';
import { ApolloGateway } from '@apollo/gateway';
import { readCommittedSupergraph } from '../gateway/compose.js';
import { parseSupergraphOnce } from '../gateway/supergraph-once.js';

/** The fields @apollo/gateway keeps after a load (not in its typings). */
interface Loaded {
  supergraphSchema: object;
  apiSchema: object;
  schema: { getQueryType(): { getFields(): Record<string, unknown> } };
  queryPlanner: { buildQueryPlan: unknown };
}

async function loaded(sdl: string, once: boolean): Promise<Loaded> {
  const gateway = new ApolloGateway({ supergraphSdl: sdl });
  if (once) parseSupergraphOnce(gateway, true);
  await gateway.load();
  return gateway as unknown as Loaded;
}

describe('the supergraph parsed once per process', () => {
  const sdl = readCommittedSupergraph();

  it('gateways of one SDL share the parsed supergraph and its graphql-js schemas', async () => {
    const [a, b, own] = await Promise.all([loaded(sdl, true), loaded(sdl, true), loaded(sdl, false)]);
    expect(b.supergraphSchema).toBe(a.supergraphSchema);
    expect(b.apiSchema).toBe(a.apiSchema);
    expect(b.schema.getQueryType()).toBe(a.schema.getQueryType());
    expect(own.supergraphSchema).not.toBe(a.supergraphSchema); // without it, each gateway parses its own
    expect(Object.keys(a.schema.getQueryType().getFields()).sort()).toEqual(Object.keys(own.schema.getQueryType().getFields()).sort());
  });

  it('another SDL is parsed on its own', async () => {
    const a = await loaded(sdl, true);
    const other = await loaded(sdl.replace('type Query', '"""Another description."""\ntype Query'), true);
    expect(other.supergraphSchema).not.toBe(a.supergraphSchema);
  });

  it('an invalid supergraph is still refused at load', async () => {
    const gateway = new ApolloGateway({ supergraphSdl: 'type Query { a: Int }' });
    parseSupergraphOnce(gateway, true);
    await expect(gateway.load()).rejects.toThrow();
  });

  it('leaves a gateway without the expected internals as it is', () => {
    const gateway = { createServices: () => undefined };
    parseSupergraphOnce(gateway, true);
    expect(Object.keys(gateway)).toEqual(['createServices']);
  });
});
