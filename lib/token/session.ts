import type { BytedeskUser, TokenGrant } from '../server/contract';
import type { ErrorKind } from '../server/errors';
import { readTokenClaims } from './jwt';

/** A signed-in session: the token, what it says of itself, and whose it is. */
export interface Session {
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
}

export interface SessionUser {
  username: string;
  nickname: string;
  superUser: boolean;
}

export function sessionUser(user: BytedeskUser): SessionUser {
  return {
    username: user.username,
    nickname: user.nickname || user.username,
    superUser: user.superUser === true,
  };
}

/** A new session from what the server granted, reading the expiry from the token itself. */
export function sessionFromGrant(
  grant: TokenGrant,
  where: Pick<Session, 'serverUrl' | 'profileId' | 'persist'>,
  nowMs: number,
): Session {
  const claims = readTokenClaims(grant.accessToken);
  return {
    ...where,
    token: grant.accessToken,
    issuedAt: claims?.issuedAt != null ? claims.issuedAt * 1000 : nowMs,
    expiresAt: claims ? claims.expiresAt * 1000 : null,
    user: sessionUser(grant.user),
    renewalFailed: null,
  };
}

/** A token goes only to the server that issued it: a session of another server is no session here. */
export function isSessionOf(session: Pick<Session, 'serverUrl'> | null, serverUrl: string | undefined): session is Session {
  return session !== null && session.serverUrl === serverUrl;
}
