import { browser } from 'wxt/browser';
import { startBadge } from '../badge/badge';
import { onShortcut } from '../browser/command-events';
import { dropHistoryPermission } from '../browser/permissions';
import { onMenuClick, setMenuItems } from '../browser/context-menus';
import { startManagedPolicy } from '../settings/managed-policy';
import { desktopNotices } from '../browser/notifications';
import { onOmnibox } from '../browser/omnibox';
import { openPopupWindow } from '../browser/popup-window';
import { renewalAlarmProfile } from '../browser/renewal-alarm';
import { WAITING_ALARM } from '../browser/waiting-alarm';
import { onApiRefusal, onWebAppSignOut } from '../browser/web-app-sign-out';
import { onMessage } from '../messaging';
import { profileById, setActiveProfile } from '../settings/profiles';
import { removeProfile } from '../settings/remove-profile';
import { updateSettings } from '../settings/save-settings';
import { normalizeServerUrl } from '../settings/server-url';
import { parseSettings } from '../settings/settings';
import { profileItems, repairsItem, settingsItem } from '../storage';
import { moveLegacySession } from '../token/legacy-session';
import { sessionStoreFor } from '../token/session-store';
import { snippetWithToken } from '../share/real-snippet';
import { createUser } from '../users/create-user';
import { omniboxHandlers } from '../ways-in/omnibox';
import { promptQuery } from '../ways-in/prompt';
import { menuItems, openOrPrompt, runWayIn, type WaysInDeps } from '../ways-in/ways-in';
import { noticeOpens } from '../work/waiting-notice';
import { openWorkspace, type OpenDeps } from '../workspace/open-workspace';
import type { Services } from './services';
import { followOrphanSessions } from './orphan-sessions';
import { createWaitingWork } from './waiting-work';

/** Wires browser events and popup messages to the services. Listeners go on synchronously. */
export function registerBackground(services: Services): void {
  const { lifecycleFor, client, settings } = services;
  const waiting = createWaitingWork(services);
  // After any page opened, by any way in: the agent may be about to answer there, so the waiting
  // count is asked again (within the poller's waits).
  const openDeps = {
    ...services.openDeps,
    remember: async (...opened: Parameters<OpenDeps['remember']>) => {
      await services.openDeps.remember(...opened);
      void waiting.check('page-opened');
    },
  };

  onMessage('signIn', async ({ data: { profileId, ...input } }) => void (await lifecycleFor(profileId).signIn(input)));
  onMessage('signInWithToken', async ({ data }) => void (await lifecycleFor(data.profileId).signInWithToken(data.token, data.persist)));
  onMessage('open', ({ data }) => openWorkspace(data, openDeps));
  onMessage('revoke', ({ data }) => lifecycleFor(data.profileId).revoke());
  onMessage('forget', ({ data }) => lifecycleFor(data.profileId).forget());
  onMessage('confirm', ({ data }) => {
    void waiting.check('popup'); // the popup shows the count: read it fresh while the user looks
    return lifecycleFor(data.profileId).confirmAhead();
  });
  onMessage('checkWaiting', async () => void (await waiting.check('options')));
  onMessage('removeProfile', ({ data }) => removeProfile(data.profileId, data.force === true, services));
  onMessage('sessionEnds', ({ data }) => services.sessions.endsOf(data.profileIds));
  onWebAppSignOut(services.distrustAll);
  // A 401 from a server's API: some token is dead. Trust ends; a page we opened asks about its own.
  onApiRefusal((tabId) => {
    services.distrustAll();
    if (tabId >= 0) void services.healer.afterRefusal(tabId).catch(() => {});
  });
  browser.tabs.onRemoved.addListener((tabId) => services.healer.forgetTab(tabId));
  onMessage('createUser', ({ data }) => createUser(data, { lifecycleFor, client, profile: async (id) => profileById(await settings(), id) }));
  onMessage('probe', ({ data }) => client(normalizeServerUrl(data.baseUrl)).probe());
  onMessage('snippet', ({ data }) => snippetWithToken(data, services.openDeps));

  // A shortcut or menu item has no popup of its own to say "sign in first": the popup's page in a
  // small window says it, and its sign-in then opens what was asked for.
  const waysIn: WaysInDeps = {
    ...openDeps,
    prompt: (prompt) => openPopupWindow(promptQuery(prompt)),
    activate: async (profileId) => void (await updateSettings((s) => setActiveProfile(s, profileId))),
  };
  onShortcut((command) => void runWayIn(command, waysIn));
  onMenuClick((id, selection) => void runWayIn(id, waysIn, selection));
  onOmnibox(
    omniboxHandlers({
      ...waysIn,
      recentPaths: (profileId) => profileItems(profileId).recentPaths.getValue(),
      superUser: async (profileId) => (await sessionStoreFor(profileId).load())?.user.superUser === true,
    }),
  );
  desktopNotices.onClicked((id) => {
    const request = noticeOpens(id);
    if (!request) return;
    void desktopNotices.clear(id).catch(() => {});
    void openOrPrompt(request, waysIn);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    const profileId = renewalAlarmProfile(alarm.name);
    if (profileId) void lifecycleFor(profileId).renewIfDue();
    if (alarm.name === WAITING_ALARM) void waiting.check('alarm');
  });
  // The organisation's policy, now and whenever it changes (it listens to storage.managed).
  startManagedPolicy(Date.now);
  // Profiles dropped as unreadable, by this worker's reads or a page's: their sessions end too.
  const endOrphans = followOrphanSessions(repairsItem, (profileId) => services.sessions.settle(null, [profileId]));
  settingsItem.watch((stored, previous) => {
    // Whoever changed a profile (a page, an import, the policy), its session ends here if it moved.
    void services.sessions.settle(parseSettings(previous));
    // The menu names the profiles: redrawn as they change.
    void setMenuItems(menuItems(parseSettings(stored)));
  });

  // Every worker start, once the event that woke it has gone first (a page to open is what the
  // user waits for): the menu items, the badge, the waiting count's alarm, each profile's renewal
  // alarm (or a missed renewal), and the server's word on the active token before a page needs it.
  setTimeout(() => {
    void moveLegacySession().then(async () => {
      await services.sessions.settle(null);
      const now = await settings();
      void endOrphans();
      // Turned off by an earlier version, which kept it: nothing needs `history` then.
      if (!now.cleanAddressBar) void dropHistoryPermission();
      void setMenuItems(menuItems(now));
      startBadge();
      waiting.follow();
      await Promise.all(now.profiles.map((p) => lifecycleFor(p.id).renewIfDue()));
      if (now.activeProfileId) await lifecycleFor(now.activeProfileId).confirmAhead();
    });
  }, 0);
}
