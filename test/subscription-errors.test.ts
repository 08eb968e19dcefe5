/**
 * Over WebSocket a subscription that fails validation gets its real message and code, as over HTTP,
 * on the gateway and on a subgraph called directly with the gateway's envelope (issue 12, case 9).
 */
import { describe, it, expect, inject } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { envelopeHeader } from './helpers/envelope.js';

const hub = inject('hubs').pglite!;

/** The anonymous envelope for the capacities subgraph (the one called directly here), signed once: it lives 60 s, far longer than this file's few sockets. */
const envelope = await envelopeHeader('capacities');

/** A WebSocket class sending the envelope on its upgrade request, as the gateway's upstream does. */
const EnvelopedWebSocket = class extends WebSocket {
  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols, { headers: envelope });
  }
} as typeof WebSocket;

type WsError = { message: string; extensions?: { code?: string } };

/** The errors the server answers this subscription with. */
async function errorsOf(url: string, query: string, impl: typeof WebSocket = WebSocket): Promise<WsError[]> {
  const client = createClient({ url, webSocketImpl: impl, retryAttempts: 0, lazy: true });
  try {
    return await new Promise<WsError[]>((resolve, reject) => {
      client.subscribe({ query }, {
        next: (value) => (value.errors?.length ? resolve(value.errors as WsError[]) : reject(new Error(`unexpected data ${JSON.stringify(value)}`))),
        error: (error) => (Array.isArray(error) ? resolve(error as WsError[]) : reject(error instanceof Error ? error : new Error(String((error as { reason?: string }).reason ?? error)))),
        complete: () => reject(new Error('completed without an error')),
      });
    });
  } finally {
    await client.dispose();
  }
}

const UNKNOWN_FIELD = 'subscription { capacityChanged { noSuchField } }';
const SYNTAX = 'subscription { capacityChanged { ';

describe('subscription validation errors over WebSocket', () => {
  const gateway = hub.graphql.replace(/^http/, 'ws');
  const subgraph = hub.subgraphs.capacities!.replace(/^http/, 'ws');

  it('the gateway answers the validation message and GRAPHQL_VALIDATION_FAILED', async () => {
    const [error] = await errorsOf(gateway, UNKNOWN_FIELD);
    expect(error!.message).toMatch(/Cannot query field "noSuchField"/);
    expect(error!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('the gateway answers a syntax error as GRAPHQL_PARSE_FAILED', async () => {
    const [error] = await errorsOf(gateway, SYNTAX);
    expect(error!.message).toMatch(/Syntax Error/);
    expect(error!.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('so does a subgraph called with the envelope', async () => {
    const [validation] = await errorsOf(subgraph, UNKNOWN_FIELD, EnvelopedWebSocket);
    expect(validation!.message).toMatch(/Cannot query field "noSuchField"/);
    expect(validation!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const [syntax] = await errorsOf(subgraph, SYNTAX, EnvelopedWebSocket);
    expect(syntax!.message).toMatch(/Syntax Error/); // mercurius parses before any hook: message only
  });
});
