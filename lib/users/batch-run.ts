import type { ErrorKind } from '../server/errors';
import type { BatchRow, ParsedBatch } from './batch';

export type RowOutcome =
  /** existed: the server had it already, from this run's request cut off when the page closed. */
  | { state: 'created'; username: string; existed?: true }
  | { state: 'failed'; kind: ErrorKind }
  /** Not sent: the batch stopped (cancelled, signed out, server gone) before this line. */
  | { state: 'not-tried' }
  /** Sent, and no answer seen (the extension stopped mid-request): checked when the run resumes. */
  | { state: 'unknown' };

// Failures that belong to one line; any other stops the batch, as every next line would fail alike.
const LINE_FAILURES: readonly ErrorKind[] = ['already-exists', 'invalid-input', 'rejected'];

/** The server refused this line itself (it exists already, say): the other lines go on. */
export const isRefusal = (kind: ErrorKind): boolean => LINE_FAILURES.includes(kind);

export interface LinesLeft {
  /** The header and every line not created, to fix and send again. */
  text: string;
  /** Each line left: its number then (in the batch sent) → its number now (in `text`). */
  lineNow: ReadonlyMap<number, number>;
}

/** What stays in the box after a run, and where each line left now is, so results name lines as seen. */
export function linesLeft(batch: ParsedBatch, created: ReadonlySet<number>): LinesLeft {
  const left = batch.rows.filter((r) => !created.has(r.line));
  const header = batch.header !== null && left.length > 0 ? [batch.header] : [];
  // A quoted field may hold line breaks: a line of the list can take several lines of the box.
  const height = (text: string) => text.split('\n').length;
  let next = 1 + header.reduce((sum, h) => sum + height(h), 0);
  const lineNow = new Map<number, number>();
  for (const row of left) {
    lineNow.set(row.line, next);
    next += height(row.text);
  }
  return { text: [...header, ...left.map((r) => r.text)].join('\n'), lineNow };
}

export interface RunCounts {
  created: number;
  /** Refused by the server for the line itself (see isRefusal). */
  refused: number;
  /** Failed for a reason that stopped the batch (the server gone, the session ended). */
  failed: number;
  notSent: number;
}

/**
 * The lines the server refused, by their trimmed text: shown as problems (and not sent again)
 * until they are edited.
 */
export function refusedLines(results: ReadonlyArray<{ row: BatchRow; outcome: RowOutcome }>): Map<string, ErrorKind> {
  const refused = new Map<string, ErrorKind>();
  for (const { row, outcome } of results) {
    if (outcome.state === 'failed' && isRefusal(outcome.kind)) refused.set(row.text.trim(), outcome.kind);
  }
  return refused;
}

/** How a run went, counted by outcome. */
export function countOutcomes(outcomes: readonly RowOutcome[]): RunCounts {
  const counts: RunCounts = { created: 0, refused: 0, failed: 0, notSent: 0 };
  for (const outcome of outcomes) {
    if (outcome.state === 'created') counts.created++;
    else if (outcome.state === 'not-tried') counts.notSent++;
    else if (outcome.state === 'unknown') counts.failed++;
    else if (isRefusal(outcome.kind)) counts.refused++;
    else counts.failed++;
  }
  return counts;
}
