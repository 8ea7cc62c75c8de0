import { cleanAddressOnceLoaded } from '../browser/clean-address';
import { createIdbKeyStore } from '../browser/idb-key-store';
import { openPopupInTab, openPopupWindow } from '../browser/popup-window';
import { renewalAlarmFor } from '../browser/renewal-alarm';
import { sendTab, tabAddress } from '../browser/tab-address';
import { tabOpener } from '../browser/tabs';
import { createBytedeskClient } from '../server/client';
import { profileById } from '../settings/profiles';
import { parseSettings } from '../settings/settings';
import { profileItems, removeProfileItems, settingsItem, signedTabsItem } from '../storage';
import { createOpenHealer } from '../token/heal-opens';
import { createTokenLifecycle, type TokenLifecycle } from '../token/lifecycle';
import { createPasswordVault } from '../token/password-vault';
import { sessionStoreFor } from '../token/session-store';
import { promptQuery } from '../ways-in/prompt';
import type { OpenDeps } from '../workspace/open-workspace';
import { rememberPath } from '../workspace/recent-paths';
import { staleSessions } from './stale-sessions';
import { createSignedTabs } from '../workspace/signed-tabs';

/** Builds the background's services from the real browser and server. */
export function createServices() {
  // Validated on every read: a malformed stored value means defaults, never a crash.
  const settings = async () => parseSettings(await settingsItem.getValue());
  const client = (baseUrl: string) => createBytedeskClient({ baseUrl });
  const vault = createPasswordVault(createIdbKeyStore());

  // One owner of each profile's token: its renewals, sign-outs and writes never touch another's.
  const lifecycles = new Map<string, TokenLifecycle>();
  function lifecycleFor(profileId: string): TokenLifecycle {
    let lifecycle = lifecycles.get(profileId);
    if (!lifecycle) {
      lifecycle = createTokenLifecycle({
        store: sessionStoreFor(profileId),
        vault,
        scheduler: renewalAlarmFor(profileId),
        client,
        profile: async () => profileById(await settings(), profileId),
        now: Date.now,
      });
      lifecycles.set(profileId, lifecycle);
    }
    return lifecycle;
  }

  /**
   * A web app signed out: any profile may have handed out that token. At once for the profiles
   * the worker holds (a shortcut may follow right away), from storage for the others.
   */
  function distrustAll(): void {
    lifecycles.forEach((lifecycle) => lifecycle.distrust());
    void settings().then(({ profiles }) =>
      profiles.filter((p) => !lifecycles.has(p.id)).forEach((p) => void profileItems(p.id).confirmation.removeValue()),
    );
  }

  /** A profile gone from the settings, its token dealt with: everything stored for it goes, and its lifecycle. */
  async function forgetProfile(profileId: string): Promise<void> {
    await removeProfileItems(profileId);
    lifecycles.delete(profileId);
  }

  /** Sessions whose profile went or moved: ended on their server, forgotten here (see stale-sessions). */
  const sessions = staleSessions({ settings, loadSession: (id) => sessionStoreFor(id).load(), lifecycleFor, forgetProfile });

  // Pages opened on trust: their token is confirmed after the open, and healed if refused.
  const healer = createOpenHealer({
    lifecycleFor,
    sessionToken: async (profileId) => (await sessionStoreFor(profileId).load())?.token ?? null,
    settings,
    tabs: createSignedTabs(signedTabsItem),
    tabUrl: tabAddress,
    navigate: sendTab,
    prompt: (prompt, tabId) => (tabId === undefined ? openPopupWindow(promptQuery(prompt)) : openPopupInTab(tabId, promptQuery(prompt))),
    now: Date.now,
  });

  const openDeps = {
    settings,
    lifecycleFor,
    tabs: tabOpener,
    remember: rememberPath,
    cleanAddress: cleanAddressOnceLoaded,
    opened: healer.afterOpen,
  } satisfies OpenDeps;
  return { settings, lifecycleFor, distrustAll, forgetProfile, sessions, openDeps, client, healer };
}
export type Services = ReturnType<typeof createServices>;
