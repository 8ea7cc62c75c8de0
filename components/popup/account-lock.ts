/** An account the server locked after too many wrong passwords, and when the lock ends (ms). */
export interface AccountLock {
  username: string;
  until: number;
}

/** A lock as the popup remembers it: of one user name on one profile's server. */
export interface StoredLock extends AccountLock {
  profileId: string;
  serverUrl: string;
}

/** The remembered lock, if it is of this profile on its present server (a lock of another server is not this one's). */
export function lockOn(stored: StoredLock | null, profile: { id: string; baseUrl: string }): AccountLock | null {
  return stored && stored.profileId === profile.id && stored.serverUrl === profile.baseUrl ? stored : null;
}

/**
 * The user name the form starts with: the account signed in last (it may just have signed out),
 * never another account because that one is locked; with no such account, a locked one being
 * tried. The lock shows only for the name in the field (see lockedUntil).
 */
export function startingUsername(lastUsername: string, lock: AccountLock | null, now: number): string {
  if (lastUsername) return lastUsername;
  return lock && lock.until > now ? lock.username : '';
}

const sameAccount = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The lock after the server refused `username` as locked: as long as the server said
 * ("…锁定10分钟"), else Bytedesk's 10 minutes, from now. A lock of that account already known
 * and still running is kept: it began earlier.
 */
export function lockAfterRefusal(known: AccountLock | null, username: string, serverMessage: string | undefined, now: number): AccountLock {
  if (known && sameAccount(known.username, username) && known.until > now) return known;
  const minutes = Number(/(\d+)\s*(?:分钟|min)/i.exec(serverMessage ?? '')?.[1] ?? 10);
  return { username: username.trim(), until: now + minutes * 60_000 };
}

/** When the lock on `username` ends, if it is locked at `now`; null if not. */
export function lockedUntil(lock: AccountLock | null, username: string, now: number): number | null {
  return lock && lock.until > now && sameAccount(lock.username, username) ? lock.until : null;
}
