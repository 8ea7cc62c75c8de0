import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { profileItems, settingsItem } from '../../lib/storage';
import { moveLegacySession } from '../../lib/token/legacy-session';
import type { Session } from '../../lib/token/session';
import { sessionStoreFor } from '../../lib/token/session-store';
import { DEV_PROFILE, PROFILE } from '../support/profiles';

// An update from the version before profiles signs nobody out: the one session, its password,
// trust, last account and recent pages move to their profile's keys, once.

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const session = (profileId: string, persist = false): Session => ({
  id: 's1',
  retired: [],
  token: 'OLD-TOKEN',
  serverUrl: PROFILE.baseUrl,
  profileId,
  issuedAt: T0,
  expiresAt: T0 + 30 * 86_400_000,
  user: { username: 'admin@email.com', nickname: 'Admin', superUser: true },
  persist,
  renewalFailed: null,
});
const SEALED = { iv: 'aXY=', ciphertext: 'Y2lwaGVy', username: 'admin@email.com', serverUrl: PROFILE.baseUrl };
const LAST_ACCOUNT = { username: 'admin@email.com', endedBecause: null };
const RECENT = { agent: ['ticket/7'], admin: [] };
const everything = async () => ({ local: await fakeBrowser.storage.local.get(), session: await fakeBrowser.storage.session.get() });

beforeEach(async () => {
  fakeBrowser.reset();
  // Asked for a list of keys, browsers answer with the keys they hold; the fake adds the others as
  // undefined. Answered as a browser does, so "nothing stored" is nothing here too.
  for (const area of [fakeBrowser.storage.local, fakeBrowser.storage.session]) {
    const get = area.get.bind(area) as (keys?: unknown) => Promise<Record<string, unknown>>;
    vi.spyOn(area, 'get').mockImplementation((async (keys?: unknown) =>
      Object.fromEntries(Object.entries(await get(keys)).filter(([, value]) => value !== undefined))) as typeof area.get);
  }
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, profiles: [PROFILE, DEV_PROFILE], activeProfileId: PROFILE.id });
});

afterEach(() => vi.restoreAllMocks());

describe('moveLegacySession', () => {
  it('moves a session kept for the browser session, with everything of it, to its profile; the old keys go', async () => {
    await fakeBrowser.storage.session.set({ session: session(PROFILE.id), password: SEALED, confirmed: { tokenEnd: 'OLD-TOKEN', at: T0 } });
    await fakeBrowser.storage.local.set({ lastAccount: LAST_ACCOUNT, recentPaths: RECENT });
    await fakeBrowser.alarms.create('renew-token', { when: T0 + 86_400_000 });

    await moveLegacySession();

    const items = profileItems(PROFILE.id);
    expect(await sessionStoreFor(PROFILE.id).load()).toMatchObject({ token: 'OLD-TOKEN', persist: false });
    expect(await sessionStoreFor(PROFILE.id).loadPassword()).toEqual(SEALED);
    expect(await items.confirmation.getValue()).toEqual({ tokenEnd: 'OLD-TOKEN', at: T0 });
    expect(await items.lastAccount.getValue()).toEqual(LAST_ACCOUNT);
    expect(await items.recentPaths.getValue()).toEqual(RECENT);
    const { local, session: ephemeral } = await everything();
    expect(Object.keys(ephemeral).toSorted()).toEqual(['confirmed/p1', 'password/p1', 'session/p1']);
    expect(Object.keys(local).toSorted()).toEqual(['lastAccount/p1', 'recentPaths/p1', 'settings']);
    expect(await fakeBrowser.alarms.get('renew-token'), 'the one old alarm; each profile has its own now').toBeUndefined();
  });

  it('a session kept across restarts stays kept, in local storage', async () => {
    await fakeBrowser.storage.local.set({ session: session(PROFILE.id, true), password: SEALED });
    await moveLegacySession();
    expect(await profileItems(PROFILE.id).persistentSession.getValue()).toMatchObject({ token: 'OLD-TOKEN', persist: true });
    expect(await profileItems(PROFILE.id).persistentPassword.getValue()).toEqual(SEALED);
    expect(await profileItems(PROFILE.id).session.getValue()).toBeNull();
    expect(await fakeBrowser.storage.local.get(['session', 'password'])).toEqual({});
  });

  it("goes to the session's own profile, even when another is active", async () => {
    await fakeBrowser.storage.session.set({ session: session(DEV_PROFILE.id) });
    await fakeBrowser.storage.local.set({ recentPaths: RECENT });
    await moveLegacySession();
    expect(await sessionStoreFor(DEV_PROFILE.id).load()).toMatchObject({ token: 'OLD-TOKEN' });
    expect(await profileItems(DEV_PROFILE.id).recentPaths.getValue()).toEqual(RECENT);
    expect(await sessionStoreFor(PROFILE.id).load()).toBeNull();
  });

  it('with no session, what is left (the last account, recent pages) goes to the active profile', async () => {
    await fakeBrowser.storage.local.set({ lastAccount: { username: 'agent1@email.com', endedBecause: 'token-rejected' } });
    await moveLegacySession();
    expect(await profileItems(PROFILE.id).lastAccount.getValue()).toEqual({ username: 'agent1@email.com', endedBecause: 'token-rejected' });
    expect(await fakeBrowser.storage.local.get('lastAccount')).toEqual({});
  });

  it('nothing from before: nothing written, nothing removed; the same after a move, at every later start', async () => {
    const before = await everything();
    const writes = [
      vi.spyOn(fakeBrowser.storage.local, 'set'),
      vi.spyOn(fakeBrowser.storage.session, 'set'),
      vi.spyOn(fakeBrowser.storage.local, 'remove'),
      vi.spyOn(fakeBrowser.storage.session, 'remove'),
    ];
    await moveLegacySession();
    expect(await everything()).toEqual(before);
    writes.forEach((write) => expect(write).not.toHaveBeenCalled());

    await fakeBrowser.storage.session.set({ session: session(PROFILE.id) });
    await moveLegacySession();
    const moved = await everything();
    writes.forEach((write) => write.mockClear());
    await moveLegacySession();
    expect(await everything()).toEqual(moved);
    writes.forEach((write) => expect(write).not.toHaveBeenCalled());
  });

  it('an old session with no profile to go to is dropped, never kept under a made-up key', async () => {
    await settingsItem.setValue(DEFAULT_SETTINGS);
    await fakeBrowser.storage.session.set({ session: { ...session(PROFILE.id), profileId: undefined } });
    await moveLegacySession();
    expect((await everything()).session).toEqual({});
  });
});
