/**
 * The trust-circle application service behind the admin CLI (subgraphs/professionals/applications.ts):
 * what it refuses, naming the argument; register, rotate and revoke with their change-feed events
 * (never a key); the provider's metadata for a JWKS URI; only the system identity may call it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { JWK } from 'jose';
import type { Identity } from '../platform/auth/identity.js';
import type { Database } from '../platform/db/client.js';
import { HubError } from '../platform/errors.js';
import { changeEvents } from '../platform/changes/tables.js';
import { headId } from '../platform/changes/read.js';
import { createApplicationService, type ApplicationInput } from '../subgraphs/professionals/applications.js';
import { findApplication } from '../subgraphs/professionals/oidc/clients.js';
import { databaseKinds, openMigratedDatabase } from './helpers/hub.js';

const SYSTEM: Identity = { kind: 'system', subject: 'gateway' };

function ecKey(kid: string): { publicJwk: JWK; privateJwk: JWK } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { publicJwk: { ...(publicKey.export({ format: 'jwk' }) as JWK), kid, alg: 'ES256' }, privateJwk: { ...(privateKey.export({ format: 'jwk' }) as JWK), kid, alg: 'ES256' } };
}

describe.each(databaseKinds())('trust-circle applications (%s)', (kind) => {
  let db: Database;
  let drop: () => Promise<void>;
  const key = ecKey('k1');
  const valid = (over: Partial<ApplicationInput> = {}): ApplicationInput => ({
    clientId: 'bed-platform',
    name: 'Plateforme régionale de lits',
    scopes: ['offer.read', 'capacity.read', 'capacity.write'],
    accessLevel: 2,
    writeEstablishments: ['450002613', '360000137'],
    keys: { jwks: { keys: [key.publicJwk] } },
    ...over,
  });

  beforeAll(async () => {
    ({ db, drop } = await openMigratedDatabase(kind));
  }, 60_000);
  afterAll(() => drop?.());

  const refusal = async (input: ApplicationInput): Promise<{ code: unknown; argument: unknown; message: string }> => {
    const error = await createApplicationService(db.orm).registerApplication(SYSTEM, input).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(HubError);
    const { extensions, message } = error as HubError;
    return { code: extensions.code, argument: extensions.argumentName, message };
  };

  it('refuses bad registrations, naming the argument', async () => {
    expect(await refusal(valid({ clientId: 'ror-web' }))).toMatchObject({ argument: 'clientId', message: expect.stringMatching(/reserved/) });
    expect(await refusal(valid({ clientId: 'Bad Id' }))).toMatchObject({ argument: 'clientId' });
    expect(await refusal(valid({ scopes: ['offer.read', 'all'] }))).toMatchObject({ argument: 'scopes', message: expect.stringMatching(/Unknown scope\(s\) all/) });
    expect(await refusal(valid({ accessLevel: 4 }))).toMatchObject({ argument: 'accessLevel' });
    expect(await refusal(valid({ scopes: ['offer.read'] }))).toMatchObject({ argument: 'writeEstablishments', message: expect.stringMatching(/capacity\.write/) });
    expect(await refusal(valid({ writeEstablishments: ['*', '450002613'] }))).toMatchObject({ argument: 'writeEstablishments' });
    expect(await refusal(valid({ keys: { jwks: { keys: [key.privateJwk] } } }))).toMatchObject({ argument: 'jwks', message: expect.stringMatching(/private key material \(d\)/) });
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' }) as JWK;
    expect(await refusal(valid({ keys: { jwks: { keys: [small] } } }))).toMatchObject({ argument: 'jwks', message: expect.stringMatching(/2048 bits/) });
    expect(await refusal(valid({ keys: { jwks: { keys: [] } } }))).toMatchObject({ argument: 'jwks' });
    expect(await refusal(valid({ keys: { jwksUri: 'http://apps.example.org/jwks' } }))).toMatchObject({ argument: 'jwksUri', message: expect.stringMatching(/https/) });
    // Besides the CLI, only the regional team (OuruRorCredentials_adminRoles transversally) lists and registers (D162).
    const anonymous = await createApplicationService(db.orm).listApplications({ kind: 'anonymous' } as Identity).catch((e: unknown) => e);
    expect((anonymous as HubError).extensions.code).toBe('UNAUTHENTICATED');
    const app: Identity = { kind: 'client', subject: 'x', name: 'x', scopes: ['offer.read'], accessLevel: 1 };
    expect(((await createApplicationService(db.orm).listApplications(app).catch((e: unknown) => e)) as HubError).extensions.code).toBe('FORBIDDEN');
    const rotated = await createApplicationService(db.orm).revokeApplication({ kind: 'anonymous' } as Identity, 'nobody').catch((e: unknown) => e);
    expect((rotated as HubError).extensions.code).toBe('FORBIDDEN');
  });

  it('registers, rotates to a JWKS URI and revokes, with change-feed events that hold no key', async () => {
    const service = createApplicationService(db.orm);
    const before = await headId(db.orm);
    const registered = await service.registerApplication(SYSTEM, valid());
    expect(registered).toMatchObject({ clientId: 'bed-platform', enabled: true, keys: 'k1', writeEstablishments: ['360000137', '450002613'] });
    expect(await refusal(valid({ name: 'again' }))).toMatchObject({ code: 'CONFLICT', argument: 'clientId' });
    expect((await findApplication(db.orm, 'bed-platform'))?.jwks).toEqual({ keys: [key.publicJwk] });

    const rotated = await service.rotateApplicationKeys(SYSTEM, 'bed-platform', { jwksUri: 'https://apps.example.org/.well-known/jwks.json' });
    expect(rotated.keys).toBe('jwks_uri https://apps.example.org/.well-known/jwks.json');
    const metadata = await findApplication(db.orm, 'bed-platform');
    expect(metadata).toMatchObject({ jwks_uri: 'https://apps.example.org/.well-known/jwks.json', token_endpoint_auth_method: 'private_key_jwt' });
    expect(metadata).not.toHaveProperty('jwks');

    expect((await service.revokeApplication(SYSTEM, 'bed-platform')).enabled).toBe(false);
    expect(await findApplication(db.orm, 'bed-platform')).toBeUndefined(); // the token endpoint refuses it
    await service.revokeApplication(SYSTEM, 'bed-platform'); // again: nothing changes, nothing published
    await expect(service.revokeApplication(SYSTEM, 'nobody')).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND', argumentName: 'clientId' } });

    const events = await db.orm.select().from(changeEvents).where(and(gt(changeEvents.id, before), eq(changeEvents.recordType, 'APPLICATION')));
    expect(events.map((e) => [e.topic, e.recordId, e.action, e.actor])).toEqual([
      ['professional', 'bed-platform', 'REGISTER', 'system'],
      ['professional', 'bed-platform', 'ROTATE_KEYS', 'system'],
      ['professional', 'bed-platform', 'REVOKE', 'system'],
    ]);
    expect(JSON.stringify(events)).not.toContain(key.publicJwk.x!);
    expect(JSON.stringify(events)).not.toContain('apps.example.org');
  });
});
