import type { NewUser } from '../server/contract';
import { errorKindOf, type ErrorKind } from '../server/errors';
import type { BatchRow } from './batch';
import { isRefusal } from './batch-run';
import type { BatchProgress, ProgressLine } from './batch-progress';

export interface PacedRunDeps {
  create(user: NewUser): Promise<{ username: string }>;
  /** Keeps the progress (a copy) whose line `index` changed, before each request and after each answer. */
  save(progress: BatchProgress, index: number): Promise<void>;
  now(): number;
  /** Waits `ms`, or less when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** The next request waits until `until` (ms, on `now`): the page shows the time left. */
  waiting?(until: number): void;
}

/** done: every line answered; paused: asked to; stopped: a failure every next line would share (signed out, server gone). */
export type RunEnd = { end: 'done' | 'paused' } | { end: 'stopped'; kind: ErrorKind };

// Answers given before the server creates anything.
const NOTHING_CREATED: readonly ErrorKind[] = ['token-rejected', 'forbidden', 'signed-out', 'session-expired', 'not-set-up', 'profile-changed'];

export const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * "Already exists" for the line whose request went out when the page closed is that request's
 * own user when the server names the line's email or mobile, or names none (an i18n key).
 */
function existsAsSent(error: unknown, line: ProgressLine): boolean {
  const said = ((error as { serverMessage?: string }).serverMessage ?? '').toLowerCase();
  const namesSomeone = /@|\d{5,}/.test(said);
  return line.who.some((k) => said.includes(k)) || !namesSomeone;
}

/**
 * Creates the lines of `progress` not answered yet, one after another (never in parallel: the
 * server's duplicate checks are not atomic), `paceMs` after each answer, as the Bytedesk docs'
 * batch example does ("avoid requests too frequent"). Each line is marked as sent before it goes
 * out, so a run cut off mid-request knows which line may exist already. A pause takes effect
 * between requests: one under way is answered first.
 */
export async function runPaced(rows: readonly BatchRow[], start: BatchProgress, deps: PacedRunDeps, signal: AbortSignal): Promise<RunEnd> {
  const copy = (p: BatchProgress): BatchProgress => ({ ...p, lines: p.lines.map((l) => ({ ...l })) });
  const progress = copy(start);
  const users = new Map(rows.map((r) => [r.line, r.user]));
  const save = (index: number) => deps.save(copy(progress), index);
  // A request cut off by the page closing was answered at a time nobody saw: count the pace from now.
  if (progress.lines.some((l) => l.state === 'sending')) progress.lastAnswerAt = deps.now();
  for (const [index, line] of progress.lines.entries()) {
    if (line.state === 'created' || line.state === 'failed') continue;
    const user = users.get(line.line);
    if (!user) continue;
    if (progress.lastAnswerAt !== null) {
      const until = progress.lastAnswerAt + progress.paceMs;
      if (deps.now() < until) deps.waiting?.(until);
      // A loop: a timer may fire a little early, and the pace is a minimum.
      while (!signal.aborted && deps.now() < until) await deps.sleep(until - deps.now(), signal);
    }
    if (signal.aborted) return { end: 'paused' };
    const resent = line.state === 'sending';
    line.state = 'sending';
    await save(index);
    try {
      await deps.create(user);
      line.state = 'created';
    } catch (error) {
      // No kind: the message to the background failed (the worker stopped mid-request). The
      // request may have been made: the line stays "sent", checked when the run resumes.
      const kind = errorKindOf(error) ?? 'no-answer';
      if (resent && kind === 'already-exists' && existsAsSent(error, line)) {
        line.state = 'created';
        line.existed = true;
      } else if (isRefusal(kind)) {
        line.state = 'failed';
        line.kind = kind;
      } else {
        // Sent again on resume; still "sent" unless the answer proves nothing was created (a timeout does not).
        line.state = !resent && NOTHING_CREATED.includes(kind) ? 'pending' : 'sending';
        progress.lastAnswerAt = deps.now();
        await save(index);
        return { end: 'stopped', kind };
      }
    }
    progress.lastAnswerAt = deps.now();
    await save(index);
  }
  return { end: signal.aborted && progress.lines.some((l) => l.state === 'pending') ? 'paused' : 'done' };
}
