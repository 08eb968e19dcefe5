/** Per-request context of the gateway: who is calling, and the signed envelope subgraphs receive. */
import type { Identity } from '../platform/auth/identity.js';

export interface GatewayContext {
  requestId: string;
  identity: Identity;
  /** `identity`, signed for the subgraphs (x-ror-identity header). */
  envelope: string;
  /** The caller's address as this gateway saw it (HTTP requests), forwarded for audit trails. */
  clientAddress?: string;
}
