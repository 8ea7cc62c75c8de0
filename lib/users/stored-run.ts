import type { StoredItem } from '../browser/stored-item';
import type { BatchProgress } from './batch-progress';

// Apart from the run itself (resumable-run.ts), which the users page loads only to start one.

export interface RunItems {
  progress: StoredItem<BatchProgress | null>;
  list: StoredItem<string | null>;
}

/** The interrupted run, if any, and its list if this browser session still has it. */
export async function interruptedRun(items: RunItems): Promise<{ progress: BatchProgress; list: string | null } | null> {
  const [progress, list] = await Promise.all([items.progress.getValue(), items.list.getValue()]);
  return progress && { progress, list };
}

/** The run ends here: lines not sent stay unsent. */
export async function forgetRun(items: RunItems): Promise<void> {
  await Promise.all([items.progress.removeValue(), items.list.removeValue()]);
}
