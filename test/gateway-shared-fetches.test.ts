/**
 * Identical subgraph fetches share one request (gateway/shared-fetches.ts): queries while in
 * flight, subscription events also within a short window after the answer.
 */
import { describe, expect, it, vi } from 'vitest';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { withSharedFetches } from '../gateway/shared-fetches.js';

const user = (login: string) => ({ kind: 'user', subject: login, login, professionalId: 'P1', grants: [] });
const call = (query: string, login: string, variables: Record<string, unknown> = {}) =>
  ({ kind: 'incoming operation', request: { query, variables }, context: { requestId: 'r', identity: user(login), envelope: `fresh-${Math.random()}` } }) as unknown as GraphQLDataSourceProcessOptions;

/** A subgraph whose answers the test releases, so that fetches overlap without any timing. */
function held(windowMs: number) {
  const pending: Array<{ resolve: (value: unknown) => void; reject: (error: unknown) => void }> = [];
  const process = vi.fn(() => new Promise((resolve, reject) => pending.push({ resolve, reject })));
  const onShared = vi.fn();
  const services = withSharedFetches({ offer: { process } as unknown as GraphQLDataSource }, { windowMs, onShared });
  return { process, onShared, pending, offer: services.offer! };
}

describe('in-flight sharing of query fetches', () => {
  it('one request for identical fetches of one identity in flight, whatever the envelope; each caller its own copy', async () => {
    const { process, onShared, pending, offer } = held(0);
    const answers = Promise.all([offer.process(call('q', 'a')), offer.process(call('q', 'a')), offer.process(call('q', 'a'))]);
    pending[0]!.resolve({ data: { unit: { id: 'u1' } } });
    const [first, second, third] = await answers;
    expect(process).toHaveBeenCalledTimes(1);
    expect(onShared).toHaveBeenCalledTimes(2);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(second).not.toBe(first); // the gateway merges later fetches into these objects
  });

  it('separate requests for another identity, query or variables', async () => {
    const { process, offer } = held(0);
    void offer.process(call('q', 'a'));
    void offer.process(call('q', 'b'));
    void offer.process(call('other', 'a'));
    void offer.process(call('q', 'a', { id: 1 }));
    expect(process).toHaveBeenCalledTimes(4);
  });

  it('never a mutation, nor a health check', async () => {
    const { process, offer } = held(0);
    void offer.process(call('mutation($id:ID!){archivePole(id:$id){id}}', 'a'));
    void offer.process(call('mutation($id:ID!){archivePole(id:$id){id}}', 'a'));
    void offer.process({ ...call('{__typename}', 'a'), kind: 'health check' } as unknown as GraphQLDataSourceProcessOptions);
    void offer.process({ ...call('{__typename}', 'a'), kind: 'health check' } as unknown as GraphQLDataSourceProcessOptions);
    expect(process).toHaveBeenCalledTimes(4);
  });

  it('nothing kept once answered: the next identical fetch asks again', async () => {
    const { process, pending, offer } = held(0);
    const first = offer.process(call('q', 'a'));
    pending[0]!.resolve({ data: {} });
    await first;
    void offer.process(call('q', 'a'));
    expect(process).toHaveBeenCalledTimes(2);
  });

  it('a failure reaches every sharer as it reached the first, and is not kept', async () => {
    const { process, pending, offer } = held(0);
    const failure = new Error('subgraph offer is unavailable');
    const answers = [offer.process(call('q', 'a')), offer.process(call('q', 'a'))];
    pending[0]!.reject(failure);
    for (const answer of answers) await expect(answer).rejects.toBe(failure);
    void offer.process(call('q', 'a'));
    expect(process).toHaveBeenCalledTimes(2);
  });
});

describe('shared fetches of subscription events (window)', () => {
  it('an answer serves identical fetches within the window, then a fetch asks again', async () => {
    vi.useFakeTimers();
    try {
      const { process, pending, offer } = held(250);
      const first = offer.process(call('q', 'a'));
      pending[0]!.resolve({ data: { ok: true } });
      await first;
      await expect(offer.process(call('q', 'a'))).resolves.toEqual({ data: { ok: true } });
      expect(process).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(300);
      void offer.process(call('q', 'a'));
      expect(process).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
