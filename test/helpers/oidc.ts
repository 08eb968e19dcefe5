/**
 * Test hubs for the embedded OpenID provider: a hub whose public base is a port we reserve, and
 * on that port a Fastify app with the gateway's /oidc proxy plugin (what the gateway serves), so
 * issuer, endpoints and tokens are exactly those a client of the real gateway sees.
 */
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { oidcProxy } from '../../gateway/plugins/use-oidc-proxy.js';
import { seedDemoClients } from '../../scripts/demo/clients.js';
import { accounts, people } from '../../subgraphs/professionals/tables.js';
import { hashPassword } from '../../subgraphs/professionals/passwords.js';
import type { Database } from '../../platform/db/client.js';
import { reservePort, startTestHub, TEST_PASSWORD_LOG2N, type DatabaseKind, type TestHub } from './hub.js';

export { reservePort };

export interface OidcHub {
  hub: TestHub;
  /** Public base of the hub (the proxy standing in for the gateway); the issuer is `${base}/oidc`. */
  base: string;
  issuer: string;
  /** The professionals subgraph's own origin (no forwarded headers). */
  subgraph: string;
  close(): Promise<void>;
}

export async function startOidcHub(kind: DatabaseKind, extraEnv: Record<string, string> = {}): Promise<OidcHub> {
  const port = await reservePort();
  const base = `http://127.0.0.1:${port}`;
  const hub = await startTestHub(kind, {
    ROR_PUBLIC_URL: base,
    ROR_SEED_DEMO: 'false', // the provider needs no region; accounts are created per test
    ROR_INTERNAL_SECRET: randomBytes(32).toString('base64url'),
    ...extraEnv,
  });
  let proxy: FastifyInstance | null = null;
  try {
    await seedDemoClients(hub.db);
    const subgraph = new URL(hub.urls.subgraphs.professionals).origin;
    proxy = Fastify();
    await proxy.register(oidcProxy, { upstream: subgraph });
    await proxy.listen({ host: '127.0.0.1', port });
    const app = proxy;
    return {
      hub,
      base,
      issuer: `${base}/oidc`,
      subgraph,
      close: async () => {
        await app.close();
        await hub.close();
      },
    };
  } catch (error) {
    await proxy?.close();
    await hub.close();
    throw error;
  }
}

export const DEMO_PASSWORD = 'Demo-ROR-2026!';

export interface TestAccount {
  login: string;
  password?: string;
  enabled?: boolean;
  archived?: boolean;
}

/** A professional with a hub account, written straight into the test hub's database. */
export async function createAccount(db: Database, account: TestAccount): Promise<string> {
  const suffix = randomBytes(4).toString('hex');
  const professionalId = `PTEST${suffix}`;
  const accountId = `ATEST${suffix}`;
  await db.orm.insert(people).values({
    id: professionalId,
    lastName: 'TESTEUR',
    firstName: 'Camille',
    archivedAt: account.archived ? new Date() : null,
  });
  await db.orm.insert(accounts).values({
    id: accountId,
    professionalId,
    login: account.login,
    passwordHash: await hashPassword(account.password ?? DEMO_PASSWORD, TEST_PASSWORD_LOG2N),
    enabled: account.enabled ?? true,
  });
  return accountId;
}

export async function lastLoginOf(db: Database, accountId: string): Promise<Date | null> {
  const [row] = await db.orm.select({ at: accounts.lastLoginAt }).from(accounts).where(eq(accounts.id, accountId));
  return row?.at ?? null;
}
