// What the batch section says: its button, its problems, its counts and why a run waits.
import { t } from '../../lib/browser/i18n';
import { errorMessage } from '../../lib/error-message';
import { errorKindOf, LaunchpadError, type ErrorKind } from '../../lib/server/errors';
import type { BatchRow } from '../../lib/users/batch';
import { outcomesOf, type BatchProgress } from '../../lib/users/batch-progress';
import type { RunCounts } from '../../lib/users/batch-run';
import { LIST_LIMIT, type TooLarge } from '../../lib/users/list-limit';
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

/** Where a paused run goes on: its profile (named as now, else by its server) and whether it is still on the run's server. */
export interface RunWhere {
  name: string;
  host: string;
  intact: boolean;
}

/** Why a run waits, and what to do: resume, give the list again, or have its profile back on its server. */
export function pausedText(progress: BatchProgress, list: string | null, where: RunWhere, kind?: ErrorKind): string {
  const counts = [String(answered(progress)), String(progress.lines.length)];
  if (!where.intact || kind === 'profile-changed') return t('users_profile_changed', [where.name, where.host]);
  if (list === null) return t('users_interrupted_list_gone', counts);
  return kind ? t('users_stopped', errorMessage(new LaunchpadError(kind))) : t('users_paused', counts);
}

/** "1 MB", "5,000": the limits and sizes as the page's language writes numbers. */
export function sizeText(bytes: number): string {
  // Rounded up: a list just over the limit never reads as the limit itself.
  const format = new Intl.NumberFormat(t('page_language'), { maximumFractionDigits: 2 });
  return `${format.format(Math.ceil(bytes / 10_000) / 100)} MB`;
}
export const countText = (n: number) => new Intl.NumberFormat(t('page_language')).format(n);

/** A list too large for one run, in words; null when it fits. */
export function tooLargeText(large: TooLarge | null): string | null {
  if (!large) return null;
  return large.over === 'bytes'
    ? t('users_batch_too_big', [sizeText(large.bytes), sizeText(LIST_LIMIT.bytes)])
    : t('users_batch_too_long', [countText(large.lines), countText(LIST_LIMIT.lines)]);
}

/** Why a run stopped on its own: a failure of the page (storage full, say) rather than a server's answer. */
export function brokeText(error: unknown): string {
  const detail = errorKindOf(error) ? errorMessage(error) : t('users_progress_not_kept', String((error as Error)?.message ?? error));
  return t('users_run_broke', detail.replace(/[.。]$/, ''));
}
