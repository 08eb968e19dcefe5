/**
 * `npm run token`: a token on stdout and nothing else, for both modes, against a running hub;
 * errors on stderr with exit code 1; refused in production.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { createAccount, startOidcHub, type OidcHub } from './helpers/oidc.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function npmToken(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile('npm', ['run', '-s', 'token', '--', ...args], { env: { ...process.env, NODE_ENV: 'development', ...env }, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const JWT = /^[\w-]+\.[\w-]+\.[\w-]+\n$/;

// One database is enough: the script only speaks HTTP to the hub.
describe('npm run token', () => {
  let oidc: OidcHub;
  const verify = (token: string) =>
    jwtVerify(token.trim(), createRemoteJWKSet(new URL(`${oidc.issuer}/jwks`)), { issuer: oidc.issuer, audience: 'urn:ror-hub:api' });

  beforeAll(async () => {
    oidc = await startOidcHub('pglite');
  });
  afterAll(() => oidc?.close());

  it('prints an application token (client credentials with the demo key)', async () => {
    const run = await npmToken(['--client', 'national-aggregator', '--hub', oidc.base]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(JWT);
    const { payload } = await verify(run.stdout);
    expect(payload).toMatchObject({ client_id: 'national-aggregator', ror_access_level: 1 });
  });

  it('prints a user token (authorization code + PKCE with the demo password)', async () => {
    const accountId = await createAccount(oidc.hub.db, { login: 'script.user' });
    const run = await npmToken(['--user', 'script.user', '--hub', oidc.base]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(JWT);
    expect((await verify(run.stdout)).payload).toMatchObject({ sub: accountId, ror_login: 'script.user' });
  });

  it('fails with a message on stderr and nothing on stdout', async () => {
    const wrong = await npmToken(['--user', 'script.user', '--password', 'not-the-password', '--hub', oidc.base]);
    expect(wrong).toMatchObject({ code: 1, stdout: '' });
    expect(wrong.stderr).toContain('invalid login or password');
    const unknown = await npmToken(['--client', 'no-such-app', '--hub', oidc.base]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown demo application');
    const usage = await npmToken([]);
    expect(usage.stderr).toContain('usage: npm run token');
  });

  it('refuses to run with NODE_ENV=production', async () => {
    const run = await npmToken(['--client', 'national-aggregator', '--hub', oidc.base], { NODE_ENV: 'production' });
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toContain('NODE_ENV=production');
  });
});
