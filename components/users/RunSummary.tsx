import { t } from '../../lib/browser/i18n';
import type { ParsedBatch } from '../../lib/users/batch';
import type { RowOutcome } from '../../lib/users/batch-run';
import { downloadSummary } from './download-summary';

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
      <button type="button" onClick={() => downloadSummary(batch, outcomes)}>
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
