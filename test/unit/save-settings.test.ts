import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { savePreferences, saveServer } from '../../lib/settings/save-settings';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { profileItems, settingsItem } from '../../lib/storage';
import type { Session } from '../../lib/token/session';
import { rememberPath } from '../../lib/workspace/recent-paths';
import { PROFILE } from '../support/profiles';

const session = (serverUrl: string): Session => ({
  id: 's1',
  retired: [],
  token: 't',
  serverUrl,
  profileId: PROFILE.id,
  issuedAt: 0,
  expiresAt: null,
  user: { username: 'admin@email.com', nickname: 'Admin', superUser: true },
  persist: false,
  renewalFailed: null,
});
const server = (baseUrl: string) => ({ baseUrl, agentUrl: null, adminUrl: null });

const { persistentSession: persistentSessionItem, recentPaths: recentPathsItem } = profileItems(PROFILE.id);

// The fake browser has no permissions API: Chrome's answer to a removal, recorded.
let removePermission = vi.fn(async (_: { origins: string[] }) => true);
beforeEach(() => {
  fakeBrowser.reset();
  removePermission = vi.fn(async () => true);
  Object.assign(fakeBrowser.permissions, { remove: removePermission });
});

describe('saveServer', () => {
  it.each([
    ['nothing ended', null, 'kept'],
    ['the old session revoked on its server', 'revoked', 'signed-out'],
    ['the old session forgotten here, its server out of reach', 'not-revoked', 'sign-out-failed'],
  ] as const)('tells what the background did with the session: %s -> %s', async (_, ended, outcome) => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, profiles: [{ ...PROFILE, baseUrl: 'https://old.example.com' }], activeProfileId: PROFILE.id });
    const sessionEnds = vi.fn(async () => ended);
    await expect(saveServer(PROFILE.id, server('https://desk.example.com'), sessionEnds)).resolves.toEqual({ profileId: PROFILE.id, session: outcome });
    // Asked after the settings were written: the background ends what no longer belongs.
    expect(sessionEnds).toHaveBeenCalledWith(PROFILE.id);
    expect((await settingsItem.getValue()).profiles).toEqual([{ ...PROFILE, baseUrl: 'https://desk.example.com' }]);
    // The old server's site is used by no profile now: its host permission goes.
    expect(removePermission.mock.calls).toEqual([[{ origins: ['https://old.example.com/*'] }]]);
  });

  it('saves even when the background cannot be asked, and says the old sign-in may stay', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, profiles: [{ ...PROFILE, baseUrl: 'https://old.example.com' }], activeProfileId: PROFILE.id });
    await persistentSessionItem.setValue(session('https://old.example.com'));
    const sessionEnds = vi.fn(async () => Promise.reject(new Error('no background')));
    await expect(saveServer(PROFILE.id, server('https://desk.example.com'), sessionEnds)).resolves.toMatchObject({ session: 'sign-out-failed' });
    expect((await settingsItem.getValue()).profiles[0]?.baseUrl).toBe('https://desk.example.com');
  });

  it('saves even when the browser refuses to let go of the old permission (a grant of the build itself)', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, profiles: [{ ...PROFILE, baseUrl: 'https://old.example.com' }], activeProfileId: PROFILE.id });
    removePermission.mockRejectedValue(new Error('You cannot remove required permissions.'));
    await expect(saveServer(PROFILE.id, server('https://desk.example.com'), async () => null)).resolves.toMatchObject({ session: 'kept' });
    expect((await settingsItem.getValue()).profiles[0]?.baseUrl).toBe('https://desk.example.com');
  });

  it('a new profile (first run, Add) gets an id of its own, is named after its server and made active', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, profiles: [PROFILE], activeProfileId: PROFILE.id });
    const { profileId, session } = await saveServer(null, server('https://staging.example.com'), async () => null);
    expect(session).toBe('kept');
    expect(profileId).not.toBe(PROFILE.id);
    const stored = await settingsItem.getValue();
    expect(stored.profiles).toEqual([PROFILE, { id: profileId, name: 'staging.example.com', ...server('https://staging.example.com'), managed: false }]);
    expect(stored.activeProfileId).toBe(profileId);
    expect(removePermission).not.toHaveBeenCalled();
  });
});

describe('savePreferences', () => {
  it('changes only the preference, keeping a server saved meanwhile', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, profiles: [PROFILE], activeProfileId: PROFILE.id });
    await savePreferences({ openIn: 'reuse-tab' });
    await savePreferences({ defaultWorkspace: 'admin' });
    expect(await settingsItem.getValue()).toEqual({
      profiles: [PROFILE],
      activeProfileId: PROFILE.id,
      openIn: 'reuse-tab',
      defaultWorkspace: 'admin',
      policy: null,
      cleanAddressBar: false,
      actions: [],
    });
  });
});

describe('two writers at once', () => {
  it('a server saved on the options page and a preference saved in the popup: both kept', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, profiles: [PROFILE], activeProfileId: PROFILE.id });
    await Promise.all([
      saveServer(PROFILE.id, server('https://new.example.com'), async () => null),
      savePreferences({ openIn: 'reuse-tab' }),
      savePreferences({ defaultWorkspace: 'admin' }),
    ]);
    expect(await settingsItem.getValue()).toEqual({
      profiles: [{ ...PROFILE, baseUrl: 'https://new.example.com' }],
      activeProfileId: PROFILE.id,
      openIn: 'reuse-tab',
      defaultWorkspace: 'admin',
      policy: null,
      cleanAddressBar: false,
      actions: [],
    });
  });

  it('two pages opened at once both go to the recent list', async () => {
    await Promise.all([rememberPath(PROFILE.id, 'agent', 'ticket/1'), rememberPath(PROFILE.id, 'agent', 'ticket/2')]);
    expect((await recentPathsItem.getValue()).agent.toSorted()).toEqual(['ticket/1', 'ticket/2']);
  });
});
