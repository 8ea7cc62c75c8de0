import { describe, expect, it } from 'vitest';
import { renewalTime, retryTime } from '../../lib/token/schedule';

const SECOND = 1000;
const DAY = 86_400 * SECOND;

describe('renewalTime', () => {
  it.each([
    ['365 days (FLUTTER channel)', 365 * DAY, 292 * DAY],
    ['30 days (web channels)', 30 * DAY, 24 * DAY],
    ['5 days: 80% and a day before coincide', 5 * DAY, 4 * DAY],
    ['3 days: a day before comes first', 3 * DAY, 2 * DAY],
    ['2 days: a day before is half way', 2 * DAY, 1 * DAY],
    ['1 day: never before half the lifetime', 1 * DAY, 0.5 * DAY],
    ['20 seconds (tests)', 20 * SECOND, 10 * SECOND],
    ['already expired at issue', 0, 0],
  ])('%s', (_, lifetime, expectedOffset) => {
    const issuedAt = 1_700_000_000_000;
    expect(renewalTime(issuedAt, issuedAt + lifetime)).toBe(issuedAt + expectedOffset);
  });
});

describe('retryTime', () => {
  const now = 1_700_000_000_000;
  it.each([
    ['a long way from expiry: a minute', now + 30 * DAY, now + 60 * SECOND],
    ['two minutes left: half of it', now + 120 * SECOND, now + 60 * SECOND],
    ['a minute left: half of it', now + 60 * SECOND, now + 30 * SECOND],
    ['ten seconds left: not sooner than packed Chrome fires an alarm (30 s)', now + 10 * SECOND, now + 30 * SECOND],
    ['already expired: 30 s', now - SECOND, now + 30 * SECOND],
    ['opaque token: a minute', null, now + 60 * SECOND],
  ])('%s', (_, expiresAt, expected) => {
    expect(retryTime(now, expiresAt)).toBe(expected);
  });
});
