/**
 * Subgraphs keep the envelopes they verified (platform/auth/internal-token.ts, D212):
 * the same token text for the same audience and key is not verified again until it expires. What
 * a full verification refuses stays refused: another audience, a changed signature, an expired
 * envelope (even one accepted a moment before), and the identity served is never changed by a request.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Identity } from '../platform/auth/identity.js';
import { signIdentity, verifyIdentity } from '../platform/auth/internal-token.js';

const SECRET = 'test-secret-of-the-envelope-cache-0123456789abcdef';
const reader = (login: string) => ({ kind: 'user', subject: login, login, professionalId: 'P1', grants: [{ role: 'READER', scopes: ['capacity.read'] }] }) as unknown as Identity;

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: { extensions?: { code?: string }; message: string }) => `${error.extensions?.code}: ${error.message}`,
  );

afterEach(() => vi.useRealTimers());

describe('verified envelopes kept by the subgraphs', () => {
  it('serve the same identity again for the same token and audience, and for nothing else', async () => {
    const token = await signIdentity(reader('cache-a'), SECRET, 'offer', { now: Date.now() });
    const first = await verifyIdentity(token, SECRET, 'offer');
    expect(first).toEqual(reader('cache-a'));
    expect(await verifyIdentity(token, SECRET, 'offer')).toBe(first);
    expect(await code(verifyIdentity(token, SECRET, 'capacities'))).toMatch(/^UNAUTHENTICATED: .*not meant for this server/);
    expect(await code(verifyIdentity(token, 'another-secret-0123456789abcdef0123456789', 'offer'))).toMatch(/^UNAUTHENTICATED: .*not validly signed/);
    const [header, payload] = token.split('.');
    expect(await code(verifyIdentity(`${header}.${payload}.${'A'.repeat(43)}`, SECRET, 'offer'))).toMatch(/^UNAUTHENTICATED: .*not validly signed/);
  });

  it('refuse an envelope once it has expired, even after it was accepted', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const token = await signIdentity(reader('cache-b'), SECRET, 'offer', { now: Date.now() });
    expect(await code(verifyIdentity(token, SECRET, 'offer'))).toBe('accepted');
    vi.setSystemTime(Date.now() + 30_000);
    expect(await code(verifyIdentity(token, SECRET, 'offer'))).toBe('accepted');
    vi.setSystemTime(Date.now() + 40_000); // 70 s after signing: past the 60 s lifetime and the 5 s of tolerated drift
    expect(await code(verifyIdentity(token, SECRET, 'offer'))).toMatch(/^UNAUTHENTICATED: .*expired/);
  });

  it('hand out an identity no request can change', async () => {
    const token = await signIdentity(reader('cache-c'), SECRET, 'offer', { now: Date.now() });
    const identity = (await verifyIdentity(token, SECRET, 'offer')) as unknown as { login: string; grants: Array<{ scopes: string[] }> };
    expect(() => {
      identity.login = 'someone-else';
    }).toThrow(TypeError);
    expect(() => identity.grants[0]!.scopes.push('offer.write')).toThrow(TypeError);
    expect(await verifyIdentity(token, SECRET, 'offer')).toEqual(reader('cache-c'));
  });
});
