/**
 * The signed-in session, kept in sessionStorage: it survives a reload and the sign-in redirect
 * of this tab, and ends with the tab; it is never shared with other tabs nor written to disk
 * like localStorage (D100). Access tokens are short (15 min) and carry no refresh token.
 */
export interface Session {
  accessToken: string;
  idToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

const KEY = 'ror.session';

export function readSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  const session = JSON.parse(raw) as Session;
  return session.expiresAt > Date.now() ? session : null;
}

export function writeSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
