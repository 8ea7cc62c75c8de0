import type { MessageKey } from '../browser/i18n';
import type { ErrorKind } from '../server/errors';
import type { ParsedBatch } from './batch';
import type { RowOutcome } from './batch-run';

/** One line of a run's summary: every line of the list, those never sent (invalid) included. */
export interface SummaryLine {
  line: number;
  /** The user name, or the email or mobile as given on a line that makes no user. */
  user: string;
  result: 'created' | 'failed' | 'not-sent';
  /** Why it failed: the line's own problems, or the server's answer; what "created" meant when it existed already. */
  reason: MessageKey[] | ErrorKind | 'existed' | null;
}

/** The summary the docs' batch example ends with: created and failed users with reasons. */
export function summarise(batch: ParsedBatch, outcomes: ReadonlyMap<number, RowOutcome>): SummaryLine[] {
  return batch.rows.map((row): SummaryLine => {
    const base = { line: row.line, user: row.user?.username ?? row.who };
    if (!row.user) return { ...base, result: 'failed', reason: row.refusedAs ?? row.problems };
    const outcome = outcomes.get(row.line) ?? { state: 'not-tried' };
    if (outcome.state === 'created') return { ...base, result: 'created', reason: outcome.existed ? 'existed' : null };
    if (outcome.state === 'failed') return { ...base, result: 'failed', reason: outcome.kind };
    if (outcome.state === 'unknown') return { ...base, result: 'failed', reason: 'no-answer' };
    return { ...base, result: 'not-sent', reason: null };
  });
}
