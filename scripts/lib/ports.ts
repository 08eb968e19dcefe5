/**
 * Ports are checked before any database work: a start next to a running hub must fail in
 * milliseconds with one line naming the port and the variable to change, not after creating
 * and seeding a database, and not with a stack trace.
 */
import { createServer } from 'node:net';
import { SUBGRAPH_NAMES, type HubConfig, type SubgraphName } from '../../platform/config.js';

/** One port a process is about to listen on, and the variables that move it. */
export interface PortClaim {
  component: string;
  port: number;
  variables: readonly string[];
}

/** A port that cannot be listened on. `code` stays EADDRINUSE so callers that retry on a taken port still do. */
export class PortInUseError extends Error {
  readonly code = 'EADDRINUSE';
  readonly claim: PortClaim;
  constructor(claim: PortClaim, reason = 'is already in use') {
    super(`port ${claim.port} (${claim.component}) ${reason} — set ${claim.variables.join(' or ')}`);
    this.claim = claim;
    this.name = 'PortInUseError';
  }
}

export function gatewayClaim(config: HubConfig): PortClaim {
  return { component: 'gateway', port: config.gatewayPort, variables: ['PORT'] };
}

export function subgraphClaim(config: HubConfig, name: SubgraphName): PortClaim {
  return { component: name, port: config.subgraphPorts[name], variables: ['PORT', `${name.toUpperCase()}_PORT`] };
}

/** Every port of the whole hub in one process (`npm start`). */
export function hubClaims(config: HubConfig): PortClaim[] {
  return [gatewayClaim(config), ...SUBGRAPH_NAMES.map((name) => subgraphClaim(config, name))];
}

const REASONS: Record<string, string> = { EADDRINUSE: 'is already in use', EACCES: 'needs privileges this process does not have' };

/** Rewrites a listen error on `claim`'s port as a PortInUseError (a port taken between the check and the listen). */
export function portError(error: unknown, claim: PortClaim): unknown {
  const reason = REASONS[(error as NodeJS.ErrnoException).code ?? ''];
  return reason ? new PortInUseError(claim, reason) : error;
}

function probe(host: string, claim: PortClaim): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error) => reject(portError(error, claim)));
    // exclusive: a cluster primary's shared handle must not hide a taken port.
    server.listen({ host, port: claim.port, exclusive: true }, () => server.close(() => resolve()));
  });
}

/**
 * Throws PortInUseError for the first claim whose port is taken (or claimed twice); port 0
 * (ephemeral) is always free.
 */
export async function checkPortsFree(host: string, claims: readonly PortClaim[]): Promise<void> {
  const fixed = claims.filter((claim) => claim.port !== 0);
  for (const [index, claim] of fixed.entries()) {
    const other = fixed.slice(0, index).find((earlier) => earlier.port === claim.port);
    if (other) throw new PortInUseError(claim, `is also set for ${other.component}`);
  }
  for (const claim of fixed) await probe(host, claim);
}
