import { useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { errorMessage } from '../../lib/error-message';
import { sendMessage } from '../../lib/messaging';
import { LaunchpadError, type ErrorKind } from '../../lib/server/errors';
import { parseBatch, type BatchRow } from '../../lib/users/batch';
import { countOutcomes, createInTurn, linesLeft, refusedLines, type RunCounts } from '../../lib/users/batch-run';
import { pluralForm } from '../../lib/users/plural';
import { StatusMessage, type Status } from '../StatusMessage';
import { ResultsTable, type Result } from './ResultsTable';

/** "Create 1 user", "Create 3 users" ("创建 3 个用户": Chinese has one form), by the rules of the messages' language. */
const createLabel = (count: number) =>
  t(pluralForm(count, t('page_language')) === 'one' ? 'users_create_many_one' : 'users_create_many', String(count));

const problemsOf = (row: BatchRow) =>
  row.refusedAs ? errorMessage(new LaunchpadError(row.refusedAs)) : row.problems.map((p) => t(p)).join(' ');

/** "2 created, 1 refused": the counts that are not zero. */
function countsText(counts: RunCounts): string {
  const parts = [
    counts.created > 0 && t('users_count_created', String(counts.created)),
    counts.refused > 0 && t('users_count_refused', String(counts.refused)),
    counts.failed > 0 && t('users_count_failed', String(counts.failed)),
    counts.notSent > 0 && t('users_count_not_sent', String(counts.notSent)),
  ];
  return parts.filter(Boolean).join(t('users_count_separator'));
}

/**
 * Users pasted one per line, checked as they are typed, created one after another. Lines not
 * created stay in the box to fix and send again; those the server refused are marked as
 * problems until they are edited.
 */
export function BatchForm() {
  const [text, setText] = useState('');
  const [refused, setRefused] = useState<ReadonlyMap<string, ErrorKind>>(new Map());
  const batch = useMemo(() => parseBatch(text, refused), [text, refused]);
  const ready = batch.rows.filter((r) => r.user);
  const problems = batch.rows.filter((r) => !r.user);
  const [running, setRunning] = useState<AbortController | null>(null);
  const [results, setResults] = useState<Result[]>([]);
  const [lineNow, setLineNow] = useState<ReadonlyMap<number, number> | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (running || ready.length === 0) return;
    const controller = new AbortController();
    const total = ready.length;
    const done: Result[] = [];
    setRunning(controller);
    setResults([]);
    setLineNow(null);
    setStatus({ tone: 'busy', text: t('users_progress', ['1', String(total)]) });
    await createInTurn(
      batch.rows,
      (user) => sendMessage('createUser', user),
      (row, outcome) => {
        done.push({ row, outcome });
        setResults([...done]);
        if (done.length < total) setStatus({ tone: 'busy', text: t('users_progress', [String(done.length + 1), String(total)]) });
      },
      controller.signal,
    );
    const created = new Set(done.filter((r) => r.outcome.state === 'created').map((r) => r.row.line));
    const left = linesLeft(batch, created);
    setRunning(null);
    setRefused((before) => new Map([...before, ...refusedLines(done)]));
    setText(left.text);
    setLineNow(left.lineNow);
    // "Stop" goes with the run: if it had the focus, the focus goes to the lines left, not the page's top.
    setTimeout(() => document.activeElement === document.body && box.current?.focus());
    const counts = countOutcomes(done.map((r) => r.outcome));
    setStatus(
      counts.created === total
        ? { tone: 'ok', text: t('users_batch_all_done', String(total)) }
        : { tone: 'warn', text: t('users_batch_done', countsText(counts)) },
    );
  }

  const describedBy = ['batch-hint', 'batch-summary', problems.length > 0 && 'batch-problems'].filter(Boolean).join(' ');
  return (
    <section class="card" aria-labelledby="batch-heading">
      <h2 id="batch-heading">{t('users_batch_heading')}</h2>
      <form onSubmit={submit}>
        <div class="field">
          <label for="batch-text">{t('users_batch_label')}</label>
          <p id="batch-hint" class="hint">{t('users_batch_hint')}</p>
          <textarea
            id="batch-text"
            ref={box}
            rows={8}
            spellcheck={false}
            readOnly={running !== null}
            value={text}
            placeholder={t('users_batch_placeholder')}
            aria-describedby={describedBy}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <p id="batch-summary" class="hint">
            {t('users_batch_summary', [String(ready.length), String(problems.length)])}
          </p>
          {problems.length > 0 && (
            <ul id="batch-problems" class="field-error problems">
              {problems.map((row) => (
                <li key={row.line}>{t('users_batch_line', [String(row.line), problemsOf(row)])}</li>
              ))}
            </ul>
          )}
        </div>
        <div class="actions">
          {/* aria-disabled, not disabled: a button that disables itself under the focus drops it. */}
          <button type="submit" class="primary" aria-disabled={running !== null || ready.length === 0 ? 'true' : undefined}>
            {createLabel(ready.length)}
          </button>
          {running && (
            <button type="button" onClick={() => running.abort()}>
              {t('users_stop')}
            </button>
          )}
        </div>
      </form>
      <StatusMessage status={status} />
      {results.length > 0 && <ResultsTable results={results} lineNow={lineNow} />}
    </section>
  );
}
