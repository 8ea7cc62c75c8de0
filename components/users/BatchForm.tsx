import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { sendMessage } from '../../lib/messaging';
import type { ErrorKind } from '../../lib/server/errors';
import { profileById } from '../../lib/settings/profiles';
import { hostOf, type Settings } from '../../lib/settings/settings';
import { batchItems } from '../../lib/storage';
import { parseBatch, type ParsedBatch } from '../../lib/users/batch';
import { outcomesOf, type BatchProgress, type RunPlace } from '../../lib/users/batch-progress';
import { LIST_LIMIT, listBytes, tooLarge } from '../../lib/users/list-limit';
import { countOutcomes, linesLeft, refusedLines, type LinesLeft, type RowOutcome } from '../../lib/users/batch-run';
import { runList, sleep } from '../../lib/users/resumable-run';
import { forgetRun, interruptedRun } from '../../lib/users/stored-run';
import { StatusMessage, type Status } from '../StatusMessage';
import { answered, brokeText, countsText, countText, createLabel, pausedText, problemsOf, resultsOf, sizeText, tooLargeText, type RunWhere } from './batch-words';
import { ListInput } from './ListInput';
import { PaceField } from './PaceField';
import { ResultsTable } from './ResultsTable';
import { RunSummary } from './RunSummary';

const NOTHING: ParsedBatch = { header: null, rows: [] };

interface BatchFormProps {
  settings: Settings;
  /** Where a new run goes: the profile shown and its session's server (null: no super administrator signed in). */
  here: RunPlace | null;
}

/**
 * Users listed one per line (typed, pasted or from a file), checked as they come, created one
 * after another a pace apart, on the profile shown when the run started, whichever is active
 * later. A run can be paused, and one cut off by closing the page resumes when it opens again
 * (see resumable-run.ts). Lines not created stay in the box to fix and send again; those the
 * server refused are marked as problems until they are edited. Every way a run stops is said.
 */
export function BatchForm({ settings, here }: BatchFormProps) {
  const [text, setText] = useState('');
  const [refused, setRefused] = useState<ReadonlyMap<string, ErrorKind>>(new Map());
  // Sized before it is parsed: a list far too large is not parsed at every keystroke.
  const bytes = useMemo(() => listBytes(text), [text]);
  const batch = useMemo(() => (bytes > LIST_LIMIT.bytes ? NOTHING : parseBatch(text, refused)), [text, refused, bytes > LIST_LIMIT.bytes]);
  const large = tooLargeText(tooLarge(bytes, batch.rows.length));
  const ready = large ? [] : batch.rows.filter((r) => r.user);
  const problems = large ? [] : batch.rows.filter((r) => !r.user);
  const [paceS, setPaceS] = useState(1);
  const [running, setRunning] = useState<AbortController | null>(null);
  /** The run under way or paused; its list (null: lost with the browser session, to be given again). */
  const [run, setRun] = useState<{ progress: BatchProgress; list: string | null } | null>(null);
  /** The run over: the list sent, what became of each line, and the lines left. */
  const [summary, setSummary] = useState<{ sent: ParsedBatch; progress: BatchProgress; outcomes: Map<number, RowOutcome>; left: LinesLeft } | null>(null);
  const [nextAt, setNextAt] = useState<number | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);

  /** The run's profile as the settings have it now: gone, or moved to another server, it cannot go on. */
  const whereOf = (p: RunPlace): RunWhere => {
    const profile = profileById(settings, p.profileId);
    return { name: profile?.name ?? hostOf(p.serverUrl), host: hostOf(p.serverUrl), intact: profile?.baseUrl === p.serverUrl };
  };

  useEffect(() => {
    // A run from before runs named their profile belongs to the profile of its server.
    const adopt = (serverUrl: string) => settings.profiles.find((p) => p.baseUrl === serverUrl)?.id ?? null;
    interruptedRun(batchItems, adopt).then(
      ({ progress, list, damaged }) => {
        const said = damaged ? [t('users_damaged_run')] : [];
        if (progress) {
          setRun({ progress, list });
          if (list !== null) setText(list);
          said.push(pausedText(progress, list, whereOf(progress)));
        }
        if (said.length > 0) setStatus({ tone: 'warn', text: said.join(' ') });
      },
      (error: unknown) => setStatus({ tone: 'error', text: brokeText(error) }),
    );
  }, []);

  async function go(list: string, place: RunPlace) {
    const controller = new AbortController();
    setRunning(controller);
    setSummary(null);
    const progressStatus = (p: BatchProgress) =>
      setStatus({ tone: 'busy', text: t('users_progress', [String(Math.min(answered(p) + 1, p.lines.length)), String(p.lines.length)]) });
    let last = run?.progress ?? null;
    try {
      const ended = await runList(list, { ...place, paceMs: Math.round(paceS * 1000), refused }, {
        items: batchItems,
        now: Date.now,
        sleep,
        // The run's own profile and server, not the page's: it stays where it started.
        create: (user) => sendMessage('createUser', { user, ...place }),
        waiting: setNextAt,
        changed(p) {
          last = p;
          setNextAt(null);
          setRun({ progress: p, list });
          progressStatus(p);
        },
      }, controller.signal);
      if (ended.end === 'done') return finish(list, ended.progress);
      setRun({ progress: ended.progress, list });
      setStatus({ tone: 'warn', text: pausedText(ended.progress, list, whereOf(place), ended.end === 'stopped' ? ended.kind : undefined) });
    } catch (error) {
      // Storage full or failing, say: paused where it was, and said, never a page left "running".
      setRun(last && { progress: last, list });
      setStatus({ tone: 'error', text: brokeText(error) });
    } finally {
      setRunning(null);
      setNextAt(null);
    }
  }

  /** The run is over (every line answered, or ended by the user): what is left goes back in the box. */
  function finish(list: string, progress: BatchProgress) {
    const sent = parseBatch(list, refused);
    const outcomes = outcomesOf(progress);
    const created = new Set([...outcomes].filter(([, o]) => o.state === 'created').map(([line]) => line));
    const left = linesLeft(sent, created);
    const done = sent.rows.flatMap((row) => (outcomes.has(row.line) ? [{ row, outcome: outcomes.get(row.line)! }] : []));
    setRun(null);
    setRefused((before) => new Map([...before, ...refusedLines(done)]));
    setText(left.text);
    setSummary({ sent, progress, outcomes, left });
    // "Pause" goes with the run: if it had the focus, the focus goes to the lines left, not the page's top.
    setTimeout(() => document.activeElement === document.body && box.current?.focus());
    const counts = countOutcomes([...outcomes.values()]);
    setStatus(
      counts.created === progress.lines.length
        ? { tone: 'ok', text: t('users_batch_all_done', String(progress.lines.length)) }
        : { tone: 'warn', text: t('users_batch_done', countsText(counts)) },
    );
  }

  async function end() {
    if (!run) return;
    try {
      await forgetRun(batchItems);
    } catch (error) {
      return setStatus({ tone: 'error', text: brokeText(error) });
    }
    if (run.list !== null) return finish(run.list, run.progress);
    setRun(null);
    setStatus(null);
  }

  // A run and a summary never show together: a run starts by clearing the last one's summary.
  const results = useMemo(() => (run ? resultsOf(run.progress) : summary ? resultsOf(summary.progress, true) : []), [run, summary]);
  const paused = run !== null && !running;
  const where = run && whereOf(run.progress);
  const elsewhere = where !== null && !where.intact;
  // Resuming with the list gone runs what is in the box: the lines done before are known by email or mobile.
  const resumable = paused && !elsewhere && (run.list !== null || ready.length > 0);
  function submit(event: Event) {
    event.preventDefault();
    if (running) return;
    const { profileId, serverUrl } = run?.progress ?? {};
    if (run) return resumable ? void go(run.list ?? text, { profileId: profileId!, serverUrl: serverUrl! }) : undefined;
    if (here && ready.length > 0) void go(text, here);
  }
  if (!here && !run) return null;

  const describedBy = ['batch-limit batch-summary', problems.length > 0 && 'batch-problems'].filter(Boolean).join(' ');
  return (
    <section class="card" aria-labelledby="batch-heading">
      <h2 id="batch-heading">{t('users_batch_heading')}</h2>
      {run && where && run.progress.profileId !== here?.profileId && (
        <p class="hint">{t('users_run_on', [where.name, where.host])}</p>
      )}
      <form onSubmit={submit}>
        <div class="field">
          <ListInput text={text} readOnly={running !== null || (run !== null && run.list !== null)} describedBy={describedBy}
            boxRef={box} onText={setText} onUnreadable={() => setStatus({ tone: 'error', text: t('users_file_unreadable') })}
            onTooLarge={(size) => setStatus({ tone: 'error', text: tooLargeText({ over: 'bytes', bytes: size })! })}>
            <p id="batch-limit" class="hint">{t('users_batch_limit', [countText(LIST_LIMIT.lines), sizeText(LIST_LIMIT.bytes)])}</p>
            <p id="batch-summary" class={large ? 'field-error' : 'hint'}>
              {large ?? t('users_batch_summary', [String(ready.length), String(problems.length)])}
            </p>
            {problems.length > 0 && (
              <ul id="batch-problems" class="field-error problems">
                {problems.map((row) => (
                  <li key={row.line}>{t('users_batch_line', [String(row.line), problemsOf(row)])}</li>
                ))}
              </ul>
            )}
          </ListInput>
        </div>
        <PaceField seconds={paceS} readOnly={running !== null} onChange={setPaceS} nextAt={nextAt} />
        <div class="actions">
          {/* aria-disabled, not disabled: a button that disables itself under the focus drops it. */}
          {paused ? (
            !elsewhere && (
              <button type="submit" class="primary" aria-disabled={!resumable ? 'true' : undefined}>
                {t('users_resume')}
              </button>
            )
          ) : (
            <button type="submit" class="primary" aria-disabled={running !== null || ready.length === 0 ? 'true' : undefined}>
              {createLabel(ready.length)}
            </button>
          )}
          {running && (
            <button type="button" onClick={() => running.abort()}>
              {t('users_pause')}
            </button>
          )}
          {paused && (
            <button type="button" onClick={() => void end()}>
              {t('users_discard')}
            </button>
          )}
        </div>
      </form>
      <StatusMessage status={status} />
      {results.length > 0 && <ResultsTable results={results} lineNow={summary?.left.lineNow ?? null} />}
      {summary && (
        <RunSummary
          batch={summary.sent}
          outcomes={summary.outcomes}
          onLinesBack={summary.left.text ? () => (setText(summary.left.text), box.current?.focus()) : undefined}
        />
      )}
    </section>
  );
}
