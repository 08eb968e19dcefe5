/**
 * Bearer tokens for the benches, from the hub's embedded OpenID provider (the real protocols,
 * as test/helpers/tokens.ts). No demo application holds `capacity.write`, so the feed bench
 * registers its own application, `bench-feed` (a hospital system pushing capacities), by SQL,
 * signing with a demo application's committed key pair.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { demoPrivateJwk, demoPublicJwks } from '../../scripts/demo/clients.js';
import { clientToken, DEMO_PASSWORD, discover, requestClientToken, signClientAssertion, userToken } from '../../scripts/token.js';

export const BENCH_FEED_CLIENT = 'bench-feed';
const KEY_OF = 'national-aggregator';

export const asUser = async (base: string, login: string) => `Bearer ${await userToken(base, login, DEMO_PASSWORD)}`;
export const asApp = async (base: string, clientId: string) => `Bearer ${await clientToken(base, clientId)}`;

/** Registers `bench-feed` (capacity.read + capacity.write on the whole region, access profile 1) and returns its token. */
export async function benchFeedToken(db: Database, base: string): Promise<string> {
  await db.rows(sql`
    insert into professionals.client (client_id, name, jwks, scopes, access_level, write_establishments)
    values (${BENCH_FEED_CLIENT}, 'Banc d''essai — flux automatique', ${JSON.stringify(demoPublicJwks(KEY_OF))}::jsonb, ${'{capacity.read,capacity.write}'}::text[], 1, ${'{*}'}::text[])
    on conflict (client_id) do nothing`);
  const { token_endpoint } = await discover(base);
  const assertion = await signClientAssertion({ clientId: BENCH_FEED_CLIENT, key: demoPrivateJwk(KEY_OF), audience: token_endpoint });
  const response = await requestClientToken(token_endpoint, assertion, 'capacity.read capacity.write');
  const body = (await response.json()) as { access_token?: string; error?: string };
  if (!body.access_token) throw new Error(`bench-feed token refused: ${body.error ?? response.status}`);
  return `Bearer ${body.access_token}`;
}
