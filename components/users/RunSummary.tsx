import { t } from '../../lib/browser/i18n';
import { errorMessage } from '../../lib/error-message';
import { LaunchpadError } from '../../lib/server/errors';
import type { SummaryLine } from '../../lib/users/batch-summary';

function reasonText(line: SummaryLine): string {
  const { reason } = line;
  if (Array.isArray(reason)) return reason.map((key) => t(key)).join(' ');
  if (reason === 'existed') return t('users_result_existed');
  if (reason === null) return line.result === 'not-sent' ? t('users_result_not_tried') : '';
  return errorMessage(new LaunchpadError(reason));
}

const fileName = (now: Date) => `bytedesk-users-${now.toISOString().slice(0, 16).replace(/[T:]/g, '-')}.csv`;

// Loaded when asked for: the page's size budget is for what every visit needs.
async function download(lines: readonly SummaryLine[]) {
  const [{ summaryCsv }, { downloadText }] = await Promise.all([
    import('../../lib/users/summary-csv'),
    import('../../lib/browser/download-text'),
  ]);
  downloadText(document, fileName(new Date()), summaryCsv(lines, reasonText));
}

/** After a run: its summary as a CSV file (line, user, result, reason), and the lines not created back in the box. */
export function RunSummary({ lines, onLinesBack }: { lines: readonly SummaryLine[]; onLinesBack?: () => void }) {
  return (
    <div class="actions">
      <button type="button" onClick={() => void download(lines)}>
        {t('users_download_summary')}
      </button>
      {onLinesBack && (
        <button type="button" onClick={onLinesBack}>
          {t('users_failed_back')}
        </button>
      )}
    </div>
  );
}
