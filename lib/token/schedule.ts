const DAY_MS = 86_400_000;

/**
 * When to renew a token: at 80% of its lifetime or a day before it expires, whichever comes
 * first. Never before half the lifetime has passed, or a token that lives a day or less would
 * be renewed in a loop.
 */
export function renewalTime(issuedAtMs: number, expiresAtMs: number): number {
  const lifetime = Math.max(0, expiresAtMs - issuedAtMs);
  const preferred = Math.min(issuedAtMs + lifetime * 0.8, expiresAtMs - DAY_MS);
  return Math.round(Math.max(preferred, issuedAtMs + lifetime / 2));
}

/** After a renewal failed for a passing reason: try again soon, but well before expiry. */
export function retryTime(nowMs: number, expiresAtMs: number | null): number {
  const minute = 60_000;
  if (expiresAtMs === null) return nowMs + minute;
  const remaining = expiresAtMs - nowMs;
  return nowMs + Math.max(1_000, Math.min(minute, Math.round(remaining / 2)));
}
