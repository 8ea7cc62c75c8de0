import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerBackground } from '../../lib/background/register';
import { createServices } from '../../lib/background/services';
import { removeAllListeners } from '../../lib/messaging';
import type { Settings } from '../../lib/settings/settings';
import { settingsItem } from '../../lib/storage';
import type { Session } from '../../lib/token/session';
import { menuItems, runWayIn, type WaysInDeps } from '../../lib/ways-in/ways-in';
import { installMissingApis } from '../support/fake-missing-apis';
import { profileOf, settingsOf } from '../support/profiles';

// The right-click menu names the active profile and switches to another, when there are several.

const profile = profileOf;
const PROD = profile('prod', 'Production');
const STAGING = profile('staging', 'Staging');
const BASE_ITEMS = ['open-agent-ticket', 'open-agent-chat', 'open-admin-dashboard'];

describe('menuItems', () => {
  it.each([
    ['no settings yet', undefined],
    ['no profile', settingsOf([])],
    ['one profile', settingsOf([PROD])],
  ])('%s: no profile submenu', (_, settings) => {
    expect(menuItems(settings).map((item) => item.id)).toEqual(BASE_ITEMS);
  });

  it('two profiles: a submenu titled with the active one, a radio item each, the active one checked', () => {
    const items = menuItems(settingsOf([PROD, STAGING], { activeProfileId: STAGING.id }));
    expect(items.map((item) => item.id)).toEqual([...BASE_ITEMS, 'profiles', 'profile/prod', 'profile/staging']);
    expect(items.find((item) => item.id === 'profiles')?.title).toBe('Profile: Staging');
    expect(items.filter((item) => item.parentId === 'profiles')).toEqual([
      expect.objectContaining({ id: 'profile/prod', title: 'Production', type: 'radio', checked: false }),
      expect.objectContaining({ id: 'profile/staging', title: 'Staging', type: 'radio', checked: true }),
    ]);
  });

  it('an active id that names no profile: the first is shown as active', () => {
    const items = menuItems(settingsOf([PROD, STAGING], { activeProfileId: 'gone' }));
    expect(items.filter((item) => item.checked).map((item) => item.id)).toEqual(['profile/prod']);
  });
});

describe('a profile item clicked', () => {
  it('makes that profile active, and opens nothing', async () => {
    const lifecycle = { liveSession: vi.fn(async () => ({}) as Session), revoke: vi.fn(async () => {}) };
    const d = {
      settings: async () => settingsOf([PROD, STAGING]),
      lifecycleFor: vi.fn(() => lifecycle),
      tabs: { open: vi.fn(async () => {}) },
      remember: async () => {},
      prompt: vi.fn(async () => {}),
      activate: vi.fn(async () => {}),
    } satisfies WaysInDeps;
    await runWayIn('profile/staging', d);
    expect(d.activate).toHaveBeenCalledWith(STAGING.id);
    expect(d.lifecycleFor).not.toHaveBeenCalled();
    expect(d.tabs.open).not.toHaveBeenCalled();
  });
});

describe('the menu in the background', () => {
  let fakes: ReturnType<typeof installMissingApis>;
  beforeEach(() => {
    fakeBrowser.reset();
    fakes = installMissingApis();
  });
  afterEach(() => removeAllListeners());

  const start = async (settings: Settings) => {
    await settingsItem.setValue(settings);
    registerBackground(createServices());
  };
  const shown = () => Object.fromEntries([...fakes.contextMenus.items].filter(([, item]) => item.type === 'radio').map(([id, item]) => [id, item.checked]));
  const title = () => fakes.contextMenus.items.get('profiles')?.title;

  it('one profile: the three items, no profile submenu (no Sign out beside them)', async () => {
    await start(settingsOf([PROD]));
    await vi.waitFor(() => expect([...fakes.contextMenus.items.keys()]).toEqual(BASE_ITEMS));
  });

  it('switches on a click, and the menu follows the settings as they change', async () => {
    await start(settingsOf([PROD, STAGING]));
    await vi.waitFor(() => expect(shown()).toEqual({ 'profile/prod': true, 'profile/staging': false }));
    expect(title()).toBe('Profile: Production');

    fakes.contextMenus.onClicked.trigger({ menuItemId: 'profile/staging' });
    await vi.waitFor(async () => expect((await settingsItem.getValue()).activeProfileId).toBe(STAGING.id));
    await vi.waitFor(() => expect(shown()).toEqual({ 'profile/prod': false, 'profile/staging': true }));
    expect(title()).toBe('Profile: Staging');

    // A profile removed elsewhere (the options page): its item goes, and with one left, the submenu.
    await settingsItem.setValue(settingsOf([STAGING]));
    await vi.waitFor(() => expect([...fakes.contextMenus.items.keys()]).toEqual(BASE_ITEMS));
    expect(fakes.contextMenus.errors).toEqual([]);
  });

  it('a worker started again draws the menu anew, with no duplicate ids', async () => {
    await start(settingsOf([PROD, STAGING]));
    await vi.waitFor(() => expect(fakes.contextMenus.items.size).toBe(6));
    removeAllListeners();
    registerBackground(createServices());
    await settingsItem.setValue(settingsOf([PROD, STAGING], { activeProfileId: STAGING.id })); // and a change while both draw
    await vi.waitFor(() => expect(shown()).toEqual({ 'profile/prod': false, 'profile/staging': true }));
    expect(fakes.contextMenus.items.size).toBe(6);
    expect(fakes.contextMenus.errors).toEqual([]);
  });
});
