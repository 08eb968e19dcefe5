/**
 * Identity envelopes as the gateway signs them (x-ror-identity), for tests that call a subgraph
 * directly: subgraphs refuse any request without one (platform/subgraph-gate.ts).
 */
import { IDENTITY_HEADER, signIdentity } from '../../platform/auth/internal-token.js';
import { ANONYMOUS, type Identity } from '../../platform/auth/identity.js';
import { TEST_INTERNAL_SECRET } from './hub.js';

/** The header the test hub's subgraph named `audience` accepts for `identity` (anonymous by default). */
export async function envelopeHeader(audience: string, identity: Identity = ANONYMOUS, secret = TEST_INTERNAL_SECRET): Promise<Record<string, string>> {
  return { [IDENTITY_HEADER]: await signIdentity(identity, secret, audience) };
}
