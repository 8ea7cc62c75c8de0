import { t } from '../../lib/browser/i18n';
import { errorMessage } from '../../lib/error-message';
import { LaunchpadError } from '../../lib/server/errors';
import type { RowOutcome } from '../../lib/users/batch-run';

export interface Result {
  line: number;
  username: string;
  outcome: RowOutcome;
}

function outcomeText(outcome: RowOutcome): string {
  if (outcome.state === 'created') return t(outcome.existed ? 'users_result_existed' : 'users_result_created');
  if (outcome.state === 'not-tried') return t('users_result_not_tried');
  if (outcome.state === 'unknown') return t('users_result_unknown');
  return errorMessage(new LaunchpadError(outcome.kind));
}

interface ResultsTableProps {
  results: readonly Result[];
  /** After a run: where each line not created is in the box now (created lines have left it). */
  lineNow: ReadonlyMap<number, number> | null;
}

/** Each line sent and what became of it; line numbers are those of the box as it is now. */
export function ResultsTable({ results, lineNow }: ResultsTableProps) {
  return (
    <table class="list results">
      <caption class="visually-hidden">{t('users_results_caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('users_column_line')}</th>
          <th scope="col">{t('users_column_user')}</th>
          <th scope="col">{t('users_column_result')}</th>
        </tr>
      </thead>
      <tbody>
        {results.map(({ line: then, username, outcome }) => {
          const line = lineNow ? lineNow.get(then) : then;
          return (
            <tr key={then} class={outcome.state}>
              <td>
                {line ?? (
                  <>
                    <span aria-hidden="true">–</span>
                    <span class="visually-hidden">{t('users_line_removed')}</span>
                  </>
                )}
              </td>
              <td>{username}</td>
              <td>{outcomeText(outcome)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
