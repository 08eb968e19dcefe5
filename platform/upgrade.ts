/**
 * Several handlers share one HTTP server's `upgrade` event (the gateway's graphql-ws at /graphql,
 * the FHIR subscriptions' websocket channel). A handler that takes a request claims it first, so
 * the others leave its socket alone instead of destroying it as an unknown path.
 */
import type { IncomingMessage } from 'node:http';

const CLAIMED = Symbol('ror.upgrade.claimed');

export function claimUpgrade(request: IncomingMessage): void {
  (request as IncomingMessage & { [CLAIMED]?: boolean })[CLAIMED] = true;
}

export function isUpgradeClaimed(request: IncomingMessage): boolean {
  return (request as IncomingMessage & { [CLAIMED]?: boolean })[CLAIMED] === true;
}
