import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { errorMessage } from '../../lib/error-message';
import { readPolicy } from '../../lib/settings/policy-read';
import { addProfile, changeProfile } from '../../lib/settings/profiles';
import { saveImport } from '../../lib/settings/save-import';
import { savePreferences, saveServer, updateSettings } from '../../lib/settings/save-settings';
import { DEFAULT_SETTINGS, parseSettings } from '../../lib/settings/settings';
import { parseImport } from '../../lib/settings/transfer';
import { settingsItem } from '../../lib/storage';
import { profileOf, settingsOf } from '../support/profiles';

// The fake browser has no permissions API: Chrome's answer to a removal, recorded.
let remove = vi.fn(async (_: { origins?: string[]; permissions?: string[] }) => true);
beforeEach(() => {
  fakeBrowser.reset();
  remove = vi.fn(async () => true);
  Object.assign(fakeBrowser.permissions, { remove });
});

const server = (baseUrl: string) => ({ baseUrl, agentUrl: null, adminUrl: null });
const MANAGED_ONLY = { allowUserProfiles: false, lockManaged: true, defaultWorkspaceLocked: false };

describe('servers managed by the organisation', () => {
  it('With the organisation managing the servers, the first-run form adds no server and says why', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, policy: MANAGED_ONLY });
    const sessionEnds = vi.fn(async () => null);
    const error = await saveServer(null, server('https://own.example.com'), sessionEnds).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'profiles-managed' });
    expect(errorMessage(error)).toMatch(/organisation manages the servers/);
    expect(parseSettings(await settingsItem.getValue()).profiles).toEqual([]);
  });

  it('adding a profile where the policy allows none changes nothing', () => {
    const settings = settingsOf([profileOf('m1', 'Corporate', 'https://corp.example.com', { managed: true })], { policy: MANAGED_ONLY });
    expect(addProfile(settings, server('https://own.example.com'), 'x')).toBe(settings);
  });
});

describe('profile names cannot disguise themselves', () => {
  const RLO = 'Staging\u202Elanretxe';
  it.each([
    ['a right-to-left override', RLO, 'Staginglanretxe'],
    ['isolates', '\u2066Prod\u2069', 'Prod'],
    ['direction marks and a zero-width space', '\u200EA\u200Bdmin\u200F', 'Admin'],
    ['embeddings and a line separator', '\u202AOne\u2028\u202C', 'One'],
    ['controls', 'Tab\u0009Bell\u0007', 'TabBell'],
  ])('A profile name never keeps hidden direction characters: %s, typed', (_, typed, shown) => {
    const added = addProfile(DEFAULT_SETTINGS, server('https://a.example'), 'a', typed);
    expect(added.profiles[0]!.name).toBe(shown);
    expect(changeProfile(added, 'a', { name: typed }).profiles[0]!.name).toBe(shown);
  });

  it('nor imported, from a policy, or as stored', () => {
    const file = parseImport(JSON.stringify({ format: 'bytedesk-launchpad-settings', version: 1, profiles: [{ name: RLO, serverUrl: 'https://a.example' }] }));
    expect(file.ok && file.file.profiles[0]!.name).toBe('Staginglanretxe');
    const policy = readPolicy({ profiles: [{ name: RLO, serverUrl: 'https://a.example' }] });
    expect(policy.kind === 'valid' && policy.policy.profiles[0]!.name).toBe('Staginglanretxe');
    expect(parseSettings(settingsOf([profileOf('a', RLO, 'https://a.example')])).profiles[0]!.name).toBe('Staginglanretxe');
  });

  it('a name of hidden characters only is no name: the server names the profile', () => {
    expect(addProfile(DEFAULT_SETTINGS, server('https://a.example'), 'a', '\u202E\u200B').profiles[0]!.name).toBe('a.example');
  });
});

describe('permissions nothing needs any more are given back', () => {
  const history = { permissions: ['history'] };

  it('Turning the clean address bar off gives the history permission back', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, cleanAddressBar: true });
    await savePreferences({ cleanAddressBar: false });
    expect(remove).toHaveBeenCalledWith(history);
  });

  it('also when another writer (an import, the policy) turns it off, and not while it stays on', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, cleanAddressBar: true });
    await updateSettings((s) => ({ ...s, openIn: 'reuse-tab' }));
    expect(remove).not.toHaveBeenCalledWith(history);
    await updateSettings((s) => ({ ...s, cleanAddressBar: false }));
    expect(remove).toHaveBeenCalledWith(history);
  });

  it('An import that moves a profile to another server gives back the permission of the server it replaced', async () => {
    await settingsItem.setValue(settingsOf([profileOf('p1', 'Production', 'https://old.example.com')], { activeProfileId: 'p1' }));
    const parsed = parseImport(JSON.stringify({ format: 'bytedesk-launchpad-settings', version: 1, profiles: [{ name: 'Production', serverUrl: 'https://new.example.com' }] }));
    if (!parsed.ok) throw new Error('refused');
    const applied = await saveImport(parsed.file);
    expect(applied.change).toHaveLength(1);
    expect(parseSettings(await settingsItem.getValue()).profiles[0]).toMatchObject({ id: 'p1', baseUrl: 'https://new.example.com' });
    expect(remove).toHaveBeenCalledWith({ origins: ['https://old.example.com/*'] });
  });
});
