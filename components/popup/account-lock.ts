/** An account the server locked after too many wrong passwords, and when the lock ends (ms). */
export interface AccountLock {
  username: string;
  until: number;
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
