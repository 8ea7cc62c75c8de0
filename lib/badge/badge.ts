import { t } from '../browser/i18n';
import { actionBadge, type ActionBadge } from '../browser/action-badge';
import { watchKeys } from '../browser/stored-item';
import { parseSettings } from '../settings/settings';
import { settingsItem } from '../storage';
import { sessionStoreFor } from '../token/session-store';
import { badgeState } from './badge-state';

export interface BadgeDeps {
  action: ActionBadge;
  now(): number;
  translate: typeof t;
}

/**
 * Keeps the toolbar badge in step with the settings and the active profile's session: now, and on every change
 * of either. Returns a function that stops watching.
 */
export function startBadge(deps: Partial<BadgeDeps> = {}): () => void {
  const { action = actionBadge, now = Date.now, translate = t } = deps;
  let queue = Promise.resolve();
  const refresh = () => {
    // One update at a time, in order, so a slow one never overwrites a newer state.
    queue = queue
      .then(async () => {
        const settings = parseSettings(await settingsItem.getValue());
        const session = settings.activeProfileId ? await sessionStoreFor(settings.activeProfileId).load() : null;
        await action.show(badgeState({ settings, session, now: now() }, translate));
      })
      .catch(() => {
        // A badge that could not be drawn is no reason to break the background; the next change retries.
      });
  };
  refresh();
  // The settings (another profile made active) and any profile's session: a check of which is
  // active costs less than watching the right keys anew at each switch.
  return watchKeys((_, key) => key === 'settings' || key.startsWith('session/'), refresh);
}
