/**
 * Sign-in with the hub's embedded OpenID provider: authorization code + PKCE (S256) as the
 * first-party public client `ror-web` (subgraphs/professionals/oidc/clients.ts), with
 * oauth4webapi doing the protocol checks (state, issuer, PKCE, ID token claims).
 * The console must be opened at the hub's public URL: the redirect URI registered for the client
 * is `<public URL>/callback`, and the issuer `<public URL>/oidc`.
 */
import * as oauth from 'oauth4webapi';
import { clearSession, readSession, writeSession } from './session';

export const CLIENT_ID = 'ror-web';
const client: oauth.Client = { client_id: CLIENT_ID };
const PENDING_KEY = 'ror.signin';

interface PendingSignIn {
  verifier: string;
  state: string;
  returnTo: string;
}

function issuer(): URL {
  return new URL('/oidc', window.location.origin);
}

function redirectUri(): string {
  return new URL('/callback', window.location.origin).href;
}

/** http is allowed only where the page itself is on http (a local hub, the tests). */
function options(): { [oauth.allowInsecureRequests]?: boolean } {
  return window.location.protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {};
}

let discovered: Promise<oauth.AuthorizationServer> | undefined;
function authorizationServer(): Promise<oauth.AuthorizationServer> {
  discovered ??= oauth
    .discoveryRequest(issuer(), options())
    .then((response) => oauth.processDiscoveryResponse(issuer(), response))
    .catch((error: unknown) => {
      discovered = undefined; // a hub restarting: the next try discovers again
      throw error;
    });
  return discovered;
}

/** Leaves for the provider's sign-in page; comes back at /callback, then at `returnTo`. */
export async function signIn(returnTo: string): Promise<void> {
  const as = await authorizationServer();
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const pending: PendingSignIn = { verifier, state, returnTo };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(as.authorization_endpoint!);
  url.search = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    scope: 'openid',
    redirect_uri: redirectUri(),
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.href);
}

/** At /callback: checks the answer, exchanges the code, keeps the tokens; returns where to go. */
export async function completeSignIn(): Promise<string> {
  const raw = sessionStorage.getItem(PENDING_KEY);
  if (!raw) throw new Error('Aucune connexion en cours dans cet onglet.');
  sessionStorage.removeItem(PENDING_KEY); // one use: a replayed callback URL does nothing
  const pending = JSON.parse(raw) as PendingSignIn;
  const as = await authorizationServer();
  const parameters = oauth.validateAuthResponse(as, client, new URL(window.location.href), pending.state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), parameters, redirectUri(), pending.verifier, options());
  const result = await oauth.processAuthorizationCodeResponse(as, client, response);
  writeSession({
    accessToken: result.access_token,
    idToken: result.id_token ?? '',
    expiresAt: Date.now() + (result.expires_in ?? 300) * 1000,
  });
  return pending.returnTo;
}

/** Forgets the tokens, then ends the provider's session (RP-initiated logout), back at `/`. */
export async function signOut(): Promise<void> {
  const session = readSession();
  clearSession();
  const as = await authorizationServer();
  if (!as.end_session_endpoint) {
    window.location.assign('/');
    return;
  }
  const url = new URL(as.end_session_endpoint);
  url.search = new URLSearchParams({
    client_id: CLIENT_ID,
    post_logout_redirect_uri: new URL('/', window.location.origin).href,
    ...(session?.idToken ? { id_token_hint: session.idToken } : {}),
  }).toString();
  window.location.assign(url.href);
}
