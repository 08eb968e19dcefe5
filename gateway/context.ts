/** Per-request context of the gateway: who is calling, and the signed envelope subgraphs receive. */
import type { Identity } from '../platform/auth/identity.js';

export interface GatewayContext {
  requestId: string;
  identity: Identity;
  /** `identity`, signed for the subgraph named `audience` (x-ror-identity header; cached, so fresh enough on every call). */
  envelope: (audience: string) => Promise<string>;
  /** The caller's address as this gateway saw it (HTTP requests), forwarded for audit trails. */
  clientAddress?: string;
}
