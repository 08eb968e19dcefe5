/**
 * The provider's storage on the professionals schema: the oidc-provider adapter (expiry,
 * consumption, lookups, grant revocation, one-time replay records), the Client model read from
 * the `client` table, and signing keys that concurrent first starts agree on.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '../platform/db/client.js';
import { emptyPglite } from './helpers/pglite.js';
import { applyMigrations } from '../platform/db/migrate.js';
import { createAdapterFactory, purgeExpired } from '../subgraphs/professionals/oidc/adapter.js';
import { findApplication } from '../subgraphs/professionals/oidc/clients.js';
import { loadSigningKeys } from '../subgraphs/professionals/oidc/keys.js';
import { clients, oidcPayloads, signingKeys } from '../subgraphs/professionals/tables.js';
import { DEMO_CLIENTS, seedDemoClients } from '../scripts/demo/clients.js';
import { createScratchDatabase, databaseKinds } from './helpers/hub.js';

const MIGRATIONS = fileURLToPath(new URL('../subgraphs/professionals/migrations', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(databaseKinds())('OpenID provider storage (%s)', (kind) => {
  // Several handles on one database stand for several processes (PGlite serves one process: one handle).
  let dbs: Database[] = [];
  let drop: (() => Promise<void>) | undefined;
  let db: Database;

  beforeAll(async () => {
    if (kind === 'postgres') {
      const scratch = await createScratchDatabase();
      drop = scratch.drop;
      dbs = await Promise.all([1, 2, 3].map(() => openDatabase({ kind: 'postgres', url: scratch.url })));
    } else {
      dbs = [await emptyPglite()];
    }
    db = dbs[0]!;
    await applyMigrations(db, 'professionals', MIGRATIONS);
    await seedDemoClients(db);
  });
  afterAll(async () => {
    for (const handle of dbs) await handle.close();
    await drop?.();
  });

  const adapter = (model: string) => createAdapterFactory(db.orm, (id) => findApplication(db.orm, id))(model);

  it('lets concurrent first starts converge on one signing key', async () => {
    const handles = [...dbs, ...dbs, ...dbs];
    const results = await Promise.all(handles.map((handle) => loadSigningKeys(handle.orm)));
    const kids = new Set(results.map((keys) => keys.map((k) => `${k.kid}:${k.n}`).join()));
    expect(kids.size).toBe(1);
    expect(await db.orm.select().from(signingKeys)).toHaveLength(1);
    expect(results[0]![0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', d: expect.any(String) });
  });

  it('stores, finds, consumes and expires payloads', async () => {
    const codes = adapter('AuthorizationCode');
    await codes.upsert('code-1', { grantId: 'g1', kind: 'AuthorizationCode' }, 60);
    expect(await codes.find('code-1')).toMatchObject({ grantId: 'g1' });
    expect(await adapter('AccessToken').find('code-1')).toBeUndefined(); // models do not mix
    await codes.consume('code-1');
    expect((await codes.find('code-1'))?.consumed).toEqual(expect.any(Number));
    await codes.upsert('code-2', { kind: 'AuthorizationCode' }, 0.2);
    await sleep(400);
    expect(await codes.find('code-2')).toBeUndefined();
    expect(await purgeExpired(db.orm)).toBeGreaterThanOrEqual(1);
    await codes.destroy('code-1');
    expect(await codes.find('code-1')).toBeUndefined();
  });

  it('finds sessions by uid and device codes by user code', async () => {
    await adapter('Session').upsert('s-1', { uid: 'uid-1', accountId: 'A1' }, 60);
    expect(await adapter('Session').findByUid('uid-1')).toMatchObject({ accountId: 'A1' });
    await adapter('DeviceCode').upsert('d-1', { userCode: 'ABCD-EFGH' }, 60);
    expect(await adapter('DeviceCode').findByUserCode('ABCD-EFGH')).toMatchObject({ userCode: 'ABCD-EFGH' });
  });

  it('revokes the tokens of a grant, not other records naming it', async () => {
    await adapter('AccessToken').upsert('at-1', { grantId: 'g-revoke' }, 60);
    await adapter('AuthorizationCode').upsert('ac-1', { grantId: 'g-revoke' }, 60);
    await adapter('Interaction').upsert('i-1', { grantId: 'g-revoke' }, 60);
    await adapter('AccessToken').revokeByGrantId('g-revoke');
    expect(await adapter('AccessToken').find('at-1')).toBeUndefined();
    expect(await adapter('AuthorizationCode').find('ac-1')).toBeUndefined();
    expect(await adapter('Interaction').find('i-1')).toBeDefined();
  });

  it('keeps a replay record one-time until it expires', async () => {
    const replay = adapter('ReplayDetection');
    await replay.upsert('jti-1', { iss: 'place-search' }, 0.3);
    await expect(replay.upsert('jti-1', { iss: 'place-search' }, 60)).rejects.toMatchObject({ error: 'invalid_client' });
    await sleep(500);
    await replay.upsert('jti-1', { iss: 'place-search' }, 60);
    expect(await db.orm.select().from(oidcPayloads).where(eq(oidcPayloads.id, 'jti-1'))).toHaveLength(1);
  });

  it('reads trust-circle clients from the client table, enabled only', async () => {
    expect(await adapter('Client').find('place-search')).toMatchObject({
      client_id: 'place-search',
      token_endpoint_auth_method: 'private_key_jwt',
      grant_types: ['client_credentials'],
      scope: 'offer.read capacity.read admission.request',
      ror_access_level: 2,
    });
    await db.orm.update(clients).set({ enabled: false }).where(eq(clients.clientId, 'place-search'));
    expect(await adapter('Client').find('place-search')).toBeUndefined();
    expect(await adapter('Client').find('unknown')).toBeUndefined();
    expect(await seedDemoClients(db)).toEqual([]); // idempotent: present rows are kept as they are
  });

  it('never registers the demo applications in production', async () => {
    await db.orm.delete(clients);
    expect(await seedDemoClients(db, 'production')).toEqual([]);
    expect(await db.orm.select().from(clients)).toEqual([]);
    expect((await seedDemoClients(db)).sort()).toEqual(DEMO_CLIENTS.map((c) => c.clientId).sort());
  });
});
