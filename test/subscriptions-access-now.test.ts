/**
 * The subscriptions' access check per event without a wait (D214): `checkNow` decides at
 * once only when the answer is already known (denied, expired, anonymous, or the cached identity is
 * the one found to cover the subscription); otherwise it says "resolve" and `check` decides. The
 * hub-level cases (expiry, revocation through the change feed) are in subscriptions-access.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { SubscriberAccess, type AccessResolver } from '../gateway/subscriptions/access.js';
import type { Identity } from '../platform/auth/identity.js';

const grant = (rights: string[]) => ({ kind: 'ESTABLISHMENT' as const, id: '360000053', rights, reach: { organizations: [], establishments: ['360000053'], units: [], professionals: [] } });
const user = (rights: string[]): Identity => ({ kind: 'user', subject: 'u1', login: 'u1', professionalId: 'p1', grants: [grant(rights)] as never });

/** An unsigned token with this `exp` (seconds): the access reads `exp` of a token verified at connection. */
const tokenExpiring = (exp: number) => {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `Bearer ${part({ alg: 'none' })}.${part({ sub: 'u1', exp })}.x`;
};

/** A resolver whose cache and resolution the test sets. */
function resolver(cached: Identity | undefined, resolved: Identity = cached!) {
  const calls = { resolved: 0 };
  const r: AccessResolver & { cached: Identity | undefined } = {
    cached,
    identityOf: async () => (calls.resolved++, resolved),
    forget: () => (r.cached = undefined),
    cachedIdentityOf: () => r.cached,
  };
  return { r, calls };
}

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

describe('SubscriberAccess.checkNow', () => {
  it('allows at once when the cached identity is the one the subscription started with', () => {
    const identity = user(['CAPACITY_READ']);
    const { r, calls } = resolver(identity);
    const access = new SubscriberAccess(tokenExpiring(inAnHour()), identity, r);
    expect(access.checkNow()).toBeNull();
    expect(calls.resolved).toBe(0);
  });

  it('asks for a resolution when the cache has nothing or another identity object; then decides at once again', async () => {
    const identity = user(['CAPACITY_READ']);
    const fresh = user(['CAPACITY_READ', 'CAPACITY_WRITE']); // rights gained: still covers
    const { r, calls } = resolver(undefined, fresh);
    const access = new SubscriberAccess(tokenExpiring(inAnHour()), identity, r);
    expect(access.checkNow()).toBeUndefined();
    r.cached = fresh;
    expect(access.checkNow()).toBeUndefined(); // a new object: compared once, by check()
    expect(await access.check()).toBeNull();
    expect(calls.resolved).toBe(1);
    expect(access.checkNow()).toBeNull();
  });

  it('denies at once, for good, once a resolution found rights lost', async () => {
    const identity = user(['CAPACITY_READ']);
    const reduced = user([]);
    const { r } = resolver(reduced);
    const access = new SubscriberAccess(tokenExpiring(inAnHour()), identity, r);
    expect(access.checkNow()).toBeUndefined();
    expect((await access.check())?.extensions.code).toBe('FORBIDDEN');
    r.cached = identity; // even if the cache later held the original identity again
    expect(access.checkNow()?.extensions.code).toBe('FORBIDDEN');
  });

  it('denies at once an expired token, whatever the cache holds', () => {
    const identity = user(['CAPACITY_READ']);
    const { r, calls } = resolver(identity);
    const access = new SubscriberAccess(tokenExpiring(Math.floor(Date.now() / 1000) - 1), identity, r);
    expect(access.checkNow()?.extensions.code).toBe('UNAUTHENTICATED');
    expect(calls.resolved).toBe(0);
  });

  it('a forgotten identity (grants changed) is resolved again, not taken from the cache', () => {
    const identity = user(['CAPACITY_READ']);
    const { r } = resolver(identity);
    const access = new SubscriberAccess(tokenExpiring(inAnHour()), identity, r);
    access.forget();
    expect(access.checkNow()).toBeUndefined();
  });

  it('an anonymous subscriber has nothing to lose', () => {
    const { r } = resolver(undefined);
    expect(new SubscriberAccess(undefined, { kind: 'anonymous' } as Identity, r).checkNow()).toBeNull();
  });
});
