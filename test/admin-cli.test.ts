/**
 * The admin CLI (`npm run admin`, scripts/admin.ts) as a deployer uses it on a production hub
 * started on an EMPTY database (no demo data): the first administrator is created with the CLI,
 * completes the password link, signs in and uses the API with their rights; an application is
 * registered with its JWKS, gets a token with its private_key_jwt assertion and calls the API
 * with its scopes; once revoked, its token request is refused. On PGlite the CLI runs while the
 * hub is stopped (the embedded database serves one process); on PostgreSQL next to the running hub.
 *
 * The first command of each kind runs as a real process (`npm run admin` is a Node process: its
 * entry point, exit codes and outputs); the others, `--help` included (handled by `main` too),
 * call the same `main` in this process (helpers/cli.ts runMain), which spares a Node start and
 * the command's module loading per run.
 *
 * What does not depend on the database kind — the CLI's refusal of a private JWKS, the list
 * commands' output, the hub refusing a revoked application's token — is checked on the last kind
 * only (PostgreSQL when set): on PGlite each in-process command opens the embedded cluster again
 * (0.4–0.9 s of CPU), and the refused token needed a second production hub start (issue 16).
 * PGlite keeps every step that touches its data directory: the first command from nothing, the
 * registration and the revocation while the hub is stopped, the hub's start on what the CLI wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createScratchDatabase, databaseKinds, serverKindIfAny, reservePort, scratchDir, startTestHub, type TestHub } from './helpers/hub.js';
import { runMain, runScript, type Run } from './helpers/cli.js';
import { main as adminMain } from '../scripts/admin.js';
import { gql } from './helpers/graphql.js';
import { discover, requestClientToken, signClientAssertion, userToken } from '../scripts/token.js';
import type { JWK } from 'jose';

const PASSWORD = 'Premier-Admin-2026!';
/** The kind that runs the checks that are the same on every kind (see above). */
const LAST_KIND = serverKindIfAny();

describe.each(databaseKinds())('admin CLI on a production hub from an empty database (%s)', (kind) => {
  let dir: string;
  let port: number;
  let database: { url: string; drop: () => Promise<void> } | null = null;
  let hub: TestHub | null = null;
  let env: Record<string, string>;
  let privateJwk: JWK;
  let link: string;

  const admin = (...args: string[]): Promise<Run> => runMain(adminMain, args, env);
  const adminProcess = (...args: string[]): Promise<Run> => runScript('scripts/admin.ts', args, env);
  const base = () => `http://127.0.0.1:${port}`;
  const start = async () => {
    hub = await startTestHub(kind, { ...env, ROR_ADMISSION_DATA_KEY: randomBytes(32).toString('base64') }, { fresh: true });
  };
  const stop = async () => {
    await hub?.close();
    hub = null;
  };

  beforeAll(async () => {
    dir = scratchDir('ror-admin-cli-');
    port = await reservePort();
    if (kind === 'postgres') database = await createScratchDatabase();
    env = {
      NODE_ENV: 'production',
      ROR_SEED_DEMO: 'false',
      PORT: String(port),
      ROR_PASSWORD_SCRYPT_LOG2N: '17',
      LOG_LEVEL: 'silent',
      ...(database ? { DATABASE_URL: database.url } : { ROR_DB_IN_MEMORY: 'false', ROR_DATA_DIR: join(dir, 'data') }),
    };
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    privateJwk = { ...(privateKey.export({ format: 'jwk' }) as JWK), alg: 'ES256', kid: 'dgos-1' };
    writeFileSync(join(dir, 'app.jwks.json'), JSON.stringify({ keys: [{ ...(publicKey.export({ format: 'jwk' }) as JWK), alg: 'ES256', kid: 'dgos-1', use: 'sig' }] }));
    writeFileSync(join(dir, 'leaked.jwks.json'), JSON.stringify({ keys: [privateJwk] }));
  }, 60_000);

  afterAll(async () => {
    await stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the first administrator and registers an application on the empty database', { timeout: 300_000 }, async () => {
    const created = await adminProcess('create-user', '--login', 'admin.region', '--email', 'admin@ars.example', '--last-name', 'Lefèvre', '--first-name', 'Anne',
      '--role', 'ESTABLISHMENT_REFERENT', '--perimeter', 'TRANSVERSAL', '--print-link');
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/created P\d{6} LEFEVRE ANNE, account admin\.region/);
    link = created.stdout.match(/password link: (\S+)/)![1]!;
    expect(link.startsWith(`${base()}/password/create?token=`)).toBe(true);

    if (kind === LAST_KIND) {
      const refused = await admin('register-app', '--client-id', 'dgos-pull', '--name', 'DGOS', '--scopes', 'offer.read capacity.read', '--access-level', '1', '--jwks', join(dir, 'leaked.jwks.json'));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/--jwks.*private key material/);
    }

    const registered = await admin('register-app', '--client-id', 'dgos-pull', '--name', 'DGOS national pull', '--scopes', 'offer.read capacity.read professional.read', '--access-level', '1', '--jwks', join(dir, 'app.jwks.json'));
    expect(registered.code, registered.stderr).toBe(0);
    expect(registered.stdout).toMatch(/registered dgos-pull\n.* enabled +profile 1 [\s\S]*keys: dgos-1/);

    if (kind === LAST_KIND) {
      const users = await admin('list-users');
      expect(users.stdout).toMatch(/admin\.region\s+P\d{6}\s+LEFEVRE ANNE \[no password yet\]\n\s+ESTABLISHMENT_REFERENT@TRANSVERSAL/);
      const apps = await admin('list-apps', '--json');
      expect(JSON.parse(apps.stdout)).toContainEqual(expect.objectContaining({ clientId: 'dgos-pull', enabled: true, accessLevel: 1, keys: 'dgos-1' }));
    }
  });

  it('the administrator sets a password with the link, signs in and uses the API with their rights', { timeout: 180_000 }, async () => {
    await start();
    const token = new URL(link).searchParams.get('token')!;
    const set = await gql<{ createPassword: unknown }>(`${base()}/graphql`, 'mutation($t: String!, $p: String!) { createPassword(token: $t, password: $p) { __typename } }', { t: token, p: PASSWORD });
    expect(set.errors).toBeUndefined();
    const bearer = `Bearer ${await userToken(base(), 'admin.region', PASSWORD)}`;
    const me = await gql<{ me: { lastName: string; roleAssignments: Array<{ role: string }> } }>(`${base()}/graphql`, '{ me { lastName roleAssignments { role } } }', {}, { authorization: bearer });
    expect(me.data?.me).toMatchObject({ lastName: 'LEFEVRE', roleAssignments: [{ role: 'ESTABLISHMENT_REFERENT' }] });
    // A right of the role, on the region: the administrator creates a colleague through the API.
    const colleague = await gql<{ createProfessional: { id: string } }>(`${base()}/graphql`, 'mutation { createProfessional(input: { lastName: "Durand", firstName: "Paul" }) { id } }', {}, { authorization: bearer });
    expect(colleague.errors).toBeUndefined();
    expect(colleague.data?.createProfessional.id).toMatch(/^P\d{6}$/);
  });

  it('the application gets a token with its private_key_jwt assertion and calls the API with its scopes', { timeout: 60_000 }, async () => {
    const { token_endpoint } = await discover(base());
    const response = await requestClientToken(token_endpoint, await signClientAssertion({ clientId: 'dgos-pull', key: privateJwk, audience: token_endpoint }), 'offer.read professional.read');
    expect(response.status).toBe(200);
    const { access_token } = (await response.json()) as { access_token: string };
    const answer = await gql<{ professionals: { totalCount: number } }>(`${base()}/graphql`, '{ professionals(first: 5) { totalCount } }', {}, { authorization: `Bearer ${access_token}` });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.professionals.totalCount).toBe(2);
    const outside = await requestClientToken(token_endpoint, await signClientAssertion({ clientId: 'dgos-pull', key: privateJwk, audience: token_endpoint }), 'capacity.write');
    expect(outside.status).toBe(400); // invalid_scope: not registered for it
  });

  it('once revoked, the application is refused a token', { timeout: 180_000 }, async () => {
    if (kind === 'pglite') await stop(); // the embedded database serves one process
    const busy = kind === 'pglite' ? null : await admin('list-apps');
    if (busy) expect(busy.code, busy.stderr).toBe(0); // on PostgreSQL the CLI works next to the running hub
    const revoked = await admin('revoke-app', '--client-id', 'dgos-pull');
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toMatch(/revoked dgos-pull\n.*REVOKED/);
    // The hub reads the application's row at each token request, the same on both kinds: checked
    // on the last kind, PostgreSQL when set, where the CLI revoked it next to the running hub.
    if (kind !== LAST_KIND) return;
    if (!hub) await start();
    const { token_endpoint } = await discover(base());
    const response = await requestClientToken(token_endpoint, await signClientAssertion({ clientId: 'dgos-pull', key: privateJwk, audience: token_endpoint }), 'offer.read');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });
});

describe('admin CLI usage', () => {
  it('prints its help, and names a missing or foreign option (exit 2)', { timeout: 60_000 }, async () => {
    const help = await runMain(adminMain, ['--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/create-user --login LOGIN/);
    const missing = await runMain(adminMain, ['register-app', '--client-id', 'x', '--login', 'y'], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--login does not apply to register-app; --name is required/);
    const unknown = await runMain(adminMain, ['make-admin'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "make-admin"/);
  });
});
