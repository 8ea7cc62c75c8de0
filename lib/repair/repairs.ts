import type { Junk, RepairKind } from './junk';

/**
 * What was found unreadable in storage and repaired: `found` is said once on the options page
 * (then emptied); `orphans` are profiles dropped as unreadable whose sessions the worker ends.
 */
export interface Repairs {
  /** How many of each were repaired (a profile: how many were removed). */
  found: Partial<Record<RepairKind, number>>;
  orphans: string[];
}

export const NO_REPAIRS: Repairs = { found: {}, orphans: [] };

/**
 * The record with `junk` noted. Two pages that read the same junk before either repaired it
 * report it twice: the larger count of the two stands, not their sum.
 */
export function withRepairs(repairs: Repairs, junk: readonly Junk[]): Repairs {
  const counts: Partial<Record<RepairKind, number>> = {};
  for (const { kind } of junk) counts[kind] = (counts[kind] ?? 0) + 1;
  const found = { ...repairs.found };
  for (const [kind, count] of Object.entries(counts) as [RepairKind, number][]) found[kind] = Math.max(found[kind] ?? 0, count);
  const dropped = junk.flatMap((j) => (j.profileId ? [j.profileId] : []));
  return { found, orphans: [...new Set([...repairs.orphans, ...dropped])] };
}

const isCount = (v: unknown): v is number => typeof v === 'number' && v > 0;

/** The record as stored (itself checked: an unreadable one is no record). */
export function readRepairs(stored: unknown): Repairs {
  if (typeof stored !== 'object' || stored === null) return NO_REPAIRS;
  const { found, orphans } = stored as Record<string, unknown>;
  const counts = typeof found === 'object' && found !== null ? Object.entries(found).filter(([, n]) => isCount(n)) : [];
  const ids = Array.isArray(orphans) ? orphans.filter((id): id is string => typeof id === 'string') : [];
  return { found: Object.fromEntries(counts), orphans: ids };
}
