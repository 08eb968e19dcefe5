/**
 * A token's identity is resolved once for all its concurrent callers (gateway/identity/resolve-identity.ts):
 * when the cached identity of a token with a thousand subscriptions expires, the next event must
 * not verify the token and read its grants a thousand times.
 */
import { describe, expect, it, vi } from 'vitest';
import { createIdentityResolver, IDENTITY_RESOLUTIONS_AT_ONCE } from '../gateway/identity/resolve-identity.js';
import type { SubgraphQuery } from '../gateway/identity/subgraph-client.js';

/** A user token whose grants lookups the test releases, so that calls overlap without any timing. */
function resolver() {
  const verify = vi.fn(async (token: string) => ({ sub: `account-${token}`, exp: Math.floor(Date.now() / 1000) + 600 }));
  const pending: Array<(value: unknown) => void> = [];
  const query = vi.fn(
    (_url: string, _query: string, variables: Record<string, unknown>) =>
      new Promise((resolve) => pending.push(() => resolve({ accountGrants: { accountId: variables.accountId, login: 'l', professionalId: 'P1', enabled: true, assignments: [] } }))),
  ) as unknown as SubgraphQuery;
  const resolvers = createIdentityResolver({ verifier: { verify, external: false }, query, offerUrl: 'http://offer', professionalsUrl: 'http://professionals' });
  /** Answers the lookups waiting now, one round. */
  const answerWaiting = () => pending.splice(0).forEach((answer) => answer(undefined));
  /** Answers the grants lookups once `count` of them are waiting. */
  const release = async (count = 1) => {
    await vi.waitFor(() => expect(pending.length).toBeGreaterThanOrEqual(count));
    pending.splice(0).forEach((answer) => answer(undefined));
  };
  return { resolvers, verify, query, release, pending, answerWaiting };
}

describe('identity resolution per token', () => {
  it('concurrent callers of one token share one verification and one grants lookup, then the cache answers', async () => {
    const { resolvers, verify, query, release } = resolver();
    const calls = Array.from({ length: 50 }, () => resolvers.ofToken('Bearer t1'));
    await release();
    const identities = await Promise.all(calls);
    expect(verify).toHaveBeenCalledTimes(1);
    expect(query).toHaveBeenCalledTimes(1);
    expect(new Set(identities).size).toBe(1);
    expect(await resolvers.ofToken('Bearer t1')).toBe(identities[0]);
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('another token is resolved on its own', async () => {
    const { resolvers, verify, release } = resolver();
    const calls = [resolvers.ofToken('Bearer t1'), resolvers.ofToken('Bearer t2')];
    await release(2);
    const [one, two] = await Promise.all(calls);
    expect(verify).toHaveBeenCalledTimes(2);
    expect(one).not.toEqual(two);
  });

  it('a token forgotten while it is resolved is read again by the next caller, and the stale answer is not cached', async () => {
    const { resolvers, verify, release } = resolver();
    const before = resolvers.ofToken('Bearer t1');
    resolvers.forget('Bearer t1'); // grants changed while they were being read
    const after = resolvers.ofToken('Bearer t1');
    await release(2);
    await Promise.all([before, after]);
    expect(verify).toHaveBeenCalledTimes(2);
    expect(await resolvers.ofToken('Bearer t1')).toBe(await after); // the second resolution was cached, not the forgotten first
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('a failure reaches every concurrent caller and is not cached', async () => {
    const { resolvers, verify, release } = resolver();
    verify.mockRejectedValueOnce(new Error('bad signature'));
    const calls = Array.from({ length: 5 }, () => resolvers.ofToken('Bearer t1'));
    const results = await Promise.allSettled(calls);
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(verify).toHaveBeenCalledTimes(1);
    const next = resolvers.ofToken('Bearer t1');
    await vi.waitFor(() => expect(verify).toHaveBeenCalledTimes(2));
    await release();
    await expect(next).resolves.toMatchObject({ kind: 'user' });
  });

  it('a thousand distinct tokens at once (consoles reconnecting after a restart) are all resolved, a few lookups at a time', async () => {
    const { resolvers, query, pending, answerWaiting } = resolver();
    const calls = Array.from({ length: 1000 }, (_, i) => resolvers.ofToken(`Bearer herd-${i}`));
    let mostAtOnce = 0;
    // Each round answers the lookups in flight; the waiting ones then get their turn.
    for (let rounds = 0; (query as unknown as { mock: { calls: unknown[] } }).mock.calls.length < 1000 || pending.length > 0; rounds += 1) {
      await vi.waitFor(() => expect(pending.length).toBeGreaterThan(0), { interval: 1 });
      mostAtOnce = Math.max(mostAtOnce, pending.length);
      answerWaiting();
      if (rounds > 2000) throw new Error('the lookups never ended');
    }
    const identities = await Promise.all(calls);
    expect(new Set(identities.map((i) => (i.kind === 'user' ? i.subject : null))).size).toBe(1000);
    // Sent all at once, a thousand lookups would wait for each other at the subgraph, each within its own timeout.
    expect(mostAtOnce).toBeLessThanOrEqual(IDENTITY_RESOLUTIONS_AT_ONCE);
    expect(query).toHaveBeenCalledTimes(1000);
  });
});
