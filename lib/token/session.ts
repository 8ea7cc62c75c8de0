import type { ErrorKind } from '../server/errors';
import type { ServerProfile } from '../settings/settings';

/** A signed-in session: the token, what it says of itself, and whose it is. */
export interface Session {
  /** Made at sign-in and kept through renewals: a change made for one session never lands on the next. */
  id: string;
  token: string;
  /** The server that issued the token: every call with it goes there. */
  serverUrl: string;
  /**
   * Every origin the token may be sent to: the server's and its app addresses' when the session
   * began. A profile whose origins change no longer has this session (see isSessionFor).
   * Missing on sessions stored before it existed, until the worker stamps them.
   */
  origins?: string[];
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
  /** The `ROLE_…` names the server gave the account; missing when it gave none (then nothing is hidden). */
  roles?: string[];
}

const ADMIN_ROLES = ['ROLE_SUPER', 'ROLE_ADMIN'];

/** Whether the account may use the admin console: an agent without an administrator's role may not. */
export function administers(user: SessionUser): boolean {
  return user.superUser || user.roles === undefined || user.roles.some((role) => ADMIN_ROLES.includes(role));
}

/** Every token of the session that may still be valid on the server. */
export function tokensOf(session: Pick<Session, 'token' | 'retired'>): string[] {
  return [...new Set([...session.retired, session.token])];
}

/** The same session in the same state: the check every write makes before it lands. */
export function sameSession(stored: Session | null, expected: Pick<Session, 'id' | 'token'>): boolean {
  return stored !== null && stored.id === expected.id && stored.token === expected.token;
}

/** Where a profile's pages and calls go: its server's origin and its app addresses' (sorted, once each). */
export type ProfileOrigins = Pick<ServerProfile, 'baseUrl' | 'agentUrl' | 'adminUrl'>;
export function originsOf(profile: ProfileOrigins): string[] {
  const urls = [profile.baseUrl, profile.agentUrl, profile.adminUrl].filter((url): url is string => url !== null);
  return [...new Set(urls.map((url) => new URL(url).origin))].sort();
}

/**
 * A token goes only where its session began: the profile's server and app origins as they were
 * then. Change any of them and the session is no session of this profile (the worker ends it).
 */
export function isSessionFor(session: Pick<Session, 'serverUrl' | 'origins'> | null, profile: ProfileOrigins | null | undefined): session is Session {
  if (session === null || !profile || session.serverUrl !== profile.baseUrl) return false;
  // Stored before sessions recorded their origins: the server decides, until the worker stamps it.
  return session.origins === undefined || session.origins.join(' ') === originsOf(profile).join(' ');
}
