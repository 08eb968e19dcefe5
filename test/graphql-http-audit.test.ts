/**
 * GraphQL-over-HTTP conformance (graphql-http serverAudits) of the gateway and of every subgraph
 * (called with the identity envelope the gateway sends): every MUST passes, and on the subgraphs
 * the SHOULDs of issue 12 case 9 too (a malformed request is the caller's 4xx, never a 200).
 */
import { describe, it, expect, inject, afterAll } from 'vitest';
import { serverAudits } from 'graphql-http';
import { envelopeHeader } from './helpers/envelope.js';

const hub = inject('hubs').pglite!;
const tally = { ok: 0, notice: 0, warn: 0, error: 0 } as Record<string, number>;

/** SHOULDs that the subgraphs failed (issue 12, case 9): JSON parse errors and bad requests answer 400. */
const SUBGRAPH_SHOULDS = ['BCF8', 'B7N8', '22EB', '94B2'];

/** fetch to the subgraph `name` with the gateway's envelope for it (signed per request: envelopes expire). */
const withEnvelope = (name: string): typeof fetch => async (input, init) =>
  fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers).entries()), ...(await envelopeHeader(name)) } });

const servers: Array<{ name: string; url: string; fetchFn: typeof fetch; shoulds: string[] }> = [
  { name: 'gateway', url: hub.graphql, fetchFn: fetch, shoulds: [] },
  ...Object.entries(hub.subgraphs).map(([name, url]) => ({ name: `${name} subgraph`, url, fetchFn: withEnvelope(name), shoulds: SUBGRAPH_SHOULDS })),
];

describe.each(servers)('GraphQL over HTTP audit of the $name', ({ url, fetchFn, shoulds }) => {
  for (const audit of serverAudits({ url, fetchFn })) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      tally[result.status] = (tally[result.status] ?? 0) + 1;
      if (audit.name.startsWith('MUST') || shoulds.includes(audit.id)) expect(result.status, 'reason' in result ? result.reason : '').toBe('ok');
    });
  }
});

afterAll(() => {
  console.info(`graphql-http audit: ${JSON.stringify(tally)}`);
});
