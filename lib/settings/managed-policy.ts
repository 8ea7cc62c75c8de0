import { managedValues, onManagedChange } from '../browser/managed-storage';
import { policyStateItem, settingsItem } from '../storage';
import { serialQueue } from '../util/serial';
import { applyPolicy, type PolicyState } from './policy';
import { readPolicy, type Policy } from './policy-read';
import { updateSettings } from './save-settings';
import { parseSettings } from './settings';

/**
 * Applies the organisation's policy (`storage.managed`) at every worker start and whenever it
 * changes. Fails closed: a policy that is not valid changes no setting, so the last valid one
 * stays in force, and its problems are kept for the options page to show.
 */
export function startManagedPolicy(now: () => number = Date.now): void {
  const inTurn = serialQueue();
  const refresh = () => void inTurn(() => applyManagedPolicy(now));
  onManagedChange(refresh);
  refresh();
}

/**
 * One reading of the policy, applied; what it found is recorded. Sessions of profiles it removed
 * or moved are ended by the worker's one step for every such change (see stale-sessions).
 */
export async function applyManagedPolicy(now: () => number = Date.now): Promise<PolicyState> {
  const reading = readPolicy(await managedValues());
  const previous = await policyStateItem.getValue();
  if (reading.kind === 'invalid') {
    const state: PolicyState = { kind: 'invalid', at: now(), problems: reading.problems };
    return record(previous, state);
  }
  const policy = reading.kind === 'valid' ? reading.policy : null;
  // Profiles the user may change are set again only when the policy changes, or an edit would be
  // undone at the next worker start; locked ones are set at every reading.
  const unchanged = previous.kind === 'applied' && same(previous.policy, policy);
  if (!(unchanged && policy && !policy.lockManagedProfiles)) await applyToSettings(policy);
  return record(previous, policy ? { kind: 'applied', at: now(), policy } : { kind: 'none' });
}

async function applyToSettings(policy: Policy | null): Promise<void> {
  // Read first: most worker starts change nothing, and then write nothing.
  const current = parseSettings(await settingsItem.getValue());
  if (applyPolicy(current, policy) === current) return;
  // Through updateSettings: host permission for a server no profile uses any more goes too.
  await updateSettings((settings) => applyPolicy(settings, policy));
}

/** Keeps the earlier record (and its time) when nothing but the time would change. */
async function record(previous: PolicyState, next: PolicyState): Promise<PolicyState> {
  const { at: _a, ...a } = { at: 0, ...previous };
  const { at: _b, ...b } = { at: 0, ...next };
  if (same(a, b)) return previous;
  await policyStateItem.setValue(next);
  return next;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
