import { createIdbKeyStore } from '../browser/idb-key-store';
import { renewalAlarm } from '../browser/renewal-alarm';
import { tabOpener } from '../browser/tabs';
import { createBytedeskClient } from '../server/client';
import { activeProfile, parseSettings } from '../settings/settings';
import { settingsItem } from '../storage';
import { createTokenLifecycle } from '../token/lifecycle';
import { createPasswordVault } from '../token/password-vault';
import { sessionStore } from '../token/session-store';
import type { OpenDeps } from '../workspace/open-workspace';
import { rememberPath } from '../workspace/recent-paths';

/** Builds the background's services from the real browser and server. */
export function createServices() {
  // Validated on every read: a malformed stored value means defaults, never a crash.
  const settings = async () => parseSettings(await settingsItem.getValue());
  const client = (baseUrl: string) => createBytedeskClient({ baseUrl });
  const lifecycle = createTokenLifecycle({
    store: sessionStore,
    vault: createPasswordVault(createIdbKeyStore()),
    scheduler: renewalAlarm,
    client,
    profile: async () => activeProfile(await settings()),
    now: Date.now,
  });
  const openDeps: OpenDeps = {
    settings,
    lifecycle,
    tabs: tabOpener,
    remember: rememberPath,
  };
  return { lifecycle, openDeps, client };
}
export type Services = ReturnType<typeof createServices>;
