/** GraphQL-over-HTTP conformance (graphql-http serverAudits) of the gateway: every MUST passes. */
import { describe, it, expect, inject, afterAll } from 'vitest';
import { serverAudits } from 'graphql-http';

const url = inject('hubs').pglite!.graphql;
const tally = { ok: 0, notice: 0, warn: 0, error: 0 } as Record<string, number>;

describe('GraphQL over HTTP audit of the gateway', () => {
  for (const audit of serverAudits({ url })) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      tally[result.status] = (tally[result.status] ?? 0) + 1;
      if (audit.name.startsWith('MUST')) expect(result.status, 'reason' in result ? result.reason : '').toBe('ok');
    });
  }
  afterAll(() => {
    console.info(`graphql-http audit: ${JSON.stringify(tally)}`);
  });
});
