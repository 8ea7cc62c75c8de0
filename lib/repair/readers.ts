import type { PolicyState } from '../settings/policy';
import { isFields, isWorkspace, type Workspace } from '../settings/settings';
import type { ErrorKind } from '../server/errors';
import type { Confirmation } from '../token/trust';
import type { WaitingState } from '../work/waiting';
import { isText, isTime, noted, sound, type Read } from './junk';

// The shapes of the stored items these readers check (storage.ts defines the items themselves).

/** Who signed in last and why the session ended: fills the sign-in form and explains. */
export interface LastAccount {
  username: string;
  endedBecause: ErrorKind | null;
}
/** Pages opened lately, per workspace, newest first. */
export type RecentPaths = Record<Workspace, string[]>;
/** What the popup keeps between openings. */
export interface PopupMemory {
  workspace: Workspace | null;
  lock: { profileId: string; serverUrl: string; username: string; until: number } | null;
}

// How the small items the extension keeps for itself are read back: a value of the wrong shape is
// junk, replaced by the item's default (or, in a list, left out), never an error later on.

/** Each workspace's list on its own: paths that are no text are left out. */
export function readRecentPaths(stored: unknown): Read<RecentPaths> {
  const fields = isFields(stored) ? stored : {};
  let bad = !isFields(stored);
  const list = (workspace: Workspace): string[] => {
    const v = fields[workspace];
    if (v === undefined) return [];
    const paths = Array.isArray(v) ? v.filter(isText) : [];
    bad ||= !Array.isArray(v) || paths.length !== v.length;
    return paths;
  };
  const value = { agent: list('agent'), admin: list('admin') };
  return noted(value, bad, 'recent-pages');
}

export function readLastAccount(stored: unknown): Read<LastAccount | null> {
  const ok = isFields(stored) && isText(stored.username) && (stored.endedBecause === null || isText(stored.endedBecause));
  return ok ? sound(stored as unknown as LastAccount) : noted(null, true, 'remembered');
}

export function readConfirmation(stored: unknown): Read<Confirmation | null> {
  const ok = isFields(stored) && isText(stored.tokenEnd) && isTime(stored.at);
  return ok ? sound({ tokenEnd: stored.tokenEnd as string, at: stored.at as number }) : noted(null, true, 'remembered');
}

/** The workspace and the lock apart: one unreadable keeps the other. */
export function readPopupMemory(stored: unknown): Read<PopupMemory> {
  const fields = isFields(stored) ? stored : {};
  const workspace = fields.workspace === undefined || fields.workspace === null || isWorkspace(fields.workspace) ? (fields.workspace ?? null) : undefined;
  const l = fields.lock;
  const lockOk = l === undefined || l === null || (isFields(l) && isText(l.profileId) && isText(l.username) && isTime(l.until));
  // A lock stored before locks named their server belongs to no server we can tell: not shown, not junk.
  const lock = lockOk && isFields(l) && isText(l.serverUrl) ? (l as PopupMemory['lock']) : null;
  const value: PopupMemory = { workspace: workspace ?? null, lock };
  return noted(value, !isFields(stored) || workspace === undefined || !lockOk, 'remembered');
}

function isWaitingState(v: unknown): v is WaitingState {
  if (!isFields(v)) return false;
  if (v.kind === 'off') return true;
  if (!isTime(v.checkedAt) || !isText(v.serverUrl)) return false;
  if (v.kind === 'count') return isTime(v.count) && typeof v.stale === 'boolean';
  return v.kind === 'unsupported' && isText(v.reason);
}

/** Each profile's waiting state on its own: an unreadable one is left out (and asked for again). */
export function readWaiting(stored: unknown): Read<Record<string, WaitingState>> {
  if (!isFields(stored)) return noted({}, true, 'remembered');
  const entries = Object.entries(stored);
  const kept = entries.filter((entry): entry is [string, WaitingState] => isWaitingState(entry[1]));
  return noted(Object.fromEntries(kept), kept.length !== entries.length, 'remembered');
}

/** The policy as last read; an unreadable record is none (the worker reads the policy again at start). */
export function readPolicyState(stored: unknown): Read<PolicyState> {
  if (!isFields(stored)) return noted({ kind: 'none' }, true, 'remembered');
  if (stored.kind === 'none') return sound({ kind: 'none' });
  const p = stored.policy;
  const applied = stored.kind === 'applied' && isTime(stored.at) && isFields(p) && Array.isArray(p.profiles) &&
    typeof p.allowUserProfiles === 'boolean' && typeof p.lockManagedProfiles === 'boolean';
  const problems = stored.problems;
  const invalid = stored.kind === 'invalid' && isTime(stored.at) && Array.isArray(problems) &&
    problems.every((q) => isFields(q) && isText(q.path) && isText(q.code));
  return applied || invalid ? sound(stored as unknown as PolicyState) : noted({ kind: 'none' }, true, 'remembered');
}
