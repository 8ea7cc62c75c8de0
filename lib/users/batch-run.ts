import type { NewUser } from '../server/contract';
import { errorKindOf, type ErrorKind } from '../server/errors';
import type { BatchRow, ParsedBatch } from './batch';

export type RowOutcome =
  | { state: 'created'; username: string }
  | { state: 'failed'; kind: ErrorKind }
  /** Not sent: the batch stopped (cancelled, signed out, server gone) before this line. */
  | { state: 'not-tried' };

// Failures that belong to one line; any other stops the batch, as every next line would fail alike.
const LINE_FAILURES: readonly ErrorKind[] = ['already-exists', 'invalid-input', 'rejected'];

/** The server refused this line itself (it exists already, say): the other lines go on. */
export const isRefusal = (kind: ErrorKind): boolean => LINE_FAILURES.includes(kind);

/**
 * Creates the valid rows one after another (never in parallel: the server's duplicate checks
 * are not atomic), reporting each outcome as it comes.
 */
export async function createInTurn(
  rows: readonly BatchRow[],
  create: (user: NewUser) => Promise<{ username: string }>,
  report: (row: BatchRow, outcome: RowOutcome) => void,
  signal?: AbortSignal,
): Promise<void> {
  let stopped = false;
  for (const row of rows) {
    if (!row.user) continue;
    if (stopped || signal?.aborted) {
      report(row, { state: 'not-tried' });
      continue;
    }
    try {
      const created = await create(row.user);
      report(row, { state: 'created', username: created.username });
    } catch (error) {
      const kind = errorKindOf(error) ?? 'rejected';
      report(row, { state: 'failed', kind });
      stopped = !isRefusal(kind);
    }
  }
}

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
  const lineNow = new Map(left.map((row, i) => [row.line, header.length + i + 1]));
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
    else if (isRefusal(outcome.kind)) counts.refused++;
    else counts.failed++;
  }
  return counts;
}
