// Repeated timings, each against its baseline: interleaved pairs (which one goes first
// alternates, so a drift in the machine's speed falls on both), warm-up pairs dropped.

export type Side = 'measured' | 'baseline';

export interface Paired<T> {
  measured: T[];
  baseline: T[];
}

/** `runs` kept pairs of `time(side)`, after `warmup` pairs that are not kept. */
export async function interleaved<T>(
  { runs, warmup }: { runs: number; warmup: number },
  time: (side: Side, run: number) => Promise<T>,
): Promise<Paired<T>> {
  const pairs: Paired<T> = { measured: [], baseline: [] };
  for (let run = -warmup; run < runs; run++) {
    const order: Side[] = run % 2 === 0 ? ['measured', 'baseline'] : ['baseline', 'measured'];
    for (const side of order) {
      const value = await time(side, run);
      if (run >= 0) pairs[side].push(value);
    }
  }
  return pairs;
}

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
