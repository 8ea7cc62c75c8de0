import type { ErrorKind } from '../server/errors';
import type { BatchProgress } from './batch-progress';
import { planRun } from './batch-progress';
import { parseBatch } from './batch';
import { runPaced, type PacedRunDeps, type RunEnd } from './paced-run';
import { forgetRun, type RunItems } from './stored-run';

export { sleep } from './paced-run';

export interface RunDeps extends Omit<PacedRunDeps, 'save'> {
  items: RunItems;
  /** Each change of the progress, as saved. */
  changed?(progress: BatchProgress): void;
}

/**
 * Runs a list (or resumes it: an interrupted run of the same server is carried over, see
 * planRun). While it runs, the list is kept in session storage and the progress in local
 * storage; both go once every line is answered.
 */
export async function runList(
  text: string,
  /** refused: lines the server refused in an earlier run, not sent again as they stand (see parseBatch). */
  options: { serverUrl: string; paceMs: number; refused?: ReadonlyMap<string, ErrorKind> },
  deps: RunDeps,
  signal: AbortSignal,
): Promise<RunEnd & { progress: BatchProgress }> {
  const batch = parseBatch(text, options.refused);
  let progress = planRun(batch, await deps.items.progress.getValue(), options.serverUrl, options.paceMs);
  const save = async (next: BatchProgress) => {
    progress = next;
    await deps.items.progress.setValue(next);
    deps.changed?.(next);
  };
  await deps.items.list.setValue(text);
  await save(progress);
  const ended = await runPaced(batch.rows, progress, { ...deps, save }, signal);
  if (ended.end === 'done') await forgetRun(deps.items);
  return { ...ended, progress };
}
