/**
 * Real access tokens from a running hub's embedded OpenID provider, through its gateway: client
 * credentials with the demo applications' keys, or the authorization code + PKCE flow with a
 * demo account. Cached per hub and caller (tokens live 15 minutes; a test run is shorter).
 */
import { clientToken, userToken, DEMO_PASSWORD } from '../../scripts/token.js';

const cache = new Map<string, Promise<string>>();

function baseOf(graphqlUrl: string): string {
  return graphqlUrl.replace(/\/graphql$/, '');
}

/** `Bearer …` for a demo application (sante-fr-directory, place-search, national-aggregator). */
export function asApp(graphqlUrl: string, clientId: string): Promise<string> {
  const key = `${graphqlUrl}|client|${clientId}`;
  if (!cache.has(key)) cache.set(key, clientToken(baseOf(graphqlUrl), clientId).then((t) => `Bearer ${t}`));
  return cache.get(key)!;
}

/** `Bearer …` for a demo account (docs/demo-identities.md), with the demo password unless given. */
export function asUser(graphqlUrl: string, login: string, password = DEMO_PASSWORD): Promise<string> {
  const key = `${graphqlUrl}|user|${login}|${password}`;
  if (!cache.has(key)) cache.set(key, userToken(baseOf(graphqlUrl), login, password).then((t) => `Bearer ${t}`));
  return cache.get(key)!;
}

/** Drops the tokens of the hub at `graphqlUrl` (it closed: another hub may get its port later). */
export function forgetTokens(graphqlUrl: string): void {
  for (const key of cache.keys()) if (key.startsWith(`${graphqlUrl}|`)) cache.delete(key);
}
