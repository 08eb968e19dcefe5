/**
 * A stand-in external OpenID issuer for tests: a real HTTP server publishing a discovery document
 * and a JWKS, and a function minting access tokens signed with its key (or with a stranger's), as
 * RFC 9068 shapes them (`typ: at+jwt`, with `exp`), which the hub requires of every issuer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type CryptoKey } from 'jose';

export interface TestIssuer {
  discoveryUrl: string;
  issuer: string;
  mint(claims: JWTPayload, options?: { audience?: string; expiresIn?: string | number; foreignKey?: boolean }): Promise<string>;
  close(): Promise<void>;
}

export async function startTestIssuer(audience = 'urn:ror-hub:api'): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  let base = '';
  const server: Server = createServer((request, response) => {
    const body =
      request.url === '/.well-known/openid-configuration'
        ? { issuer: base, jwks_uri: `${base}/jwks`, token_endpoint: `${base}/token` }
        : request.url === '/jwks'
          ? { keys: [jwk] }
          : null;
    response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sign = (key: CryptoKey, claims: JWTPayload, aud: string, expiresIn: string | number) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'at+jwt' }).setIssuer(base).setAudience(aud).setIssuedAt().setExpirationTime(expiresIn).sign(key);
  return {
    discoveryUrl: `${base}/.well-known/openid-configuration`,
    issuer: base,
    mint: (claims, options = {}) => sign(options.foreignKey ? stranger.privateKey : privateKey, claims, options.audience ?? audience, options.expiresIn ?? '5m'),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
