import type { ErrorKind } from '../server/errors';

/** A signed-in session: the token, what it says of itself, and whose it is. */
export interface Session {
  /** Made at sign-in and kept through renewals: a change made for one session never lands on the next. */
  id: string;
  token: string;
  /** The server that issued the token: the only origin it is ever sent to. */
  serverUrl: string;
  profileId: string;
  /** Milliseconds; from the JWT's `iat`, else when the token was obtained. */
  issuedAt: number;
  /** Milliseconds; null for a token that is not a readable JWT (kept opaque). */
  expiresAt: number | null;
  user: SessionUser;
  /** "Keep me signed in": local storage instead of session storage. */
  persist: boolean;
  /** The last renewal failed for a passing reason (the token is still kept). */
  renewalFailed: { at: number; kind: ErrorKind; passwordTried: boolean } | null;
  /**
   * Earlier tokens of this session that an exchange left valid (pages opened with them still use
   * them): revoked too when the session ends, so a sign-out signs those pages out as well.
   */
  retired: string[];
}

export interface SessionUser {
  username: string;
  nickname: string;
  superUser: boolean;
}

/** Every token of the session that may still be valid on the server. */
export function tokensOf(session: Pick<Session, 'token' | 'retired'>): string[] {
  return [...new Set([...session.retired, session.token])];
}

/** The same session in the same state: the check every write makes before it lands. */
export function sameSession(stored: Session | null, expected: Pick<Session, 'id' | 'token'>): boolean {
  return stored !== null && stored.id === expected.id && stored.token === expected.token;
}

/** A token goes only to the server that issued it: a session of another server is no session here. */
export function isSessionOf(session: Pick<Session, 'serverUrl'> | null, serverUrl: string | undefined): session is Session {
  return session !== null && session.serverUrl === serverUrl;
}
