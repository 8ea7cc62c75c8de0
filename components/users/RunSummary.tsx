import { t } from '../../lib/browser/i18n';
import type { ParsedBatch } from '../../lib/users/batch';
import type { RowOutcome } from '../../lib/users/batch-run';

interface RunSummaryProps {
  batch: ParsedBatch;
  outcomes: ReadonlyMap<number, RowOutcome>;
  /** Absent when every line was created. */
  onLinesBack?: () => void;
}

/** After a run: its summary as a CSV file (line, user, result, reason), and the lines not created back in the box. */
export function RunSummary({ batch, outcomes, onLinesBack }: RunSummaryProps) {
  return (
    <div class="actions">
      {/* The file is made when asked for, by a module loaded then: the page's size budget is for what every visit needs. */}
      <button type="button" onClick={() => void import('./download-summary').then((m) => m.downloadSummary(batch, outcomes))}>
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
