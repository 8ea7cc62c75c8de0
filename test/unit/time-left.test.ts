import { describe, expect, it } from 'vitest';
import { timeLeft } from '../../lib/format/time-left';

const NOW = Date.UTC(2026, 10, 23);
const H = 3_600_000;

describe('timeLeft', () => {
  it.each([
    [365 * 24 * H, 'en', 'in 365 days'],
    [365 * 24 * H - 3000, 'en', 'in 365 days'], // a fresh token, read a moment later
    [36 * H, 'en', 'in 36 hours'],
    [90 * 60_000, 'en', 'in 90 minutes'],
    [45_000, 'en', 'in 45 seconds'],
    [29 * 24 * H, 'zh-CN', '29天后'],
    [36 * H + 20 * 60_000, 'en', 'in 36 hours'],
  ])('%d ms in %s: %s', (left, locale, expected) => {
    expect(timeLeft(NOW + left, NOW, locale)).toBe(expected);
  });

  it('says nothing once expired', () => expect(timeLeft(NOW, NOW, 'en')).toBeNull());
});
