import type { ErrorKind } from '../server/errors';
import type { BatchProgress, RunPlace } from './batch-progress';
import { planRun } from './batch-progress';
import { parseBatch } from './batch';
import { runPaced, type PacedRunDeps, type RunEnd } from './paced-run';
import { forgetRun, loadRun, saveLine, saveRun, type RunItems } from './stored-run';

export { sleep } from './paced-run';

export interface RunDeps extends Omit<PacedRunDeps, 'save'> {
  items: RunItems;
  /** Each change of the progress, as saved. */
  changed?(progress: BatchProgress): void;
}

/**
 * Runs a list (or resumes it: an interrupted run of the same profile and server is carried over,
 * see planRun). While it runs, the list is kept in session storage and the progress in local
 * storage, written whole as the run starts and then line by line; both go once every line is
 * answered. A failure to store throws: the caller says so (the run is then paused, not lost).
 */
export async function runList(
  text: string,
  /** refused: lines the server refused in an earlier run, not sent again as they stand (see parseBatch). */
  options: RunPlace & { paceMs: number; refused?: ReadonlyMap<string, ErrorKind> },
  deps: RunDeps,
  signal: AbortSignal,
): Promise<RunEnd & { progress: BatchProgress }> {
  const batch = parseBatch(text, options.refused);
  const before = await loadRun(deps.items.progress);
  let progress = planRun(batch, before.progress, options, options.paceMs);
  await deps.items.list.setValue(text);
  await saveRun(deps.items.progress, progress, before.count);
  deps.changed?.(progress);
  const save = async (next: BatchProgress, index: number) => {
    progress = next;
    await saveLine(deps.items.progress, next, index);
    deps.changed?.(next);
  };
  const ended = await runPaced(batch.rows, progress, { ...deps, save }, signal);
  if (ended.end === 'done') await forgetRun(deps.items);
  return { ...ended, progress };
}
