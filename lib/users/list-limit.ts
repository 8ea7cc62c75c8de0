/**
 * The largest list one run takes. The progress (about 150 bytes a line) and the list (in session
 * storage) stay far below the browser's 10 MB storage quota, and a page of 5,000 results stays quick.
 */
export const LIST_LIMIT = { lines: 5_000, bytes: 1_000_000 } as const;

export type TooLarge = { over: 'bytes'; bytes: number } | { over: 'lines'; lines: number };

/** The list's size in bytes as stored (UTF-8). */
export const listBytes = (text: string): number => new TextEncoder().encode(text).length;

/** Why a list is too large for one run (checked before it starts), or null. `lines`: its user lines. */
export function tooLarge(bytes: number, lines: number): TooLarge | null {
  if (bytes > LIST_LIMIT.bytes) return { over: 'bytes', bytes };
  if (lines > LIST_LIMIT.lines) return { over: 'lines', lines };
  return null;
}
