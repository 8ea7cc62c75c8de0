import type { StoredItem } from '../browser/stored-item';
import type { StoredRecord } from '../browser/stored-record';
import { isFields } from '../settings/settings';
import type { BatchProgress, LineState, ProgressLine } from './batch-progress';
import { LIST_LIMIT } from './list-limit';

// Apart from the run itself (resumable-run.ts), which the users page loads only to start one.

export interface RunItems {
  /** The head (profile, server, pace, line count), then one part per line. */
  progress: StoredRecord;
  list: StoredItem<string | null>;
}

/** The head as stored: the progress without its lines, and how many there are. */
type RunHead = Omit<BatchProgress, 'lines'> & { count: number };

const STATES: readonly LineState[] = ['pending', 'sending', 'created', 'failed'];
const isText = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

// The extension wrote these itself: a structural check, as for the settings. Anything else is junk.
function readLine(v: unknown): ProgressLine | null {
  if (!isFields(v) || !isCount(v.line) || !isText(v.username) || !STATES.includes(v.state as LineState)) return null;
  if (!Array.isArray(v.who) || !v.who.every(isText) || !(v.kind === undefined || isText(v.kind))) return null;
  return v as unknown as ProgressLine;
}

function readHead(v: unknown): (RunHead & { legacy?: unknown[] }) | null {
  if (!isFields(v) || !isText(v.serverUrl) || !isCount(v.paceMs)) return null;
  if (!(v.lastAnswerAt === null || typeof v.lastAnswerAt === 'number')) return null;
  const head = { serverUrl: v.serverUrl, paceMs: v.paceMs, lastAnswerAt: v.lastAnswerAt };
  // Kept whole by the version before lines were stored apart, with no profile named.
  if (Array.isArray(v.lines)) return { ...head, profileId: '', count: v.lines.length, legacy: v.lines };
  // No run is longer than a list may be: a larger count is junk, not thousands of reads.
  if (!isText(v.profileId) || !isCount(v.count) || v.count > LIST_LIMIT.lines) return null;
  return { ...head, profileId: v.profileId, count: v.count };
}

const headOf = ({ lines, ...rest }: BatchProgress): RunHead => ({ ...rest, count: lines.length });

/** The whole run, written once as it starts (or resumes): lines of an earlier, longer run go. */
export async function saveRun(record: StoredRecord, progress: BatchProgress, earlierCount = 0): Promise<void> {
  await record.set(headOf(progress), new Map(progress.lines.map((l, i) => [i, l])));
  await record.removeParts(progress.lines.length, earlierCount);
}

/** One line's change: that line and the head (its time of answer), nothing else. */
export function saveLine(record: StoredRecord, progress: BatchProgress, index: number): Promise<void> {
  return record.set(headOf(progress), new Map([[index, progress.lines[index]]]));
}

export interface StoredRun {
  progress: BatchProgress | null;
  /** How many lines the record had (its head's count): a shorter run written over it removes the rest. */
  count: number;
  /** Something stored did not have the shape the extension writes: it was removed, and is said once. */
  damaged: boolean;
}

/**
 * The stored progress, repaired: a head of the wrong shape drops the whole record, a line of the
 * wrong shape drops that line (its user, if created, is then refused as existing: never created
 * twice). The repair is written back, so the damage is reported by the read that found it only.
 * A record from before profiles were named is adopted by the profile of its server (`adopt`).
 */
export async function loadRun(record: StoredRecord, adopt: (serverUrl: string) => string | null = () => null): Promise<StoredRun> {
  const raw = await record.getHead();
  if (raw === undefined || raw === null) return { progress: null, count: 0, damaged: false };
  const head = readHead(raw);
  if (!head) {
    await record.remove();
    return { progress: null, count: 0, damaged: true };
  }
  const stored = head.legacy ?? (await record.getParts(head.count));
  const lines = stored.map(readLine).filter((l): l is ProgressLine => l !== null);
  const { count, legacy, ...rest } = head;
  const progress: BatchProgress = { ...rest, profileId: legacy ? (adopt(head.serverUrl) ?? '') : head.profileId, lines };
  const damaged = lines.length !== stored.length;
  if (damaged || legacy) await saveRun(record, progress, count);
  return { progress, count: legacy ? 0 : count, damaged };
}

/** The interrupted run, if any, and its list if this browser session still has it. */
export async function interruptedRun(
  items: RunItems,
  adopt?: (serverUrl: string) => string | null,
): Promise<{ progress: BatchProgress | null; list: string | null; damaged: boolean }> {
  const [run, list] = await Promise.all([loadRun(items.progress, adopt), items.list.getValue()]);
  return { progress: run.progress, list: run.progress && list, damaged: run.damaged };
}

/** The run ends here: lines not sent stay unsent. */
export async function forgetRun(items: RunItems): Promise<void> {
  await Promise.all([items.progress.remove(), items.list.removeValue()]);
}
