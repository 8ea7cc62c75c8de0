import { t } from '../browser/i18n';
import { actionBadge, type ActionBadge } from '../browser/action-badge';
import { parseSettings } from '../settings/settings';
import { persistentSessionItem, sessionItem, settingsItem } from '../storage';
import { sessionStore } from '../token/session-store';
import { badgeState } from './badge-state';

export interface BadgeDeps {
  action: ActionBadge;
  now(): number;
  translate: typeof t;
}

/**
 * Keeps the toolbar badge in step with the settings and the session: now, and on every change
 * of either. Returns a function that stops watching.
 */
export function startBadge(deps: Partial<BadgeDeps> = {}): () => void {
  const { action = actionBadge, now = Date.now, translate = t } = deps;
  let queue = Promise.resolve();
  const refresh = () => {
    // One update at a time, in order, so a slow one never overwrites a newer state.
    queue = queue
      .then(async () => {
        const [settings, session] = await Promise.all([settingsItem.getValue(), sessionStore.load()]);
        await action.show(badgeState({ settings: parseSettings(settings), session, now: now() }, translate));
      })
      .catch(() => {
        // A badge that could not be drawn is no reason to break the background; the next change retries.
      });
  };
  refresh();
  const unwatch = [settingsItem.watch(refresh), sessionItem.watch(refresh), persistentSessionItem.watch(refresh)];
  return () => unwatch.forEach((stop) => stop());
}
