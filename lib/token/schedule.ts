import type { Session } from './session';

const DAY_MS = 86_400_000;
/** Packed Chrome fires no alarm sooner than 30 s after it is set: a plan for sooner would not hold. */
export const ALARM_FLOOR_MS = 30_000;

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

/**
 * After a renewal failed for a passing reason: try again in a minute, or at half the time left,
 * but never sooner than the alarm floor (a token closer than that to expiry is renewed when next
 * used instead).
 */
export function retryTime(nowMs: number, expiresAtMs: number | null): number {
  const minute = 60_000;
  if (expiresAtMs === null) return nowMs + minute;
  const remaining = expiresAtMs - nowMs;
  return nowMs + Math.max(ALARM_FLOOR_MS, Math.min(minute, Math.round(remaining / 2)));
}

type Timed = Pick<Session, 'issuedAt' | 'expiresAt' | 'renewalFailed'>;

export const isExpired = (s: Timed, nowMs: number) => s.expiresAt !== null && nowMs >= s.expiresAt;

/** Past its renewal time, or a renewal failed and is to be tried again. Opaque: never. */
export const isRenewalDue = (s: Timed, nowMs: number) =>
  s.expiresAt !== null && (s.renewalFailed !== null || nowMs >= renewalTime(s.issuedAt, s.expiresAt));

/** When the renewal alarm is to fire for this session; null for an opaque token (nothing to go by). */
export function nextRenewalAt(s: Timed, nowMs: number): number | null {
  if (s.expiresAt === null) return null;
  const when = s.renewalFailed ? retryTime(nowMs, s.expiresAt) : renewalTime(s.issuedAt, s.expiresAt);
  return Math.max(when, nowMs);
}
