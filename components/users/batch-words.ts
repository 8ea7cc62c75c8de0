// What the batch section says: its button, its problems, its counts and why a run waits.
import { t } from '../../lib/browser/i18n';
import { errorMessage } from '../../lib/error-message';
import { LaunchpadError, type ErrorKind } from '../../lib/server/errors';
import type { BatchRow } from '../../lib/users/batch';
import { outcomesOf, type BatchProgress } from '../../lib/users/batch-progress';
import type { RunCounts } from '../../lib/users/batch-run';
import { pluralForm } from '../../lib/users/plural';
import type { Result } from './ResultsTable';

/** "Create 1 user", "Create 3 users" ("创建 3 个用户": Chinese has one form), by the rules of the messages' language. */
export const createLabel = (count: number) =>
  t(pluralForm(count, t('page_language')) === 'one' ? 'users_create_many_one' : 'users_create_many', String(count));

export const problemsOf = (row: BatchRow) =>
  row.refusedAs ? errorMessage(new LaunchpadError(row.refusedAs)) : row.problems.map((p) => t(p)).join(' ');

/** "2 created, 1 refused": the counts that are not zero. */
export function countsText(counts: RunCounts): string {
  const parts = [
    counts.created > 0 && t('users_count_created', String(counts.created)),
    counts.refused > 0 && t('users_count_refused', String(counts.refused)),
    counts.failed > 0 && t('users_count_failed', String(counts.failed)),
    counts.notSent > 0 && t('users_count_not_sent', String(counts.notSent)),
  ];
  return parts.filter(Boolean).join(t('users_count_separator'));
}

/** Lines the server has answered. */
export const answered = (p: BatchProgress) => p.lines.filter((l) => l.state === 'created' || l.state === 'failed').length;
/** Each line answered (and, once the run is over, each one not sent) with what became of it. */
export function resultsOf(p: BatchProgress, over = false): Result[] {
  const outcomes = outcomesOf(p);
  return p.lines
    .map(({ line, username }) => ({ line, username, outcome: outcomes.get(line)! }))
    .filter(({ outcome }) => over || outcome.state !== 'not-tried');
}

/** Why a run waits, and what to do: resume, give the list again, or sign in to its server. */
export function pausedText(serverUrl: string, progress: BatchProgress, list: string | null, kind?: ErrorKind): string {
  const counts = [String(answered(progress)), String(progress.lines.length)];
  if (progress.serverUrl !== serverUrl) return t('users_interrupted_other_server', new URL(progress.serverUrl).host);
  if (list === null) return t('users_interrupted_list_gone', counts);
  return kind ? t('users_stopped', errorMessage(new LaunchpadError(kind))) : t('users_paused', counts);
}
