const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 29 days" / "29天后": how long a token has left, in the user's language; null once expired. */
export function timeLeft(expiresAtMs: number, nowMs: number, locale: string): string | null {
  const left = expiresAtMs - nowMs;
  if (left <= 0) return null;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  for (const [unit, size] of UNITS) {
    // Two of a unit before using it: "in 36 hours" reads better than "in 1 day".
    if (left >= 2 * size) return format.format(Math.round(left / size), unit);
  }
  return format.format(Math.max(1, Math.round(left / 1000)), 'second');
}
