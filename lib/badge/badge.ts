import { t } from '../browser/i18n';
import { actionBadge, type ActionBadge } from '../browser/action-badge';
import { watchKeys } from '../browser/stored-item';
import { activeProfile, parseSettings } from '../settings/settings';
import { settingsItem, waitingItem } from '../storage';
import { isSessionFor } from '../token/session';
import { sessionStoreFor } from '../token/session-store';
import { accountOf, stateFor } from '../work/waiting';
import { badgeState } from './badge-state';
import { waitingBadge } from './waiting-badge';

export interface BadgeDeps {
  action: ActionBadge;
  now(): number;
  translate: typeof t;
}

/**
 * Keeps the toolbar badge in step with the settings, the active profile's session and its waiting
 * count: now, and on every change of any. Returns a function that stops watching.
 */
export function startBadge(deps: Partial<BadgeDeps> = {}): () => void {
  const { action = actionBadge, now = Date.now, translate = t } = deps;
  let queue = Promise.resolve();
  const refresh = () => {
    // One update at a time, in order, so a slow one never overwrites a newer state.
    queue = queue
      .then(async () => {
        const [settings, waiting] = await Promise.all([settingsItem.getValue().then(parseSettings), waitingItem.getValue()]);
        const id = settings.activeProfileId;
        const session = id ? await sessionStoreFor(id).load() : null;
        const at = now();
        const base = badgeState({ settings, session, now: at }, translate);
        // Only the signed-in account's own count: never one read for whoever was signed in before.
        const signedIn = isSessionFor(session, activeProfile(settings)) ? accountOf(session) : null;
        const count = id ? stateFor(waiting, id, signedIn) : undefined;
        await action.show(waitingBadge(base, count, at, translate));
      })
      .catch(() => {
        // A badge that could not be drawn is no reason to break the background; the next change retries.
      });
  };
  refresh();
  // The settings (another profile made active), any profile's session and the waiting counts: a
  // check of which is active costs less than watching the right keys anew at each switch.
  return watchKeys((_, key) => key === 'settings' || key === 'waiting' || key.startsWith('session/'), refresh);
}
