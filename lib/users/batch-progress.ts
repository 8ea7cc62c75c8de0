import type { ErrorKind } from '../server/errors';
import { identitiesOf, type ParsedBatch } from './batch';
import type { RowOutcome } from './batch-run';

/** pending: not sent yet; sending: sent, no answer recorded (the page may have closed meanwhile). */
export type LineState = 'pending' | 'sending' | 'created' | 'failed';

/** One line of a run as stored: who it creates and what became of it. Never its password. */
export interface ProgressLine {
  line: number;
  username: string;
  /** The line's email and mobile number, in lower case: how a resumed run knows it again. */
  who: string[];
  state: LineState;
  kind?: ErrorKind;
  /** The server already had it: the answer to the run's own request, lost when the page closed. */
  existed?: true;
}

/** A run of new users as kept in storage, so that closing the page interrupts it and nothing more. */
export interface BatchProgress {
  /** The profile the run was started on: it goes on there, whichever profile is active. */
  profileId: string;
  /** The server the users go to: a run is resumed on that server only. */
  serverUrl: string;
  paceMs: number;
  /** When the last answer came (ms): a resumed run keeps the pace too. */
  lastAnswerAt: number | null;
  lines: ProgressLine[];
}

/** Where a run creates its users: a profile, and the server it had when the run started. */
export type RunPlace = Pick<BatchProgress, 'profileId' | 'serverUrl'>;

/**
 * The run of a list: each valid line, carrying over what an interrupted run of the same server
 * did with the same user (matched by email or mobile, not by line: the list may come back
 * edited), so a line created then is not sent again.
 */
export function planRun(batch: ParsedBatch, previous: BatchProgress | null, on: RunPlace, paceMs: number): BatchProgress {
  const same = previous?.serverUrl === on.serverUrl && previous.profileId === on.profileId;
  const earlier = same ? previous.lines.filter((l) => l.state !== 'pending') : [];
  const lines = batch.rows.flatMap((row): ProgressLine[] => {
    if (!row.user) return [];
    const who = identitiesOf(row.user);
    const before = earlier.find((l) => l.who.some((k) => who.includes(k)));
    const line: ProgressLine = { line: row.line, username: row.user.username ?? who[0]!, who, state: 'pending' };
    return [before ? { ...before, line: row.line, who } : line];
  });
  return { ...on, paceMs, lastAnswerAt: same ? previous.lastAnswerAt : null, lines };
}

/**
 * What became of each line, by line number; a line not answered when the run ended was not sent,
 * but one sent with no answer (the extension stopped mid-request) is unknown.
 */
export function outcomesOf(progress: BatchProgress): Map<number, RowOutcome> {
  return new Map(
    progress.lines.map((l): [number, RowOutcome] => {
      if (l.state === 'created') return [l.line, { state: 'created', username: l.username, ...(l.existed && { existed: true as const }) }];
      if (l.state === 'failed') return [l.line, { state: 'failed', kind: l.kind ?? 'rejected' }];
      if (l.state === 'sending') return [l.line, { state: 'unknown' }];
      return [l.line, { state: 'not-tried' }];
    }),
  );
}
