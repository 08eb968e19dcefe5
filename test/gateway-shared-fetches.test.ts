/** Executions of one subscription event share identical subgraph fetches (gateway/subscriptions/shared-fetches.ts). */
import { describe, expect, it, vi } from 'vitest';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { withSharedFetches } from '../gateway/subscriptions/shared-fetches.js';

const user = (login: string) => ({ kind: 'user', subject: login, login, professionalId: 'P1', grants: [] });
const call = (query: string, login: string, variables: Record<string, unknown> = {}) =>
  ({ request: { query, variables }, context: { requestId: 'r', identity: user(login), envelope: `fresh-${Math.random()}` } }) as unknown as GraphQLDataSourceProcessOptions;

function counting() {
  const process = vi.fn(async () => ({ data: { ok: true } }));
  return { process, services: withSharedFetches({ offer: { process } as unknown as GraphQLDataSource }) };
}

describe('shared fetches of subscription events', () => {
  it('one request for identical fetches of one identity within the window, whatever the envelope', async () => {
    const { process, services } = counting();
    await Promise.all([services.offer!.process(call('q', 'a')), services.offer!.process(call('q', 'a'))]);
    expect(process).toHaveBeenCalledTimes(1);
  });

  it('separate requests for another identity, query or variables', async () => {
    const { process, services } = counting();
    await services.offer!.process(call('q', 'a'));
    await services.offer!.process(call('q', 'b'));
    await services.offer!.process(call('other', 'a'));
    await services.offer!.process(call('q', 'a', { id: 1 }));
    expect(process).toHaveBeenCalledTimes(4);
  });

  it('a fetch after the window asks again', async () => {
    vi.useFakeTimers();
    try {
      const { process, services } = counting();
      await services.offer!.process(call('q', 'a'));
      vi.advanceTimersByTime(300);
      await services.offer!.process(call('q', 'a'));
      expect(process).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
