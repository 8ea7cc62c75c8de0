import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { savePreferences, saveServer } from '../../lib/settings/save-settings';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { persistentSessionItem, recentPathsItem, sessionItem, settingsItem } from '../../lib/storage';
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

beforeEach(() => fakeBrowser.reset());

describe('saveServer', () => {
  it.each([
    ['no session', null, 'kept', 0],
    ['a session on the same server', session('https://desk.example.com'), 'kept', 0],
    ['a session on the previous server', session('https://old.example.com'), 'signed-out', 1],
  ] as const)('with %s: %s', async (_, stored, outcome, forgets) => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, profiles: [{ ...PROFILE, baseUrl: 'https://old.example.com' }], activeProfileId: PROFILE.id });
    if (stored) await sessionItem.setValue(stored);
    const forget = vi.fn(async () => {});
    await expect(saveServer(server('https://desk.example.com'), forget)).resolves.toBe(outcome);
    expect(forget).toHaveBeenCalledTimes(forgets);
    expect((await settingsItem.getValue()).profiles).toEqual([{ ...PROFILE, baseUrl: 'https://desk.example.com' }]);
  });

  it('saves even when the background cannot forget the old session, and says so', async () => {
    await persistentSessionItem.setValue(session('https://old.example.com'));
    const forget = vi.fn(async () => Promise.reject(new Error('no background')));
    await expect(saveServer(server('https://desk.example.com'), forget)).resolves.toBe('sign-out-failed');
    expect((await settingsItem.getValue()).profiles[0]?.baseUrl).toBe('https://desk.example.com');
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
    });
  });
});

describe('two writers at once', () => {
  it('a server saved on the options page and a preference saved in the popup: both kept', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, profiles: [PROFILE], activeProfileId: PROFILE.id });
    await Promise.all([
      saveServer(server('https://new.example.com'), async () => {}),
      savePreferences({ openIn: 'reuse-tab' }),
      savePreferences({ defaultWorkspace: 'admin' }),
    ]);
    expect(await settingsItem.getValue()).toEqual({
      profiles: [{ ...PROFILE, baseUrl: 'https://new.example.com' }],
      activeProfileId: PROFILE.id,
      openIn: 'reuse-tab',
      defaultWorkspace: 'admin',
    });
  });

  it('two pages opened at once both go to the recent list', async () => {
    await Promise.all([rememberPath('agent', 'ticket/1'), rememberPath('agent', 'ticket/2')]);
    expect((await recentPathsItem.getValue()).agent.toSorted()).toEqual(['ticket/1', 'ticket/2']);
  });
});
