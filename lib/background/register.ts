import { browser } from 'wxt/browser';
import { startBadge } from '../badge/badge';
import { onShortcut } from '../browser/command-events';
import { ensureMenuItems, onMenuClick } from '../browser/context-menus';
import { onOmnibox } from '../browser/omnibox';
import { openPopupWindow } from '../browser/popup-window';
import { onWebAppSignOut } from '../browser/web-app-sign-out';
import { RENEWAL_ALARM } from '../browser/renewal-alarm';
import { onMessage } from '../messaging';
import { recentPathsItem } from '../storage';
import { normalizeServerUrl } from '../settings/server-url';
import { createUser } from '../users/create-user';
import { omniboxHandlers } from '../ways-in/omnibox';
import { promptQuery } from '../ways-in/prompt';
import { menuItems, runWayIn, type WaysInDeps } from '../ways-in/ways-in';
import { openWorkspace } from '../workspace/open-workspace';
import type { Services } from './services';

/** Wires browser events and popup messages to the services. Listeners go on synchronously. */
export function registerBackground({ lifecycle, openDeps, client }: Services): void {
  onMessage('signIn', async ({ data }) => void (await lifecycle.signIn(data)));
  onMessage('signInWithToken', async ({ data }) => void (await lifecycle.signInWithToken(data.token, data.persist)));
  onMessage('open', ({ data }) => openWorkspace(data, openDeps));
  onMessage('revoke', () => lifecycle.revoke());
  onMessage('forget', () => lifecycle.forget());
  onMessage('confirm', () => lifecycle.confirmAhead());
  onWebAppSignOut(() => lifecycle.distrust());
  onMessage('createUser', ({ data }) => createUser(data, { lifecycle, client }));
  onMessage('probe', ({ data }) => client(normalizeServerUrl(data.baseUrl)).probe());

  // A shortcut or menu item has no popup of its own to say "sign in first": the popup's page in a
  // small window says it, and its sign-in then opens what was asked for.
  const waysIn: WaysInDeps = { ...openDeps, lifecycle, prompt: (prompt) => openPopupWindow(promptQuery(prompt)) };
  onShortcut((command) => void runWayIn(command, waysIn));
  onMenuClick((id) => void runWayIn(id, waysIn));
  onOmnibox(omniboxHandlers({ ...waysIn, recentPaths: () => recentPathsItem.getValue() }));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RENEWAL_ALARM) void lifecycle.renewIfDue();
  });
  // Every worker start, once the event that woke it has gone first (a page to open is what the
  // user waits for): the menu items, the badge, the renewal alarm (or a missed renewal), and the
  // server's word on the token before a page needs it.
  setTimeout(() => {
    void ensureMenuItems(menuItems());
    startBadge();
    void lifecycle.renewIfDue().then(() => lifecycle.confirmAhead());
  }, 0);
}
