import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followOrphanSessions } from '../../lib/background/orphan-sessions';
import { errorMessage } from '../../lib/error-message';
import { repairLines } from '../../lib/repair/repair-text';
import { NO_REPAIRS } from '../../lib/repair/repairs';
import { savePreferences } from '../../lib/settings/save-settings';
import { DEFAULT_SETTINGS, readSettings } from '../../lib/settings/settings';
import { policyStateItem, popupMemoryItem, profileItems, repairsItem, settingsItem, waitingItem, waitingNoticeItem } from '../../lib/storage';
import { sessionStoreFor } from '../../lib/token/session-store';
import { localeTranslator } from '../support/locale';
import { DEV_PROFILE, PROFILE } from '../support/profiles';

const SESSION = {
  id: 's1',
  retired: [],
  token: 't',
  serverUrl: PROFILE.baseUrl,
  profileId: PROFILE.id,
  issuedAt: 0,
  expiresAt: null,
  user: { username: 'agent1@email.com', nickname: 'Agent One', superUser: false },
  persist: true,
  renewalFailed: null,
};
const UNREADABLE = { id: 'gone', name: 'Gone', baseUrl: 42, agentUrl: null, adminUrl: null };

const stored = async (area: 'local' | 'session', key: string) => (await fakeBrowser.storage[area].get(key))[key];
const repaired = () => vi.waitFor(async () => expect((await repairsItem.getValue()).found).not.toEqual({}));

beforeEach(() => fakeBrowser.reset());

describe('one unreadable profile', () => {
  const raw = { ...DEFAULT_SETTINGS, profiles: [PROFILE, UNREADABLE, DEV_PROFILE], activeProfileId: DEV_PROFILE.id, openIn: 'reuse-tab' };

  it('One unreadable profile is removed alone: the other profiles and settings stay, also after the next save', async () => {
    await fakeBrowser.storage.local.set({ settings: raw });
    const settings = await settingsItem.getValue();
    expect(settings.profiles).toEqual([PROFILE, DEV_PROFILE]);
    expect(settings).toMatchObject({ activeProfileId: DEV_PROFILE.id, openIn: 'reuse-tab' });
    await savePreferences({ cleanAddressBar: true });
    expect(await stored('local', 'settings')).toMatchObject({ profiles: [PROFILE, DEV_PROFILE], openIn: 'reuse-tab', cleanAddressBar: true });
  });

  it('the options page is told once: "One saved profile could not be read and was removed"', async () => {
    await fakeBrowser.storage.local.set({ settings: raw });
    await settingsItem.getValue();
    await repaired();
    const { found, orphans } = await repairsItem.getValue();
    expect(repairLines(found)).toEqual([expect.stringMatching(/^One saved profile could not be read and was removed/)]);
    expect(repairLines(found, localeTranslator('zh_CN'))).toEqual([expect.stringMatching(/^有一个已保存的配置无法读取，已被移除/)]);
    expect(orphans).toEqual(['gone']);
    // Repaired in storage: the next reads find nothing more to say.
    expect(await stored('local', 'settings')).toMatchObject({ profiles: [PROFILE, DEV_PROFILE] });
  });

  it('A profile removed as unreadable has its sign-in ended on its server', async () => {
    await repairsItem.setValue({ found: { profile: 1 }, orphans: ['gone'] });
    const drop = vi.fn(async (_: string) => {});
    await followOrphanSessions(repairsItem, drop)();
    expect(drop).toHaveBeenCalledWith('gone');
    expect(await repairsItem.getValue()).toEqual({ found: { profile: 1 }, orphans: [] });
  });

  it('an active profile that was removed hands over to the first one left', () => {
    expect(readSettings({ ...raw, activeProfileId: 'gone' }).value.activeProfileId).toBe(PROFILE.id);
  });
});

describe('each setting falls back on its own', () => {
  it.each([
    ['open-in', { openIn: 'popup-window' }, { openIn: 'new-tab' }],
    ['default workspace', { defaultWorkspace: 'visitor' }, { defaultWorkspace: 'agent' }],
    ['clean address bar', { cleanAddressBar: 'yes' }, { cleanAddressBar: false }],
    ['active profile', { activeProfileId: 7 }, { activeProfileId: null }],
  ])('an unreadable %s takes its default and the profiles stay', (_, bad, expected) => {
    const { value, junk } = readSettings({ ...DEFAULT_SETTINGS, profiles: [PROFILE], openIn: 'current-tab', ...bad });
    expect(value.profiles).toEqual([PROFILE]);
    expect(value).toMatchObject(expected);
    expect(junk).toEqual([{ kind: 'setting' }]);
  });

  it('settings of an earlier version (fields missing) are no junk', () => {
    expect(readSettings({ profiles: [PROFILE], activeProfileId: PROFILE.id, openIn: 'new-tab', defaultWorkspace: 'admin' }).junk).toEqual([]);
  });

  it('an unreadable action is removed alone, and said', () => {
    const good = { id: 'a1', name: 'Order', workspace: 'agent', template: 'ticket?q={selection}' };
    const { value, junk } = readSettings({ ...DEFAULT_SETTINGS, actions: [good, { id: 'a2', name: 7 }] });
    expect(value.actions).toEqual([good]);
    expect(junk).toEqual([{ kind: 'action' }]);
  });
});

describe('a damaged sign-in', () => {
  it.each([
    ['no user', { ...SESSION, user: null }],
    ['a token that is no text', { ...SESSION, token: 7 }],
    ['an expiry that is no time', { ...SESSION, expiresAt: 'soon' }],
    ['a list of retired tokens that is no list', { ...SESSION, retired: 'x' }],
    ['text', 'session'],
  ])('A damaged stored sign-in (%s) signs the user out with words saying so', async (_, junk) => {
    await fakeBrowser.storage.local.set({ [`session/${PROFILE.id}`]: junk, [`lastAccount/${PROFILE.id}`]: { username: 'agent1@email.com', endedBecause: null } });
    await expect(sessionStoreFor(PROFILE.id).load()).resolves.toBeNull();
    await repaired();
    expect((await stored('local', `session/${PROFILE.id}`)) ?? null).toBeNull();
    const last = await profileItems(PROFILE.id).lastAccount.getValue();
    expect(last).toEqual({ username: 'agent1@email.com', endedBecause: 'sign-in-damaged' });
    expect(errorMessage({ kind: last!.endedBecause })).toMatch(/saved sign-in was damaged.*signed out: sign in again/);
    expect((await repairsItem.getValue()).found).toEqual({ session: 1 });
  });

  it('a sound session keeps fields it does not know (added by a later version), and one stored before ids is no junk', async () => {
    const { id: _, retired: __, ...older } = SESSION;
    await fakeBrowser.storage.local.set({ [`session/${PROFILE.id}`]: { ...older, origins: ['https://desk.example.com'] } });
    await expect(sessionStoreFor(PROFILE.id).load()).resolves.toEqual({ ...SESSION, id: '', origins: ['https://desk.example.com'] });
    expect(await repairsItem.getValue()).toEqual(NO_REPAIRS);
  });
});

describe('every other stored item', () => {
  const items = profileItems(PROFILE.id);
  it.each([
    ['recent pages', 'local', `recentPaths/${PROFILE.id}`, { agent: ['ticket', 7], admin: 'x' }, items.recentPaths, { agent: ['ticket'], admin: [] }, 'recent-pages'],
    ['the last account', 'local', `lastAccount/${PROFILE.id}`, { username: 3 }, items.lastAccount, null, 'remembered'],
    ['the confirmation', 'session', `confirmed/${PROFILE.id}`, { tokenEnd: 1 }, items.confirmation, null, 'remembered'],
    ['the popup memory', 'local', 'popup', { workspace: 'visitor', lock: { until: 'later' } }, popupMemoryItem, { workspace: null, lock: null }, 'remembered'],
    ['the waiting state', 'local', 'waiting', { p1: { kind: 'count', count: 'many' }, p2: { kind: 'off' } }, waitingItem, { p2: { kind: 'off' } }, 'remembered'],
    ['the policy state', 'local', 'policy', { kind: 'applied', policy: 'x' }, policyStateItem, { kind: 'none' }, 'remembered'],
    ['the waiting notice', 'local', 'waitingNotice', 'on', waitingNoticeItem, false, 'remembered'],
  ] as const)('Junk in %s is repaired and reported once, never an error', async (_, area, key, junk, item, expected, kind) => {
    await fakeBrowser.storage[area].set({ [key]: junk });
    await expect((item as { getValue(): Promise<unknown> }).getValue()).resolves.toEqual(expected);
    await repaired();
    expect((await repairsItem.getValue()).found).toEqual({ [kind]: 1 });
    expect((await stored(area, key)) ?? null).toEqual(expected);
  });
});
