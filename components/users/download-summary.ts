import { downloadText } from '../../lib/browser/download-text';
import { t } from '../../lib/browser/i18n';
import { errorMessage } from '../../lib/error-message';
import { LaunchpadError } from '../../lib/server/errors';
import type { ParsedBatch } from '../../lib/users/batch';
import type { RowOutcome } from '../../lib/users/batch-run';
import { summarise, type SummaryLine } from '../../lib/users/batch-summary';
import { summaryCsv } from '../../lib/users/summary-csv';

function reasonText(line: SummaryLine): string {
  const { reason } = line;
  if (Array.isArray(reason)) return reason.map((key) => t(key)).join(' ');
  if (reason === 'existed') return t('users_result_existed');
  if (reason === null) return line.result === 'not-sent' ? t('users_result_not_tried') : '';
  return errorMessage(new LaunchpadError(reason));
}

const fileName = (now: Date) => `bytedesk-users-${now.toISOString().slice(0, 16).replace(/[T:]/g, '-')}.csv`;

/** The run's summary downloaded as CSV: line, user, result, reason, in the page's language. */
export function downloadSummary(batch: ParsedBatch, outcomes: ReadonlyMap<number, RowOutcome>): void {
  downloadText(document, fileName(new Date()), summaryCsv(summarise(batch, outcomes), reasonText));
}
