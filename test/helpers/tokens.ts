/**
 * Real access tokens from a running hub's embedded OpenID provider, through its gateway: client
 * credentials with the demo applications' keys, or the authorization code + PKCE flow with a
 * demo account. Cached per hub and caller for 10 minutes: tokens live 15, and a whole run on a
 * loaded machine can last longer than that (the shared hubs' callers then got expired tokens).
 */
import { clientToken, userToken, DEMO_PASSWORD } from '../../scripts/token.js';

/** How long a cached token is handed out: well inside its 15 minutes, whatever the test does with it. */
const REUSE_MS = 10 * 60_000;
const cache = new Map<string, { token: Promise<string>; at: number }>();

/** The cached token for `key`, minted again by `mint` when there is none or it is older than REUSE_MS. */
function cached(key: string, mint: () => Promise<string>): Promise<string> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < REUSE_MS) return hit.token;
  const token = mint();
  cache.set(key, { token, at: Date.now() });
  return token;
}

function baseOf(graphqlUrl: string): string {
  return graphqlUrl.replace(/\/graphql$/, '');
}

/** `Bearer …` for a demo application (sante-fr-directory, place-search, national-aggregator). */
export function asApp(graphqlUrl: string, clientId: string): Promise<string> {
  return cached(`${graphqlUrl}|client|${clientId}`, () => clientToken(baseOf(graphqlUrl), clientId).then((t) => `Bearer ${t}`));
}

/** `Bearer …` for a demo account (docs/demo-identities.md), with the demo password unless given. */
export function asUser(graphqlUrl: string, login: string, password = DEMO_PASSWORD): Promise<string> {
  return cached(`${graphqlUrl}|user|${login}|${password}`, () => userToken(baseOf(graphqlUrl), login, password).then((t) => `Bearer ${t}`));
}

/** Drops the tokens of the hub at `graphqlUrl` (it closed: another hub may get its port later). */
export function forgetTokens(graphqlUrl: string): void {
  for (const key of cache.keys()) if (key.startsWith(`${graphqlUrl}|`)) cache.delete(key);
}
