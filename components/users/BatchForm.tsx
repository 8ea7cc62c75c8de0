import { useMemo, useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { errorMessage } from '../../lib/error-message';
import { sendMessage } from '../../lib/messaging';
import { LaunchpadError } from '../../lib/server/errors';
import { createInTurn, linesLeft, parseBatch, type BatchRow, type RowOutcome } from '../../lib/users/batch';
import { StatusMessage, type Status } from '../StatusMessage';

interface Result {
  row: BatchRow;
  outcome: RowOutcome;
}

function outcomeText(outcome: RowOutcome): string {
  if (outcome.state === 'created') return t('users_result_created');
  if (outcome.state === 'not-tried') return t('users_result_not_tried');
  return errorMessage(new LaunchpadError(outcome.kind));
}

/**
 * Users pasted one per line, checked as they are typed, created one after another. Lines not
 * created (refused, failed, not reached) stay in the box to fix and send again.
 */
export function BatchForm() {
  const [text, setText] = useState('');
  const batch = useMemo(() => parseBatch(text), [text]);
  const ready = batch.rows.filter((r) => r.user);
  const refused = batch.rows.filter((r) => !r.user);
  const [running, setRunning] = useState<AbortController | null>(null);
  const [results, setResults] = useState<Result[]>([]);
  const [status, setStatus] = useState<Status | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (running || ready.length === 0) return;
    const controller = new AbortController();
    const total = ready.length;
    const done: Result[] = [];
    const created = new Set<number>();
    setRunning(controller);
    setResults([]);
    setStatus({ tone: 'busy', text: t('users_progress', ['1', String(total)]) });
    await createInTurn(
      batch.rows,
      (user) => sendMessage('createUser', user),
      (row, outcome) => {
        done.push({ row, outcome });
        if (outcome.state === 'created') created.add(row.line);
        setResults([...done]);
        if (done.length < total) setStatus({ tone: 'busy', text: t('users_progress', [String(done.length + 1), String(total)]) });
      },
      controller.signal,
    );
    setRunning(null);
    setText(linesLeft(batch, created));
    setStatus(
      created.size === total
        ? { tone: 'ok', text: t('users_batch_all_done', String(total)) }
        : { tone: 'warn', text: t('users_batch_done', [String(created.size), String(total)]) },
    );
  }

  const describedBy = ['batch-hint', 'batch-summary', refused.length > 0 && 'batch-problems'].filter(Boolean).join(' ');
  return (
    <section class="card" aria-labelledby="batch-heading">
      <h2 id="batch-heading">{t('users_batch_heading')}</h2>
      <form onSubmit={submit}>
        <div class="field">
          <label for="batch-text">{t('users_batch_label')}</label>
          <p id="batch-hint" class="hint">{t('users_batch_hint')}</p>
          <textarea
            id="batch-text"
            rows={8}
            spellcheck={false}
            readOnly={running !== null}
            value={text}
            placeholder={'agent3@example.com, Agent Three, s3cret-pass\nagent4@example.com, Agent Four, s3cret-pass, 13800000004'}
            aria-describedby={describedBy}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <p id="batch-summary" class="hint">
            {t('users_batch_summary', [String(ready.length), String(refused.length)])}
          </p>
          {refused.length > 0 && (
            <ul id="batch-problems" class="field-error problems">
              {refused.map((row) => (
                <li key={row.line}>
                  {t('users_batch_line', [String(row.line), row.problems.map((p) => t(p)).join(' ')])}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div class="actions">
          <button type="submit" class="primary" disabled={running !== null || ready.length === 0}>
            {t('users_create_many', String(ready.length))}
          </button>
          {running && (
            <button type="button" onClick={() => running.abort()}>
              {t('users_stop')}
            </button>
          )}
        </div>
      </form>
      <StatusMessage status={status} />
      {results.length > 0 && (
        <table class="list">
          <caption class="visually-hidden">{t('users_results_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users_column_line')}</th>
              <th scope="col">{t('users_column_user')}</th>
              <th scope="col">{t('users_column_result')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map(({ row, outcome }) => (
              <tr key={row.line} class={outcome.state}>
                <td>{row.line}</td>
                <td>{row.user?.username}</td>
                <td>{outcomeText(outcome)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
