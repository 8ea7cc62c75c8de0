import type { BytedeskUser, TokenGrant } from '../server/contract';
import { readTokenClaims } from './jwt';
import type { Session, SessionUser } from './session';

// The background's half of the session: made from what the server granted. Pages only read
// sessions (session.ts), so the token reader stays out of their bundles.

type SessionPlace = Pick<Session, 'id' | 'serverUrl' | 'origins' | 'profileId' | 'persist' | 'retired'>;

const roleName = (entry: unknown): unknown =>
  typeof entry === 'object' && entry !== null ? ((entry as { name?: unknown }).name ?? (entry as { authority?: unknown }).authority) : entry;

/** The `ROLE_…` names among the user's roles and authorities, whichever shape the server sent; undefined when it sent none. */
function rolesOf(user: BytedeskUser): string[] | undefined {
  const names = [user.currentRoles, user.authorities].flatMap((list) => (Array.isArray(list) ? list.map(roleName) : []));
  const roles = [...new Set(names.filter((name): name is string => typeof name === 'string' && name.startsWith('ROLE_')))];
  return roles.length > 0 ? roles : undefined;
}

function sessionUser(user: BytedeskUser): SessionUser {
  const roles = rolesOf(user);
  return {
    username: user.username,
    nickname: user.nickname || user.username,
    superUser: user.superUser === true,
    ...(roles && { roles }),
  };
}

/** A session from what the server granted, reading the expiry from the token itself. */
export function sessionFromGrant(grant: TokenGrant, where: SessionPlace, nowMs: number): Session {
  const claims = readTokenClaims(grant.accessToken);
  return {
    id: where.id,
    serverUrl: where.serverUrl,
    ...(where.origins && { origins: where.origins }),
    profileId: where.profileId,
    persist: where.persist,
    token: grant.accessToken,
    issuedAt: claims?.issuedAt != null ? claims.issuedAt * 1000 : nowMs,
    expiresAt: claims ? claims.expiresAt * 1000 : null,
    user: sessionUser(grant.user),
    renewalFailed: null,
    retired: where.retired.filter((token) => token !== grant.accessToken),
  };
}

const MAX_RETIRED = 20;

/** The retired tokens once `token` is traded for a new one: unexpired ones only, newest last. */
export function retire(retired: readonly string[], token: string, nowMs: number): string[] {
  const alive = (t: string) => {
    const claims = readTokenClaims(t);
    return claims === null || claims.expiresAt * 1000 > nowMs;
  };
  return [...retired.filter((t) => t !== token), token].filter(alive).slice(-MAX_RETIRED);
}

